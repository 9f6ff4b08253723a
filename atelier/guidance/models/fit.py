from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import RuleSet


class FitCheck(models.Model):
    """Is service design a fit for the project's challenge: answers, scores and advice."""

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="fit_checks",
        verbose_name=_("project"),
    )
    rules = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)  # question key → option key
    result = models.JSONField(default=dict)  # scores per dimension, reasons, recommendation
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("fit check")
        verbose_name_plural = _("fit checks")

    def __str__(self) -> str:
        return f"{self.project} ({self.created_at:%Y-%m-%d})"
