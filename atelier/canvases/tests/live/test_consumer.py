"""The canvas socket: who may connect, what they receive, catch-up, presence, access lost."""

from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from atelier.asgi import application
from atelier.canvases.models import Card, Stage
from atelier.canvases.services.cards import add_card, update_card
from atelier.canvases.services.sharing import create_share_link
from atelier.canvases.services.structure import delete_stage
from atelier.canvases.services.undo import undo
from atelier.projects.models import ProjectMember
from tests.test_websocket import ALLOWED_ORIGIN, run_async

from .helpers import cards_lane, first_steps

pytestmark = pytest.mark.django_db(transaction=True)


def cookie_of(user) -> bytes:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def socket(canvas, user=None, query: str = "") -> WebsocketCommunicator:
    headers = [ALLOWED_ORIGIN] + ([(b"cookie", cookie_of(user))] if user else [])
    return WebsocketCommunicator(application, f"/ws/canvases/{canvas.pk}/{query}", headers=headers)


def add(journey, text, by) -> Card:
    return add_card(
        canvas=journey, lane=cards_lane(journey), step=first_steps(journey)[0], text=text, by=by
    )


async def receive(communicator: WebsocketCommunicator, kind: str) -> dict[str, Any]:
    """The next message of a kind (presence announcements may come in between)."""
    while True:
        message = await communicator.receive_json_from(timeout=5)
        if message["type"] == kind:
            return message


def test_a_colleagues_edit_reaches_the_open_editor(journey, participant, colleague):
    card = add(journey, "Fills in the form", participant)
    connection = socket(journey, colleague)

    async def scenario() -> dict[str, Any]:
        connected, _ = await connection.connect()
        assert connected
        hello = await receive(connection, "hello")
        assert hello["writable"] and hello["me"]["name"] == "Bram Peeters"
        await database_sync_to_async(update_card)(
            card=card, version=1, text="Fills in the web form", fields={}, by=participant
        )
        event = await receive(connection, "change")
        await connection.disconnect()
        return event

    event = run_async(scenario)
    assert event["action"] == "edited"
    assert event["part"]["id"] == card.pk and event["version"] == 2
    assert event["actor"]["name"] == str(participant)
    assert event["url"] == f"/canvases/cards/{card.pk}/"


def test_a_share_link_reader_gets_read_only_anonymous_updates(journey, participant):
    link = create_share_link(
        canvas=journey, label="Council", expires_at=None, password="", by=participant
    )
    connection = socket(journey, query=f"?share={link.token}")

    async def scenario() -> tuple[dict[str, Any], dict[str, Any]]:
        connected, _ = await connection.connect()
        assert connected
        hello = await receive(connection, "hello")
        await connection.send_json_to({"type": "focus", "card": 1})
        await database_sync_to_async(add)(journey, "Calls the desk", participant)
        event = await receive(connection, "change")
        await connection.disconnect()
        return hello, event

    hello, event = run_async(scenario)
    assert hello["writable"] is False
    assert event["action"] == "added" and event["actor"] == {"id": None, "name": ""}


def test_a_wrong_or_other_canvas_share_token_is_refused(journey, participant):
    async def scenario() -> bool:
        connected, _ = await socket(journey, query="?share=guessed").connect()
        return connected

    assert not run_async(scenario)


def test_a_lennik_participants_socket_is_closed_without_any_event(journey, participant, outsider):
    connection = socket(journey, outsider)

    async def scenario() -> tuple[bool, bool]:
        connected, _code = await connection.connect()
        await database_sync_to_async(add)(journey, "Calls the desk", participant)
        return connected, await connection.receive_nothing(timeout=0.3)

    connected, nothing = run_async(scenario)
    assert not connected  # refused during the handshake: the page never gets an accept
    assert nothing


def test_nobody_signed_in_is_refused(journey):
    async def scenario() -> bool:
        connected, _ = await socket(journey).connect()
        return connected

    assert not run_async(scenario)


def test_a_reconnecting_editor_catches_up_on_what_it_missed(journey, participant, colleague):
    journey.refresh_from_db()
    seen = journey.revision
    first = add(journey, "One", participant)
    update_card(card=first, version=1, text="One, changed", fields={}, by=participant)
    connection = socket(journey, colleague)

    async def scenario() -> list[dict[str, Any]]:
        await connection.connect()
        await receive(connection, "hello")
        await connection.send_json_to({"type": "catch_up", "since": seen})
        events = [await receive(connection, "change") for _ in range(2)]
        nothing_more = await connection.receive_nothing(timeout=0.3)
        await connection.disconnect()
        assert nothing_more
        return events

    events = run_async(scenario)
    assert [(e["action"], e["revision"]) for e in events] == [
        ("added", seen + 1),
        ("edited", seen + 2),
    ]


