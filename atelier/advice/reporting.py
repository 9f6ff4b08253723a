"""The desk's report for staff: volumes, speed, punctuality and satisfaction."""

import datetime
import statistics
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from atelier.members.models import OrganisationType

from .models import Question
from .working_days import Calendar, closing_days


@dataclass
class Speed:
    answered: int
    median_working_days: float | None
    median_hours: float | None
    on_time: int

    @property
    def on_time_percent(self) -> float | None:
        return 100 * self.on_time / self.answered if self.answered else None


@dataclass
class Report:
    total: int
    by_topic: list[tuple[str, int]]
    by_member_type: list[tuple[str, int]]
    by_province: list[tuple[str, int]]
    by_month: list[tuple[datetime.date, int]]
    speed: Speed
    mean_rating: float | None
    ratings: int


def _counts(questions: QuerySet[Question], field: str) -> list[tuple[Any, int]]:
    rows = questions.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(row[field], row["n"]) for row in rows]


def speed(questions: QuerySet[Question]) -> Speed:
    """Median time from asking to the first answer, and how many came by the promised day."""
    answered = list(
        questions.filter(first_answered_at__isnull=False).values_list(
            "asked_at", "first_answered_at", "due_on"
        )
    )
    if not answered:
        return Speed(0, None, None, 0)
    local = [
        (timezone.localdate(asked), timezone.localdate(first), due)
        for asked, first, due in answered
    ]
    start, end = min(a for a, _, _ in local), max(f for _, f, _ in local)
    calendar = Calendar(start, end, closing_days(start, end))
    days = [calendar.between(asked, first) for asked, first, _ in local]
    hours = [(first - asked).total_seconds() / 3600 for asked, first, _ in answered if first]
    return Speed(
        answered=len(answered),
        median_working_days=statistics.median(days),
        median_hours=statistics.median(hours),
        on_time=sum(first <= due for _, first, due in local),
    )


def report(questions: QuerySet[Question]) -> Report:
    types = dict(OrganisationType.choices)
    ratings = questions.filter(rating__isnull=False).aggregate(mean=Avg("rating"), n=Count("pk"))
    by_month = (
        questions.annotate(month=TruncMonth("asked_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return Report(
        total=questions.count(),
        by_topic=_counts(questions, "topic__name_nl"),
        by_member_type=[
            (str(types.get(kind, kind)), n) for kind, n in _counts(questions, "organisation__type")
        ],
        by_province=_counts(questions, "organisation__province__name_nl"),
        by_month=[(_as_date(row["month"]), row["n"]) for row in by_month],
        speed=speed(questions),
        mean_rating=ratings["mean"],
        ratings=ratings["n"],
    )


def _as_date(month: datetime.date | datetime.datetime) -> datetime.date:
    return month.date() if isinstance(month, datetime.datetime) else month
