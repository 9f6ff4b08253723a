"""GET /api/v1/techniques: the public card list in the reader's language."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from ninja.testing import TestClient

from atelier.method.api import router
from atelier.method.models import Technique

pytestmark = pytest.mark.django_db


def _mounted() -> bool:
    try:
        reverse("api-v1:list_techniques")
    except NoReverseMatch:
        return False
    return True


def test_router_lists_published_techniques_with_every_field():
    Technique.objects.filter(slug="brainstorm").update(is_published=False)

    with translation.override("en"):
        body = TestClient(router).get("/techniques").json()

    assert body["count"] == Technique.objects.filter(is_published=True).count()
    persona = next(item for item in body["items"] if item["slug"] == "personas")
    assert persona["name"] == "Personas"
    assert persona["phase"] == {"slug": "define", "position": 2, "name": "Define"}
    assert persona["url"] == "/method/personas/"
    assert persona["produces"] == "persona"
    assert isinstance(persona["steps"], list) and len(persona["steps"]) >= 3
    assert "brainstorm" not in [item["slug"] for item in body["items"]]


def test_router_filters_by_phase_and_search():
    client = TestClient(router)

    with translation.override("en"):
        by_phase = client.get("/techniques?phase=define").json()
        by_search = client.get("/techniques?q=blueprint").json()

    assert {item["phase"]["slug"] for item in by_phase["items"]} == {"define"}
    assert "service-blueprint" in [item["slug"] for item in by_search["items"]]


@pytest.mark.skipif(not _mounted(), reason="the lead mounts the router at /api/v1/")
def test_api_switches_language_with_accept_language(client):
    english = client.get("/api/v1/techniques", HTTP_ACCEPT_LANGUAGE="en").json()
    dutch = client.get("/api/v1/techniques", HTTP_ACCEPT_LANGUAGE="nl").json()

    assert english["count"] == dutch["count"] >= 24
    english_names = {item["slug"]: item["name"] for item in english["items"]}
    dutch_names = {item["slug"]: item["name"] for item in dutch["items"]}
    assert english_names["customer-journey-map"] == "Customer journey map (as is)"
    assert dutch_names["customer-journey-map"] == "Klantreis (huidige situatie)"
