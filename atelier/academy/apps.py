from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcademyConfig(AppConfig):
    name = "atelier.academy"
    verbose_name = _("Academy")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        for model in (
            models.Level,
            models.Course,
            models.Edition,
            models.Session,
            models.Enrolment,
            models.Charge,
            models.Attendance,
            models.Certificate,
            models.BadgeAssertion,
            models.Cohort,
            models.Team,
            models.Milestone,
            models.PeerReview,
        ):
            auditlog.register(model)
