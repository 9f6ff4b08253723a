"""The Geel demo workspace: a complete project a new user can open and explore."""

import pytest

from atelier.canvases.kinds import CARDLESS_LANES, SECTIONS
from atelier.canvases.models import Canvas, Card, Lane, Link, LinkKind, Snapshot, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.transfer import check_document
from atelier.demo.people import load_demo_people
from atelier.method.models import ArtefactKind
from atelier.projects.demo import load_demo_workspace
from atelier.projects.models import Decision, MemberRole, PlannedTechnique, Project


@pytest.fixture
def workspace(geel, lennik) -> Project:
    """Geel and Lennik as the demo people need them, the people, then the workspace."""
    load_demo_people()
    load_demo_workspace()
    return Project.objects.get(organisation=geel)


def counts() -> tuple[int, ...]:
    models = (Project, Canvas, Card, Link, Snapshot, PlannedTechnique, Decision)
    return tuple(model.objects.count() for model in models)


def canvas_of(project: Project, kind: str) -> Canvas:
    return project.canvases.get(kind=kind)


def test_geel_demo_project_has_its_team_plan_and_decisions(workspace):
    members = {m.user.email: m.role for m in workspace.members.select_related("user")}

    assert workspace.title == "Eén voordeur voor het sociaal huis"
    assert members == {
        "coordinator.geel@atelier.example": MemberRole.LEAD,
        "participant.geel@atelier.example": MemberRole.MEMBER,
    }
    assert workspace.problem_statement and workspace.target_group
    assert workspace.current_phase.position >= 2  # define or later
    done = PlannedTechnique.objects.filter(project=workspace, done_on__year=2026)
    assert workspace.plan.count() >= 6 and done.count() >= 6
    assert workspace.plan.values("phase").distinct().count() >= 3
    assert Decision.objects.filter(project=workspace).count() >= 4


def test_every_card_lane_of_the_journey_has_a_card_at_every_step(workspace):
    journey = canvas_of(workspace, ArtefactKind.JOURNEY)
    steps = list(Step.objects.filter(canvas=journey))
    card_lanes = Lane.objects.filter(canvas=journey).exclude(kind__in=CARDLESS_LANES)
    filled = set(Card.objects.filter(canvas=journey).values_list("lane_id", "step_id"))

    assert journey.title == "Bezoek aan de sociale dienst (vandaag)"
    assert journey.state == "as_is"
    assert len(steps) >= 8
    assert len({step.stage_id for step in steps}) >= 4
    assert card_lanes.count() == 7
    assert {(lane.pk, step.pk) for lane in card_lanes for step in steps} <= filled


def test_journey_emotion_hits_its_low_point_when_sent_to_another_desk(workspace):
    journey = canvas_of(workspace, ArtefactKind.JOURNEY)
    emotions = Card.objects.filter(canvas=journey, lane__kind="emotion")
    scores = dict(emotions.values_list("step__title", "fields__score"))

    assert min(scores.values()) == -2
    assert [title for title, score in scores.items() if score == -2] == [
        "Doorverwezen naar een ander loket"
    ]
    assert max(scores.values()) > 0


def test_journey_persona_lane_names_a_persona_of_the_project(workspace):
    journey = canvas_of(workspace, ArtefactKind.JOURNEY)
    personas = workspace.canvases.filter(kind=ArtefactKind.PERSONA)
    persona_uids = {str(uid) for uid in personas.values_list("uid", flat=True)}
    persona_cards = Card.objects.filter(canvas=journey, lane__kind="persona")

    assert persona_cards.exists()
    assert all(card.fields["persona"] in persona_uids and card.text for card in persona_cards)


def test_at_least_eight_journey_cards_are_backed_by_quotes_or_insights(workspace):
    journey = canvas_of(workspace, ArtefactKind.JOURNEY)
    links = Link.objects.filter(canvas=journey, kind=LinkKind.EVIDENCE)

    assert links.values("source").distinct().count() >= 8
    assert set(links.values_list("target__section", flat=True)) == {"quotes", "insights"}


def test_two_personas_with_every_section_filled(workspace):
    personas = workspace.canvases.filter(kind=ArtefactKind.PERSONA)

    assert personas.count() == 2
    for persona in personas:
        filled = set(Card.objects.filter(canvas=persona).values_list("section", flat=True))
        assert filled == {section.key for section in SECTIONS[ArtefactKind.PERSONA]}


