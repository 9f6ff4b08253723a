"""Exports of a canvas (PDF, PNG, SVG, CSV, JSON) and the import of one into a project."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from atelier.accounts.access import user_of
from atelier.api.auth import accepts_api_token
from atelier.canvases import kinds
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.exports.display import file_name
from atelier.canvases.exports.forms import CanvasImportForm
from atelier.canvases.exports.page import coverage_asked, without_coverage
from atelier.canvases.exports.pdf import canvas_pdf
from atelier.canvases.exports.png import canvas_png
from atelier.canvases.exports.svg import grid_svg, stakeholder_map_svg
from atelier.canvases.exports.tabular import canvas_csv, canvas_json
from atelier.canvases.models import Canvas
from atelier.canvases.selectors import comments_for_export
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.transfer import import_canvas as import_document
from atelier.method.models import ArtefactKind
from atelier.projects.access import get_project_for_user


def _drawn(request: HttpRequest, canvas: Canvas) -> dict[str, Any]:
    """The canvas as drawn in an export: `?coverage=0` leaves out the research coverage."""
    data = serialize_canvas(canvas)
    return data if coverage_asked(request.GET) else without_coverage(data)


def _attachment(content: str | bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@accepts_api_token
@login_required
@require_GET
def export_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    paper = "A4" if request.GET.get("paper", "").lower() == "a4" else "A3"
    data = _drawn(request, canvas)
    if request.GET.get("comments") == "1":  # comments stay out of exports unless asked
        data = data | {"comments": comments_for_export(canvas)}
    pdf = canvas_pdf(data, paper=paper, project_title=canvas.project.title)
    return _attachment(pdf, "application/pdf", file_name(data, "pdf"))


@accepts_api_token
@login_required
@require_GET
def export_png(request: HttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    data = _drawn(request, canvas)
    png = canvas_png(data, project_title=canvas.project.title)
    return _attachment(png, "image/png", file_name(data, "png"))


@accepts_api_token
@login_required
@require_GET
def export_svg(request: HttpRequest, pk: int) -> HttpResponse:
    """Journey, blueprint and stakeholder map only: the other kinds are lists, not drawings."""
    canvas = get_canvas_for_user(user_of(request), pk)
    data = _drawn(request, canvas)
    if canvas.kind in kinds.GRID_KINDS:
        svg = grid_svg(data)
    elif canvas.kind == ArtefactKind.STAKEHOLDER_MAP:
        svg = stakeholder_map_svg(data)
    else:
        raise Http404
    return _attachment(svg, "image/svg+xml", file_name(data, "svg"))


@accepts_api_token
@login_required
@require_GET
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    data = serialize_canvas(get_canvas_for_user(user_of(request), pk))
    return _attachment(canvas_csv(data), "text/csv; charset=utf-8", file_name(data, "csv"))


@accepts_api_token
@login_required
@require_GET
def export_json(request: HttpRequest, pk: int) -> HttpResponse:
    data = serialize_canvas(get_canvas_for_user(user_of(request), pk))
    return _attachment(
        canvas_json(data), "application/json; charset=utf-8", file_name(data, "json")
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_canvas(request: HttpRequest, project_pk: int) -> HttpResponse:
    """A canvas from a file; every problem of the file is listed and nothing is written."""
    project = get_project_for_user(user_of(request), project_pk, write=True)
    form = CanvasImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            canvas, dropped = import_document(
                project=project, data=form.cleaned_data["document"], by=user_of(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The canvas was imported."))
            if dropped:
                messages.warning(request, _dropped_message(dropped))
            return redirect("canvases:canvas", pk=canvas.pk)
    return render(request, "canvases/export/import.html", {"form": form, "project": project})


def _dropped_message(count: int) -> str:
    return ngettext(
        "%(count)s link to research or between cards could not be kept.",
        "%(count)s links to research or between cards could not be kept.",
        count,
    ) % {"count": count}
