"""The canvas editor's pages and fragments, by plain form posts and by htmx."""

import pytest
from django.urls import reverse
from django.utils import translation

from atelier.canvases.models import Card, Lane, LaneKind, Link, LinkKind, Stage, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def journey(participant):
    return make_journey(make_project(participant), participant, stages=2, steps=2)


def _card(journey, kind=LaneKind.CARDS) -> Card:
    return (
        Card.objects.filter(canvas=journey, lane__kind=kind)
        .order_by("step__stage__position", "step__position")
        .first()
    )


def test_team_member_sees_the_editor_with_every_card(client, participant, journey):
    client.force_login(participant)
    response = client.get(reverse("canvases:canvas", args=[journey.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('<article class="canvas-card') == Card.objects.filter(canvas=journey).count()
    assert "card-edit" in body


def test_outsider_gets_404_and_staff_read_without_edit_controls(client, outsider, trainer, journey):
    client.force_login(outsider)
    assert client.get(reverse("canvases:canvas", args=[journey.pk])).status_code == 404
    client.force_login(trainer)
    response = client.get(reverse("canvases:canvas", args=[journey.pk]))
    assert response.status_code == 200
    assert "card-edit" not in response.content.decode()
    card = _card(journey)
    assert client.get(reverse("canvases:card_edit", args=[card.pk])).status_code == 403


def test_editing_a_card_by_htmx_answers_the_card(client, participant, journey):
    client.force_login(participant)
    card = _card(journey)
    url = reverse("canvases:card_edit", args=[card.pk])
    assert "textarea" in client.get(url, **HTMX).content.decode()
    response = client.post(
        url,
        {"text": "Takes a number <b>at the desk</b>", "version": card.version, "marker": "pain"},
        **HTMX,
    )
    assert response.status_code == 200
    assert "Takes a number &lt;b&gt;at the desk&lt;/b&gt;" in response.content.decode()
    card.refresh_from_db()
    assert card.text == "Takes a number <b>at the desk</b>" and card.fields == {"marker": "pain"}


def test_another_teams_card_in_an_htmx_edit_answers_404_not_card_deleted(client, outsider, journey):
    card = _card(journey)
    client.force_login(outsider)

    response = client.post(
        reverse("canvases:card_edit", args=[card.pk]),
        {"text": "Overwritten", "version": card.version},
        **HTMX,
    )

    assert response.status_code == 404
    assert "deleted" not in response.content.decode()
    card.refresh_from_db()
    assert card.text != "Overwritten"


def test_a_card_deleted_meanwhile_answers_card_deleted_in_an_htmx_edit(
    client, participant, journey
):
    card = _card(journey)
    url = reverse("canvases:card_edit", args=[card.pk])
    version = card.version
    card.delete()
    client.force_login(participant)

    with translation.override("en"):
        response = client.post(url, {"text": "Too late", "version": version}, **HTMX)

    assert response.status_code == 200
    assert "This card was deleted by someone else meanwhile." in response.content.decode()


def test_a_stale_edit_shows_the_current_text_and_keeps_the_users(
    client, participant, coordinator, journey
):
    card = _card(journey)
    client.force_login(coordinator)
    client.post(
        reverse("canvases:card_edit", args=[card.pk]),
        {"text": "Coordinator's text", "version": card.version},
        **HTMX,
    )
    client.force_login(participant)
    with translation.override("en"):
        response = client.post(
            reverse("canvases:card_edit", args=[card.pk]),
            {"text": "Participant's text", "version": card.version},
            HTTP_ACCEPT_LANGUAGE="en",
            **HTMX,
        )
    body = response.content.decode()
    assert "Someone else changed this card" in body
    assert "Coordinator&#x27;s text" in body and "Participant&#x27;s text" in body
    card.refresh_from_db()
    assert card.text == "Coordinator's text"


def test_new_card_in_a_cell_and_a_plain_post_redirects(client, participant, journey):
    client.force_login(participant)
    lane = Lane.objects.get(canvas=journey, title="Actions")
    step = Step.objects.filter(canvas=journey).first()
    url = reverse("canvases:card_new", args=[journey.pk])
    assert client.get(url, {"lane": lane.pk, "step": step.pk}).status_code == 200
    response = client.post(url, {"lane": lane.pk, "step": step.pk, "text": "Phones the OCMW"})
    assert response.status_code == 302
    assert Card.objects.filter(lane=lane, step=step, text="Phones the OCMW").exists()


def test_moving_a_card_to_the_next_step_by_keyboard_direction(client, participant, journey):
    client.force_login(participant)
    card = _card(journey)
    first_step = card.step
    response = client.post(
        reverse("canvases:card_move", args=[card.pk]), {"direction": "next_step"}, **HTMX
    )
    assert response.status_code == 200
    assert "atelier:focus" in response["HX-Trigger-After-Settle"]
    card.refresh_from_db()
    assert card.step != first_step


def test_dropping_a_card_on_a_full_one_card_cell_is_refused_with_a_message(
    client, participant, journey
):
    client.force_login(participant)
    card = _card(journey)
    text_card = _card(journey, LaneKind.TEXT)
    with translation.override("en"):
        response = client.post(
            reverse("canvases:card_move", args=[card.pk]),
            {"lane": text_card.lane_id, "step": text_card.step_id, "position": 0},
            HTTP_ACCEPT_LANGUAGE="en",
            **HTMX,
        )
    assert "holds one card only" in response.content.decode()


def test_structure_rename_move_add_and_delete(client, participant, journey):
    client.force_login(participant)
    stage = Stage.objects.filter(canvas=journey).order_by("position").first()
    url = reverse("canvases:part_edit", args=["stage", stage.pk])
    client.post(url, {"title": "Before the visit", "version": stage.version}, **HTMX)
    stage.refresh_from_db()
    assert stage.title == "Before the visit"
    client.post(
        reverse("canvases:part_move", args=["stage", stage.pk]), {"direction": "later"}, **HTMX
    )
    stage.refresh_from_db()
    assert stage.position == 1
    client.post(
        reverse("canvases:lane_add", args=[journey.pk]),
        {"kind": "line_visibility", "title": "Line of visibility"},
        **HTMX,
    )
    assert Lane.objects.filter(canvas=journey, kind="line_visibility").exists()
    step = Step.objects.filter(stage=stage).first()
    client.post(reverse("canvases:step_add", args=["step", step.pk]), {}, **HTMX)
    assert Step.objects.filter(stage=stage).count() == 3
    client.post(reverse("canvases:part_delete", args=["stage", stage.pk]), **HTMX)
    assert not Stage.objects.filter(pk=stage.pk).exists()
    assert journey.snapshots.exists()


@pytest.mark.parametrize(
    "kind", [k for k in ArtefactKind.values if k not in ("journey", "blueprint")]
)
def test_every_section_canvas_renders_and_takes_a_card(client, participant, kind):
    project = make_project(participant)
    canvas = create_canvas(project=project, kind=kind, title="A canvas", by=participant)
    client.force_login(participant)
    from atelier.canvases.kinds import SECTIONS

    section = SECTIONS[kind][-1]
    references = ("persona", "opportunity", "test")  # picked from what exists; none yet
    fields = {
        f.name: (f.choices[-1][0] if f.choices else (3 if f.is_number else "x"))
        for f in section.fields
        if f.name not in references
    }
    response = client.post(
        reverse("canvases:card_new", args=[canvas.pk]),
        {"section": section.key, "text": "Een kaart", **fields},
        **HTMX,
    )
    assert response.status_code == 200
    assert Card.objects.filter(canvas=canvas, section=section.key).count() == 1
    assert "Een kaart" in client.get(reverse("canvases:canvas", args=[canvas.pk])).content.decode()


def test_the_editor_page_asks_as_many_queries_for_many_cards_as_for_few(
    client, participant, django_assert_max_num_queries
):
    project = make_project(participant)
    small = make_journey(project, participant, stages=1, steps=1)
    big = make_journey(project, participant, stages=4, steps=3)
    client.force_login(participant)
    client.get(reverse("canvases:canvas", args=[small.pk]))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("canvases:canvas", args=[small.pk]))
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("canvases:canvas", args=[big.pk]))


def test_a_malformed_evidence_choice_is_refused_with_a_message(client, participant, journey):
    client.force_login(participant)
    card = _card(journey)
    with translation.override("en"):
        response = client.post(
            reverse("canvases:card_evidence", args=[card.pk]),
            {"evidence": "not-a-number"},
            HTTP_ACCEPT_LANGUAGE="en",
            **HTMX,
        )
    assert response.status_code == 200
    assert "Choose a quote or insight." in response.content.decode()


def test_unlinking_twice_answers_404_the_second_time(client, participant, journey):
    board = create_canvas(
        project=journey.project, kind=ArtefactKind.INSIGHT_BOARD, title="Notes", by=participant
    )
    quote = add_card(canvas=board, section="quotes", text="Three desks.", by=participant)
    card = _card(journey)
    link = Link.objects.create(canvas=journey, kind=LinkKind.EVIDENCE, source=card, target=quote)
    client.force_login(participant)
    url = reverse("canvases:link_delete", args=[link.pk])
    assert client.post(url, **HTMX).status_code == 200
    assert client.post(url, **HTMX).status_code == 404
