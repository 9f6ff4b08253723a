"""Keyboard use and small screens."""

import re

import pytest
from playwright.sync_api import expect

SKIP_LINK = re.compile(r"^(Skip to main content|(Ga n|N)aar de hoofdinhoud)$")
PHONE = {"width": 375, "height": 667}


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/members/", "/accounts/login/"])
def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(visit, path):
    page = visit.open(path)

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_text(SKIP_LINK)
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    visit.audit()


@pytest.mark.browser
def test_member_list_fits_a_phone_screen_without_sideways_scrolling(open_visit, registry):
    # A plain narrow viewport: with is_mobile, Chromium widens the layout viewport to fit
    # overflowing content, and innerWidth grows with scrollWidth.
    visit = open_visit(viewport=PHONE)
    page = visit.open("/members/")

    expect(page.locator("#results tbody tr")).not_to_have_count(0)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the 375px screen"
