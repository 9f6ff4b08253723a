"""The association's report on the programme, on screen and as CSV or XLSX."""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from atelier.academy.selectors.reporting import Report, programme_report
from atelier.accounts.decorators import staff_required
from atelier.lib.charts import bar_chart
from atelier.lib.spreadsheet_cells import safe_cell

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request: HttpRequest) -> int | None:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() else None


@staff_required
def reports(request: HttpRequest) -> HttpResponse:
    report = programme_report(_year(request))
    chart = bar_chart(
        _("Share of member municipalities reached, per province"),
        [
            (p.province, p.share, f"{p.share}% ({p.reached}/{p.municipalities})")
            for p in report.provinces
        ],
    )
    context = {"report": report, "chart": chart, "query": request.GET.urlencode()}
    return render(request, "academy/reporting/reports.html", context)


def level_table(report: Report) -> list[list]:
    header = [
        _("Year"),
        _("Level"),
        _("People trained"),
        _("Attendances recorded"),
        _("Present or late"),
        _("Attendance rate (%)"),
        _("Ratings"),
        _("Mean satisfaction (1–5)"),
    ]
    return [header] + [
        [
            r.year,
            r.level,
            r.people_trained,
            r.attendance_recorded,
            r.attended,
            r.attendance_rate,
            r.ratings,
            r.mean_rating,
        ]
        for r in report.by_level_and_year
    ]


def province_table(report: Report) -> list[list]:
    header = [_("Province"), _("Member municipalities"), _("Reached"), _("Share (%)")]
    rows = [[p.province, p.municipalities, p.reached, p.share] for p in report.provinces]
    return [header, *rows, [_("Total"), report.municipalities, report.reached, report.share]]


@staff_required
def reports_export(request: HttpRequest, file_format: str) -> HttpResponse:
    report = programme_report(_year(request))
    tables = [(_("Levels"), level_table(report)), (_("Provinces"), province_table(report))]
    name = f"academy-report-{report.year or 'all'}"
    if file_format == "csv":
        return _csv(tables, name)
    if file_format == "xlsx":
        return _xlsx(tables, name)
    raise Http404


def _cell(value):
    return (
        "" if value is None else safe_cell(value if isinstance(value, int | str) else float(value))
    )


def _csv(tables: list[tuple[str, list[list]]], name: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for index, (_title, rows) in enumerate(tables):
        if index:
            writer.writerow([])
        writer.writerows([[_cell(value) for value in row] for row in rows])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def _xlsx(tables: list[tuple[str, list[list]]], name: str) -> HttpResponse:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for title, rows in tables:
        sheet = workbook.create_sheet(title[:31])
        for row in rows:
            sheet.append([None if value is None else _cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
