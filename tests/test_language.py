"""The interface speaks Dutch by default and English on request."""

import re

import pytest
from django.test import Client
from django.urls import reverse


def page_language(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "the page has no <html lang>"
    return match.group(1)


@pytest.mark.django_db
def test_home_page_is_dutch_by_default():
    response = Client().get(reverse("home"))

    assert response.status_code == 200
    assert page_language(response) == "nl"
    assert response["Content-Language"] == "nl"


@pytest.mark.django_db
def test_home_page_is_english_for_a_browser_that_asks_for_english():
    response = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get(reverse("home"))

    assert page_language(response) == "en"


@pytest.mark.django_db
def test_unsupported_language_falls_back_to_dutch():
    response = Client(HTTP_ACCEPT_LANGUAGE="de").get(reverse("home"))

    assert page_language(response) == "nl"


@pytest.mark.django_db
def test_language_switch_sets_english_for_later_pages():
    client = Client()

    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert page_language(client.get(reverse("home"))) == "en"
    assert page_language(client.get(reverse("members:list"))) == "en"


@pytest.mark.django_db
def test_language_switch_overrides_the_browser_and_switches_back():
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})

    assert page_language(client.get(reverse("home"))) == "nl"

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert page_language(client.get(reverse("home"))) == "en"


@pytest.mark.django_db
def test_language_switch_ignores_a_next_address_on_another_site():
    response = Client().post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example.com/"}
    )

    assert response["Location"] == "/"


@pytest.mark.django_db
def test_every_page_offers_the_language_switch():
    body = Client().get(reverse("home")).content.decode()

    assert f'action="{reverse("set_language")}"' in body
    assert 'value="en"' in body
    assert 'value="nl"' in body
