"""The grid of a journey or blueprint: stages, the steps inside them, and lanes."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Canvas, Card, ChangeAction, Lane, LaneKind, Link, Stage, Step

from .common import card_state, part_state, place, renumber, save_versioned, touch


def _title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Give it a name."))
    if len(title) > 200:
        raise ValidationError(_("A name holds at most 200 characters."))
    return title


def _part(part: Stage | Step | Lane) -> dict[str, Any]:
    return {"part_type": type(part).__name__.lower(), "part_id": part.pk}


def _grid(canvas: Canvas) -> None:
    if not canvas.is_grid:
        raise ValidationError(_("Only a journey or a blueprint has stages, steps and lanes."))


@transaction.atomic
def add_stage(*, canvas: Canvas, title: str, position: int | None = None, by: User | None) -> Stage:
    """Add a stage with one first step."""
    _grid(canvas)
    stage = Stage.objects.create(
        canvas=canvas, title=_title(title), position=Stage.objects.filter(canvas=canvas).count()
    )
    place(Stage.objects.filter(canvas=canvas), stage, position)
    Step.objects.create(canvas=canvas, stage=stage, title=_("New step"), position=0)
    touch(canvas, by=by, action=ChangeAction.ADDED, **_part(stage), after=part_state(stage))
    return stage


@transaction.atomic
def add_step(*, stage: Stage, title: str, position: int | None = None, by: User | None) -> Step:
    """Add a step to a stage, at the end unless a position is given."""
    step = Step.objects.create(
        canvas_id=stage.canvas_id,
        stage=stage,
        title=_title(title),
        position=Step.objects.filter(stage=stage).count(),
    )
    place(Step.objects.filter(stage=stage), step, position)
    touch(stage.canvas, by=by, action=ChangeAction.ADDED, **_part(step), after=part_state(step))
    return step


@transaction.atomic
def add_lane(
    *, canvas: Canvas, kind: str, title: str, position: int | None = None, by: User | None
) -> Lane:
    """Add a lane of any kind (journey and blueprint lanes mix on one canvas)."""
    _grid(canvas)
    if kind not in LaneKind.values:
        raise ValidationError(_("Choose a kind of lane."))
    lane = Lane.objects.create(
        canvas=canvas,
        kind=kind,
        title=_title(title),
        position=Lane.objects.filter(canvas=canvas).count(),
    )
    place(Lane.objects.filter(canvas=canvas), lane, position)
    touch(canvas, by=by, action=ChangeAction.ADDED, **_part(lane), after=part_state(lane))
    return lane


@transaction.atomic
def rename(
    *, part: Stage | Step | Lane, version: int, title: str, by: User | None
) -> Stage | Step | Lane:
    """Rename a stage, step or lane if nobody renamed it since `version` (else StaleEdit)."""
    before = part_state(part)
    renamed = save_versioned(type(part), pk=part.pk, version=version, title=_title(title))
    touch(
        part.canvas,
        by=by,
        action=ChangeAction.EDITED,
        **_part(part),
        before=before,
        after=part_state(renamed),
    )
    return renamed


def _fresh(part: Any) -> Any:
    """The part as it is now: a move records where it really was."""
    fresh = type(part).objects.select_for_update().get(pk=part.pk)
    fresh.canvas = part.canvas  # the caller's canvas learns the new revision
    return fresh


@transaction.atomic
def move_stage(*, stage: Stage, position: int, by: User | None) -> None:
    stage = _fresh(stage)
    before = part_state(stage)
    place(Stage.objects.filter(canvas_id=stage.canvas_id), stage, position)
    _touch_moved(stage, before, by)


@transaction.atomic
def move_lane(*, lane: Lane, position: int, by: User | None) -> None:
    lane = _fresh(lane)
    before = part_state(lane)
    place(Lane.objects.filter(canvas_id=lane.canvas_id), lane, position)
    _touch_moved(lane, before, by)


@transaction.atomic
def move_step(*, step: Step, position: int, stage: Stage | None = None, by: User | None) -> None:
    """Move a step within its stage, or into another stage of the same canvas."""
    step = _fresh(step)
    before = part_state(step)
    old_stage_id = step.stage_id
    if stage is not None and stage.pk != old_stage_id:
        if stage.canvas_id != step.canvas_id:
            raise ValidationError(_("Choose a stage of this canvas."))
        step.stage = stage
        step.save(update_fields=["stage"])
        renumber(Step.objects.filter(stage_id=old_stage_id))
    place(Step.objects.filter(stage_id=step.stage_id), step, position)
    _touch_moved(step, before, by)


def _touch_moved(part: Stage | Step | Lane, before: dict[str, Any], by: User | None) -> None:
    touch(
        part.canvas,
        by=by,
        action=ChangeAction.MOVED,
        **_part(part),
        before=before,
        after=part_state(part),
    )


def _keep_a_version(canvas: Canvas, name: str, by: User | None) -> None:
    from .versions import take_snapshot

    take_snapshot(canvas=canvas, name=name, by=by)


def cards_in(part: Stage | Step | Lane):
    """The cards a stage, step or lane holds."""
    if isinstance(part, Stage):
        return Card.objects.filter(step__stage=part)
    if isinstance(part, Step):
        return Card.objects.filter(step=part)
    return Card.objects.filter(lane=part)


def held_state(part: Stage | Step | Lane) -> dict[str, Any]:
    """A part with what it holds (a stage's steps, the cards), for undo to bring it back."""
    state = part_state(part)
    if isinstance(part, Stage):
        state["steps"] = [part_state(step) for step in part.steps.order_by("position")]
    cards = list(cards_in(part).order_by("lane_id", "step_id", "position"))
    links = _links_of(cards)
    # Each card as card_state(card, with_links=True) writes it, its links read in one query.
    state["cards"] = [
        card_state(card) | {"image": card.image, "links": links.get(card.pk, [])} for card in cards
    ]
    return state


def _links_of(cards: list[Card]) -> dict[int, list[dict[str, Any]]]:
    ids = {card.pk for card in cards}
    links = Link.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids)).values(
        "canvas_id", "kind", "source_id", "target_id", "relation", "label"
    )
    by_card: dict[int, list[dict[str, Any]]] = {}
    for link in links:
        for end in {link["source_id"], link["target_id"]} & ids:
            by_card.setdefault(end, []).append(dict(link))
    return by_card


