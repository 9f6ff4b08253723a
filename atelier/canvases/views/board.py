"""What the editor and the read-only views put in their context to render a canvas."""

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.board import Board, build_board
from atelier.canvases.forms import RelationForm
from atelier.canvases.models import Canvas, RelationKind
from atelier.canvases.templatetags.canvases import signed
from atelier.method.models import ArtefactKind


def choice_labels() -> dict[str, dict[str, str]]:
    """Every choice field's labels by value, for cards rendered from plain data."""
    labels: dict[str, dict[str, str]] = {}
    specs = [*kinds.LANE_FIELDS.values(), *(s.fields for ss in kinds.SECTIONS.values() for s in ss)]
    for spec in specs:
        for field in spec:
            if field.choices:
                labels.setdefault(field.name, {}).update(
                    {v: str(label) for v, label in field.choices}
                )
    labels["relation"] = {value: str(label) for value, label in RelationKind.choices}
    return labels


def board_context(data: dict[str, Any], *, canvas: Canvas | None, editable: bool) -> dict[str, Any]:
    """The board of a serialized canvas and what its template needs besides."""
    board = build_board(data)
    context: dict[str, Any] = {
        "board": board,
        "data": data,
        "editable": editable,
        "labels": choice_labels(),
        "edit_label": _("Edit"),
        "add_label": _("Add a card"),
    }
    if editable and canvas is not None:
        context |= {
            "cards_url": reverse("canvases:card_edit", args=[0]).removesuffix("0/edit/"),
            "parts_url": reverse("canvases:part_edit", args=["stage", 0]).removesuffix(
                "stage/0/edit/"
            ),
            "new_card_url": reverse("canvases:card_new", args=[canvas.pk]),
            "add_url": reverse("canvases:card_add", args=[canvas.pk]),
            "emotion_url": reverse("canvases:emotion", args=[canvas.pk]),
        }
    if canvas is not None:
        context["personas"] = {
            str(uid): title
            for uid, title in Canvas.objects.filter(
                project_id=canvas.project_id, kind=ArtefactKind.PERSONA
            ).values_list("uid", "title")
        }
    context |= _extras(board, editable=editable and canvas is not None)
    if board.is_grid:
        context["emotion"] = emotion_curve(board, editable=editable)
    return context


GRID_TABLE_SECONDS = 24 * 3600
# What the grid's table shows besides the serialized canvas (which carries every card's
# text, fields and version, the order of every part and the links).
_GRID_TABLE_INPUTS = (
    "editable",
    "personas",
    "cards_url",
    "parts_url",
    "new_card_url",
    "add_url",
    "emotion_url",
)


CSRF_SENTINEL = "csrf-token-of-this-request"  # put in after the cache: never shared


def cached_grid_table(context: dict[str, Any]) -> SafeString:
    """The journey or blueprint table, rendered once for each content, language and right.

    A 288-card journey is thousands of template nodes; the key is a digest of everything
    the table shows, so any change anywhere (a card's text, a move, a linked quote, a
    persona renamed on another canvas) renders anew and nothing stale is served.
    """
    inputs = [context["data"], get_language(), *(context.get(k) for k in _GRID_TABLE_INPUTS)]
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    key = f"canvas-grid-table:{digest}"
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "canvases/includes/grid_table.html", context | {"csrf_value": CSRF_SENTINEL}
        )
        cache.set(key, html, GRID_TABLE_SECONDS)
    html = html.replace(CSRF_SENTINEL, context.get("csrf_value") or "")
    return mark_safe(html)  # noqa: S308 - rendered by the autoescaping template above


def _extras(board: Board, *, editable: bool) -> dict[str, Any]:
    kind = board.data["kind"]
    if kind == ArtefactKind.INSIGHT_BOARD:
        return {"clusters": _clusters(board)}
    if kind == ArtefactKind.IDEA_LIST:
        return {"matrix": _matrix(board)}
    if kind == ArtefactKind.STAKEHOLDER_MAP:
        return _stakeholders(board, editable=editable)
    if kind == ArtefactKind.PERSONA:
        profile = next((s.cards for s in board.sections if s.section.key == "profile"), [])
        return {"profile": profile[0] if profile else None}
    return {}


