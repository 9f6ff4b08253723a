"""URLs of the academy: catalogue."""

from django.urls import URLPattern, path

from atelier.academy.views import catalogue as views

urlpatterns: list[URLPattern] = [
    path("", views.catalogue, name="catalogue"),
    path("editions/<int:pk>/", views.edition_detail, name="edition"),
    path("editions/<int:pk>/calendar.ics", views.edition_ical, name="edition_ical"),
    path("calendar/", views.calendar_feed, name="calendar_feed"),
    path("calendar/reset/", views.calendar_feed_reset, name="calendar_feed_reset"),
    path("calendar/<str:token>.ics", views.calendar_feed_ics, name="calendar_feed_ics"),
    path("staff/editions/", views.staff_editions, name="staff_editions"),
]
