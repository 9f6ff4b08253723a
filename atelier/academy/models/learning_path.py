"""The level 3 learning path: cohorts, teams, milestones and peer reviews."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.members.models import Organisation

from .programme import Bilingual, Edition


class Cohort(models.Model):
    """Member organisations following the level 3 learning path together for a year."""

    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coached_cohorts",
        verbose_name=_("coach"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cohorts",
        verbose_name=_("edition"),
        help_text=_("The level 3 edition whose days this cohort attends."),
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="cohort_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """One organisation's team in a cohort, working on a real problem of its own."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="teams", verbose_name=_("cohort")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisation")
    )
    challenge = models.CharField(_("challenge"), max_length=300)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="teams",
        verbose_name=_("workspace project"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="teams", verbose_name=_("members")
    )

    class Meta:
        ordering = ["cohort", "organisation__name_nl"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "organisation"], name="one_team_per_cohort"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.cohort})"


class Milestone(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("cohort")
    )
    title = models.CharField(_("title"), max_length=200)
    phase = models.PositiveSmallIntegerField(
        _("phase"), help_text=_("The service design phase (0–5) the milestone closes.")
    )
    due_on = models.DateField(_("due on"))
    peer_review = models.BooleanField(_("with peer review"), default=False)

    class Meta:
        ordering = ["cohort", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class MilestoneProgress(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="progress", verbose_name=_("team")
    )
    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="progress", verbose_name=_("milestone")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.NOT_STARTED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("progress")
        verbose_name_plural = _("progress")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "milestone"], name="one_progress_per_milestone"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.team} · {self.milestone}: {self.status}"


class ReviewCriterion(Bilingual):
    """A question peers answer about each other's work at a milestone."""

    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_nl = models.CharField(_("criterion (Dutch)"), max_length=300)
    text_en = models.CharField(_("criterion (English)"), max_length=300, blank=True)
    is_active = models.BooleanField(_("used"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.in_language("text")


class PeerReview(models.Model):
    """One team's review of another's work at a milestone; a re-review follows up on one."""

    milestone = models.ForeignKey(
        Milestone, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("milestone")
    )
    reviewer = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="reviews_given", verbose_name=_("reviewer")
    )
    reviewed = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        related_name="reviews_received",
        verbose_name=_("reviewed team"),
    )
    follows_up = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="re_review",
        verbose_name=_("re-review of"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["milestone", "reviewed", "pk"]
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reviewer=models.F("reviewed")), name="no_review_of_oneself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.reviewed} ({self.milestone})"


class Rating(models.TextChoices):
    GREEN = "green", _("green: on track")
    AMBER = "amber", _("amber: needs attention")
    RED = "red", _("red: needs action")


class ReviewScore(models.Model):
    review = models.ForeignKey(
        PeerReview, on_delete=models.CASCADE, related_name="scores", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        ReviewCriterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    rating = models.CharField(_("rating"), max_length=6, choices=Rating)
    action = models.TextField(_("action"), blank=True)

    class Meta:
        verbose_name = _("review score")
        verbose_name_plural = _("review scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(
                condition=Q(rating="green") | ~Q(action=""), name="red_or_amber_needs_an_action"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.rating}"
