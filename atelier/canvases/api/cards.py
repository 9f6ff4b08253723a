"""Adding, editing, moving and deleting cards."""

from django.http import HttpRequest
from ninja import Status

from atelier.accounts.access import user_of
from atelier.api.refusals import WRITE_REFUSALS, refusals
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Card, Lane, Step
from atelier.canvases.services import cards

from .common import NO_CONTENT, in_canvas, router, writable
from .schemas import CardChange, CardIn, CardMove, CardOut, card_out


@router.post("/canvases/{canvas_id}/cards", response={201: CardOut, **WRITE_REFUSALS})
@refusals()
def add_card(request: HttpRequest, canvas_id: int, payload: CardIn) -> Status:
    """Adds a card to a cell (lane × step) or a section (422 with the reasons when refused)."""
    user = user_of(request)
    canvas = get_canvas_for_user(user, canvas_id, write=True)
    card = cards.add_card(
        canvas=canvas,
        text=payload.text,
        fields=payload.fields,
        lane=in_canvas(Lane, canvas, payload.lane),
        step=in_canvas(Step, canvas, payload.step),
        section=payload.section,
        position=payload.position,
        by=user,
    )
    card.refresh_from_db()
    return Status(201, card_out(request, card))


@router.patch("/cards/{card_id}", response={200: CardOut, **WRITE_REFUSALS})
@refusals(show_current=card_out)
def change_card(request: HttpRequest, card_id: int, payload: CardChange) -> Status:
    """Saves text and fields (409 with the current card when `version` is stale)."""
    card = writable(request, Card, card_id)
    card = cards.update_card(
        card=card,
        version=payload.version,
        text=card.text if payload.text is None else payload.text,
        fields=card.fields if payload.fields is None else payload.fields,
        by=user_of(request),
    )
    return Status(200, card_out(request, card))


@router.post("/cards/{card_id}/move", response={200: CardOut, **WRITE_REFUSALS})
@refusals()
def move_card(request: HttpRequest, card_id: int, payload: CardMove) -> Status:
    """Moves a card within its place, or to another cell or section of its canvas."""
    card = writable(request, Card, card_id)
    card = cards.move_card(
        card=card,
        position=payload.position,
        lane=in_canvas(Lane, card.canvas, payload.lane),
        step=in_canvas(Step, card.canvas, payload.step),
        section=payload.section,
        by=user_of(request),
    )
    card.refresh_from_db()
    return Status(200, card_out(request, card))


@router.delete("/cards/{card_id}", response=NO_CONTENT)
@refusals(show_current=card_out)
def delete_card(request: HttpRequest, card_id: int, version: int) -> Status:
    """Deletes a card (409 with the current card when `version` is stale)."""
    card = writable(request, Card, card_id)
    cards.delete_card(card=card, version=version, by=user_of(request))
    return Status(204, None)