@transaction.atomic
def delete_stage(*, stage: Stage, by: User | None) -> None:
    """Delete a stage with its steps and their cards; a version keeps what it held."""
    if Card.objects.filter(step__stage=stage).exists():
        _keep_a_version(
            stage.canvas, _("Before deleting stage “%(title)s”") % {"title": stage.title}, by
        )
    _delete(stage, Stage.objects.filter(canvas_id=stage.canvas_id), by)


@transaction.atomic
def delete_step(*, step: Step, by: User | None) -> None:
    """Delete a step and its cards; a version keeps what it held."""
    if step.cards.exists():
        _keep_a_version(
            step.canvas, _("Before deleting step “%(title)s”") % {"title": step.title}, by
        )
    _delete(step, Step.objects.filter(stage_id=step.stage_id), by)


@transaction.atomic
def delete_lane(*, lane: Lane, by: User | None) -> None:
    """Delete a lane and its cards; a version keeps what it held."""
    if lane.cards.exists():
        _keep_a_version(
            lane.canvas, _("Before deleting lane “%(title)s”") % {"title": lane.title}, by
        )
    _delete(lane, Lane.objects.filter(canvas_id=lane.canvas_id), by)


def _delete(part: Stage | Step | Lane, siblings: Any, by: User | None) -> None:
    """Delete the part, close the gap, and log what it held (undo brings it back)."""
    deleted, before = _part(part), held_state(part)
    part.delete()
    renumber(siblings)
    touch(part.canvas, by=by, action=ChangeAction.DELETED, **deleted, before=before)


def default_grid(*, canvas: Canvas) -> None:
    """The lanes of the canvas's kind and three stages (before, during, after)."""
    for position, (kind, title) in enumerate(kinds.DEFAULT_LANES[canvas.kind]):
        Lane.objects.create(canvas=canvas, kind=kind, title=str(title), position=position)
    for position, title in enumerate(kinds.DEFAULT_STAGES):
        stage = Stage.objects.create(canvas=canvas, title=str(title), position=position)
        Step.objects.create(canvas=canvas, stage=stage, title=str(_("New step")), position=0)
