"""Reads for fees: who is billed, previews, balances and summaries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import cast

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.academy.models import Charge, Enrolment
from atelier.accounts.models import Role, User
from atelier.companies.selectors import company_bases
from atelier.knowledge.models import PrintOrder
from atelier.members.models import (
    SIZE_CLASS_BOUNDS,
    Organisation,
    OrganisationType,
    PopulationFigure,
    SizeClass,
    Succession,
)

from .calculation import TariffTerms, compute_fee, snapshot_of, terms_from_snapshot
from .models import (
    COMPANY_BASES,
    DocumentKind,
    FeeBasis,
    FeeLine,
    FeeRun,
    Invoice,
    Payment,
    Refund,
    Reminder,
    Tariff,
)

ZERO = Decimal("0.00")
LARGEST_CHANGES = 10


def members_billed_in(year: int) -> list[Organisation]:
    """Members that exist on 1 January of the year, with their province and municipality."""
    return list(
        Organisation.objects.existing_on(datetime.date(year, 1, 1))
        .filter(is_member=True)
        .select_related("province", "municipality__province")
        .order_by("name_nl", "pk")
    )


def fee_quantities(
    day: datetime.date, members: list[Organisation], terms: TariffTerms
) -> dict[int, int]:
    """{organisation id: what its rule counts}: inhabitants or residents, or for a company
    its participants or the inhabitants they serve, on exactly that day."""
    quantities = population_on(day, members)
    companies = [m for m in members if m.type == OrganisationType.INTERMUNICIPAL]
    rule = terms.rules.get(OrganisationType.INTERMUNICIPAL)
    if not companies or rule is None or rule.basis not in COMPANY_BASES:
        return quantities
    for company_id, basis in company_bases(day, companies).items():
        if rule.basis == FeeBasis.PER_PARTICIPANT:
            quantities[company_id] = basis.participants
        elif basis.inhabitants_served is not None:
            quantities[company_id] = basis.inhabitants_served
    return quantities


def population_on(day: datetime.date, members: list[Organisation]) -> dict[int, int]:
    """{organisation id: inhabitants or residents} counted on exactly that day."""
    figures = PopulationFigure.objects.filter(
        reference_date=day, organisation__in=[m.pk for m in members]
    ).values_list("organisation_id", "inhabitants")
    return dict(figures)


def size_class_of(inhabitants: int | None) -> str:
    if inhabitants is None:
        return ""
    for size_class, (low, high) in SIZE_CLASS_BOUNDS.items():
        if inhabitants >= low and (high is None or inhabitants < high):
            return size_class
    return ""


def invoices_with_balance() -> QuerySet[Invoice]:
    """Invoices annotated with what has been paid and credited and what is still due."""
    money: DecimalField = DecimalField(max_digits=12, decimal_places=2)
    paid = (
        Payment.objects.filter(invoice=OuterRef("pk")).values("invoice").annotate(t=Sum("amount"))
    )
    credited = (
        Invoice.objects.filter(credited_invoice=OuterRef("pk"))
        .values("credited_invoice")
        .annotate(t=Sum("amount"))
    )
    refunded = (
        Refund.objects.filter(invoice=OuterRef("pk")).values("invoice").annotate(t=Sum("amount"))
    )
    # What was paid and kept: an over-payment that went back no longer counts as paid.
    return Invoice.objects.select_related("organisation").annotate(
        paid=Coalesce(
            Subquery(paid.values("t")[:1], output_field=money), Value(ZERO), output_field=money
        )
        - Coalesce(
            Subquery(refunded.values("t")[:1], output_field=money),
            Value(ZERO),
            output_field=money,
        ),
        credited=Coalesce(
            Subquery(credited.values("t")[:1], output_field=money), Value(ZERO), output_field=money
        ),
    )


def credited_amount(invoice: Invoice) -> Decimal:
    return invoice.credit_notes.aggregate(total=Sum("amount"))["total"] or ZERO


def paid_amount(invoice: Invoice) -> Decimal:
    """Paid and kept: payments less what was refunded of them."""
    paid = invoice.payments.aggregate(total=Sum("amount"))["total"] or ZERO
    return paid - (invoice.refunds.aggregate(total=Sum("amount"))["total"] or ZERO)


def balance_of(invoice: Invoice) -> Decimal:
    """What is still due on an invoice (negative when paid too much)."""
    return invoice.amount - credited_amount(invoice) - paid_amount(invoice)


def creditable_amount(invoice: Invoice) -> Decimal:
    """What can still be credited on an invoice."""
    return invoice.amount - credited_amount(invoice)


class InvoiceStatus:
    PAID = "paid"
    OPEN = "open"
    PARTIAL = "partial"
    OVERDUE = "overdue"
    CREDITED = "credited"
    OVERPAID = "overpaid"


def status_of(invoice: Invoice, today: datetime.date) -> str:
    """Needs an invoice from `invoices_with_balance`."""
    if invoice.kind == DocumentKind.CREDIT_NOTE:
        return InvoiceStatus.CREDITED
    due = invoice.amount - invoice.credited - invoice.paid  # type: ignore[attr-defined]
    if invoice.credited >= invoice.amount:  # type: ignore[attr-defined]
        return InvoiceStatus.CREDITED
    if due < 0:
        return InvoiceStatus.OVERPAID
    if due == 0:
        return InvoiceStatus.PAID
    if invoice.is_overdue(today):
        return InvoiceStatus.OVERDUE
    return InvoiceStatus.PARTIAL if invoice.paid > 0 else InvoiceStatus.OPEN  # type: ignore[attr-defined]


@dataclass
class PreviewLine:
    organisation: Organisation
    population: int | None
    amount: Decimal | None
    previous: Decimal | None = None
    problem: str = ""

    @property
    def change(self) -> Decimal | None:
        if self.amount is None or self.previous is None:
            return None
        return self.amount - self.previous

    @property
    def change_percent(self) -> Decimal | None:
        if self.change is None or not self.previous:
            return None
        return (self.change / self.previous * 100).quantize(Decimal("0.1"))


@dataclass
class Group:
    label: str
    count: int = 0
    total: Decimal = ZERO


@dataclass
class Preview:
    lines: list[PreviewLine]
    total: Decimal
    previous_total: Decimal | None
    by_type: list[Group] = field(default_factory=list)
    by_province: list[Group] = field(default_factory=list)
    by_size: list[Group] = field(default_factory=list)
    increases: list[PreviewLine] = field(default_factory=list)
    decreases: list[PreviewLine] = field(default_factory=list)
    problems: list[PreviewLine] = field(default_factory=list)


def _previous_amounts(year: int) -> dict[int, Decimal]:
    """Last year's issued fees by member; a merged member inherits its predecessors' sum."""
    run = FeeRun.objects.filter(year=year - 1, status=FeeRun.Status.ISSUED).first()
    if run is None:
        return {}
    amounts: dict[int, Decimal] = {
        organisation_id: amount
        for organisation_id, amount in run.lines.values_list("organisation_id", "amount")
        if amount is not None
    }
    merged: dict[int, Decimal] = defaultdict(Decimal)
    successions = Succession.objects.filter(effective_date__year=year).values_list(
        "predecessor_id", "successor_id"
    )
    for predecessor, successor in successions:
        if predecessor in amounts and successor not in amounts:
            merged[successor] += amounts[predecessor]
    return {**merged, **amounts}


def _province_label(organisation: Organisation) -> str:
    province = organisation.province or (
        organisation.municipality.province if organisation.municipality else None
    )
    return province.name if province else "—"


def _grouped(lines: list[PreviewLine], key) -> list[Group]:  # type: ignore[no-untyped-def]
    groups: dict[str, Group] = {}
    for line in lines:
        if line.amount is None:
            continue
        label = key(line)
        group = groups.setdefault(label, Group(label))
        group.count += 1
        group.total += line.amount
    return sorted(groups.values(), key=lambda group: group.label)


def preview_lines(tariff: Tariff) -> list[PreviewLine]:
    """Every member's fee under a tariff, computed without writing anything."""
    terms = terms_from_snapshot(snapshot_of(tariff))
    members = members_billed_in(tariff.year)
    figures = fee_quantities(tariff.reference_date, members, terms)
    previous = _previous_amounts(tariff.year)
    lines = []
    for member in members:
        line = PreviewLine(member, figures.get(member.pk), None, previous.get(member.pk))
        rule = terms.rules.get(member.type)
        if rule is None:
            line.problem = "no_rule"
        elif rule.basis != FeeBasis.FLAT and line.population is None:
            line.problem = "no_figure"
        else:
            line.amount = compute_fee(rule, line.population, terms.indexation_percent).amount
        lines.append(line)
    return lines


