"""Association staff keep the guidance rules: versions per tool, drafts, publishing, diffs.

A published version never changes; an assessment keeps the version it was answered with.
"""

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.guidance.models import RuleSet, RuleSetKind, RuleSetStatus
from atelier.guidance.services import rules as services


class RulesForm(forms.Form):
    document = forms.CharField(
        label=gettext_lazy("The rules, as JSON"),
        strip=False,
        widget=forms.Textarea(
            attrs={"rows": 30, "class": "rules-json", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    note = forms.CharField(
        label=gettext_lazy("What changed"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "A sentence for the list of versions, e.g. “day rate raised to 950 €”."
        ),
    )


@dataclass
class ToolVersions:
    kind: str
    label: str
    current: RuleSet
    versions: list[RuleSet] = field(default_factory=list)


@dataclass
class OutlineItem:
    key: str
    text: str
    lists: list[tuple[str, list[str]]]


@dataclass
class OutlineSection:
    name: str
    items: list[OutlineItem] = field(default_factory=list)
    value: str = ""


def pretty(data: Any) -> str:
    """The rules as staff read and edit them: indented, keys sorted.

    PostgreSQL's jsonb does not keep the order keys were saved in; sorted keys read and
    compare (the diff between versions) the same on every database.
    """
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)


def _dutch_text(item: dict[str, Any]) -> str:
    for value in item.values():
        if isinstance(value, dict) and "nl" in value:
            return services.text(value, "nl")
    return ""


def _keys_of(items: list[Any]) -> list[str]:
    return [str(item.get("key", "")) for item in items if isinstance(item, dict)]


def _outline_item(item: Any) -> OutlineItem:
    if not isinstance(item, dict):
        return OutlineItem(key=str(item), text="", lists=[])
    if "nl" in item:  # the item is itself a text
        return OutlineItem(key="", text=services.text(item, "nl"), lists=[])
    lists = [
        (name, _keys_of(value))
        for name, value in item.items()
        if isinstance(value, list) and any(isinstance(entry, dict) for entry in value)
    ]
    return OutlineItem(key=str(item.get("key", "")), text=_dutch_text(item), lists=lists)


def outline(data: Any) -> list[OutlineSection]:
    """For each top-level list, its items' keys and Dutch texts; other values in short."""
    if not isinstance(data, dict):
        return []
    sections = []
    for name, value in data.items():
        if isinstance(value, dict) and any(isinstance(inner, list) for inner in value.values()):
            # Lists grouped by a key, such as criteria by family: one section per group.
            sections += [_section(f"{name} › {group}", inner) for group, inner in value.items()]
        else:
            sections.append(_section(str(name), value))
    return sections


def _section(name: str, value: Any) -> OutlineSection:
    if isinstance(value, list):
        return OutlineSection(name, [_outline_item(item) for item in value])
    if isinstance(value, dict):
        return OutlineSection(name, value=", ".join(str(key) for key in value))
    return OutlineSection(name, value=json.dumps(value, ensure_ascii=False))


def unified_diff(before: RuleSet | None, after: RuleSet) -> str:
    """What changed from one version to the next, line by line, as `diff -u` shows it."""
    if before is None:
        return ""
    lines = difflib.unified_diff(
        pretty(before.data).splitlines(),
        pretty(after.data).splitlines(),
        fromfile=f"v{before.version}",
        tofile=f"v{after.version}",
        lineterm="",
    )
    return "\n".join(lines)


def _previous_published(rules: RuleSet) -> RuleSet | None:
    return (
        RuleSet.objects.filter(
            kind=rules.kind, status=RuleSetStatus.PUBLISHED, version__lt=rules.version
        )
        .order_by("-version")
        .first()
    )


def _tools() -> list[ToolVersions]:
    tools = {
        kind: ToolVersions(kind, str(label), services.current_rules(kind))
        for kind, label in RuleSetKind.choices
    }
    for rules in RuleSet.objects.select_related("created_by").order_by("kind", "-version"):
        tools[rules.kind].versions.append(rules)
    return list(tools.values())


@staff_required
@require_GET
def rule_sets(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/rules/rule_sets.html", {"tools": _tools()})


@staff_required
@require_POST
def rules_new(request: HttpRequest, kind: str) -> HttpResponse:
    try:
        draft = services.start_draft(kind=kind, by=user_of(request))
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("guidance:rules")
    messages.success(request, _("A new draft is ready: a copy of the current version."))
    return redirect("guidance:rules_edit", rules_pk=draft.pk)


def _save(request: HttpRequest, rules: RuleSet, form: RulesForm) -> list[str]:
    """The problems that kept the draft from being saved; none when it is saved."""
    if not form.is_valid():
        return [str(error) for errors in form.errors.values() for error in errors]
    try:
        services.save_draft(
            rules=rules,
            document=form.cleaned_data["document"],
            note=form.cleaned_data["note"],
            by=user_of(request),
        )
    except ValidationError as refusal:
        return list(refusal.messages)
    return []


def _is_published(rules: RuleSet) -> bool:
    return rules.status == RuleSetStatus.PUBLISHED


def _page(request: HttpRequest, rules: RuleSet, **context: Any) -> HttpResponse:
    """A draft with its form, or a published version read-only; either with its diff."""
    current = services.current_rules(rules.kind)
    # A published version is compared with the one it followed; a draft with today's rules.
    before = _previous_published(rules) if _is_published(rules) else current
    context |= {
        "rules": rules,
        "is_published": _is_published(rules),
        "is_current": rules.pk == current.pk,
        "current": current,
        "before": before,
        "diff": unified_diff(before, rules),
        "pretty": pretty(rules.data),
        "outline": outline(rules.data) if _is_published(rules) else [],
    }
    return render(request, "guidance/rules/rules_edit.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def rules_edit(request: HttpRequest, rules_pk: int) -> HttpResponse:
    rules = get_object_or_404(RuleSet.objects.select_related("created_by"), pk=rules_pk)
    if request.method == "POST" and _is_published(rules):
        messages.error(request, _("A published version never changes: start a new draft."))
        return redirect("guidance:rules_edit", rules_pk=rules.pk)
    if request.method != "POST":
        initial = {"document": pretty(rules.data), "note": rules.note}
        return _page(request, rules, form=RulesForm(initial=initial))
    form = RulesForm(request.POST)
    problems = _save(request, rules, form)
    if problems:
        return _page(request, rules, form=form, problems=problems)
    messages.success(request, _("The draft is saved."))
    return redirect("guidance:rules_edit", rules_pk=rules.pk)


@staff_required
@require_POST
def rules_publish(request: HttpRequest, rules_pk: int) -> HttpResponse:
    rules = get_object_or_404(RuleSet, pk=rules_pk)
    if _is_published(rules):
        messages.error(request, _("This version is already published."))
        return redirect("guidance:rules_edit", rules_pk=rules.pk)
    try:
        services.publish(rules=rules, by=user_of(request))
    except ValidationError as refusal:
        messages.error(request, _("Not published: first fix these problems."))
        for problem in refusal.messages:
            messages.error(request, problem)
        return redirect("guidance:rules_edit", rules_pk=rules.pk)
    messages.success(request, _("Version %(version)s is published.") % {"version": rules.version})
    return redirect("guidance:rules")
