"""Two people of Geel on one journey in two browsers: live changes, presence, conflict, mention.

The pages come from a daphne server (HTTP and websockets) with its own Redis, as in
production, instead of the WSGI live server the other browser tests use.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import Browser, Page, expect

from atelier.accounts.models import Role
from atelier.canvases.models import Card
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.canvases.tests.live.helpers import first_steps
from atelier.method.services import load_library
from atelier.projects.models import MemberRole, ProjectMember
from conftest import make_person

from ..live_servers import asgi_servers, database_url, private_redis
from .browsing import Visit, settled
from .conftest import DEFAULT_CONTEXT_OPTIONS, TIMEOUT_MS

# Others see a change within a second on an idle machine (bench/canvas_fanout.py measures
# it); the shared 2-core test machine under eight test runs needs more headroom.
LIVE_MS = 3000


@pytest.fixture
def server(transactional_db, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A daphne server on the test database; yields its URL and the folder of its output."""
    with (
        private_redis() as redis_url,
        asgi_servers(
            1,
            redis_url=redis_url,
            database=database_url(connection.settings_dict),
            output=tmp_path,
            env={"DEBUG": "true"},
        ) as ports,
    ):
        yield f"http://127.0.0.1:{ports[0]}", tmp_path


@pytest.fixture
def team(transactional_db, geel, participant):
    load_library()
    colleague = make_person("bram.peeters@geel.example.org", Role.PARTICIPANT, geel)
    colleague.first_name, colleague.last_name = "Bram", "Peeters"
    colleague.save(update_fields=["first_name", "last_name"])
    journey = make_journey(make_project(participant), participant, stages=1, steps=2)
    ProjectMember.objects.create(project=journey.project, user=colleague, role=MemberRole.MEMBER)
    return journey, participant, colleague


def tab(browser: Browser, base_url: str, person) -> Visit:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        base_url=base_url, locale="en-GB", viewport=DEFAULT_CONTEXT_OPTIONS["viewport"]
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(6 * TIMEOUT_MS)  # the first pages compile templates
    visit = Visit(context.new_page(), base_url)
    visit.sign_in(person)
    return visit


def card_text(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.locator(".canvas-card", has_text=text)


@pytest.mark.browser
def test_two_people_of_geel_see_each_others_changes_live(browser, server, team):
    base_url, output = server
    journey, anna, bram = team
    a, b = tab(browser, base_url, anna), tab(browser, base_url, bram)
    page_a, page_b = a.open(f"/canvases/{journey.pk}/"), b.open(f"/canvases/{journey.pk}/")

    # Presence: each sees both.
    for page in (page_a, page_b):
        expect(page.locator("#presence")).to_contain_text("Bram Peeters")
        expect(page.locator("#presence")).to_contain_text(str(anna))

    # A adds a card by typing at the end of a cell; B sees it.
    steps = [step.pk for step in first_steps(journey)]
    field = page_a.get_by_label(re.compile(r"Add a card\s*: Actions, ")).first
    field.fill("Looks up the opening hours")
    field.press("Enter")
    expect(card_text(page_a, "Looks up the opening hours")).to_be_visible()
    expect(card_text(page_b, "Looks up the opening hours")).to_be_visible(timeout=LIVE_MS)
    card = Card.objects.get(text="Looks up the opening hours")
    settled(page_a)

    # A edits it in place; B sees the new text.
    page_a.locator(f"#card-{card.pk} .card-edit").click()
    page_a.locator(f"#card-{card.pk} textarea.card-inline").fill(
        "Looks up the opening hours online"
    )
    page_a.keyboard.press("Enter")
    expect(card_text(page_b, "opening hours online")).to_be_visible(timeout=LIVE_MS)
    settled(page_a)

    # A moves it to the next step; B sees it there.
    page_a.locator(f"#card-{card.pk} .card-edit").focus()
    page_a.keyboard.press("Alt+ArrowRight")
    expect(page_a.locator(f"td[data-step='{steps[1]}'] #card-{card.pk}")).to_be_visible()
    card.refresh_from_db()
    assert card.step_id == steps[1]
    expect(page_b.locator(f"td[data-step='{card.step_id}'] #card-{card.pk}")).to_be_visible(
        timeout=LIVE_MS
    )
    settled(page_a)
    settled(page_b)

    # B starts typing in the same card, A saves it first: B's stale save shows the conflict,
    # with A's text and B's own, nothing lost.
    page_b.locator(f"#card-{card.pk} .card-edit").click()
    page_b.locator(f"#card-{card.pk} textarea.card-inline").fill("Bram's version")
    expect(page_a.locator(f"#card-{card.pk}")).to_have_attribute(
        "data-peer-name", re.compile("Bram Peeters"), timeout=LIVE_MS
    )
    page_a.locator(f"#card-{card.pk} .card-edit").click()
    page_a.locator(f"#card-{card.pk} textarea.card-inline").fill("Anna's version")
    page_a.keyboard.press("Enter")
    expect(card_text(page_a, "Anna's version")).to_be_visible()
    page_b.locator(f"#card-{card.pk} textarea.card-inline").press("Enter")
    alert = page_b.locator(f"#card-{card.pk} [role=alert]")
    expect(alert).to_contain_text("Someone else changed this card")
    expect(alert).to_contain_text("Anna's version")
    expect(alert).to_contain_text("Bram's version")
    settled(page_b)
    b.audit()

    # A deletes it from the card's full form; B sees it go.
    settled(page_a)
    page_a.on("dialog", lambda dialog: dialog.accept())
    a.open(f"/canvases/cards/{card.pk}/edit/")
    a.follow(page_a.get_by_role("button", name="Delete card"))
    expect(page_b.locator(f"#card-{card.pk}")).to_have_count(0, timeout=LIVE_MS)
    page_a = a.open(f"/canvases/{journey.pk}/")
    expect(page_a.locator(f"#card-{card.pk}")).to_have_count(0)

    # A mentions B in a comment on the canvas: B's mail goes out, and B's panel shows it.
    settled(page_a)
    page_a.get_by_label("Comment on the canvas").fill("@Bram Peeters, can you check the hours?")
    page_a.get_by_role("button", name="Add comment").click()
    expect(page_b.locator("#comments")).to_contain_text("can you check the hours?", timeout=LIVE_MS)
    mail = "".join(path.read_text() for path in output.glob("*.out"))
    assert "To: bram.peeters@geel.example.org" in mail
    a.audit()
    b.audit()
    assert not a.csp_violations and not b.csp_violations
    page_a.context.close()
    page_b.context.close()
