"""`GET /api/v1/search`: the page's results and visibility, as JSON."""

import pytest

from atelier.api.tests.test_workspace_api import API, bearer
from atelier.knowledge.models import Audience, Kind
from atelier.projects.services import open_project
from atelier.search import engine

from .conftest import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://atelier.example.org"


def test_anonymous_caller_gets_public_items_with_absolute_urls(client):
    public = make_item("Leefloon voor iedereen", "Leefloon.", kind=Kind.FAQ)
    make_item("Leefloon voor leden", "Leefloon.", audience=Audience.MEMBERS)
    body = client.get(f"{API}/search", {"q": "leefloon"}).json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["id"] == public.pk
    assert item["type"] == "knowledge"
    assert item["kind"] == "faq"
    assert item["audience"] == "public"
    assert item["url"] == f"https://atelier.example.org/knowledge/{public.pk}/"
    assert "<mark>" in item["snippet"]


def test_token_caller_gets_what_they_may_see(client, participant, outsider):
    make_item("Leefloon voor leden", "Leefloon.", audience=Audience.MEMBERS)
    open_project(title="Leefloon sneller toekennen", by=outsider)
    body = client.get(f"{API}/search", {"q": "leefloon"}, **bearer(participant)).json()
    assert [item["title"] for item in body["items"]] == ["Leefloon voor leden"]
    theirs = client.get(f"{API}/search", {"q": "leefloon", "type": "project"}, **bearer(outsider))
    assert [item["title"] for item in theirs.json()["items"]] == ["Leefloon sneller toekennen"]


def test_filters_and_paging(client):
    for number in range(5):
        make_item(f"Klimaat {number}", "Klimaat.", kind=Kind.NEWS, topics=("climate",))
    make_item("Klimaatwet", "Klimaat.", kind=Kind.LEGAL_NOTE)
    body = client.get(
        f"{API}/search",
        {"q": "klimaat", "kind": "news", "topic": "climate", "limit": 2, "offset": 4},
    ).json()
    assert (body["count"], body["capped"]) == (5, False)
    assert len(body["items"]) == 1


def test_a_broad_query_says_its_count_is_capped(client, monkeypatch):
    monkeypatch.setattr(engine, "CAP", 2)
    for number in range(3):
        make_item(f"Klimaat {number}", "Klimaat.")
    body = client.get(f"{API}/search", {"q": "klimaat"}).json()
    assert (body["count"], body["capped"], len(body["items"])) == (2, True, 2)


def test_refused_token_is_a_401_in_the_error_shape(client):
    response = client.get(f"{API}/search", {"q": "x"}, HTTP_AUTHORIZATION="Bearer nonsense")
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "problems"}


@pytest.mark.parametrize(
    "params", [{"q": "x", "limit": 101}, {"q": "x", "offset": -1}, {"q": "x", "type": "nope"}]
)
def test_out_of_bounds_parameters_are_422(client, params):
    response = client.get(f"{API}/search", params)
    assert response.status_code == 422
    assert response.json()["problems"]


def test_typo_correction_is_reported(client):
    make_item("Subsidie voor jeugdwerk", "Subsidie.")
    body = client.get(f"{API}/search", {"q": "subsidei"}).json()
    assert body["count"] == 1
    assert body["corrections"] == {"subsidei": ["subsidie"]}


def test_the_schema_documents_the_search_endpoint():
    from atelier.api.api import api

    schema = api.get_openapi_schema()
    operation = schema["paths"]["/api/v1/search"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"q", "type", "topic", "kind", "year", "limit", "offset"} <= names
    assert schema["components"]["schemas"]["DocumentType"]["enum"] == [
        "knowledge",
        "technique",
        "course",
        "organisation",
        "project",
        "canvas",
    ]
