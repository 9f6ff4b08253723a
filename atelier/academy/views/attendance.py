"""The trainer's attendance sheet for a session, and the edition's attendance export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from atelier.academy.models import AttendanceStatus, Edition, Session
from atelier.academy.selectors.attendance import (
    attendance_grid,
    confirmed_enrolments,
    session_statuses,
    sheet_version,
)
from atelier.academy.services.attendance import (
    StaleAttendanceSheet,
    can_record_attendance,
    record_attendance,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.lib.spreadsheet_cells import safe_cell
from atelier.lib.spreadsheets import csv_response, xlsx_response


def _posted_statuses(request: HttpRequest, enrolment_ids: list[int]) -> dict[int, str]:
    statuses = {}
    for pk in enrolment_ids:
        status = request.POST.get(f"status-{pk}", "")
        if status in AttendanceStatus.values:
            statuses[pk] = status
    return statuses


@login_required
@require_http_methods(["GET", "POST"])
def attendance_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.select_related("edition__course"), pk=pk)
    if not can_record_attendance(user_of(request), session):
        raise PermissionDenied
    enrolments = confirmed_enrolments(session.edition)
    current = session_statuses(session)
    stale = None
    if request.method == "POST":
        statuses = _posted_statuses(request, [e.pk for e in enrolments])
        try:
            record_attendance(
                session=session,
                statuses=statuses,
                by=user_of(request),
                version=request.POST.get("version", ""),
            )
        except StaleAttendanceSheet as error:
            stale, current = error.current, error.current
        else:
            messages.success(request, _("The attendance is saved."))
            return redirect("academy:attendance", pk=session.pk)
    rows = [(enrolment, current.get(enrolment.pk, "")) for enrolment in enrolments]
    context = {
        "session": session,
        "rows": rows,
        "choices": AttendanceStatus.choices,
        "version": sheet_version(current),
        "stale": stale is not None,
    }
    return render(request, "academy/attendance/sheet.html", context, status=409 if stale else 200)


def _grid_table(edition: Edition) -> list[list[object]]:
    grid = attendance_grid(edition)
    labels = dict(AttendanceStatus.choices)
    header: list[object] = [_("Participant"), _("Organisation")]
    header += [session.starts_at.date().isoformat() for session in grid.sessions]
    header += [_("Attended"), _("Certificate rule met")]
    table = [header]
    for row in grid.rows:
        organisation = row.enrolment.organisation
        line: list[object] = [
            safe_cell(str(row.enrolment.person)),
            safe_cell(str(organisation) if organisation else ""),
        ]
        line += [str(labels.get(status, "")) for status in row.statuses]
        line += [row.attended, _("yes") if row.meets_rule else _("no")]
        table.append(line)
    return table


@staff_required
def attendance_export(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    if extension not in ("csv", "xlsx"):
        raise Http404
    edition = get_object_or_404(Edition.objects.select_related("course__level"), pk=pk)
    table = _grid_table(edition)
    tables = [(_("Attendance"), table)]
    name = f"attendance-edition-{edition.pk}"
    return csv_response(tables, name) if extension == "csv" else xlsx_response(tables, name)
