"""The association's report on the programme, on screen and as CSV or XLSX."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from atelier.academy.selectors.reporting import Report, programme_report
from atelier.accounts.decorators import staff_required
from atelier.lib.charts import bar_chart
from atelier.lib.numbers import format_percent
from atelier.lib.spreadsheets import csv_response, xlsx_response

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
            (p.province, p.share, f"{format_percent(p.share)} ({p.reached}/{p.municipalities})")
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
        return csv_response(tables, name)
    if file_format == "xlsx":
        return xlsx_response(tables, name)
    raise Http404
