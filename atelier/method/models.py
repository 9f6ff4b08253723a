"""The method library: the phases of a service design project and its techniques."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from atelier.lib.bilingual import Bilingual, Localized


class ArtefactKind(models.TextChoices):
    """What a technique produces; the canvases app offers a template for each."""

    DESIGN_BRIEF = "design_brief", _("design brief")
    PERSONA = "persona", _("persona")
    STAKEHOLDER_MAP = "stakeholder_map", _("stakeholder map")
    JOURNEY = "journey", _("customer journey map")
    BLUEPRINT = "blueprint", _("service blueprint")
    INSIGHT_BOARD = "insight_board", _("insight board")
    IDEA_LIST = "idea_list", _("opportunities and ideas")
    TEST_PLAN = "test_plan", _("test plan and log")


class ExpertiseNeed(models.TextChoices):
    TEAM = "team", _("the team can do it alone")
    COACHED = "coached", _("the team with a coach")
    EXPERT = "expert", _("bring in an expert")


class Phase(Bilingual):
    position = models.PositiveSmallIntegerField(_("position"), unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    summary_nl = models.TextField(_("summary (Dutch)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name

    name = Localized()
    summary = Localized()


# The card's texts, each stored in Dutch and English (`<field>_nl`, `<field>_en`).
TECHNIQUE_TEXTS = (
    "name",
    "summary",
    "when_to_use",
    "when_not",
    "participants",
    "duration",
    "materials",
    "steps",
    "pitfalls",
    "expertise_reason",
)


# Technique slugs share the library's address space with these pages.
RESERVED_SLUGS = frozenset({"new", "phases"})


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class Technique(Bilingual):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    phase = models.ForeignKey(
        Phase, on_delete=models.PROTECT, related_name="techniques", verbose_name=_("phase")
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    summary_nl = models.TextField(_("what it is (Dutch)"))
    summary_en = models.TextField(_("what it is (English)"), blank=True)
    when_to_use_nl = models.TextField(_("when to use it (Dutch)"), blank=True)
    when_to_use_en = models.TextField(_("when to use it (English)"), blank=True)
    when_not_nl = models.TextField(_("when not to use it (Dutch)"), blank=True)
    when_not_en = models.TextField(_("when not to use it (English)"), blank=True)
    participants_nl = models.TextField(_("who takes part (Dutch)"), blank=True)
    participants_en = models.TextField(_("who takes part (English)"), blank=True)
    duration_nl = models.CharField(_("duration (Dutch)"), max_length=120, blank=True)
    duration_en = models.CharField(_("duration (English)"), max_length=120, blank=True)
    materials_nl = models.TextField(_("materials (Dutch)"), blank=True)
    materials_en = models.TextField(_("materials (English)"), blank=True)
    steps_nl = models.TextField(_("steps (Dutch)"), blank=True, help_text=_("One step a line."))
    steps_en = models.TextField(_("steps (English)"), blank=True, help_text=_("One step a line."))
    pitfalls_nl = models.TextField(
        _("pitfalls (Dutch)"), blank=True, help_text=_("One pitfall a line.")
    )
    pitfalls_en = models.TextField(
        _("pitfalls (English)"), blank=True, help_text=_("One pitfall a line.")
    )
    expertise = models.CharField(
        _("expertise needed"), max_length=10, choices=ExpertiseNeed, default=ExpertiseNeed.TEAM
    )
    expertise_reason_nl = models.TextField(_("why this expertise (Dutch)"), blank=True)
    expertise_reason_en = models.TextField(_("why this expertise (English)"), blank=True)
    produces = models.CharField(_("produces"), max_length=20, choices=ArtefactKind, blank=True)
    toolkit_url = models.URLField(_("link to the Service Design Toolkit"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["phase__position", "name_nl"]
        verbose_name = _("technique")
        verbose_name_plural = _("techniques")

    def __str__(self) -> str:
        return self.name

    name = Localized()
    summary = Localized()
    when_to_use = Localized()
    when_not = Localized()
    participants = Localized()
    duration = Localized()
    materials = Localized()
    expertise_reason = Localized()

    @property
    def steps(self) -> list[str]:
        return _lines(self.in_language("steps"))

    @property
    def pitfalls(self) -> list[str]:
        return _lines(self.in_language("pitfalls"))
