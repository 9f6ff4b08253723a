from django.urls import path

from . import views

app_name = "method"
urlpatterns = [
    path("", views.library, name="library"),
    path("new/", views.technique_create, name="technique_create"),
    path("phases/", views.phases, name="phases"),
    path("phases/<slug:slug>/rename/", views.phase_rename, name="phase_rename"),
    path("phases/<slug:slug>/move/", views.phase_move, name="phase_move"),
    path("phases/<slug:slug>/delete/", views.phase_delete, name="phase_delete"),
    path("<slug:slug>/", views.technique_detail, name="technique"),
    path("<slug:slug>/edit/", views.technique_edit, name="technique_edit"),
]
