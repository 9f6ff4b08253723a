"""Cases told step by step in the level 1 introduction workshop."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .programme import Bilingual


class WorkshopCase(Bilingual):
    """A real case told step by step in the level 1 introduction workshop."""

    slug = models.SlugField(_("short name"), unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    authority = models.CharField(_("authority"), max_length=200)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("workshop case")
        verbose_name_plural = _("workshop cases")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.in_language("title")


class CaseStage(models.TextChoices):
    PROBLEM = "problem", _("problem")
    RESEARCH = "research", _("research")
    INSIGHTS = "insights", _("insights")
    JOURNEY = "journey", _("journey")
    SOLUTION = "solution", _("solution")


class CaseSlide(Bilingual):
    case = models.ForeignKey(
        WorkshopCase, on_delete=models.CASCADE, related_name="slides", verbose_name=_("case")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    stage = models.CharField(_("stage"), max_length=10, choices=CaseStage)
    heading_nl = models.CharField(_("heading (Dutch)"), max_length=200)
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    body_nl = models.TextField(_("text (Dutch)"))
    body_en = models.TextField(_("text (English)"), blank=True)
    notes_nl = models.TextField(_("presenter notes (Dutch)"), blank=True)
    notes_en = models.TextField(_("presenter notes (English)"), blank=True)
    # Drawn live from the case's project each time the slide is shown.
    canvas = models.ForeignKey(
        "canvases.Canvas",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("canvas shown"),
        help_text=_("A journey, blueprint or stakeholder map of the case's project."),
    )
    # A JPEG data URI, made small on upload (atelier/academy/slide_image.py).
    image = models.TextField(_("image"), blank=True, editable=False)
    image_alt_nl = models.CharField(
        _("image description (Dutch)"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_alt_en = models.CharField(_("image description (English)"), max_length=300, blank=True)
    exercise_minutes = models.PositiveSmallIntegerField(
        _("exercise (minutes)"),
        null=True,
        blank=True,
        help_text=_("For an exercise slide: the time the timer counts down."),
    )

    class Meta:
        ordering = ["case", "position"]
        verbose_name = _("slide")
        verbose_name_plural = _("slides")
        constraints = [
            models.UniqueConstraint(fields=["case", "position"], name="unique_slide_position"),
        ]

    def __str__(self) -> str:
        return f"{self.case} #{self.position}"

    def clean(self) -> None:
        super().clean()
        if self.image:
            missing = {
                field: _("Describe the image for people who cannot see it.")
                for field in ("image_alt_nl", "image_alt_en")
                if not getattr(self, field).strip()
            }
            if missing:
                raise ValidationError(missing)

    @property
    def image_alt(self) -> str:
        return self.in_language("image_alt")

    @property
    def heading(self) -> str:
        return self.in_language("heading")

    @property
    def body(self) -> str:
        return self.in_language("body")

    @property
    def notes(self) -> str:
        return self.in_language("notes")
