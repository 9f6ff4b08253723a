"""Bank imports, payments matched to invoices, refunds and reminders."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .invoices import Invoice
from .tariffs import money_field


class BankImport(models.Model):
    """One bank statement file: read in full, then matched line by line, or rejected."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("applied")
        REJECTED = "rejected", _("rejected")

    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10)
    sha256 = models.CharField(_("file checksum"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=Status)
    errors = models.JSONField(_("errors"), default=list)
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bank statement import")
        verbose_name_plural = _("bank statement imports")
        constraints = [
            models.UniqueConstraint(
                fields=["sha256"], condition=Q(status="applied"), name="bank_file_applied_once"
            ),
        ]

    def __str__(self) -> str:
        return self.file_name


class MatchOutcome(models.TextChoices):
    PAID = "paid", _("paid in full")
    PARTIAL = "partial", _("paid in part")
    OVERPAID = "overpaid", _("paid too much")
    DOUBLE = "double", _("already paid: not booked")
    UNKNOWN_REFERENCE = "unknown", _("unknown structured communication")
    NO_REFERENCE = "no_reference", _("no structured communication")
    CREDIT_NOTE = "credit_note", _("refers to a credit note")
    OUTGOING = "outgoing", _("outgoing payment: ignored")


MATCHED_OUTCOMES = (MatchOutcome.PAID, MatchOutcome.PARTIAL, MatchOutcome.OVERPAID)


class BankLine(models.Model):
    """A line of a bank statement and what became of it."""

    bank_import = models.ForeignKey(
        BankImport, on_delete=models.CASCADE, related_name="lines", verbose_name=_("import")
    )
    line_number = models.PositiveIntegerField(_("line"))
    booked_on = models.DateField(_("booked on"))
    amount = money_field(_("amount"))
    counterparty = models.CharField(_("counterparty"), max_length=200, blank=True)
    communication = models.CharField(_("communication"), max_length=300, blank=True)
    structured_reference = models.CharField(
        _("structured communication"), max_length=12, blank=True
    )
    outcome = models.CharField(_("outcome"), max_length=14, choices=MatchOutcome)
    invoice = models.ForeignKey(
        Invoice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bank_lines",
        verbose_name=_("invoice"),
    )
    # Set when staff matched (or unmatched) the line by hand.
    match_reason = models.CharField(_("reason for the manual match"), max_length=300, blank=True)
    matched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("matched by"),
    )

    class Meta:
        ordering = ["bank_import", "line_number"]
        verbose_name = _("bank statement line")
        verbose_name_plural = _("bank statement lines")

    def __str__(self) -> str:
        return f"{self.bank_import} #{self.line_number}"

    @property
    def is_matched(self) -> bool:
        return self.outcome in MATCHED_OUTCOMES


class Payment(models.Model):
    """Money received against an invoice."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="payments", verbose_name=_("invoice")
    )
    amount = money_field(_("amount"), validators=[MinValueValidator(Decimal("0.01"))])
    paid_on = models.DateField(_("paid on"))
    bank_line = models.OneToOneField(
        BankLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payment",
        verbose_name=_("bank statement line"),
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("booked by"),
    )

    class Meta:
        ordering = ["invoice", "paid_on", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.invoice}: {self.amount}"


class Refund(models.Model):
    """Money sent back for a double payment or the excess of an over-payment."""

    bank_line = models.OneToOneField(
        BankLine, on_delete=models.PROTECT, related_name="refund", verbose_name=_("bank line")
    )
    # Set when the refunded money had been booked on the invoice (an over-payment).
    invoice = models.ForeignKey(
        Invoice,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refunds",
        verbose_name=_("invoice"),
    )
    amount = money_field(_("amount"), validators=[MinValueValidator(Decimal("0.01"))])
    refunded_on = models.DateField(_("refunded on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-refunded_on", "-pk"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.bank_line}: {self.amount}"


class ReminderLevel(models.TextChoices):
    FIRST = "first", _("first reminder")
    SECOND = "second", _("second reminder")
    FORMAL_NOTICE = "formal", _("formal notice")


REMINDER_ORDER = [ReminderLevel.FIRST, ReminderLevel.SECOND, ReminderLevel.FORMAL_NOTICE]


class Reminder(models.Model):
    """A reminder sent for an overdue invoice; each level goes out once."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, related_name="reminders", verbose_name=_("invoice")
    )
    level = models.CharField(_("level"), max_length=8, choices=ReminderLevel)
    balance = money_field(_("amount still due"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.CharField(_("sent to"), max_length=500, blank=True)

    class Meta:
        ordering = ["invoice", "sent_at", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["invoice", "level"], name="one_reminder_per_level"),
        ]

    def __str__(self) -> str:
        return f"{self.invoice}: {self.get_level_display()}"
