"""Reads for enrolment: a person's enrolments, an edition's participants and waitlist."""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from atelier.academy.models import Edition, Enrolment
from atelier.accounts.models import Role, User

WAITLISTED = Enrolment.Status.WAITLISTED


def with_waitlist_position(enrolments: QuerySet[Enrolment]) -> QuerySet[Enrolment]:
    """Annotates `position`: the place in line of each waitlisted enrolment (1 is next)."""
    ahead = (
        Enrolment.objects.filter(edition=OuterRef("edition"), status=WAITLISTED)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("edition")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return enrolments.annotate(position=Subquery(ahead, output_field=IntegerField()))


def live_enrolment(*, edition: Edition, person: User) -> Enrolment | None:
    """The person's confirmed or waitlisted enrolment in the edition, with its position."""
    if not person.is_authenticated:
        return None
    enrolments = edition.enrolments.exclude(status=Enrolment.Status.CANCELLED).filter(person=person)
    return with_waitlist_position(enrolments).first()


@dataclass
class MyEnrolments:
    upcoming: list[Enrolment] = field(default_factory=list)
    waitlisted: list[Enrolment] = field(default_factory=list)
    past: list[Enrolment] = field(default_factory=list)
    cancelled: list[Enrolment] = field(default_factory=list)


def enrolments_of(person: User) -> MyEnrolments:
    """The person's enrolments, split into upcoming, waitlist, past and cancelled."""
    enrolments = with_waitlist_position(
        person.enrolments.select_related("edition__course__level", "edition__province")
    ).order_by("edition__starts_at", "pk")
    now = timezone.now()
    mine = MyEnrolments()
    for enrolment in enrolments:
        starts = enrolment.edition.starts_at
        if enrolment.status == Enrolment.Status.CANCELLED:
            mine.cancelled.append(enrolment)
        elif starts is not None and starts < now:
            mine.past.append(enrolment)
        elif enrolment.status == WAITLISTED:
            mine.waitlisted.append(enrolment)
        else:
            mine.upcoming.append(enrolment)
    return mine


@dataclass
class Participants:
    confirmed: list[Enrolment]
    waitlisted: list[Enrolment]


def participants_of(edition: Edition) -> Participants:
    """Confirmed participants and the waitlist in order, with person and organisation."""
    enrolments = (
        edition.enrolments.exclude(status=Enrolment.Status.CANCELLED)
        .select_related("person", "organisation", "enrolled_by")
        .order_by("created_at", "pk")
    )
    confirmed = [e for e in enrolments if e.status == Enrolment.Status.CONFIRMED]
    waitlisted = [e for e in enrolments if e.status == WAITLISTED]
    for position, enrolment in enumerate(waitlisted, start=1):
        enrolment.position = position  # type: ignore[attr-defined]
    return Participants(confirmed=confirmed, waitlisted=waitlisted)


def is_coordinator(user: User) -> bool:
    return user.is_authenticated and user.role == Role.COORDINATOR and bool(user.organisation_id)


def colleagues_for_enrolment(*, coordinator: User, edition: Edition) -> list[User]:
    """The coordinator's active colleagues, each with `enrolment_status` in this edition."""
    organisation = coordinator.organisation
    if organisation is None:
        return []
    statuses = dict(
        edition.enrolments.exclude(status=Enrolment.Status.CANCELLED)
        .filter(person__organisation=organisation)
        .values_list("person_id", "status")
    )
    people = list(
        User.objects.filter(organisation=organisation, is_active=True).order_by(
            "last_name", "first_name", "email"
        )
    )
    for person in people:
        person.enrolment_status = statuses.get(person.pk, "")  # type: ignore[attr-defined]
    return people


def enrolments_for_api(person: User) -> QuerySet[Enrolment]:
    enrolments = person.enrolments.select_related("edition__course", "certificate")
    return with_waitlist_position(enrolments).order_by("-created_at", "-pk")
