"""What needs a person now, per role: each read is a fixed number of queries, capped in rows,
so a person's home costs the same however much data they have."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from atelier.academy.models import (
    Charge,
    Cohort,
    Edition,
    Enrolment,
    Milestone,
    MilestoneProgress,
    PeerReview,
    Session,
    Team,
    WorkshopCase,
)
from atelier.accounts.models import ErasureRequest, Invitation, Role, User
from atelier.canvases.models import Comment
from atelier.fees.models import BankLine, DocumentKind, FeeRun, Invoice, MatchOutcome
from atelier.fees.selectors import InvoiceStatus, invoices_with_balance, status_of
from atelier.guidance.models import MaturityResponse, MaturityRound, TenderJuror
from atelier.guidance.services import maturity as maturity_services
from atelier.members.models import PopulationImport
from atelier.notifications.models import Notification
from atelier.projects.access import projects_visible_to
from atelier.projects.models import PlannedTechnique, Project, ProjectStatus

SHOWN = 5
UNPAID = (InvoiceStatus.OPEN, InvoiceStatus.PARTIAL, InvoiceStatus.OVERDUE)
TRAINER_DAYS_AHEAD = 14


@dataclass
class ProjectLine:
    project: Project
    next_technique: PlannedTechnique | None


def my_projects(person: User) -> list[ProjectLine]:
    """The person's active projects (team member), latest change first, with the next step."""
    projects = list(
        Project.objects.filter(members__user=person, status=ProjectStatus.ACTIVE)
        .select_related("current_phase")
        .order_by("-updated_at")[:SHOWN]
    )
    return with_next_techniques(projects)


def with_next_techniques(projects: list[Project]) -> list[ProjectLine]:
    planned = (
        PlannedTechnique.objects.filter(project__in=projects, done_on__isnull=True)
        .select_related("technique", "phase")
        .order_by("phase__position", "planned_for", "pk")
    )
    first: dict[int, PlannedTechnique] = {}
    for item in planned:
        first.setdefault(item.project_id, item)
    return [ProjectLine(project, first.get(project.pk)) for project in projects]


def my_next_sessions(person: User) -> list[Session]:
    return list(
        Session.objects.filter(
            edition__enrolments__person=person,
            edition__enrolments__status=Enrolment.Status.CONFIRMED,
            ends_at__gte=timezone.now(),
        )
        .select_related("edition__course", "venue")
        .order_by("starts_at")[:SHOWN]
    )


@dataclass
class MilestoneLine:
    milestone: Milestone
    team: Team
    late: bool


def my_milestones(person: User, today: datetime.date) -> list[MilestoneLine]:
    """Milestones of the person's teams due within 30 days (or late) that are not done."""
    teams = {team.cohort_id: team for team in Team.objects.filter(members=person)}
    if not teams:
        return []
    milestones = (
        Milestone.objects.filter(
            cohort_id__in=teams, due_on__lte=today + datetime.timedelta(days=30)
        )
        .exclude(progress__team__members=person, progress__status=MilestoneProgress.Status.DONE)
        .order_by("due_on")[:SHOWN]
    )
    return [MilestoneLine(m, teams[m.cohort_id], m.due_on < today) for m in milestones]


def my_reviews_to_write(person: User) -> list[PeerReview]:
    return list(
        PeerReview.objects.filter(reviewer__members=person, submitted_at__isnull=True)
        .select_related("milestone", "reviewed__organisation")
        .order_by("milestone__due_on", "pk")[:SHOWN]
    )


def my_bids_to_score(person: User) -> list[TenderJuror]:
    return list(
        TenderJuror.objects.filter(person=person, submission__isnull=True)
        .filter(tender__bids__isnull=False)
        .distinct()
        .select_related("tender__project")[:SHOWN]
    )


def my_mentions(person: User) -> list[Comment]:
    """Open comments that mention the person, on canvases of projects they still see."""
    return list(
        Comment.objects.filter(mentioned=person, resolved_at__isnull=True)
        .filter(canvas__project__in=projects_visible_to(person))
        .select_related("canvas", "author")
        .order_by("-created_at", "-pk")[:SHOWN]
    )


def my_surveys_to_answer(person: User) -> list[MaturityResponse]:
    return list(maturity_services.surveys_to_answer(person)[:SHOWN])


def latest_notifications(person: User) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person, read_at__isnull=True)[:SHOWN])


# The coordinator's organisation


@dataclass
class InvoiceLine:
    invoice: Invoice
    status: str
    due: Decimal


def open_invoices(organisation_id: int, today: datetime.date) -> list[InvoiceLine]:
    """The organisation's invoices with something still due, overdue first."""
    candidates = invoices_with_balance().filter(
        organisation_id=organisation_id, kind=DocumentKind.INVOICE
    )[:50]
    lines = [
        InvoiceLine(i, status_of(i, today), i.amount - i.credited - i.paid)  # type: ignore[attr-defined]
        for i in candidates
    ]
    unpaid = [line for line in lines if line.status in UNPAID]
    unpaid.sort(key=lambda line: (line.status != InvoiceStatus.OVERDUE, line.invoice.due_on))
    return unpaid[:SHOWN]


def open_charges(organisation_id: int) -> list[Charge]:
    return list(
        Charge.objects.filter(
            organisation_id=organisation_id, cancelled_at__isnull=True, enrolment__isnull=False
        )
        .select_related("enrolment__person", "enrolment__edition__course")
        .order_by("-created_at")[:SHOWN]
    )


@dataclass
class Colleagues:
    count: int
    pending: list[Invitation] = field(default_factory=list)


def colleagues(organisation_id: int) -> Colleagues:
    count = User.objects.filter(organisation_id=organisation_id, is_active=True).count()
    pending = Invitation.objects.filter(
        organisation_id=organisation_id,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )[:SHOWN]
    return Colleagues(count, list(pending))


