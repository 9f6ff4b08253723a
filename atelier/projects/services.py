"""Opening a project, its team, its plan per phase and its decision log."""

import datetime
from typing import cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.accounts.models import ORGANISATION_ROLES, Invitation, Role, User
from atelier.accounts.services import INVITATION_VALIDITY, withdraw_invitation
from atelier.accounts.services import _send_invitation as send_invitation_mail
from atelier.lib.titles import checked_title
from atelier.method.models import Phase, Technique
from atelier.notifications.models import Kind
from atelier.notifications.services import notify

from .access import can_edit, can_manage_team, may_open_projects
from .models import (
    Decision,
    MemberRole,
    PlannedTechnique,
    Project,
    ProjectMember,
    ProjectStatus,
)


@transaction.atomic
def open_project(
    *,
    title: str,
    problem_statement: str = "",
    target_group: str = "",
    by: User,
) -> Project:
    """Open a project for the opener's organisation, with the opener as its lead."""
    if not may_open_projects(by):
        raise PermissionDenied
    title = checked_title(title, missing=_("Give the project a title."))
    project = Project.objects.create(
        organisation_id=cast(int, by.organisation_id),  # may_open_projects checked it
        title=title,
        problem_statement=problem_statement.strip(),
        target_group=target_group.strip(),
        current_phase=Phase.objects.order_by("position").first(),
        created_by=by,
    )
    ProjectMember.objects.create(project=project, user=by, role=MemberRole.LEAD, added_by=by)
    return project


class StaleProject(ValidationError):
    """The project changed since the form was read; `current` is the saved version."""

    def __init__(self, current: Project) -> None:
        super().__init__(
            _(
                "Someone else changed this project while you were editing it. "
                "Your text is kept below; check the current version and save again."
            )
        )
        self.current = current


def _require_edit(by: User, project: Project) -> None:
    if not can_edit(by, project):
        raise PermissionDenied


def _require_team_manager(by: User, project: Project) -> None:
    if not can_manage_team(by, project):
        raise PermissionDenied


@transaction.atomic
def update_project(
    *,
    project: Project,
    revision: int,
    title: str,
    problem_statement: str,
    target_group: str,
    status: str,
    by: User,
) -> Project:
    """Change the project's description unless it changed since `revision` was read."""
    _require_edit(by, project)
    title = checked_title(title, missing=_("Give the project a title."))
    if status not in ProjectStatus.values:
        raise ValidationError(_("Choose a status."))
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.revision != revision:
        raise StaleProject(current)
    current.title = title
    current.problem_statement = problem_statement.strip()
    current.target_group = target_group.strip()
    current.status = status
    current.revision += 1
    current.save()
    return current


@transaction.atomic
def set_phase(*, project: Project, phase: Phase, by: User) -> Project:
    """Move the project to another phase of the method."""
    _require_edit(by, project)
    # Not a change of the description: an open edit form of the project stays valid.
    project.current_phase = phase
    project.save(update_fields=["current_phase", "updated_at"])
    return project


@transaction.atomic
def add_member(*, project: Project, user: User, by: User) -> ProjectMember:
    """Put a person of the project's organisation on its team."""
    _require_team_manager(by, project)
    if not (
        user.is_active
        and user.role in ORGANISATION_ROLES
        and user.organisation_id == project.organisation_id
    ):
        raise ValidationError(_("Only people of the project's organisation can join its team."))
    if project.members.filter(user=user).exists():
        raise ValidationError(_("This person is on the team already."))
    member = _join(project=project, user=user, role=MemberRole.MEMBER, added_by=by)
    _notify_added(member, by)
    return member


def _join(**fields: object) -> ProjectMember:
    """Save a membership; the same request sent twice at once is refused, not a crash."""
    try:
        with transaction.atomic():
            return ProjectMember.objects.create(**fields)
    except IntegrityError:
        raise ValidationError(_("This person is on the team already.")) from None


EXPERT_ON_ANOTHER_PROJECT = gettext_lazy(
    "This expert works on another project already; an external expert works on one project only."
)


@transaction.atomic
def invite_expert(*, project: Project, email: str, by: User, base_url: str) -> ProjectMember:
    """Add an external expert to the team, inviting them by e-mail when they have no account."""
    _require_team_manager(by, project)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Enter a valid e-mail address.")) from None
    person = User.objects.filter(email__iexact=email).first()
    if person is not None:
        return _add_expert(project=project, person=person, by=by)
    return _invite_new_expert(project=project, email=email, by=by, base_url=base_url)


