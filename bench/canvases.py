"""Canvas editor benchmarks: a journey of 12 stages × 3 steps × 8 lanes (~300 cards).

The page is rendered as a team member sees it (every card with its edit link); a card
edit is the htmx POST the editor sends. The journey stays in the scratch database.
"""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGE_BUDGET_MS = 150
EDIT_BUDGET_MS = 50


def _median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    action()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _team_member():  # type: ignore[no-untyped-def]
    from atelier.accounts.models import Role, User
    from atelier.members.models import Organisation, OrganisationType

    organisation, _ = Organisation.objects.get_or_create(
        name_nl="Bench editor", defaults={"type": OrganisationType.OTHER}
    )
    person, _ = User.objects.get_or_create(
        email="bench-editor@example.org",
        defaults={"role": Role.PARTICIPANT, "organisation": organisation},
    )
    return person


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    return len(queries)


def canvas_benchmarks(runs: int) -> list[tuple[str, str, str]]:
    from atelier.canvases.models import Card, LaneKind
    from atelier.canvases.tests.factories import make_journey, make_project

    person = _team_member()
    project = make_project(person)
    big = make_journey(project, person, stages=12, steps=3)
    small = make_journey(project, person, stages=1, steps=3)
    client = Client()
    client.force_login(person)
    url = f"/canvases/{big.pk}/"
    cards = Card.objects.filter(canvas=big).count()

    def get() -> None:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, response.status_code

    page_ms = _median_ms(get, runs)
    card = Card.objects.filter(canvas=big, lane__kind=LaneKind.CARDS).first()
    assert card is not None
    edit_url = f"/canvases/cards/{card.pk}/edit/"
    edits = iter(range(10_000))

    def edit() -> None:
        number = next(edits)
        response = client.post(
            edit_url,
            {"text": f"Edit number {number}", "version": card.version + number, "marker": ""},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200 and b"Edit number" in response.content

    edit_ms = _median_ms(edit, runs)
    card.refresh_from_db()
    text_url = f"/canvases/cards/{card.pk}/text/"
    saves = iter(range(10_000))

    def save_in_place() -> None:
        number = next(saves)
        response = client.post(
            text_url,
            {"text": f"Typed in place {number}", "version": card.version + number},
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200 and b"Typed in place" in response.content

    in_place_ms = _median_ms(save_in_place, runs)
    card.refresh_from_db()

    def first_render() -> None:  # every render after a change: the table's cache misses
        from django.core.cache import cache

        cache.clear()
        get()

    fresh_ms = _median_ms(first_render, runs)
    small_queries = _queries(client, f"/canvases/{small.pk}/")
    return [
        (
            f"canvas editor page, journey 12 × 3 steps × 8 lanes ({cards} cards)",
            f"{page_ms:.1f} ms",
            f"{_queries(client, url)} queries (a 1-stage journey: {small_queries}); "
            f"budget {PAGE_BUDGET_MS} ms",
        ),
        (
            "canvas editor page, same journey, table not cached (the render after a change)",
            f"{fresh_ms:.1f} ms",
            f"budget {PAGE_BUDGET_MS} ms",
        ),
        (
            "card text saved in place (POST .../text/, answered with the card)",
            f"{in_place_ms:.1f} ms",
            f"{_queries_post(client, text_url, card)} queries; budget 50 ms",
        ),
        (
            "card edit (htmx POST, answered with the card)",
            f"{edit_ms:.1f} ms",
            f"{_queries_post(client, edit_url, card)} queries; budget {EDIT_BUDGET_MS} ms",
        ),
    ]


def _queries_post(client: Client, url: str, card) -> int:  # type: ignore[no-untyped-def]
    card.refresh_from_db()
    with CaptureQueriesContext(connection) as queries:
        client.post(url, {"text": "Counted", "version": card.version}, HTTP_HX_REQUEST="true")
    return len(queries)