def organisation_enrolments(organisation_id: int) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(
            organisation_id=organisation_id,
            status__in=[Enrolment.Status.CONFIRMED, Enrolment.Status.WAITLISTED],
            edition__sessions__ends_at__gte=timezone.now(),
        )
        .distinct()
        .select_related("person", "edition__course")
        .order_by("edition__starts_at", "pk")[:SHOWN]
    )


def organisation_projects(organisation_id: int) -> list[Project]:
    return list(
        Project.objects.filter(organisation_id=organisation_id, status=ProjectStatus.ACTIVE)
        .select_related("current_phase")
        .order_by("-updated_at")[:SHOWN]
    )


def maturity(organisation_id: int) -> tuple[MaturityRound | None, list[MaturityRound]]:
    """The latest closed round (its result) and the rounds still open."""
    rounds = MaturityRound.objects.filter(organisation_id=organisation_id)
    latest = rounds.filter(closed_at__isnull=False).order_by("-closed_at").first()
    still_open: list[MaturityRound] = list(
        rounds.filter(closed_at__isnull=True)
        .annotate(waiting=Count("responses", filter=Q(responses__submitted_at__isnull=True)))
        .order_by("-opened_on")[:SHOWN]
    )
    return latest, still_open


# Trainers and coaches


@dataclass
class SessionLine:
    session: Session
    recorded: int
    expected: int


def trainer_sessions(person: User, today: datetime.date) -> list[SessionLine]:
    """Sessions the trainer gives in the next 14 days, with the attendance still to take."""
    sessions = (
        Session.objects.filter(
            trainer=person,
            starts_at__date__gte=today,
            starts_at__date__lte=today + datetime.timedelta(days=TRAINER_DAYS_AHEAD),
        )
        .select_related("edition__course", "venue")
        .annotate(recorded=Count("attendances", distinct=True))
        .order_by("starts_at")[:SHOWN]
    )
    return [SessionLine(s, s.recorded, s.edition.confirmed_count) for s in sessions]  # type: ignore[attr-defined]


@dataclass
class CohortLine:
    cohort: Cohort
    late: int
    reviews_waiting: int


def coached_cohorts(person: User, today: datetime.date) -> list[CohortLine]:
    """The coach's running cohorts: team milestones past due and not done, reviews waiting."""
    cohorts = list(
        Cohort.objects.filter(coach=person, ends_on__gte=today)
        .annotate(
            teams_count=Count("teams", distinct=True),
            past_due=Count("milestones", filter=Q(milestones__due_on__lt=today), distinct=True),
        )
        .order_by("starts_on")[:SHOWN]
    )
    done = dict(
        MilestoneProgress.objects.filter(
            milestone__cohort__in=cohorts,
            milestone__due_on__lt=today,
            status=MilestoneProgress.Status.DONE,
        )
        .values("milestone__cohort")
        .annotate(n=Count("pk"))
        .values_list("milestone__cohort", "n")
    )
    waiting = dict(
        PeerReview.objects.filter(milestone__cohort__in=cohorts, submitted_at__isnull=True)
        .values("milestone__cohort")
        .annotate(n=Count("pk"))
        .values_list("milestone__cohort", "n")
    )
    return [
        CohortLine(c, c.teams_count * c.past_due - done.get(c.pk, 0), waiting.get(c.pk, 0))  # type: ignore[attr-defined]
        for c in cohorts
    ]


def recent_feedback(person: User) -> list[Edition]:
    """Editions the trainer gave that have feedback, latest first (links to the results)."""
    return list(
        Edition.objects.filter(sessions__trainer=person, sessions__feedback__isnull=False)
        .annotate(responses=Count("sessions__feedback", distinct=True))
        .select_related("course")
        .order_by("-starts_at")[:SHOWN]
    )


def workshop_cases() -> QuerySet[WorkshopCase]:
    return WorkshopCase.objects.order_by("pk")[:SHOWN]


# Administrators


@dataclass
class FeeSummary:
    run: FeeRun | None
    invoices: int = 0
    unpaid_count: int = 0
    unpaid_amount: Decimal = Decimal("0.00")
    overdue_count: int = 0


def fee_summary(today: datetime.date) -> FeeSummary:
    """The latest year's fee run (issued before draft) and what its invoices still miss."""
    run = FeeRun.objects.order_by("-year", "-status", "-created_at").first()
    summary = FeeSummary(run)
    if run is None:
        return summary
    invoices = invoices_with_balance().filter(year=run.year, kind=DocumentKind.INVOICE)
    for invoice in invoices.select_related(None).only("amount", "due_on", "kind"):
        status = status_of(invoice, today)
        summary.invoices += 1
        if status in UNPAID:
            summary.unpaid_count += 1
            summary.unpaid_amount += invoice.amount - invoice.credited - invoice.paid  # type: ignore[attr-defined]
        summary.overdue_count += status == InvoiceStatus.OVERDUE
    return summary


@dataclass
class StaffQueues:
    erasure_requests: int
    unmatched_bank_lines: int
    population_imports: list[PopulationImport]


def staff_queues() -> StaffQueues:
    return StaffQueues(
        erasure_requests=ErasureRequest.objects.filter(processed_at__isnull=True).count(),
        unmatched_bank_lines=BankLine.objects.filter(
            outcome__in=[MatchOutcome.UNKNOWN_REFERENCE, MatchOutcome.NO_REFERENCE]
        ).count(),
        population_imports=list(PopulationImport.objects.order_by("-created_at")[:3]),
    )


def is_coordinator(person: User) -> bool:
    return person.role == Role.COORDINATOR and person.organisation_id is not None
