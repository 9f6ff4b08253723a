"""Adding, editing, moving and deleting the cards of a canvas."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Canvas, Card, ChangeAction, Lane, LaneKind, Step
from atelier.canvases.portrait import portrait_from_upload

from .common import Gone, StaleEdit, card_state, place, renumber, save_versioned, touch


def _spec(canvas: Canvas, lane: Lane | None, section: str) -> tuple[kinds.Field, ...]:
    if lane is not None:
        if lane.kind in kinds.CARDLESS_LANES:
            raise ValidationError(_("This lane holds no cards."))
        return kinds.LANE_FIELDS[lane.kind]
    return kinds.section_of(canvas.kind, section).fields


def _check_place(canvas: Canvas, lane: Lane | None, step: Step | None, section: str) -> None:
    if canvas.is_grid:
        if (
            lane is None
            or step is None
            or lane.canvas_id != canvas.pk
            or step.canvas_id != canvas.pk
        ):
            raise ValidationError(_("Choose a lane and a step of this canvas."))
        if section:
            raise ValidationError(_("A journey or blueprint has no sections."))
    elif lane is not None or step is not None:
        raise ValidationError(_("This canvas has no lanes or steps."))
    else:
        kinds.section_of(canvas.kind, section)


def siblings(canvas: Canvas, lane: Lane | None, step: Step | None, section: str):
    if lane is not None:
        return Card.objects.filter(canvas=canvas, lane=lane, step=step)
    return Card.objects.filter(canvas=canvas, section=section)


def check_room(
    canvas: Canvas, lane: Lane | None, step: Step | None, section: str, card: Card | None = None
) -> None:
    single = (lane is not None and lane.kind in kinds.SINGLE_CARD_LANES) or (
        lane is None and kinds.section_of(canvas.kind, section).single
    )
    others = siblings(canvas, lane, step, section)
    if card is not None:
        others = others.exclude(pk=card.pk)
    if single and others.exists():
        raise ValidationError(_("This place holds one card only: edit the one that is there."))


@transaction.atomic
def add_card(
    *,
    canvas: Canvas,
    text: str,
    fields: dict[str, Any] | None = None,
    lane: Lane | None = None,
    step: Step | None = None,
    section: str = "",
    position: int | None = None,
    by: User | None,
) -> Card:
    """Add a card to a cell (lane × step) or a section; at the end unless a position is given."""
    _check_place(canvas, lane, step, section)
    cleaned = kinds.clean_fields(_spec(canvas, lane, section), fields or {})
    check_room(canvas, lane, step, section)
    card = Card(
        canvas=canvas,
        lane=lane,
        step=step,
        section=section,
        text=kinds.clean_text(text),
        fields=cleaned,
        updated_by=by,
    )
    card.position = siblings(canvas, lane, step, section).count()
    card.save()
    if position is not None:
        place(siblings(canvas, lane, step, section), card, position)
    touch(canvas, by=by, action=ChangeAction.ADDED, **_card_part(card), after=card_state(card))
    return card


def _card_part(card: Card) -> dict[str, Any]:
    return {"part_type": "card", "part_id": card.pk}


@transaction.atomic
def update_card(
    *, card: Card, version: int, text: str, fields: dict[str, Any], by: User | None
) -> Card:
    """Save a card's text and fields if nobody changed it since `version` (else StaleEdit)."""
    current = (
        Card.objects.select_for_update(of=("self",))
        .select_related("lane", "canvas")
        .filter(pk=card.pk)
        .first()
    )
    if current is None:
        raise Gone
    cleaned = kinds.clean_fields(_spec(current.canvas, current.lane, current.section), fields)
    updated = save_versioned(
        Card,
        pk=card.pk,
        version=version,
        text=kinds.clean_text(text),
        fields=cleaned,
        updated_by=by,
        updated_at=timezone.now(),
    )
    touch(
        card.canvas,
        by=by,
        action=ChangeAction.EDITED,
        **_card_part(card),
        before=card_state(current),
        after=card_state(updated),
    )
    return updated