def tariff_preview(tariff: Tariff) -> Preview:
    """Totals by member type, province and size class, and the largest changes."""
    lines = preview_lines(tariff)
    type_labels = dict(OrganisationType.choices)
    size_labels = dict(SizeClass.choices)
    changed = [line for line in lines if line.change is not None]
    previous = [line.previous for line in lines if line.previous is not None]
    return Preview(
        lines=lines,
        total=sum((line.amount for line in lines if line.amount), ZERO),
        previous_total=sum(previous, ZERO) if previous else None,
        by_type=_grouped(lines, lambda line: str(type_labels[line.organisation.type])),
        by_province=_grouped(lines, lambda line: _province_label(line.organisation)),
        by_size=_grouped(
            [line for line in lines if line.organisation.type == OrganisationType.MUNICIPALITY],
            lambda line: str(size_labels.get(size_class_of(line.population), "—")),
        ),
        increases=sorted(changed, key=lambda line: -line.change)[:LARGEST_CHANGES],  # type: ignore[operator]
        decreases=sorted(changed, key=lambda line: line.change)[:LARGEST_CHANGES],  # type: ignore[arg-type,return-value]
        problems=[line for line in lines if line.problem],
    )


def run_lines(run: FeeRun) -> QuerySet[FeeLine]:
    return run.lines.select_related("organisation", "invoice")


