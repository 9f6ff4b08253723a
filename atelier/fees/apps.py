from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeesConfig(AppConfig):
    name = "atelier.fees"
    verbose_name = _("Membership fees")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Tariff)
        auditlog.register(models.TariffRule)
        auditlog.register(models.TariffBracket)
        auditlog.register(models.FeeRun, exclude_fields=["tariff_snapshot"])
        auditlog.register(models.Invoice)
        auditlog.register(models.Payment)
        auditlog.register(models.BankLine)
        auditlog.register(models.Refund)
        auditlog.register(models.BillingSettings)
        auditlog.register(models.ChargeRun)
        auditlog.register(models.Reminder)
