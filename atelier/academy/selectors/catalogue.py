"""Reads for the public catalogue, the edition page, the calendars and the staff overview."""

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from atelier.academy.models import (
    CalendarFeed,
    CourseKind,
    Edition,
    Enrolment,
    SeminarAudience,
    Session,
)
from atelier.accounts.models import User


@dataclass(frozen=True)
class CatalogueFilter:
    level: int | None = None
    province: str = ""  # NIS code
    month: datetime.date | None = None  # the first day of the month
    language: str = ""
    kind: str = ""  # training or seminar
    audience: str = ""  # councillors or staff: seminars for them or for both
    topic: str = ""  # a knowledge topic's slug
    course: int | None = None  # the editions of one course (search links to them)


def with_sessions(editions: QuerySet[Edition]) -> QuerySet[Edition]:
    """The editions with their sessions, venues and trainers fetched in two more queries."""
    return editions.prefetch_related(_sessions())


def _sessions() -> Prefetch:
    return Prefetch(
        "sessions",
        queryset=Session.objects.select_related("venue", "trainer").order_by("starts_at", "pk"),
    )


def catalogue(filters: CatalogueFilter) -> QuerySet[Edition]:
    """Published editions one can still enrol in or that lie ahead, first start first.

    Each carries `first_city`: the city of its first session's venue (None when online).
    """
    now = timezone.now()
    first_session = Session.objects.filter(edition=OuterRef("pk")).order_by("starts_at", "pk")
    editions = (
        Edition.objects.filter(status=Edition.Status.PUBLISHED)
        .filter(Q(registration_deadline__gte=now) | Q(starts_at__gte=now))
        .select_related("course__level")
        .annotate(first_city=Subquery(first_session.values("venue__city")[:1]))
    )
    if filters.level:
        editions = editions.filter(course__level__number=filters.level)
    if filters.province:
        editions = editions.filter(province__nis_code=filters.province)
    if filters.month:
        start = timezone.make_aware(datetime.datetime.combine(filters.month, datetime.time()))
        following = (filters.month + datetime.timedelta(days=32)).replace(day=1)
        end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
        editions = editions.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.language:
        editions = editions.filter(language=filters.language)
    if filters.course:
        editions = editions.filter(course_id=filters.course)
    return _seminar_filters(editions, filters).order_by("starts_at", "pk")


def _seminar_filters(editions: QuerySet[Edition], filters: CatalogueFilter) -> QuerySet[Edition]:
    if filters.kind in CourseKind.values:
        editions = editions.filter(course__kind=filters.kind)
    if filters.audience in (SeminarAudience.COUNCILLORS, SeminarAudience.STAFF):
        editions = editions.filter(course__audience__in=[filters.audience, SeminarAudience.BOTH])
    if filters.topic:
        editions = editions.filter(course__topics__slug=filters.topic)
    return editions


def edition_for(user: User, pk: int) -> Edition | None:
    """An edition with its course, level and sessions; drafts and cancelled ones only for staff."""
    editions = Edition.objects.select_related("course__level", "province").prefetch_related(
        _sessions()
    )
    if not getattr(user, "is_association_staff", False):
        editions = editions.filter(status=Edition.Status.PUBLISHED)
    return editions.filter(pk=pk).first()


def feed_for_token(token: str) -> CalendarFeed | None:
    return CalendarFeed.objects.select_related("person").filter(token=token).first()


def confirmed_sessions(person: User) -> QuerySet[Session]:
    """The sessions of every edition the person holds a confirmed seat in."""
    editions = Enrolment.objects.filter(person=person, status=Enrolment.Status.CONFIRMED).values(
        "edition"
    )
    return (
        Session.objects.filter(edition__in=editions)
        .exclude(edition__status=Edition.Status.CANCELLED)
        .select_related("edition__course__level", "venue", "trainer")
        .order_by("starts_at", "pk")
    )


def staff_editions() -> QuerySet[Edition]:
    """Every edition, drafts and cancelled ones included, newest start first."""
    return Edition.objects.select_related("course__level").order_by("-starts_at", "-pk")
