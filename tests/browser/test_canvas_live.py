"""Two people of Geel on one journey in two browsers: live changes, presence, conflict, mention.

The pages come from a daphne server (HTTP and websockets) with its own Redis, as in
production, instead of the WSGI live server the other browser tests use.
"""

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
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

from ..live_servers import asgi_servers, database_url, kill_server, private_redis
from .browsing import Visit, settled
from .conftest import DEFAULT_CONTEXT_OPTIONS, TIMEOUT_MS

# Others see a change within a second, counted from the moment the one who made it sees it
# on their own page (bench/canvas_fanout.py measures the fan-out to many).
LIVE_MS = 1000
# Presence in the test of a server that dies: a beat every 1.5 s, so gone after 4.5 s.
HEARTBEAT_SECONDS = 1.5
EXPIRY_MS = 4500


@contextmanager
def seen_by_the_other(what: str, acted_at: float) -> Iterator[None]:
    """Time the other's side of a live change from when its maker saw it, and from the
    action itself (pytest -s prints both)."""
    seen_here = time.monotonic()
    yield
    done = time.monotonic()
    print(
        f"live: {what}: {(done - seen_here) * 1000:.0f} ms after its maker saw it, "
        f"{(done - acted_at) * 1000:.0f} ms after the action"
    )


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
    acted_at = time.monotonic()
    field.press("Enter")
    expect(card_text(page_a, "Looks up the opening hours")).to_be_visible()
    with seen_by_the_other("added card", acted_at):
        expect(card_text(page_b, "Looks up the opening hours")).to_be_visible(timeout=LIVE_MS)
    card = Card.objects.get(text="Looks up the opening hours")
    settled(page_a)

    # A edits it in place; B sees the new text.
    page_a.locator(f"#card-{card.pk} .card-edit").click()
    page_a.locator(f"#card-{card.pk} textarea.card-inline").fill(
        "Looks up the opening hours online"
    )
    acted_at = time.monotonic()
    page_a.keyboard.press("Enter")
    expect(card_text(page_a, "opening hours online")).to_be_visible()
    with seen_by_the_other("edited card", acted_at):
        expect(card_text(page_b, "opening hours online")).to_be_visible(timeout=LIVE_MS)
    settled(page_a)

    # A moves it to the next step; B sees it there.
    page_a.locator(f"#card-{card.pk} .card-edit").focus()
    acted_at = time.monotonic()
    page_a.keyboard.press("Alt+ArrowRight")
    expect(page_a.locator(f"td[data-step='{steps[1]}'] #card-{card.pk}")).to_be_visible()
    card.refresh_from_db()
    assert card.step_id == steps[1]
    moved_on_b = page_b.locator(f"td[data-step='{card.step_id}'] #card-{card.pk}")
    with seen_by_the_other("moved card", acted_at):
        expect(moved_on_b).to_be_visible(timeout=LIVE_MS)
    settled(page_a)
    settled(page_b)

    # B starts typing in the same card, A saves it first: B's stale save shows the conflict,
    # with A's text and B's own, nothing lost.
    acted_at = time.monotonic()
    page_b.locator(f"#card-{card.pk} .card-edit").click()
    page_b.locator(f"#card-{card.pk} textarea.card-inline").fill("Bram's version")
    with seen_by_the_other("card being edited", acted_at):
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
    acted_at = time.monotonic()
    with page_a.expect_navigation():
        page_a.get_by_role("button", name="Delete card").click()
    expect(page_a.locator(f"#card-{card.pk}")).to_have_count(0)
    with seen_by_the_other("deleted card", acted_at):
        expect(page_b.locator(f"#card-{card.pk}")).to_have_count(0, timeout=LIVE_MS)
    a.audit()
    page_a = a.open(f"/canvases/{journey.pk}/")
    expect(page_a.locator(f"#card-{card.pk}")).to_have_count(0)

    # A mentions B in a comment on the canvas: B's mail goes out, and B's panel shows it.
    settled(page_a)
    page_a.get_by_label("Comment on the canvas").fill("@Bram Peeters, can you check the hours?")
    acted_at = time.monotonic()
    page_a.get_by_role("button", name="Add comment").click()
    expect(page_a.locator("#comments")).to_contain_text("can you check the hours?")
    with seen_by_the_other("comment", acted_at):
        expect(page_b.locator("#comments")).to_contain_text(
            "can you check the hours?", timeout=LIVE_MS
        )

    # A deletes the lane "Pain points" with its cards, then undoes that: B sees both.
    settled(page_a)
    page_a.get_by_role("link", name="lane: Pain points").click()
    acted_at = time.monotonic()
    page_a.get_by_role("button", name="Delete", exact=True).click()
    expect(card_text(page_a, "Pain points at step 1")).to_have_count(0)
    with seen_by_the_other("deleted lane", acted_at):
        expect(card_text(page_b, "Pain points at step 1")).to_have_count(0, timeout=LIVE_MS)
    settled(page_a)
    acted_at = time.monotonic()
    page_a.get_by_role("button", name="Undo").click()
    expect(card_text(page_a, "Pain points at step 2")).to_be_visible()
    with seen_by_the_other("lane brought back by undo", acted_at):
        expect(card_text(page_b, "Pain points at step 2")).to_be_visible(timeout=LIVE_MS)
    expect(page_b.get_by_role("link", name="lane: Pain points")).to_be_visible()

    mail = "".join(path.read_text() for path in output.glob("*.out"))
    assert "To: bram.peeters@geel.example.org" in mail
    a.audit()
    b.audit()
    assert not a.csp_violations and not b.csp_violations
    page_a.context.close()
    page_b.context.close()


@pytest.fixture
def two_servers(transactional_db, tmp_path: Path) -> Iterator[list[int]]:
    """Two daphne servers on one Redis, with a quick presence heartbeat; yields their ports."""
    with (
        private_redis() as redis_url,
        asgi_servers(
            2,
            redis_url=redis_url,
            database=database_url(connection.settings_dict),
            output=tmp_path,
            env={"DEBUG": "true", "CANVAS_PRESENCE_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS)},
        ) as ports,
    ):
        yield ports


@pytest.mark.browser
def test_a_person_whose_server_died_drops_out_of_the_others_presence(browser, two_servers, team):
    journey, anna, bram = team
    a = tab(browser, f"http://127.0.0.1:{two_servers[0]}", anna)
    b = tab(browser, f"http://127.0.0.1:{two_servers[1]}", bram)
    page_a, page_b = a.open(f"/canvases/{journey.pk}/"), b.open(f"/canvases/{journey.pk}/")
    presence_a = page_a.locator("#presence")
    expect(presence_a).to_contain_text("Bram Peeters")
    expect(page_b.locator("#presence")).to_contain_text(str(anna))
    expect(page_a.locator("#live")).to_have_attribute("data-presence-expiry-ms", str(EXPIRY_MS))

    # Alive, Bram's socket says so every beat: he stays, long past the expiry.
    page_a.wait_for_timeout(EXPIRY_MS + 2000)
    expect(presence_a).to_contain_text("Bram Peeters")

    # His server process dies without a word: he stays shown until the expiry, then goes.
    kill_server(two_servers[1])
    expect(page_b.locator("#live-status")).to_have_text("Offline, reconnecting…")
    expect(presence_a).not_to_contain_text("Bram Peeters", timeout=EXPIRY_MS + 3000)
    expect(presence_a).to_contain_text(str(anna))
    a.audit()
    assert not a.csp_violations and not b.csp_violations
    page_a.context.close()
    page_b.context.close()
