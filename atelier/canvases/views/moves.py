"""Where a move request sends a card: a direction from the keyboard, or a dropped place."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.models import Card, Lane, Step

DIRECTIONS = ("earlier", "later", "previous_step", "next_step", "lane_up", "lane_down")


def target_of(card: Card, post: QueryDict) -> dict[str, Any] | None:
    """The keyword arguments of move_card, or None when the card is already at the edge."""
    direction = post.get("direction", "")
    if direction in ("earlier", "later"):
        return {"position": max(0, card.position + (1 if direction == "later" else -1))}
    if direction in ("previous_step", "next_step"):
        return _neighbour_step(card, 1 if direction == "next_step" else -1)
    if direction in ("lane_up", "lane_down"):
        return _neighbour_lane(card, 1 if direction == "lane_down" else -1)
    if direction:
        raise ValidationError(_("Unknown direction."))
    return _dropped(card, post)


def _neighbour_step(card: Card, offset: int) -> dict[str, Any] | None:
    if card.step is None:
        return None
    steps = list(
        Step.objects.filter(canvas_id=card.canvas_id).order_by("stage__position", "position")
    )
    index = [step.pk for step in steps].index(card.step.pk) + offset
    if not 0 <= index < len(steps):
        return None
    return {"step": steps[index], "position": card.position}


def _neighbour_lane(card: Card, offset: int) -> dict[str, Any] | None:
    if card.lane is None:
        return _neighbour_section(card, offset)
    lanes = [
        lane
        for lane in Lane.objects.filter(canvas_id=card.canvas_id).order_by("position")
        if lane.kind not in kinds.CARDLESS_LANES or lane.pk == card.lane_id
    ]
    index = [lane.pk for lane in lanes].index(card.lane.pk) + offset
    if not 0 <= index < len(lanes):
        return None
    return {"lane": lanes[index], "position": 10_000}


def _neighbour_section(card: Card, offset: int) -> dict[str, Any] | None:
    keys = [section.key for section in kinds.SECTIONS.get(card.canvas.kind, ())]
    index = keys.index(card.section) + offset
    if not 0 <= index < len(keys):
        return None
    return {"section": keys[index], "position": 10_000}


def _dropped(card: Card, post: QueryDict) -> dict[str, Any]:
    try:
        position = int(post.get("position", ""))
    except ValueError:
        raise ValidationError(_("Say where the card goes.")) from None
    target: dict[str, Any] = {"position": position}
    if post.get("lane"):
        target["lane"] = Lane.objects.filter(
            canvas_id=card.canvas_id, pk=post.get("lane", "")
        ).first()
        target["step"] = Step.objects.filter(
            canvas_id=card.canvas_id, pk=post.get("step") or 0
        ).first()
        if target["lane"] is None or target["step"] is None:
            raise ValidationError(_("Choose a lane and a step of this canvas."))
    elif post.get("section"):
        target["section"] = post["section"]
    return target
