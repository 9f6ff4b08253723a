"""The project pages. Every project is fetched through `access.get_project_for_user`."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atelier.accounts.access import user_of
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import Phase

from . import selectors, services
from .access import can_edit, can_manage_team, get_project_for_user, may_open_projects
from .forms import (
    AddMemberForm,
    CanvasForm,
    DecisionForm,
    DoneForm,
    InviteExpertForm,
    PhaseForm,
    PlanForm,
    ProjectCreateForm,
    ProjectEditForm,
)
from .models import Project

ProjectView = Callable[..., HttpResponse]


def project_view(*methods: str, write: bool = False) -> Callable[[ProjectView], ProjectView]:
    """Resolve the project (404 for others) before anything else, even the method check,
    so that a project's URLs tell an outsider nothing; POST (or `write`) needs write access."""

    def decorator(view: ProjectView) -> ProjectView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
            writing = write or request.method == "POST"
            project = get_project_for_user(user_of(request), pk, write=writing)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, project, **kwargs)

        return wrapped

    return decorator


def _attempt(form: Any, service: Callable[..., Any], **arguments: Any) -> Any:
    """Call a service; its refusal becomes an error of the form (and None is returned)."""
    try:
        return service(**arguments)
    except ValidationError as refusal:
        form.add_error(None, refusal)
        return None


@login_required
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    context = {"projects": selectors.project_list(user), "may_open": may_open_projects(user)}
    return render(request, "projects/project_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request: HttpRequest) -> HttpResponse:
    if not may_open_projects(user_of(request)):
        raise PermissionDenied
    form = ProjectCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = _attempt(form, services.open_project, **form.cleaned_data, by=user_of(request))
        if project is not None:
            messages.success(request, _("The project is open. You are its lead."))
            return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form})


def _render_detail(
    request: HttpRequest, project: Project, canvas_form: CanvasForm | None = None
) -> HttpResponse:
    user = user_of(request)
    plan = selectors.plan_by_phase(project)
    context = {
        "project": project,
        "may_edit": can_edit(user, project),
        "may_manage_team": can_manage_team(user, project),
        "phases": list(Phase.objects.order_by("position")),
        "phase_form": PhaseForm(initial={"phase": project.current_phase_id}),
        "canvas_groups": selectors.canvases_by_kind(project),
        "canvas_form": canvas_form or CanvasForm(),
        "plan": plan,
        "has_plan": any(step.planned for step in plan),
        "decisions": selectors.last_decisions(project),
        "team": selectors.team(project),
    }
    return render(request, "projects/project_detail.html", context)


@project_view("GET")
def project_detail(request: HttpRequest, project: Project) -> HttpResponse:
    return _render_detail(request, project)


@project_view("GET", "POST", write=True)
def project_edit(request: HttpRequest, project: Project) -> HttpResponse:
    form = ProjectEditForm(request.POST) if request.method == "POST" else None
    current = None
    if form is not None and form.is_valid():
        try:
            services.update_project(project=project, **form.cleaned_data, by=user_of(request))
        except services.StaleProject as stale:
            form.add_error(None, stale)
            current = stale.current
            form = _retarget(form, current.revision)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("The project was saved."))
            return redirect("projects:detail", pk=project.pk)
    context = {"form": form or ProjectEditForm.for_project(project), "project": project}
    return render(request, "projects/project_form.html", context | {"current": current})


def _retarget(form: ProjectEditForm, revision: int) -> ProjectEditForm:
    """The person's input again, now against the current revision, so a second save wins."""
    data = {name: form.data.get(name, "") for name in form.fields}
    data["revision"] = str(revision)
    retargeted = ProjectEditForm(data)
    retargeted.is_valid()
    for error in form.non_field_errors():
        retargeted.add_error(None, error)
    return retargeted


@project_view("POST")
def set_phase(request: HttpRequest, project: Project) -> HttpResponse:
    form = PhaseForm(request.POST)
    if form.is_valid():
        services.set_phase(project=project, phase=form.cleaned_data["phase"], by=user_of(request))
        messages.success(request, _("The project moved to another phase."))
    else:
        messages.error(request, _("Choose a phase."))
    return redirect("projects:detail", pk=project.pk)


@project_view("POST")
def canvas_create(request: HttpRequest, project: Project) -> HttpResponse:
    form = CanvasForm(request.POST)
    if form.is_valid():
        canvas = _attempt(
            form, create_canvas, project=project, **form.cleaned_data, by=user_of(request)
        )
        if canvas is not None:
            return redirect(reverse("canvases:canvas", args=[canvas.pk]))
    return _render_detail(request, project, canvas_form=form)


