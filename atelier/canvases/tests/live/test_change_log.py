"""Every canvas service logs its change in the same transaction and publishes it after commit."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from atelier.canvases.live.events import group_of
from atelier.canvases.models import CanvasChange, Card, ChangeAction
from atelier.canvases.services.canvases import update_canvas
from atelier.canvases.services.cards import add_card, delete_card, move_card, update_card
from atelier.canvases.services.structure import add_stage, rename

from .helpers import cards_lane, first_steps

pytestmark = pytest.mark.django_db


def test_each_card_change_is_logged_with_before_and_after(journey, participant):
    lane, steps = cards_lane(journey), first_steps(journey)
    card = add_card(
        canvas=journey, lane=lane, step=steps[0], text="Fills in the form", by=participant
    )
    edited = update_card(
        card=card, version=1, text="Fills in the web form", fields={}, by=participant
    )
    move_card(card=edited, position=0, step=steps[1], by=participant)
    delete_card(card=edited, version=edited.version, by=participant)

    changes = list(CanvasChange.objects.filter(canvas=journey, part_type="card"))
    assert [c.action for c in changes] == ["added", "edited", "moved", "deleted"]
    assert changes[0].before is None and changes[0].after["text"] == "Fills in the form"
    assert changes[1].before["text"] == "Fills in the form"
    assert changes[1].after["text"] == "Fills in the web form"
    assert changes[2].before["step"] == steps[0].pk and changes[2].after["step"] == steps[1].pk
    assert changes[3].after is None and changes[3].before["id"] == card.pk
    assert {c.actor_id for c in changes} == {participant.pk}


def test_change_revisions_follow_the_canvas_revision(journey, participant):
    stage = add_stage(canvas=journey, title="Aftercare", by=participant)
    rename(part=stage, version=stage.version, title="Follow-up", by=participant)
    journey.refresh_from_db()
    update_canvas(
        canvas=journey,
        revision=journey.revision,
        title="Visit",
        state="",
        description="",
        by=participant,
    )

    journey.refresh_from_db()
    revisions = list(CanvasChange.objects.filter(canvas=journey).values_list("revision", flat=True))
    assert revisions[-1] == journey.revision
    assert revisions == sorted(set(revisions))
    renamed = CanvasChange.objects.get(
        canvas=journey, part_type="stage", action=ChangeAction.EDITED
    )
    assert (renamed.before["title"], renamed.after["title"]) == ("Aftercare", "Follow-up")


def test_a_refused_edit_logs_nothing(journey, participant):
    card = add_card(
        canvas=journey,
        lane=cards_lane(journey),
        step=first_steps(journey)[0],
        text="A",
        by=participant,
    )
    before = CanvasChange.objects.count()
    with pytest.raises(Exception):  # noqa: B017 - StaleEdit; what matters is the rollback
        update_card(card=card, version=99, text="B", fields={}, by=participant)

    assert CanvasChange.objects.count() == before
    assert Card.objects.get(pk=card.pk).text == "A"


def test_the_change_reaches_the_canvas_group_after_commit(
    journey, participant, django_capture_on_commit_callbacks
):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(group_of(journey.pk), channel)

    with django_capture_on_commit_callbacks(execute=True):
        card = add_card(
            canvas=journey,
            lane=cards_lane(journey),
            step=first_steps(journey)[0],
            text="A",
            by=participant,
        )

    message = async_to_sync(layer.receive)(channel)
    event = message["event"]
    assert message["type"] == "canvas.change"
    assert event["action"] == "added" and event["part"] == {
        "type": "card",
        "id": card.pk,
        "card": card.pk,
    }
    assert event["actor"]["name"] == str(participant)
    assert event["revision"] == CanvasChange.objects.get(part_id=card.pk).revision
    assert event["url"] == f"/canvases/cards/{card.pk}/"
