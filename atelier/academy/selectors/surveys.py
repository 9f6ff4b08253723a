"""Which questions a course's survey asks, and how its ratings moved over its editions."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, QuerySet

from atelier.academy.models import (
    Course,
    Edition,
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    QuestionKind,
)

# As for an edition's own results: below this many responses, nothing is shown.
MINIMUM_ANSWERS = 3


def default_questions() -> QuerySet[FeedbackQuestion]:
    return FeedbackQuestion.objects.filter(course__isnull=True, is_active=True)


def course_has_own_survey(course: Course) -> bool:
    return course.feedback_questions.filter(is_active=True).exists()


def questions_for(course: Course) -> QuerySet[FeedbackQuestion]:
    """The course's own active questions, or the default set when it has none."""
    own = FeedbackQuestion.objects.filter(course=course, is_active=True)
    return own if own.exists() else default_questions()


@dataclass
class EditionTrend:
    edition: Edition
    responses: int = 0
    means: dict[int, Decimal | None] = field(default_factory=dict)  # question id → mean

    @property
    def overall(self) -> Decimal | None:
        values = [mean for mean in self.means.values() if mean is not None]
        return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1")) if values else None


@dataclass
class CourseTrend:
    questions: list[FeedbackQuestion]
    editions: list[EditionTrend]


def course_trend(course: Course) -> CourseTrend:
    """Per edition (oldest first): responses and the mean of each rating question; 4 queries."""
    editions = list(
        course.editions.exclude(status=Edition.Status.CANCELLED).order_by("starts_at", "pk")
    )
    rows = {edition.pk: EditionTrend(edition) for edition in editions}
    for edition_id, number in (
        FeedbackResponse.objects.filter(session__edition__in=editions)
        .values_list("session__edition")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        rows[edition_id].responses = number
    means = (
        FeedbackAnswer.objects.filter(response__session__edition__in=editions, rating__isnull=False)
        .values_list("response__session__edition", "question")
        .annotate(mean=Avg("rating"))
        .order_by()
    )
    asked: set[int] = set()
    for edition_id, question_id, mean in means:
        if rows[edition_id].responses < MINIMUM_ANSWERS:
            continue  # a mean of one or two answers could point at a person
        rows[edition_id].means[question_id] = Decimal(str(mean)).quantize(Decimal("0.1"))
        asked.add(question_id)
    questions = list(
        FeedbackQuestion.objects.filter(pk__in=asked, kind=QuestionKind.RATING).order_by(
            "course", "position", "pk"
        )
    )
    return CourseTrend(questions, list(rows.values()))


def choice_counts(edition: Edition) -> dict[int, dict[str, int]]:
    """Per choice question: how often each stored option was chosen in the edition."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for question_id, text, number in (
        FeedbackAnswer.objects.filter(
            response__session__edition=edition, question__kind=QuestionKind.CHOICE
        )
        .values_list("question", "text")
        .annotate(number=Count("pk"))
        .order_by()
    ):
        counts[question_id][text] = number
    return counts
