"""Evidence behind a card and relations between stakeholders."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Link, LinkKind, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import evidence_candidates, link_evidence, relate, unlink
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

EVIDENCE_ONLY = "Evidence is a quote or insight of this project's insight boards."
SAME_MAP_ONLY = "Relations join two stakeholders of the same map."


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)


@pytest.fixture
def board(project: Project, participant: User) -> Canvas:
    return create_canvas(
        project=project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )


@pytest.fixture
def action(journey: Canvas, participant: User) -> Card:
    lane = Lane.objects.filter(canvas=journey, kind=LaneKind.CARDS).order_by("position")[0]
    step = Step.objects.filter(canvas=journey).order_by("stage__position")[0]
    return add_card(canvas=journey, lane=lane, step=step, text="Goes to the desk", by=participant)


@pytest.fixture
def stakeholder_map(project: Project, participant: User) -> Canvas:
    return create_canvas(
        project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Who", by=participant
    )


def stakeholder(canvas: Canvas, name: str, by: User) -> Card:
    return add_card(
        canvas=canvas, section="stakeholders", text=name, fields={"ring": "core"}, by=by
    )


def refused(message: str, service, **arguments) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        service(**arguments)
    assert error.value.messages == [message]


def revision(canvas: Canvas) -> int:
    return Canvas.objects.get(pk=canvas.pk).revision


# Evidence


@pytest.mark.parametrize("section", ["quotes", "insights"])
def test_a_card_is_backed_by_a_quote_or_insight_of_its_project(action, board, participant, section):
    evidence = add_card(canvas=board, section=section, text="Three desks", by=participant)
    before = revision(action.canvas)
    link = link_evidence(card=action, evidence=evidence, by=participant)
    assert (link.canvas, link.kind, link.source, link.target) == (
        action.canvas,
        LinkKind.EVIDENCE,
        action,
        evidence,
    )
    assert revision(action.canvas) > before


def test_linking_the_same_evidence_twice_keeps_one_link(action, board, participant):
    quote = add_card(canvas=board, section="quotes", text="Three desks", by=participant)
    first = link_evidence(card=action, evidence=quote, by=participant)
    assert link_evidence(card=action, evidence=quote, by=participant) == first
    assert Link.objects.count() == 1


def test_an_interview_note_is_not_evidence(action, board, participant):
    note = add_card(canvas=board, section="notes", text="Talked to Mia", by=participant)
    refused(EVIDENCE_ONLY, link_evidence, card=action, evidence=note, by=participant)


def test_a_card_of_another_kind_of_canvas_is_not_evidence(action, project, participant):
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=participant)
    need = add_card(canvas=persona, section="needs", text="One desk", by=participant)
    refused(EVIDENCE_ONLY, link_evidence, card=action, evidence=need, by=participant)


def test_a_quote_of_another_project_is_not_evidence(action, participant):
    other_board = create_canvas(
        project=make_project(participant, "Other"),
        kind=ArtefactKind.INSIGHT_BOARD,
        title="Other interviews",
        by=participant,
    )
    quote = add_card(canvas=other_board, section="quotes", text="Elsewhere", by=participant)
    refused(EVIDENCE_ONLY, link_evidence, card=action, evidence=quote, by=participant)
    assert not Link.objects.exists()


def test_evidence_candidates_are_the_projects_quotes_and_insights(action, board, participant):
    quote = add_card(canvas=board, section="quotes", text="Three desks", by=participant)
    insight = add_card(canvas=board, section="insights", text="Nobody knows", by=participant)
    add_card(canvas=board, section="notes", text="Talked to Mia", by=participant)
    assert set(evidence_candidates(action)) == {quote, insight}


def test_unlinking_removes_the_evidence(action, board, participant):
    quote = add_card(canvas=board, section="quotes", text="Three desks", by=participant)
    link = link_evidence(card=action, evidence=quote, by=participant)
    unlink(link=link, by=participant)
    assert not Link.objects.exists()
    assert Card.objects.filter(pk=quote.pk).exists()


# Relations


def test_two_stakeholders_of_a_map_are_related(stakeholder_map, participant):
    desk = stakeholder(stakeholder_map, "Social desk", participant)
    ocmw = stakeholder(stakeholder_map, "OCMW", participant)
    link = relate(source=desk, target=ocmw, relation="formal", label=" reports to ", by=participant)
    assert (link.kind, link.relation, link.label) == (LinkKind.RELATION, "formal", "reports to")


def test_relating_again_changes_the_relation(stakeholder_map, participant):
    desk = stakeholder(stakeholder_map, "Social desk", participant)
    ocmw = stakeholder(stakeholder_map, "OCMW", participant)
    relate(source=desk, target=ocmw, relation="formal", by=participant)
    relate(source=desk, target=ocmw, relation="money", by=participant)
    assert list(Link.objects.values_list("relation", flat=True)) == ["money"]


def test_stakeholders_of_two_maps_are_not_related(project, stakeholder_map, participant):
    other_map = create_canvas(
        project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Other", by=participant
    )
    desk = stakeholder(stakeholder_map, "Social desk", participant)
    ocmw = stakeholder(other_map, "OCMW", participant)
    refused(SAME_MAP_ONLY, relate, source=desk, target=ocmw, relation="formal", by=participant)


def test_relations_are_drawn_on_stakeholder_maps_only(project, participant):
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=participant)
    one = add_card(canvas=persona, section="goals", text="One", by=participant)
    two = add_card(canvas=persona, section="goals", text="Two", by=participant)
    refused(SAME_MAP_ONLY, relate, source=one, target=two, relation="formal", by=participant)


def test_a_stakeholder_does_not_relate_to_itself(stakeholder_map, participant):
    desk = stakeholder(stakeholder_map, "Social desk", participant)
    message = "A stakeholder cannot relate to itself."
    refused(message, relate, source=desk, target=desk, relation="formal", by=participant)


def test_a_relation_has_a_known_kind(stakeholder_map, participant):
    desk = stakeholder(stakeholder_map, "Social desk", participant)
    ocmw = stakeholder(stakeholder_map, "OCMW", participant)
    message = "Choose a kind of relation."
    refused(message, relate, source=desk, target=ocmw, relation="friendship", by=participant)
