from django.urls import path

from . import views

app_name = "contacts"
urlpatterns = [
    path("organisations/<int:pk>/", views.contact_list, name="list"),
    path("organisations/<int:pk>/new/", views.contact_create, name="create"),
    path("organisations/<int:pk>/import/", views.contact_import, name="import"),
    path("organisations/<int:pk>/new-term/", views.new_term, name="new_term"),
    path("<int:pk>/", views.contact_detail, name="detail"),
    path("<int:pk>/functions/", views.function_add, name="function_add"),
    path("<int:pk>/functions/<int:function_pk>/end/", views.function_end, name="function_end"),
    path("<int:pk>/export.<str:fmt>", views.contact_export, name="export"),
    path("<int:pk>/erase/", views.contact_erase, name="erase"),
]
