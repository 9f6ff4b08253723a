"""A period's invoices, credit notes, payments and refunds for the accountant: XLSX and CSV.

One row per booking, with the columns an accountant asks for. Credit notes and refunds
carry negative amounts, as they are booked.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _

from atelier.lib.spreadsheets import Table, csv_response, xlsx_response

from .models import BillingSettings, Invoice, Payment, Refund
from .selectors import invoices_with_balance

ZERO = Decimal("0.00")


def _reference(invoice: Invoice) -> str:
    """'202/6100/00185': the communication without the +++ that spreadsheets take for a formula."""
    return invoice.formatted_reference.strip("+")


def header() -> list[str]:
    return [
        _("Date"),
        _("Kind"),
        _("Number"),
        _("Member"),
        _("Company number"),
        _("Account"),
        _("Amount excl. VAT"),
        _("VAT"),
        _("Amount incl. VAT"),
        _("VAT code"),
        _("Structured communication"),
        _("Paid"),
        _("Balance"),
    ]


def _company_number(invoice: Invoice) -> str:
    return invoice.recipient_company_number or (
        invoice.organisation.company_number if invoice.organisation else ""
    )


def _document_row(invoice: Invoice, rule: BillingSettings) -> list[Any]:
    sign = -1 if invoice.is_credit_note else 1
    account = rule.charges_account if _is_charges(invoice) else rule.fees_account
    balance = invoice.amount - invoice.paid - invoice.credited  # type: ignore[attr-defined]
    return [
        invoice.issued_on,
        invoice.get_kind_display(),
        invoice.display_number,
        invoice.recipient_name,
        _company_number(invoice),
        account,
        sign * invoice.amount,
        ZERO,
        sign * invoice.amount,
        rule.vat_code,
        _reference(invoice),
        "" if invoice.is_credit_note else invoice.paid,  # type: ignore[attr-defined]
        "" if invoice.is_credit_note else balance,
    ]


def _is_charges(invoice: Invoice) -> bool:
    source = invoice.credited_invoice or invoice
    return source.charge_run_id is not None


def _money_row(
    day: datetime.date, kind: str, invoice: Invoice | None, amount: Decimal, rule: BillingSettings
) -> list[Any]:
    return [
        day,
        kind,
        invoice.display_number if invoice else "",
        invoice.recipient_name if invoice else "",
        _company_number(invoice) if invoice else "",
        rule.bank_account,
        amount,
        ZERO,
        amount,
        "",
        _reference(invoice) if invoice else "",
        "",
        "",
    ]


def period_rows(start: datetime.date, end: datetime.date) -> list[list[Any]]:
    """Every booking of the period, by date: documents, payments received, refunds."""
    rule = BillingSettings.current()
    documents: QuerySet[Invoice] = (
        invoices_with_balance()
        .filter(issued_on__range=(start, end))
        .select_related("credited_invoice")
        .order_by("issued_on", "kind", "number")
    )
    rows = [_document_row(invoice, rule) for invoice in documents]
    payments = Payment.objects.filter(paid_on__range=(start, end)).select_related(
        "invoice__organisation"
    )
    rows += [_money_row(p.paid_on, _("payment"), p.invoice, p.amount, rule) for p in payments]
    refunds = Refund.objects.filter(refunded_on__range=(start, end)).select_related(
        "bank_line__invoice__organisation"
    )
    rows += [
        _money_row(r.refunded_on, _("refund"), r.bank_line.invoice, -r.amount, rule)
        for r in refunds
    ]
    return sorted(rows, key=lambda row: row[0])


def accounting_response(start: datetime.date, end: datetime.date, file_format: str) -> HttpResponse:
    tables: list[Table] = [(_("Bookings"), [header(), *period_rows(start, end)])]
    name = f"accounting-{start.isoformat()}-{end.isoformat()}"
    return xlsx_response(tables, name) if file_format == "xlsx" else csv_response(tables, name)
