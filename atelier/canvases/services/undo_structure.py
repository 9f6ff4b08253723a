"""Undo and redo of changes of the grid: stages, steps and lanes.

Reverting an add removes the part again, unless cards were put in it since. A rename or a
move goes back to the title or the place the part had. A delete is reverted by bringing the
part back at its place with what it held: a stage's steps, and the cards with their text,
fields, photo and links (comments stay gone). As with cards, a part that someone else
changed since is left alone (StaleEdit); for a removal that includes what it holds.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, CanvasChange, Card, ChangeAction, Lane, Stage, Step

from . import structure
from .common import StaleEdit, part_state, place, relink, touch

GridPart = Stage | Step | Lane
MODELS: dict[str, type[GridPart]] = {"stage": Stage, "step": Step, "lane": Lane}

GONE = {
    "stage": _("This stage was deleted meanwhile."),
    "step": _("This step was deleted meanwhile."),
    "lane": _("This lane was deleted meanwhile."),
}
HOLDS_CARDS = {
    "stage": _("Cards were put in this stage since, so it stays. Move or delete them first."),
    "step": _("Cards were put in this step since, so it stays. Move or delete them first."),
    "lane": _("Cards were put in this lane since, so it stays. Move or delete them first."),
}
PRESENT = {
    "stage": _("This stage is on the canvas already."),
    "step": _("This step is on the canvas already."),
    "lane": _("This lane is on the canvas already."),
}


def revert(canvas: Canvas, change: CanvasChange, by: User) -> None:
    """Bring a stage, step or lane from the change's `after` back to its `before`."""
    if change.after is None:
        _restore(canvas, change.part_type, change.before or {}, by)
        return
    part = MODELS[change.part_type].objects.filter(canvas=canvas, pk=change.part_id or 0).first()
    if part is None:
        raise ValidationError(GONE[change.part_type])
    part.canvas = canvas  # the services' logged change bumps this very canvas
    before = change.before
    if before is None:
        _remove(change, part, by)
    elif _changed_by_others_since(change, _itself(part), by):
        raise StaleEdit(part)  # undoing would overwrite someone else's newer change
    elif change.action == ChangeAction.MOVED:
        _move_back(canvas, part, before, by)
    else:
        structure.rename(part=part, version=part.version, title=before["title"], by=by)


def _itself(part: GridPart) -> Q:
    return Q(part_type=type(part).__name__.lower(), part_id=part.pk)


def _with_content(part: GridPart) -> Q:
    """The part, its steps (a stage's) and its cards in the change log."""
    touched = _itself(part) | Q(
        part_type="card", part_id__in=list(structure.cards_in(part).values_list("pk", flat=True))
    )
    if isinstance(part, Stage):
        steps = list(part.steps.values_list("pk", flat=True))
        touched |= Q(part_type="step", part_id__in=steps)
    return touched


def _changed_by_others_since(change: CanvasChange, touched: Q, by: User) -> bool:
    later = CanvasChange.objects.filter(canvas_id=change.canvas_id, revision__gt=change.revision)
    return later.filter(touched).exclude(actor=by).exists()


def _remove(change: CanvasChange, part: GridPart, by: User) -> None:
    """Take back an add (or the restore of a delete): the part goes, with what came with it."""
    came_with_it = (change.after or {}).get("cards") or []
    if structure.cards_in(part).exclude(pk__in=came_with_it).exists():
        raise ValidationError(HOLDS_CARDS[change.part_type])
    if _changed_by_others_since(change, _with_content(part), by):
        raise StaleEdit(part)
    if isinstance(part, Stage):
        structure.delete_stage(stage=part, by=by)
    elif isinstance(part, Step):
        structure.delete_step(step=part, by=by)
    else:
        structure.delete_lane(lane=part, by=by)


