"""The persona canvas: a one-line name, the header following it, labelled facts, and
channels that are chosen, never defaulted."""

import re

import pytest
from django.urls import reverse

from atelier.canvases.models import Card, Lane, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def persona(participant):
    project = make_project(participant)
    canvas = create_canvas(
        project=project, kind=ArtefactKind.PERSONA, title="Persona", by=participant, empty=True
    )
    add_card(
        canvas=canvas,
        section="profile",
        text="Fatima",
        fields={"quote": "I never know which desk.", "age": "67", "household": "alone"},
        by=participant,
    )
    return canvas


def _profile(persona) -> Card:
    return Card.objects.get(canvas=persona, section="profile")


def test_the_persona_name_is_a_single_line_input(client, participant, persona):
    client.force_login(participant)
    html = client.get(reverse("canvases:card_edit", args=[_profile(persona).pk]), **HTMX)
    body = html.content.decode()
    assert re.search(r'<input type="text" name="text"[^>]*value="Fatima"', body)
    assert '<textarea name="text"' not in body


def test_saving_the_profile_updates_the_header_in_the_same_response(client, participant, persona):
    client.force_login(participant)
    card = _profile(persona)
    response = client.post(
        reverse("canvases:card_edit", args=[card.pk]),
        {"text": "Fatima El Amrani", "version": card.version, "quote": "", "age": "68"},
        **HTMX,
    )
    body = response.content.decode()
    assert re.search(
        r'<p class="persona-name" id="persona-name" hx-swap-oob="true">Fatima El Amrani</p>', body
    )


def test_saving_another_card_leaves_the_header_alone(client, participant, persona):
    client.force_login(participant)
    card = add_card(canvas=persona, section="needs", text="One desk", by=participant)
    response = client.post(
        reverse("canvases:card_edit", args=[card.pk]),
        {"text": "One desk for all", "version": card.version},
        **HTMX,
    )
    assert "hx-swap-oob" not in response.content.decode()


def test_quote_age_and_household_show_with_their_labels(client, participant, persona):
    client.force_login(participant)
    body = client.get(reverse("canvases:canvas", args=[persona.pk])).content.decode()
    for label, value in (
        ("Quote", "I never know which desk."),
        ("Age", "67"),
        ("Household", "alone"),
    ):
        assert re.search(rf"<dt>{label}</dt><dd>{re.escape(value)}</dd>", body), label


def test_a_new_channel_card_does_not_default_to_the_desk(client, participant, persona):
    client.force_login(participant)
    url = reverse("canvases:card_new", args=[persona.pk]) + "?section=channels"
    body = client.get(url, **HTMX).content.decode()
    select = re.search(r'<select name="channel".*?</select>', body, re.S).group(0)
    first = re.search(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert first.groups() == ("", "not set")
    assert not re.search(r'<option value="[^"]+" selected', select)
    client.post(
        reverse("canvases:card_new", args=[persona.pk]),
        {"section": "channels", "text": "Asks a neighbour", "channel": ""},
        **HTMX,
    )
    card = Card.objects.get(canvas=persona, section="channels")
    assert card.fields.get("channel", "") == ""


def test_a_journey_channel_card_must_be_chosen(client, participant):
    journey = make_journey(make_project(participant), participant, stages=1, steps=1)
    client.force_login(participant)
    lane = Lane.objects.get(canvas=journey, kind="channels")
    step = Step.objects.get(canvas=journey)
    url = reverse("canvases:card_new", args=[journey.pk])
    body = client.get(f"{url}?lane={lane.pk}&step={step.pk}", **HTMX).content.decode()
    select = re.search(r'<select name="channel".*?</select>', body, re.S).group(0)
    assert re.search(r'<option value=""[^>]*>choose…</option>', select)
    before = Card.objects.filter(lane=lane).count()
    client.post(url, {"lane": lane.pk, "step": step.pk, "text": "Counter", "channel": ""}, **HTMX)
    assert Card.objects.filter(lane=lane).count() == before
