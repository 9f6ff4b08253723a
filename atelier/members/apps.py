from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "atelier.members"
    verbose_name = _("Member registry")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Organisation)
        auditlog.register(models.Succession)
        auditlog.register(models.PopulationFigure)
        auditlog.register(models.PopulationImport, exclude_fields=["values", "errors"])
        auditlog.register(models.Province)
