"""Read-only shared links: no account needed."""

from django.urls import path

from .views import sharing

app_name = "shared"
urlpatterns = [
    path("<str:token>/", sharing.shared_view, name="view"),
]
