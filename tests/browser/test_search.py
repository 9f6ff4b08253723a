"""The header's search box with suggestions, and the results page, in a browser (axe)."""

import re

import pytest
from playwright.sync_api import expect

from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status
from atelier.search.indexing import rebuild

from .browsing import settled


@pytest.fixture
def findable(geel, participant):
    KnowledgeItem.objects.create(
        title="Het leefloon aanvragen",
        summary="Wie heeft recht op een leefloon van het OCMW van Geel?",
        kind=Kind.FAQ,
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED,
    )
    rebuild()  # live-server tests start from a flushed database


@pytest.mark.browser
def test_suggestions_as_you_type_are_chosen_with_the_keyboard(visit, findable):
    page = visit.open("/method/")
    box = page.locator("#site-search-q")
    box.fill("gee")
    settled(page)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("option", name=re.compile("Geel"))).to_be_visible()
    visit.audit()  # with the suggestions open
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-option-1")
    expect(page.locator("#site-search-option-1")).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    visit.audit()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Geel")


@pytest.mark.browser
def test_results_page_groups_highlights_and_filters(visit, participant, findable):
    visit.sign_in(participant)
    page = visit.open("/")
    page.locator("#site-search-q").fill("leeflonen")
    visit.follow(page.locator(".site-search").get_by_role("button"))
    expect(page.locator("#group-knowledge")).to_be_visible()
    expect(page.locator(".search-hit__snippet mark").first).to_have_text(re.compile("leefloon"))
    page.locator("input[name=kind][value=faq]").check()
    visit.follow(page.locator(".search-page__facets button[type=submit]"))
    expect(page.get_by_role("link", name="Het leefloon aanvragen")).to_be_visible()


@pytest.mark.browser
def test_anonymous_visitor_does_not_find_members_only_items(visit, findable):
    page = visit.open("/search/?q=leefloon")
    expect(page.locator(".search-hit")).to_have_count(0)


@pytest.mark.browser
def test_on_a_phone_the_results_come_first_and_the_filters_open_on_a_tap(
    open_visit, participant, findable
):
    visit = open_visit(viewport={"width": 390, "height": 844})
    visit.sign_in(participant)
    page = visit.open("/search/?q=leefloon")
    facets = page.locator(".search-page__facets")
    expect(facets).to_be_hidden()
    expect(page.get_by_role("link", name="Het leefloon aanvragen")).to_be_in_viewport()
    page.locator(".search-page__refine > summary").click()
    expect(facets).to_be_visible()
    visit.audit()
    page.locator("input[name=kind][value=faq]").check()
    visit.follow(page.locator(".search-page__facets button[type=submit]"))
    expect(facets).to_be_visible()  # a chosen filter stays in sight
    expect(page.locator("input[name=kind][value=faq]")).to_be_checked()
