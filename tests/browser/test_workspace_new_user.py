"""A new user's first hour in the workspace: a project, a journey and a blueprint from
scratch, the exports people print and present, and a read-only link for someone without
an account."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from atelier.canvases.models import Canvas
from atelier.method.services import load_library

from .browsing import settled


@pytest.fixture
def library(db):
    load_library()  # live-server tests start from a flushed database


def new_canvas(visit, page, kind: str, title: str) -> None:
    page.get_by_label("Kind").select_option(kind)
    page.locator("#new-canvas-title").locator("..").get_by_label("Title").fill(title)
    visit.follow(page.get_by_role("button", name="Create the canvas"))


def add_card(page, lane: str, step: str, text: str) -> None:
    """Type-to-add at the end of the cell; a channel lane asks its channel too."""
    field = page.get_by_label(re.compile(rf"Add a card\s*: {lane}, {step}$")).first
    field.fill(text)
    channel = page.get_by_label(re.compile(rf"^channel\s*: {lane}, {step}$", re.I))
    if channel.count():
        channel.first.select_option("desk")
    field.press("Enter")
    expect(page.locator(".canvas-card", has_text=text)).to_be_visible()
    settled(page)


def score_first_step(page, score_presses: int) -> None:
    """The emotion curve's first handle, down by the arrow key."""
    handle = page.locator(".emotion-handle").first
    handle.focus()
    for _press in range(score_presses):
        page.keyboard.press("ArrowDown")
    page.wait_for_timeout(700)
    settled(page)


@pytest.mark.browser
def test_a_new_user_builds_exports_and_shares_a_journey_and_a_blueprint(
    open_visit, participant, library
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open("/projects/")
    visit.follow(page.get_by_role("link", name="Open a project"))
    page.get_by_label("Title").fill("One front door for the social house")
    visit.follow(page.get_by_role("button", name=re.compile("Open")))
    project_url = page.url

    new_canvas(visit, page, "journey", "Visit to the social services today")
    add_card(page, "Actions", "New step", "Rings the general number")
    add_card(page, "Touchpoints and channels", "New step", "Phone menu without a social option")
    score_first_step(page, 1)
    expect(page.locator(".emotion")).to_contain_text("−1")

    # PDF, PNG and CSV come out and read back.
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF, A3 landscape").click()
    text = "".join(p.extract_text() for p in PdfReader(pdf.value.path()).pages)
    assert "Visit to the social services today" in text
    assert "Rings the general number" in text
    with page.expect_download() as png:
        page.get_by_role("link", name="PNG image").click()
    assert open(png.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as table:
        page.get_by_role("link", name="CSV table").click()
    rows = list(
        csv.reader(
            io.StringIO(open(table.value.path(), encoding="utf-8-sig").read()), delimiter=";"
        )
    )
    assert any("Rings the general number" in row for row in rows)

    # A read-only link for a resident who has no account.
    visit.follow(page.get_by_role("link", name="Share read only"))
    page.get_by_label(re.compile("For whom|Label", re.I)).first.fill("Residents' panel")
    visit.follow(page.get_by_role("button", name=re.compile("Create|Make", re.I)))
    link = page.locator("input[readonly]").first.input_value()
    stranger = open_visit(locale="en-GB")
    shared = stranger.open(link)
    expect(shared.get_by_role("heading", level=1)).to_contain_text(
        "Visit to the social services today"
    )
    expect(shared.locator("body")).to_contain_text("Rings the general number")
    expect(shared.get_by_role("link", name=re.compile("One front door"))).to_have_count(0)

    # And a blueprint next to it.
    page.goto(project_url)
    visit.audit()
    new_canvas(visit, page, "blueprint", "One welcome desk (to be)")
    add_card(page, "User actions", "New step", "Walks in and is welcomed by name")
    expect(page.get_by_role("row", name=re.compile("Line of visibility"))).to_be_visible()
    assert Canvas.objects.filter(project__title="One front door for the social house").count() == 2
    visit.audit()


@pytest.mark.browser
def test_a_double_click_on_open_the_project_opens_one(open_visit, participant, library):
    from atelier.projects.models import Project

    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open("/projects/new/")
    page.get_by_label("Title").fill("Clicked twice")
    posts: list[str] = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Open")).dblclick()
    visit.audit()
    assert len(posts) == 1  # the browser sent the form once
    assert Project.objects.filter(title="Clicked twice").count() == 1
