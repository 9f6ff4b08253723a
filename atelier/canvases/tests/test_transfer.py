"""The JSON form of a canvas: it re-imports without loss, and bad documents write nothing."""

import copy
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Link, Stage, Step
from atelier.canvases.serialize import FORMAT, serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import link_evidence, relate
from atelier.canvases.services.transfer import check_document, import_canvas
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return make_journey(project, participant, stages=2, steps=2)


def without_identity(data: dict) -> dict:
    return {key: value for key, value in data.items() if key not in ("uid", "revision")}


def round_trip(canvas: Canvas, project: Project, by: User) -> tuple[dict, dict, int]:
    exported = serialize_canvas(canvas)
    imported, dropped = import_canvas(project=project, data=copy.deepcopy(exported), by=by)
    return exported, serialize_canvas(imported), dropped


def problems_of(data) -> list[str]:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        check_document(data)
    return error.value.messages


def nothing_written(before: dict[Any, int]) -> bool:
    return all(model.objects.count() == count for model, count in before.items())


def counts() -> dict[Any, int]:
    return {model: model.objects.count() for model in (Canvas, Stage, Step, Lane, Card, Link)}


# Round trips


def test_a_journey_re_imports_without_loss(journey, project, participant):
    exported, imported, dropped = round_trip(journey, project, participant)
    assert dropped == 0
    assert imported["uid"] != exported["uid"]
    assert without_identity(imported) == without_identity(exported)


def test_a_blueprint_re_imports_without_loss(project, participant):
    blueprint = make_journey(project, participant, kind=ArtefactKind.BLUEPRINT)
    exported, imported, _dropped = round_trip(blueprint, project, participant)
    assert without_identity(imported) == without_identity(exported)


def test_evidence_links_re_import_within_the_project(journey, project, participant):
    board = create_canvas(
        project=project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    quote = add_card(canvas=board, section="quotes", text="Three desks", by=participant)
    for card in Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS)[:3]:
        link_evidence(card=card, evidence=quote, by=participant)
    exported, imported, dropped = round_trip(journey, project, participant)
    assert dropped == 0 and len(imported["links"]) == 3
    assert without_identity(imported) == without_identity(exported)


@pytest.mark.parametrize(
    ("kind", "cards"),
    [
        (
            ArtefactKind.PERSONA,
            [
                ("profile", "Mia", {"age": "34", "quote": "Which desk?"}),
                ("channels", "Phone", {"channel": "phone"}),
            ],
        ),
        (
            ArtefactKind.IDEA_LIST,
            [
                ("opportunities", "HMW one desk", {}),
                ("ideas", "One front door", {"impact": 5, "effort": 2}),
            ],
        ),
        (
            ArtefactKind.TEST_PLAN,
            [
                ("tests", "Paper prototype", {"status": "planned"}),
                ("observations", "Too long", {"decision": "change"}),
            ],
        ),
        (ArtefactKind.DESIGN_BRIEF, [("problem", "Three desks", {}), ("goals", "One desk", {})]),
    ],
)
def test_a_section_canvas_re_imports_without_loss(project, participant, kind, cards):
    canvas = create_canvas(
        project=project, kind=kind, title="Canvas", state="to_be", description="Why", by=participant
    )
    for section, text, fields in cards:
        add_card(canvas=canvas, section=section, text=text, fields=fields, by=participant)
    exported, imported, _dropped = round_trip(canvas, project, participant)
    assert without_identity(imported) == without_identity(exported)


def test_a_stakeholder_map_re_imports_with_its_relations(project, participant):
    canvas = create_canvas(
        project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Who", by=participant
    )
    desk, ocmw = (
        add_card(
            canvas=canvas,
            section="stakeholders",
            text=name,
            fields={"ring": "direct", "interest": 4},
            by=participant,
        )
        for name in ("Desk", "OCMW")
    )
    relate(source=desk, target=ocmw, relation="information", label="reports", by=participant)
    exported, imported, _dropped = round_trip(canvas, project, participant)
    assert without_identity(imported) == without_identity(exported)
    assert imported["links"][0]["relation"] == "information"


def test_a_serialized_canvas_passes_the_check(journey):
    assert check_document(serialize_canvas(journey)).data["kind"] == ArtefactKind.JOURNEY


# Bad documents


def test_a_document_that_is_not_a_canvas_is_refused(journey):
    assert problems_of({"format": "something/2"}) == [
        f"This is not an Atelier canvas (format {FORMAT})."
    ]
    assert problems_of(["not", "a", "canvas"]) == [
        f"This is not an Atelier canvas (format {FORMAT})."
    ]
    data = serialize_canvas(journey) | {"kind": "mood_board"}
    assert problems_of(data) == ["Unknown kind of canvas."]


def test_every_problem_is_listed_with_its_place(journey):
    data = serialize_canvas(journey)
    data["title"] = " "
    data["lanes"][7]["kind"] = "doodles"  # the evidence lane: it holds no cards
    data["stages"][0]["steps"][1]["uid"] = "not-a-uid"
    channel = next(n for n, card in enumerate(data["cards"]) if card["fields"].get("channel"))
    data["cards"][channel]["fields"] = {"channel": "tram"}
    emotion = next(n for n, card in enumerate(data["cards"]) if "score" in card["fields"])
    data["cards"][emotion]["fields"] = {"score": 7}
    problems = problems_of(data)
    assert "title: must not be empty." in problems
    assert "lanes[7]: unknown kind of lane." in problems
    assert "stages[0].steps[1]: not a valid uid." in problems
    assert f"cards[{channel}]: tram is not a valid channel." in problems
    assert f"cards[{emotion}]: emotion must lie between -2 and 2." in problems