@transaction.atomic
def move_card(
    *,
    card: Card,
    position: int,
    lane: Lane | None = None,
    step: Step | None = None,
    section: str | None = None,
    by: User | None,
) -> Card:
    """Move a card within its place, or to another cell or section of the same canvas."""
    canvas = card.canvas
    card = Card.objects.select_for_update().filter(pk=card.pk).first() or _gone()
    before = card_state(card)
    old = siblings(canvas, card.lane, card.step, card.section)
    new_lane = lane if lane is not None else card.lane
    new_step = step if step is not None else card.step
    new_section = card.section if section is None else section
    moved = (new_lane, new_step, new_section) != (card.lane, card.step, card.section)
    if moved:
        _check_place(canvas, new_lane, new_step, new_section)
        kinds.clean_fields(_spec(canvas, new_lane, new_section), card.fields)
        check_room(canvas, new_lane, new_step, new_section, card)
        card.lane, card.step, card.section = new_lane, new_step, new_section
        card.save(update_fields=["lane", "step", "section"])
    place(siblings(canvas, new_lane, new_step, new_section), card, position)
    if moved:
        renumber(old)
    touch(
        canvas,
        by=by,
        action=ChangeAction.MOVED,
        **_card_part(card),
        before=before,
        after=card_state(card),
    )
    return card


def _gone() -> Card:
    raise Gone


@transaction.atomic
def delete_card(*, card: Card, version: int, by: User | None) -> None:
    """Delete a card, unless someone changed it since `version` (StaleEdit)."""
    current = Card.objects.select_for_update().filter(pk=card.pk).first()
    if current is None:
        raise Gone
    if current.version != version:
        raise StaleEdit(current)
    before = card_state(current, with_links=True)
    current.delete()
    renumber(siblings(card.canvas, card.lane, card.step, card.section))
    touch(card.canvas, by=by, action=ChangeAction.DELETED, **_card_part(card), before=before)


@transaction.atomic
def set_card_image(*, card: Card, version: int, upload: object, size: int, by: User | None) -> Card:
    """Put a photo or sketch on a card: made small and stripped of metadata (as a portrait)."""
    image = portrait_from_upload(upload, size)
    updated = save_versioned(
        Card, pk=card.pk, version=version, image=image, updated_by=by, updated_at=timezone.now()
    )
    _touch_edited(card, updated, by)
    return updated


@transaction.atomic
def remove_card_image(*, card: Card, version: int, by: User | None) -> Card:
    updated = save_versioned(
        Card, pk=card.pk, version=version, image="", updated_by=by, updated_at=timezone.now()
    )
    _touch_edited(card, updated, by)
    return updated


def _touch_edited(before: Card, after: Card, by: User | None) -> None:
    touch(
        before.canvas,
        by=by,
        action=ChangeAction.EDITED,
        **_card_part(before),
        before=card_state(before),
        after=card_state(after),
    )


@transaction.atomic
def set_emotion(
    *,
    canvas: Canvas,
    lane: Lane,
    step: Step,
    score: int,
    version: int | None,
    by: User | None,
) -> Card:
    """Score a step on an emotion lane from −2 to +2.

    `version` is the version of the step's emotion card the person saw, or None when they
    saw none: a card someone else scored meanwhile is refused as a stale edit either way.
    """
    if lane.kind != LaneKind.EMOTION or lane.canvas_id != canvas.pk:
        raise ValidationError(_("Choose an emotion lane of this canvas."))
    current = Card.objects.filter(canvas=canvas, lane=lane, step=step).first()
    if current is None:
        if version:
            raise Gone
        return add_card(
            canvas=canvas, lane=lane, step=step, text="", fields={"score": score}, by=by
        )
    if version is None:
        raise StaleEdit(current)
    return update_card(
        card=current,
        version=version,
        text=current.text,
        fields={**current.fields, "score": score},
        by=by,
    )


@transaction.atomic
def place_stakeholder(*, card: Card, version: int, ring: str, angle: int, by: User | None) -> Card:
    """Put a stakeholder on another ring, or elsewhere on its own (degrees from the top)."""
    if card.section != "stakeholders":
        raise ValidationError(_("Only a stakeholder has a place on the rings."))
    return update_card(
        card=card,
        version=version,
        text=card.text,
        fields={**card.fields, "ring": ring, "angle": int(angle) % 360},
        by=by,
    )
