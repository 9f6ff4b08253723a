"""SVG diagrams of section canvases: the stakeholder rings and the impact × effort matrix."""

import math
from typing import Any

from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.board import build_board
from atelier.canvases.models import RelationKind

from . import svg_parts as parts
from .display import choice_label, wrap

CENTRE = 400
RINGS = (("core", 140), ("direct", 265), ("indirect", 390))
NODE_W = 120
FONT = 12
LINE_H = 14
LEGEND_X = 820
# Relations differ by line pattern and by label, never by colour alone.
DASHES = {
    RelationKind.FORMAL: "",
    RelationKind.INFORMAL: "8 5",
    RelationKind.MONEY: "12 4 2 4",
    RelationKind.INFORMATION: "2 4",
}


def _ring_places(count: int, inner: float, outer: float, turn: float) -> list[tuple[float, float]]:
    """Points spread around a ring; a crowded ring staggers them over two radii."""
    if count == 1 and inner == 0:
        return [(CENTRE, CENTRE)]
    middle = (inner + outer) / 2 if inner else outer * 0.55
    crowded = count * NODE_W * 0.9 > 2 * math.pi * middle
    places = []
    for number in range(count):
        angle = turn + 2 * math.pi * number / count
        radius = middle + ((number % 2) * 2 - 1) * (outer - inner) * 0.22 if crowded else middle
        places.append((CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)))
    return places


def _node(card: dict[str, Any], x: float, y: float) -> tuple[str, float]:
    lines = wrap(card.get("text") or "", parts.chars_per_line(NODE_W - 12, FONT), 3)
    height = max(len(lines), 1) * LINE_H + 10
    top = y - height / 2
    shape = (
        f"<g><title>{parts.escape(card.get('text') or '')}</title>"
        + parts.rect(x - NODE_W / 2, top, NODE_W, height, fill="#fffbe6", stroke="#555")
        + parts.text_lines(
            x, top + 5 + FONT * 0.9, lines, size=FONT, line_height=LINE_H, anchor="middle"
        )
        + "</g>"
    )
    return shape, height


def _edge_point(x1: float, y1: float, x2: float, y2: float, height: float) -> tuple[float, float]:
    """Where the line from (x1, y1) enters the box centred on (x2, y2)."""
    dx, dy = x2 - x1, y2 - y1
    scale = min(
        (NODE_W / 2 + 4) / abs(dx) if dx else math.inf,
        (height / 2 + 4) / abs(dy) if dy else math.inf,
    )
    return (x2 - dx * min(scale, 1), y2 - dy * min(scale, 1))


def _relation(
    link: dict[str, Any], places: dict[str, tuple[float, float, float]], prefix: str
) -> tuple[str, str]:
    """The relation's line with its arrow, and its label."""
    x1, y1, _h = places[link["source"]]
    x2, y2, height = places[link["target"]]
    end_x, end_y = _edge_point(x1, y1, x2, y2, height)
    kind = link.get("relation") or RelationKind.FORMAL
    label = " · ".join(filter(None, [choice_label(RelationKind.choices, kind), link.get("label")]))
    middle_x, middle_y = (x1 + end_x) / 2, (y1 + end_y) / 2
    label_w = len(label) * 10 * parts.CHAR_WIDTH + 6
    line = parts.line(
        x1, y1, end_x, end_y, stroke="#1a1a1a", width=1.4, dash=DASHES.get(kind, "")
    ).replace("/>", f' marker-end="url(#{prefix}-arrow)"/>')
    return line, (
        parts.rect(middle_x - label_w / 2, middle_y - 9, label_w, 13, fill="#fff", stroke="none")
        + parts.text_lines(middle_x, middle_y + 1, [label], size=10, anchor="middle")
    )


def _legend(prefix: str) -> list[str]:
    shapes = [parts.text_lines(LEGEND_X, 40, [_("Relations")], size=14, weight="bold")]
    for number, (kind, label) in enumerate(RelationKind.choices):
        y = 70 + number * 28
        shapes.append(
            parts.line(
                LEGEND_X,
                y,
                LEGEND_X + 50,
                y,
                stroke="#1a1a1a",
                width=1.4,
                dash=DASHES[RelationKind(kind)],
            ).replace("/>", f' marker-end="url(#{prefix}-arrow)"/>')
        )
        shapes.append(parts.text_lines(LEGEND_X + 62, y + 4, [str(label)], size=FONT))
    return shapes


def _rings() -> list[str]:
    shapes = []
    for key, radius in reversed(RINGS):
        shapes.append(
            f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{radius}" fill="#f4f6fa" '
            f'stroke="#6b7fa3" stroke-width="1.5"/>'
        )
        shapes.append(
            parts.text_lines(
                CENTRE,
                CENTRE - radius + 18,
                [choice_label(kinds.RINGS, key)],
                size=13,
                anchor="middle",
                weight="bold",
            )
        )
    return shapes


