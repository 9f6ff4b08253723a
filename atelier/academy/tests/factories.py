"""Small factories for academy tests: courses, editions with sessions, enrolments."""

import datetime
from decimal import Decimal

from django.utils import timezone

from atelier.academy.models import Course, Edition, Enrolment, Level, Session, Venue
from atelier.academy.programme_data import LEVELS
from atelier.academy.services.programme import refresh_edition_schedule
from atelier.members.models import Province


def level(number: int) -> Level:
    """The level from the migrations; browser tests flush the database, so make it again."""
    data = next(level for level in LEVELS if level["number"] == number)
    return Level.objects.get_or_create(number=number, defaults=data)[0]


def make_course(number: int = 2, title: str = "Service design in één dag", **fields) -> Course:
    return Course.objects.create(
        level=level(number),
        title_nl=title,
        title_en=fields.pop("title_en", ""),
        summary_nl="…",
        **fields,
    )


def make_venue(province: Province | None = None, city: str = "Geel") -> Venue:
    return Venue.objects.create(
        name="Stadhuis", street="Markt 1", postal_code="2440", city=city, province=province
    )


def make_edition(
    course: Course | None = None,
    *,
    starts: datetime.datetime | None = None,
    sessions: int = 1,
    capacity: int = 20,
    venue: Venue | None = None,
    language: str = "nl",
    status: str = Edition.Status.PUBLISHED,
    price_member: Decimal = Decimal("0.00"),
    price_non_member: Decimal = Decimal("0.00"),
    deadline: datetime.datetime | None = None,
) -> Edition:
    """A published edition with one or more day-long sessions a week apart."""
    starts = starts or timezone.now() + datetime.timedelta(days=30)
    edition = Edition.objects.create(
        course=course or make_course(),
        language=language,
        status=status,
        capacity=capacity,
        price_member=price_member,
        price_non_member=price_non_member,
        registration_deadline=deadline or starts - datetime.timedelta(days=2),
    )
    venue = venue or make_venue()
    for index in range(sessions):
        start = starts + datetime.timedelta(days=7 * index)
        Session.objects.create(
            edition=edition,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=7),
            venue=venue,
        )
    return refresh_edition_schedule(edition=edition)


def make_enrolment(edition: Edition, person, status: str = Enrolment.Status.CONFIRMED) -> Enrolment:
    """An enrolment written directly, counters kept in step (tests that need no service)."""
    enrolment = Enrolment.objects.create(
        edition=edition,
        person=person,
        organisation=person.organisation,
        status=status,
        enrolled_by=person,
    )
    field = "confirmed_count" if status == Enrolment.Status.CONFIRMED else "waitlist_count"
    if status != Enrolment.Status.CANCELLED:
        setattr(edition, field, getattr(edition, field) + 1)
        edition.save(update_fields=[field])
    return enrolment
