from django.urls import path

from . import views

app_name = "companies"
urlpatterns = [
    path("", views.company_list, name="list"),
    path("new/", views.company_create, name="create"),
    path("import/", views.company_import, name="import"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
    path("<int:pk>/participants/", views.participation_add, name="participation_add"),
    path(
        "<int:pk>/participants/<int:participation_pk>/leave/",
        views.participation_end,
        name="participation_end",
    ),
]