def _arrow(prefix: str) -> str:
    return (
        f'<defs><marker id="{prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#1a1a1a"/></marker></defs>'
    )


def stakeholder_map_svg(data: dict[str, Any], *, id_prefix: str = "stakeholder-map") -> str:
    """The rings core / direct / indirect with each stakeholder in its ring, and relations."""
    board = build_board(data)
    cards = [
        card for view in board.sections for card in view.cards if view.section.key == "stakeholders"
    ]
    places: dict[str, tuple[float, float, float]] = {}
    nodes = []
    inner = 0
    for turn, (key, outer) in enumerate(RINGS):
        in_ring = [card for card in cards if (card.get("fields") or {}).get("ring") == key]
        for card, (x, y) in zip(
            in_ring, _ring_places(len(in_ring), inner, outer, turn * 0.5), strict=True
        ):
            shape, height = _node(card, x, y)
            nodes.append(shape)
            places[card["uid"]] = (x, y, height)
        inner = outer
    drawn = [
        _relation(link, places, id_prefix)
        for link in board.relations
        if link["source"] in places and link["target"] in places
    ]
    return parts.document(
        width=LEGEND_X + 200,
        height=CENTRE * 2,
        title=_("Stakeholder map: %(title)s") % {"title": data["title"]},
        body=[
            _arrow(id_prefix),
            '<rect width="100%" height="100%" fill="#fff"/>',
            *_rings(),
            *(line for line, _label in drawn),
            *nodes,
            *(label for _line, label in drawn),  # labels on top, where no box hides them
            *_legend(id_prefix),
        ],
        id_prefix=id_prefix,
    )


PLOT = 400
PLOT_X = 70
PLOT_Y = 30


def _idea_dot(number: int, impact: int, effort: int, crowd: int) -> str:
    cell = PLOT / 5
    x = PLOT_X + (effort - 0.5) * cell + (crowd % 3 - 1) * 24
    y = PLOT_Y + (5.5 - impact) * cell + (crowd // 3 % 3 - 1) * 24
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="11" fill="#fffbe6" stroke="#1a1a1a"/>'
        + parts.text_lines(x, y + 4, [str(number)], size=11, anchor="middle", weight="bold")
    )


def _matrix_axes() -> list[str]:
    cell = PLOT / 5
    shapes = [parts.rect(PLOT_X, PLOT_Y, PLOT, PLOT, fill="#f4f6fa", stroke="#6b7fa3", radius=0)]
    for n in range(1, 5):
        shapes.append(
            parts.line(PLOT_X + n * cell, PLOT_Y, PLOT_X + n * cell, PLOT_Y + PLOT, stroke="#ddd")
        )
        shapes.append(
            parts.line(PLOT_X, PLOT_Y + n * cell, PLOT_X + PLOT, PLOT_Y + n * cell, stroke="#ddd")
        )
    for n in range(1, 6):
        shapes.append(
            parts.text_lines(
                PLOT_X + (n - 0.5) * cell, PLOT_Y + PLOT + 16, [str(n)], anchor="middle"
            )
        )
        shapes.append(
            parts.text_lines(PLOT_X - 10, PLOT_Y + (5.5 - n) * cell + 4, [str(n)], anchor="end")
        )
    shapes.append(
        parts.text_lines(
            PLOT_X + PLOT / 2, PLOT_Y + PLOT + 38, [_("effort →")], anchor="middle", weight="bold"
        )
    )
    shapes.append(
        f'<text transform="translate(22 {PLOT_Y + PLOT / 2}) rotate(-90)" font-size="12" '
        f'text-anchor="middle" font-weight="bold">{parts.escape(_("impact →"))}</text>'
    )
    return shapes


def numbered_ideas(data: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The ideas with the number the matrix shows for each."""
    ideas = [card for card in data.get("cards") or [] if card.get("section") == "ideas"]
    return list(enumerate(ideas, start=1))


def idea_matrix_svg(data: dict[str, Any], *, id_prefix: str = "idea-matrix") -> str:
    """The ideas as numbered dots by impact (up) and effort (right)."""
    crowds: dict[tuple[int, int], int] = {}
    dots = []
    for number, card in numbered_ideas(data):
        fields = card.get("fields") or {}
        impact, effort = fields.get("impact"), fields.get("effort")
        if not isinstance(impact, int) or not isinstance(effort, int):
            continue
        crowd = crowds.get((impact, effort), 0)
        crowds[(impact, effort)] = crowd + 1
        dots.append(_idea_dot(number, impact, effort, crowd))
    return parts.document(
        width=PLOT_X + PLOT + 20,
        height=PLOT_Y + PLOT + 50,
        title=_("Ideas by impact and effort: %(title)s") % {"title": data["title"]},
        body=['<rect width="100%" height="100%" fill="#fff"/>', *_matrix_axes(), *dots],
        id_prefix=id_prefix,
    )
