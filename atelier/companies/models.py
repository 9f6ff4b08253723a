"""Intermunicipal companies: what they are for, and which municipalities take part, when."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.members.models import Organisation


class LegalForm(models.TextChoices):
    """The forms of intermunicipal cooperation of the Flemish Decree on Local Government."""

    INTERLOCAL = "interlocal", _("interlocal association")
    PROJECT = "project", _("project association")
    SERVICE = "service", _("service association")
    MANDATED = "mandated", _("mandated association")


class Purpose(models.TextChoices):
    WASTE = "waste", _("waste")
    ENERGY = "energy", _("energy")
    WATER = "water", _("water and sewerage")
    DEVELOPMENT = "development", _("regional development")
    IT = "it", _("IT services")
    SAFETY = "safety", _("fire and emergency services")
    HEALTH = "health", _("care and health")
    CULTURE = "culture", _("culture and leisure")
    CREMATORIUM = "crematorium", _("crematorium")
    MOBILITY = "mobility", _("mobility")


class CompanyProfile(models.Model):
    """What the registry knows of an intermunicipal company beyond its identity."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="company_profile",
        verbose_name=_("organisation"),
        limit_choices_to={"type": "intermunicipal"},
    )
    legal_form = models.CharField(_("legal form"), max_length=12, choices=LegalForm.choices)
    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)

    class Meta:
        ordering = ["organisation__name_nl"]
        verbose_name = _("company profile")
        verbose_name_plural = _("company profiles")

    def __str__(self) -> str:
        return str(self.organisation)


class Participation(models.Model):
    """A municipality taking part in a company, with its shares and votes, from one date on.

    Leaving sets `left_on`; the row stays, so the company's history stays readable.
    """

    company = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("company"),
    )
    participant = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="company_participations",
        verbose_name=_("participant"),
    )
    shares = models.PositiveIntegerField(_("shares"), default=0)
    votes = models.PositiveIntegerField(_("votes"), default=0)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["company", "participant__name_nl", "joined_on"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "participant"],
                condition=Q(left_on__isnull=True),
                name="one_current_participation",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="participation_period_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(company=models.F("participant")), name="participation_not_in_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} → {self.company}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None
