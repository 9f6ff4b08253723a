"""Who takes part: enrolments and the waitlist, charges, attendance."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.lib.company_number import validate_company_number
from atelier.members.models import Organisation

from .programme import Edition, Session


class Enrolment(models.Model):
    """A person's seat in an edition, or their place on its waitlist."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        CANCELLED = "cancelled", _("cancelled")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("edition")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("participant"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
        verbose_name=_("organisation"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status)
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("enrolled by"),
    )
    promoted_at = models.DateTimeField(_("promoted from the waitlist"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    override_reason = models.CharField(
        _("staff override"),
        max_length=300,
        blank=True,
        help_text=_("Why staff enrolled past the capacity or the deadline."),
    )
    price = models.DecimalField(
        _("price (€)"), max_digits=8, decimal_places=2, default=Decimal("0.00")
    )
    # Who a non-member's invoice goes to, as they gave it when enrolling.
    billing_name = models.CharField(_("invoice to (name)"), max_length=200, blank=True)
    billing_company_number = models.CharField(
        _("company number"),
        max_length=10,
        blank=True,
        validators=[validate_company_number],
        help_text=_("KBO/BCE, ten digits, if the invoice goes to an organisation."),
    )
    billing_address = models.TextField(_("invoice address"), blank=True)
    billing_email = models.EmailField(_("e-mail address for the invoice"), blank=True)
    billing_reference = models.CharField(
        _("your reference"),
        max_length=100,
        blank=True,
        help_text=_("An order number or reference to print on the invoice, if you have one."),
    )

    class Meta:
        ordering = ["edition", "created_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "person"],
                condition=~Q(status="cancelled"),
                name="one_live_enrolment_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.edition}"


class Charge(models.Model):
    """What a paying enrolment costs its organisation, for the association's invoicing."""

    # A charge bills either a paying enrolment or a print order of books or magazines.
    enrolment = models.OneToOneField(
        Enrolment,
        on_delete=models.PROTECT,
        related_name="charge",
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
    )
    order = models.OneToOneField(
        "knowledge.PrintOrder",
        on_delete=models.PROTECT,
        related_name="charge",
        verbose_name=_("print order"),
        null=True,
        blank=True,
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_charges",
        verbose_name=_("organisation"),
    )
    amount = models.DecimalField(_("amount (€)"), max_digits=8, decimal_places=2)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # What a cancellation after the deadline still costs, under the rules staff set.
    retained_amount = models.DecimalField(
        _("retained after cancellation (€)"), max_digits=8, decimal_places=2, default=Decimal("0")
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("charge")
        verbose_name_plural = _("charges")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolment__isnull=False, order__isnull=True)
                | models.Q(enrolment__isnull=True, order__isnull=False),
                name="charge_for_enrolment_or_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.amount}"

    @property
    def billable_amount(self) -> Decimal:
        """What an invoice for this charge asks: the price, or what a cancellation retains."""
        return self.retained_amount if self.cancelled_at else self.amount


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    LATE = "late", _("late")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("enrolment")
    )
    status = models.CharField(_("attendance"), max_length=10, choices=AttendanceStatus)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_attendance_each"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.session}: {self.status}"


class CalendarFeed(models.Model):
    """A person's secret address for subscribing to their sessions in a calendar program."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("person"),
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.person)
