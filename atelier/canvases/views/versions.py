"""Named versions of a canvas (list, save, view, compare, restore) and copies of it."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from atelier.accounts.access import user_of
from atelier.canvases import kinds
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.forms import SnapshotForm
from atelier.canvases.models import Canvas, Snapshot
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.transfer import copy_canvas
from atelier.canvases.services.versions import compare, restore_snapshot, take_snapshot
from atelier.lib.forms import Form
from atelier.lib.htmx import HtmxHttpRequest
from atelier.projects.access import can_edit, projects_editable_by
from atelier.projects.models import Project

from .board import board_context

CURRENT = "current"


def _snapshots(canvas: Canvas) -> list[Snapshot]:
    """The canvas's versions, newest first, without their (large) content."""
    return list(Snapshot.objects.filter(canvas=canvas).defer("data").select_related("created_by"))


def _snapshot_of(canvas: Canvas, snapshot_pk: int) -> Snapshot:
    snapshot = Snapshot.objects.filter(canvas=canvas, pk=snapshot_pk).first()
    if snapshot is None:
        raise Http404
    return snapshot


def _when(snapshot: Snapshot) -> str:
    return formats.date_format(timezone.localtime(snapshot.created_at), "DATETIME_FORMAT")


class CompareForm(Form):
    a = forms.ChoiceField(label=gettext_lazy("Compare"))
    b = forms.ChoiceField(label=gettext_lazy("with"))

    def __init__(self, *args: Any, snapshots: list[Snapshot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(CURRENT, _("the current content"))] + [
            (str(s.pk), _("“%(name)s” of %(when)s") % {"name": s.name, "when": _when(s)})
            for s in snapshots
        ]
        self.fields["a"].choices = choices  # type: ignore[attr-defined]
        self.fields["b"].choices = choices  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def versions(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=request.method == "POST")
    form = SnapshotForm(request.POST or None, auto_id="version-%s")
    if request.method == "POST" and form.is_valid():
        try:
            snapshot = take_snapshot(
                canvas=canvas, name=form.cleaned_data["name"], by=user_of(request)
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(
                request, _("Saved as the version “%(name)s”.") % {"name": snapshot.name}
            )
            return redirect("canvases:versions", pk=canvas.pk)
    snapshots = _snapshots(canvas)
    initial = {"a": str(snapshots[0].pk) if snapshots else CURRENT, "b": CURRENT}
    context = {
        "canvas": canvas,
        "project": canvas.project,
        "editable": can_edit(user_of(request), canvas.project),
        "snapshots": snapshots,
        "form": form,
        "compare_form": CompareForm(initial=initial, snapshots=snapshots, auto_id="compare-%s"),
    }
    return render(request, "canvases/versions/list.html", context)


@login_required
def version(request: HtmxHttpRequest, pk: int, snapshot_pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    snapshot = _snapshot_of(canvas, snapshot_pk)
    context = board_context(snapshot.data, canvas=canvas, editable=False) | {
        "canvas": canvas,
        "project": canvas.project,
        "snapshot": snapshot,
        "when": _when(snapshot),
        "may_restore": can_edit(user_of(request), canvas.project),
    }
    return render(request, "canvases/versions/version.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def restore(request: HtmxHttpRequest, pk: int, snapshot_pk: int) -> HttpResponse:
    """GET asks to confirm; POST puts the version back."""
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    snapshot = _snapshot_of(canvas, snapshot_pk)
    if request.method == "GET":
        context = {"canvas": canvas, "project": canvas.project, "snapshot": snapshot}
        return render(
            request, "canvases/versions/restore.html", context | {"when": _when(snapshot)}
        )
    try:
        kept = restore_snapshot(snapshot=snapshot, by=user_of(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("canvases:versions", pk=canvas.pk)
    messages.success(
        request,
        _("The version “%(name)s” is back. What the canvas held before is kept as “%(kept)s”.")
        % {"name": snapshot.name, "kept": kept.name},
    )
    return redirect("canvases:canvas", pk=canvas.pk)


WHAT = {
    "stage": gettext_lazy("Stages"),
    "step": gettext_lazy("Steps"),
    "lane": gettext_lazy("Lanes"),
    "card": gettext_lazy("Cards"),
}


def _places(data: dict[str, Any]) -> dict[str, str]:
    """Where each step and card of a document sits, in words (stage; lane · step; section)."""
    places: dict[str, str] = {}
    steps: dict[str, str] = {}
    for stage in data.get("stages") or []:
        for step in stage.get("steps") or []:
            steps[step["uid"]] = step["title"]
            places[step["uid"]] = stage["title"]
    lanes = {lane["uid"]: lane["title"] for lane in data.get("lanes") or []}
    sections = {s.key: str(s.label) for s in kinds.SECTIONS.get(data.get("kind", ""), ())}
    for card in data.get("cards") or []:
        if card.get("lane"):
            places[card["uid"]] = f"{lanes.get(card['lane'], '?')} · {steps.get(card['step'], '?')}"
        else:
            places[card["uid"]] = sections.get(card.get("section") or "", card.get("section") or "")
    return places


def _grouped(items: list[dict[str, Any]], places: dict[str, str]) -> list[tuple[str, list]]:
    """Items by what they are (stages, steps, lanes, cards), each with its place."""
    groups: dict[str, list[dict[str, Any]]] = {what: [] for what in WHAT}
    for item in items:
        groups[item["what"]].append(item | {"place": places.get(item["uid"], "")})
    return [(str(WHAT[what]), group) for what, group in groups.items() if group]


def _side(canvas: Canvas, choice: str, current: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The label and content of one side of a comparison: a version or the current content."""
    if choice == CURRENT:
        return _("the current content"), current
    snapshot = _snapshot_of(canvas, int(choice))
    return _("“%(name)s” of %(when)s") % {
        "name": snapshot.name,
        "when": _when(snapshot),
    }, snapshot.data


def _difference(canvas: Canvas, a: str, b: str) -> dict[str, Any]:
    current = serialize_canvas(canvas) if CURRENT in (a, b) else {}
    (a_label, older), (b_label, newer) = _side(canvas, a, current), _side(canvas, b, current)
    difference = compare(older, newer)
    older_places, newer_places = _places(older), _places(newer)
    return {
        "a_label": a_label,
        "b_label": b_label,
        "sections": [
            (key, label, _grouped(difference[key], places), len(difference[key]))
            for key, label, places in (
                ("added", _("Added"), newer_places),
                ("changed", _("Changed"), newer_places),
                ("removed", _("Removed"), older_places),
            )
        ],
        "same": not any(difference.values()),
    }


@login_required
def compare_versions(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    form = CompareForm(request.GET or None, snapshots=_snapshots(canvas), auto_id="compare-%s")
    context: dict[str, Any] = {"canvas": canvas, "project": canvas.project, "compare_form": form}
    if form.is_valid():
        context["difference"] = _difference(canvas, form.cleaned_data["a"], form.cleaned_data["b"])
    return render(request, "canvases/versions/compare.html", context)


class CopyForm(Form):
    project = forms.ModelChoiceField(
        label=gettext_lazy("Copy to the project"), queryset=Project.objects.none()
    )

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def copy(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    projects = (
        projects_editable_by(user_of(request))
        .filter(organisation_id=canvas.project.organisation_id)
        .order_by("title")
    )
    form = CopyForm(request.POST or None, projects=projects, auto_id="copy-%s")
    if request.method == "POST" and form.is_valid():
        try:
            new, dropped = copy_canvas(
                canvas=canvas, project=form.cleaned_data["project"], by=user_of(request)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _copied_message(request, new, dropped)
            return redirect("canvases:canvas", pk=new.pk)
    context = {
        "canvas": canvas,
        "project": canvas.project,
        "form": form,
        "has_projects": projects.exists(),
    }
    return render(request, "canvases/versions/copy.html", context)


def _copied_message(request: HtmxHttpRequest, new: Canvas, dropped: int) -> None:
    messages.success(
        request,
        _("The canvas is copied to the project “%(project)s”.") % {"project": new.project.title},
    )
    if dropped:
        messages.warning(
            request,
            ngettext(
                "%(count)d evidence link could not come along: the quote or insight it "
                "points to belongs to another project.",
                "%(count)d evidence links could not come along: the quotes and insights "
                "they point to belong to another project.",
                dropped,
            )
            % {"count": dropped},
        )
