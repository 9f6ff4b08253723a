"""The tender builder: a tender from the expertise plan's "buy" parts, its edits and criteria."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.guidance.models import (
    Criterion,
    CriterionFamily,
    ExpertisePlan,
    RuleSetKind,
    Tender,
)
from atelier.guidance.services.rules import current_rules, text
from atelier.lib.numbers import format_number
from atelier.lib.titles import checked_title
from atelier.method.models import Phase
from atelier.projects.access import can_edit
from atelier.projects.models import Project

LANGUAGES = ("nl", "en")
SCOPED_DECISIONS = ("buy", "coach")
DESCRIPTOR_LEVELS = ("0", "4", "7", "10")


class StaleTender(ValidationError):
    """Someone else changed the tender since the form was opened."""

    def __init__(self) -> None:
        super().__init__(
            _("Someone else changed this tender meanwhile. Reload it and make your change again.")
        )


class TenderExists(ValidationError):
    """The project has a tender with this title: most likely the same form sent twice."""

    def __init__(self, tender: Tender) -> None:
        super().__init__(_("This project has a tender with this title already."))
        self.tender = tender


# A designer's work is a contract for services; the rules keep works and supplies apart too.
CONTRACT_TYPE = "services"


def thresholds_on(data: dict[str, Any], on: datetime.date) -> dict[str, Any]:
    """The period of thresholds in force on a date: the one that holds it, else the last one
    begun before it (until a newer one is published), else the first."""
    periods = sorted(data["thresholds"], key=lambda period: period["valid_from"])
    begun = [period for period in periods if period["valid_from"] <= on.isoformat()]
    return begun[-1] if begun else periods[0]


def _procedures_with_limits(
    data: dict[str, Any], on: datetime.date, contract_type: str
) -> tuple[list[tuple[dict[str, Any], str | None]], dict[str, Any] | None]:
    if "procedures" not in data:  # version 1: one undated list
        return [(item, item["below"]) for item in data["thresholds"]], None
    period = thresholds_on(data, on)
    limits = period["limits"].get(contract_type) or period["limits"][CONTRACT_TYPE]
    return [(item, limits.get(item["key"])) for item in data["procedures"]], period


def procedure_for(
    value: Decimal,
    data: dict[str, Any],
    language: str = "",
    *,
    on: datetime.date,
    contract_type: str = CONTRACT_TYPE,
) -> dict[str, Any]:
    """The procedure a contract of this value (excl. VAT) takes on a date: key, name,
    explanation, the limit it stays below and the period of the thresholds applied."""
    language = language or (translation.get_language() or "nl")[:2]
    procedures, period = _procedures_with_limits(data, on, contract_type)
    chosen, below = procedures[-1][0], None
    for procedure, limit in procedures:
        if limit is not None and value < Decimal(str(limit)):
            chosen, below = procedure, Decimal(str(limit))
            break
    return {
        "key": chosen["key"],
        "name": text(chosen["name"], language),
        "explanation": text(chosen["explanation"], language),
        "below": below,
        "valid_from": datetime.date.fromisoformat(period["valid_from"]) if period else None,
        "valid_until": datetime.date.fromisoformat(period["valid_until"]) if period else None,
    }


def _check_editor(by: User, project: Project) -> None:
    if not can_edit(by, project):
        raise PermissionDenied


def _days(value: Any, language: str) -> str:
    """Days as the tender's language writes them: '5,5' in Dutch."""
    try:
        return format_number(value or 0, language=language)
    except ValueError:
        return "0"


def _scoped_phases(plan: ExpertisePlan | None) -> list[dict[str, Any]]:
    if plan is None:
        return []
    phases = (plan.plan or {}).get("phases") or []
    return [phase for phase in phases if phase.get("decision") in SCOPED_DECISIONS]


def _phase_names(language: str) -> dict[str, str]:
    return {
        phase.slug: getattr(phase, f"name_{language}") or phase.name_nl
        for phase in Phase.objects.all()
    }


def _scope(
    phases: list[dict[str, Any]], data: dict[str, Any], language: str
) -> list[dict[str, str]]:
    names = _phase_names(language)
    scope = []
    for phase in phases:
        name = names.get(phase["phase"]) or phase.get("name", phase["phase"])
        days = _days(phase.get("external_days"), language)
        template = text(data["scope"][phase["decision"]], language)
        scope.append(
            {
                "phase": phase["phase"],
                "name": name,
                "decision": phase["decision"],
                "external_days": days,
                "text": template.replace("{phase}", name).replace("{days}", days),
            }
        )
    return scope


