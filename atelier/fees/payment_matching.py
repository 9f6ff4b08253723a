"""Booking payments from a bank statement by structured communication."""

import hashlib
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from atelier.accounts.models import User

from .bank_file import BankEntry, read_bank_file
from .models import BankImport, BankLine, DocumentKind, Invoice, MatchOutcome, Payment, Refund

ZERO = Decimal("0.00")


def _outstanding(invoices: dict[str, Invoice]) -> dict[int, Decimal]:
    """What is still due per invoice, from one query each for payments and credits."""
    ids = [invoice.pk for invoice in invoices.values()]
    paid = dict(
        Payment.objects.filter(invoice__in=ids)
        .values("invoice")
        .annotate(total=Sum("amount"))
        .values_list("invoice", "total")
    )
    credited = dict(
        Invoice.objects.filter(credited_invoice__in=ids)
        .values("credited_invoice")
        .annotate(total=Sum("amount"))
        .values_list("credited_invoice", "total")
    )
    refunded = dict(
        Refund.objects.filter(invoice__in=ids)
        .values("invoice")
        .annotate(total=Sum("amount"))
        .values_list("invoice", "total")
    )
    return {
        invoice.pk: invoice.amount
        - paid.get(invoice.pk, ZERO)
        - credited.get(invoice.pk, ZERO)
        + refunded.get(invoice.pk, ZERO)
        for invoice in invoices.values()
    }


def _outcome(entry: BankEntry, invoice: Invoice | None, due: Decimal) -> str:
    if entry.amount <= 0:
        return MatchOutcome.OUTGOING
    if not entry.structured_reference:
        return MatchOutcome.NO_REFERENCE
    if invoice is None:
        return MatchOutcome.UNKNOWN_REFERENCE
    if invoice.kind == DocumentKind.CREDIT_NOTE:
        return MatchOutcome.CREDIT_NOTE
    if due <= 0:
        return MatchOutcome.DOUBLE
    if entry.amount < due:
        return MatchOutcome.PARTIAL
    return MatchOutcome.PAID if entry.amount == due else MatchOutcome.OVERPAID


@transaction.atomic
def import_bank_statement(*, content: bytes, file_name: str, by: User) -> BankImport:
    """Reads a statement; if every line reads, books each payment that matches an invoice.

    A payment for an invoice that is already paid, in the database or earlier in the same
    file, is not booked: it is listed as a double payment to refund.
    """
    parsed = read_bank_file(content, file_name)
    digest = hashlib.sha256(content).hexdigest()
    record = BankImport(file_name=file_name[:255], file_format=parsed.file_format, sha256=digest)
    record.created_by = by
    already = BankImport.objects.filter(sha256=digest, status=BankImport.Status.APPLIED).first()
    errors = [{"line": error.line, "message": error.message} for error in parsed.errors]
    if already:
        message = _("This file was imported already, on %(date)s: nothing was booked twice.")
        errors.insert(
            0, {"line": 0, "message": message % {"date": date_format(already.created_at)}}
        )
    if not errors and not parsed.entries:
        errors.append({"line": 0, "message": _("The file holds no movements.")})
    if errors:
        record.status = BankImport.Status.REJECTED
        record.errors = errors
        record.save()
        return record
    record.status = BankImport.Status.APPLIED
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # the same file, uploaded at the same moment by someone else
        record.pk = None
        record.status = BankImport.Status.REJECTED
        record.errors = [{"line": 0, "message": _("This file is being imported already.")}]
        record.save()
        return record
    _book(record, parsed.entries, by)
    return record


def _book(record: BankImport, entries: list[BankEntry], by: User) -> None:
    references = {entry.structured_reference for entry in entries if entry.structured_reference}
    invoices = {
        invoice.structured_reference: invoice
        for invoice in Invoice.objects.select_for_update().filter(
            structured_reference__in=references
        )
    }
    due = _outstanding(invoices)
    for entry in entries:
        invoice = invoices.get(entry.structured_reference)
        outcome = _outcome(entry, invoice, due.get(invoice.pk, ZERO) if invoice else ZERO)
        line = BankLine.objects.create(
            bank_import=record,
            line_number=entry.line_number,
            booked_on=entry.booked_on,
            amount=entry.amount,
            counterparty=entry.counterparty,
            communication=entry.communication,
            structured_reference=entry.structured_reference,
            outcome=outcome,
            invoice=invoice,
        )
        if line.is_matched and invoice is not None:
            Payment.objects.create(
                invoice=invoice,
                amount=entry.amount,
                paid_on=entry.booked_on,
                bank_line=line,
                created_by=by,
            )
            due[invoice.pk] -= entry.amount
