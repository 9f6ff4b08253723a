from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import RuleSet


class SkillAssessment(models.Model):
    """A team member's own view of their skills, per area of expertise (levels 0–3)."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="skill_assessments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_assessments"
    )
    rules = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    levels = models.JSONField(default=dict)  # area key → 0..3
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("skills self-assessment")
        verbose_name_plural = _("skills self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="one_skill_assessment_each"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.project}"


class ExpertisePlan(models.Model):
    """Make or buy per phase: internal and external days, cost and the reasons, as computed."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="expertise_plans"
    )
    rules = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    plan = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expertise plan")
        verbose_name_plural = _("expertise plans")

    def __str__(self) -> str:
        return f"{self.project} ({self.created_at:%Y-%m-%d})"
