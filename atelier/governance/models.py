"""The association's governing bodies: terms, parties, bodies, mandates and meetings."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    """A term of the bodies; it follows the local legislature (2019–2024, 2025–2030)."""

    name = models.CharField(_("name"), max_length=20, unique=True, help_text=_("e.g. 2025–2030"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="term_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Party(models.Model):
    """A political party or local list, as the election results name it."""

    name = models.CharField(_("name"), max_length=100)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self) -> str:
        return self.abbreviation


class ElectionResult(models.Model):
    """A party's votes in the local elections that open a term; D'Hondt runs on these."""

    term = models.ForeignKey(
        Term, on_delete=models.CASCADE, related_name="election_results", verbose_name=_("term")
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="election_results", verbose_name=_("party")
    )
    votes = models.PositiveIntegerField(_("votes"))

    class Meta:
        ordering = ["term", "-votes", "party__abbreviation"]
        verbose_name = _("election result")
        verbose_name_plural = _("election results")
        constraints = [
            models.UniqueConstraint(fields=["term", "party"], name="one_result_per_party_and_term"),
        ]

    def __str__(self) -> str:
        return f"{self.party} {self.term}: {self.votes}"


class BodyKind(models.TextChoices):
    GENERAL_ASSEMBLY = "general_assembly", _("general assembly")
    BOARD = "board", _("board")
    EXECUTIVE_COMMITTEE = "executive_committee", _("executive committee")
    POLICY_COMMITTEE = "policy_committee", _("policy committee")


# The order in which bodies are listed: the widest first.
BODY_KIND_ORDER: list[str] = [kind.value for kind in BodyKind]


class Body(models.Model):
    """A governing body of one term, with the balance targets its composition is checked on.

    No quotas are published, so every target is configurable; the defaults are the ones in
    the domain reference (each gender at least a third, and so on).
    """

    name_nl = models.CharField(_("name (Dutch)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices)
    term = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="bodies", verbose_name=_("term")
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("appointed from"),
        help_text=_("The body whose members fill this one (the board, for its committees)."),
    )
    min_gender_share = models.DecimalField(
        _("minimum share of each gender"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.3333"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.5"))],
        help_text=_("A fraction: 0.3333 is one third."),
    )
    province_tolerance = models.PositiveSmallIntegerField(
        _("province tolerance (percentage points)"),
        default=10,
        validators=[MaxValueValidator(100)],
        help_text=_("How far a province's share of the seats may stray from its share of members."),
    )
    small_authority_limit = models.PositiveIntegerField(
        _("small authority limit (inhabitants)"),
        default=25_000,
        help_text=_("Authorities with fewer inhabitants count as small."),
    )
    size_tolerance = models.PositiveSmallIntegerField(
        _("size tolerance (percentage points)"),
        default=15,
        validators=[MaxValueValidator(100)],
        help_text=_("How far the small authorities' share of the seats may stray from theirs."),
    )
    party_tolerance = models.PositiveSmallIntegerField(
        _("party tolerance (seats)"),
        null=True,
        blank=True,
        default=1,
        help_text=_(
            "How many seats a party may hold more or less than D'Hondt gives it. Leave empty "
            "where seats do not follow the parties (the general assembly)."
        ),
    )
    quorum_share = models.DecimalField(
        _("quorum share"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.9999"))],
        help_text=_("A meeting has quorum when more than this share of voting members attend."),
    )

    class Meta:
        ordering = ["-term__starts_on", "name_nl"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        constraints = [
            models.UniqueConstraint(fields=["term", "name_nl"], name="unique_body_name_per_term"),
            models.CheckConstraint(
                condition=Q(min_gender_share__gte=0, min_gender_share__lte=Decimal("0.5")),
                name="min_gender_share_at_most_half",
            ),
            models.CheckConstraint(
                condition=Q(quorum_share__gte=0, quorum_share__lt=1),
                name="quorum_share_below_one",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.term})"

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl

    @property
    def min_gender_percent(self) -> int:
        return round(self.min_gender_share * 100)


class Gender(models.TextChoices):
    FEMALE = "female", _("woman")
    MALE = "male", _("man")
    X = "x", _("X")


class Representative(models.Model):
    """A person who holds or held a mandate; an account is not needed."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    email = models.EmailField(_("e-mail address"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="representatives",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class MandateRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    VICE_CHAIR = "vice_chair", _("vice-chair")
    MEMBER = "member", _("member")
    DELEGATE = "delegate", _("delegate")
    SUBSTITUTE = "substitute", _("substitute")


class MandateStatus(models.TextChoices):
    SEATED = "seated", _("seated")
    RESERVE = "reserve", _("reserve list")


class MandateQuerySet(models.QuerySet["Mandate"]):
    def active_on(self, day: datetime.date) -> "MandateQuerySet":
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def seated(self) -> "MandateQuerySet":
        return self.filter(status=MandateStatus.SEATED)

    def voting(self) -> "MandateQuerySet":
        """Seated mandates that hold a seat: substitutes only stand in for one."""
        return self.seated().exclude(role=MandateRole.SUBSTITUTE)


class Mandate(models.Model):
    """A representative's place in a body for an organisation: seated or on the reserve list."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("body")
    )
    representative = models.ForeignKey(
        Representative,
        on_delete=models.PROTECT,
        related_name="mandates",
        verbose_name=_("representative"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="mandates",
        verbose_name=_("organisation"),
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
        verbose_name=_("party"),
        help_text=_("Empty for an independent."),
    )
    role = models.CharField(_("role"), max_length=20, choices=MandateRole.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=MandateStatus.choices, default=MandateStatus.SEATED
    )
    reserve_rank = models.PositiveSmallIntegerField(
        _("rank on the reserve list"), null=True, blank=True
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    council_approved_on = models.DateField(
        _("council approval"),
        null=True,
        blank=True,
        help_text=_("The date the member's own council approved the mandate."),
    )
    substitute_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substitutes",
        verbose_name=_("substitute for"),
    )

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["body", "representative__last_name", "representative__first_name", "pk"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="reserve", reserve_rank__gte=1)
                | Q(status="seated", reserve_rank__isnull=True),
                name="reserve_rank_iff_reserve",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="mandate_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(substitute_for__isnull=True) | Q(role="substitute"),
                name="only_substitutes_stand_in",
            ),
        ]
        indexes = [models.Index(fields=["body", "status", "starts_on"])]

    def __str__(self) -> str:
        return f"{self.representative} – {self.body}"

    @property
    def holds_seat(self) -> bool:
        return self.status == MandateStatus.SEATED and self.role != MandateRole.SUBSTITUTE

    def is_active_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


class Meeting(models.Model):
    """A meeting of a body (the general assembly meets in June and December)."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("body")
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(_("location"), max_length=200, blank=True)

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    REPRESENTED = "represented", _("represented")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


class Attendance(models.Model):
    """Whether a voting member was at a meeting, in person or represented."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    mandate = models.ForeignKey(
        Mandate, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("mandate")
    )
    status = models.CharField(_("attendance"), max_length=12, choices=AttendanceStatus.choices)

    class Meta:
        ordering = ["meeting", "mandate"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "mandate"], name="one_attendance_per_mandate"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mandate.representative} – {self.meeting}: {self.get_status_display()}"
