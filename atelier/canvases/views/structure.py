"""Stages, steps and lanes in the editor: add, rename, move, delete."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from atelier.accounts.access import user_of
from atelier.canvases.access import get_canvas_for_user, get_part_for_user
from atelier.canvases.forms import LaneForm, TitleForm, set_hidden
from atelier.canvases.models import Lane, Stage, Step
from atelier.canvases.services import structure
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.lib.htmx import HtmxHttpRequest

from .editor import after_change
from .post_only import post_only


def _position(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@post_only
def stage_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    try:
        stage = structure.add_stage(
            canvas=canvas,
            title=request.POST.get("title") or _("New stage"),
            position=_position(request.POST.get("position")),
            by=user_of(request),
        )
    except ValidationError as error:
        return after_change(request, canvas, error=error)
    return after_change(request, canvas, focus=f"#stage-{stage.pk}")


@login_required
@post_only
def lane_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    form = LaneForm(request.POST)
    if not form.is_valid():
        return after_change(
            request, canvas, error=ValidationError(_("Choose a kind of lane and give it a name."))
        )
    try:
        lane = structure.add_lane(
            canvas=canvas,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            position=_position(request.POST.get("position")),
            by=user_of(request),
        )
    except ValidationError as error:
        return after_change(request, canvas, error=error)
    return after_change(request, canvas, focus=f"#lane-{lane.pk}")


@login_required
def part_edit(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    """The header menu of a stage, step or lane: rename it (stale renames refused)."""
    part = get_part_for_user(user_of(request), kind, pk, write=True)
    form = TitleForm(request.POST or None, initial={"title": part.title, "version": part.version})
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            structure.rename(
                part=part,
                version=form.cleaned_data["version"] or 0,
                title=form.cleaned_data["title"],
                by=user_of(request),
            )
        except StaleEdit as stale:
            current = stale.current
            set_hidden(form, "version", str(current.version))
        except Gone:
            raise Http404 from None
        except ValidationError as error:
            form.add_error("title", error)
        else:
            return after_change(request, part.canvas, focus=f"#{kind}-{part.pk}")
    template = "canvases/parts/part_form.html" if request.htmx else "canvases/part_form_page.html"
    return render(
        request,
        template,
        {"part": part, "kind": kind, "form": form, "current": current, "canvas": part.canvas},
    )


@login_required
@post_only
def part_move(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    part = get_part_for_user(user_of(request), kind, pk, write=True)
    offset = 1 if request.POST.get("direction") == "later" else -1
    position = max(0, part.position + offset)
    try:
        if isinstance(part, Stage):
            structure.move_stage(stage=part, position=position, by=user_of(request))
        elif isinstance(part, Lane):
            structure.move_lane(lane=part, position=position, by=user_of(request))
        else:
            _move_step(request, part, offset)
    except ValidationError as error:
        return after_change(request, part.canvas, error=error)
    return after_change(request, part.canvas, focus=f"#{kind}-{part.pk}")


def _move_step(request: HtmxHttpRequest, step: Step, offset: int) -> None:
    """Within its stage; past the stage's edge, into the neighbouring stage."""
    siblings = Step.objects.filter(stage_id=step.stage_id).count()
    position = step.position + offset
    if 0 <= position < siblings:
        structure.move_step(step=step, position=position, by=user_of(request))
        return
    stages = list(Stage.objects.filter(canvas_id=step.canvas_id).order_by("position"))
    index = [stage.pk for stage in stages].index(step.stage_id) + offset
    if 0 <= index < len(stages):
        into = stages[index]
        end = 0 if offset > 0 else Step.objects.filter(stage=into).count()
        structure.move_step(step=step, stage=into, position=end, by=user_of(request))


@login_required
@post_only
def part_delete(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    part = get_part_for_user(user_of(request), kind, pk, write=True)
    if isinstance(part, Stage):
        structure.delete_stage(stage=part, by=user_of(request))
    elif isinstance(part, Step):
        structure.delete_step(step=part, by=user_of(request))
    else:
        structure.delete_lane(lane=part, by=user_of(request))
    return after_change(request, part.canvas, focus="#board")


@login_required
@post_only
def step_add(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    """A new step at the end of a stage, or right after a step."""
    part = get_part_for_user(user_of(request), kind, pk, write=True)
    if isinstance(part, Lane):
        raise Http404
    stage = part if isinstance(part, Stage) else part.stage
    position = part.position + 1 if isinstance(part, Step) else None
    step = structure.add_step(
        stage=stage,
        title=request.POST.get("title") or _("New step"),
        position=position,
        by=user_of(request),
    )
    return after_change(request, part.canvas, focus=f"#step-{step.pk}")
