"""Invoices for the accounting package: CSV and XLSX with the same columns."""

import csv
import io
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from atelier.lib.spreadsheet_cells import safe_cell

from .models import Invoice
from .selectors import status_of

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _header() -> list[str]:
    return [
        _("Number"),
        _("Kind"),
        _("Date"),
        _("Due"),
        _("Member"),
        _("NIS or company number"),
        _("Description"),
        _("Amount"),
        _("Paid"),
        _("Credited"),
        _("Structured communication"),
        _("Credits invoice"),
        _("Status"),
    ]


def invoice_rows(invoices: Iterable[Invoice]) -> Iterable[list[Any]]:
    """One row per document; credit notes carry a negative amount, as accounting books them."""
    today = timezone.localdate()
    for invoice in invoices:
        sign = -1 if invoice.is_credit_note else 1
        yield [
            invoice.display_number,
            invoice.get_kind_display(),
            invoice.issued_on,
            invoice.due_on,
            safe_cell(invoice.recipient_name),
            invoice.recipient_identifier,
            safe_cell(invoice.description),
            sign * invoice.amount,
            invoice.paid,  # type: ignore[attr-defined]
            invoice.credited,  # type: ignore[attr-defined]
            invoice.formatted_reference,
            invoice.credited_invoice.display_number if invoice.credited_invoice else "",
            status_of(invoice, today),
        ]


def invoices_csv(invoices: Iterable[Invoice]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_header())
    for row in invoice_rows(invoices):
        writer.writerow([cell.isoformat() if hasattr(cell, "isoformat") else cell for cell in row])
    return buffer.getvalue()


def invoices_xlsx(invoices: Iterable[Invoice]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Invoices"))
    sheet.append(_header())
    for row in invoice_rows(invoices):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def invoice_export_response(invoices: QuerySet[Invoice], file_format: str) -> HttpResponse:
    invoices = invoices.select_related("credited_invoice").order_by("year", "kind", "number")
    if file_format == "csv":
        # A BOM so that Excel reads the file as UTF-8.
        response = HttpResponse("\ufeff" + invoices_csv(invoices), content_type="text/csv")
    elif file_format == "xlsx":
        response = HttpResponse(invoices_xlsx(invoices), content_type=XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="invoices.{file_format}"'
    return response
