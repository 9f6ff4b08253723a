"""Invoices and credit notes, their numbering, lines and the charge runs that issue them."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.lib.structured_reference import format_structured_reference
from atelier.members.models import Organisation

from .tariffs import ZERO, FeeLine, money_field


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", _("invoice")
    CREDIT_NOTE = "credit_note", _("credit note")


class InvoiceSequence(models.Model):
    """The last number used for one kind of document in one year: numbers have no gaps."""

    kind = models.CharField(max_length=12, choices=DocumentKind)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="one_sequence_per_kind_and_year")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_number}"


class Invoice(models.Model):
    """An issued invoice or credit note. Never edited: a correction is a credit note."""

    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    # Empty only for a participant outside any organisation, billed to the details they gave.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("member"),
    )
    charge_run = models.ForeignKey(
        "ChargeRun",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoices",
        verbose_name=_("charges run"),
    )
    fee_line = models.OneToOneField(
        FeeLine,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice",
        verbose_name=_("fee line"),
    )
    credited_invoice = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("credits invoice"),
    )
    # What the document said when it was issued, kept apart from the registry's later changes.
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_identifier = models.CharField(_("NIS or company number"), max_length=10)
    recipient_company_number = models.CharField(_("company number"), max_length=10, blank=True)
    recipient_address = models.TextField(_("address"), blank=True)
    recipient_email = models.EmailField(_("e-mail address for the invoice"), blank=True)
    buyer_reference = models.CharField(_("customer's reference"), max_length=100, blank=True)
    description = models.CharField(_("description"), max_length=300)
    reason = models.TextField(_("reason"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="nl")
    amount = money_field(_("amount"), validators=[MinValueValidator(Decimal("0.01"))])
    structured_reference = models.CharField(_("structured communication"), max_length=12)
    issued_on = models.DateField(_("issued on"))
    due_on = models.DateField(_("due on"))
    pdf = models.FileField(_("PDF"), upload_to="invoices/%Y/", blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    # Follow-up, not content: the document itself never changes.
    reminders_on_hold = models.BooleanField(_("reminders on hold"), default=False)
    reminders_hold_reason = models.CharField(_("why on hold"), max_length=300, blank=True)

    class Meta:
        ordering = ["-year", "kind", "-number"]
        verbose_name = _("invoice")
        verbose_name_plural = _("invoices")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "number"], name="unique_invoice_number"
            ),
            models.UniqueConstraint(fields=["structured_reference"], name="unique_structured_ref"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="invoice_amount_positive"),
            models.CheckConstraint(
                condition=Q(kind="invoice", credited_invoice__isnull=True)
                | Q(kind="credit_note", credited_invoice__isnull=False),
                name="credit_note_credits_an_invoice",
            ),
        ]
        indexes = [models.Index(fields=["year", "kind"])]

    def __str__(self) -> str:
        return self.display_number

    @property
    def display_number(self) -> str:
        prefix = "CN" if self.kind == DocumentKind.CREDIT_NOTE else "F"
        return f"{prefix}{self.year}-{self.number:05d}"

    @property
    def formatted_reference(self) -> str:
        return format_structured_reference(self.structured_reference)

    @property
    def is_credit_note(self) -> bool:
        return self.kind == DocumentKind.CREDIT_NOTE

    def is_overdue(self, today: datetime.date) -> bool:
        return self.due_on < today


class CancellationCredit(models.TextChoices):
    FULL = "full", _("credit the full price")
    PARTIAL = "partial", _("credit part of the price")
    NONE = "none", _("credit nothing: the full price stays due")


class BillingSettings(models.Model):
    """How cancellations are credited and when reminders go out: one row, staff edit it."""

    cancellation_credit = models.CharField(
        _("cancellation after the deadline"),
        max_length=10,
        choices=CancellationCredit,
        default=CancellationCredit.NONE,
        help_text=_("Before the registration deadline a cancellation always costs nothing."),
    )
    cancellation_credit_percent = models.PositiveSmallIntegerField(
        _("share credited for a partial credit (%)"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
    )
    first_reminder_days = models.PositiveSmallIntegerField(
        _("first reminder (days after the due date)"), default=14
    )
    second_reminder_days = models.PositiveSmallIntegerField(
        _("second reminder (days after the due date)"), default=30
    )
    formal_notice_days = models.PositiveSmallIntegerField(
        _("formal notice (days after the due date)"), default=45
    )
    # General ledger accounts for the accounting export (Belgian minimum chart by default).
    fees_account = models.CharField(_("account for membership fees"), max_length=20, default="7020")
    charges_account = models.CharField(
        _("account for trainings and seminars"), max_length=20, default="7030"
    )
    receivables_account = models.CharField(
        _("account for receivables"), max_length=20, default="400"
    )
    bank_account = models.CharField(_("account for the bank"), max_length=20, default="550")
    vat_code = models.CharField(
        _("VAT code"),
        max_length=20,
        default="E",
        help_text=_("The code the accounting package uses for income exempt from VAT."),
    )
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("billing settings")
        verbose_name_plural = _("billing settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(first_reminder_days__lt=models.F("second_reminder_days"))
                & Q(second_reminder_days__lt=models.F("formal_notice_days")),
                name="reminder_days_in_order",
            ),
        ]

    def __str__(self) -> str:
        return str(_("billing settings"))

    @classmethod
    def current(cls) -> "BillingSettings":
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row


class ChargeRun(models.Model):
    """One billing of every uninvoiced charge: an invoice per organisation."""

    issued_on = models.DateField(_("invoice date"))
    invoice_count = models.PositiveIntegerField(_("invoices"), default=0)
    charge_count = models.PositiveIntegerField(_("charges"), default=0)
    total = money_field(_("total"), default=ZERO)
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("run by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("charges run")
        verbose_name_plural = _("charges runs")

    def __str__(self) -> str:
        return f"{self.issued_on} ({self.invoice_count})"


class PriceKind(models.TextChoices):
    MEMBER = "member", _("member price")
    NON_MEMBER = "non_member", _("non-member price")


class InvoiceLine(models.Model):
    """One charge on an invoice: who took part in what, when, at which price."""

    invoice = models.ForeignKey(
        Invoice, on_delete=models.CASCADE, related_name="lines", verbose_name=_("invoice")
    )
    position = models.PositiveSmallIntegerField(_("line"))
    charge = models.OneToOneField(
        "academy.Charge",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invoice_line",
        verbose_name=_("charge"),
    )
    description = models.CharField(_("description"), max_length=300)
    participant = models.CharField(_("participant"), max_length=200, blank=True)
    service_date = models.DateField(_("date"), null=True, blank=True)
    price_kind = models.CharField(_("price"), max_length=12, choices=PriceKind, blank=True)
    amount = money_field(_("amount"))

    class Meta:
        ordering = ["invoice", "position"]
        verbose_name = _("invoice line")
        verbose_name_plural = _("invoice lines")
        constraints = [
            models.UniqueConstraint(fields=["invoice", "position"], name="unique_line_position"),
        ]

    def __str__(self) -> str:
        return f"{self.invoice} #{self.position}"
