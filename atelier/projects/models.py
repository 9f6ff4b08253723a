"""A team's service design project: its challenge, its people, its plan and its decisions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    CLOSED = "closed", _("closed")


class Project(models.Model):
    """A challenge of one organisation, worked on by its team through the phases."""

    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="projects",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    problem_statement = models.TextField(_("problem statement"), blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    current_phase = models.ForeignKey(
        "method.Phase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current phase"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Bumped on every save of the project's own fields: a stale edit form is refused.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title


class MemberRole(models.TextChoices):
    LEAD = "lead", _("project lead")
    MEMBER = "member", _("team member")
    EXPERT = "expert", _("external expert")


class ProjectMember(models.Model):
    """A person on a project's team; an invited expert waits here until they have an account."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="members", verbose_name=_("project")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="project_memberships",
        verbose_name=_("person"),
    )
    invitation = models.ForeignKey(
        "accounts.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_memberships",
        verbose_name=_("invitation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["role", "user__last_name", "user__first_name"]
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_person"),
            # An external expert works on one project only (the invitation names it).
            models.UniqueConstraint(
                fields=["user"], condition=Q(role="expert"), name="expert_on_one_project"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(invitation__isnull=False),
                name="member_is_a_person_or_an_invitation",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user or self.invitation)


class PlannedTechnique(models.Model):
    """A technique the team plans to use in a phase, and when it was done."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="plan", verbose_name=_("project")
    )
    phase = models.ForeignKey(
        "method.Phase", on_delete=models.PROTECT, related_name="+", verbose_name=_("phase")
    )
    technique = models.ForeignKey(
        "method.Technique",
        on_delete=models.PROTECT,
        related_name="planned_uses",
        verbose_name=_("technique"),
    )
    planned_for = models.DateField(_("planned for"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["phase__position", "planned_for", "pk"]
        verbose_name = _("planned technique")
        verbose_name_plural = _("planned techniques")

    def __str__(self) -> str:
        return str(self.technique)

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


class Decision(models.Model):
    """An entry of the decision log: what the team decided, when and why."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("project")
    )
    decided_on = models.DateField(_("decided on"))
    phase = models.ForeignKey(
        "method.Phase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phase"),
    )
    title = models.CharField(_("decision"), max_length=300)
    rationale = models.TextField(_("why"), blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.title
