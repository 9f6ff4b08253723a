"""Writes for charges: the charges run that invoices them, and what a cancellation costs.

A charge is what one paying enrolment, or one print order of books or magazines, costs.
The charges run puts every charge not yet invoiced on one invoice per organisation (a line
per charge), in the invoice series of the fee runs; a participant outside any member
organisation gets an invoice of their own, to the billing details they gave when enrolling.
"""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from atelier.academy.models import Charge, Enrolment
from atelier.accounts.models import User
from atelier.lib.money import to_cents

from .models import (
    BillingSettings,
    CancellationCredit,
    ChargeRun,
    DocumentKind,
    Invoice,
    InvoiceLine,
    PriceKind,
)
from .selectors import creditable_amount, enrolment_of, order_of
from .services import _reference, _reserve_numbers, credit_invoice

ZERO = Decimal("0.00")


def uninvoiced_charges() -> QuerySet[Charge]:
    """Charges still to invoice: live ones, and cancelled ones that retain an amount."""
    return (
        Charge.objects.filter(invoice_line__isnull=True)
        .filter(Q(cancelled_at__isnull=True) | Q(retained_amount__gt=0))
        .select_related(
            "organisation",
            "enrolment__person",
            "enrolment__edition__course",
            "order__item",
            "order__ordered_by",
        )
        .order_by("organisation__name_nl", "created_at", "pk")
    )


def _billed_as_member(charge: Charge) -> bool:
    return charge.organisation is not None and charge.organisation.is_member


def _group_key(charge: Charge) -> tuple:
    """Members get one invoice each; others one per set of billing details they gave."""
    if _billed_as_member(charge):
        return ("member", charge.organisation_id)
    if charge.order_id:
        return ("other", charge.organisation_id, "organisation")
    enrolment = enrolment_of(charge)
    payer = enrolment.billing_company_number or enrolment.billing_name.strip().lower()
    return ("other", charge.organisation_id, payer or f"person-{enrolment.person_id}")


def _order_description(charge: Charge, language: str) -> str:
    order = order_of(charge)
    with override(language):
        text = _("%(item)s: %(quantity)s printed copies at %(price)s each") % {
            "item": order.item.title,
            "quantity": order.quantity,
            "price": order.unit_price,
        }
        if charge.cancelled_at:
            text = _("%(order)s (cancelled)") % {"order": text}
        return text[:300]


def line_description(charge: Charge, language: str) -> str:
    if charge.order_id:
        return _order_description(charge, language)
    edition = enrolment_of(charge).edition
    with override(language):
        title = edition.course.title_en if language == "en" and edition.course.title_en else None
        text = title or edition.course.title_nl
        if charge.cancelled_at:
            text = _("%(course)s (cancelled after the deadline)") % {"course": text}
        return text[:300]


def _order_line(charge: Charge, invoice: Invoice, position: int) -> InvoiceLine:
    order, person = order_of(charge), order_of(charge).ordered_by
    return InvoiceLine(
        invoice=invoice,
        position=position,
        charge=charge,
        description=line_description(charge, invoice.language),
        participant=(person.get_full_name() or person.email)[:200] if person else "",
        service_date=timezone.localdate(order.ordered_at),
        price_kind=PriceKind.MEMBER if _billed_as_member(charge) else PriceKind.NON_MEMBER,
        amount=charge.billable_amount,
    )


def _line(charge: Charge, invoice: Invoice, position: int) -> InvoiceLine:
    if charge.order_id:
        return _order_line(charge, invoice, position)
    edition, person = enrolment_of(charge).edition, enrolment_of(charge).person
    return InvoiceLine(
        invoice=invoice,
        position=position,
        charge=charge,
        description=line_description(charge, invoice.language),
        participant=person.get_full_name()[:200] or person.email,
        service_date=timezone.localdate(edition.starts_at) if edition.starts_at else None,
        price_kind=PriceKind.MEMBER if _billed_as_member(charge) else PriceKind.NON_MEMBER,
        amount=charge.billable_amount,
    )


