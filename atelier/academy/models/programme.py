"""The programme: levels, courses, editions and their sessions."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.lib.bilingual import Bilingual
from atelier.members.models import Province


class Level(Bilingual):
    """One of the programme's three levels: awareness, one-day training, learning path."""

    number = models.PositiveSmallIntegerField(_("level"), unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    format_nl = models.CharField(_("format (Dutch)"), max_length=200)
    format_en = models.CharField(_("format (English)"), max_length=200, blank=True)
    objectives_nl = models.TextField(_("learning objectives (Dutch)"), help_text=_("One a line."))
    objectives_en = models.TextField(_("learning objectives (English)"), blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("level")
        verbose_name_plural = _("levels")

    def __str__(self) -> str:
        return f"{self.number} · {self.name}"

    @property
    def name(self) -> str:
        return self.in_language("name")

    @property
    def objectives(self) -> list[str]:
        return [line for line in self.in_language("objectives").splitlines() if line.strip()]


class CourseKind(models.TextChoices):
    TRAINING = "training", _("training")
    SEMINAR = "seminar", _("seminar")


class SeminarAudience(models.TextChoices):
    COUNCILLORS = "councillors", _("councillors")
    STAFF = "staff", _("municipal staff")
    BOTH = "both", _("councillors and staff")


class Course(Bilingual):
    """A training of one of the three levels, or a seminar (studiedag) outside them."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=CourseKind, default=CourseKind.TRAINING
    )
    level = models.ForeignKey(
        Level,
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("level"),
        null=True,
        blank=True,
        help_text=_("Trainings have a level; seminars have none."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=12,
        choices=SeminarAudience,
        blank=True,
        help_text=_("Whom a seminar is for."),
    )
    topics = models.ManyToManyField(
        "knowledge.Topic", verbose_name=_("topics"), related_name="courses", blank=True
    )
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_nl = models.TextField(_("summary (Dutch)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    attendance_share = models.DecimalField(
        _("attendance needed for the certificate"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Share of the sessions a participant must attend (present or late)."),
    )

    class Meta:
        ordering = ["kind", "level__number", "title_nl"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=CourseKind.TRAINING, level__isnull=False)
                | Q(kind=CourseKind.SEMINAR, level__isnull=True),
                name="course_training_has_level_seminar_not",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return self.in_language("title")

    @property
    def summary(self) -> str:
        return self.in_language("summary")

    @property
    def is_seminar(self) -> bool:
        return self.kind == CourseKind.SEMINAR


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )

    class Meta:
        ordering = ["city", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


class Edition(models.Model):
    """One run of a course, with its sessions, seats and prices."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="editions", verbose_name=_("course")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    capacity = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    price_member = models.DecimalField(
        _("price for members (€)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    price_non_member = models.DecimalField(
        _("price for non-members (€)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    # Denormalised from the sessions, so that the catalogue sorts and filters in one query.
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, db_index=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    confirmed_count = models.PositiveIntegerField(_("confirmed participants"), default=0)
    waitlist_count = models.PositiveIntegerField(_("on the waitlist"), default=0)
    ical_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=models.F("capacity")),
                name="edition_not_over_capacity",
            ),
        ]

    def __str__(self) -> str:
        when = self.starts_at.date().isoformat() if self.starts_at else "—"
        return f"{self.course} ({when})"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_free(self) -> bool:
        return not self.price_member and not self.price_non_member

    @property
    def registration_closed(self) -> bool:
        """The deadline has passed: only staff, with a reason, may still enrol someone."""
        return self.registration_deadline < timezone.now()


class Session(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("venue")
    )
    online_url = models.URLField(_("online link"), blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions_trained",
        verbose_name=_("trainer"),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    techniques = models.ManyToManyField(
        "method.Technique",
        blank=True,
        related_name="sessions",
        verbose_name=_("method cards used"),
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(venue__isnull=False) | ~Q(online_url=""), name="session_has_a_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition.course}: {self.starts_at:%Y-%m-%d %H:%M}"