def test_presence_shows_who_is_here_and_which_card_they_edit(journey, participant, colleague):
    card = add(journey, "Fills in the form", participant)
    anna, bram = socket(journey, participant), socket(journey, colleague)

    async def scenario() -> tuple[dict, dict, dict, dict]:
        await anna.connect()
        await receive(anna, "hello")
        await bram.connect()
        await receive(bram, "hello")
        anna_sees = await receive(anna, "presence")
        bram_sees = await receive(bram, "presence")
        await anna.send_json_to({"type": "focus", "card": card.pk})
        focus = await receive(bram, "focus")
        await anna.disconnect()
        left = await receive(bram, "left")
        await bram.disconnect()
        return anna_sees, bram_sees, focus, left

    anna_sees, bram_sees, focus, left = run_async(scenario)
    assert anna_sees["person"]["name"] == "Bram Peeters"
    assert bram_sees["person"]["name"] == str(participant)
    assert focus["card"] == card.pk and focus["channel"] == bram_sees["person"]["channel"]
    assert left["channel"] == bram_sees["person"]["channel"]


def test_access_is_checked_again_on_every_message(journey, participant, colleague):
    connection = socket(journey, colleague)

    async def scenario() -> dict[str, Any]:
        await connection.connect()
        await receive(connection, "hello")
        await database_sync_to_async(ProjectMember.objects.filter(user=colleague).delete)()
        await connection.send_json_to({"type": "ping"})
        return await connection.receive_output(timeout=5)

    closed = run_async(scenario)
    assert closed == {"type": "websocket.close", "code": 4403}


def test_each_socket_says_it_is_still_here_every_heartbeat(
    journey, participant, colleague, settings
):
    settings.CANVAS_PRESENCE_HEARTBEAT_SECONDS = 0.2
    link = create_share_link(
        canvas=journey, label="Council", expires_at=None, password="", by=participant
    )
    anna, bram = socket(journey, participant), socket(journey, colleague)
    reader = socket(journey, query=f"?share={link.token}")

    async def scenario() -> tuple[list[dict], list[dict]]:
        await anna.connect()
        me = (await receive(anna, "hello"))["me"]
        await reader.connect()
        await receive(reader, "hello")
        await bram.connect()
        await receive(bram, "hello")
        # Bram hears of Anna from her answer to his join, then again from each of her beats.
        heard = [await receive(bram, "presence") for _ in range(3)]
        # Anna never hears of herself, nor of the anonymous reader.
        anna_heard = [await receive(anna, "presence") for _ in range(2)]
        for communicator in (anna, bram, reader):
            await communicator.disconnect()
        assert all(person["person"]["channel"] == me["channel"] for person in heard)
        return heard, anna_heard

    heard, anna_heard = run_async(scenario)
    assert {message["person"]["name"] for message in heard} == {str(participant)}
    assert {message["person"]["name"] for message in anna_heard} == {"Bram Peeters"}


def test_a_share_link_reader_sends_no_heartbeat(journey, participant, colleague, settings):
    settings.CANVAS_PRESENCE_HEARTBEAT_SECONDS = 0.1
    link = create_share_link(
        canvas=journey, label="Council", expires_at=None, password="", by=participant
    )
    bram, reader = socket(journey, colleague), socket(journey, query=f"?share={link.token}")

    async def scenario() -> bool:
        await bram.connect()
        await receive(bram, "hello")
        await reader.connect()
        await receive(reader, "hello")
        quiet = await bram.receive_nothing(timeout=0.5)
        await reader.disconnect()
        await bram.disconnect()
        return quiet

    assert run_async(scenario)


def test_an_undone_stage_delete_reaches_the_others(journey, participant, colleague):
    stage = Stage.objects.filter(canvas=journey).order_by("position")[1]
    stage_id = stage.pk
    delete_stage(stage=stage, by=participant)
    connection = socket(journey, colleague)

    async def scenario() -> dict[str, Any]:
        await connection.connect()
        await receive(connection, "hello")
        await database_sync_to_async(undo)(canvas=journey, by=participant)
        event = await receive(connection, "change")
        await connection.disconnect()
        return event

    event = run_async(scenario)
    assert event["action"] == "restored" and event["origin"] == "undo"
    assert event["part"]["type"] == "stage" and event["part"]["id"] == stage_id
    assert event["url"] == ""  # the open editors fetch the whole board anew
