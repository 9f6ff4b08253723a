"""The method library for everyone, and a canvas's versions for its team, in a browser."""

import re

import pytest
from playwright.sync_api import expect

from atelier.canvases.models import Card, LaneKind
from atelier.canvases.services.versions import take_snapshot
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import Technique
from atelier.method.services import load_library


@pytest.fixture
def library(db):
    load_library()  # live-server tests start from a flushed database


@pytest.mark.browser
def test_anyone_browses_filters_and_reads_a_method_card(open_visit, library):
    visit = open_visit(locale="en-GB")
    page = visit.open("/method/")
    define = Technique.objects.get(slug="personas").phase
    page.get_by_label("Phase").select_option(define.slug)
    visit.follow(page.get_by_role("button", name="Filter"))
    personas = Technique.objects.get(slug="personas")
    visit.follow(page.get_by_role("link", name=personas.name_en, exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(personas.name_en)
    expect(page.get_by_role("link", name=re.compile("Service Design Toolkit"))).to_have_attribute(
        "rel", re.compile("noopener")
    )


@pytest.mark.browser
def test_the_team_saves_compares_and_restores_a_version(open_visit, participant, library):
    journey = make_journey(make_project(participant), participant, stages=1, steps=2)
    take_snapshot(canvas=journey, name="As is", by=participant)
    card = Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS).first()
    card.delete()
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/canvases/{journey.pk}/versions/")
    visit.follow(page.get_by_role("button", name="Compare"))
    expect(page.locator("main")).to_contain_text(card.text)
    page.go_back()
    visit.audit()
    visit.follow(page.get_by_role("link", name=re.compile("Restore")).first)
    visit.follow(page.get_by_role("button", name=re.compile("Restore")))
    expect(page.locator(".canvas-card", has_text=card.text)).to_be_visible()
    assert Card.objects.filter(canvas=journey, text=card.text).exists()
