"""GET /api/v1/tenders: the tenders a person may see, with their ranking once scored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.accounts.services import create_api_token
from atelier.guidance.services import scoring

from .test_scoring_services import (
    add_bids,
    by_juror,
    make_agency,
    make_tender,
    score_everything,
    seat_jury,
    tender_with_bids,
)

API = "/api/v1/tenders"


@pytest.fixture
def agency(db):
    return make_agency()


@pytest.fixture
def tender(project, participant):
    return tender_with_bids(project, participant)


@pytest.fixture
def jury(tender, participant, coordinator, agency, trainer):
    return seat_jury(tender, participant, coordinator, agency, trainer)


def bearer(user):
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def docx_path(tender):
    return reverse("guidance:tender_docx", args=[tender.pk])


def test_tenders_carry_their_project_value_and_an_empty_ranking_before_scoring(
    client, tender, jury, participant
):
    body = client.get(API, **bearer(participant)).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["id"] == tender.pk
    assert item["title"] == "A service designer for the social house"
    assert item["project"] == {"id": tender.project.pk, "title": tender.project.title}
    assert item["organisation"] == tender.project.organisation.name
    assert item["estimated_value"] == "60000.00"
    assert item["procedure"] == "negotiated_without_publication"
    assert item["ranking"] == []
    assert item["docx_url"] == "http://testserver" + docx_path(tender)


def test_the_ranking_appears_once_every_juror_submitted(client, tender, jury, participant):
    for index, juror in enumerate(jury):
        score_everything(juror, by_juror(index))
        scoring.submit_scores(juror=juror, by=juror.person)

    item = client.get(API, **bearer(participant)).json()["items"][0]

    assert item["ranking"] == [
        {"bidder": "Beta Studio", "total": "83.47", "rank": 1},
        {"bidder": "Alpha Design", "total": "77.35", "rank": 2},
        {"bidder": "Gamma Lab", "total": "58.01", "rank": 3},
    ]


def test_a_juror_sees_the_tender_of_their_jury(client, tender, jury, agency):
    body = client.get(API, **bearer(agency)).json()
    assert [item["id"] for item in body["items"]] == [tender.pk]


def test_an_outsider_sees_no_tenders(client, tender, jury, outsider):
    assert client.get(API, **bearer(outsider)).json() == {"count": 0, "items": []}


def test_without_a_token_the_answer_is_401(client, tender):
    assert client.get(API).status_code == 401


def test_the_session_works_too(client, tender, participant):
    client.force_login(participant)
    assert client.get(API).json()["count"] == 1


def test_the_number_of_queries_does_not_grow_with_tenders(client, project, participant, jury):
    headers = bearer(participant)
    client.get(API, **headers)
    with CaptureQueriesContext(connection) as one:
        client.get(API, **headers)
    for number in range(3):
        add_bids(make_tender(project, participant, title=f"Tender {number}"), participant)
    with CaptureQueriesContext(connection) as four:
        assert client.get(API, **headers).json()["count"] == 4
    assert len(four) <= len(one)
