"""The expertise planner: the team's own view of its skills and a make-or-buy plan per phase.

`compute_plan` is pure: the rules' data, the phases, what is planned and the team's levels
in, the plan out (the shape the tender builder reads). Days and money are Decimal while
computing; in the stored plan money is a decimal string and days a JSON number.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.guidance.models import ExpertisePlan, SkillAssessment
from atelier.guidance.rules.expertise import PLACEHOLDER
from atelier.guidance.services.rules import current_rules, text
from atelier.lib.money import format_euro, to_cents
from atelier.lib.numbers import format_number
from atelier.method.models import Phase
from atelier.projects.access import can_edit
from atelier.projects.models import MemberRole, Project, ProjectMember

ZERO = Decimal("0")
IN_HOUSE_ROLES = (MemberRole.LEAD, MemberRole.MEMBER)  # an invited expert is not in house


@dataclass
class _AreaNeed:
    days: Decimal = ZERO  # of techniques the team may do itself when it has the skills
    sensitive_days: Decimal = ZERO  # of techniques that always bring in an expert
    needed: int = 0
    whys: list[Any] = field(default_factory=list)  # why texts of sensitive techniques


@dataclass
class _Part:
    kind: str  # make, coach, buy or sensitive
    internal: Decimal
    external: Decimal
    cost: Decimal
    reason: str


@dataclass
class _Context:
    data: Mapping[str, Any]
    language: str
    levels: dict[str, int]  # the team's best level per area

    def text(self, value: object) -> str:
        return text(value, self.language)

    def reason(self, key: str, **values: object) -> str:
        """A reason text of the rules with its {placeholders} filled; unknown ones stay."""
        words = {name: str(value) for name, value in values.items()}
        template = self.text(self.data["reasons"][key])
        return re.sub(PLACEHOLDER, lambda found: words.get(found[1], found[0]), template)

    def days(self, value: Decimal) -> str:
        return format_number(value, language=self.language)


def _round_up(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_CEILING) * step


def _number(value: Decimal) -> int | float:
    """Days as a JSON number: whole days as int; fractions stay exact in their decimal text."""
    return int(value) if value == value.to_integral_value() else float(value)


def _team_levels(skills: Iterable[Mapping[str, Any]], areas: Iterable[str]) -> dict[str, int]:
    """The best level per area among the team's self-assessments (0 when nobody has it)."""
    best = dict.fromkeys(areas, 0)
    for levels in skills:
        for area in best:
            level = levels.get(area)
            if isinstance(level, int) and 0 <= level <= 3:
                best[area] = max(best[area], level)
    return best


def _add_need(needs: dict[str, _AreaNeed], need: Mapping[str, Any], standard: int) -> None:
    for area, days in need["areas"].items():
        entry = needs.setdefault(area, _AreaNeed())
        entry.needed = max(entry.needed, need.get("level", standard))
        if not need.get("sensitive"):
            entry.days += Decimal(days)
            continue
        entry.sensitive_days += Decimal(days)
        if need.get("why") not in entry.whys:
            entry.whys.append(need.get("why"))


def _collect(ctx: _Context, slugs: Sequence[str]) -> tuple[dict[str, _AreaNeed], list[str]]:
    """The days and levels per area of the planned techniques, and the slugs the rules lack."""
    needs: dict[str, _AreaNeed] = {}
    unknown: list[str] = []
    for slug in slugs:
        need = ctx.data["techniques"].get(slug)
        if need is not None:
            _add_need(needs, need, ctx.data["independent_level"])
        elif slug not in unknown:
            unknown.append(slug)
    return needs, unknown


def _kind(ctx: _Context, need: _AreaNeed, in_house: int) -> str:
    if in_house >= need.needed:
        return "make"
    if need.needed - in_house <= ctx.data["coach_gap"]:
        return "coach"
    return "buy"


