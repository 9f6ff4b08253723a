"""A participant enrols, joins a waitlist and is promoted when someone cancels (in Dutch)."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from atelier.academy.models import Enrolment, Level
from atelier.academy.services.enrolment import cancel
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

from .browsing import Visit


@pytest.fixture
def level_two(db) -> Level:
    """Level 2 (the seeded levels do not survive the live server's flushes)."""
    return Level.objects.get_or_create(
        number=2,
        defaults={"name_nl": "Opleidingsdag", "format_nl": "één dag", "objectives_nl": "…"},
    )[0]


def enrol_button(page):
    return page.locator('main form[action$="/enrol/"] button[type=submit]')


@pytest.mark.browser
def test_participant_enrols_joins_a_waitlist_and_is_promoted(
    visit: Visit, level_two, participant, outsider
):
    course = make_course(title="Service design in één dag")
    open_edition = make_edition(course=course, capacity=10)
    full_edition = make_edition(course=course, capacity=1)
    seat_holder = make_enrolment(full_edition, outsider)
    visit.sign_in(participant)

    page = visit.open(f"/academy/editions/{open_edition.pk}/")
    visit.follow(enrol_button(page))
    expect(page.locator('main form[action*="/cancel/"]')).to_be_visible()
    assert Enrolment.objects.get(edition=open_edition, person=participant).status == "confirmed"

    page = visit.open(f"/academy/editions/{full_edition.pk}/")
    visit.follow(enrol_button(page))
    waiting = Enrolment.objects.get(edition=full_edition, person=participant)
    assert waiting.status == Enrolment.Status.WAITLISTED
    expect(page.locator("main")).to_contain_text("1")

    mail.outbox.clear()
    cancel(enrolment=seat_holder, by=outsider)

    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.CONFIRMED
    (promotion,) = mail.outbox
    assert promotion.to == [participant.email]
    assert promotion.attachments[0][0] == "edition.ics"

    page = visit.open("/academy/my/")
    expect(page.locator(f'main a[href="/academy/editions/{full_edition.pk}/"]')).to_be_visible()
    expect(page.locator('main form[action*="/cancel/"]')).to_have_count(2)
