"""Payments by hand: matching a stored bank line to an invoice, undoing it, and refunds.

Built on the lines a bank statement import stored; the files are never read again. Every
match, unmatch and refund changes rows the audit trail records (bank line, payment,
refund), with the reason staff gave.
"""

import datetime
import re
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from atelier.accounts.models import User

from .models import BankLine, DocumentKind, Invoice, MatchOutcome, Payment, Refund
from .selectors import balance_of
from .services import FeeError

ZERO = Decimal("0.00")
# Lines a person can still match: money came in, but no invoice was found for it.
TO_MATCH = (MatchOutcome.UNKNOWN_REFERENCE, MatchOutcome.NO_REFERENCE)
# Lines whose money (or part of it) goes back: paid twice, paid too much, paid a credit note.
TO_REFUND = (MatchOutcome.DOUBLE, MatchOutcome.OVERPAID, MatchOutcome.CREDIT_NOTE)

_NUMBER = re.compile(r"\s*(F|CN)\s*(\d{4})\s*-\s*(\d{1,5})\s*", re.IGNORECASE)


def invoice_by_number(text: str) -> Invoice | None:
    """'F2026-00012' or 'cn2026-3' as the document, if it exists."""
    match = _NUMBER.fullmatch(text or "")
    if match is None:
        return None
    prefix, year, number = match.groups()
    kind = DocumentKind.CREDIT_NOTE if prefix.upper() == "CN" else DocumentKind.INVOICE
    return Invoice.objects.filter(kind=kind, year=int(year), number=int(number)).first()


def lines_to_match() -> QuerySet[BankLine]:
    return (
        BankLine.objects.filter(outcome__in=TO_MATCH, payment__isnull=True, refund__isnull=True)
        .select_related("bank_import")
        .order_by("-booked_on", "-pk")
    )


def refundable_amount(line: BankLine) -> Decimal:
    """What goes back: all of a double payment, the excess of an over-payment."""
    if line.outcome != MatchOutcome.OVERPAID or line.invoice is None:
        return line.amount
    return min(max(-balance_of(line.invoice), ZERO), line.amount)


def lines_to_refund() -> QuerySet[BankLine]:
    return (
        BankLine.objects.filter(outcome__in=TO_REFUND, refund__isnull=True)
        .select_related("bank_import", "invoice")
        .order_by("booked_on", "pk")
    )


def _outcome_for(line: BankLine, due: Decimal) -> str:
    if line.amount < due:
        return MatchOutcome.PARTIAL
    return MatchOutcome.PAID if line.amount == due else MatchOutcome.OVERPAID


@transaction.atomic
def match_bank_line(*, line: BankLine, invoice: Invoice, reason: str, by: User) -> Payment:
    """Books a bank line that matched nothing on the invoice staff chose, with their reason."""
    line = BankLine.objects.select_for_update().get(pk=line.pk)
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if line.outcome not in TO_MATCH or Payment.objects.filter(bank_line=line).exists():
        raise FeeError(_("This bank line is matched already."))
    if invoice.is_credit_note:
        raise FeeError(_("A payment is matched to an invoice, not to a credit note."))
    if not reason.strip():
        raise FeeError(_("Give the reason for the match."))
    due = balance_of(invoice)
    if due <= 0:
        raise FeeError(_("This invoice is paid already: list the payment for a refund instead."))
    line.outcome = _outcome_for(line, due)
    line.invoice, line.match_reason, line.matched_by = invoice, reason.strip()[:300], by
    line.save(update_fields=["outcome", "invoice", "match_reason", "matched_by"])
    return Payment.objects.create(
        invoice=invoice, amount=line.amount, paid_on=line.booked_on, bank_line=line, created_by=by
    )


@transaction.atomic
def unmatch_payment(*, payment: Payment, reason: str, by: User) -> BankLine:
    """Takes a payment off its invoice; its bank line waits to be matched again."""
    payment = (
        Payment.objects.select_for_update(of=("self",))
        .select_related("bank_line")
        .get(pk=payment.pk)
    )
    line = payment.bank_line
    if line is None:
        raise FeeError(_("Only payments from a bank statement can be unmatched."))
    if not reason.strip():
        raise FeeError(_("Give the reason for undoing the match."))
    if Refund.objects.filter(bank_line=line).exists():
        raise FeeError(_("Part of this payment was refunded; it cannot be unmatched."))
    payment.delete()
    line.outcome = (
        MatchOutcome.UNKNOWN_REFERENCE if line.structured_reference else MatchOutcome.NO_REFERENCE
    )
    line.invoice, line.match_reason, line.matched_by = None, reason.strip()[:300], by
    line.save(update_fields=["outcome", "invoice", "match_reason", "matched_by"])
    return line


@transaction.atomic
def record_refund(*, line: BankLine, refunded_on: datetime.date, note: str, by: User) -> Refund:
    """Marks what a double payment or an over-payment sent too much as refunded."""
    line = (
        BankLine.objects.select_for_update(of=("self",)).select_related("invoice").get(pk=line.pk)
    )
    if line.outcome not in TO_REFUND:
        raise FeeError(_("Nothing on this bank line is to be refunded."))
    if Refund.objects.filter(bank_line=line).exists():
        raise FeeError(_("This refund was recorded already."))
    amount = refundable_amount(line)
    if amount <= 0:
        raise FeeError(_("The invoice no longer holds too much: there is nothing to refund."))
    booked = line.outcome == MatchOutcome.OVERPAID
    return Refund.objects.create(
        bank_line=line,
        invoice=line.invoice if booked else None,
        amount=amount,
        refunded_on=refunded_on,
        note=note.strip()[:300],
        created_by=by,
    )


def refunded_on_invoice(invoice: Invoice) -> Decimal:
    return invoice.refunds.aggregate(total=Sum("amount"))["total"] or ZERO


def open_follow_up_count() -> int:
    """Lines to match and to refund, for the payments page's heading."""
    condition = Q(outcome__in=TO_MATCH, payment__isnull=True) | Q(outcome__in=TO_REFUND)
    return BankLine.objects.filter(condition, refund__isnull=True).count()


def with_refundable_amounts(lines: list[BankLine]) -> list[BankLine]:
    """Sets `refundable` on each line, the invoices' balances read in one query."""
    from .selectors import invoices_with_balance

    ids = [line.invoice_id for line in lines if line.outcome == MatchOutcome.OVERPAID]
    balances = {
        invoice.pk: invoice.amount - invoice.paid - invoice.credited  # type: ignore[attr-defined]
        for invoice in invoices_with_balance().filter(pk__in=ids)
    }
    for line in lines:
        if line.outcome == MatchOutcome.OVERPAID and line.invoice_id in balances:
            line.refundable = min(max(-balances[line.invoice_id], ZERO), line.amount)  # type: ignore[attr-defined]
        else:
            line.refundable = line.amount  # type: ignore[attr-defined]
    return lines
