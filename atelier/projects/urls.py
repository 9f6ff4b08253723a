"""The project pages: a team's project, its team, its plan per phase and its decision log."""

from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.project_edit, name="edit"),
    path("<int:pk>/phase/", views.set_phase, name="set_phase"),
    path("<int:pk>/canvases/new/", views.canvas_create, name="canvas_create"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/team/add/", views.member_add, name="member_add"),
    path("<int:pk>/team/invite/", views.expert_invite, name="expert_invite"),
    path("<int:pk>/team/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/plan/<int:planned_pk>/done/", views.plan_done, name="plan_done"),
    path("<int:pk>/plan/<int:planned_pk>/remove/", views.plan_remove, name="plan_remove"),
    path("<int:pk>/decisions/", views.decisions, name="decisions"),
]
