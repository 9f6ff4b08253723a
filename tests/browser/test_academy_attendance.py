"""A trainer marks attendance on a phone; a participant gives feedback (in English)."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.models import FeedbackQuestion, FeedbackReceipt, FeedbackResponse, Level
from atelier.academy.programme_data import FEEDBACK_QUESTIONS, LEVELS
from atelier.academy.selectors.attendance import session_statuses
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.browser
PHONE = {"locale": "en-GB", "viewport": {"width": 360, "height": 740}, "has_touch": True}


def seed_programme() -> None:
    """The levels and questions that the migrations seed (a live-server test flushes them)."""
    for level in LEVELS:
        Level.objects.update_or_create(number=level["number"], defaults=level)
    for position, (kind, text_nl, text_en) in enumerate(FEEDBACK_QUESTIONS):
        FeedbackQuestion.objects.get_or_create(
            position=position, defaults={"kind": kind, "text_nl": text_nl, "text_en": text_en}
        )


@pytest.fixture
def session(participant):
    seed_programme()
    edition = make_edition(starts=timezone.now() - datetime.timedelta(hours=3))
    make_enrolment(edition, participant)
    for first_name in ("Anna", "Bram"):
        make_enrolment(edition, make_person(f"{first_name.lower()}@example.org", Role.PARTICIPANT))
    return edition.sessions.get()


def test_trainer_marks_attendance_on_a_phone_by_tap_and_keyboard(open_visit, trainer, session):
    visit = open_visit(**PHONE)
    visit.sign_in(trainer)
    page = visit.open(f"/academy/sessions/{session.pk}/attendance/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_role("button", name="Mark all present").tap()
    anna = page.get_by_role("group", name=re.compile("Anna"))
    bram = page.get_by_role("group", name=re.compile("Bram"))
    expect(anna.get_by_label("present", exact=True)).to_be_checked()
    # By keyboard: an arrow key moves the choice within the radio group.
    anna.get_by_label("present", exact=True).focus()
    page.keyboard.press("ArrowRight")
    expect(anna.get_by_label("late", exact=True)).to_be_checked()
    # By tap, on the whole label (a large target).
    bram.get_by_text("excused", exact=True).tap()
    expect(bram.get_by_label("excused", exact=True)).to_be_checked()
    box = bram.locator("label").first.bounding_box()
    assert box is not None and box["height"] >= 44
    visit.follow(page.get_by_role("button", name="Save the attendance"))
    expect(page.get_by_text("The attendance is saved.")).to_be_visible()
    anna = page.get_by_role("group", name=re.compile("Anna"))
    expect(anna.get_by_label("late", exact=True)).to_be_checked()
    statuses = sorted(session_statuses(session).values())
    assert statuses == ["excused", "late", "present"]


def test_participant_gives_feedback(open_visit, participant, session):
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/academy/sessions/{session.pk}/feedback/")
    for group in page.locator("main").get_by_role("group").all():
        group.get_by_label("4", exact=True).check()
    page.get_by_label("What could be better?").fill("More time for questions.")
    visit.follow(page.get_by_role("button", name="Send my feedback"))
    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    expect(page.get_by_text("already given your feedback")).to_be_visible()
    assert FeedbackReceipt.objects.filter(session=session).count() == 1
    assert FeedbackResponse.objects.get().signed_by is None
