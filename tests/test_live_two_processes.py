"""Live co-editing across processes: two daphne servers share one Redis; an edit made through
one reaches a socket open on the other."""

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import requests
from django.db import connection
from django.test import Client

from atelier.canvases.models import Canvas, Card
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.tests.factories import make_project
from atelier.canvases.tests.live.helpers import cards_lane, first_steps
from atelier.method.models import ArtefactKind

from .live_servers import asgi_servers, database_url, private_redis
from .test_websocket import run_async
from .websocket_client import WebSocket

pytestmark = pytest.mark.django_db(transaction=True)


@contextmanager
def shared_redis() -> Iterator[str]:
    """The run's Redis (its own database number) when REDIS_URL is set, else a private one."""
    configured = os.environ.get("REDIS_URL", "")
    if configured:
        yield configured.rsplit("/", 1)[0] + "/14" if configured.count("/") > 2 else configured
        return
    with private_redis() as url:
        yield url


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def journey_with_a_card(participant) -> tuple[Canvas, Card]:
    canvas = create_canvas(
        project=make_project(participant), kind=ArtefactKind.JOURNEY, title="Visit", by=participant
    )
    card = add_card(
        canvas=canvas,
        lane=cards_lane(canvas),
        step=first_steps(canvas)[0],
        text="Waits",
        by=participant,
    )
    return canvas, card


def edit_through(port: int, session: str, card: Card, text: str) -> int:
    """Save the card's text through the editor's plain form on the server at `port` (pages
    need collected static files there, so the test posts the form without opening it)."""
    secret = "x" * 32  # any well-formed CSRF secret, sent as cookie and header alike
    http = requests.Session()
    http.cookies.set("sessionid", session)
    http.cookies.set("csrftoken", secret)
    response = http.post(
        f"http://127.0.0.1:{port}/canvases/cards/{card.pk}/edit/",
        data={"text": text, "version": card.version},
        headers={"X-CSRFToken": secret},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code


async def watch_and_edit(
    ports: list[int], session: str, canvas: Canvas, card: Card
) -> tuple[dict[str, Any], int]:
    cookie = {"Cookie": f"sessionid={session}"}
    watcher = await WebSocket.connect("127.0.0.1", ports[1], f"/ws/canvases/{canvas.pk}/", cookie)
    hello = await watcher.receive_json()
    assert hello["type"] == "hello"
    loop = asyncio.get_running_loop()
    status = await loop.run_in_executor(
        None, edit_through, ports[0], session, card, "Asks at the desk"
    )
    while (event := await watcher.receive_json(timeout=10))["type"] != "change":
        pass
    await watcher.close()
    return event, status


def test_an_edit_through_one_process_reaches_a_socket_on_the_other(participant):
    canvas, card = journey_with_a_card(participant)
    session = session_of(participant)

    with (
        shared_redis() as redis_url,
        asgi_servers(
            2, redis_url=redis_url, database=database_url(connection.settings_dict)
        ) as ports,
    ):
        event, status = run_async(watch_and_edit, ports, session, canvas, card)

    assert status == 302
    assert Card.objects.get(pk=card.pk).text == "Asks at the desk"
    assert event["action"] == "edited" and event["part"]["id"] == card.pk
    assert event["actor"]["name"] == str(participant)


def test_a_page_stored_by_one_process_is_renewed_by_an_edit_through_the_other(participant):
    """The project page cache as deployed: two processes, one Redis, no stale editor."""
    canvas, card = journey_with_a_card(participant)
    session = session_of(participant)
    settings = {"PROJECT_PAGE_CACHE_SECONDS": "60", "DEBUG": "true"}

    with (
        shared_redis() as redis_url,
        asgi_servers(
            2, redis_url=redis_url, database=database_url(connection.settings_dict), env=settings
        ) as ports,
    ):

        def editor(port: int) -> requests.Response:
            url = f"http://127.0.0.1:{port}/canvases/{canvas.pk}/"
            return requests.get(url, cookies={"sessionid": session}, timeout=30)

        first, second = editor(ports[0]), editor(ports[0])
        status = edit_through(ports[1], session, card, "Asks at the desk")
        after = editor(ports[0])

    assert "X-Page-Cache" not in first.headers and second.headers["X-Page-Cache"] == "hit"
    assert status == 302
    assert "X-Page-Cache" not in after.headers and "Asks at the desk" in after.text
