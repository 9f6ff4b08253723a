"""Filters for cards rendered from plain data."""

from functools import cache
from typing import Any

from django import template

from atelier.canvases import kinds

register = template.Library()

# Fields that name another card or canvas: pages show what they point to, not the uid.
REFERENCES = frozenset({"persona", "opportunity", "test"})


@cache
def _fields() -> dict[str, kinds.Field]:
    specs = [*kinds.LANE_FIELDS.values(), *(s.fields for ss in kinds.SECTIONS.values() for s in ss)]
    return {field.name: field for spec in specs for field in spec}


@register.filter
def get(mapping: dict[str, Any] | None, key: Any) -> Any:
    return (mapping or {}).get(key, "")


@register.filter
def facts(card: dict[str, Any]) -> list[tuple[str, str, str]]:
    """A card's fields as (name, label, shown value), references and scores left to the page."""
    shown = []
    for name, value in (card.get("fields") or {}).items():
        field = _fields().get(name)
        if (
            field is None
            or field.internal
            or name in REFERENCES
            or name == "score"
            or value in (None, "")
        ):
            continue
        label = dict(field.choices).get(value, value) if field.choices else value
        shown.append((name, str(field.label), str(label)))
    return shown


@register.filter
def signed(value: Any) -> str:
    """An emotion score with its sign: −2, −1, 0, +1, +2."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    return f"+{number}" if number > 0 else str(number).replace("-", "−")


@register.filter
def quick_fields(spec: Any) -> list[kinds.Field]:
    """What type-to-add asks besides the text: the required fields of a lane kind or section."""
    fields = kinds.LANE_FIELDS.get(spec, ()) if isinstance(spec, str) else spec
    return [f for f in fields if f.required and not f.internal]