def test_a_lane_of_an_unknown_kind_that_holds_cards_is_listed(journey):
    data = serialize_canvas(journey)
    data["lanes"][1]["kind"] = "doodles"  # the actions lane, with a card at every step
    assert "lanes[1]: unknown kind of lane." in problems_of(data)


def test_a_card_in_a_cardless_lane_or_an_unknown_place_is_refused(journey):
    data = serialize_canvas(journey)
    evidence_lane = next(lane["uid"] for lane in data["lanes"] if lane["kind"] == LaneKind.EVIDENCE)
    data["cards"][0]["lane"] = evidence_lane
    data["cards"][1]["step"] = str(uuid.uuid4())
    problems = problems_of(data)
    assert "cards[0]: this lane holds no cards." in problems
    assert "cards[1]: the card names no lane and step of this canvas." in problems


def test_two_cards_in_a_one_card_cell_are_refused(journey):
    data = serialize_canvas(journey)
    text_cards = [
        n for n, card in enumerate(data["cards"]) if card["lane"] == data["lanes"][3]["uid"]
    ]
    data["cards"][text_cards[1]]["step"] = data["cards"][text_cards[0]]["step"]
    assert f"cards[{text_cards[1]}]: this place holds one card only." in problems_of(data)


def test_two_cards_sharing_a_uid_are_refused(journey):
    data = serialize_canvas(journey)
    data["cards"][1]["uid"] = data["cards"][0]["uid"]
    assert problems_of(data) == ["cards: two share one uid."]


def test_a_section_card_in_an_unknown_section_is_refused(project, participant):
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=participant)
    add_card(canvas=persona, section="goals", text="One desk", by=participant)
    data = serialize_canvas(persona)
    data["cards"][0]["section"] = "hobbies"
    assert problems_of(data) == ["cards[0]: This canvas has no section hobbies."]


def test_a_document_of_the_wrong_shape_is_refused(journey):
    data = serialize_canvas(journey)
    data["cards"] = ["a card?"]
    assert problems_of(data) == ["The document's structure is not that of a canvas."]


def test_nothing_is_written_when_the_document_is_refused(journey, project, participant):
    data = serialize_canvas(journey)
    data["cards"][-1]["fields"] = {"colour": "red"}
    before = counts()
    with pytest.raises(ValidationError):
        import_canvas(project=project, data=data, by=participant)
    assert nothing_written(before)


def two_parts_sharing_a_uid(data: dict, part: str) -> dict:
    if part == "stage":
        data["stages"][1]["uid"] = data["stages"][0]["uid"]
    elif part == "step":
        first, second = data["stages"][0]["steps"]
        data["cards"] = [card for card in data["cards"] if card["step"] != second["uid"]]
        second["uid"] = first["uid"]
    else:  # two lanes of the same kind, the cards of the second moved to the first
        first, second = [lane for lane in data["lanes"] if lane["kind"] == LaneKind.CARDS][:2]
        for card in data["cards"]:
            card["lane"] = first["uid"] if card["lane"] == second["uid"] else card["lane"]
        second["uid"] = first["uid"]
    return data


@pytest.mark.parametrize("part", ["stage", "step", "lane"])
def test_two_parts_sharing_a_uid_are_refused_with_a_clear_error(
    journey, project, participant, part
):
    data = two_parts_sharing_a_uid(serialize_canvas(journey), part)
    before = counts()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        import_canvas(project=project, data=data, by=participant)
    assert error.value.messages == [f"{part}s: two share one uid."]
    assert nothing_written(before)


def test_a_link_of_the_wrong_shape_is_refused_with_a_clear_error(journey, project, participant):
    data = serialize_canvas(journey)
    data["links"] = ["a link?"]
    before = counts()
    with translation.override("en"), pytest.raises(ValidationError) as error:
        import_canvas(project=project, data=data, by=participant)
    assert error.value.messages == ["links[0]: not a link."]
    assert nothing_written(before)


def test_a_link_of_an_unknown_kind_or_relation_is_listed(project, participant):
    canvas = create_canvas(
        project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Who", by=participant
    )
    desk, ocmw = (
        add_card(
            canvas=canvas,
            section="stakeholders",
            text=name,
            fields={"ring": "core"},
            by=participant,
        )
        for name in ("Desk", "OCMW")
    )
    relate(source=desk, target=ocmw, relation="formal", by=participant)
    data = serialize_canvas(canvas)
    data["links"] = [data["links"][0] | {"relation": "love"}, data["links"][0] | {"kind": "likes"}]
    assert problems_of(data) == ["links[0]: unknown relation.", "links[1]: not a link."]


def test_an_unknown_state_is_listed(journey):
    data = serialize_canvas(journey) | {"state": "maybe"}
    assert problems_of(data) == ["state: as_is, to_be or empty."]


def test_a_title_over_the_limit_or_with_control_characters_is_a_problem(journey):
    data = serialize_canvas(journey)
    data["title"] = "x" * 201
    data["lanes"][0]["title"] = "Lane\x00"

    found = problems_of(data)

    assert "title: at most 200 characters." in found
    assert "lanes[0].title: remove the control characters." in found
