"""The public page cache: served to anonymous visitors only, renewed by every change."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.academy.tests.factories import make_edition
from atelier.lib.page_cache import public_pages
from atelier.members.models import Organisation
from conftest import make_municipality, make_province

pytestmark = pytest.mark.django_db(transaction=True)  # bumps happen when changes commit

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    public_pages.bump()  # nothing stored by an earlier test (Redis outlives a test)


@pytest.fixture
def geel(db):
    return make_municipality("13008", "Geel", make_province("10000"), inhabitants=41000)


def visitor() -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def test_a_second_visitor_gets_the_stored_page_with_a_token_of_their_own(geel):
    first, second = visitor(), visitor()
    url = reverse("members:list")
    page = first.get(url)
    assert "X-Page-Cache" not in page
    with CaptureQueriesContext(connection) as queries:
        again = second.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert "Geel" in again.content.decode()
    token = TOKEN.search(again.content.decode()).group(1)
    assert token != TOKEN.search(page.content.decode()).group(1)
    assert "\x00" not in again.content.decode()
    # The token works for this visitor: switching the language is not refused.
    switched = second.post(
        reverse("set_language"), {"language": "nl", "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302


def test_a_saved_change_renews_the_page(geel):
    url = reverse("members:list")
    visitor().get(url)
    Organisation.objects.filter(pk=geel.pk).update(name_nl="Geel-Centrum")  # no signal
    assert "Geel-Centrum" not in visitor().get(url).content.decode()  # stored until a change
    geel.refresh_from_db()
    geel.save()  # a save in the registry, as a command or the admin makes it
    page = visitor().get(url)
    assert "X-Page-Cache" not in page
    assert "Geel-Centrum" in page.content.decode()


def test_any_write_request_renews_every_page(geel):
    url = reverse("members:list")
    visitor().get(url)
    Organisation.objects.filter(pk=geel.pk).update(name_nl="Geel-Centrum")
    visitor().post(reverse("set_language"), {"language": "en"})  # a write of any kind
    assert "Geel-Centrum" in visitor().get(url).content.decode()


def test_signed_in_people_and_waiting_messages_never_get_the_stored_page(geel, participant):
    url = reverse("members:list")
    visitor().get(url)
    person = visitor()
    person.force_login(participant)
    assert "X-Page-Cache" not in person.get(url)
    public_pages.bump()
    assert reverse("account_logout") in person.get(url).content.decode()  # signed in
    # What the signed-in person saw was not stored for the anonymous visitors after them.
    anonymous = visitor().get(url)
    assert "X-Page-Cache" not in anonymous
    assert reverse("account_logout") not in anonymous.content.decode()
    visitor().get(url)
    told = visitor()  # a visitor with a message waiting in the messages cookie
    storage = CookieStorage(RequestFactory().get("/"))
    told.cookies["messages"] = storage._encode([Message(constants.SUCCESS, "Thank you!")])
    page = told.get(url)
    assert "X-Page-Cache" not in page and "Thank you!" in page.content.decode()
    assert "Thank you!" not in visitor().get(url).content.decode()


def test_language_host_and_htmx_each_have_their_own_page(geel):
    url = reverse("members:list")
    visitor().get(url)
    assert "X-Page-Cache" not in Client(HTTP_ACCEPT_LANGUAGE="nl").get(url)
    assert "X-Page-Cache" not in visitor().get(url, HTTP_HOST="127.0.0.1")
    partial = visitor().get(url, HTTP_HX_REQUEST="true")
    assert "X-Page-Cache" not in partial
    assert "<html" not in partial.content.decode()
    assert visitor().get(url, HTTP_HX_REQUEST="true")["X-Page-Cache"] == "hit"


def test_the_api_answers_with_urls_of_the_host_asked():
    edition = make_edition()
    url = "/api/v1/editions"
    visitor().get(url, HTTP_HOST="localhost:8000")
    other = visitor().get(url, HTTP_HOST="127.0.0.1:8001")
    assert "X-Page-Cache" not in other
    assert (
        other.json()["items"][0]["url"] == f"http://127.0.0.1:8001/academy/editions/{edition.pk}/"
    )
    again = visitor().get(url, HTTP_HOST="127.0.0.1:8001")
    assert again["X-Page-Cache"] == "hit" and again.json() == other.json()
    assert "X-Page-Cache" not in visitor().get(url, HTTP_AUTHORIZATION="Bearer x")


def test_off_by_default_without_a_shared_cache(settings, geel):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    url = reverse("members:list")
    visitor().get(url)
    assert "X-Page-Cache" not in visitor().get(url)


def test_every_token_of_a_stored_page_is_the_readers_own():
    """Each form of a page carries a differently masked token: none may outlive its render."""
    from django.middleware.csrf import _unmask_cipher_token, get_token

    from atelier.lib.page_cache import tokens

    writer = RequestFactory().get("/")
    first, second = get_token(writer), get_token(writer)
    assert first != second
    body = f'<input value="{first}"><div data-csrf="{second}">{"a" * 64}</div>'.encode()
    stored = tokens.without_tokens(writer, body)
    assert first.encode() not in stored and second.encode() not in stored
    assert b"a" * 64 in stored  # other 64-character strings are left alone
    reader = RequestFactory().get("/")
    served = tokens.with_token(reader, stored).decode()
    theirs = re.search(r'value="([^"]+)"', served).group(1)
    assert _unmask_cipher_token(theirs) == reader.META["CSRF_COOKIE"]
    assert served.count(theirs) == 2
