"""Membership fees: tariffs per year, fee runs, invoices, credit notes and payments."""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.lib.structured_reference import format_structured_reference
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
