"""An edition's iCalendar file and a person's secret feed, parsed back with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from atelier.academy.models import CalendarFeed, Edition, Enrolment
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

BRUSSELS = ZoneInfo("Europe/Brussels")
pytestmark = pytest.mark.django_db


def events_of(content: bytes) -> list:
    return Calendar.from_ical(content).walk("VEVENT")


def test_edition_calendar_has_one_event_per_session_in_utc_with_stable_uids():
    start = datetime.datetime(2030, 1, 14, 9, tzinfo=BRUSSELS)
    edition = make_edition(make_course(title="Dag", title_en="Day"), starts=start, sessions=2)
    url = reverse("academy:edition_ical", args=[edition.pk])

    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = events_of(response.content)
    sessions = list(edition.sessions.order_by("starts_at"))
    assert [str(e["UID"]) for e in events] == [f"{s.pk}@{edition.ical_uid}" for s in sessions]
    first = events[0]
    assert first.decoded("DTSTART") == datetime.datetime(2030, 1, 14, 8, tzinfo=datetime.UTC)
    assert first.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert first.decoded("DTEND") == datetime.datetime(2030, 1, 14, 15, tzinfo=datetime.UTC)
    assert events[1].decoded("DTSTART") == datetime.datetime(2030, 1, 21, 8, tzinfo=datetime.UTC)
    assert str(first["SUMMARY"]) == "Day"
    assert str(first["LOCATION"]) == "Stadhuis, Markt 1, 2440 Geel"
    assert str(first["URL"]) == f"http://testserver{reverse('academy:edition', args=[edition.pk])}"
    assert "DESCRIPTION" in first
    assert Client().get(url).content.count(b"UID:") == 2  # the same UIDs each time
    assert [str(e["UID"]) for e in events_of(Client().get(url).content)] == [
        str(e["UID"]) for e in events
    ]


def test_online_session_has_its_link_as_location():
    edition = make_edition()
    edition.sessions.update(venue=None, online_url="https://meet.example.org/x")

    response = Client().get(reverse("academy:edition_ical", args=[edition.pk]))

    assert str(events_of(response.content)[0]["LOCATION"]) == "https://meet.example.org/x"


def test_draft_edition_calendar_is_404_to_the_public():
    edition = make_edition(status=Edition.Status.DRAFT)

    assert Client().get(reverse("academy:edition_ical", args=[edition.pk])).status_code == 404


def test_feed_page_creates_a_secret_feed_once(participant):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(participant)

    first = client.get(reverse("academy:calendar_feed"))
    second = client.get(reverse("academy:calendar_feed"))

    feed = CalendarFeed.objects.get(person=participant)
    assert len(feed.token) >= 40
    assert first.context["feed_url"] == second.context["feed_url"]
    assert first.context["feed_url"].endswith(f"/academy/calendar/{feed.token}.ics")


def test_feed_page_asks_to_sign_in():
    response = Client().get(reverse("academy:calendar_feed"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_feed_lists_only_confirmed_sessions(participant):
    confirmed = make_edition(make_course(title="Bevestigd"), sessions=2)
    waiting = make_edition(make_course(title="Wachtlijst"))
    cancelled = make_edition(make_course(title="Geannuleerd"))
    make_edition(make_course(title="Niet ingeschreven"))
    make_enrolment(confirmed, participant)
    make_enrolment(waiting, participant, status=Enrolment.Status.WAITLISTED)
    make_enrolment(cancelled, participant, status=Enrolment.Status.CANCELLED)
    client = Client()
    client.force_login(participant)
    client.get(reverse("academy:calendar_feed"))
    token = CalendarFeed.objects.get(person=participant).token

    response = Client().get(reverse("academy:calendar_feed_ics", args=[token]))

    assert response.status_code == 200
    events = events_of(response.content)
    assert {str(e["SUMMARY"]) for e in events} == {"Bevestigd"}
    assert sorted(str(e["UID"]) for e in events) == sorted(
        f"{s.pk}@{confirmed.ical_uid}" for s in confirmed.sessions.all()
    )


def test_unknown_feed_token_is_404():
    assert Client().get(reverse("academy:calendar_feed_ics", args=["nope"])).status_code == 404


def test_resetting_the_feed_voids_the_old_address(participant):
    client = Client()
    client.force_login(participant)
    client.get(reverse("academy:calendar_feed"))
    old = CalendarFeed.objects.get(person=participant).token

    response = client.post(reverse("academy:calendar_feed_reset"))

    new = CalendarFeed.objects.get(person=participant).token
    assert response.status_code == 302
    assert new != old
    assert Client().get(reverse("academy:calendar_feed_ics", args=[old])).status_code == 404
    assert Client().get(reverse("academy:calendar_feed_ics", args=[new])).status_code == 200


def test_feed_reset_answers_post_only(participant):
    client = Client()
    client.force_login(participant)

    assert client.get(reverse("academy:calendar_feed_reset")).status_code == 405
