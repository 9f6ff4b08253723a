"""The journey table is rendered once per content: whatever changes shows at once."""

import pytest
from django.urls import reverse

from atelier.canvases.models import Canvas, Card, LaneKind
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project

pytestmark = pytest.mark.django_db


def _page(client, canvas: Canvas, language: str = "nl") -> str:
    return client.get(
        reverse("canvases:canvas", args=[canvas.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()


def test_a_card_changed_after_the_table_was_drawn_shows_its_new_text(client, participant):
    journey = make_journey(make_project(participant), participant, stages=1, steps=2)
    client.force_login(participant)
    first = _page(client, journey)
    card = Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS).first()
    # Even a write that bypasses the services (no new version, no new revision) shows.
    Card.objects.filter(pk=card.pk).update(text="Wachten aan het loket")

    assert "Wachten aan het loket" not in first
    assert "Wachten aan het loket" in _page(client, journey)


def test_the_table_is_drawn_in_each_language_and_for_each_right(client, participant, trainer):
    journey = make_journey(make_project(participant), participant, stages=1, steps=1)
    client.force_login(participant)
    dutch, english = _page(client, journey, "nl"), _page(client, journey, "en")
    client.force_login(trainer)
    staff = _page(client, journey, "en")

    assert "Bewerken" in dutch and "Bewerken" not in english
    assert 'class="card-edit"' in english
    assert 'class="card-edit"' not in staff  # association staff read without edit links


def test_a_persona_renamed_on_its_own_canvas_is_renamed_on_the_journey(client, participant):
    project = make_project(participant)
    journey = make_journey(project, participant, stages=1, steps=1)
    persona = create_canvas(
        project=project, kind=ArtefactKind.PERSONA, title="Fatima", by=participant
    )
    card = Card.objects.filter(canvas=journey, lane__kind=LaneKind.PERSONA).first()
    Card.objects.filter(pk=card.pk).update(fields={"persona": str(persona.uid)})
    client.force_login(participant)
    assert "Fatima" in _page(client, journey)

    Canvas.objects.filter(pk=persona.pk).update(title="Fatima, 67")

    assert "Fatima, 67" in _page(client, journey)