def _stakeholders(board: Board, *, editable: bool) -> dict[str, Any]:
    from atelier.canvases.exports.svg_maps import stakeholder_map_svg

    cards = next((s.cards for s in board.sections if s.section.key == "stakeholders"), [])
    return {
        "stakeholder_svg": stakeholder_map_svg(board.data, editable=editable),
        "names": {card["uid"]: card["text"] for card in cards},
        "relation_form": RelationForm(
            stakeholders=[(card["id"], card["text"]) for card in cards if "id" in card],
            auto_id="relation-%s",
        ),
    }


def _clusters(board: Board) -> list[tuple[str, list[dict[str, Any]]]]:
    insights = next((s.cards for s in board.sections if s.section.key == "insights"), [])
    clusters: dict[str, list[dict[str, Any]]] = {}
    for card in insights:
        clusters.setdefault(card["fields"].get("cluster") or _("Not clustered"), []).append(card)
    return list(clusters.items())


QUADRANTS = (
    ("quick_wins", True, False),
    ("big_bets", True, True),
    ("fill_ins", False, False),
    ("money_pits", False, True),
)


def _matrix(board: Board) -> dict[str, list[dict[str, Any]]]:
    """Ideas by impact × effort; 3 and up counts as high on the 1–5 scale."""
    ideas = next((s.cards for s in board.sections if s.section.key == "ideas"), [])
    matrix: dict[str, list[dict[str, Any]]] = {name: [] for name, _high, _effort in QUADRANTS}
    for idea in ideas:
        high_impact = (idea["fields"].get("impact") or 0) >= 3
        high_effort = (idea["fields"].get("effort") or 0) >= 3
        name = next(
            n for n, impact, effort in QUADRANTS if (impact, effort) == (high_impact, high_effort)
        )
        matrix[name].append(idea)
    return matrix


STEP_WIDTH = 130  # the curve's units per step: a 13rem column, so the drawing keeps its shape
CURVE_HEIGHT = 90
CURVE_PAD = 14


def _curve_y(score: int) -> float:
    return CURVE_PAD + (2 - score) / 4 * (CURVE_HEIGHT - 2 * CURVE_PAD)


def emotion_words() -> dict[int, str]:
    return {
        -2: _("very negative"),
        -1: _("negative"),
        0: _("neutral"),
        1: _("positive"),
        2: _("very positive"),
    }


def emotion_curve(board: Board, *, editable: bool = False) -> dict[str, Any] | None:
    """The emotion lane as points and a polyline (−2 at the bottom, +2 at the top), with a
    handle per step for the editor; None when there is no emotion lane, or nothing to show."""
    row = board.emotion_row
    if row is None:
        return None
    scores = board.emotion_points()
    if not editable and not any(score is not None for score in scores):
        return None
    words = emotion_words()
    handles = []
    for number, (cell, score) in enumerate(zip(row.cells, scores, strict=True)):
        card = cell.cards[0] if cell.cards else {}
        handles.append(
            {
                "x": STEP_WIDTH * number + STEP_WIDTH // 2,
                "y": _curve_y(score if score is not None else 0),
                "score": score,
                "signed": signed(score),
                "word": words.get(score, "") if score is not None else _("not scored yet"),
                "step": cell.step,
                "version": card.get("version", ""),
            }
        )
    return {
        "lane": row.lane["uid"],
        "lane_id": row.lane.get("id"),
        "width": STEP_WIDTH * len(scores),
        "height": CURVE_HEIGHT,
        "points": " ".join(f"{h['x']},{h['y']:.1f}" for h in handles if h["score"] is not None),
        "handles": handles,
        "axis": [
            {"y": _curve_y(score), "label": signed(score), "zero": score == 0}
            for score in range(2, -3, -1)
        ],
        "scale": [(score, f"{signed(score)} {words[score]}") for score in range(2, -3, -1)],
        "columns": len(scores),
    }
