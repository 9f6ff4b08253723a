"""The ASGI stack: the ping websocket and the channel layer behind live editing."""

import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from atelier.asgi import application

from .manage_process import manage

ALLOWED_ORIGIN = (b"origin", b"http://localhost")


def run_async(function: Callable[..., Awaitable[Any]], *args: Any) -> Any:
    """async_to_sync in a thread of its own: the browser tests keep an event loop running in
    the test thread, where async_to_sync refuses to run."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(async_to_sync(function), *args).result(timeout=30)


async def ping(headers: list[tuple[bytes, bytes]]) -> tuple[bool, object]:
    communicator = WebsocketCommunicator(application, "/ws/ping/", headers=headers)
    connected, _subprotocol = await communicator.connect()
    if not connected:
        return False, None
    await communicator.send_json_to({"type": "ping"})
    answer = await communicator.receive_json_from(timeout=5)
    await communicator.disconnect()
    return True, answer


@pytest.mark.django_db(transaction=True)
def test_ping_is_answered_with_pong():
    connected, answer = run_async(ping, [ALLOWED_ORIGIN])

    assert connected
    assert answer == {"type": "pong"}


@pytest.mark.django_db(transaction=True)
def test_other_messages_get_no_answer():
    async def send_other() -> bool:
        communicator = WebsocketCommunicator(application, "/ws/ping/", headers=[ALLOWED_ORIGIN])
        await communicator.connect()
        await communicator.send_json_to({"type": "hello"})
        nothing = await communicator.receive_nothing(timeout=0.2)
        await communicator.disconnect()
        return nothing

    assert run_async(send_other)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "headers",
    [[(b"origin", b"https://evil.example.com")], []],
    ids=["foreign origin", "no origin"],
)
def test_websocket_refuses_pages_of_other_sites(headers):
    connected, _answer = run_async(ping, headers)

    assert not connected


def test_channel_layer_round_trips_a_message():
    async def round_trip() -> dict:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "canvas.changed", "canvas": 7})
        return await layer.receive(channel)

    assert run_async(round_trip) == {"type": "canvas.changed", "canvas": 7}


def test_channel_layer_is_redis_when_redis_url_is_set():
    layer = type(get_channel_layer())
    name = f"{layer.__module__}.{layer.__qualname__}"

    if os.environ.get("REDIS_URL"):
        assert name == "channels_redis.core.RedisChannelLayer"
    else:
        assert name == "channels.layers.InMemoryChannelLayer"


def test_settings_choose_redis_for_layer_and_cache_from_redis_url():
    code = (
        "from django.conf import settings;"
        "print(settings.CHANNEL_LAYERS['default']['BACKEND']);"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    result = manage("shell", "--no-imports", "-c", code, REDIS_URL="redis://127.0.0.1:6379/9")

    assert result.stdout.split() == [
        "channels_redis.core.RedisChannelLayer",
        "django.core.cache.backends.redis.RedisCache",
    ], result.stderr
