import pytest
from django.test import Client

from atelier.accounts.services import create_api_token
from atelier.advice.models import Question, QuestionStatus

from .factories import question, topic


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def lennik_question(outsider):
    return question(outsider, subject="Leefloon in Lennik")


def test_list_shows_own_questions_in_count_items_shape(outsider, participant, lennik_question):
    question(participant, subject="Van Geel")
    body = signed_in(outsider).get("/api/v1/questions").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["subject"] == "Leefloon in Lennik"
    assert item["status"] == QuestionStatus.NEW
    assert item["url"].startswith("http") and item["url"].endswith(f"/advice/{item['id']}/")


def test_coordinator_lists_the_whole_organisation(coordinator, participant, lennik_question):
    question(participant, subject="Van Geel")
    body = signed_in(coordinator).get("/api/v1/questions").json()
    assert [item["subject"] for item in body["items"]] == ["Van Geel"]


def test_other_organisations_question_is_404_in_the_error_shape(coordinator, lennik_question):
    _token, raw = create_api_token(user=coordinator, name="tests")
    response = Client().get(
        f"/api/v1/questions/{lennik_question.pk}", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 404
    assert set(response.json()) == {"detail", "problems"}


def test_detail_hides_internal_notes(outsider, trainer, lennik_question):
    from atelier.advice import services

    services.reply(question=lennik_question, by=trainer, body="intern", internal=True)
    services.reply(question=lennik_question, by=trainer, body="publiek")
    body = signed_in(outsider).get(f"/api/v1/questions/{lennik_question.pk}").json()
    assert [m["body"] for m in body["messages"]] == ["publiek"]
    assert body["status"] == QuestionStatus.ANSWERED


def test_ask_through_the_api_with_a_token(outsider):
    social = topic()
    _token, raw = create_api_token(user=outsider, name="tests")
    response = Client().post(
        "/api/v1/questions",
        {"topic": social.slug, "subject": "Via de API", "text": "Mag dat?"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 201, response.content
    asked = Question.objects.get()
    assert response.json()["id"] == asked.pk and asked.organisation == outsider.organisation


def test_ask_refuses_unknown_topic_and_staff(outsider, trainer):
    response = signed_in(outsider).post(
        "/api/v1/questions",
        {"topic": "bestaat-niet", "subject": "x", "text": "y"},
        content_type="application/json",
    )
    assert response.status_code == 422
    response = signed_in(trainer).post(
        "/api/v1/questions",
        {"topic": topic().slug, "subject": "x", "text": "y"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert set(response.json()) == {"detail", "problems"}


def test_anonymous_gets_401(client):
    assert client.get("/api/v1/questions").status_code == 401
