"""URLs of the academy: enrolment."""

from django.urls import URLPattern, path

from atelier.academy.views import enrolment as views

urlpatterns: list[URLPattern] = [
    path("editions/<int:pk>/enrol/", views.enrol_view, name="enrol"),
    path("enrolments/<int:pk>/cancel/", views.cancel_view, name="cancel"),
    path("my/", views.my_enrolments, name="my_enrolments"),
    path("editions/<int:pk>/colleagues/", views.enrol_colleagues, name="enrol_colleagues"),
    path("staff/editions/<int:pk>/participants/", views.participants, name="participants"),
]
