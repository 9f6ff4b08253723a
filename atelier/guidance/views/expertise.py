"""Expertise planner pages: the team's skills, making a plan, and one plan to read or print.

Every project is looked up first (404 for others), then the method is checked (405).
"""

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from atelier.accounts.access import user_of
from atelier.guidance.models import ExpertisePlan, RuleSet, SkillAssessment
from atelier.guidance.services import expertise as services
from atelier.guidance.services.rules import current_rules, text
from atelier.lib.money import format_euro
from atelier.method.models import Technique
from atelier.projects.access import can_edit, get_project_for_user
from atelier.projects.models import Project

DECISIONS = {
    "make": gettext_lazy("in house"),
    "coach": gettext_lazy("in house, with a coach"),
    "buy": gettext_lazy("bring in an expert"),
}


def _language() -> str:
    return "en" if (get_language() or "nl")[:2] == "en" else "nl"


class SkillsForm(forms.Form):
    """One question per area of expertise: my own level, 0 to 3, with its descriptor."""

    def __init__(self, *args: Any, rules: RuleSet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = _language()
        choices = [
            (
                str(level["value"]),
                f"{level['value']} · {text(level['name'], language)}: "
                f"{text(level['descriptor'], language)}",
            )
            for level in rules.data["levels"]
        ]
        for area in rules.data["areas"]:
            self.fields[area["key"]] = forms.ChoiceField(
                label=text(area["name"], language),
                help_text=text(area["about"], language),
                choices=choices,
                widget=forms.RadioSelect,
            )


def _level_names(rules: RuleSet) -> dict[int, str]:
    return {level["value"]: text(level["name"], _language()) for level in rules.data["levels"]}


def _name(names: dict[int, str], level: int | None) -> str | None:
    return None if level is None else names.get(level)


def _team_table(project: Project, rules: RuleSet) -> dict[str, Any]:
    """Rows of person × area (None where not assessed) and the best level per area."""
    names, keys = _level_names(rules), [area["key"] for area in rules.data["areas"]]
    rows, best = [], dict.fromkeys(keys, 0)
    for member, levels in services.team_skills(project):
        cells = [None if levels is None else levels.get(key, 0) for key in keys]
        rows.append({"person": member.user, "cells": [(c, _name(names, c)) for c in cells]})
        for key, cell in zip(keys, cells, strict=True):
            best[key] = max(best[key], cell or 0)
    return {"rows": rows, "best": [(best[key], names.get(best[key])) for key in keys]}


def _own_levels(project: Project, user: Any) -> dict[str, str]:
    assessment = SkillAssessment.objects.filter(project=project, person=user).first()
    levels = assessment.levels if assessment else {}
    return {key: str(value) for key, value in levels.items()}


@login_required
def skills(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    project = get_project_for_user(user, pk, write=request.method == "POST")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    rules = current_rules("expertise")
    data = request.POST if request.method == "POST" else None
    form = SkillsForm(data, rules=rules, initial=_own_levels(project, user))
    if data is not None and form.is_valid():
        try:
            services.save_skills(project=project, person=user, levels=form.cleaned_data, by=user)
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Your skills are saved."))
            return redirect("guidance:skills", pk=project.pk)
    context = {
        "project": project,
        "form": form,
        "may_assess": services.in_house_members(project).filter(user=user).exists(),
        "areas": [text(area["name"], _language()) for area in rules.data["areas"]],
        "levels": rules.data["levels"],
        "language": _language(),
        **_team_table(project, rules),
    }
    return render(request, "guidance/expertise/skills.html", context)


@login_required
def expertise(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    project = get_project_for_user(user, pk, write=request.method == "POST")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        plan = services.make_plan(project=project, by=user, language=_language())
        messages.success(request, _("A new expertise plan is made."))
        return redirect("guidance:expertise_plan", plan_pk=plan.pk)
    plans = list(
        ExpertisePlan.objects.filter(project=project).select_related("rules", "created_by")
    )
    context = {
        "project": project,
        "history": [{"plan": plan, "totals": _totals_to_show(plan)} for plan in plans],
        "latest": plans[0] if plans else None,
        "latest_phases": _phases_to_show(plans[0]) if plans else [],
        "latest_totals": _totals_to_show(plans[0]) if plans else {},
        "may_edit": can_edit(user, project),
    }
    return render(request, "guidance/expertise/plans.html", context)


def _area_label(area: dict[str, Any]) -> str:
    if area["decision"] == "make" and area["external_days"]:
        return str(DECISIONS["coach"])
    return str(DECISIONS[area["decision"]])


def _euro(amount: str) -> str:
    return format_euro(Decimal(amount))


def _area_to_show(area: dict[str, Any]) -> dict[str, Any]:
    return {
        **area,
        "decision_label": _area_label(area),
        "cost_display": _euro(area["cost"]),
        "day_rate_display": _euro(area["day_rate"]),
    }


def _totals_to_show(plan: ExpertisePlan) -> dict[str, Any]:
    totals = plan.plan.get("totals", {})
    return {**totals, "cost_display": _euro(totals.get("cost", "0"))}


def _phases_to_show(plan: ExpertisePlan, with_names: bool = False) -> list[dict[str, Any]]:
    """The stored phases with their decisions in words (and the planned techniques' names)."""
    phases = plan.plan.get("phases", [])
    names: dict[str, str] = {}
    if with_names:
        slugs = {slug for phase in phases for slug in phase["techniques"]}
        names = {t.slug: t.name for t in Technique.objects.filter(slug__in=slugs)}
    return [
        {
            **phase,
            "decision_label": DECISIONS[phase["decision"]],
            "cost_display": _euro(phase["cost"]),
            "technique_names": [names.get(slug, slug) for slug in phase["techniques"]],
            "areas": [_area_to_show(area) for area in phase["areas"]],
        }
        for phase in phases
    ]


@login_required
def expertise_plan(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_object_or_404(
        ExpertisePlan.objects.select_related("rules", "created_by"), pk=plan_pk
    )
    project = get_project_for_user(user_of(request), plan.project_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    context = {
        "project": project,
        "plan": plan,
        "phases": _phases_to_show(plan, with_names=True),
        "totals": _totals_to_show(plan),
    }
    return render(request, "guidance/expertise/plan.html", context)
