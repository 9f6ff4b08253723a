"""Rule sets: the published version each tool uses now, drafts, and publishing."""

import copy
import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.guidance.models import RuleSet, RuleSetKind, RuleSetStatus
from atelier.guidance.rules import rules_module
from atelier.lib.control_characters import json_without_control_characters


def current_rules(kind: str) -> RuleSet:
    """The newest published version; the shipped defaults become version 1 when there is none."""
    found = (
        RuleSet.objects.filter(kind=kind, status=RuleSetStatus.PUBLISHED)
        .order_by("-version")
        .first()
    )
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return RuleSet.objects.create(
                kind=kind,
                version=1,
                status=RuleSetStatus.PUBLISHED,
                data=copy.deepcopy(rules_module(kind).DEFAULT),
                note=_("The shipped defaults."),
                published_at=timezone.now(),
            )
    except IntegrityError:  # someone else installed them at the same moment
        return RuleSet.objects.get(kind=kind, version=1)


def text(value: object, language: str) -> str:
    """A rule text in the language asked for, falling back to Dutch."""
    if isinstance(value, dict):
        return str(value.get(language) or value.get("nl") or "")
    return str(value or "")


@transaction.atomic
def start_draft(*, kind: str, by: User) -> RuleSet:
    """A new draft version, starting from the current published rules."""
    if kind not in RuleSetKind.values:
        raise ValidationError(_("Unknown tool."))
    base = current_rules(kind)
    # Lock the tool's versions row by row (PostgreSQL refuses FOR UPDATE with an aggregate).
    versions = list(RuleSet.objects.select_for_update().filter(kind=kind).values_list("version"))
    return RuleSet.objects.create(
        kind=kind,
        version=max((version for (version,) in versions), default=0) + 1,
        data=copy.deepcopy(base.data),
        created_by=by,
    )


@transaction.atomic
def save_draft(*, rules: RuleSet, document: str, note: str, by: User) -> RuleSet:
    """Replace a draft's rules with an edited JSON document, if it passes every check."""
    if rules.status != RuleSetStatus.DRAFT:
        raise ValidationError(_("A published version never changes: start a new draft."))
    try:
        # jsonb (PostgreSQL) cannot hold "\u0000"; no rule needs a control character.
        data = json_without_control_characters(json.loads(document))
    except json.JSONDecodeError as error:
        raise ValidationError(
            _("Not valid JSON (line %(line)s, column %(column)s): %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from None
    problems = rules_module(rules.kind).validate(data)
    if problems:
        raise ValidationError(problems)
    rules.data, rules.note = data, note.strip()[:300]
    rules.save(update_fields=["data", "note"])
    return rules


@transaction.atomic
def publish(*, rules: RuleSet, by: User) -> RuleSet:
    """Make a checked draft the version every new assessment uses."""
    if rules.status != RuleSetStatus.DRAFT:
        raise ValidationError(_("This version is published already."))
    newest = current_rules(rules.kind)
    if newest.version > rules.version:
        raise ValidationError(
            _("Version %(newer)s was published after this draft began: start a new draft from it.")
            % {"newer": newest.version}
        )
    problems = rules_module(rules.kind).validate(rules.data)
    if problems:
        raise ValidationError(problems)
    rules.status, rules.published_at = RuleSetStatus.PUBLISHED, timezone.now()
    rules.save(update_fields=["status", "published_at"])
    return rules
