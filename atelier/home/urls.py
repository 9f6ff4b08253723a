from django.urls import path

from . import views

app_name = "home"
urlpatterns = [
    path("start-here/dismiss/", views.start_here_dismiss, name="start_here_dismiss"),
    path("start-here/show/", views.start_here_show, name="start_here_show"),
]
