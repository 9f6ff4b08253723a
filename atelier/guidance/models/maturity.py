"""Maturity of an organisation's design practice, measured in rounds by several respondents."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .rules import RuleSet


def _token() -> str:
    return secrets.token_urlsafe(24)


class MaturityRound(models.Model):
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="maturity_rounds"
    )
    rules = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)  # "before the learning path", …
    cohort = models.ForeignKey(
        "academy.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maturity_rounds",
    )
    # The coach sees the organisation's name beside its results only when it agrees.
    shared_with_cohort = models.BooleanField(
        _("show our name to the cohort's coach"), default=False
    )
    opened_on = models.DateField(_("opened on"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["organisation", "opened_on", "pk"]
        verbose_name = _("maturity round")
        verbose_name_plural = _("maturity rounds")

    def __str__(self) -> str:
        return f"{self.organisation} · {self.name}"


class MaturityResponse(models.Model):
    """One respondent's invitation and, once submitted, their scores (criterion key → 1..5)."""

    round = models.ForeignKey(MaturityRound, on_delete=models.CASCADE, related_name="responses")
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    label = models.CharField(_("respondent"), max_length=200, blank=True)  # a role, not a name
    # A colleague invited by account: only so their home and notification lead them back
    # to this link. Results never show who answered what.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maturity_invitations",
        verbose_name=_("colleague"),
    )
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["round", "pk"]
        verbose_name = _("maturity response")
        verbose_name_plural = _("maturity responses")

    def __str__(self) -> str:
        return self.label or self.token[:8]
