"""What the project pages show: lists, the plan per phase, canvases by kind, the team."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Case, Count, QuerySet, Value, When

from atelier.accounts.models import ORGANISATION_ROLES, User
from atelier.canvases.models import Canvas
from atelier.method.models import Phase, Technique

from .access import projects_visible_to
from .models import Decision, MemberRole, PlannedTechnique, Project, ProjectMember

LAST_DECISIONS = 5


def project_list(user: User) -> QuerySet[Project]:
    """The projects the person may see, with organisation, phase and canvas count."""
    return (
        projects_visible_to(user)
        .select_related("organisation", "current_phase")
        .annotate(canvas_count=Count("canvases", distinct=True))
        .order_by("-updated_at", "pk")
    )


@dataclass
class PhasePlan:
    """One phase of a project's plan: what is planned in it and what could be."""

    phase: Phase
    is_current: bool
    planned: list[PlannedTechnique] = field(default_factory=list)
    suggestions: list[Technique] = field(default_factory=list)


def plan_by_phase(project: Project) -> list[PhasePlan]:
    """Every phase in order with the project's planned techniques and unplanned suggestions."""
    planned = list(
        project.plan.select_related("technique", "phase").order_by(
            "phase__position", "planned_for", "pk"
        )
    )
    planned_ids = {item.technique_id for item in planned}
    techniques = Technique.objects.filter(is_published=True).order_by("phase_id", "name_nl")
    suggestions: dict[int, list[Technique]] = {}
    for technique in techniques:
        if technique.pk not in planned_ids:
            suggestions.setdefault(technique.phase_id, []).append(technique)
    return [
        PhasePlan(
            phase=phase,
            is_current=phase.pk == project.current_phase_id,
            planned=[item for item in planned if item.phase_id == phase.pk],
            suggestions=suggestions.get(phase.pk, []),
        )
        for phase in Phase.objects.order_by("position")
    ]


def technique_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """The published techniques as select options grouped by phase (one <optgroup> each)."""
    techniques = Technique.objects.filter(is_published=True).select_related("phase")
    ordered = sorted(techniques, key=lambda t: (t.phase.position, t.name.lower()))
    return [
        (phase.name, [(technique.pk, technique.name) for technique in group])
        for phase, group in groupby(ordered, key=lambda t: t.phase)
    ]


def canvases_by_kind(project: Project) -> list[tuple[str, list[Canvas]]]:
    """The project's canvases grouped under their kind's label."""
    canvases = sorted(project.canvases.all(), key=lambda c: (c.kind, c.title.lower()))
    return [
        (group[0].get_kind_display(), group)
        for group in (list(items) for _kind, items in groupby(canvases, key=lambda c: c.kind))
    ]


def team(project: Project) -> QuerySet[ProjectMember]:
    """The team, people and pending invitations, leads first."""
    rank = Case(
        When(role=MemberRole.LEAD, then=Value(0)),
        When(role=MemberRole.MEMBER, then=Value(1)),
        default=Value(2),
    )
    return project.members.select_related("user", "invitation").order_by(
        rank, "user__last_name", "user__first_name", "pk"
    )


def people_who_may_join(project: Project) -> QuerySet[User]:
    """The people of the project's organisation who are not on its team yet."""
    return (
        User.objects.filter(
            organisation_id=project.organisation_id,
            role__in=ORGANISATION_ROLES,
            is_active=True,
        )
        .exclude(project_memberships__project=project)
        .order_by("last_name", "first_name", "email")
    )


def last_decisions(project: Project, count: int = LAST_DECISIONS) -> list[Decision]:
    """The most recent entries of the decision log."""
    return list(project.decisions.select_related("phase")[:count])


def decision_log(project: Project) -> QuerySet[Decision]:
    """The whole decision log, newest first."""
    return project.decisions.select_related("phase", "recorded_by")
