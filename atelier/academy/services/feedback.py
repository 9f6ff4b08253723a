"""The survey after a session: one answer per participant, not linked to them."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from atelier.academy.models import (
    Course,
    Enrolment,
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackReceipt,
    FeedbackResponse,
    QuestionKind,
    Session,
)
from atelier.accounts.models import User


class AlreadyAnswered(Exception):
    """The participant already answered this session's survey."""


def feedback_enrolment(session: Session, user: User) -> Enrolment | None:
    """The user's confirmed enrolment in the session's edition, if any."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(
        edition_id=session.edition_id, person=user, status=Enrolment.Status.CONFIRMED
    ).first()


def survey_is_open(session: Session) -> bool:
    return session.starts_at <= timezone.now()


def has_answered(session: Session, enrolment: Enrolment) -> bool:
    return FeedbackReceipt.objects.filter(session=session, enrolment=enrolment).exists()


@transaction.atomic
def submit_feedback(
    *,
    session: Session,
    enrolment: Enrolment,
    answers: dict[int, int | str | None],
    signed: bool = False,
) -> FeedbackResponse:
    """Stores the answers (by question id) and a receipt; the two are not linked."""
    try:
        with transaction.atomic():
            FeedbackReceipt.objects.create(session=session, enrolment=enrolment)
    except IntegrityError as error:
        raise AlreadyAnswered from error
    response = FeedbackResponse.objects.create(
        session=session, signed_by=enrolment.person if signed else None
    )
    kinds = dict(FeedbackQuestion.objects.filter(pk__in=answers).values_list("pk", "kind"))
    rows = []
    for question_id, value in answers.items():
        if value in (None, "") or question_id not in kinds:
            continue
        if kinds[question_id] == QuestionKind.RATING:
            rows.append(FeedbackAnswer(response=response, question_id=question_id, rating=value))
        else:
            rows.append(FeedbackAnswer(response=response, question_id=question_id, text=str(value)))
    FeedbackAnswer.objects.bulk_create(rows)
    return response


# The questionnaire per course ------------------------------------------------------------


@transaction.atomic
def copy_default_questions(*, course: Course, by: User) -> list[FeedbackQuestion]:
    """Gives the course its own copy of the default questions, to change from there."""
    if course.feedback_questions.filter(is_active=True).exists():
        return list(course.feedback_questions.filter(is_active=True))
    copies = [
        FeedbackQuestion(
            course=course,
            position=question.position,
            kind=question.kind,
            text_nl=question.text_nl,
            text_en=question.text_en,
            choices_nl=question.choices_nl,
            choices_en=question.choices_en,
        )
        for question in FeedbackQuestion.objects.filter(course__isnull=True, is_active=True)
    ]
    return FeedbackQuestion.objects.bulk_create(copies)


@transaction.atomic
def add_question(
    *,
    course: Course,
    kind: str,
    text_nl: str,
    text_en: str = "",
    choices_nl: str = "",
    choices_en: str = "",
    by: User,
) -> FeedbackQuestion:
    """Adds a question at the end of the course's own questionnaire."""
    last = course.feedback_questions.aggregate(last=Max("position"))["last"]
    return FeedbackQuestion.objects.create(
        course=course,
        kind=kind,
        position=(last or 0) + 1,
        text_nl=text_nl.strip(),
        text_en=text_en.strip(),
        choices_nl=choices_nl.strip(),
        choices_en=choices_en.strip(),
    )


@transaction.atomic
def retire_question(*, question: FeedbackQuestion, by: User) -> None:
    """No longer asks the question; one that was answered is kept for the earlier results."""
    if question.answers.exists():
        question.is_active = False
        question.save(update_fields=["is_active"])
    else:
        question.delete()
