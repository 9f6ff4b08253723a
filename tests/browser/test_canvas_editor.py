"""The canvas editor in a real browser: edited in place, by keyboard and by mouse, and when
two people collide."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import expect

from atelier.canvases.models import Card, Lane, LaneKind, Stage, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, update_card
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.services import load_library

from .browsing import settled

# Screenshots of the editor at 1440 px, to look at (next to the failure artefacts).
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


@pytest.fixture
def library(db):
    load_library()  # live-server tests start from a flushed database


@pytest.fixture
def journey(library, participant):
    return make_journey(make_project(participant), participant, stages=2, steps=2)


def _first_card(journey, title: str = "Actions") -> Card:
    return (
        Card.objects.filter(canvas=journey, lane__title=title)
        .order_by("step__stage__position", "step__position")
        .first()
    )


def _steps(canvas) -> list[Step]:
    return list(Step.objects.filter(canvas=canvas).order_by("stage__position", "position"))


@pytest.mark.browser
def test_participant_builds_a_journey_from_scratch_in_place_by_keyboard(
    open_visit, participant, library
):
    visit = open_visit(locale="en-GB", viewport={"width": 1440, "height": 900})
    visit.sign_in(participant)
    page = visit.open("/projects/new/")
    page.get_by_label("Title").fill("One front door")
    page.get_by_label("Title").press("Enter")
    page.wait_for_url(re.compile(r"/projects/\d+/$"))
    visit.audit()
    page.get_by_label("Kind").select_option("journey")
    page.locator("#new-canvas-title").locator("..").get_by_label("Title").fill("Visit today")
    page.get_by_role("button", name="Create the canvas").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/canvases/\d+/$"))
    visit.audit()
    assert page.get_by_role("link", name=re.compile(r"^Edit")).count() == 0
    # A fourth stage, typed in its field.
    page.locator("#new-stage-title").focus()
    page.keyboard.type("Afterwards")
    page.keyboard.press("Enter")
    expect(page.locator(".journey__stage", has_text="Afterwards")).to_be_visible()
    settled(page)
    # Rename the first stage from its header, by keyboard only.
    page.get_by_role("link", name=re.compile(r"^stage\s*: Before")).focus()
    page.keyboard.press("Enter")
    title = page.locator(".part-editor input[name=title]")
    expect(title).to_be_focused()
    title.fill("Before the visit")
    page.keyboard.press("Enter")
    expect(page.locator(".journey__stage").first).to_contain_text("Before the visit")
    settled(page)
    # A second step in the first stage, from the stage's header menu.
    page.get_by_role("link", name=re.compile(r"^stage\s*: Before the visit")).focus()
    page.keyboard.press("Enter")
    settled(page)
    page.get_by_role("button", name="Add a step to this stage").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".journey__step")).to_have_count(5)
    settled(page)
    # Type-to-add: a card in the Actions lane at the first step; focus stays for the next.
    add = page.get_by_label(re.compile(r"Add a card\s*: Actions, New step")).first
    add.focus()
    page.keyboard.type("Looks up the opening hours")
    page.keyboard.press("Enter")
    card = page.locator(".canvas-card", has_text="Looks up the opening hours")
    expect(card).to_be_visible()
    settled(page)
    expect(page.get_by_label(re.compile(r"Add a card\s*: Actions, New step")).first).to_be_focused()
    page.keyboard.type("Calls the desk")
    page.keyboard.press("Enter")
    expect(page.locator(".canvas-card", has_text="Calls the desk")).to_be_visible()
    settled(page)
    # Enter on a card edits it in place; Enter saves, Escape cancels.
    saved = Card.objects.get(text="Looks up the opening hours")
    page.locator(f"#card-{saved.pk} .card-edit").focus()
    page.keyboard.press("Enter")
    field = page.locator(f"#card-{saved.pk} textarea.card-inline")
    expect(field).to_be_focused()
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("on the website")
    page.keyboard.press("Enter")
    expect(page.locator(f"#card-{saved.pk} .card-edit")).to_be_focused()
    saved.refresh_from_db()
    assert saved.text == "Looks up the opening hours\non the website"
    page.keyboard.press("Enter")
    page.keyboard.type(" and gives up")
    page.keyboard.press("Escape")
    expect(page.locator(f"#card-{saved.pk} .card-edit")).to_be_focused()
    saved.refresh_from_db()
    assert "gives up" not in saved.text
    # The emotion curve: arrow keys set the first step's score.
    handle = page.locator(".emotion-handle").first
    handle.focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(handle).to_have_attribute("aria-valuenow", "2")
    page.wait_for_timeout(700)
    settled(page)
    expect(page.locator(".emotion-handle").first).to_be_focused()
    expect(page.locator(".emotion-handle").first).to_have_attribute("aria-valuenow", "2")
    lane = Lane.objects.get(canvas=saved.canvas, kind=LaneKind.EMOTION)
    first_step = _steps(saved.canvas)[0]
    assert Card.objects.get(lane=lane, step=first_step).fields == {"score": 2}
    # Alt+Right moves a card to the next step; focus stays on it.
    page.locator(f"#card-{saved.pk} .card-edit").focus()
    page.keyboard.press("Alt+ArrowRight")
    settled(page)
    saved.refresh_from_db()
    assert saved.step == _steps(saved.canvas)[1]
    expect(page.locator(f"#card-{saved.pk} .card-edit")).to_be_focused()
    visit.audit()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("h1").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "journey-editor-1440.png", full_page=True)


@pytest.mark.browser
def test_headers_stay_in_sight_and_a_wide_journey_scrolls_in_its_frame(
    open_visit, participant, library
):
    wide = make_journey(make_project(participant), participant, stages=2, steps=4)
    visit = open_visit(locale="en-GB", viewport={"width": 1440, "height": 900})
    visit.sign_in(participant)
    visit.page.set_default_navigation_timeout(60_000)  # a big page on a busy machine
    page = visit.open(f"/canvases/{wide.pk}/")
    frame = page.locator(".grid-scroll")
    frame.scroll_into_view_if_needed()
    box = frame.bounding_box()
    assert box is not None and box["width"] <= 1440
    frame.hover()
    page.mouse.wheel(0, 600)
    page.mouse.wheel(900, 0)
    page.wait_for_timeout(200)
    step = page.locator(".journey__step").nth(5).bounding_box()
    lane = page.locator(".journey__lane-title").first.bounding_box()
    frame_box = frame.bounding_box()
    assert step is not None and lane is not None and frame_box is not None
    # The step row is still at the top of the frame, the lane names at its left.
    assert abs(step["y"] - frame_box["y"]) < 60
    assert abs(lane["x"] - frame_box["x"]) < 5
    visit.audit()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "journey-scrolled-1440.png")


@pytest.mark.browser
def test_a_card_moved_between_lanes_by_keyboard(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey, "Pain points")
    page.locator(f"#card-{card.pk} .card-edit").focus()
    page.keyboard.press("Alt+Shift+ArrowDown")
    below = Lane.objects.get(canvas=journey, title="Opportunities")
    expect(page.locator(f"td[data-lane='{below.pk}'] #card-{card.pk}")).to_be_visible()
    settled(page)
    expect(page.locator(f"#card-{card.pk} .card-edit")).to_be_focused()
    card.refresh_from_db()
    assert card.lane.title == "Opportunities"
    visit.audit()


@pytest.mark.browser
def test_cards_and_steps_reorder_by_mouse(open_visit, participant, journey):
    # Tall enough that the whole journey shows without scrolling inside its frame.
    visit = open_visit(locale="en-GB", viewport={"width": 1280, "height": 1800})
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey, "Pain points")
    steps = _steps(journey)
    lane = Lane.objects.get(canvas=journey, title="Opportunities")
    target = page.locator(f"td.cell[data-lane='{lane.pk}'][data-step='{steps[2].pk}']")
    page.locator(f"#card-{card.pk}").drag_to(target)
    expect(target.locator(f"#card-{card.pk}")).to_be_visible()
    settled(page)
    card.refresh_from_db()
    assert (card.lane, card.step) == (lane, steps[2])
    # A step moves right from its header menu, with the mouse.
    first = steps[0]
    page.get_by_role("link", name=re.compile(rf"^step\s*: {re.escape(first.title)}$")).click()
    settled(page)
    page.get_by_role("button", name="Move right").click()
    expect(page.locator(".journey__step").nth(1)).to_contain_text(first.title)
    first.refresh_from_db()
    assert first.position == 1
    visit.audit()


@pytest.mark.browser
def test_a_stale_edit_in_place_shows_the_current_text_and_keeps_mine(
    open_visit, participant, coordinator, journey
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey)
    page.locator(f"#card-{card.pk} .card-edit").click()
    field = page.locator(f"#card-{card.pk} textarea.card-inline")
    expect(field).to_be_focused()
    field.fill("My version of the step")
    # Meanwhile the coordinator saves the same card.
    update_card(
        card=card, version=card.version, text="The coordinator's version", fields={}, by=coordinator
    )
    page.keyboard.press("Enter")
    alert = page.locator(f"#card-{card.pk}").get_by_role("alert")
    expect(alert).to_contain_text("Someone else changed this card")
    expect(alert).to_contain_text("The coordinator's version")
    expect(alert).to_contain_text("My version of the step")
    visit.audit()
    card.refresh_from_db()
    assert card.text == "The coordinator's version"
    # Knowingly putting mine in its place replaces it.
    alert.get_by_role("button", name="Put my text in its place").click()
    expect(page.locator(f"article#card-{card.pk} .card-edit")).to_contain_text(
        "My version of the step"
    )
    settled(page)
    card.refresh_from_db()
    assert card.text == "My version of the step"


@pytest.mark.browser
def test_a_cards_kind_and_image_are_set_from_its_menu(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey, "Pain points")
    menu = page.locator(f"#card-{card.pk} details.card-menu")
    menu.locator("summary").click()
    marker = page.locator(f"#card-{card.pk}-menu-marker")
    expect(marker).to_be_focused()
    visit.audit()
    marker.select_option("pain")
    page.locator(f"#card-{card.pk}").get_by_role("button", name="Save kind and tags").click()
    expect(page.locator(f"#card-{card.pk}.canvas-card--pain")).to_be_visible()
    settled(page)
    card.refresh_from_db()
    assert card.fields == {"marker": "pain"}
    page.locator(f"#card-{card.pk} details.card-menu summary").click()
    settled(page)
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (20, 120, 200)).save(out, format="PNG")
    page.locator(f"#card-{card.pk}-image").set_input_files(
        {"name": "sketch.png", "mimeType": "image/png", "buffer": out.getvalue()}
    )
    page.locator(f"#card-{card.pk}").get_by_role("button", name="Upload").click()
    expect(page.locator(f"#card-{card.pk} img.canvas-card__image")).to_be_visible()
    settled(page)
    card.refresh_from_db()
    assert card.image.startswith("data:image/jpeg;base64,")
    visit.audit()


@pytest.mark.browser
def test_a_persona_is_filled_in_in_place(open_visit, participant, library):
    canvas = create_canvas(
        project=make_project(participant), kind="persona", title="Sofie", by=participant
    )
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{canvas.pk}/")
    page.get_by_label(re.compile(r"Add a card\s*: Profile")).fill("Sofie")
    page.keyboard.press("Enter")
    expect(page.locator("#persona-name")).to_have_text("Sofie")
    settled(page)
    expect(page.get_by_label(re.compile(r"Add a card\s*: Profile"))).to_have_count(0)
    profile = Card.objects.get(canvas=canvas, section="profile")
    page.locator(f"#card-{profile.pk} .card-edit").click()
    page.locator(f"#card-{profile.pk} textarea.card-inline").fill("Sofie Peeters")
    page.keyboard.press("Enter")
    expect(page.locator("#persona-name")).to_have_text("Sofie Peeters")
    page.locator(f"#card-{profile.pk} details.card-menu summary").click()
    settled(page)
    page.get_by_label("quote").fill("I just want one place to go.")
    page.locator(f"#card-{profile.pk}").get_by_role("button", name="Save kind and tags").click()
    expect(page.locator(f"#card-{profile.pk}")).to_contain_text("I just want one place to go.")
    settled(page)
    visit.audit()
    assert Stage.objects.count() == 0
    profile.refresh_from_db()
    assert profile.text == "Sofie Peeters"
    assert profile.fields == {"quote": "I just want one place to go."}


@pytest.mark.browser
def test_a_double_enter_adds_the_card_once(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    lane = Lane.objects.get(canvas=journey, title="Opportunities")
    step = _steps(journey)[0]
    field = page.locator(f"#add-{lane.pk}-{step.pk}")
    field.fill("One ticket machine for all desks")
    field.press("Enter")
    field.press("Enter")
    expect(page.locator(".canvas-card", has_text="One ticket machine")).to_have_count(1)
    settled(page)
    assert Card.objects.filter(canvas=journey, text="One ticket machine for all desks").count() == 1


@pytest.mark.browser
def test_a_stakeholder_moves_to_the_core_ring_by_keyboard(open_visit, participant, library):
    canvas = create_canvas(
        project=make_project(participant), kind="stakeholder_map", title="Who", by=participant
    )
    card = add_card(
        canvas=canvas,
        section="stakeholders",
        text="Social house",
        fields={"ring": "direct"},
        by=None,
    )
    visit = open_visit(locale="en-GB", viewport={"width": 1440, "height": 900})
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{canvas.pk}/")
    node = page.locator(f"#stakeholder-{card.pk}")
    node.focus()
    page.keyboard.press("ArrowUp")
    page.wait_for_timeout(700)
    settled(page)
    expect(page.locator(f"#stakeholder-{card.pk}")).to_have_attribute("data-ring", "core")
    expect(page.locator(f"#stakeholder-{card.pk}")).to_be_focused()
    card.refresh_from_db()
    assert card.fields["ring"] == "core"
    visit.audit()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "stakeholders-1440.png", full_page=True)
