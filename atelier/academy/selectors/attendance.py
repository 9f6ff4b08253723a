"""Reads for attendance, feedback and certificates: sheets, grids, results."""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet

from atelier.academy.models import (
    ATTENDED,
    Attendance,
    Edition,
    Enrolment,
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    QuestionKind,
    Session,
)
from atelier.academy.selectors.surveys import questions_for

# Below this many answers, results could point at a person: they stay hidden.
MINIMUM_ANSWERS = 3


def confirmed_enrolments(edition: Edition) -> list[Enrolment]:
    return list(
        edition.enrolments.filter(status=Enrolment.Status.CONFIRMED)
        .select_related("person", "organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )


def session_statuses(session: Session) -> dict[int, str]:
    """The recorded status of each enrolment at the session, by enrolment id."""
    return dict(session.attendances.values_list("enrolment_id", "status"))


def sheet_version(statuses: dict[int, str]) -> str:
    """A fingerprint of a sheet: a save made against an older one is refused."""
    text = ";".join(f"{key}={statuses[key]}" for key in sorted(statuses))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class GridRow:
    enrolment: Enrolment
    statuses: list[str]
    attended: int
    meets_rule: bool


@dataclass
class AttendanceGrid:
    edition: Edition
    sessions: list[Session]
    rows: list[GridRow] = field(default_factory=list)


def meets_attendance_rule(attended: int, sessions: int, share: Decimal) -> bool:
    return sessions > 0 and Decimal(attended) / Decimal(sessions) >= share


def attendance_grid(edition: Edition) -> AttendanceGrid:
    """Each confirmed participant's status per session, with the certificate rule."""
    sessions = list(edition.sessions.order_by("starts_at", "pk"))
    recorded = {
        (enrolment_id, session_id): status
        for enrolment_id, session_id, status in Attendance.objects.filter(
            session__edition=edition
        ).values_list("enrolment_id", "session_id", "status")
    }
    grid = AttendanceGrid(edition=edition, sessions=sessions)
    share = edition.course.attendance_share
    for enrolment in confirmed_enrolments(edition):
        statuses = [recorded.get((enrolment.pk, session.pk), "") for session in sessions]
        attended = sum(1 for status in statuses if status in ATTENDED)
        grid.rows.append(
            GridRow(
                enrolment=enrolment,
                statuses=statuses,
                attended=attended,
                meets_rule=meets_attendance_rule(attended, len(sessions), share),
            )
        )
    return grid


@dataclass
class QuestionResult:
    question: FeedbackQuestion
    answers: int
    mean: Decimal | None = None
    distribution: list[tuple[Any, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def _questions_of(edition: Edition) -> QuerySet[FeedbackQuestion]:
    """The questions the edition's survey asks now, and any it asked before a change."""
    answered = FeedbackAnswer.objects.filter(response__session__edition=edition).values("question")
    asked = questions_for(edition.course).values("pk")
    return FeedbackQuestion.objects.filter(Q(pk__in=answered) | Q(pk__in=asked)).order_by(
        "course", "position", "pk"
    )


def feedback_results(edition: Edition) -> tuple[int, list[QuestionResult]]:
    """The number of responses to the edition's surveys and the results per question."""
    responses = FeedbackResponse.objects.filter(session__edition=edition).count()
    answers = FeedbackAnswer.objects.filter(response__session__edition=edition)
    counts: dict[int, Counter[int]] = defaultdict(Counter)
    for question_id, rating, number in (
        answers.filter(rating__isnull=False)
        .values_list("question_id", "rating")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[question_id][rating] = number
    texts: dict[int, list[str]] = defaultdict(list)
    for question_id, text in (
        answers.exclude(text="").order_by("response_id").values_list("question_id", "text")
    ):
        texts[question_id].append(text)
    results = []
    for question in _questions_of(edition):
        if question.kind == QuestionKind.CHOICE:
            chosen = Counter(texts[question.pk])
            options = [(label, chosen[value]) for value, label in question.options]
            results.append(QuestionResult(question, sum(chosen.values()), distribution=options))
        elif question.kind == QuestionKind.RATING:
            counter = counts[question.pk]
            total = sum(counter.values())
            mean = (
                (Decimal(sum(r * n for r, n in counter.items())) / total).quantize(Decimal("0.1"))
                if total
                else None
            )
            distribution = [(rating, counter[rating]) for rating in range(1, 6)]
            results.append(QuestionResult(question, total, mean, distribution))
        else:
            results.append(
                QuestionResult(question, len(texts[question.pk]), texts=texts[question.pk])
            )
    return responses, results
