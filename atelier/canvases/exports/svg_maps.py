"""SVG diagrams of section canvases: the stakeholder rings and the impact × effort matrix."""

import math
from typing import Any
from xml.sax.saxutils import quoteattr

from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.board import build_board
from atelier.canvases.models import RelationKind

from . import svg_parts as parts
from .display import choice_label, wrap

CENTRE = 400
RINGS = (("core", 140), ("direct", 265), ("indirect", 390))
NODE_W = 136
FONT = 13
NAME_CHAR_WIDTH = 0.62  # generous: a name must fit its box, never spill out of it
GAP = 6
LABEL_FONT = 12
LINE_H = 16
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
    middle = _middle(inner, outer)
    crowded = count * NODE_W * 0.9 > 2 * math.pi * middle
    places = []
    for number in range(count):
        angle = turn + 2 * math.pi * number / count
        radius = middle + ((number % 2) * 2 - 1) * (outer - inner) * 0.22 if crowded else middle
        places.append((CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)))
    return places


def _middle(inner: float, outer: float) -> float:
    return (inner + outer) / 2 if inner else outer * 0.55


def _placed(card: dict[str, Any], inner: float, outer: float) -> tuple[float, float] | None:
    """Where someone put the stakeholder (its angle on its ring), if anyone did."""
    angle = (card.get("fields") or {}).get("angle")
    if not isinstance(angle, int):
        return None
    radius = _middle(inner, outer)
    turn = math.radians(angle)
    return (CENTRE + radius * math.sin(turn), CENTRE - radius * math.cos(turn))


def _label(card: dict[str, Any]) -> tuple[list[str], float, float]:
    """A name's lines, broken between words only, and the box that holds them."""
    text = card.get("text") or ""
    longest = max((len(word) for word in text.split()), default=1)
    width = max(NODE_W, longest * FONT * NAME_CHAR_WIDTH + 14)
    lines = wrap(text, max(int((width - 14) / (FONT * NAME_CHAR_WIDTH)), 4), 4, whole_words=True)
    return lines, width, max(len(lines), 1) * LINE_H + 10


def _node(card: dict[str, Any], box: "Box", editable: bool) -> str:
    x, y, width, height, lines = box.x, box.y, box.width, box.height, box.lines
    top = y - height / 2
    ring = (card.get("fields") or {}).get("ring") or ""
    attributes = ""
    if editable and card.get("id"):
        angle = round(math.degrees(math.atan2(x - CENTRE, CENTRE - y))) % 360
        label = _("%(name)s, ring %(ring)s: arrow keys move it") % {
            "name": card.get("text") or "",
            "ring": choice_label(kinds.RINGS, ring),
        }
        kind = _("movable stakeholder")
        attributes = (
            f' id="stakeholder-{card["id"]}" class="stakeholder-node" tabindex="0"'
            f' role="button" aria-roledescription={quoteattr(kind)}'
            f" aria-label={quoteattr(label)}"
            f' data-card="{card["id"]}" data-version="{card.get("version", "")}"'
            f' data-ring="{parts.escape(ring)}" data-angle="{angle}"'
        )
    return (
        f"<g{attributes}><title>{parts.escape(card.get('text') or '')}</title>"
        + parts.rect(x - width / 2, top, width, height, fill="#fffbe6", stroke="#555")
        + parts.text_lines(
            x, top + 5 + FONT * 0.9, lines, size=FONT, line_height=LINE_H, anchor="middle"
        )
        + "</g>"
    )


class Box:
    """A stakeholder's box on the map, moved until it overlaps no other."""

    def __init__(self, x: float, y: float, lines: list[str], width: float, height: float):
        self.x, self.y, self.lines, self.width, self.height = x, y, lines, width, height

    def overlap(self, other: "Box") -> tuple[float, float]:
        dx = (self.width + other.width) / 2 + GAP - abs(self.x - other.x)
        dy = (self.height + other.height) / 2 + GAP - abs(self.y - other.y)
        return dx, dy


