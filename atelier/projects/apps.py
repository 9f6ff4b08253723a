from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "atelier.projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        for model in (models.Project, models.ProjectMember, models.Decision):
            auditlog.register(model)
