"""Tables sent as CSV (semicolons, UTF-8 with a BOM for Excel) or XLSX downloads.

Every cell goes through safe_cell, so user text is never run as a formula, and loses the
control characters XML (and so XLSX) cannot hold.
"""

import csv
import io
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

from .control_characters import xml_safe
from .spreadsheet_cells import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Table = tuple[str, list[list[Any]]]  # a sheet's title and its rows


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        value = xml_safe(value)
    return safe_cell(float(value) if isinstance(value, Decimal) else value)


def csv_response(tables: list[Table], name: str) -> HttpResponse:
    """One CSV file; several tables follow each other with an empty line between them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for index, (_title, rows) in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerows([[cell(value) for value in row] for row in rows])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def xlsx_response(tables: list[Table], name: str) -> HttpResponse:
    """One workbook, a sheet per table."""
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for title, rows in tables:
        sheet = workbook.create_sheet(title[:31])
        for row in rows:
            sheet.append([None if value is None else cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
