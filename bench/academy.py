"""Academy benchmarks: the public catalogue with 200 published editions.

The editions stay in the scratch database: later benchmarks do not look at the academy.
"""

import datetime
import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.academy.models import Course, Edition, Level, Session, Venue
from atelier.academy.services.programme import refresh_edition_schedule
from atelier.members.models import Province

EDITIONS = 200
BUDGET_MS = 100


def _published_editions(count: int) -> None:
    provinces = list(Province.objects.all()) or [None]
    venues = [
        Venue.objects.create(
            name=f"Zaal {index}",
            street="Markt 1",
            postal_code="2440",
            city=f"Stad {index}",
            province=province,
        )
        for index, province in enumerate(provinces)
    ]
    courses = [
        Course.objects.create(level=level, title_nl=f"Bench {level.number}", summary_nl="…")
        for level in Level.objects.all()
    ]
    first = timezone.now() + datetime.timedelta(days=7)
    for index in range(count - Edition.objects.filter(course__in=courses).count()):
        start = first + datetime.timedelta(days=index)
        edition = Edition.objects.create(
            course=courses[index % len(courses)],
            language="nl" if index % 3 else "en",
            status=Edition.Status.PUBLISHED,
            capacity=20,
            registration_deadline=start - datetime.timedelta(days=2),
        )
        Session.objects.create(
            edition=edition,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=7),
            venue=venues[index % len(venues)],
        )
        refresh_edition_schedule(edition=edition)


def _median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def academy_benchmarks(runs: int) -> list[tuple[str, str, str]]:
    _published_editions(EDITIONS)
    client = Client()
    rows = []
    for label, url in [
        (f"academy catalogue, first page (50 of {EDITIONS} editions)", "/academy/"),
        (f"API editions ({EDITIONS} items)", "/api/v1/editions?limit=1000"),
    ]:

        def get(url: str = url) -> None:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 200, (url, response.status_code)

        timing = _median_ms(get, runs)
        with CaptureQueriesContext(connection) as queries:
            get()
        budget = f"; budget {BUDGET_MS} ms" if url == "/academy/" else ""
        rows.append((label, f"{timing:.1f} ms", f"{len(queries)} queries{budget}"))
    return rows
