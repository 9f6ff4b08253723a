"""Demo programme: a course per level, venues in the provinces, a year of editions."""

import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from atelier.academy.models import Course, Edition, Level, Session, Venue
from atelier.academy.services.programme import refresh_edition_schedule
from atelier.members.models import Province

BRUSSELS = ZoneInfo("Europe/Brussels")

COURSES: list[dict[str, Any]] = [
    {
        "level": 1,
        "title_nl": "Service design in een uur: de case van Geel",
        "title_en": "Service design in one hour: the Geel case",
        "summary_nl": "Een korte kennismaking aan de hand van één echt verhaal: hoe een stad "
        "en haar OCMW samen één sociaal huis werden.",
        "summary_en": "A short introduction through one real story: how a city and its "
        "OCMW became one social house together.",
    },
    {
        "level": 2,
        "title_nl": "Service design in één dag",
        "title_en": "Service design in one day",
        "summary_nl": "Principes, fasen en technieken, met oefeningen op een herkenbare dienst. "
        "Je leert inschatten waar service design loont en wat je zelf kunt.",
        "summary_en": "Principles, phases and techniques, practised on a familiar service. "
        "You learn where service design pays off and what you can do yourself.",
    },
    {
        "level": 3,
        "title_nl": "Leertraject service design",
        "title_en": "Service design learning path",
        "summary_nl": "Een jaar lang met een groep besturen, elk met een eigen vraagstuk, "
        "begeleid door een coach.",
        "summary_en": "A year with a cohort of authorities, each with a challenge of its own, "
        "guided by a coach.",
        "attendance_share": Decimal("0.75"),
    },
]

VENUES = [
    ("Vergaderzaal De Kempen", "Markt 1", "2440", "Geel", "10000"),
    ("Provinciehuis", "Provincieplein 1", "3010", "Leuven", "20001"),
    ("Cultuurcentrum", "Kortrijksestraat 5", "8500", "Kortrijk", "30000"),
    ("Stadhuis", "Botermarkt 1", "9000", "Gent", "40000"),
    ("Dienstencentrum", "Kempische Steenweg 2", "3500", "Hasselt", "70000"),
]

# (course level, months after the first, venue index, sessions, language, capacity)
EDITIONS = [
    (1, 1, 0, 1, "nl", 30),
    (2, 1, 1, 1, "nl", 16),
    (2, 2, 2, 1, "nl", 16),
    (2, 3, 3, 1, "en", 16),
    (1, 3, 4, 1, "nl", 30),
    (3, 2, 0, 4, "nl", 12),
]


def _venues() -> list[Venue]:
    venues = []
    for name, street, postal_code, city, province_nis in VENUES:
        venue, _ = Venue.objects.get_or_create(
            name=name,
            city=city,
            defaults={
                "street": street,
                "postal_code": postal_code,
                "province": Province.objects.filter(nis_code=province_nis).first(),
            },
        )
        venues.append(venue)
    return venues


def _courses() -> dict[int, Course]:
    courses = {}
    for data in COURSES:
        fields = {key: value for key, value in data.items() if key != "level"}
        course, _ = Course.objects.get_or_create(
            title_nl=fields.pop("title_nl"),
            defaults={"level": Level.objects.get(number=data["level"]), **fields},
        )
        courses[data["level"]] = course
    return courses


def on_a_weekday(moment: datetime.datetime) -> datetime.datetime:
    """The moment, or the same time on the next Monday when it falls in a weekend."""
    local = moment.astimezone(BRUSSELS)
    return local + datetime.timedelta(days={5: 2, 6: 1}.get(local.weekday(), 0))


def move_weekend_sessions(editions: list[Edition]) -> int:
    """Moves demo sessions loaded on a Saturday or Sunday to the Monday; how many moved."""
    moved = 0
    for edition in editions:
        sessions = [s for s in edition.sessions.all() if on_a_weekday(s.starts_at) != s.starts_at]
        for session in sessions:
            shift = on_a_weekday(session.starts_at) - session.starts_at.astimezone(BRUSSELS)
            session.starts_at += shift
            session.ends_at += shift
            session.save(update_fields=["starts_at", "ends_at"])
        if sessions:
            refresh_edition_schedule(edition=edition)
        moved += len(sessions)
    return moved


def _edition(
    course: Course, first_day: datetime.date, venue: Venue, sessions: int, **fields
) -> Edition:
    start = on_a_weekday(
        datetime.datetime.combine(first_day, datetime.time(9, 30), tzinfo=BRUSSELS)
    )
    introduction = course.level is not None and course.level.number == 1
    fields.setdefault("price_member", Decimal("0.00") if introduction else Decimal("95.00"))
    fields.setdefault("price_non_member", Decimal("0.00") if introduction else Decimal("190.00"))
    edition = Edition.objects.create(
        course=course,
        status=Edition.Status.PUBLISHED,
        registration_deadline=start - datetime.timedelta(days=3),
        **fields,
    )
    hours = 1 if introduction else 7
    for index in range(sessions):
        begins = on_a_weekday(start + datetime.timedelta(days=70 * index))
        Session.objects.create(
            edition=edition,
            title=f"Dag {index + 1}" if sessions > 1 else "",
            starts_at=begins,
            ends_at=begins + datetime.timedelta(hours=hours),
            venue=venue,
        )
    return refresh_edition_schedule(edition=edition)


@transaction.atomic
def load_demo_programme(*, today: datetime.date) -> list[Edition]:
    """Published editions from next month on; nothing new when the demo editions exist.

    Demo data loaded before sessions were kept off weekends has its weekend sessions moved.
    """
    courses = _courses()
    existing = list(Edition.objects.filter(course__in=courses.values()).order_by("pk"))
    if existing:
        move_weekend_sessions(existing)
        return existing
    venues = _venues()
    editions = []
    for level, months, venue_index, sessions, language, capacity in EDITIONS:
        first_day = (today.replace(day=1) + datetime.timedelta(days=32 * months)).replace(day=9)
        editions.append(
            _edition(
                courses[level],
                first_day,
                venues[venue_index],
                sessions,
                language=language,
                capacity=capacity,
            )
        )
    return editions
