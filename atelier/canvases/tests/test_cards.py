"""Adding, editing, moving and deleting cards, as the card services keep the rules."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, delete_card, move_card, update_card
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.canvases.services.structure import add_lane
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)


def canvas_of(project: Project, kind: str, by: User) -> Canvas:
    return create_canvas(project=project, kind=kind, title=str(kind), by=by)


def lane(canvas: Canvas, kind: str, number: int = 0) -> Lane:
    return Lane.objects.filter(canvas=canvas, kind=kind).order_by("position")[number]


def steps(canvas: Canvas) -> list[Step]:
    return list(Step.objects.filter(canvas=canvas).order_by("stage__position", "position"))


def column(name: str, **where) -> list:
    return list(Card.objects.filter(**where).order_by("position").values_list(name, flat=True))


def texts(lane: Lane, step: Step) -> list[str]:
    return column("text", lane=lane, step=step)


def positions(**where) -> list[int]:
    return column("position", **where)


def revision(canvas: Canvas) -> int:
    canvas.refresh_from_db(fields=["revision"])
    return canvas.revision


def add(
    canvas: Canvas, text: str, by: User, kind: str = LaneKind.CARDS, step: int = 0, **extra
) -> Card:
    return add_card(
        canvas=canvas, text=text, lane=lane(canvas, kind), step=steps(canvas)[step], by=by, **extra
    )


def refused(message: str, service, **arguments) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service(**arguments)
    assert message in error.value.messages


# Adding


def test_a_card_is_added_at_the_end_of_its_cell(journey, participant):
    add(journey, "Reads the letter", participant)
    card = add(journey, "Calls the desk", participant)
    assert card.position == 1
    assert texts(lane(journey, LaneKind.CARDS), steps(journey)[0]) == [
        "Reads the letter",
        "Calls the desk",
    ]


def test_a_card_added_at_a_position_pushes_the_others_down(journey, participant):
    add(journey, "First", participant)
    add(journey, "Second", participant)
    add(journey, "Before all", participant, position=0)
    cell: dict[str, Any] = {"lane": lane(journey, LaneKind.CARDS), "step": steps(journey)[0]}
    assert texts(cell["lane"], cell["step"]) == ["Before all", "First", "Second"]
    assert positions(**cell) == [0, 1, 2]


def test_a_card_is_added_to_a_section(project, participant):
    persona = canvas_of(project, ArtefactKind.PERSONA, participant)
    card = add_card(canvas=persona, text="Find the right desk", section="goals", by=participant)
    assert (card.section, card.lane, card.step, card.position) == ("goals", None, None, 0)


def test_fields_are_kept_as_cleaned(journey, participant):
    card = add(journey, "  Desk  ", participant, LaneKind.CHANNELS, fields={"channel": "desk"})
    emotion = add(journey, "Worried", participant, LaneKind.EMOTION, fields={"score": "-2"})
    assert (card.text, card.fields) == ("Desk", {"channel": "desk"})
    assert emotion.fields == {"score": -2}


@pytest.mark.parametrize(
    ("kind", "fields", "message"),
    [
        (LaneKind.CHANNELS, {"channel": "tram"}, "tram is not a valid channel."),
        (LaneKind.CHANNELS, {}, "channel is required."),
        (LaneKind.EMOTION, {"score": 3}, "emotion must lie between -2 and 2."),
        (LaneKind.EMOTION, {"score": "very"}, "emotion must be a whole number."),
        (LaneKind.CARDS, {"colour": "red"}, "Unknown field: colour."),
        (LaneKind.CARDS, {"marker": "nice"}, "nice is not a valid marker."),
        (LaneKind.TEXT, {"marker": "pain"}, "Unknown field: marker."),
    ],
)
def test_fields_are_checked_against_the_kind_of_lane(journey, participant, kind, fields, message):
    cell: dict[str, Any] = {"lane": lane(journey, kind), "step": steps(journey)[0]}
    refused(message, add_card, canvas=journey, text="x", fields=fields, by=participant, **cell)
    assert not Card.objects.filter(canvas=journey).exists()


@pytest.mark.parametrize(
    ("kind", "section", "fields", "message"),
    [
        (
            ArtefactKind.STAKEHOLDER_MAP,
            "stakeholders",
            {"ring": "outer"},
            "outer is not a valid ring.",
        ),
        (ArtefactKind.STAKEHOLDER_MAP, "stakeholders", {}, "ring is required."),
        (
            ArtefactKind.IDEA_LIST,
            "ideas",
            {"impact": 3, "effort": 6},
            "effort must lie between 1 and 5.",
        ),
        (ArtefactKind.PERSONA, "goals", {"channel": "desk"}, "Unknown field: channel."),
        (ArtefactKind.PERSONA, "hobbies", {}, "This canvas has no section hobbies."),
    ],
)
def test_fields_are_checked_against_the_section(
    project, participant, kind, section, fields, message
):
    canvas = canvas_of(project, kind, participant)
    refused(
        message, add_card, canvas=canvas, text="x", section=section, fields=fields, by=participant
    )


@pytest.mark.parametrize("kind", [LaneKind.TEXT, LaneKind.EMOTION])
def test_a_one_card_lane_refuses_a_second_card_in_a_step(journey, participant, kind):
    fields = {"score": 1} if kind == LaneKind.EMOTION else {}
    add(journey, "First", participant, kind, fields=fields)
    cell: dict[str, Any] = {"lane": lane(journey, kind), "step": steps(journey)[0]}
    message = "This place holds one card only: edit the one that is there."
    refused(message, add_card, canvas=journey, text="Second", fields=fields, by=participant, **cell)
    assert add(journey, "Next step", participant, kind, step=1, fields=fields).position == 0


def test_the_persona_profile_holds_one_card(project, participant):
    persona = canvas_of(project, ArtefactKind.PERSONA, participant)
    add_card(canvas=persona, text="Mia", section="profile", fields={"age": "34"}, by=participant)
    message = "This place holds one card only: edit the one that is there."
    refused(message, add_card, canvas=persona, text="Tom", section="profile", by=participant)


@pytest.mark.parametrize(
    "kind",
    [
        LaneKind.EVIDENCE,
        LaneKind.LINE_OF_INTERACTION,
        LaneKind.LINE_OF_VISIBILITY,
        LaneKind.LINE_OF_INTERNAL_INTERACTION,
    ],
)
def test_a_cardless_lane_refuses_cards(journey, participant, kind):
    cardless = add_lane(canvas=journey, kind=kind, title="No cards", by=participant)
    cell: dict[str, Any] = {"lane": cardless, "step": steps(journey)[0]}
    refused("This lane holds no cards.", add_card, canvas=journey, text="x", by=participant, **cell)


def test_a_card_goes_in_a_lane_and_step_of_its_own_canvas(project, journey, participant):
    other = canvas_of(project, ArtefactKind.JOURNEY, participant)
    persona = canvas_of(project, ArtefactKind.PERSONA, participant)
    cell: dict[str, Any] = {"lane": lane(other, LaneKind.CARDS), "step": steps(journey)[0]}
    message = "Choose a lane and a step of this canvas."
    refused(message, add_card, canvas=journey, text="x", by=participant, **cell)
    refused(message, add_card, canvas=journey, text="x", section="goals", by=participant)
    message = "This canvas has no lanes or steps."
    refused(message, add_card, canvas=persona, text="x", by=participant, **cell)


def test_a_too_long_text_is_refused(journey, participant):
    cell: dict[str, Any] = {"lane": lane(journey, LaneKind.CARDS), "step": steps(journey)[0]}
    message = "A card holds at most 5000 characters."
    refused(message, add_card, canvas=journey, text="x" * 5001, by=participant, **cell)


# Editing


def test_an_edit_at_the_current_version_is_saved_and_bumps_the_version(journey, participant):
    card = add(journey, "Reads the letter", participant)
    saved = update_card(
        card=card,
        version=1,
        text="Reads the letter twice",
        fields={"marker": "pain"},
        by=participant,
    )
    card.refresh_from_db()
    assert (card.text, card.fields, card.version) == (
        "Reads the letter twice",
        {"marker": "pain"},
        2,
    )
    assert saved.version == 2
    assert card.updated_by == participant


def test_two_people_editing_different_cards_both_keep_their_edits(
    journey, participant, coordinator
):
    first, second = add(journey, "One", participant), add(journey, "Two", participant)
    update_card(card=first, version=first.version, text="One, edited", fields={}, by=participant)
    update_card(card=second, version=second.version, text="Two, edited", fields={}, by=coordinator)
    cell: dict[str, Any] = {"lane": lane(journey, LaneKind.CARDS), "step": steps(journey)[0]}
    assert texts(cell["lane"], cell["step"]) == ["One, edited", "Two, edited"]


def test_a_stale_edit_of_the_same_card_is_refused_and_shows_the_current_text(
    journey, participant, coordinator
):
    card = add(journey, "Reads the letter", participant)
    update_card(
        card=card, version=1, text="Reads the letter at the desk", fields={}, by=coordinator
    )
    with pytest.raises(StaleEdit) as stale:
        update_card(card=card, version=1, text="Throws the letter away", fields={}, by=participant)
    assert stale.value.current.text == "Reads the letter at the desk"
    assert stale.value.current.version == 2
    card.refresh_from_db()
    assert (card.text, card.version, card.updated_by) == (
        "Reads the letter at the desk",
        2,
        coordinator,
    )


def test_an_edit_checks_the_fields_of_the_lane(journey, participant):
    card = add(journey, "Desk", participant, LaneKind.CHANNELS, fields={"channel": "desk"})
    with translation.override("en"), pytest.raises(ValidationError) as error:
        update_card(card=card, version=1, text="Tram", fields={"channel": "tram"}, by=participant)
    assert error.value.messages == ["tram is not a valid channel."]
    card.refresh_from_db()
    assert (card.text, card.version) == ("Desk", 1)


# Deleting


def test_a_deleted_card_leaves_no_gap(journey, participant):
    cards = [add(journey, text, participant) for text in ("A", "B", "C")]
    delete_card(card=cards[1], version=1, by=participant)
    cell: dict[str, Any] = {"lane": lane(journey, LaneKind.CARDS), "step": steps(journey)[0]}
    assert texts(cell["lane"], cell["step"]) == ["A", "C"]
    assert positions(**cell) == [0, 1]


def test_a_delete_at_a_stale_version_is_refused(journey, participant, coordinator):
    card = add(journey, "Reads the letter", participant)
    update_card(
        card=card, version=1, text="Reads the letter at the desk", fields={}, by=coordinator
    )
    with pytest.raises(StaleEdit) as stale:
        delete_card(card=card, version=1, by=participant)
    assert stale.value.current.text == "Reads the letter at the desk"
    assert Card.objects.filter(pk=card.pk).exists()


# Moving


def test_a_card_moves_within_its_cell(journey, participant):
    cards = [add(journey, text, participant) for text in ("A", "B", "C")]
    move_card(card=cards[2], position=0, by=participant)
    cell: dict[str, Any] = {"lane": lane(journey, LaneKind.CARDS), "step": steps(journey)[0]}
    assert texts(cell["lane"], cell["step"]) == ["C", "A", "B"]
    assert positions(**cell) == [0, 1, 2]


def test_a_card_moves_to_another_step_and_both_cells_stay_numbered(journey, participant):
    cards = [add(journey, text, participant) for text in ("A", "B", "C")]
    add(journey, "D", participant, step=1)
    first, second = steps(journey)[:2]
    move_card(card=cards[0], step=second, position=1, by=participant)
    actions = lane(journey, LaneKind.CARDS)
    assert texts(actions, first) == ["B", "C"]
    assert texts(actions, second) == ["D", "A"]
    assert positions(lane=actions, step=first) == [0, 1]
    assert positions(lane=actions, step=second) == [0, 1]


def test_a_card_moves_to_another_lane_of_a_kind_that_takes_its_fields(journey, participant):
    card = add(journey, "Long queue", participant, fields={"marker": "pain"})
    pains = lane(journey, LaneKind.CARDS, 1)
    move_card(card=card, lane=pains, position=0, by=participant)
    card.refresh_from_db()
    assert (card.lane, card.fields) == (pains, {"marker": "pain"})


def test_moving_a_card_without_a_channel_into_a_channels_lane_is_refused(journey, participant):
    card = add(journey, "Asks a neighbour", participant)
    refused(
        "channel is required.",
        move_card,
        card=card,
        lane=lane(journey, LaneKind.CHANNELS),
        position=0,
        by=participant,
    )
    card.refresh_from_db()
    assert card.lane == lane(journey, LaneKind.CARDS)


def test_moving_a_card_into_a_cardless_lane_is_refused(journey, participant):
    card = add(journey, "Asks a neighbour", participant)
    evidence = lane(journey, LaneKind.EVIDENCE)
    refused(
        "This lane holds no cards.", move_card, card=card, lane=evidence, position=0, by=participant
    )


def test_moving_a_card_into_a_full_one_card_cell_is_refused(journey, participant):
    add(journey, "Worried", participant, LaneKind.TEXT)
    card = add(journey, "Relieved", participant, LaneKind.TEXT, step=1)
    message = "This place holds one card only: edit the one that is there."
    refused(message, move_card, card=card, step=steps(journey)[0], position=0, by=participant)
    move_card(card=card, position=0, by=participant)  # staying in its own cell is fine


@pytest.mark.parametrize(
    ("kind", "source", "fields", "target", "message"),
    [
        # An idea needs an impact and an effort, which an opportunity card does not have.
        (ArtefactKind.IDEA_LIST, "opportunities", {}, "ideas", "impact is required."),
        (
            ArtefactKind.PERSONA,
            "channels",
            {"channel": "phone"},
            "goals",
            "Unknown field: channel.",
        ),
    ],
)
def test_moving_a_card_to_another_section_checks_the_fields_of_that_section(
    project, participant, kind, source, fields, target, message
):
    canvas = canvas_of(project, kind, participant)
    card = add_card(canvas=canvas, text="x", section=source, fields=fields, by=participant)
    refused(message, move_card, card=card, section=target, position=0, by=participant)
    card.refresh_from_db()
    assert card.section == source


@pytest.mark.parametrize(
    "service",
    [
        lambda card, by: update_card(card=card, version=1, text="Too late", fields={}, by=by),
        lambda card, by: delete_card(card=card, version=1, by=by),
        lambda card, by: move_card(card=card, position=0, by=by),
    ],
    ids=["edit", "delete", "move"],
)
def test_changing_a_deleted_card_raises_gone(journey, participant, service):
    card = add(journey, "Reads the letter", participant)
    delete_card(card=card, version=1, by=participant)
    with pytest.raises(Gone):
        service(card, participant)


def test_the_canvas_revision_grows_with_every_change(journey, participant):
    seen = [revision(journey)]
    card = add(journey, "Reads the letter", participant)
    seen.append(revision(journey))
    update_card(card=card, version=1, text="Reads it twice", fields={}, by=participant)
    seen.append(revision(journey))
    move_card(card=card, step=steps(journey)[1], position=0, by=participant)
    seen.append(revision(journey))
    delete_card(card=card, version=2, by=participant)
    seen.append(revision(journey))
    assert seen == sorted(set(seen))
    assert len(seen) == 5
