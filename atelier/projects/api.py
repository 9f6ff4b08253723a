"""Projects in the REST API: the same access rules and services as the project pages."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

# Re-exported: atelier.canvases.api imports it from here.
from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken
from atelier.api.refusals import WRITE_REFUSALS, refusals
from atelier.api.types import PageQuery, Text, Title
from atelier.method.models import Phase

from . import services
from .access import get_project_for_user, projects_visible_to
from .models import Project, ProjectStatus

router = Router(auth=[BearerToken(), django_auth], tags=["projects"])


class OrganisationRef(Schema):
    id: int
    name: str


class ProjectOut(Schema):
    id: int
    title: str
    organisation: OrganisationRef
    problem_statement: str
    target_group: str
    current_phase: str | None  # the phase's slug
    status: ProjectStatus
    revision: int
    url: str


class ProjectPage(Schema):
    count: int
    items: list[ProjectOut]


class ProjectIn(Schema):
    title: Title
    problem_statement: Text = ""
    target_group: Text = ""


class ProjectChange(Schema):
    """Only the fields given change; `revision` is the one the client read."""

    revision: int
    title: Title | None = None
    problem_statement: Text | None = None
    target_group: Text | None = None
    status: ProjectStatus | None = None
    current_phase: Text | None = None  # a phase slug


def project_out(request: HttpRequest, project: Project) -> dict[str, Any]:
    organisation = project.organisation
    phase = project.current_phase
    return {
        "id": project.pk,
        "title": project.title,
        "organisation": {"id": organisation.pk, "name": organisation.name},
        "problem_statement": project.problem_statement,
        "target_group": project.target_group,
        "current_phase": phase.slug if phase else None,
        "status": project.status,
        "revision": project.revision,
        "url": request.build_absolute_uri(reverse("projects:detail", args=[project.pk])),
    }


@router.get("/projects", response=ProjectPage)
def list_projects(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """The projects the person may read, most recently changed first."""
    projects = (
        projects_visible_to(user_of(request))
        .select_related("organisation", "current_phase")
        .order_by("-updated_at", "-pk")
    )
    page = projects[query.offset : query.offset + query.limit]
    return {"count": projects.count(), "items": [project_out(request, p) for p in page]}


@router.get("/projects/{project_id}", response=ProjectOut)
def get_project(request: HttpRequest, project_id: int) -> dict[str, Any]:
    """One project (404 for those who may not see it)."""
    return project_out(request, get_project_for_user(user_of(request), project_id))


@router.post("/projects", response={201: ProjectOut, **WRITE_REFUSALS})
@refusals()
def create_project(request: HttpRequest, payload: ProjectIn) -> Status:
    """Opens a project for the person's organisation, with them as its lead."""
    project = services.open_project(
        title=payload.title,
        problem_statement=payload.problem_statement,
        target_group=payload.target_group,
        by=user_of(request),
    )
    return Status(201, project_out(request, project))


def _phase(slug: str | None) -> Phase | None:
    if slug is None:
        return None
    phase = Phase.objects.filter(slug=slug).first()
    if phase is None:
        raise ValidationError(_("Choose a phase of the method."))
    return phase


@router.patch("/projects/{project_id}", response={200: ProjectOut, **WRITE_REFUSALS})
@refusals(show_current=project_out)
def change_project(request: HttpRequest, project_id: int, payload: ProjectChange) -> Status:
    """Changes the project's description (409 when `revision` is stale) and its phase."""
    user = user_of(request)
    project = get_project_for_user(user, project_id, write=True)
    phase = _phase(payload.current_phase)
    project = services.update_project(
        project=project,
        revision=payload.revision,
        title=_given(payload.title, project.title),
        problem_statement=_given(payload.problem_statement, project.problem_statement),
        target_group=_given(payload.target_group, project.target_group),
        status=_given(payload.status, project.status),
        by=user,
    )
    if phase is not None and phase.pk != project.current_phase_id:
        project = services.set_phase(project=project, phase=phase, by=user)
    return Status(200, project_out(request, get_project_for_user(user, project.pk)))


def _given(value: str | None, current: str) -> str:
    return current if value is None else value