def _deliverables(slugs: list[str], data: dict[str, Any], language: str) -> list[dict[str, Any]]:
    names = _phase_names(language)
    return [
        {
            "phase": slug,
            "name": names.get(slug, slug),
            "items": [text(item, language) for item in data["deliverables"].get(slug, [])],
        }
        for slug in slugs
    ]


def _content(
    project: Project, plan: ExpertisePlan | None, data: dict[str, Any], language: str, by: User
) -> dict[str, Any]:
    scope = _scope(_scoped_phases(plan), data, language)
    # Without a plan, every phase's deliverables are offered; the team strikes what it needs not.
    slugs = [item["phase"] for item in scope] if plan else list(data["deliverables"])
    return {
        "subject": project.problem_statement,
        "scope": scope,
        "deliverables": _deliverables(slugs, data, language),
        "timeline": [
            {"week": step["week"], "step": text(step["step"], language)}
            for step in data["timeline"]
        ],
        "knowledge_transfer": text(data["knowledge_transfer"], language),
        "price_formula": text(data["price_formula"], language),
        "jury_roles": [text(role, language) for role in data["jury_roles"]],
        "contact": f"{by.get_full_name() or by.email} · {by.email}",
        "descriptors": {},
    }


def _copy_criteria(tender: Tender, data: dict[str, Any]) -> None:
    language, descriptors = tender.language, {}
    for family in CriterionFamily.values:
        for position, item in enumerate(data["criteria"].get(family) or []):
            criterion = Criterion.objects.create(
                tender=tender,
                family=family,
                name=text(item["name"], language)[:200],
                description=text(item.get("description"), language),
                weight=item.get("weight", 0) if family == CriterionFamily.AWARD else 0,
                is_price=bool(item.get("is_price")) and family == CriterionFamily.AWARD,
                position=position,
            )
            levels = item.get("descriptors") or {}
            if levels:
                descriptors[str(criterion.pk)] = {k: text(v, language) for k, v in levels.items()}
    tender.content["descriptors"] = descriptors
    tender.save(update_fields=["content"])


@transaction.atomic
def create_tender(
    *, project: Project, plan: ExpertisePlan | None = None, title: str, language: str, by: User
) -> Tender:
    """A tender for the plan's "buy" and "coach" phases, with the current rules' criteria."""
    _check_editor(by, project)
    if language not in LANGUAGES:
        raise ValidationError(_("Choose Dutch or English for the documents."))
    if plan is not None and plan.project_id != project.pk:
        raise ValidationError(_("That expertise plan belongs to another project."))
    title = checked_title(title, missing=_("Give the tender a title."))
    # A double click or a second tab must not draft the tender twice: one creation at a time.
    Project.objects.select_for_update().only("pk").get(pk=project.pk)
    existing = Tender.objects.filter(project=project, title__iexact=title).first()
    if existing is not None:
        raise TenderExists(existing)
    rules = current_rules(RuleSetKind.TENDER)
    phases = _scoped_phases(plan)
    tender = Tender.objects.create(
        project=project,
        rules=rules,
        plan=plan,
        title=title,
        language=language,
        estimated_value=sum((Decimal(str(p.get("cost") or 0)) for p in phases), Decimal("0")),
        content=_content(project, plan, rules.data, language, by),
        created_by=by,
    )
    _copy_criteria(tender, rules.data)
    return tender


def _locked(tender: Tender, revision: int, by: User) -> Tender:
    _check_editor(by, tender.project)
    locked = Tender.objects.select_for_update().get(pk=tender.pk)
    if locked.revision != revision:
        raise StaleTender
    return locked


def _bump(tender: Tender, *fields: str) -> None:
    tender.revision += 1
    tender.save(update_fields=["revision", "updated_at", *fields])


def _clean(value: str) -> str:
    """User text without control characters (they break DOCX), keeping line breaks and tabs."""
    return "".join(c for c in value if c in "\n\t" or ord(c) >= 32).replace("\r", "").strip()