def filter_invoices(
    invoices: QuerySet[Invoice], *, year: int | None, q: str, kind: str
) -> QuerySet[Invoice]:
    if year:
        invoices = invoices.filter(year=year)
    if kind:
        invoices = invoices.filter(kind=kind)
    search = q.strip()
    if search:
        digits = "".join(ch for ch in search if ch.isdigit())
        condition = Q(recipient_name__icontains=search) | Q(recipient_identifier=search)
        if len(digits) >= 4:
            condition |= Q(structured_reference__contains=digits)
        invoices = invoices.filter(condition)
    return invoices


def invoices_visible_to(user: User) -> QuerySet[Invoice]:
    """Administrators see every invoice; a coordinator those of their organisation."""
    invoices = invoices_with_balance()
    if user.is_administrator:
        return invoices
    if user.role == Role.COORDINATOR and user.organisation_id:
        return invoices.filter(organisation_id=user.organisation_id)
    return invoices.none()


class ChargeState:
    TO_INVOICE = "to_invoice"
    INVOICED = "invoiced"
    CANCELLED = "cancelled"


def enrolment_of(charge: Charge) -> Enrolment:
    """The enrolment of a charge known to bill one (the other kind bills a print order)."""
    return cast(Enrolment, charge.enrolment)


def order_of(charge: Charge) -> PrintOrder:
    """The print order of a charge known to bill one."""
    return cast(PrintOrder, charge.order)


def charges_with_invoice() -> QuerySet[Charge]:
    """Charges with what the lists show: participant, edition and the invoice, if any."""
    return Charge.objects.select_related(
        "organisation",
        "enrolment__person",
        "enrolment__edition__course",
        "order__item",
        "order__ordered_by",
        "invoice_line__invoice",
    ).order_by("-created_at", "-pk")


def filter_charges(charges: QuerySet[Charge], state: str) -> QuerySet[Charge]:
    billable = Q(cancelled_at__isnull=True) | Q(retained_amount__gt=0)
    if state == ChargeState.TO_INVOICE:
        return charges.filter(billable, invoice_line__isnull=True)
    if state == ChargeState.INVOICED:
        return charges.filter(invoice_line__isnull=False)
    if state == ChargeState.CANCELLED:
        return charges.filter(cancelled_at__isnull=False)
    return charges


def charges_visible_to(user: User) -> QuerySet[Charge]:
    """Administrators see every charge; a coordinator those of their organisation."""
    charges = charges_with_invoice()
    if user.is_administrator:
        return charges
    if user.role == Role.COORDINATOR and user.organisation_id:
        return charges.filter(organisation_id=user.organisation_id)
    return charges.none()


def charge_state(charge: Charge) -> str:
    if hasattr(charge, "invoice_line"):
        return ChargeState.INVOICED
    if charge.cancelled_at and not charge.retained_amount:
        return ChargeState.CANCELLED
    return ChargeState.TO_INVOICE


@dataclass(frozen=True)
class HistoryEvent:
    day: datetime.date
    label: str
    amount: Decimal | None = None
    detail: str = ""
    payment_id: int | None = None


def invoice_history(invoice: Invoice) -> list[HistoryEvent]:
    """Everything that happened to an invoice, oldest first: issue, payments, credits, refunds."""
    events = [HistoryEvent(invoice.issued_on, _("Issued"), invoice.amount)]
    for payment in invoice.payments.select_related("bank_line__bank_import"):
        line = payment.bank_line
        if line is not None and line.match_reason:
            label, detail = _("Payment matched by hand"), line.match_reason
        else:
            label, detail = _("Payment"), line.bank_import.file_name if line else ""
        events.append(HistoryEvent(payment.paid_on, label, payment.amount, detail, payment.pk))
    for note in invoice.credit_notes.all():
        events.append(HistoryEvent(note.issued_on, _("Credit note"), note.amount, str(note)))
    for refund in invoice.refunds.all():
        events.append(HistoryEvent(refund.refunded_on, _("Refunded"), refund.amount, refund.note))
    for reminder in invoice.reminders.all():
        label = str(reminder.get_level_display())
        events.append(HistoryEvent(timezone.localdate(reminder.sent_at), label, reminder.balance))
    return sorted(events, key=lambda event: event.day)


def with_reminder_state(invoices: QuerySet[Invoice]) -> QuerySet[Invoice]:
    """Adds the last reminder's level and date, for the lists that show the follow-up."""
    last = Reminder.objects.filter(invoice=OuterRef("pk")).order_by("-sent_at", "-pk")
    return invoices.annotate(
        last_reminder=Subquery(last.values("level")[:1]),
        last_reminder_at=Subquery(last.values("sent_at")[:1]),
    )
