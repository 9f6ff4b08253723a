"""What the programme changed: the outcomes a project records when it closes."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectOutcome(models.Model):
    """A closed project's reach and its team's maturity before and after the learning path."""

    project = models.OneToOneField(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="outcome",
        verbose_name=_("project"),
    )
    closed_on = models.DateField(_("closed on"))
    citizens_reached = models.PositiveIntegerField(
        _("citizens reached"), default=0, validators=[MinValueValidator(0)]
    )
    citizens_estimate = models.TextField(
        _("how the number of citizens was estimated"),
        blank=True,
        help_text=_("For instance: files handled in a year at the new counter."),
    )
    maturity_before = models.ForeignKey(
        "guidance.MaturityRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("maturity round before the learning path"),
    )
    maturity_after = models.ForeignKey(
        "guidance.MaturityRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("maturity round after the learning path"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        ordering = ["-closed_on", "pk"]
        verbose_name = _("project outcome")
        verbose_name_plural = _("project outcomes")

    def __str__(self) -> str:
        return str(self.project)


class ServiceChange(models.TextChoices):
    LAUNCHED = "launched", _("launched")
    IMPROVED = "improved", _("improved")


class ServiceOutcome(models.Model):
    """A service a project launched or improved, and when."""

    outcome = models.ForeignKey(
        ProjectOutcome,
        on_delete=models.CASCADE,
        related_name="services",
        verbose_name=_("project outcome"),
    )
    what = models.CharField(_("service"), max_length=200)
    change = models.CharField(_("change"), max_length=10, choices=ServiceChange)
    on = models.DateField(_("since"))

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("service launched or improved")
        verbose_name_plural = _("services launched or improved")

    def __str__(self) -> str:
        return self.what