@transaction.atomic
def update_tender(
    *,
    tender: Tender,
    revision: int,
    title: str,
    estimated_value: Decimal,
    texts: dict[str, str],
    scope: dict[str, str],
    deliverables: dict[str, list[str]],
    timeline: list[tuple[int, str]],
    jury_roles: list[str],
    dated_on: datetime.date | None = None,
    by: User,
) -> Tender:
    """Save the builder's date, texts (subject, clauses, contact), scope, deliverables, jury."""
    tender = _locked(tender, revision, by)
    if not _clean(title):
        raise ValidationError(_("Give the tender a title."))
    if estimated_value < 0:
        raise ValidationError(_("The estimated value cannot be negative."))
    content = dict(tender.content)
    for key in ("subject", "knowledge_transfer", "price_formula", "contact"):
        content[key] = _clean(texts[key] if key in texts else str(content.get(key, "")))
    for item in content.get("scope", []):
        item["text"] = _clean(scope.get(item["phase"], item["text"]))
    for item in content.get("deliverables", []):
        lines = deliverables.get(item["phase"], item["items"])
        item["items"] = [_clean(line) for line in lines if _clean(line)]
    content["timeline"] = [{"week": week, "step": _clean(step)} for week, step in timeline]
    content["jury_roles"] = [_clean(role) for role in jury_roles if _clean(role)]
    tender.title, tender.estimated_value, tender.content = (
        _clean(title)[:200],
        estimated_value,
        content,
    )
    tender.dated_on = dated_on or tender.dated_on
    _bump(tender, "title", "estimated_value", "content", "dated_on")
    return tender


def _check_weight(family: str, weight: int) -> int:
    if weight < 0 or weight > 100:
        raise ValidationError(_("A weight lies between 0 and 100."))
    return weight if family == CriterionFamily.AWARD else 0


@transaction.atomic
def set_criterion(
    *,
    criterion: Criterion,
    revision: int,
    name: str,
    description: str,
    weight: int,
    descriptors: dict[str, str] | None = None,
    by: User,
) -> Criterion:
    """Change a criterion's name, description, weight (award only) and score descriptors."""
    tender = _locked(criterion.tender, revision, by)
    if not _clean(name):
        raise ValidationError(_("Give the criterion a name."))
    criterion.name, criterion.description = _clean(name)[:200], _clean(description)
    criterion.weight = _check_weight(criterion.family, weight)
    criterion.save(update_fields=["name", "description", "weight"])
    if descriptors is not None and not criterion.is_price:
        levels = {level: _clean(descriptors.get(level, "")) for level in DESCRIPTOR_LEVELS}
        tender.content.setdefault("descriptors", {})[str(criterion.pk)] = levels
    _bump(tender, "content")
    return criterion


@transaction.atomic
def add_criterion(
    *, tender: Tender, revision: int, family: str, name: str, description: str = "",
    weight: int = 0, by: User,
) -> Criterion:  # fmt: skip
    """A new (non-price) criterion at the end of its family."""
    tender = _locked(tender, revision, by)
    if family not in CriterionFamily.values:
        raise ValidationError(_("Choose exclusion, selection or award."))
    if not _clean(name):
        raise ValidationError(_("Give the criterion a name."))
    last = tender.criteria.filter(family=family).order_by("-position").first()
    criterion = Criterion.objects.create(
        tender=tender,
        family=family,
        name=_clean(name)[:200],
        description=_clean(description),
        weight=_check_weight(family, weight),
        position=last.position + 1 if last else 0,
    )
    _bump(tender)
    return criterion


@transaction.atomic
def remove_criterion(*, criterion: Criterion, revision: int, by: User) -> None:
    """Remove a criterion that no juror has scored yet."""
    tender = _locked(criterion.tender, revision, by)
    if criterion.scores.exists():
        raise ValidationError(_("Jurors have scored this criterion: it can no longer be removed."))
    tender.content.get("descriptors", {}).pop(str(criterion.pk), None)
    criterion.delete()
    _bump(tender, "content")


def descriptors_of(tender: Tender, criterion: Criterion) -> dict[str, str]:
    """What a score of 0, 4, 7 and 10 looks like for this criterion (empty when none)."""
    return dict((tender.content.get("descriptors") or {}).get(str(criterion.pk)) or {})


def weight_warnings(tender: Tender, criteria: list[Criterion] | None = None) -> list[str]:
    """Why the award weights need a second look: sum, quality share, the price criterion."""
    award = [c for c in (criteria or tender.criteria.all()) if c.family == CriterionFamily.AWARD]
    total = sum(c.weight for c in award)
    prices = [c for c in award if c.is_price]
    warnings = []
    if total != 100:
        warnings.append(_("The award weights add up to %(total)s, not 100.") % {"total": total})
    minimum = tender.rules.data.get("minimum_quality_share", 60)
    quality = sum(c.weight for c in award if not c.is_price)
    share = round(Decimal(quality * 100) / total) if total else 0
    if share < minimum:
        warnings.append(
            _("Quality weighs only %(share)s%%: guides advise %(minimum)s%% or more.")
            % {"share": share, "minimum": minimum}
        )
    if not prices:
        warnings.append(_("There is no price criterion: the price formula has nothing to score."))
    elif len(prices) > 1:
        warnings.append(_("More than one criterion is marked as the price."))
    return warnings