def _add_expert(*, project: Project, person: User, by: User) -> ProjectMember:
    if person.role in ORGANISATION_ROLES:
        if person.organisation_id == project.organisation_id:
            raise ValidationError(
                _("This person works for the organisation: add them as a member.")
            )
        raise ValidationError(
            _("This person works for another member organisation and is not an external expert.")
        )
    if person.role != Role.EXPERT or not person.is_active:
        raise ValidationError(_("Only people with the role of external expert can be invited."))
    if project.members.filter(user=person).exists():
        raise ValidationError(_("This person is on the team already."))
    if ProjectMember.objects.filter(user=person, role=MemberRole.EXPERT).exists():
        raise ValidationError(str(EXPERT_ON_ANOTHER_PROJECT))
    member = _join(project=project, user=person, role=MemberRole.EXPERT, added_by=by)
    _notify_added(member, by)
    return member


def _notify_added(member: ProjectMember, by: User) -> None:
    notify(
        recipient=cast(User, member.user),
        kind=Kind.INVITED,
        key=f"project-member:{member.pk}",
        url=reverse("projects:detail", args=[member.project_id]),
        params={"by": str(by), "project": member.project.title},
    )


def _invite_new_expert(*, project: Project, email: str, by: User, base_url: str) -> ProjectMember:
    open_invitation = Invitation.objects.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()
    if open_invitation is not None:
        # Accepting two expert invitations would put the expert on two projects.
        if open_invitation.project_memberships.filter(project=project).exists():
            raise ValidationError(_("This address has been invited to this project already."))
        if open_invitation.project_memberships.exists():
            raise ValidationError(str(EXPERT_ON_ANOTHER_PROJECT))
        raise ValidationError(_("This address has an open invitation already."))
    invitation = Invitation.objects.create(
        email=email,
        role=Role.EXPERT,
        organisation=None,
        invited_by=by,
        expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    member = ProjectMember.objects.create(
        project=project, invitation=invitation, role=MemberRole.EXPERT, added_by=by
    )
    # Only an invitation that was saved gets mailed.
    transaction.on_commit(lambda: send_invitation_mail(invitation, base_url=base_url))
    return member


@transaction.atomic
def remove_member(*, member: ProjectMember, by: User) -> None:
    """Take a person (or a pending invitation) off the team; the last lead stays."""
    project = member.project
    _require_team_manager(by, project)
    if (
        member.role == MemberRole.LEAD
        and not project.members.filter(role=MemberRole.LEAD, user__isnull=False)
        .exclude(pk=member.pk)
        .exists()
    ):
        raise ValidationError(_("A project keeps at least one lead: name another lead first."))
    invitation = member.invitation
    member.delete()
    if member.user_id is None and invitation is not None:
        withdraw_invitation(invitation=invitation, by=by)


@transaction.atomic
def plan_technique(
    *,
    project: Project,
    technique: Technique,
    phase: Phase | None = None,
    planned_for: datetime.date | None = None,
    note: str = "",
    by: User,
) -> PlannedTechnique:
    """Plan a technique in a phase of the project (by default the technique's own phase)."""
    _require_edit(by, project)
    fields = {
        "project": project,
        "technique": technique,
        "phase": phase or technique.phase,
        "planned_for": planned_for,
        "note": note.strip()[:300],
    }
    # The same form sent twice (a double click, a second tab) plans the technique once.
    same = PlannedTechnique.objects.filter(**fields, done_on__isnull=True).first()
    return same or PlannedTechnique.objects.create(**fields)


@transaction.atomic
def mark_done(*, planned: PlannedTechnique, done_on: datetime.date, by: User) -> PlannedTechnique:
    """Record the day a planned technique was done."""
    _require_edit(by, planned.project)
    planned.done_on = done_on
    planned.save(update_fields=["done_on"])
    return planned


@transaction.atomic
def unplan(*, planned: PlannedTechnique, by: User) -> None:
    """Take a technique off the project's plan."""
    _require_edit(by, planned.project)
    planned.delete()


@transaction.atomic
def record_decision(
    *,
    project: Project,
    decided_on: datetime.date,
    title: str,
    rationale: str,
    decided_by: str,
    phase: Phase | None,
    by: User,
) -> Decision:
    """Add an entry to the project's decision log."""
    _require_edit(by, project)
    title = checked_title(title, missing=_("Say what was decided."), limit=300)
    fields = {
        "project": project,
        "decided_on": decided_on,
        "title": title,
        "rationale": rationale.strip(),
        "decided_by": decided_by.strip()[:200],
        "phase": phase,
    }
    # The same entry sent twice (a double click, a second tab) is logged once.
    same = Decision.objects.filter(**fields).first()
    return same or Decision.objects.create(**fields, recorded_by=by)
