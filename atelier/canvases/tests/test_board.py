"""The Board that the editor, versions, shared links and exports all render."""

import pytest

from atelier.accounts.models import User
from atelier.canvases.board import Coverage, build_board
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import link_evidence, relate
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)


@pytest.fixture
def quote(project: Project, participant: User) -> Card:
    board = create_canvas(
        project=project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    return add_card(canvas=board, section="quotes", text="Three desks", by=participant)


def lane(canvas: Canvas, kind: str) -> Lane:
    return Lane.objects.filter(canvas=canvas, kind=kind).order_by("position")[0]


def steps(canvas: Canvas) -> list[Step]:
    return list(Step.objects.filter(canvas=canvas).order_by("stage__position", "position"))


def card(canvas: Canvas, step: int, by: User, kind: str = LaneKind.CARDS, **fields) -> Card:
    return add_card(
        canvas=canvas,
        lane=lane(canvas, kind),
        step=steps(canvas)[step],
        text="x",
        fields=fields,
        by=by,
    )


def coverage_levels(canvas: Canvas) -> list[str]:
    board = build_board(serialize_canvas(canvas))
    row = next(row for row in board.rows if row.lane["kind"] == LaneKind.EVIDENCE)
    return [cell.coverage.level for cell in row.cells if cell.coverage is not None]


@pytest.mark.parametrize(
    ("cards", "backed", "level"),
    [(0, 0, "none"), (2, 0, "none"), (2, 1, "some"), (2, 2, "all")],
)
def test_coverage_level_counts_backed_cards(cards, backed, level):
    assert Coverage(cards=cards, backed=backed).level == level


def test_each_step_shows_how_well_research_backs_it(journey, quote, participant):
    backed_alone = card(journey, 0, participant)
    link_evidence(card=backed_alone, evidence=quote, by=participant)
    backed = card(journey, 1, participant)
    card(journey, 1, participant, LaneKind.CHANNELS, channel="desk")
    link_evidence(card=backed, evidence=quote, by=participant)
    # Step 3 has no cards at all.
    assert coverage_levels(journey) == ["all", "some", "none"]


def test_an_emotion_score_or_persona_does_not_need_evidence(journey, quote, participant):
    backed = card(journey, 0, participant)
    link_evidence(card=backed, evidence=quote, by=participant)
    card(journey, 0, participant, LaneKind.EMOTION, score=-1)
    card(journey, 0, participant, LaneKind.PERSONA)
    assert coverage_levels(journey)[0] == "all"


def test_a_step_with_unbacked_cards_has_no_coverage(journey, participant):
    card(journey, 0, participant)
    assert coverage_levels(journey) == ["none", "none", "none"]


def test_the_board_lists_the_evidence_behind_each_card(journey, quote, participant):
    backed = card(journey, 0, participant)
    link_evidence(card=backed, evidence=quote, by=participant)
    board = build_board(serialize_canvas(journey))
    assert [item["target_text"] for item in board.evidence[str(backed.uid)]] == ["Three desks"]


def test_the_board_has_one_cell_per_lane_and_step(journey, participant):
    card(journey, 1, participant, LaneKind.TEXT)
    board = build_board(serialize_canvas(journey))
    assert len(board.rows) == 8 and all(len(row.cells) == 3 for row in board.rows)
    text_row = next(row for row in board.rows if row.lane["kind"] == LaneKind.TEXT)
    assert [len(cell.cards) for cell in text_row.cells] == [0, 1, 0]
    assert text_row.single and text_row.holds_cards and not text_row.is_line


def test_the_emotion_curve_has_a_point_per_step(journey, participant):
    card(journey, 0, participant, LaneKind.EMOTION, score=-2)
    card(journey, 2, participant, LaneKind.EMOTION, score=1)
    assert build_board(serialize_canvas(journey)).emotion_points() == [-2, None, 1]


def test_a_section_canvas_shows_its_sections_in_order(project, participant):
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=participant)
    add_card(canvas=persona, section="needs", text="One desk", by=participant)
    board = build_board(serialize_canvas(persona))
    assert not board.is_grid and board.rows == []
    assert [view.section.key for view in board.sections][:3] == ["profile", "background", "goals"]
    needs = next(view for view in board.sections if view.section.key == "needs")
    assert [item["text"] for item in needs.cards] == ["One desk"]


def test_a_stakeholder_map_shows_its_relations(project, participant):
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
    relate(source=desk, target=ocmw, relation="money", by=participant)
    board = build_board(serialize_canvas(canvas))
    assert [(r["source"], r["target"], r["relation"]) for r in board.relations] == [
        (str(desk.uid), str(ocmw.uid), "money")
    ]
    assert board.evidence == {}


def test_building_a_board_leaves_the_serialized_data_as_it_was(journey, quote, participant):
    backed = card(journey, 0, participant)
    link_evidence(card=backed, evidence=quote, by=participant)
    data = serialize_canvas(journey)
    build_board(data)
    assert data == serialize_canvas(journey)
