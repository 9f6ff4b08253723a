"""Demo enrolment: the demo people in upcoming editions, and one full edition with a waitlist."""

import datetime

from django.db import transaction
from django.utils import timezone

from atelier.academy.models import Edition, Enrolment
from atelier.academy.services.enrolment import enrol
from atelier.accounts.models import User

# A small room: two seats taken, two people waiting (in this order).
FULL_EDITION_SEATS = 2
FULL_EDITION_PEOPLE = [
    "coordinator.geel@atelier.example",
    "expert@atelier.example",
    "participant.lennik@atelier.example",
    "participant.geel@atelier.example",
]
OPEN_EDITION_PEOPLE = ["participant.geel@atelier.example", "participant.lennik@atelier.example"]


def _people(emails: list[str]) -> list[User]:
    by_email = {user.email: user for user in User.objects.filter(email__in=emails)}
    return [by_email[email] for email in emails if email in by_email]


def _upcoming(level: int) -> list[Edition]:
    return list(
        Edition.objects.filter(
            course__level__number=level,
            status=Edition.Status.PUBLISHED,
            registration_deadline__gt=timezone.now(),
        ).order_by("starts_at", "pk")
    )


@transaction.atomic
def load_demo_enrolment(*, today: datetime.date) -> int:
    """Once: enrolments in the first upcoming level 1 and level 2 editions; how many made."""
    level_one, level_two = _upcoming(1), _upcoming(2)
    if not level_one or not level_two:
        return 0
    full = level_two[0]
    if Enrolment.objects.filter(edition__in=[full, level_one[0]]).exists():
        return 0
    full.capacity = FULL_EDITION_SEATS
    full.save(update_fields=["capacity"])
    made = 0
    for edition, people in [(full, FULL_EDITION_PEOPLE), (level_one[0], OPEN_EDITION_PEOPLE)]:
        for person in _people(people):
            enrol(edition=edition, person=person, by=person)
            made += 1
    return made