def test_design_brief_fills_every_section(workspace):
    brief = canvas_of(workspace, ArtefactKind.DESIGN_BRIEF)
    filled = set(Card.objects.filter(canvas=brief).values_list("section", flat=True))

    assert filled == {section.key for section in SECTIONS[ArtefactKind.DESIGN_BRIEF]}


def test_stakeholder_map_spans_three_rings_and_four_kinds_of_relation(workspace):
    stakeholder_map = canvas_of(workspace, ArtefactKind.STAKEHOLDER_MAP)
    stakeholders = Card.objects.filter(canvas=stakeholder_map)
    relations = Link.objects.filter(canvas=stakeholder_map, kind=LinkKind.RELATION)

    assert stakeholders.count() >= 10
    assert {card.fields["ring"] for card in stakeholders} == {"core", "direct", "indirect"}
    assert all({"role", "interest", "influence"} <= set(card.fields) for card in stakeholders)
    assert relations.count() >= 6
    assert set(relations.values_list("relation", flat=True)) == {
        "formal",
        "informal",
        "money",
        "information",
    }


def test_insight_board_holds_notes_quotes_and_clustered_insights(workspace):
    board = canvas_of(workspace, ArtefactKind.INSIGHT_BOARD)
    cards = Card.objects.filter(canvas=board)
    quotes = cards.filter(section="quotes")
    insights = cards.filter(section="insights")

    assert cards.filter(section="notes").count() >= 6
    assert quotes.count() >= 8 and all(card.fields.get("speaker") for card in quotes)
    assert insights.count() >= 6
    assert len({card.fields["cluster"] for card in insights}) >= 3


def test_blueprint_fills_its_card_lanes_and_marks_pain_and_critical_points(workspace):
    blueprint = canvas_of(workspace, ArtefactKind.BLUEPRINT)
    steps = list(Step.objects.filter(canvas=blueprint))
    card_lanes = Lane.objects.filter(canvas=blueprint).exclude(kind__in=CARDLESS_LANES)
    cards = Card.objects.filter(canvas=blueprint)
    filled = set(cards.values_list("lane_id", "step_id"))
    markers = {card.fields.get("marker") for card in cards}

    assert blueprint.state == "to_be" and len(steps) >= 6
    assert Lane.objects.filter(canvas=blueprint).count() == 8
    assert {(lane.pk, step.pk) for lane in card_lanes for step in steps} <= filled
    assert {"pain", "critical"} <= markers


def test_idea_list_and_test_plan_are_complete(workspace):
    ideas = Card.objects.filter(canvas=canvas_of(workspace, ArtefactKind.IDEA_LIST))
    tests = Card.objects.filter(canvas=canvas_of(workspace, ArtefactKind.TEST_PLAN))
    opportunities = ideas.filter(section="opportunities")
    opportunity_uids = {str(card.uid) for card in opportunities}

    assert opportunities.count() >= 3
    assert all(card.text.startswith("Hoe kunnen we") for card in opportunities)
    assert ideas.filter(section="ideas").count() >= 6
    for idea in ideas.filter(section="ideas"):
        assert {"impact", "effort", "owner", "status"} <= set(idea.fields)
        assert idea.fields["opportunity"] in opportunity_uids
    assert tests.filter(section="tests").count() >= 2
    observations = tests.filter(section="observations")
    assert observations.count() >= 3 and all(card.fields["decision"] for card in observations)


def test_journey_has_a_version_after_workshop_one(workspace):
    journey = canvas_of(workspace, ArtefactKind.JOURNEY)

    assert list(Snapshot.objects.filter(canvas=journey).values_list("name", flat=True)) == [
        "Na workshop 1"
    ]


def test_every_demo_canvas_exports_as_a_valid_document(workspace):
    for canvas in workspace.canvases.all():
        check_document(serialize_canvas(canvas))


def test_loading_the_workspace_twice_duplicates_nothing(workspace):
    before = counts()

    summary = load_demo_workspace()

    assert counts() == before
    assert "Eén voordeur voor het sociaal huis" in summary
