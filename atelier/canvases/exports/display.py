"""How exports word a canvas: labels of kinds and choices, scores, wrapped text."""

import textwrap
from collections.abc import Iterable
from typing import Any

from django.utils.text import slugify

from atelier.canvases import kinds
from atelier.canvases.models import CanvasState, LaneKind
from atelier.method.models import ArtefactKind

MINUS = "\u2212"


def kind_label(data: dict[str, Any]) -> str:
    return str(ArtefactKind(data["kind"]).label) if data["kind"] in ArtefactKind.values else ""


def state_label(data: dict[str, Any]) -> str:
    state = data.get("state") or ""
    return str(CanvasState(state).label) if state in CanvasState.values else ""


def choice_label(choices: Iterable[tuple[str, Any]], value: Any) -> str:
    """The label of a stored choice; an unknown value shows as it is."""
    return str(dict(choices).get(value, value or ""))


def signed(score: int | None) -> str:
    """An emotion score as people write it: +2, 0, −1."""
    if score is None:
        return ""
    return f"+{score}" if score > 0 else str(score).replace("-", MINUS)


def card_tags(lane_kind: str, card: dict[str, Any]) -> list[str]:
    """The small labels a card shows beside its text: its channel, its marker."""
    fields = card.get("fields") or {}
    tags = []
    if lane_kind == LaneKind.CHANNELS and fields.get("channel"):
        tags.append(choice_label(kinds.CHANNELS, fields["channel"]))
    if fields.get("marker"):
        tags.append(choice_label(kinds.MARKERS, fields["marker"]))
    return tags


def field_value(field: kinds.Field, value: Any, texts: dict[str, str]) -> str:
    """A field as a reader wants it: a choice's label, a linked card's text, a number."""
    if value in (None, ""):
        return ""
    if field.choices:
        return choice_label(field.choices, value)
    return texts.get(str(value), str(value))


def card_texts(data: dict[str, Any]) -> dict[str, str]:
    """Card uid → text: fields that name another card (an idea's opportunity) show its text."""
    return {card["uid"]: card.get("text") or "" for card in data.get("cards") or []}


def wrap(
    text: str, width: int, max_lines: int | None = None, *, whole_words: bool = False
) -> list[str]:
    """Lines of at most `width` characters; long words break (unless `whole_words`: then a
    line is as long as its longest word), kept line breaks stay."""
    lines: list[str] = []
    for paragraph in (text or "").splitlines() or [""]:
        lines.extend(
            textwrap.wrap(
                paragraph,
                max(width, 1),
                break_long_words=not whole_words,
                break_on_hyphens=not whole_words,
            )
            or [""]
        )
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width - 1, 1)].rstrip() + "…"
    while lines and not lines[-1]:
        lines.pop()
    return lines


def file_name(data: dict[str, Any], extension: str) -> str:
    return f"{slugify(data.get('title') or '') or 'canvas'}.{extension}"