def _render_team(
    request: HttpRequest,
    project: Project,
    add_form: AddMemberForm | None = None,
    invite_form: InviteExpertForm | None = None,
) -> HttpResponse:
    context = {
        "project": project,
        "team": selectors.team(project),
        "may_manage_team": can_manage_team(user_of(request), project),
        "add_form": add_form or AddMemberForm(project=project),
        "invite_form": invite_form or InviteExpertForm(),
    }
    return render(request, "projects/team.html", context)


@project_view("GET")
def team(request: HttpRequest, project: Project) -> HttpResponse:
    return _render_team(request, project)


@project_view("POST")
def member_add(request: HttpRequest, project: Project) -> HttpResponse:
    form = AddMemberForm(request.POST, project=project)
    if form.is_valid():
        user = form.cleaned_data["user"]
        member = _attempt(
            form, services.add_member, project=project, user=user, by=user_of(request)
        )
        if member is not None:
            messages.success(request, _("%(person)s joined the team.") % {"person": user})
            return redirect("projects:team", pk=project.pk)
    return _render_team(request, project, add_form=form)


@project_view("POST")
def expert_invite(request: HttpRequest, project: Project) -> HttpResponse:
    form = InviteExpertForm(request.POST)
    if form.is_valid():
        member = _attempt(
            form,
            services.invite_expert,
            project=project,
            email=form.cleaned_data["email"],
            by=user_of(request),
            base_url=request.build_absolute_uri("/")[:-1],
        )
        if member is not None:
            if member.user_id is None:
                messages.success(request, _("The expert was invited by e-mail."))
            else:
                messages.success(request, _("The expert joined the team."))
            return redirect("projects:team", pk=project.pk)
    return _render_team(request, project, invite_form=form)


@project_view("POST")
def member_remove(request: HttpRequest, project: Project, member_pk: int) -> HttpResponse:
    member = get_object_or_404(project.members.select_related("project"), pk=member_pk)
    try:
        services.remove_member(member=member, by=user_of(request))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("%(person)s left the team.") % {"person": member})
    return redirect("projects:team", pk=project.pk)


def _render_plan(
    request: HttpRequest, project: Project, plan_form: PlanForm | None = None
) -> HttpResponse:
    context = {
        "project": project,
        "plan": selectors.plan_by_phase(project),
        "may_edit": can_edit(user_of(request), project),
        "plan_form": plan_form or PlanForm(),
        "done_form": DoneForm(),
    }
    return render(request, "projects/plan.html", context)


@project_view("GET", "POST")
def plan(request: HttpRequest, project: Project) -> HttpResponse:
    if request.method != "POST":
        return _render_plan(request, project)
    form = PlanForm(request.POST)
    if form.is_valid():
        planned = services.plan_technique(project=project, **form.cleaned_data, by=user_of(request))
        messages.success(request, _("%(technique)s is planned.") % {"technique": planned})
        return redirect("projects:plan", pk=project.pk)
    return _render_plan(request, project, plan_form=form)


@project_view("POST")
def plan_done(request: HttpRequest, project: Project, planned_pk: int) -> HttpResponse:
    planned = get_object_or_404(project.plan.select_related("project"), pk=planned_pk)
    form = DoneForm(request.POST)
    if form.is_valid():
        services.mark_done(
            planned=planned, done_on=form.cleaned_data["done_on"], by=user_of(request)
        )
        messages.success(request, _("%(technique)s is done.") % {"technique": planned})
    else:
        messages.error(request, _("Give the day it was done."))
    return redirect("projects:plan", pk=project.pk)


@project_view("POST")
def plan_remove(request: HttpRequest, project: Project, planned_pk: int) -> HttpResponse:
    planned = get_object_or_404(project.plan.select_related("project"), pk=planned_pk)
    services.unplan(planned=planned, by=user_of(request))
    messages.success(request, _("%(technique)s is off the plan.") % {"technique": planned})
    return redirect("projects:plan", pk=project.pk)


@project_view("GET", "POST")
def decisions(request: HttpRequest, project: Project) -> HttpResponse:
    form = DecisionForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        decision = _attempt(
            form,
            services.record_decision,
            project=project,
            **form.cleaned_data,
            by=user_of(request),
        )
        if decision is not None:
            messages.success(request, _("The decision is in the log."))
            return redirect("projects:decisions", pk=project.pk)
    context = {
        "project": project,
        "decisions": selectors.decision_log(project),
        "may_edit": can_edit(user_of(request), project),
        "form": form,
    }
    return render(request, "projects/decisions.html", context)
