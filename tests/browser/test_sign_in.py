"""Signing in through the allauth form and signing out again, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD

MY_ACCOUNT = re.compile(r"^(My account|Mijn account)$")
SIGN_OUT = re.compile(r"^(Sign out|Afmelden)$")
SIGN_IN = re.compile(r"^(Sign in|Aanmelden)$")


@pytest.mark.browser
def test_participant_signs_in_through_the_login_form_and_signs_out(visit, participant, live_server):
    page = visit.open("/accounts/login/")
    page.locator("input[name=login]").fill(participant.email)
    page.locator("input[name=password]").fill(PASSWORD)
    visit.follow(page.locator("main form [type=submit]"))
    expect(page).to_have_url(f"{live_server.url}/")

    header = page.locator("header")
    expect(header.get_by_role("link", name=MY_ACCOUNT)).to_have_attribute("href", "/account/")
    visit.follow(header.get_by_role("link", name=MY_ACCOUNT))
    expect(page).to_have_url(f"{live_server.url}/account/")
    expect(page.locator("main")).to_contain_text(participant.email)

    visit.follow(header.get_by_role("button", name=SIGN_OUT))
    expect(header.get_by_role("link", name=MY_ACCOUNT)).to_have_count(0)
    expect(header.get_by_role("link", name=SIGN_IN)).to_be_visible()


@pytest.mark.browser
def test_wrong_password_is_reported_on_an_accessible_form(visit, participant):
    page = visit.open("/accounts/login/")
    page.locator("input[name=login]").fill(participant.email)
    page.locator("input[name=password]").fill("not-the-password")
    visit.follow(page.locator("main form [type=submit]"))

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.locator("main .errorlist")).to_be_visible()
    expect(page.locator("header").get_by_role("link", name=MY_ACCOUNT)).to_have_count(0)
