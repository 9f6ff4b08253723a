"""Searching the member registry and reading an organisation's page, in a real browser."""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from .browsing import Visit

# 40709 as Dutch (40.709) or English (40,709) formats it, or without grouping.
GEEL_INHABITANTS = re.compile(r"\b40[.,\u00a0\u202f ]?709\b")


def results_row(page: Page, code: str) -> Locator:
    return page.locator("#results tbody tr").filter(
        has=page.get_by_role("cell", name=code, exact=True)
    )


def search(visit: Visit, text: str) -> None:
    """Type into the search box as a person would; htmx refreshes #results in place."""
    search_box = visit.page.locator("#id_q")
    search_box.fill("")
    search_box.press_sequentially(text, delay=20)


@pytest.mark.browser
def test_typing_a_name_updates_the_results_without_a_reload(visit, registry):
    page = visit.open("/members/")
    page.evaluate("window.sameDocument = true")

    search(visit, "Geel")
    expect(results_row(page, "13008")).to_contain_text("Geel")
    expect(page.locator("#results tbody tr").filter(has_not_text="Geel")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]q=Geel\b"))
    assert page.evaluate("window.sameDocument") is True
    page.wait_for_load_state("networkidle")
    visit.audit()


@pytest.mark.browser
def test_filtering_by_province_keeps_only_its_organisations(visit, registry):
    page = visit.open("/members/")
    province_cells = page.locator("#results tbody tr td:nth-child(4)")
    expect(province_cells.filter(has_not_text="Limburg")).not_to_have_count(0)

    page.locator("#id_province").select_option(label="Limburg")
    expect(province_cells.filter(has_not_text="Limburg")).to_have_count(0)
    expect(province_cells).not_to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]province=70000\b"))
    page.wait_for_load_state("networkidle")
    visit.audit()


@pytest.mark.browser
def test_geel_page_shows_its_inhabitants(visit, registry):
    page = visit.open("/members/")
    search(visit, "Geel")
    visit.follow(results_row(page, "13008").get_by_role("link", name="Geel", exact=True))

    expect(page.locator("main h1")).to_have_text("Geel")
    expect(page.locator("dl.facts")).to_contain_text(GEEL_INHABITANTS)


@pytest.mark.browser
def test_merged_municipality_page_lists_its_predecessors(visit, registry):
    page = visit.open("/members/")
    search(visit, "Bilzen-Hoeselt")
    visit.follow(results_row(page, "73110").get_by_role("link", name="Bilzen-Hoeselt"))

    history = page.locator("section[aria-labelledby=history-title]")
    predecessors = history.get_by_role("listitem")
    expect(predecessors).to_have_count(2)
    expect(predecessors.nth(0)).to_contain_text("Bilzen (73006)")
    expect(predecessors.nth(1)).to_contain_text("Hoeselt (73032)")
    visit.follow(history.get_by_role("link", name="Hoeselt", exact=True))
    expect(page.locator("main h1")).to_contain_text("Hoeselt")
