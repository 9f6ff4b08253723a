"""SVG drawings: a journey or blueprint grid, the emotion curve, and (from svg_maps) the
stakeholder map and the idea matrix.

Layout is computed here in pixels: columns of fixed width, rows as tall as their
tallest cell, text wrapped by an estimate of characters per line.
"""

from typing import Any
from xml.sax.saxutils import quoteattr

from django.utils.translation import gettext as _

from atelier.canvases.board import Board, Cell, Row, build_board
from atelier.canvases.models import LaneKind

from . import svg_parts as parts
from .display import card_tags, kind_label, signed, state_label, wrap
from .svg_maps import idea_matrix_svg, stakeholder_map_svg

__all__ = ["emotion_curve_svg", "grid_svg", "idea_matrix_svg", "stakeholder_map_svg"]

MARGIN = 16
LANE_W = 150
STEP_W = 170
TITLE_H = 52
STAGE_H = 28
FONT = 12
LINE_H = 15
PAD = 6
CURVE_H = 100
SIMPLE_ROW_H = 34


def emotion_curve(
    points: list[int | None], *, x0: float, column: float, top: float, height: float, size: float
) -> list[str]:
    """Axis lines −2..+2, the curve through the scored steps, a dot and a number on each."""
    pad = size * 1.1

    def y_of(score: int) -> float:
        return top + pad + (2 - score) / 4 * (height - 2 * pad)

    right = x0 + column * len(points)
    shapes = []
    for score in range(-2, 3):
        shapes.append(
            parts.line(
                x0,
                y_of(score),
                right,
                y_of(score),
                stroke="#bbb" if score else "#666",
                width=size * 0.06,
                dash="" if score == 0 else f"{size * 0.2} {size * 0.3}",
            )
        )
        shapes.append(
            parts.text_lines(
                x0 + size * 0.2, y_of(score) - size * 0.15, [signed(score)], size=size * 0.7
            )
        )
    dots = [
        (x0 + column * (n + 0.5), y_of(score))
        for n, score in enumerate(points)
        if score is not None
    ]
    if len(dots) > 1:
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in dots)
        shapes.append(
            f'<polyline points="{coordinates}" fill="none" stroke="#1a1a1a" '
            f'stroke-width="{size * 0.16:.2f}"/>'
        )
    for (x, y), score in zip(dots, [s for s in points if s is not None], strict=True):
        shapes.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size * 0.3:.2f}" fill="#1a1a1a"/>')
        shapes.append(
            parts.text_lines(
                x + size * 0.45, y - size * 0.35, [signed(score)], size=size * 0.85, weight="bold"
            )
        )
    return shapes


def emotion_curve_svg(points: list[int | None], *, column_mm: float, height_mm: float) -> str:
    """The curve alone, in millimetres, for a PDF or PNG page whose columns it spans."""
    width = column_mm * len(points)
    body = emotion_curve(points, x0=0, column=column_mm, top=0, height=height_mm, size=4)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="curve" width="{width:.2f}mm" '
        f"font-family={quoteattr(parts.FONT)} "
        f'height="{height_mm:.2f}mm" viewBox="0 0 {width:.2f} {height_mm:.2f}" '
        f'role="img" aria-label={quoteattr(_("Emotion curve"))}>{"".join(body)}</svg>'
    )


def _card_height(lane_kind: str, card: dict[str, Any]) -> int:
    lines = len(wrap(card.get("text") or "", parts.chars_per_line(STEP_W - 4 * PAD, FONT)))
    return max(lines, 1) * LINE_H + 2 * PAD + (LINE_H if card_tags(lane_kind, card) else 0)


def _row_height(row: Row) -> float:
    kind = row.lane["kind"]
    if row.is_line or kind == LaneKind.EVIDENCE:
        return SIMPLE_ROW_H
    cards = max(
        (sum(_card_height(kind, card) + PAD for card in cell.cards) for cell in row.cells),
        default=0,
    )
    title = len(wrap(row.lane["title"], parts.chars_per_line(LANE_W - 2 * PAD, FONT), 4))
    base = CURVE_H if kind == LaneKind.EMOTION else 0
    return max(base + cards + 2 * PAD, title * LINE_H + 2 * PAD, 40)


def _draw_card(x: float, y: float, lane_kind: str, card: dict[str, Any]) -> tuple[str, float]:
    height = _card_height(lane_kind, card)
    width = STEP_W - 2 * PAD
    text, lines = parts.wrapped(
        x + PAD, y + PAD + FONT, card.get("text") or "", width - 2 * PAD, size=FONT
    )
    shapes = [parts.rect(x, y, width, height, fill="#fffbe6"), text]
    tags = card_tags(lane_kind, card)
    if tags:
        tag_y = y + PAD + FONT + max(lines, 1) * LINE_H - 2
        shapes.append(
            parts.text_lines(
                x + PAD, tag_y, ["[" + "] [".join(tags) + "]"], size=FONT * 0.85, weight="bold"
            )
        )
    return "".join(shapes), height


