"""The questionnaire per course: the default set, a course's own questions, choice questions,
results per edition and the trend over editions."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import FeedbackAnswer, FeedbackQuestion, QuestionKind
from atelier.academy.selectors.surveys import course_trend, questions_for
from atelier.academy.services.feedback import (
    add_question,
    copy_default_questions,
    retire_question,
    submit_feedback,
)
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def past_edition(course, days_ago: int = 1):
    return make_edition(course, starts=timezone.now() - datetime.timedelta(days=days_ago))


def answer_all(edition, people: int, rating: int, choice: str = "", start: int = 0) -> None:
    session = edition.sessions.order_by("starts_at").first()
    questions = list(questions_for(edition.course))
    for index in range(start, start + people):
        person = make_person(f"s{edition.pk}-{index}@example.org", Role.PARTICIPANT)
        answers = {}
        for question in questions:
            if question.kind == QuestionKind.RATING:
                answers[question.pk] = rating
            elif question.kind == QuestionKind.CHOICE:
                answers[question.pk] = choice
            else:
                answers[question.pk] = "Goed"
        submit_feedback(session=session, enrolment=make_enrolment(edition, person), answers=answers)


def test_a_course_without_its_own_questions_asks_the_default(db):
    course = make_course()
    default = list(FeedbackQuestion.objects.filter(course__isnull=True, is_active=True))
    assert default, "the migrations seed the default questions"
    assert list(questions_for(course)) == default


def test_the_existing_answers_stay_with_the_default_questions(administrator):
    edition = past_edition(make_course())
    answer_all(edition, 3, rating=4)
    assert FeedbackAnswer.objects.filter(question__course__isnull=True).count() > 0


def test_own_questionnaire_starts_from_the_default_and_takes_a_choice_question(administrator):
    course = make_course()
    url = reverse("academy:course_survey", args=[course.pk])
    response = signed_in(administrator).post(
        url,
        {
            "kind": "choice",
            "text_nl": "Hoe hoorde u van deze opleiding?",
            "text_en": "How did you hear of this course?",
            "choices_nl": "Nieuwsbrief\nCollega\nWebsite",
            "choices_en": "Newsletter\nColleague\nWebsite",
        },
    )
    assert response.status_code == 302
    own = list(questions_for(course))
    defaults = FeedbackQuestion.objects.filter(course__isnull=True, is_active=True).count()
    assert len(own) == defaults + 1
    assert all(q.course == course for q in own)
    assert own[-1].options == [
        ("Nieuwsbrief", "Newsletter"),
        ("Collega", "Colleague"),
        ("Website", "Website"),
    ]
    other = make_course(title="Andere opleiding")
    assert all(q.course is None for q in questions_for(other))


def test_a_choice_question_needs_two_options(administrator):
    course = make_course()
    response = signed_in(administrator).post(
        reverse("academy:course_survey", args=[course.pk]),
        {"kind": "choice", "text_nl": "Kies", "choices_nl": "Enkel"},
    )
    assert "at least two options" in response.content.decode()
    assert not course.feedback_questions.exists()


def test_participants_answer_the_courses_own_questions_and_results_count_choices(
    administrator, participant
):
    course = make_course()
    copy_default_questions(course=course, by=administrator)
    add_question(
        course=course,
        kind=QuestionKind.CHOICE,
        text_nl="Hoe hoorde u ervan?",
        text_en="How did you hear of it?",
        choices_nl="Nieuwsbrief\nCollega",
        choices_en="Newsletter\nColleague",
        by=administrator,
    )
    edition = past_edition(course)
    make_enrolment(edition, participant)
    session = edition.sessions.get()
    form = signed_in(participant).get(reverse("academy:feedback", args=[session.pk]))
    assert "How did you hear of it?" in form.content.decode()
    answer_all(edition, 2, rating=5, choice="Collega")
    answer_all(edition, 1, rating=3, choice="Nieuwsbrief", start=2)
    html = signed_in(administrator).get(reverse("academy:feedback_results", args=[edition.pk]))
    html = html.content.decode()
    assert "How did you hear of it?" in html
    assert '<td>Colleague</td><td class="number">2</td>' in html


def test_retiring_an_answered_question_keeps_it_for_earlier_results(administrator):
    course = make_course()
    copy_default_questions(course=course, by=administrator)
    edition = past_edition(course)
    answer_all(edition, 3, rating=4)
    question = course.feedback_questions.filter(kind=QuestionKind.RATING).first()
    retire_question(question=question, by=administrator)
    question.refresh_from_db()
    assert not question.is_active
    assert question not in questions_for(course)
    html = signed_in(administrator).get(reverse("academy:feedback_results", args=[edition.pk]))
    assert question.text in html.content.decode()


def test_trend_gives_the_mean_per_edition_and_hides_small_editions(administrator):
    course = make_course()
    first, second, small = (
        past_edition(course, 60),
        past_edition(course, 30),
        past_edition(course, 2),
    )
    answer_all(first, 3, rating=2)
    answer_all(second, 4, rating=4)
    answer_all(small, 2, rating=5)
    trend = course_trend(course)
    overall = [(row.responses, row.overall) for row in trend.editions]
    assert [(n, str(mean) if mean is not None else None) for n, mean in overall] == [
        (3, "2.0"),
        (4, "4.0"),
        (2, None),
    ]
    html = signed_in(administrator).get(reverse("academy:course_survey_trend", args=[course.pk]))
    assert 'id="trend"' in html.content.decode() and "<svg" in html.content.decode()


def test_trend_queries_do_not_grow_with_editions(administrator):
    course = make_course()
    client = signed_in(administrator)
    url = reverse("academy:course_survey_trend", args=[course.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    answer_all(past_edition(course, 40), 3, rating=3)
    few = count()
    for days in (30, 20, 10):
        answer_all(past_edition(course, days), 3, rating=4)
    assert count() == few


def test_only_staff_build_questionnaires(participant):
    course = make_course()
    assert (
        signed_in(participant).get(reverse("academy:course_survey", args=[course.pk])).status_code
        == 403
    )
