"""The audit trail as people read it: translated action names, field labels, no "None"."""

from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

ACTIONS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("viewed"),
}
# auditlog records a missing value as the text "None".
EMPTY_VALUES = {None, "", "None"}
EMPTY = _("(empty)")


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


def action_label(entry: LogEntry) -> Any:
    return ACTIONS.get(entry.action, entry.get_action_display())


def _field(entry: LogEntry, name: str) -> Any:
    model = entry.content_type.model_class()
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _shown(value: Any) -> Any:
    return EMPTY if value in EMPTY_VALUES else value


def _before_and_after(values: Any) -> tuple[Any, Any]:
    """auditlog writes [before, after], or for many-to-many a dict of the objects added."""
    if isinstance(values, list | tuple) and len(values) == 2:
        return values[0], values[1]
    if isinstance(values, dict):
        return None, ", ".join(map(str, values.get("objects", []))) or None
    return None, values


def changes_of(entry: LogEntry) -> list[Change]:
    """Each changed field of an entry with its label and readable before and after values.

    A new record lists its reverse relations ("Enrolment.None") and its empty fields too:
    neither says anything to a reader, so they are left out.
    """
    changes = []
    for name, values in entry.changes_dict.items():
        before, after = _before_and_after(values)
        field = _field(entry, name)
        if field is not None and field.auto_created and not field.concrete:
            continue
        if before in EMPTY_VALUES and after in EMPTY_VALUES:
            continue
        label = str(getattr(field, "verbose_name", name))
        changes.append(Change(label, _shown(before), _shown(after)))
    return changes
