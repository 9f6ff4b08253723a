"""The staff's view of an edition's feedback: charts, open answers, anonymity threshold."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import FeedbackQuestion, QuestionKind
from atelier.academy.services.feedback import submit_feedback
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def edition():
    return make_edition(starts=timezone.now() - datetime.timedelta(days=1))


def answer(edition, count: int, start: int = 0, rating: int = 4) -> None:
    session = edition.sessions.get()
    questions = list(FeedbackQuestion.objects.filter(is_active=True))
    for index in range(start, start + count):
        person = make_person(f"p{index}@example.org", Role.PARTICIPANT)
        answers = {
            q.pk: rating if q.kind == QuestionKind.RATING else f"<script>{index}</script>"
            for q in questions
        }
        submit_feedback(session=session, enrolment=make_enrolment(edition, person), answers=answers)


def results(user, edition):
    return signed_in(user).get(reverse("academy:feedback_results", args=[edition.pk]))


def test_results_are_hidden_below_three_responses(administrator, edition):
    answer(edition, 2)
    response = results(administrator, edition)
    html = response.content.decode()
    assert "so that no answer can be traced to a person" in html
    assert "<svg" not in html


def test_results_show_mean_distribution_and_escaped_open_answers(trainer, edition):
    answer(edition, 2, rating=5)
    answer(edition, 2, start=2, rating=2)
    html = results(trainer, edition).content.decode()
    assert "4 responses" in html
    assert "mean 3.5" in html
    assert "<svg" in html
    assert "Show the data as a table" in html
    assert "&lt;script&gt;3&lt;/script&gt;" in html
    assert "<script>3" not in html


def test_results_queries_do_not_grow_with_answers(administrator, edition):
    answer(edition, 3)
    with CaptureQueriesContext(connection) as few:
        results(administrator, edition)
    answer(edition, 8, start=3)
    with CaptureQueriesContext(connection) as many:
        results(administrator, edition)
    assert len(few) == len(many)


def test_results_are_for_staff_only(participant, coordinator, edition):
    for person in (participant, coordinator):
        assert results(person, edition).status_code == 403
