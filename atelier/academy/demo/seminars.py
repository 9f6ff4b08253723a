"""Demo seminars (studiedagen) for councillors and staff, each in several places."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from atelier.academy.models import Course, CourseKind, Edition, SeminarAudience
from atelier.knowledge.models import Topic

from .programme import _edition, _venues

SEMINARS: list[dict[str, Any]] = [
    {
        "title_nl": "Studiedag: de nieuwe bestuursperiode voor gemeenteraadsleden",
        "title_en": "Seminar: the new council term for councillors",
        "summary_nl": "Wat mag de gemeenteraad, wat doet het college en hoe volg je als "
        "raadslid het meerjarenplan op? Met praktijkvoorbeelden uit Vlaamse gemeenten.",
        "audience": SeminarAudience.COUNCILLORS,
        "topics": ["democracy", "finance"],
        "places": [(1, 1), (3, 3)],  # (months ahead, venue index)
    },
    {
        "title_nl": "Studiedag: de integratie van het OCMW in de gemeente",
        "title_en": "Seminar: integrating the OCMW into the municipality",
        "summary_nl": "Eén organisatie, twee rechtspersonen: bijzonder comité, delegaties en "
        "personeel na de integratie. Voor raadsleden en personeel.",
        "audience": SeminarAudience.BOTH,
        "topics": ["social-policy", "democracy", "personnel"],
        "places": [(2, 0), (2, 4), (4, 2)],
    },
    {
        "title_nl": "Studiedag: GDPR in het lokaal bestuur",
        "title_en": "Seminar: GDPR in local government",
        "summary_nl": "Verwerkingsregister, verwerkersovereenkomsten en datalekken: wat de "
        "informatieveiligheidsconsulent en de diensten concreet moeten doen.",
        "audience": SeminarAudience.STAFF,
        "topics": ["digital", "civil-affairs"],
        "places": [(1, 3), (3, 1)],
    },
]


def _seminar(data: dict[str, Any]) -> Course:
    course, created = Course.objects.get_or_create(
        title_nl=data["title_nl"],
        defaults={
            "kind": CourseKind.SEMINAR,
            "level": None,
            "title_en": data["title_en"],
            "summary_nl": data["summary_nl"],
            "audience": data["audience"],
            "attendance_share": Decimal("0.00"),
        },
    )
    if created:
        course.topics.set(Topic.objects.filter(slug__in=data["topics"]))
    return course


@transaction.atomic
def load_demo_seminars(*, today: datetime.date) -> list[Edition]:
    """Three seminars with editions in several provinces; nothing new when they exist."""
    venues = _venues()
    editions: list[Edition] = []
    for data in SEMINARS:
        course = _seminar(data)
        if course.editions.exists():
            editions.extend(course.editions.all())
            continue
        for months, venue_index in data["places"]:
            first_day = (today.replace(day=1) + datetime.timedelta(days=32 * months)).replace(
                day=16
            )
            editions.append(
                _edition(
                    course,
                    first_day,
                    venues[venue_index],
                    1,
                    language="nl",
                    capacity=80,
                    price_member=Decimal("75.00"),
                    price_non_member=Decimal("150.00"),
                )
            )
    return editions
