"""Share-link passwords: parallel guesses cannot beat the lock, which spares the recipient."""

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from atelier.canvases.models import Card, LaneKind, ShareLink
from atelier.canvases.services.sharing import create_share_link

from .factories import make_journey, make_project

PASSWORD = "desk-2440"
WRONG = "That is not the password of this link."
LOCKED = "Too many wrong passwords"
SLOWED = "Try again in a minute"


@pytest.fixture(autouse=True)
def _behind_one_proxy(settings):
    # Tests speak as several clients through X-Forwarded-For, as behind the README's proxy.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    cache.clear()


def make_locked_link(participant) -> ShareLink:
    journey = make_journey(make_project(participant), participant, stages=1, steps=1)
    return create_share_link(
        canvas=journey, label="Steering group", expires_at=None, password=PASSWORD, by=participant
    )


def card_text(link: ShareLink) -> str:
    return Card.objects.filter(canvas=link.canvas, lane__kind=LaneKind.CARDS)[0].text


class Visitor:
    """A browser-like client of the live server: its own cookies, its own address."""

    def __init__(self, base_url: str, address: str) -> None:
        self.base_url = base_url
        self.address = address
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def _open(self, path: str, data: dict[str, str] | None = None) -> str:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 (the live server's http address)
            self.base_url + path,
            data=body,
            headers={"X-Forwarded-For": self.address, "Accept-Language": "en"},
        )
        for _attempt in range(50):
            try:
                with self.opener.open(request, timeout=60) as response:  # noqa: S310 (local)
                    return response.read().decode()
            except (ConnectionError, urllib.error.URLError):
                # The test server's listen queue holds five: the rest retry, as attackers do.
                time.sleep(0.05)
        raise AssertionError("the live server did not answer")

    def open_form(self, path: str) -> str:
        page = self._open(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match
        return match.group(1)

    def post(self, path: str, csrf: str, password: str) -> str:
        return self._open(path, {"csrfmiddlewaretoken": csrf, "password": password})


def test_forty_parallel_guesses_cannot_open_a_link_and_the_recipient_still_can(
    live_server, participant, settings
):
    # The real hasher: checking takes long enough that a count read before the check and
    # raised after it lets most parallel guesses through.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    link = make_locked_link(participant)
    path = reverse("shared:view", args=[link.token])
    attacker = Visitor(live_server.url, "203.0.113.66")
    csrf = attacker.open_form(path)
    start = threading.Barrier(40)
    answers: list[str] = []

    def guess(n: int) -> None:
        start.wait()
        answers.append(attacker.post(path, csrf, f"guess-{n}"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(answers) == 40
    assert sum(WRONG in answer for answer in answers) <= 5
    assert sum(LOCKED in answer for answer in answers) >= 35
    # The attacker's client is locked even for the right password ...
    assert card_text(link) not in attacker.post(path, csrf, PASSWORD)
    # ... while the recipient, elsewhere, opens the link at once.
    recipient = Visitor(live_server.url, "198.51.100.7")
    assert card_text(link) in recipient.post(path, recipient.open_form(path), PASSWORD)


def post_as(address: str, path: str, password: str, client: Client | None = None) -> str:
    client = client or Client()
    with translation.override("en"):
        response = client.post(
            path, {"password": password}, HTTP_X_FORWARDED_FOR=address, follow=True
        )
    return response.content.decode()


def test_a_spread_out_attack_slows_the_link_down_but_the_recipient_gets_in(participant):
    link = make_locked_link(participant)
    path = reverse("shared:view", args=[link.token])
    for n in range(20):  # twenty clients, one wrong try each
        assert WRONG in post_as(f"203.0.113.{n + 1}", path, "guess")

    attacker = Client()
    first = post_as("203.0.113.200", path, "guess", attacker)
    second = post_as("203.0.113.200", path, "guess-again", attacker)
    recipient_page = post_as("198.51.100.7", path, PASSWORD)

    assert WRONG in first
    assert SLOWED in second and WRONG not in second
    assert card_text(link) in recipient_page
