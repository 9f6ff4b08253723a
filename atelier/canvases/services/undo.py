"""Undo and redo of a person's own changes of cards, stages, steps and lanes.

One stack per person and canvas, ordered by revision: card changes and changes of the grid
mixed. Each change is reverted from the change log's before and after; the grid's own are
in `undo_structure`.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases.models import (
    Canvas,
    CanvasChange,
    Card,
    ChangeAction,
    ChangeOrigin,
    Lane,
    Step,
)

from . import cards, undo_structure
from .common import Gone, StaleEdit, card_state, place, recording, relink, touch

UNDO_DEPTH = 20  # a person undoes up to their last 20 changes of a canvas
UNDOABLE = ("card", "stage", "step", "lane")


class NothingToUndo(Exception):
    """There is no change of this person left to undo (or to redo)."""


def _own_changes(canvas: Canvas, by: User):
    """The person's changes that undo can revert: those whose log says what was before."""
    own = CanvasChange.objects.filter(canvas=canvas, actor=by, part_type__in=UNDOABLE)
    # Grid moves and deletes logged before they kept their states cannot be reverted.
    return own.exclude(before__isnull=True, after__isnull=True)


def next_undo(canvas: Canvas, by: User) -> CanvasChange | None:
    """The person's latest change still in effect, among their last UNDO_DEPTH changes."""
    recent = _own_changes(canvas, by).exclude(origin=ChangeOrigin.UNDO)
    return next(
        (change for change in recent.order_by("-revision")[:UNDO_DEPTH] if not change.undone),
        None,
    )


def next_redo(canvas: Canvas, by: User) -> CanvasChange | None:
    """The person's latest undo, unless they changed something themselves since."""
    undos = _own_changes(canvas, by).filter(origin=ChangeOrigin.UNDO, undone=False)
    last_change = (
        _own_changes(canvas, by)
        .filter(origin=ChangeOrigin.DO)
        .order_by("-revision")
        .values_list("revision", flat=True)
        .first()
    )
    if last_change is not None:
        undos = undos.filter(revision__gt=last_change)
    return undos.order_by("-revision").first()


@transaction.atomic
def undo(*, canvas: Canvas, by: User) -> CanvasChange:
    """Take back the person's latest change; StaleEdit when someone changed that part since."""
    Canvas.objects.select_for_update().filter(pk=canvas.pk).first()
    change = next_undo(canvas, by)
    if change is None:
        raise NothingToUndo
    return _revert(canvas, change, by, ChangeOrigin.UNDO)


@transaction.atomic
def redo(*, canvas: Canvas, by: User) -> CanvasChange:
    """Make the person's latest undo again; StaleEdit when someone changed that part since."""
    Canvas.objects.select_for_update().filter(pk=canvas.pk).first()
    change = next_redo(canvas, by)
    if change is None:
        raise NothingToUndo
    return _revert(canvas, change, by, ChangeOrigin.REDO)


def _revert(canvas: Canvas, change: CanvasChange, by: User, origin: str) -> CanvasChange:
    """Bring the part from the change's `after` back to its `before`; returns the new change."""
    with recording(origin, change):
        if change.part_type != "card":
            undo_structure.revert(canvas, change, by)
        elif change.after is None:
            _restore(canvas, change.before or {}, by)
        else:
            _take_back(canvas, change, by)
    change.undone = True
    change.save(update_fields=["undone"])
    # The canvas row stays locked until commit: the newest change is the one just made.
    return CanvasChange.objects.filter(canvas=canvas).latest("revision")


def _take_back(canvas: Canvas, change: CanvasChange, by: User) -> None:
    before = change.before
    card = Card.objects.select_related("lane", "step").filter(pk=change.part_id or 0).first()
    if card is None:
        raise Gone
    card.canvas = canvas
    if _changed_by_others_since(change, by):
        raise StaleEdit(card)  # undoing would overwrite someone else's newer change
    if before is None:
        cards.delete_card(card=card, version=card.version, by=by)
    elif change.action == ChangeAction.MOVED:
        lane, step = _lane_and_step(canvas, before)
        cards.move_card(
            card=card,
            position=before["position"],
            lane=lane,
            step=step,
            section=before["section"],
            by=by,
        )
    else:
        cards.update_card(
            card=card, version=card.version, text=before["text"], fields=before["fields"], by=by
        )


def _changed_by_others_since(change: CanvasChange, by: User) -> bool:
    later = CanvasChange.objects.filter(
        canvas_id=change.canvas_id,
        part_type="card",
        part_id=change.part_id,
        revision__gt=change.revision,
    )
    return later.exclude(actor=by).exists()


def _lane_and_step(canvas: Canvas, state: dict[str, Any]) -> tuple[Lane | None, Step | None]:
    """The card's former lane and step, if they are still there."""
    if state["lane"] is None:
        return None, None
    lane = Lane.objects.filter(canvas=canvas, pk=state["lane"]).first()
    step = Step.objects.filter(canvas=canvas, pk=state["step"]).first()
    if lane is None or step is None:
        raise ValidationError(_("The place this card had is no longer on the canvas."))
    return lane, step


def _restore(canvas: Canvas, state: dict[str, Any], by: User) -> Card:
    """Put a deleted card back in its place, with its links to cards that are still there."""
    lane, step = _lane_and_step(canvas, state)
    if Card.objects.filter(Q(pk=state["id"]) | Q(canvas=canvas, uid=state["uid"])).exists():
        raise ValidationError(_("This card is on the canvas already."))
    cards.check_room(canvas, lane, step, state["section"])
    card = Card.objects.create(
        pk=state["id"],
        uid=state["uid"],
        canvas=canvas,
        lane=lane,
        step=step,
        section=state["section"],
        text=state["text"],
        fields=state["fields"],
        image=state.get("image", ""),
        version=state["version"],
        position=Card.objects.filter(
            canvas=canvas, lane=lane, step=step, section=state["section"]
        ).count(),
        updated_by=by,
    )
    place(cards.siblings(canvas, lane, step, state["section"]), card, state["position"])
    relink(state.get("links") or [])
    touch(
        canvas,
        by=by,
        action=ChangeAction.RESTORED,
        part_type="card",
        part_id=card.pk,
        after=card_state(card),
    )
    return card
