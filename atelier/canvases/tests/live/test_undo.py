"""Undo and redo of one's own card changes, through the services and the POST buttons."""

import pytest

from atelier.canvases.models import CanvasChange, Card, Link
from atelier.canvases.services.cards import add_card, delete_card, move_card, update_card
from atelier.canvases.services.common import StaleEdit
from atelier.canvases.services.undo import UNDO_DEPTH, NothingToUndo, redo, undo

from .helpers import cards_lane, first_steps, signed_in

pytestmark = pytest.mark.django_db


def add(journey, text, by, step=0):
    return add_card(
        canvas=journey, lane=cards_lane(journey), step=first_steps(journey)[step], text=text, by=by
    )


def texts(journey, step=0):
    cell = Card.objects.filter(lane=cards_lane(journey), step=first_steps(journey)[step])
    return list(cell.order_by("position").values_list("text", flat=True))


def test_undo_takes_back_an_edit_and_redo_makes_it_again(journey, participant):
    card = add(journey, "Fills in the form", participant)
    update_card(card=card, version=1, text="Fills in the web form", fields={}, by=participant)

    undo(canvas=journey, by=participant)
    assert Card.objects.get(pk=card.pk).text == "Fills in the form"
    redo(canvas=journey, by=participant)
    assert Card.objects.get(pk=card.pk).text == "Fills in the web form"


def test_undo_of_a_delete_puts_the_card_back_in_its_place_with_its_links(journey, participant):
    first, middle, last = (add(journey, text, participant) for text in ("One", "Two", "Three"))
    other = add(journey, "Elsewhere", participant, step=1)
    Link.objects.create(canvas=journey, kind="relation", source=middle, target=other)
    delete_card(card=middle, version=middle.version, by=participant)
    assert texts(journey) == ["One", "Three"]

    change = undo(canvas=journey, by=participant)

    assert texts(journey) == ["One", "Two", "Three"]
    restored = Card.objects.get(pk=middle.pk)
    assert restored.uid == middle.uid and change.action == "restored"
    assert Link.objects.filter(source=restored, target=other).exists()


def test_undo_of_an_add_removes_the_card_and_undo_of_a_move_moves_it_back(journey, participant):
    card = add(journey, "Calls the desk", participant)
    move_card(card=card, position=0, step=first_steps(journey)[1], by=participant)

    undo(canvas=journey, by=participant)
    assert Card.objects.get(pk=card.pk).step_id == first_steps(journey)[0].pk
    undo(canvas=journey, by=participant)
    assert not Card.objects.filter(pk=card.pk).exists()
    with pytest.raises(NothingToUndo):
        undo(canvas=journey, by=participant)


def test_undo_takes_back_only_ones_own_changes(journey, participant, colleague):
    mine = add(journey, "Mine", participant)
    add(journey, "Theirs", colleague)

    undo(canvas=journey, by=participant)

    assert texts(journey) == ["Theirs"]
    assert not Card.objects.filter(pk=mine.pk).exists()


def test_undo_that_would_overwrite_someone_elses_newer_edit_is_refused(
    journey, participant, colleague
):
    card = add(journey, "Fills in the form", participant)
    update_card(card=card, version=1, text="Fills in the web form", fields={}, by=participant)
    update_card(card=card, version=2, text="Asks at the desk", fields={}, by=colleague)

    with pytest.raises(StaleEdit):
        undo(canvas=journey, by=participant)

    assert Card.objects.get(pk=card.pk).text == "Asks at the desk"
    assert not CanvasChange.objects.filter(canvas=journey, undone=True).exists()


def test_a_new_change_clears_what_could_be_redone(journey, participant):
    card = add(journey, "A", participant)
    update_card(card=card, version=1, text="B", fields={}, by=participant)
    undo(canvas=journey, by=participant)
    update_card(card=card, version=3, text="C", fields={}, by=participant)

    with pytest.raises(NothingToUndo):
        redo(canvas=journey, by=participant)


def test_undo_reaches_back_twenty_changes_and_no_further(journey, participant):
    card = add(journey, "0", participant)
    for number in range(1, UNDO_DEPTH + 3):
        card = update_card(
            card=card, version=card.version, text=str(number), fields={}, by=participant
        )

    for _ in range(UNDO_DEPTH):
        undo(canvas=journey, by=participant)
    assert Card.objects.get(pk=card.pk).text == "2"
    with pytest.raises(NothingToUndo):
        undo(canvas=journey, by=participant)


def test_the_undo_button_works_without_javascript(journey, participant):
    card = add(journey, "Fills in the form", participant)
    delete_card(card=card, version=card.version, by=participant)
    client = signed_in(participant)

    response = client.post(f"/canvases/{journey.pk}/undo/")
    assert response.status_code == 302
    assert Card.objects.filter(pk=card.pk).exists()
    page = client.get(f"/canvases/{journey.pk}/").content.decode()
    assert 'id="undo-button"' in page and 'id="redo-button"' in page
    assert client.post(f"/canvases/{journey.pk}/redo/").status_code == 302
    assert not Card.objects.filter(pk=card.pk).exists()


def test_the_refused_undo_shows_the_conflict(journey, participant, colleague):
    card = add(journey, "Fills in the form", participant)
    update_card(card=card, version=1, text="Mine", fields={}, by=participant)
    update_card(card=card, version=2, text="Theirs", fields={}, by=colleague)

    response = signed_in(participant).post(f"/canvases/{journey.pk}/undo/", HTTP_HX_REQUEST="true")

    assert "Someone else changed this card after you" in response.content.decode()
    assert Card.objects.get(pk=card.pk).text == "Theirs"


def test_an_outsider_cannot_undo_on_a_geel_canvas(journey, participant, outsider):
    add(journey, "A", participant)

    assert signed_in(outsider).post(f"/canvases/{journey.pk}/undo/").status_code == 404
    assert signed_in(outsider).get(f"/canvases/{journey.pk}/undo/").status_code == 404
