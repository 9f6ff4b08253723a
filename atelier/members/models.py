"""Member organisations of the association, their population figures and their history."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from atelier.lib.company_number import validate_company_number


class Province(models.Model):
    """A province (or any first-level region an association groups its members by)."""

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    nuts_code = models.CharField(_("NUTS code"), max_length=5, unique=True)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    OCMW = "ocmw", _("public centre for social welfare (OCMW)")
    INTERMUNICIPAL = "intermunicipal", _("intermunicipal company")
    OTHER = "other", _("other local authority")


class SizeClass(models.TextChoices):
    """Size bands by inhabitants, used to filter and to check the bodies' balance."""

    SMALL = "small", _("under 10,000")
    MEDIUM = "medium", _("10,000 to 25,000")
    LARGE = "large", _("25,000 to 50,000")
    CITY = "city", _("50,000 to 100,000")
    METROPOLIS = "metropolis", _("100,000 or more")


SIZE_CLASS_BOUNDS: dict[str, tuple[int, int | None]] = {
    SizeClass.SMALL: (0, 10_000),
    SizeClass.MEDIUM: (10_000, 25_000),
    SizeClass.LARGE: (25_000, 50_000),
    SizeClass.CITY: (50_000, 100_000),
    SizeClass.METROPOLIS: (100_000, None),
}


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def existing_on(self, day: datetime.date) -> "OrganisationQuerySet":
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
        )

    def current(self) -> "OrganisationQuerySet":
        return self.filter(valid_until__isnull=True)


class Organisation(models.Model):
    """A member (or former member) of the association."""

    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    nis_code = models.CharField(
        _("NIS code"), max_length=5, blank=True, help_text=_("REFNIS code of a municipality")
    )
    company_number = models.CharField(
        _("company number"),
        max_length=10,
        blank=True,
        validators=[validate_company_number],
        help_text=_("KBO/BCE, ten digits"),
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    municipality = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="linked_organisations",
        verbose_name=_("municipality"),
        help_text=_("For an OCMW: the municipality whose council runs it"),
    )
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_until = models.DateField(_("exists until"), null=True, blank=True)
    is_member = models.BooleanField(_("member of the association"), default=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["nis_code"], condition=~Q(nis_code=""), name="unique_nis_code"
            ),
            models.UniqueConstraint(
                fields=["company_number"],
                condition=~Q(company_number=""),
                name="unique_company_number",
            ),
            models.UniqueConstraint(
                fields=["municipality"], condition=Q(type="ocmw"), name="one_ocmw_per_municipality"
            ),
            models.CheckConstraint(
                condition=Q(type="municipality", nis_code__regex=r"^[0-9]{5}$")
                | ~Q(type="municipality"),
                name="municipality_has_nis_code",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="valid_period_in_order",
            ),
        ]
        indexes = [models.Index(fields=["type", "valid_until"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_nl

    @property
    def identifier(self) -> str:
        return self.nis_code or self.company_number

    @property
    def is_current(self) -> bool:
        return self.valid_until is None


class Succession(models.Model):
    """One predecessor handing over to its successor on a date (a merger or absorption)."""

    predecessor = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="successions_as_predecessor",
        verbose_name=_("predecessor"),
    )
    successor = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="successions_as_successor",
        verbose_name=_("successor"),
    )
    effective_date = models.DateField(_("effective date"))

    class Meta:
        ordering = ["effective_date", "predecessor__name_nl"]
        verbose_name = _("succession")
        verbose_name_plural = _("successions")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_succession"),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="succession_not_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_date})"


class PopulationSource(models.TextChoices):
    REFERENCE = "reference", _("reference data shipped with Atelier")
    IMPORT = "import", _("imported file")
    PREDECESSORS = "predecessors", _("sum of the predecessors")
    DEMO = "demo", _("made-up figure for the demo")


class PopulationFigure(models.Model):
    """Inhabitants (municipality) or residents (OCMW) on a reference date."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("organisation"),
    )
    reference_date = models.DateField(_("reference date"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    source = models.CharField(_("source"), max_length=20, choices=PopulationSource.choices)
    population_import = models.ForeignKey(
        "PopulationImport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("import"),
    )

    class Meta:
        ordering = ["organisation", "-reference_date"]
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference_date"], name="one_figure_per_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.inhabitants} ({self.reference_date})"


class PopulationImport(models.Model):
    """One attempt to import a population file: applied in full, or rejected with its errors."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")

    class Counts(models.TextChoices):
        INHABITANTS = "inhabitants", _("inhabitants of municipalities")
        OCMW_RESIDENTS = "ocmw_residents", _("residents of OCMW care and day centres")

    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("imported by"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    reference_date = models.DateField(_("reference date"))
    # OCMW residents are listed by their municipality's NIS code, as the OCMW has none.
    counts = models.CharField(
        _("what the file counts"), max_length=16, choices=Counts.choices, default=Counts.INHABITANTS
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    row_count = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(_("figures added"), default=0)
    updated_count = models.PositiveIntegerField(_("figures replaced"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows skipped"), default=0)
    # Every value the file carried ({nis_code: inhabitants}) and every error found, so that
    # an import stays readable after later imports replace its figures.
    values = models.JSONField(_("values"), default=dict)
    # The first bad lines (population_file.MAX_LISTED_ERRORS), then the missing codes.
    errors = models.JSONField(_("errors"), default=list)
    error_count = models.PositiveIntegerField(_("problems found"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("population import")
        verbose_name_plural = _("population imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.reference_date}, {self.get_status_display()})"

    @property
    def problem_count(self) -> int:
        """Every problem found; imports made before the count was kept listed them all."""
        return max(self.error_count, len(self.errors))
