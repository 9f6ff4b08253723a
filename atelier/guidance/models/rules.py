"""Versioned rules: every question, weight, threshold and day rate the guidance tools use.

Staff change rules by publishing a new version; a published version never changes, so an
assessment keeps the exact questions and weights it was answered with (its FK says which).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RuleSetKind(models.TextChoices):
    FIT_CHECK = "fit_check", _("fit check")
    EXPERTISE = "expertise", _("expertise planner")
    TENDER = "tender", _("tender builder")
    MATURITY = "maturity", _("maturity")


class RuleSetStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class RuleSet(models.Model):
    kind = models.CharField(_("tool"), max_length=20, choices=RuleSetKind.choices)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=RuleSetStatus.choices, default=RuleSetStatus.DRAFT
    )
    data = models.JSONField(_("rules"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "-version"]
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="one_version_number_per_tool"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"
