"""Demo attendance: a past level 1 edition with attendance, feedback and certificates."""

import datetime

from django.db import transaction

from atelier.academy.models import Course, Edition, Enrolment, FeedbackQuestion, QuestionKind
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.services.feedback import submit_feedback
from atelier.accounts.models import User

from .programme import BRUSSELS, _edition, _venues

PARTICIPANTS = [
    "participant.geel@atelier.example",
    "participant.lennik@atelier.example",
    "coordinator.geel@atelier.example",
]
OPEN_ANSWERS = [
    "Het verhaal van Geel maakte het heel concreet.",
    "Meer tijd voor vragen graag.",
    "Ik ga de klantreis met mijn team uittekenen.",
]


def _past_edition(course: Course, today: datetime.date) -> Edition:
    first_day = today - datetime.timedelta(days=21)
    return _edition(course, first_day, _venues()[0], 1, language="nl", capacity=30)


@transaction.atomic
def load_demo_attendance(*, today: datetime.date) -> Edition | None:
    """Once: a level 1 edition three weeks ago, everyone present, feedback, certificates."""
    course = Course.objects.filter(level__number=1).order_by("pk").first()
    trainer = User.objects.filter(email="trainer@atelier.example").first()
    people = list(User.objects.filter(email__in=PARTICIPANTS))
    if course is None or trainer is None or not people:
        return None
    now = datetime.datetime.combine(today, datetime.time(12), tzinfo=BRUSSELS)
    if Edition.objects.filter(course=course, starts_at__lt=now).exists():
        return None
    edition = _past_edition(course, today)
    enrolments = [
        Enrolment.objects.create(
            edition=edition,
            person=person,
            organisation=person.organisation,
            status=Enrolment.Status.CONFIRMED,
            enrolled_by=person,
        )
        for person in people
    ]
    edition.confirmed_count = len(enrolments)
    edition.save(update_fields=["confirmed_count"])
    session = edition.sessions.get()
    session.trainer = trainer
    session.save(update_fields=["trainer"])
    record_attendance(session=session, statuses={e.pk: "present" for e in enrolments}, by=trainer)
    questions = list(FeedbackQuestion.objects.filter(is_active=True))
    for index, enrolment in enumerate(enrolments):
        answers: dict[int, int | str | None] = {
            q.pk: (4 + index % 2 if q.kind == QuestionKind.RATING else OPEN_ANSWERS[index % 3])
            for q in questions
        }
        submit_feedback(session=session, enrolment=enrolment, answers=answers)
    issue_certificates(edition=edition, by=trainer)
    return edition
