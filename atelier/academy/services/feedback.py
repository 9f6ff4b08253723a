"""The survey after a session: one answer per participant, not linked to them."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from atelier.academy.models import (
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
