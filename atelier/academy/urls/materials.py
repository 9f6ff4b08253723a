"""URLs of the academy: course materials."""

from django.urls import URLPattern, path

from atelier.academy.views import materials as views

urlpatterns: list[URLPattern] = [
    path("editions/<int:pk>/materials/", views.materials, name="materials"),
    path(
        "editions/<int:pk>/materials/<int:material_pk>/delete/",
        views.material_delete,
        name="material_delete",
    ),
    path(
        "editions/<int:pk>/sessions/<int:session_pk>/cards/",
        views.session_cards,
        name="session_cards",
    ),
    path("materials/<int:pk>/download/", views.material_download, name="material_download"),
]
