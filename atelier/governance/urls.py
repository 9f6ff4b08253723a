from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("", views.body_list, name="bodies"),
    path("bodies/<int:pk>/", views.body_detail, name="body_detail"),
    path("bodies/<int:pk>/targets/", views.body_edit, name="body_edit"),
    path("bodies/<int:pk>/mandates/new/", views.mandate_create, name="mandate_create"),
    path("bodies/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("mandates/<int:pk>/", views.mandate_edit, name="mandate_edit"),
    path("mandates/<int:pk>/end/", views.mandate_end, name="mandate_end"),
    path("mandates/<int:pk>/seat/", views.mandate_seat, name="mandate_seat"),
    path("meetings/", views.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("terms/<int:pk>/results/", views.election_results, name="election_results"),
    path("terms/<int:pk>/results/edit/", views.election_results_edit, name="election_results_edit"),
]
