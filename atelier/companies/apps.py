from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "atelier.companies"
    verbose_name = _("Intermunicipal companies")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.CompanyProfile)
        auditlog.register(models.Participation)
