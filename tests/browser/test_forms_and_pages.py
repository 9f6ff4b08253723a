"""What a new user saw in Chromium (issue 11 §3): dates that show, a readable Cancel,
action lists without bullets, a tidy catalogue, whole lane names, and a persona that reads
like one; every page audited with axe."""

import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.tests.factories import make_course, make_edition
from atelier.canvases.models import Card, Lane
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.sharing import create_share_link
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.method.services import load_library

from .browsing import settled

ONE_LINE = """element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
    return tops.size;
}"""


@pytest.fixture
def library(db):
    load_library()  # live-server tests start from a flushed database


@pytest.mark.browser
def test_the_maturity_round_shows_its_opening_date(visit, coordinator):
    visit.sign_in(coordinator)
    page = visit.open("/guidance/maturity/")
    today = timezone.localdate().isoformat()
    field = page.get_by_label("Geopend op")
    # An input of type date that was sent "07-12-2026" shows empty and holds "".
    expect(field).to_have_value(today)
    assert field.get_attribute("type") == "date"


@pytest.mark.browser
def test_the_stage_editor_cancel_is_readable(open_visit, participant, library):
    journey = make_journey(make_project(participant), participant, stages=1, steps=2)
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/")
    page.get_by_role("link", name=re.compile(r"^stage\s*:")).first.click()
    settled(page)
    cancel = page.locator(".journey__stage .part-editor").get_by_role("link", name="Cancel")
    expect(cancel).to_be_visible()
    colour = cancel.evaluate("element => getComputedStyle(element).color")
    background = cancel.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour != background
    assert colour != "rgb(255, 255, 255)"
    visit.audit()  # axe's colour-contrast rule, on the open editor


@pytest.mark.browser
def test_action_lists_show_no_bullets(open_visit, participant, administrator):
    visit = open_visit()
    visit.sign_in(participant)
    page = visit.open("/academy/my/")
    styles = page.locator("main ul.actions").evaluate_all(
        "lists => lists.map(list => getComputedStyle(list).listStyleType)"
    )
    assert styles and set(styles) == {"none"}
    staff = open_visit()
    staff.sign_in(administrator)
    page = staff.open("/fees/")
    styles = page.locator("nav.subnav ul.actions").evaluate_all(
        "lists => lists.map(list => getComputedStyle(list).listStyleType)"
    )
    assert styles == ["none"]


@pytest.mark.browser
def test_catalogue_keeps_prices_on_one_line_and_styles_the_month_filter(open_visit, db):
    make_edition(make_course(), price_member=Decimal("95.00"), price_non_member=Decimal("1250.00"))
    visit = open_visit(viewport={"width": 700, "height": 900})
    page = visit.open("/academy/")
    price = page.locator("#editions td.number", has_text="95,00").first
    assert price.evaluate(ONE_LINE) == 1
    month = page.get_by_label("Maand")
    level = page.get_by_label("Niveau")
    for prop in ("borderTopWidth", "paddingTop", "borderTopLeftRadius"):
        script = f"element => getComputedStyle(element).{prop}"
        assert month.evaluate(script) == level.evaluate(script), prop


@pytest.mark.browser
def test_lane_names_stay_whole_words(open_visit, participant, library):
    blueprint = make_journey(
        make_project(participant), participant, stages=1, steps=2, kind=ArtefactKind.BLUEPRINT
    )
    Lane.objects.filter(canvas=blueprint, title="Backstage").update(title="Zichtbaarheidslijn")
    visit = open_visit()
    visit.sign_in(participant)
    visit.page.set_default_navigation_timeout(60_000)  # the first page of a fresh server
    page = visit.open(f"/canvases/{blueprint.pk}/")
    title = page.locator(".journey__lane-title .part-title", has_text="Zichtbaarheidslijn")
    assert title.evaluate(ONE_LINE) == 1


@pytest.fixture
def persona(library, participant):
    canvas = create_canvas(
        project=make_project(participant),
        kind=ArtefactKind.PERSONA,
        title="Persona",
        by=participant,
        empty=True,
    )
    add_card(
        canvas=canvas,
        section="profile",
        text="Fatima",
        fields={"quote": "Welk loket?", "age": "67", "household": "woont alleen"},
        by=participant,
    )
    return canvas


@pytest.mark.browser
def test_persona_name_is_one_line_and_the_header_follows_an_edit(visit, participant, persona):
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{persona.pk}/")
    facts = page.locator(".card-facts--labelled")
    expect(facts.locator("dt", has_text="Leeftijd")).to_be_visible()
    expect(facts.locator("dt", has_text="Gezinssituatie")).to_be_visible()
    profile = Card.objects.get(canvas=persona, section="profile")
    page.locator(f"#card-{profile.pk} .card-edit").click()
    name = page.locator(f"#card-{profile.pk} textarea.card-inline")
    expect(name).to_be_focused()
    visit.audit()
    name.fill("Fatima El Amrani")
    page.keyboard.press("Enter")  # a name is one line: Enter saves it
    settled(page)
    expect(page.locator("#persona-name")).to_have_text("Fatima El Amrani")
    visit.audit()


@pytest.mark.browser
def test_persona_channel_starts_unset(visit, participant, persona):
    visit.sign_in(participant)
    # The full form for a new card (the way without JavaScript, after a refused quick add).
    page = visit.open(f"/canvases/{persona.pk}/cards/new/?section=channels")
    channel = page.locator("#new-card-channel")
    expect(channel).to_have_value("")
    expect(channel.locator("option:checked")).to_have_text("niet ingevuld")
    visit.audit()


@pytest.mark.browser
def test_share_view_hides_the_research_coverage_row(visit, participant, library):
    journey = make_journey(make_project(participant), participant, stages=1, steps=2)
    link = create_share_link(canvas=journey, label="", expires_at=None, password="", by=participant)
    page = visit.open(f"/shared/{link.token}/")
    coverage = page.locator(".coverage")
    expect(coverage.first).to_be_visible()
    page.get_by_label("Verberg de rij met onderzoeksdekking").check()
    visit.follow(page.get_by_role("button", name="Tonen"))
    assert "coverage=0" in page.url
    expect(page.locator(".coverage")).to_have_count(0)
