"""Reads for the level 3 learning path: who sees which cohort, team and review; the grid."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from atelier.academy.models import (
    Cohort,
    Milestone,
    MilestoneProgress,
    PeerReview,
    ReviewCriterion,
    ReviewScore,
    Team,
)
from atelier.accounts.models import Role, User

Status = MilestoneProgress.Status


def is_coach_of(user: User, cohort: Cohort) -> bool:
    return user.is_association_staff or cohort.coach_id == user.pk


def cohorts_visible_to(user: User) -> QuerySet[Cohort]:
    """Staff see every cohort; anyone else the cohorts they coach."""
    cohorts = Cohort.objects.select_related("coach")
    return cohorts if user.is_association_staff else cohorts.filter(coach=user)


def get_cohort_for_coach(user: User, pk: int) -> Cohort:
    """The cohort for its coach and for staff; 404 for anyone else."""
    cohort = cohorts_visible_to(user).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    return cohort


def is_team_member(user: User, team: Team) -> bool:
    """A member of the team, or the coordinator of its organisation: they may act for it."""
    if user.role == Role.COORDINATOR and user.organisation_id == team.organisation_id:
        return True
    return any(member.pk == user.pk for member in team.members.all())


def get_team_for_user(user: User, pk: int) -> Team:
    """The team for its members, its organisation's coordinator, the coach and staff; or 404."""
    team = (
        Team.objects.select_related("cohort__coach", "organisation")
        .prefetch_related("members")
        .filter(pk=pk)
        .first()
    )
    if team is None or not (is_coach_of(user, team.cohort) or is_team_member(user, team)):
        raise Http404
    return team


def get_review_for_user(user: User, pk: int) -> PeerReview:
    """A review for both teams, the coach and staff; the reviewed team once it is submitted."""
    review = (
        PeerReview.objects.select_related(
            "milestone__cohort__coach", "reviewer__organisation", "reviewed__organisation"
        )
        .prefetch_related("reviewer__members", "reviewed__members")
        .filter(pk=pk)
        .first()
    )
    if review is None:
        raise Http404
    allowed = (
        is_coach_of(user, review.milestone.cohort)
        or is_team_member(user, review.reviewer)
        or (review.submitted_at is not None and is_team_member(user, review.reviewed))
    )
    if not allowed:
        raise Http404
    return review


@dataclass
class Cell:
    milestone: Milestone
    status: str
    status_label: str
    overdue: bool


@dataclass
class GridRow:
    team: Team
    cells: list[Cell] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(cell.status == Status.DONE for cell in self.cells)


def progress_grid(
    cohort: Cohort, milestones: list[Milestone], today: datetime.date | None = None
) -> list[GridRow]:
    """Every team × every milestone of the cohort, with status and overdue flag; 2 queries."""
    today = today or timezone.localdate()
    teams = list(cohort.teams.select_related("organisation"))
    statuses = {
        (team_id, milestone_id): status
        for team_id, milestone_id, status in MilestoneProgress.objects.filter(
            milestone__cohort=cohort
        ).values_list("team_id", "milestone_id", "status")
    }
    # Labels resolved once, not once per cell: the grid has teams × milestones cells.
    labels = {value: str(label).capitalize() for value, label in Status.choices}
    rows = []
    for team in teams:
        row = GridRow(team)
        for milestone in milestones:
            status = statuses.get((team.pk, milestone.pk), Status.NOT_STARTED)
            overdue = status != Status.DONE and milestone.due_on < today
            row.cells.append(Cell(milestone, status, labels[status], overdue))
        rows.append(row)
    return rows


@dataclass
class MilestoneLine:
    milestone: Milestone
    progress: MilestoneProgress | None
    overdue: bool

    @property
    def status(self) -> str:
        return self.progress.status if self.progress else Status.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(dict(Status.choices)[self.status])

    @property
    def revision(self) -> int:
        return self.progress.revision if self.progress else 1

    @property
    def note(self) -> str:
        return self.progress.note if self.progress else ""


def team_milestones(team: Team, today: datetime.date | None = None) -> list[MilestoneLine]:
    today = today or timezone.localdate()
    progress = {p.milestone_id: p for p in team.progress.all()}
    lines = []
    for milestone in team.cohort.milestones.all():
        found = progress.get(milestone.pk)
        done = found is not None and found.status == Status.DONE
        lines.append(MilestoneLine(milestone, found, not done and milestone.due_on < today))
    return lines


def _reviews() -> QuerySet[PeerReview]:
    scores = ReviewScore.objects.select_related("criterion").order_by(
        "criterion__position", "criterion__pk"
    )
    return PeerReview.objects.select_related(
        "milestone", "reviewer__organisation", "reviewed__organisation"
    ).prefetch_related(Prefetch("scores", queryset=scores))


@dataclass
class ReceivedReview:
    review: PeerReview
    re_review: PeerReview | None
    comparison: list["Comparison"]


def reviews_of_team(team: Team) -> tuple[list[ReceivedReview], list[PeerReview]]:
    """(received, given): a received review once submitted, with its re-review beside it."""
    reviews = list(
        _reviews()
        .filter(
            Q(reviewer=team)
            | Q(reviewed=team, submitted_at__isnull=False)
            | Q(reviewed=team, follows_up__isnull=False)
        )
        .order_by("milestone__due_on", "pk")
    )
    follow_ups = {
        r.follows_up_id: r for r in reviews if r.reviewed_id == team.pk and r.follows_up_id
    }
    received = []
    for review in reviews:
        if review.reviewed_id != team.pk or review.follows_up_id or not review.submitted_at:
            continue
        re_review = follow_ups.get(review.pk)
        done = re_review is not None and re_review.submitted_at is not None
        comparison = before_and_after(review, re_review) if done and re_review else []
        received.append(ReceivedReview(review, re_review, comparison))
    given = [review for review in reviews if review.reviewer_id == team.pk]
    return received, given


@dataclass
class Comparison:
    criterion: ReviewCriterion
    before: ReviewScore | None
    after: ReviewScore | None


def before_and_after(review: PeerReview, re_review: PeerReview) -> list[Comparison]:
    """Per criterion, the score of the first review beside that of its re-review."""
    before = {score.criterion_id: score for score in review.scores.all()}
    after = {score.criterion_id: score for score in re_review.scores.all()}
    criteria = {
        score.criterion_id: score.criterion for score in [*before.values(), *after.values()]
    }
    ordered = sorted(criteria.values(), key=lambda criterion: (criterion.position, criterion.pk))
    return [Comparison(c, before.get(c.pk), after.get(c.pk)) for c in ordered]


def review_rounds(cohort: Cohort) -> dict[int, int]:
    """Per milestone, how many reviews were assigned (to show the coach what is done)."""
    counts: dict[int, int] = {}
    for milestone_id in PeerReview.objects.filter(milestone__cohort=cohort).values_list(
        "milestone_id", flat=True
    ):
        counts[milestone_id] = counts.get(milestone_id, 0) + 1
    return counts
