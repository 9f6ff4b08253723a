"""The anonymous survey after a session: who may answer, once, and what is stored."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import (
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackReceipt,
    FeedbackResponse,
    QuestionKind,
)
from atelier.academy.services.feedback import AlreadyAnswered, submit_feedback
from atelier.academy.tests.factories import make_edition, make_enrolment

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def started_session():
    edition = make_edition(starts=timezone.now() - datetime.timedelta(hours=2))
    return edition.sessions.get()


def filled_in(sign: bool = False) -> dict[str, str]:
    data = {}
    for question in FeedbackQuestion.objects.filter(is_active=True):
        key = f"question-{question.pk}"
        data[key] = "4" if question.kind == QuestionKind.RATING else "<b>More coffee</b>"
    if sign:
        data["signed"] = "on"
    return data


def test_participant_answers_anonymously_once(participant):
    session = started_session()
    make_enrolment(session.edition, participant)
    url = reverse("academy:feedback", args=[session.pk])
    client = signed_in(participant)
    page = client.get(url)
    assert page.status_code == 200
    assert 'type="radio"' in page.content.decode()
    response = client.post(url, filled_in(), follow=True)
    html = response.content.decode()
    assert "Thank you for your feedback." in html
    assert "already given your feedback" in html
    stored = FeedbackResponse.objects.get()
    assert stored.signed_by is None
    assert FeedbackReceipt.objects.filter(session=session).count() == 1
    assert FeedbackAnswer.objects.filter(response=stored, rating=4).count() == 3
    assert client.post(url, filled_in()).status_code == 200
    assert FeedbackResponse.objects.count() == 1


def test_signed_answers_name_the_participant(participant):
    session = started_session()
    make_enrolment(session.edition, participant)
    signed_in(participant).post(reverse("academy:feedback", args=[session.pk]), filled_in(True))
    assert FeedbackResponse.objects.get().signed_by == participant


def test_a_second_submission_through_the_service_is_refused(participant):
    session = started_session()
    enrolment = make_enrolment(session.edition, participant)
    submit_feedback(session=session, enrolment=enrolment, answers={})
    with pytest.raises(AlreadyAnswered):
        submit_feedback(session=session, enrolment=enrolment, answers={})
    assert FeedbackResponse.objects.count() == 1


def test_the_survey_opens_when_the_session_starts(participant):
    session = make_edition().sessions.get()
    make_enrolment(session.edition, participant)
    page = signed_in(participant).get(reverse("academy:feedback", args=[session.pk]))
    assert "The survey opens when the session starts." in page.content.decode()
    assert (
        signed_in(participant)
        .post(reverse("academy:feedback", args=[session.pk]), filled_in())
        .status_code
        == 200
    )
    assert not FeedbackResponse.objects.exists()


def test_people_not_confirmed_in_the_edition_get_404(participant, outsider):
    session = started_session()
    make_enrolment(session.edition, outsider, status="waitlisted")
    url = reverse("academy:feedback", args=[session.pk])
    assert signed_in(outsider).get(url).status_code == 404
    assert signed_in(participant).get(url).status_code == 404
