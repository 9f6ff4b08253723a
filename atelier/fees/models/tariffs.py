"""Tariffs per year, fee runs and their lines: what each member owes, and why."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.members.models import Organisation, OrganisationType

ZERO = Decimal("0.00")


def money_field(verbose_name: Any, **options: Any) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **options)


def rate_field(verbose_name: Any, **options: Any) -> models.DecimalField:
    # A rate per inhabitant is a fraction of a euro: four decimals, rounded only at the end.
    return models.DecimalField(
        verbose_name, max_digits=10, decimal_places=4, validators=[MinValueValidator(0)], **options
    )


class Tariff(models.Model):
    """The rules that turn a member's size into its fee for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")

    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    reference_date = models.DateField(
        _("population reference date"),
        help_text=_("Fees use the inhabitants and residents counted on this date."),
    )
    indexation_percent = models.DecimalField(
        _("indexation (%)"),
        max_digits=6,
        decimal_places=3,
        default=ZERO,
        help_text=_("Raises every computed fee by this percentage, before minimum and maximum."),
    )
    notes = models.TextField(_("notes"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    adopted_at = models.DateTimeField(_("adopted at"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(status="adopted"), name="one_adopted_tariff_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class FeeBasis(models.TextChoices):
    PER_CAPITA = "per_capita", _("per inhabitant or resident")
    FLAT = "flat", _("flat fee")
    # For intermunicipal companies: what the company's participants make of it.
    PER_PARTICIPANT = "participant", _("per participating municipality")
    PER_INHABITANT_SERVED = "served", _("per inhabitant of the participating municipalities")


COMPANY_BASES = (FeeBasis.PER_PARTICIPANT, FeeBasis.PER_INHABITANT_SERVED)


class TariffRule(models.Model):
    """How one type of member pays under a tariff."""

    tariff = models.ForeignKey(
        Tariff, on_delete=models.CASCADE, related_name="rules", verbose_name=_("tariff")
    )
    organisation_type = models.CharField(
        _("member type"), max_length=20, choices=OrganisationType.choices
    )
    basis = models.CharField(_("basis"), max_length=12, choices=FeeBasis, default=FeeBasis.FLAT)
    rate = rate_field(
        _("rate (€ per inhabitant or resident)"),
        default=Decimal("0"),
        help_text=_("Applies up to the first bracket, or to everyone without brackets."),
    )
    flat_amount = money_field(_("flat fee (€)"), default=ZERO, validators=[MinValueValidator(0)])
    minimum = money_field(
        _("minimum (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    maximum = money_field(
        _("maximum (€)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["tariff", "organisation_type"]
        verbose_name = _("tariff rule")
        verbose_name_plural = _("tariff rules")
        constraints = [
            models.UniqueConstraint(
                fields=["tariff", "organisation_type"], name="one_rule_per_member_type"
            ),
            models.CheckConstraint(
                condition=Q(minimum__isnull=True)
                | Q(maximum__isnull=True)
                | Q(maximum__gte=models.F("minimum")),
                name="tariff_limits_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tariff}: {self.get_organisation_type_display()}"


class TariffBracket(models.Model):
    """From this many inhabitants on, each further inhabitant pays this rate."""

    rule = models.ForeignKey(
        TariffRule, on_delete=models.CASCADE, related_name="brackets", verbose_name=_("rule")
    )
    from_population = models.PositiveIntegerField(_("from (inhabitants or residents)"))
    rate = rate_field(_("rate (€ each)"))

    class Meta:
        ordering = ["rule", "from_population"]
        verbose_name = _("bracket")
        verbose_name_plural = _("brackets")
        constraints = [
            models.UniqueConstraint(fields=["rule", "from_population"], name="unique_bracket"),
        ]

    def __str__(self) -> str:
        return f"≥ {self.from_population}: {self.rate}"


class FeeRun(models.Model):
    """Every member's fee for a year under one adopted tariff, with the inputs it used."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ISSUED = "issued", _("issued")

    tariff = models.ForeignKey(
        Tariff, on_delete=models.PROTECT, related_name="runs", verbose_name=_("tariff")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # The tariff as it was applied, so the run stays explainable if the tariff changes.
    tariff_snapshot = models.JSONField(_("tariff applied"), default=dict)
    total = money_field(_("total"), default=ZERO)
    created_at = models.DateTimeField(_("computed at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("computed by"),
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("fee run")
        verbose_name_plural = _("fee runs")
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(status="issued"), name="one_issued_run_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class FeeProblem(models.TextChoices):
    NO_FIGURE = "no_figure", _("no population figure on the reference date")
    NO_RULE = "no_rule", _("the tariff has no rule for this member type")


class FeeLine(models.Model):
    """One member's fee in a run, or the reason it has none."""

    run = models.ForeignKey(
        FeeRun, on_delete=models.CASCADE, related_name="lines", verbose_name=_("fee run")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="fee_lines", verbose_name=_("member")
    )
    organisation_type = models.CharField(
        _("member type"), max_length=20, choices=OrganisationType.choices
    )
    population = models.PositiveIntegerField(_("inhabitants or residents"), null=True, blank=True)
    amount = money_field(_("fee"), null=True, blank=True)
    breakdown = models.JSONField(_("calculation"), default=dict)
    problem = models.CharField(_("problem"), max_length=12, choices=FeeProblem, blank=True)

    class Meta:
        ordering = ["run", "organisation__name_nl", "organisation_id"]
        verbose_name = _("fee line")
        verbose_name_plural = _("fee lines")
        constraints = [
            models.UniqueConstraint(fields=["run", "organisation"], name="one_line_per_member"),
            models.CheckConstraint(
                condition=Q(problem="", amount__isnull=False) | ~Q(problem=""),
                name="fee_line_has_amount_or_problem",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.run}: {self.organisation}"
