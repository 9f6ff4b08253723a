"""Pages audited with axe on their own (every other browser test audits the pages it passes
through), each with the skip link, the main landmark and the language switch."""

import re

import pytest
from playwright.sync_api import Page, expect

MY_ACCOUNT = re.compile(r"^(My account|Mijn account)$")
PUBLIC_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]


def expect_skip_link_main_and_language_switch(page: Page) -> None:
    expect(page.locator("body > a.skip-link[href='#main']")).to_have_count(1)
    expect(page.locator("main#main")).to_have_count(1)
    language_switch = page.locator("header form:has(select[name=language])")
    expect(language_switch.locator("[type=submit]")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_passes_axe_and_has_skip_link_and_language_switch(visit, path):
    page = visit.open(path)

    expect_skip_link_main_and_language_switch(page)


@pytest.mark.browser
@pytest.mark.parametrize("person", ["participant", "coordinator", "trainer"])
def test_account_page_passes_axe_for_each_role(visit, person, request):
    user = request.getfixturevalue(person)
    visit.sign_in(user)

    page = visit.open("/account/")
    expect(page.locator("main h1")).to_have_text(MY_ACCOUNT)
    expect(page.locator("main")).to_contain_text(user.email)
    expect_skip_link_main_and_language_switch(page)
