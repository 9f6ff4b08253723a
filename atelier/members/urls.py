from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("import/", views.population_import_form, name="import"),
    path("imports/", views.population_import_list, name="imports"),
    path("imports/<int:pk>/", views.population_import_detail, name="import_detail"),
]
