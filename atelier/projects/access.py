"""Who may see and change a project: the one place the interface and the API ask.

- The project's team (lead, members, an invited expert) read and write it.
- The coordinators of its organisation read and write every project of their organisation.
- Association staff (trainers coach the teams) read every project, and change none.
- Everyone else gets 404, as if the project did not exist.
"""

from typing import TypeGuard

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from atelier.accounts.models import Role, User
from atelier.lib.page_cache import project_pages

from .models import MemberRole, Project


def _is_active(user: User | None) -> TypeGuard[User]:
    return user is not None and user.is_authenticated and user.is_active


def projects_visible_to(user: User | None) -> QuerySet[Project]:
    """The projects this person may read."""
    if not _is_active(user):
        return Project.objects.none()
    if user.is_association_staff:
        return Project.objects.all()
    return _editable(user)


def projects_editable_by(user: User | None) -> QuerySet[Project]:
    """The projects this person may change."""
    if not _is_active(user):
        return Project.objects.none()
    return _editable(user)


def _editable(user: User) -> QuerySet[Project]:
    """The team's projects and, for a coordinator, every project of their organisation."""
    editable = Q(members__user=user)
    if user.role == Role.COORDINATOR and user.organisation_id:
        editable |= Q(organisation_id=user.organisation_id)
    return Project.objects.filter(editable).distinct()


def can_edit(user: User | None, project: Project) -> bool:
    return projects_editable_by(user).filter(pk=project.pk).exists()


def can_manage_team(user: User | None, project: Project) -> bool:
    """The project lead and the organisation's coordinators invite and remove people."""
    if not _is_active(user):
        return False
    if user.role == Role.COORDINATOR and user.organisation_id == project.organisation_id:
        return True
    return project.members.filter(user=user, role=MemberRole.LEAD).exists()


def may_open_projects(user: User | None) -> bool:
    """Coordinators and participants open projects for their own organisation."""
    return (
        _is_active(user)
        and user.role in (Role.COORDINATOR, Role.PARTICIPANT)
        and user.organisation_id is not None
    )


def get_project_for_user(user: User | None, pk: int, *, write: bool = False) -> Project:
    """The project, or 404 for those who may not see it (403 for staff asking to change it)."""
    project = (
        projects_visible_to(user)
        .select_related("organisation", "current_phase")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404
    project_pages.touched(project.pk)
    if write and not can_edit(user, project):
        raise PermissionDenied
    return project