def _apart(boxes: list[Box], rounds: int = 300) -> None:
    """Push overlapping boxes apart along the shorter way out, until none overlap."""
    for _round in range(rounds):
        moved = False
        for n, one in enumerate(boxes):
            for other in boxes[n + 1 :]:
                dx, dy = one.overlap(other)
                if dx <= 0 or dy <= 0:
                    continue
                moved = True
                if dx < dy:
                    step = dx / 2 + 0.5
                    sign = 1 if one.x >= other.x else -1
                    one.x, other.x = one.x + sign * step, other.x - sign * step
                else:
                    step = dy / 2 + 0.5
                    sign = 1 if one.y >= other.y else -1
                    one.y, other.y = one.y + sign * step, other.y - sign * step
        for box in boxes:
            box.x = min(max(box.x, box.width / 2 + 2), 2 * CENTRE - box.width / 2 - 2)
            box.y = min(max(box.y, box.height / 2 + 2), 2 * CENTRE - box.height / 2 - 2)
        if not moved:
            return


def _edge_point(
    x1: float, y1: float, x2: float, y2: float, width: float, height: float
) -> tuple[float, float]:
    """Where the line from (x1, y1) enters the box centred on (x2, y2)."""
    dx, dy = x2 - x1, y2 - y1
    scale = min(
        (width / 2 + 4) / abs(dx) if dx else math.inf,
        (height / 2 + 4) / abs(dy) if dy else math.inf,
    )
    return (x2 - dx * min(scale, 1), y2 - dy * min(scale, 1))


def _relation(link: dict[str, Any], places: dict[str, Box], prefix: str) -> tuple[str, str]:
    """The relation's line with its arrow, and its label."""
    source, target = places[link["source"]], places[link["target"]]
    x1, y1 = source.x, source.y
    end_x, end_y = _edge_point(x1, y1, target.x, target.y, target.width, target.height)
    kind = link.get("relation") or RelationKind.FORMAL
    label = " · ".join(filter(None, [choice_label(RelationKind.choices, kind), link.get("label")]))
    middle_x, middle_y = (x1 + end_x) / 2, (y1 + end_y) / 2
    label_w = len(label) * LABEL_FONT * parts.CHAR_WIDTH + 8
    line = parts.line(
        x1, y1, end_x, end_y, stroke="#1a1a1a", width=1.4, dash=DASHES.get(kind, "")
    ).replace("/>", f' marker-end="url(#{prefix}-arrow)"/>')
    return line, (
        parts.rect(
            middle_x - label_w / 2,
            middle_y - LABEL_FONT,
            label_w,
            LABEL_FONT * 1.4,
            fill="#fff",
            stroke="#999",
        )
        + parts.text_lines(
            middle_x, middle_y + LABEL_FONT * 0.2, [label], size=LABEL_FONT, anchor="middle"
        )
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


def stakeholder_map_svg(
    data: dict[str, Any], *, id_prefix: str = "stakeholder-map", editable: bool = False
) -> str:
    """The rings core / direct / indirect with each stakeholder in its ring, and relations.

    Names break between words only and boxes never overlap; a stakeholder someone dragged
    stays at its angle on its ring. `editable` makes each box a keyboard-movable control.
    """
    board = build_board(data)
    cards = [
        card for view in board.sections for card in view.cards if view.section.key == "stakeholders"
    ]
    places: dict[str, Box] = {}
    ordered: list[tuple[dict[str, Any], Box]] = []
    inner = 0
    for turn, (key, outer) in enumerate(RINGS):
        in_ring = [card for card in cards if (card.get("fields") or {}).get("ring") == key]
        spread = _ring_places(len(in_ring), inner, outer, turn * 0.5)
        for card, (x, y) in zip(in_ring, spread, strict=True):
            x, y = _placed(card, inner, outer) or (x, y)
            lines, width, height = _label(card)
            box = Box(x, y, lines, width, height)
            places[card["uid"]] = box
            ordered.append((card, box))
        inner = outer
    _apart([box for _card, box in ordered])
    nodes = [_node(card, box, editable) for card, box in ordered]
    drawn = [
        _relation(link, places, id_prefix)
        for link in board.relations
        if link["source"] in places and link["target"] in places
    ]
    drawing = parts.document(
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
    # Boxes one can move are controls: the drawing is then a group, not a single image.
    return drawing.replace('role="img"', 'role="group"', 1) if editable else drawing


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
