"""The knowledge API: what each caller may read, filters, paging, absolute URLs, the contract."""

import pytest
from django.test import Client

from atelier.accounts.services import create_api_token
from atelier.api.api import api
from atelier.knowledge.models import Audience, Kind, Status
from atelier.knowledge.services import add_attachment

from .factories import make_item, pdf_bytes

pytestmark = pytest.mark.django_db
API = "/api/v1/knowledge"
SITE = "https://atelier.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE + "/"
    settings.LANGUAGE_CODE = "en"


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def items():
    made = {audience: make_item(f"API {audience}", audience=audience) for audience in Audience}
    made["draft"] = make_item("API draft", status=Status.DRAFT)
    return made


def _titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", {"API public"}),
        ("participant", {"API public", "API members"}),
        ("coordinator", {"API public", "API members"}),
        ("outsider_of_non_member", {"API public"}),
        ("trainer", {"API public", "API members", "API staff", "API draft"}),
    ],
)
def test_each_caller_lists_only_what_they_may_read(
    client, items, participant, coordinator, outsider, trainer, who, expected
):
    outsider.organisation.is_member = False
    outsider.organisation.save()
    people = {
        "participant": participant,
        "coordinator": coordinator,
        "outsider_of_non_member": outsider,
        "trainer": trainer,
    }
    headers = bearer(people[who]) if who in people else {}
    response = client.get(API, **headers)
    assert _titles(response) == expected
    assert response.json()["count"] == len(expected)
    for key, item in items.items():
        detail = client.get(f"{API}/{item.pk}", **headers)
        assert detail.status_code == (200 if item.title in expected else 404), key


def test_a_session_counts_like_a_token(client, participant, items):
    client.force_login(participant)
    assert _titles(client.get(API)) == {"API public", "API members"}


def test_an_invalid_token_is_refused_not_read_as_anonymous(client, items):
    response = client.get(API, HTTP_AUTHORIZATION="Bearer atl_not-a-real-token")
    assert response.status_code == 401
    assert set(response.json()) == {"detail", "problems"}


def test_filters_by_topic_and_kind(client):
    make_item("Leefloon", kind=Kind.FAQ, topics=("social-policy",))
    make_item("Begroting", kind=Kind.NEWS, topics=("finance",))
    assert _titles(client.get(API, {"topic": "finance"})) == {"Begroting"}
    assert _titles(client.get(API, {"kind": "faq"})) == {"Leefloon"}
    assert _titles(client.get(API, {"kind": "faq", "topic": "finance"})) == set()
    refused = client.get(API, {"kind": "poem"})
    assert refused.status_code == 422 and refused.json()["problems"]


def test_paging_is_bounded_and_count_is_the_total(client):
    for number in range(5):
        make_item(f"Item {number}")
    page = client.get(API, {"limit": 2, "offset": 1}).json()
    assert page["count"] == 5 and len(page["items"]) == 2
    assert client.get(API, {"limit": 1001}).status_code == 422
    assert client.get(API, {"offset": -1}).status_code == 422


def test_urls_are_absolute_and_the_attachment_url_works_with_the_token(client, participant):
    item = make_item("Met bijlage", audience=Audience.MEMBERS)
    add_attachment(item=item, name="nota.pdf", content=pdf_bytes("Bijlage"), by=None)
    headers = bearer(participant)
    listed = client.get(API, **headers).json()["items"][0]
    assert listed["url"] == f"{SITE}/knowledge/{item.pk}/"
    detail = client.get(f"{API}/{item.pk}", **headers).json()
    assert detail["topics"] == [{"slug": "social-policy", "name": "Social policy and OCMW"}]
    attachment = detail["attachments"][0]
    assert attachment["url"].startswith(SITE + "/knowledge/")
    path = attachment["url"].removeprefix(SITE)
    assert Client().get(path, **headers).content.startswith(b"%PDF")
    assert Client().get(path).status_code == 404  # members only: not for anonymous callers


def test_detail_carries_markdown_and_sanitised_html(client):
    item = make_item(body="## Kop\n\n<script>alert(1)</script>")
    detail = client.get(f"{API}/{item.pk}").json()
    assert detail["body"].startswith("## Kop")
    assert "<h2>Kop</h2>" in detail["body_html"] and "<script" not in detail["body_html"]


def test_the_schema_documents_the_knowledge_endpoints_and_enums():
    schema = api.get_openapi_schema()
    listing = schema["paths"]["/api/v1/knowledge"]["get"]
    detail = schema["paths"]["/api/v1/knowledge/{item_id}"]["get"]
    assert 404 in detail["responses"] and 422 in listing["responses"]
    parameters = {parameter["name"]: parameter for parameter in listing["parameters"]}
    assert {"topic", "kind", "limit", "offset"} <= set(parameters)
    components = schema["components"]["schemas"]
    # Found through its reference: another app's enum of the same name would rename it.
    kind_ref = parameters["kind"]["schema"]["anyOf"][0]["$ref"].rsplit("/", 1)[-1]
    assert set(components[kind_ref]["enum"]) == set(Kind.values)
    page = components["KnowledgePage"]
    assert page["required"] == ["count", "items"]


def test_the_list_query_count_does_not_grow_with_items(
    client, participant, django_assert_max_num_queries
):
    headers = bearer(participant)
    make_item("Eerste", topics=("finance", "digital"))
    with django_assert_max_num_queries(20) as few:
        client.get(API, **headers)
    for number in range(15):
        make_item(f"Item {number}", topics=("finance", "housing"), author=participant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(API, **headers)
    assert response.json()["count"] == 16