def _draw_cell(row: Row, cell: Cell, x: float, top: float, height: float) -> list[str]:
    kind = row.lane["kind"]
    if kind == LaneKind.EVIDENCE and cell.coverage is not None:
        label = _("%(backed)s of %(cards)s backed") % {
            "backed": cell.coverage.backed,
            "cards": cell.coverage.cards,
        }
        return [parts.text_lines(x + STEP_W / 2, top + height / 2 + 4, [label], anchor="middle")]
    shapes = []
    y = top + PAD + (CURVE_H if kind == LaneKind.EMOTION else 0)
    for card in cell.cards:
        drawn, card_height = _draw_card(x + PAD, y, kind, card)
        shapes.append(drawn)
        y += card_height + PAD
    return shapes


def _draw_row(board: Board, row: Row, top: float, height: float) -> list[str]:
    x0 = MARGIN + LANE_W
    right = x0 + STEP_W * len(board.steps)
    title_lines = wrap(row.lane["title"], parts.chars_per_line(LANE_W - 2 * PAD, FONT), 4)
    shapes = [
        parts.line(MARGIN, top, right, top, stroke="#ccc"),
        parts.text_lines(MARGIN + PAD, top + PAD + FONT, title_lines, size=FONT, weight="bold"),
    ]
    if row.is_line:
        middle = top + height / 2
        shapes.append(
            parts.line(x0, middle, right, middle, stroke="#1a1a1a", width=1.5, dash="8 5")
        )
        return shapes
    if row.lane["kind"] == LaneKind.EMOTION:
        points = [
            cell.cards[0]["fields"].get("score") if cell.cards else None for cell in row.cells
        ]
        shapes += emotion_curve(points, x0=x0, column=STEP_W, top=top, height=CURVE_H, size=FONT)
    for number, cell in enumerate(row.cells):
        shapes += _draw_cell(row, cell, x0 + number * STEP_W, top, height)
    return shapes


def _draw_columns(board: Board, top: float) -> tuple[list[str], float]:
    """Stage headers spanning their steps, then the steps; returns the shapes and the height."""
    step_lines = [
        wrap(s["title"], parts.chars_per_line(STEP_W - 2 * PAD, FONT), 3) for s in board.steps
    ]
    step_h = max((len(lines) for lines in step_lines), default=1) * LINE_H + 2 * PAD
    shapes, x = [], float(MARGIN + LANE_W)
    for stage in board.stages:
        width = STEP_W * len(stage["steps"])
        if not width:
            continue
        label = wrap(stage["title"], parts.chars_per_line(width - 2 * PAD, FONT), 1)
        shapes.append(
            parts.rect(x + 1, top, width - 2, STAGE_H - 2, fill="#e8eef7", stroke="#6b7fa3")
        )
        shapes.append(parts.text_lines(x + PAD, top + STAGE_H / 2 + 4, label, weight="bold"))
        x += width
    for number, lines in enumerate(step_lines):
        x = MARGIN + LANE_W + number * STEP_W
        shapes.append(parts.text_lines(x + PAD, top + STAGE_H + PAD + FONT, lines, weight="bold"))
    return shapes, STAGE_H + step_h


def grid_svg(data: dict[str, Any], *, id_prefix: str = "canvas-grid") -> str:
    """A journey map or blueprint as one standalone SVG."""
    board = build_board(data)
    subtitle = " · ".join(filter(None, [kind_label(data), state_label(data)]))
    shapes = [
        parts.text_lines(MARGIN, MARGIN + 18, [data["title"]], size=20, weight="bold"),
        parts.text_lines(MARGIN, MARGIN + 36, [subtitle], size=FONT),
    ]
    columns, header_h = _draw_columns(board, MARGIN + TITLE_H)
    shapes += columns
    y = MARGIN + TITLE_H + header_h
    for row in board.rows:
        height = _row_height(row)
        shapes += _draw_row(board, row, y, height)
        y += height
    width = MARGIN * 2 + LANE_W + STEP_W * max(len(board.steps), 1)
    return parts.document(
        width=width,
        height=y + MARGIN,
        title=f"{data['title']} ({subtitle})" if subtitle else data["title"],
        body=[f'<rect width="{width}" height="{y + MARGIN:.0f}" fill="#fff"/>', *shapes],
        id_prefix=id_prefix,
    )