def _recipient(charge: Charge) -> dict[str, str]:
    """Who the invoice is addressed to, as the registry or the enrolment says now."""
    organisation, enrolment = charge.organisation, enrolment_of(charge)
    if organisation is not None and organisation.is_member:
        return {
            "recipient_name": organisation.name,
            "recipient_identifier": organisation.identifier,
            "recipient_company_number": organisation.company_number,
            "recipient_address": "",
            "recipient_email": "",
            "buyer_reference": "",
        }
    if charge.order_id and organisation is not None:
        orderer = order_of(charge).ordered_by
        return {
            "recipient_name": organisation.name[:200],
            "recipient_identifier": organisation.identifier,
            "recipient_company_number": organisation.company_number,
            "recipient_address": "",
            "recipient_email": orderer.email if orderer else "",
            "buyer_reference": "",
        }
    name = enrolment.billing_name or (organisation.name if organisation else "")
    return {
        "recipient_name": (name or enrolment.person.get_full_name() or enrolment.person.email)[
            :200
        ],
        "recipient_identifier": enrolment.billing_company_number
        or (organisation.identifier if organisation else ""),
        "recipient_company_number": enrolment.billing_company_number
        or (organisation.company_number if organisation else ""),
        "recipient_address": enrolment.billing_address,
        "recipient_email": enrolment.billing_email or enrolment.person.email,
        "buyer_reference": enrolment.billing_reference,
    }


def _charges_description(language: str) -> str:
    with override(language):
        return _("Trainings and seminars")


@transaction.atomic
def run_charges(*, issued_on: datetime.date, by: User | None) -> ChargeRun:
    """Invoices every uninvoiced charge: one invoice per organisation, a line per charge."""
    charges = list(uninvoiced_charges().select_for_update(of=("self",)))
    groups: dict[tuple, list[Charge]] = defaultdict(list)
    for charge in charges:
        groups[_group_key(charge)].append(charge)
    run = ChargeRun.objects.create(issued_on=issued_on, created_by=by)
    numbers = _reserve_numbers(DocumentKind.INVOICE, issued_on.year, len(groups))
    language = settings.LANGUAGE_CODE
    due_on = issued_on + datetime.timedelta(days=settings.INVOICE_PAYMENT_DAYS)
    invoices = [
        Invoice(
            kind=DocumentKind.INVOICE,
            year=issued_on.year,
            number=number,
            organisation=group[0].organisation,
            charge_run=run,
            description=_charges_description(language),
            language=language,
            amount=sum((charge.billable_amount for charge in group), ZERO),
            structured_reference=_reference(DocumentKind.INVOICE, issued_on.year, number),
            issued_on=issued_on,
            due_on=due_on,
            created_by=by,
            **_recipient(group[0]),
        )
        for group, number in zip(groups.values(), numbers, strict=True)
    ]
    Invoice.objects.bulk_create(invoices, batch_size=500)
    lines = [
        _line(charge, invoice, position)
        for invoice, group in zip(invoices, groups.values(), strict=True)
        for position, charge in enumerate(group, start=1)
    ]
    InvoiceLine.objects.bulk_create(lines, batch_size=1000)
    run.invoice_count, run.charge_count = len(invoices), len(lines)
    run.total = sum((invoice.amount for invoice in invoices), ZERO)
    run.save(update_fields=["invoice_count", "charge_count", "total"])
    return run


def cancellation_credit_share(*, enrolment: Enrolment, when: datetime.datetime) -> Decimal:
    """The share of the price a cancellation gives back: all before the deadline, else the rule."""
    if when <= enrolment.edition.registration_deadline:
        return Decimal("1")
    rule = BillingSettings.current()
    if rule.cancellation_credit == CancellationCredit.FULL:
        return Decimal("1")
    if rule.cancellation_credit == CancellationCredit.PARTIAL:
        return Decimal(rule.cancellation_credit_percent) / 100
    return Decimal("0")


def settle_cancelled_charge(*, enrolment: Enrolment, by: User) -> Invoice | None:
    """Cancels the enrolment's charge; once invoiced, credits it as the rules say.

    Called inside the enrolment's cancellation. Returns the credit note, if one was issued.
    """
    charge = (
        Charge.objects.select_for_update()
        .filter(enrolment=enrolment, cancelled_at__isnull=True)
        .first()
    )
    if charge is None:
        return None
    cancelled_at = enrolment.cancelled_at or timezone.now()
    share = cancellation_credit_share(enrolment=enrolment, when=cancelled_at)
    credit = to_cents(charge.amount * share)
    charge.cancelled_at = cancelled_at
    charge.retained_amount = charge.amount - credit
    charge.save(update_fields=["cancelled_at", "retained_amount"])
    line = InvoiceLine.objects.filter(charge=charge).select_related("invoice").first()
    if line is None:
        return None  # the charges run bills only what is retained
    credit = min(credit, creditable_amount(line.invoice))
    if credit <= 0:
        return None
    reason = _("Cancellation of %(participant)s's enrolment: %(course)s") % {
        "participant": line.participant,
        "course": line.description,
    }
    note, _corrected = credit_invoice(
        invoice=line.invoice,
        amount=credit,
        reason=reason,
        issued_on=timezone.localdate(cancelled_at),
        by=by,
    )
    return note
