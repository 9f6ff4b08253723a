from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodConfig(AppConfig):
    name = "atelier.method"
    label = "method"
    verbose_name = _("Method library")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Phase)
        auditlog.register(models.Technique)
