from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "atelier.api"
    verbose_name = "API"