def _days_split(ctx: _Context, kind: str, days: Decimal) -> tuple[Decimal, Decimal]:
    """(internal, external) days: a coach's share on top of the team's days, or staff
    shadowing a share of the expert's days."""
    step = Decimal(ctx.data["day_step"])
    if kind == "make":
        return days, ZERO
    if kind == "coach":
        return days, _round_up(days * Decimal(ctx.data["coach_share"]), step)
    return _round_up(days * Decimal(ctx.data["shadow_share"]), step), days


def _part(ctx: _Context, kind: str, days: Decimal, area: Mapping[str, Any], **words: Any) -> _Part:
    internal, external = _days_split(ctx, kind, days)
    rate = to_cents(Decimal(ctx.data["day_rates"][area["key"]]))
    cost = to_cents(external * rate)
    reason = ctx.reason(
        kind,
        area=ctx.text(area["name"]),
        expert=ctx.text(area["expert"]),
        days=ctx.days(days),
        coach_days=ctx.days(external),
        shadow_days=ctx.days(internal),
        rate=format_euro(rate),
        cost=format_euro(cost),
        **words,
    )
    return _Part(kind, internal, external, cost, reason)


def _parts(ctx: _Context, area: Mapping[str, Any], need: _AreaNeed, phase: str) -> list[_Part]:
    """A sensitive part (always an expert) and the rest (by the team's level), where present."""
    in_house = ctx.levels.get(area["key"], 0)
    words = {"phase": phase, "in_house": in_house, "needed": need.needed}
    parts = []
    if need.sensitive_days:
        why = ", ".join(ctx.text(why) for why in need.whys)
        parts.append(_part(ctx, "sensitive", need.sensitive_days, area, why=why, **words))
    if need.days:
        parts.append(_part(ctx, _kind(ctx, need, in_house), need.days, area, **words))
    return parts


def _area_plan(ctx: _Context, area: Mapping[str, Any], need: _AreaNeed, phase: str) -> dict:
    parts = _parts(ctx, area, need, phase)
    buys = any(part.kind in ("buy", "sensitive") for part in parts)
    external = sum((part.external for part in parts), ZERO)
    rate = to_cents(Decimal(ctx.data["day_rates"][area["key"]]))
    return {
        "area": area["key"],
        "name": ctx.text(area["name"]),
        "needed": need.needed,
        "in_house": ctx.levels.get(area["key"], 0),
        "decision": "buy" if buys else "make",
        "internal_days": _number(sum((part.internal for part in parts), ZERO)),
        "external_days": _number(external),
        "day_rate": str(rate),
        # From all the external days at once, so that the cost is exactly days × rate.
        "cost": str(to_cents(external * rate)),
        "reason": " ".join(part.reason for part in parts),
    }


def _phase_needs(
    ctx: _Context, phase: Mapping[str, Any], slugs: Sequence[str], name: str
) -> tuple[dict[str, _AreaNeed], list[str]]:
    """The needs per area of a phase and the notes on where they came from."""
    needs, unknown = _collect(ctx, slugs)
    notes = [ctx.reason("unknown", technique=slug, phase=name) for slug in unknown]
    if slugs:
        return needs, notes
    default = ctx.data["phase_defaults"].get(phase["slug"])
    if default is None:
        return {}, [ctx.reason("empty", phase=name)]
    _add_need(needs, default, ctx.data["independent_level"])
    return needs, [ctx.reason("defaults", phase=name)]


def _phase_decision(areas: list[dict]) -> str:
    if any(area["decision"] == "buy" for area in areas):
        return "buy"
    if any(Decimal(str(area["external_days"])) > 0 for area in areas):
        return "coach"
    return "make"


def _sum(items: Iterable[Mapping[str, Any]], key: str) -> Decimal:
    return sum((Decimal(str(item[key])) for item in items), ZERO)


