"""A visitor browses the training catalogue, filters it, opens an edition and its calendar."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from atelier.academy.tests.factories import make_course, make_edition

from .browsing import Visit

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.mark.browser
def test_visitor_filters_the_catalogue_opens_an_edition_and_downloads_its_calendar(
    visit: Visit, antwerp
):
    start = datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=40), datetime.time(9, 30), tzinfo=BRUSSELS
    )
    intro = make_edition(
        make_course(1, title="Service design in een uur"), starts=start, capacity=30
    )
    make_edition(make_course(2, title="Service design in één dag"), starts=start, sessions=2)

    page = visit.open("/academy/")
    rows = page.locator("#editions tbody tr")
    expect(rows).to_have_count(2)

    page.locator("#id_level").select_option("1")  # htmx asks for the results on change
    expect(page).to_have_url(re.compile(r"[?&]level=1"))
    expect(rows).to_have_count(1)
    expect(page.locator(".htmx-request")).to_have_count(0)
    expect(rows.first).to_contain_text("Service design in een uur")
    visit.audit()

    visit.follow(page.locator(f'#editions a[href="/academy/editions/{intro.pk}/"]'))
    expect(page.locator("main h1")).to_have_text("Service design in een uur")
    expect(page.locator("#sessions tbody tr")).to_have_count(1)
    expect(page.locator("#sessions")).to_contain_text("09:30")

    link = page.locator(f'main a[href="/academy/editions/{intro.pk}/calendar.ics"]')
    response = page.request.get(link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(response.body()).walk("VEVENT")
    session = intro.sessions.get()
    assert [str(event["UID"]) for event in events] == [f"{session.pk}@{intro.ical_uid}"]
    assert events[0].decoded("DTSTART") == start.astimezone(datetime.UTC)
