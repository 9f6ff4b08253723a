"""The canvas editor in a real browser: by keyboard, by mouse, and when two people collide."""

import re

import pytest
from playwright.sync_api import expect

from atelier.canvases.models import Card, Lane, Stage, Step
from atelier.canvases.services.cards import update_card
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.services import load_library

from .browsing import settled


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


@pytest.mark.browser
def test_participant_builds_a_journey_from_scratch_by_keyboard(open_visit, participant, library):
    visit = open_visit(locale="en-GB")
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
    # Rename the first stage from its header menu, by keyboard only.
    page.get_by_role("link", name=re.compile(r"^Edit\s*: stage Before")).focus()
    page.keyboard.press("Enter")
    title = page.locator(".part-editor input[name=title]")
    expect(title).to_be_focused()
    title.fill("Before the visit")
    page.keyboard.press("Enter")
    expect(page.locator(".journey__stage").first).to_contain_text("Before the visit")
    settled(page)
    # Add a card in the Actions lane at the first step.
    page.get_by_role("link", name=re.compile(r"Add a card\s*: Actions, New step")).first.focus()
    page.keyboard.press("Enter")
    text = page.locator(".card-editor textarea")
    expect(text).to_be_focused()
    text.fill("Looks up the opening hours")
    page.keyboard.press("Control+Enter")
    card = page.locator(".canvas-card", has_text="Looks up the opening hours")
    expect(card).to_be_visible()
    settled(page)
    # Alt+Right moves it to the next step; focus stays on the card.
    card.locator(".card-edit").focus()
    page.keyboard.press("Alt+ArrowRight")
    moved = Card.objects.get(text="Looks up the opening hours")
    steps = list(Step.objects.filter(canvas=moved.canvas).order_by("stage__position", "position"))
    expect(page.locator(f"td[data-step='{steps[1].pk}'] #card-{moved.pk}")).to_be_visible()
    settled(page)
    expect(page.locator(f"#card-{moved.pk} .card-edit")).to_be_focused()
    moved.refresh_from_db()
    assert moved.step == steps[1]
    visit.audit()


@pytest.mark.browser
def test_a_card_edited_and_moved_between_lanes_by_keyboard(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey, "Pain points")
    page.locator(f"#card-{card.pk} .card-edit").focus()
    page.keyboard.press("Enter")
    editor = page.locator(f"#card-{card.pk}.card-editor")
    expect(editor.locator("textarea")).to_be_focused()
    editor.locator("textarea").fill("Takes a ticket at the desk")
    editor.get_by_role("button", name="Save").click()
    expect(page.locator(f"#card-{card.pk}")).to_contain_text("Takes a ticket at the desk")
    settled(page)
    page.locator(f"#card-{card.pk} .card-edit").focus()
    page.keyboard.press("Alt+Shift+ArrowDown")
    below = Lane.objects.get(canvas=journey, title="Opportunities")
    expect(page.locator(f"td[data-lane='{below.pk}'] #card-{card.pk}")).to_be_visible()
    settled(page)
    expect(page.locator(f"#card-{card.pk} .card-edit")).to_be_focused()
    card.refresh_from_db()
    assert card.lane.title == "Opportunities"
    assert card.text == "Takes a ticket at the desk"
    visit.audit()


@pytest.mark.browser
def test_cards_and_steps_reorder_by_mouse(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey, "Pain points")
    steps = list(Step.objects.filter(canvas=journey).order_by("stage__position", "position"))
    lane = Lane.objects.get(canvas=journey, title="Opportunities")
    target = page.locator(f"td.cell[data-lane='{lane.pk}'][data-step='{steps[2].pk}']")
    page.locator(f"#card-{card.pk}").drag_to(target)
    expect(target.locator(f"#card-{card.pk}")).to_be_visible()
    settled(page)
    card.refresh_from_db()
    assert (card.lane, card.step) == (lane, steps[2])
    # A step moves right from its header menu, with the mouse.
    first = steps[0]
    page.get_by_role("link", name=re.compile(rf"^Edit\s*: step {first.title}$")).click()
    settled(page)
    page.get_by_role("button", name="Move right").click()
    expect(page.locator(".journey__step").nth(1)).to_contain_text(first.title)
    first.refresh_from_db()
    assert first.position == 1
    visit.audit()


@pytest.mark.browser
def test_a_stale_edit_shows_the_current_text_and_keeps_mine(
    open_visit, participant, coordinator, journey
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    card = _first_card(journey)
    page.locator(f"#card-{card.pk} .card-edit").click()
    editor = page.locator(f"#card-{card.pk}.card-editor")
    settled(page)
    editor.locator("textarea").fill("My version of the step")
    # Meanwhile the coordinator saves the same card.
    update_card(
        card=card, version=card.version, text="The coordinator's version", fields={}, by=coordinator
    )
    editor.get_by_role("button", name="Save").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Someone else changed this card")
    expect(alert).to_contain_text("The coordinator's version")
    expect(page.locator(f"#card-{card.pk} textarea")).to_have_value("My version of the step")
    visit.audit()
    card.refresh_from_db()
    assert card.text == "The coordinator's version"
    # Saving again, knowingly, replaces it.
    page.locator(f"#card-{card.pk}").get_by_role("button", name="Save").click()
    expect(page.locator(f"article#card-{card.pk}")).to_contain_text("My version of the step")
    card.refresh_from_db()
    assert card.text == "My version of the step"


@pytest.mark.browser
def test_a_persona_is_filled_in_by_mouse(open_visit, participant, library):
    from atelier.canvases.services.canvases import create_canvas

    canvas = create_canvas(
        project=make_project(participant), kind="persona", title="Sofie", by=participant
    )
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{canvas.pk}/")
    page.get_by_role("link", name=re.compile("Add a card.*Profile")).click()
    page.get_by_label("Name").fill("Sofie")
    page.get_by_label("quote").fill("I just want one place to go.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".persona-quote")).to_contain_text("I just want one place to go.")
    expect(page.get_by_role("link", name=re.compile("Add a card.*Profile"))).to_have_count(0)
    visit.audit()
    assert Stage.objects.count() == 0
    assert Card.objects.get(canvas=canvas, section="profile").fields == {
        "quote": "I just want one place to go."
    }


@pytest.mark.browser
def test_a_double_click_on_save_adds_the_card_once(open_visit, participant, journey):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    lane = Lane.objects.get(canvas=journey, title="Opportunities")
    step = Step.objects.filter(canvas=journey).order_by("stage__position", "position").first()
    page.locator(f"td.cell[data-lane='{lane.pk}'][data-step='{step.pk}'] a.cell-add").click()
    settled(page)
    page.locator(".card-editor textarea").fill("One ticket machine for all desks")
    page.locator(".card-editor").get_by_role("button", name="Save").dblclick()
    expect(page.locator(".canvas-card", has_text="One ticket machine")).to_have_count(1)
    settled(page)
    assert Card.objects.filter(canvas=journey, text="One ticket machine for all desks").count() == 1