def _phase_plan(ctx: _Context, phase: Mapping[str, Any], slugs: Sequence[str]) -> dict:
    name = ctx.text(phase["name"])
    needs, notes = _phase_needs(ctx, phase, slugs, name)
    areas = [
        _area_plan(ctx, area, needs[area["key"]], name)
        for area in ctx.data["areas"]
        if area["key"] in needs
    ]
    return {
        "phase": phase["slug"],
        "name": name,
        "decision": _phase_decision(areas),
        "techniques": list(slugs),
        "areas": areas,
        "internal_days": _number(_sum(areas, "internal_days")),
        "external_days": _number(_sum(areas, "external_days")),
        "cost": str(to_cents(_sum(areas, "cost"))),
        "reasons": [*notes, *(area["reason"] for area in areas)],
    }


def compute_plan(
    data: Mapping[str, Any],
    phases: Sequence[Mapping[str, Any]],
    planned: Mapping[str, Sequence[str]],
    skills: Iterable[Mapping[str, Any]],
    language: str,
) -> dict:
    """Make or buy per phase from the rules, the phases (in order, each {"slug", "name"}),
    the technique slugs planned per phase slug and the team members' levels."""
    language = "en" if language[:2] == "en" else "nl"
    areas = [area["key"] for area in data["areas"]]
    ctx = _Context(data=data, language=language, levels=_team_levels(skills, areas))
    plans = [_phase_plan(ctx, phase, planned.get(phase["slug"], [])) for phase in phases]
    totals = {
        "internal_days": _number(_sum(plans, "internal_days")),
        "external_days": _number(_sum(plans, "external_days")),
        "cost": str(to_cents(_sum(plans, "cost"))),
    }
    return {"phases": plans, "totals": totals, "language": language}


def in_house_members(project: Project) -> Any:
    """The team members whose skills count as in house (lead and members, not experts)."""
    return (
        project.members.filter(role__in=IN_HOUSE_ROLES, user__isnull=False)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def team_skills(project: Project) -> list[tuple[ProjectMember, dict[str, int] | None]]:
    """Each in-house team member with their levels (None before they assessed themselves)."""
    members = list(in_house_members(project))
    levels = dict(
        SkillAssessment.objects.filter(
            project=project, person_id__in=[member.user_id for member in members]
        ).values_list("person_id", "levels")
    )
    return [(member, levels.get(member.user_id)) for member in members]


def _clean_levels(levels: Mapping[str, Any], areas: Iterable[str]) -> dict[str, int]:
    cleaned: dict[str, int] = {}
    for area in areas:
        value = levels.get(area)
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 3:
            raise ValidationError(_("Choose a level from 0 to 3 for every area."))
        cleaned[area] = value
    return cleaned


@transaction.atomic
def save_skills(
    *, project: Project, person: User, levels: Mapping[str, Any], by: User
) -> SkillAssessment:
    """Save a team member's own levels (0–3) per area of expertise."""
    if by.pk != person.pk or not in_house_members(project).filter(user=person).exists():
        raise PermissionDenied
    rules = current_rules("expertise")
    cleaned = _clean_levels(levels, [area["key"] for area in rules.data["areas"]])
    assessment, _created = SkillAssessment.objects.update_or_create(
        project=project, person=person, defaults={"rules": rules, "levels": cleaned}
    )
    return assessment


def _planned_slugs(project: Project) -> dict[str, list[str]]:
    planned: dict[str, list[str]] = defaultdict(list)
    for phase_slug, technique_slug in project.plan.order_by(
        "phase__position", "planned_for", "pk"
    ).values_list("phase__slug", "technique__slug"):
        planned[phase_slug].append(technique_slug)
    return planned


@transaction.atomic
def make_plan(*, project: Project, by: User, language: str | None = None) -> ExpertisePlan:
    """A new expertise plan of the project from the current rules, its plan and its team."""
    if not can_edit(by, project):
        raise PermissionDenied
    rules = current_rules("expertise")
    phases = [
        {"slug": phase.slug, "name": {"nl": phase.name_nl, "en": phase.name_en}}
        for phase in Phase.objects.order_by("position")
    ]
    skills = [levels or {} for _member, levels in team_skills(project)]
    plan = compute_plan(
        rules.data, phases, _planned_slugs(project), skills, language or get_language() or "nl"
    )
    return ExpertisePlan.objects.create(project=project, rules=rules, plan=plan, created_by=by)
