from django.urls import path

from . import views

app_name = "mailings"
urlpatterns = [
    path("", views.mailing_list, name="list"),
    path("new/", views.mailing_create, name="create"),
    path("<int:pk>/", views.mailing_detail, name="detail"),
    path("<int:pk>/test/", views.mailing_test, name="test"),
    path("<int:pk>/send/", views.mailing_send, name="send"),
    path("invite/edition/<int:edition_pk>/", views.edition_invite, name="invite"),
    path("segments/new/", views.segment_form, name="segment_create"),
    path("segments/<int:pk>/", views.segment_form, name="segment"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