def _move_back(canvas: Canvas, part: GridPart, before: dict[str, Any], by: User) -> None:
    if isinstance(part, Stage):
        structure.move_stage(stage=part, position=before["position"], by=by)
    elif isinstance(part, Lane):
        structure.move_lane(lane=part, position=before["position"], by=by)
    else:
        stage = _stage_of(canvas, before)
        structure.move_step(step=part, position=before["position"], stage=stage, by=by)


def _stage_of(canvas: Canvas, step: dict[str, Any]) -> Stage:
    stage = Stage.objects.filter(canvas=canvas, pk=step["stage"]).first()
    if stage is None:
        raise ValidationError(_("The stage this step was in is no longer on the canvas."))
    return stage


def _restore(canvas: Canvas, part_type: str, state: dict[str, Any], by: User) -> None:
    """Put a deleted stage, step or lane back at its place, with the steps and cards it held."""
    steps = state.get("steps") or []
    if _present(MODELS[part_type], canvas, [state]) or _present(Step, canvas, steps):
        raise ValidationError(PRESENT[part_type])
    part = _recreate(canvas, part_type, state)
    Step.objects.bulk_create(
        Step(canvas=canvas, stage_id=part.pk, **_columns(step), position=step["position"])
        for step in steps
    )
    cards = _recreate_cards(canvas, state.get("cards") or [], by)
    relink([link for card in state.get("cards") or [] for link in card.get("links") or []])
    touch(
        canvas,
        by=by,
        action=ChangeAction.RESTORED,
        part_type=part_type,
        part_id=part.pk,
        after=part_state(part) | {"cards": [card.pk for card in cards]},
    )


def _present(model: type[GridPart], canvas: Canvas, states: list[dict[str, Any]]) -> bool:
    """Whether any of these parts is there (again), by id or by uid (a restored version)."""
    ids, uids = [state["id"] for state in states], [state["uid"] for state in states]
    return bool(states) and (
        model.objects.filter(Q(pk__in=ids) | Q(canvas=canvas, uid__in=uids)).exists()
    )


def _columns(state: dict[str, Any]) -> dict[str, Any]:
    """What a stage, step and lane share, as it was."""
    return {
        "pk": state["id"],
        "uid": state["uid"],
        "title": state["title"],
        "version": state["version"],
    }


def _recreate(canvas: Canvas, part_type: str, state: dict[str, Any]) -> GridPart:
    part: GridPart
    siblings: QuerySet[Any]
    if part_type == "stage":
        part = Stage.objects.create(canvas=canvas, **_columns(state))
        siblings = Stage.objects.filter(canvas=canvas)
    elif part_type == "step":
        stage = _stage_of(canvas, state)
        part = Step.objects.create(canvas=canvas, stage=stage, **_columns(state))
        siblings = Step.objects.filter(stage=stage)
    else:
        part = Lane.objects.create(canvas=canvas, kind=state["kind"], **_columns(state))
        siblings = Lane.objects.filter(canvas=canvas)
    place(siblings, part, state["position"])
    return part


def _recreate_cards(canvas: Canvas, states: list[dict[str, Any]], by: User) -> list[Card]:
    """The cards back in their cells; those whose other lane or step went since stay away
    (they would have gone with it), as do those on the canvas again (a restored version)."""
    lanes = set(Lane.objects.filter(canvas=canvas).values_list("pk", flat=True))
    steps = set(Step.objects.filter(canvas=canvas).values_list("pk", flat=True))
    ids, uids = [state["id"] for state in states], [state["uid"] for state in states]
    there = Card.objects.filter(Q(pk__in=ids) | Q(canvas=canvas, uid__in=uids))
    taken = {str(uid) for uid in there.values_list("uid", flat=True)}
    return Card.objects.bulk_create(
        Card(
            pk=state["id"],
            uid=state["uid"],
            canvas=canvas,
            lane_id=state["lane"],
            step_id=state["step"],
            text=state["text"],
            fields=state["fields"],
            image=state.get("image", ""),
            version=state["version"],
            position=state["position"],
            updated_by=by,
        )
        for state in states
        if state["lane"] in lanes and state["step"] in steps and state["uid"] not in taken
    )
