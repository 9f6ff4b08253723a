"""Association staff read a board's balance, try a candidate and record attendance, in a
real browser."""

import re

import pytest
from playwright.sync_api import expect

from atelier.governance.demo import load_demo_governance
from atelier.governance.models import AttendanceStatus, Body, BodyKind, Meeting


@pytest.fixture
def demo_governance(registry):
    load_demo_governance()


@pytest.mark.browser
def test_board_page_shows_its_flags_and_what_a_candidate_would_change(
    open_visit, administrator, demo_governance
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(administrator)
    page = visit.open("/governance/")
    board = Body.objects.get(kind=BodyKind.BOARD, term__name="2025–2030")

    visit.follow(page.get_by_role("link", name="Board", exact=True))

    expect(page).to_have_url(re.compile(rf"/governance/bodies/{board.pk}/$"))
    flags = page.locator("#flags")
    expect(flags).to_contain_text("1 of 30 seats is vacant.")
    expect(flags).to_contain_text("Authorities under 25,000 inhabitants hold")
    expect(page.get_by_role("img", name=re.compile("Seats by gender"))).to_be_visible()
    page.evaluate("window.sameDocument = true")

    reserve = page.locator("#id_whatif-reserve")
    reserve.select_option(
        reserve.locator("option", has_text="Charlotte Peeters").get_attribute("value")
    )
    page.get_by_role("button", name="Show the effect").click()

    resolved = page.locator("#what-if-resolved")
    expect(resolved).to_contain_text("1 of 30 seats is vacant.")
    expect(resolved).to_contain_text("Authorities under 25,000 inhabitants")
    assert page.evaluate("window.sameDocument") is True
    visit.audit()


@pytest.mark.browser
def test_administrator_records_attendance_and_sees_the_quorum(
    open_visit, administrator, demo_governance
):
    visit = open_visit(locale="en-GB")
    visit.sign_in(administrator)
    meeting = Meeting.objects.get(body__kind=BodyKind.GENERAL_ASSEMBLY)
    page = visit.open("/governance/meetings/")
    visit.follow(page.get_by_role("link", name=meeting.title))
    expect(page.locator("#quorum")).to_contain_text("6 of 8 voting members")

    visit.follow(page.get_by_role("link", name="Record attendance"))
    absent = page.get_by_role("group", name=re.compile("Rudi Verlinden"))
    expect(absent.get_by_label("absent", exact=True)).to_be_checked()
    absent.get_by_label("present", exact=True).check()
    visit.follow(page.get_by_role("button", name="Save the attendance"))

    expect(page.locator("#quorum")).to_contain_text("7 of 8 voting members")
    expect(page.locator("#attendance")).to_contain_text("Rudi Verlinden")
    assert meeting.attendances.filter(status=AttendanceStatus.PRESENT).count() == 6


@pytest.mark.browser
def test_board_page_fits_a_phone_for_a_trainer(open_visit, trainer, demo_governance):
    visit = open_visit(locale="en-GB", viewport={"width": 360, "height": 800})
    visit.sign_in(trainer)
    board = Body.objects.get(kind=BodyKind.BOARD, term__name="2025–2030")

    page = visit.open(f"/governance/bodies/{board.pk}/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    expect(page.locator("#members")).to_contain_text("Marleen Vanhoof")
