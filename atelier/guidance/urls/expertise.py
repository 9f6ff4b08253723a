"""The expertise planner: the team's skills, its plans and one plan to read or print."""

from django.urls import path

from atelier.guidance.views import expertise as views

urlpatterns = [
    path("projects/<int:pk>/skills/", views.skills, name="skills"),
    path("projects/<int:pk>/expertise/", views.expertise, name="expertise"),
    path("expertise/<int:plan_pk>/", views.expertise_plan, name="expertise_plan"),
]
