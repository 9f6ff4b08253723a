"""The demo fills every home: a session tomorrow for the trainer, a review to write for Geel's
team, the external expert on Geel's project, and the notifications of what falls due (Geel's
unpaid fee invoice is overdue from its due date on). Running it again duplicates nothing."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from atelier.academy.models import Course, Edition, Milestone, Session, Venue
from atelier.academy.services.enrolment import enrol
from atelier.academy.services.learning_path import assign_reviews
from atelier.academy.services.programme import refresh_edition_schedule
from atelier.accounts.models import User
from atelier.notifications.due import DueCounts, notify_due
from atelier.projects.models import Project
from atelier.projects.services import invite_expert

TOMORROWS_PARTICIPANTS = ["participant.geel@atelier.example", "participant.lennik@atelier.example"]


@dataclass
class HomeDemo:
    session_tomorrow: Session | None
    due: DueCounts

    def __str__(self) -> str:
        when = self.session_tomorrow.starts_at if self.session_tomorrow else "none"
        return f"session tomorrow: {when}; notified: {self.due}"


def load_demo_home(*, today: datetime.date) -> HomeDemo:
    people = {user.email: user for user in User.objects.filter(email__endswith="@atelier.example")}
    trainer = people.get("trainer@atelier.example")
    session = _session_tomorrow(today, trainer, people) if trainer else None
    _review_to_write()
    _expert_on_geel_project(people)
    return HomeDemo(session, notify_due(today=today))


@transaction.atomic
def _session_tomorrow(today: datetime.date, trainer: User, people: dict) -> Session | None:
    """A one-hour introduction tomorrow at 10:00, given by the demo trainer, two enrolled."""
    tomorrow = today + datetime.timedelta(days=1)
    existing = Session.objects.filter(trainer=trainer, starts_at__date=tomorrow).first()
    course = Course.objects.filter(level__number=1).order_by("pk").first()
    venue = Venue.objects.order_by("pk").first()
    if existing or course is None:
        return existing
    starts = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10, 0)))
    edition = Edition.objects.create(
        course=course,
        status=Edition.Status.PUBLISHED,
        language="nl",
        capacity=20,
        registration_deadline=starts - datetime.timedelta(hours=2),
    )
    session = Session.objects.create(
        edition=edition,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        venue=venue,
        trainer=trainer,
    )
    refresh_edition_schedule(edition=edition)
    for email in TOMORROWS_PARTICIPANTS:
        if email in people:
            enrol(edition=edition, person=people[email], by=people[email])
    return session


def _review_to_write() -> None:
    """The demo cohort's second review round, assigned by its coach (pairs kept if assigned)."""
    milestone = (
        Milestone.objects.filter(cohort__name="Leertraject 2026", peer_review=True)
        .order_by("due_on")
        .last()
    )
    if milestone and milestone.cohort.coach and not milestone.reviews.exists():
        assign_reviews(milestone=milestone, by=milestone.cohort.coach)


def _expert_on_geel_project(people: dict) -> None:
    expert = people.get("expert@atelier.example")
    coordinator = people.get("coordinator.geel@atelier.example")
    project = Project.objects.filter(organisation__nis_code="13008").order_by("pk").first()
    if not (expert and coordinator and project) or project.members.filter(user=expert).exists():
        return
    if expert.project_memberships.exists():
        return
    invite_expert(project=project, email=expert.email, by=coordinator, base_url="")
