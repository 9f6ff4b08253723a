"""GET /api/v1/editions: the public catalogue as JSON."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.academy.models import Edition
from atelier.academy.tests.factories import make_course, make_edition, make_venue

BRUSSELS = ZoneInfo("Europe/Brussels")
pytestmark = pytest.mark.django_db


def get_editions(query: str = "") -> dict:
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/editions" + query)
    assert response.status_code == 200
    return response.json()


def test_editions_api_lists_the_catalogue_with_sessions_and_links(antwerp):
    start = datetime.datetime(2030, 5, 6, 9, tzinfo=BRUSSELS)
    edition = make_edition(
        make_course(2, title="Dag", title_en="Day"),
        starts=start,
        venue=make_venue(province=antwerp),
        price_member=Decimal("95.00"),
        capacity=16,
    )
    make_edition(status=Edition.Status.DRAFT)

    data = get_editions()

    assert data["count"] == 1
    item = data["items"][0]
    assert item["id"] == edition.pk
    assert item["course_title"] == "Day"
    assert item["level_number"] == 2
    assert item["level_name"] == edition.course.level.name_en
    assert item["language"] == "nl"
    assert item["price_member"] == "95.00"
    assert item["price_non_member"] == "0.00"
    assert item["seats_left"] == 16 and item["capacity"] == 16
    assert item["starts_at"].startswith("2030-05-06T07:00:00")
    assert item["sessions"] == [
        {
            "starts_at": item["sessions"][0]["starts_at"],
            "ends_at": item["sessions"][0]["ends_at"],
            "venue_name": "Stadhuis",
            "venue_address": "Markt 1, 2440 Geel",
            "online_url": None,
        }
    ]
    assert item["ical_url"] == "http://testserver" + reverse(
        "academy:edition_ical", args=[edition.pk]
    )
    assert item["url"] == "http://testserver" + reverse("academy:edition", args=[edition.pk])


def test_editions_api_filters_and_pages(antwerp):
    start = datetime.datetime(2030, 5, 6, 9, tzinfo=BRUSSELS)
    geel = make_venue(province=antwerp)
    for index in range(3):
        make_edition(make_course(1), starts=start + datetime.timedelta(days=index), venue=geel)
    make_edition(make_course(2), starts=start.replace(month=6), language="en")

    assert get_editions("?level=1")["count"] == 3
    assert get_editions("?province=10000")["count"] == 3
    assert get_editions("?month=2030-06")["count"] == 1
    assert get_editions("?language=en")["count"] == 1
    page = get_editions("?limit=2&offset=2")
    assert page["count"] == 4 and len(page["items"]) == 2


def test_editions_api_query_count_does_not_grow_with_editions():
    course = make_course()
    venue = make_venue()

    def queries_for(editions: int) -> int:
        Edition.objects.all().delete()
        for index in range(editions):
            make_edition(
                course,
                starts=datetime.datetime(2030, 1, 1, tzinfo=BRUSSELS)
                + datetime.timedelta(days=index),
                venue=venue,
            )
        with CaptureQueriesContext(connection) as queries:
            get_editions()
        return len(queries)

    assert queries_for(5) == queries_for(40)
