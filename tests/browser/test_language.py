"""The interface language: the switch in the header and the browser's Accept-Language."""

import pytest
from playwright.sync_api import Page, expect

from .browsing import Visit


def switch_language(visit: Visit, language: str) -> Page:
    form = visit.page.locator("header form:has(select[name=language])")
    form.locator("select[name=language]").select_option(language)
    return visit.follow(form.locator("[type=submit]"))


@pytest.mark.browser
def test_language_switch_changes_html_lang_and_texts_and_back(visit, live_server):
    page = visit.open("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main h1")).to_have_text("Aanmelden")
    dutch_footer = page.locator("footer").inner_text()

    switch_language(visit, "en")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text("Sign In")
    expect(page.locator("footer")).to_contain_text("open-source software")
    expect(page.locator("footer")).not_to_have_text(dutch_footer)
    expect(page.locator("select[name=language]")).to_have_value("en")

    switch_language(visit, "nl")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("main h1")).to_have_text("Aanmelden")
    expect(page.locator("footer")).to_have_text(dutch_footer)


@pytest.mark.browser
def test_chosen_language_stays_for_the_next_pages(visit, geel):
    page = visit.open("/members/")
    antwerp = page.locator("select[name=province] option[value='10000']")
    expect(antwerp).to_have_text("Antwerpen")

    switch_language(visit, "en")
    expect(antwerp).to_have_text("Antwerp")

    visit.open("/accounts/password/reset/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.mark.browser
def test_english_accept_language_gives_an_english_page(open_visit):
    visit = open_visit(locale="en-GB")
    page = visit.open("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main h1")).to_have_text("Sign In")
