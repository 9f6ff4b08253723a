from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "atelier.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        # Attendance is written in bulk, without save signals, so it stays out of the trail.
        audited = [
            models.Term,
            models.Party,
            models.ElectionResult,
            models.Body,
            models.Representative,
            models.Mandate,
            models.Meeting,
        ]
        for model in audited:
            auditlog.register(model)
