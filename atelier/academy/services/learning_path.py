"""Changes on the level 3 learning path: milestone progress and peer reviews."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.academy.models import (
    Milestone,
    MilestoneProgress,
    PeerReview,
    Rating,
    ReviewCriterion,
    ReviewScore,
    Team,
)
from atelier.academy.selectors.learning_path import is_coach_of, is_team_member
from atelier.accounts.models import User
from atelier.notifications.models import Kind
from atelier.notifications.services import notify


class StaleProgress(Exception):
    """Someone saved the progress since the form was opened; carries the current state."""

    def __init__(self, current: MilestoneProgress) -> None:
        super().__init__("stale progress")
        self.current = current


@transaction.atomic
def progress_of(*, team: Team, milestone: Milestone) -> MilestoneProgress:
    """The team's progress row for a milestone, created (not started) on first use."""
    if milestone.cohort_id != team.cohort_id:
        raise ValidationError(_("This milestone belongs to another cohort."))
    progress, _created = MilestoneProgress.objects.get_or_create(team=team, milestone=milestone)
    return progress


@transaction.atomic
def update_progress(
    *, progress: MilestoneProgress, status: str, note: str, revision: int, by: User
) -> MilestoneProgress:
    """Sets a team's status and note for a milestone, unless someone saved since `revision`."""
    if not is_team_member(by, progress.team):
        raise PermissionDenied
    current = MilestoneProgress.objects.select_for_update().get(pk=progress.pk)
    if current.revision != revision:
        raise StaleProgress(current)
    if status not in MilestoneProgress.Status.values:
        raise ValidationError(_("Choose a status."))
    current.status = status
    current.note = note.strip()
    current.done_on = timezone.localdate() if status == MilestoneProgress.Status.DONE else None
    current.revision += 1
    current.save()
    return current


@transaction.atomic
def assign_reviews(*, milestone: Milestone, by: User) -> list[PeerReview]:
    """Each team reviews the next one in a rotation (by name); pairs assigned before stay."""
    if not is_coach_of(by, milestone.cohort):
        raise PermissionDenied
    if not milestone.peer_review:
        raise ValidationError(_("This milestone has no peer review."))
    teams = list(milestone.cohort.teams.order_by("organisation__name_nl", "pk"))
    if len(teams) < 2:
        raise ValidationError(_("A peer review needs at least two teams."))
    already = set(
        milestone.reviews.filter(follows_up__isnull=True).values_list("reviewer_id", "reviewed_id")
    )
    created = []
    for index, reviewer in enumerate(teams):
        reviewed = teams[(index + 1) % len(teams)]
        if (reviewer.pk, reviewed.pk) not in already:
            created.append(
                PeerReview.objects.create(milestone=milestone, reviewer=reviewer, reviewed=reviewed)
            )
    for review in created:
        _notify_team(review.reviewer, review, Kind.REVIEW_ASSIGNED, team_named=review.reviewed)
    return created


def _notify_team(team: Team, review: PeerReview, kind: str, *, team_named: Team) -> None:
    """Tells each member of `team` about `review`, naming the other team."""
    for person in team.members.all():
        notify(
            recipient=person,
            kind=kind,
            key=f"review:{review.pk}",
            url=reverse("academy:review", args=[review.pk]),
            params={"team": str(team_named.organisation), "milestone": review.milestone.title},
        )


@dataclass(frozen=True)
class ScoreInput:
    criterion: ReviewCriterion
    rating: str
    action: str


@transaction.atomic
def save_review(
    *, review: PeerReview, scores: list[ScoreInput], submit: bool, by: User
) -> PeerReview:
    """Stores the reviewer team's scores; submitting makes the review final and visible."""
    review = PeerReview.objects.select_for_update().get(pk=review.pk)
    if not is_team_member(by, review.reviewer):
        raise PermissionDenied
    if review.submitted_at is not None:
        raise ValidationError(_("This review was submitted and can no longer change."))
    for score in scores:
        if score.rating in (Rating.RED, Rating.AMBER) and not score.action.strip():
            raise ValidationError(_("Red and amber need an action."))
    active = set(ReviewCriterion.objects.filter(is_active=True).values_list("pk", flat=True))
    if submit and not active <= {score.criterion.pk for score in scores if score.rating}:
        raise ValidationError(_("Rate every criterion before submitting."))
    review.scores.all().delete()
    ReviewScore.objects.bulk_create(
        ReviewScore(review=review, criterion=s.criterion, rating=s.rating, action=s.action.strip())
        for s in scores
        if s.rating
    )
    if submit:
        review.submitted_at = timezone.now()
        review.save(update_fields=["submitted_at"])
        _notify_team(review.reviewed, review, Kind.REVIEW_RECEIVED, team_named=review.reviewer)
    return review


@transaction.atomic
def request_re_review(*, review: PeerReview, by: User) -> PeerReview:
    """Asks the same reviewer team to look again at a submitted review's team."""
    review = PeerReview.objects.select_for_update().get(pk=review.pk)
    if not (is_coach_of(by, review.milestone.cohort) or is_team_member(by, review.reviewed)):
        raise PermissionDenied
    if review.submitted_at is None or review.follows_up_id is not None:
        raise ValidationError(_("Only a submitted first review can be reviewed again."))
    if PeerReview.objects.filter(follows_up=review).exists():
        raise ValidationError(_("A re-review was already requested."))
    return PeerReview.objects.create(
        milestone=review.milestone,
        reviewer=review.reviewer,
        reviewed=review.reviewed,
        follows_up=review,
    )
