"""Booking as people expect, on a phone: the catalogue as cards, closed editions said so,
and leaving a waitlist confirmed first (in Dutch)."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.models import Enrolment, Level
from atelier.academy.services.enrolment import enrol
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

from .browsing import Visit

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(open_visit: Callable[..., Visit]) -> Visit:
    return open_visit(**PHONE)


@pytest.fixture
def level_two(db) -> Level:
    """Level 2 (the seeded levels do not survive the live server's flushes)."""
    return Level.objects.get_or_create(
        number=2,
        defaults={"name_nl": "Opleidingsdag", "format_nl": "één dag", "objectives_nl": "…"},
    )[0]


def scrolls_sideways(visit: Visit) -> bool:
    return visit.page.evaluate("document.scrollingElement.scrollWidth > window.innerWidth")


@pytest.mark.browser
def test_catalogue_on_a_phone_is_a_list_of_cards_and_says_closed(phone: Visit, level_two):
    now = timezone.now()
    make_edition(
        make_course(title="Service design in één dag met een bijzonder lange titel"),
        starts=now + datetime.timedelta(days=30),
        price_member=120,
        price_non_member=240,
    )
    late = make_edition(
        make_course(title="Te laat voor inschrijving"),
        starts=now + datetime.timedelta(days=4),
        deadline=now - datetime.timedelta(hours=2),
    )

    page = phone.open("/academy/")

    cards = page.locator("#edition-cards > li")
    expect(cards).to_have_count(2)
    expect(page.locator("#editions")).to_be_hidden()
    assert not scrolls_sideways(phone)
    closed_card = cards.filter(has_text="Te laat voor inschrijving")
    expect(closed_card.locator(".badge")).to_have_text("gesloten")

    phone.follow(closed_card.get_by_role("link"))
    expect(page.locator(".enrolment-box")).to_contain_text("Inschrijven gesloten sinds")
    expect(page.locator('main form[action$="/enrol/"]')).to_have_count(0)
    assert not scrolls_sideways(phone)
    assert late.registration_closed


@pytest.mark.browser
def test_catalogue_on_a_desktop_keeps_its_table(open_visit: Callable[..., Visit], level_two):
    make_edition(make_course(title="Service design in één dag"))
    visit = open_visit()

    page = visit.open("/academy/")

    expect(page.locator("#editions tbody tr")).to_have_count(1)
    expect(page.locator("#edition-cards")).to_be_hidden()


@pytest.mark.browser
def test_leaving_the_waitlist_on_a_phone_asks_to_confirm(
    phone: Visit, level_two, participant, outsider
):
    full = make_edition(make_course(title="Volzet"), capacity=1)
    make_enrolment(full, outsider)
    waiting = enrol(edition=full, person=participant, by=participant)
    phone.sign_in(participant)

    page = phone.open(f"/academy/editions/{full.pk}/")
    phone.follow(page.get_by_role("button", name="Wachtlijst verlaten"))
    expect(page.locator("main h1")).to_have_text("De wachtlijst verlaten?")
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.WAITLISTED
    assert not scrolls_sideways(phone)

    phone.follow(page.get_by_role("button", name="Ja, verlaat de wachtlijst"))
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.CANCELLED
