"""The printable page of a canvas: HTML that the PDF and PNG exports both lay out.

Grid canvases become tables: one per printed page, each with the lane titles in its
first column and the stages spanning their steps. Section canvases become one table per
section, after the stakeholder rings or the idea matrix where the kind has one.
"""

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.board import Board, Row, build_board
from atelier.canvases.models import LaneKind, RelationKind
from atelier.method.models import ArtefactKind

from .display import (
    card_tags,
    card_texts,
    choice_label,
    field_value,
    kind_label,
    signed,
    state_label,
)
from .svg import emotion_curve_svg, idea_matrix_svg, stakeholder_map_svg

CURVE_MM = 30


@dataclass(frozen=True)
class Layout:
    """Where the canvas goes: the @page rule, the column widths, the steps on one page.

    With `width_mm` (the printable width) each page's steps share the width left by the
    lane titles, however few they are; without it every step is `step_mm` wide.
    """

    page_css: str
    lane_mm: float
    step_mm: float
    steps_per_page: int | None  # None: every step on one page
    running_header: bool = True
    width_mm: float | None = None


@dataclass
class PageRow:
    kind: str  # cards, emotion, evidence or line
    title: str
    cells: list[dict[str, Any]]
    curve: str = ""


@dataclass
class GridPage:
    stages: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    rows: list[PageRow]
    width_mm: float
    step_mm: float


@dataclass
class SectionTable:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    images: list[str] = field(default_factory=list)  # each row's card image ("" for none)
    text_index: int = 0  # the column of the card's text, where its image goes

    @property
    def rows_with_images(self) -> list[tuple[list[str], str]]:
        return list(zip(self.rows, self.images, strict=True))


def without_coverage(data: dict[str, Any]) -> dict[str, Any]:
    """The canvas without its research-coverage lanes: outsiders read "0 of 4 backed" as a
    verdict on the work, where it only says what research is linked yet."""
    hidden = {lane["uid"] for lane in data["lanes"] if lane["kind"] == LaneKind.EVIDENCE}
    return {
        **data,
        "lanes": [lane for lane in data["lanes"] if lane["uid"] not in hidden],
        "cards": [card for card in data["cards"] if card.get("lane") not in hidden],
    }


def coverage_asked(query: Any) -> bool:
    """Whether a request's query keeps the coverage row: all but `?coverage=0` do."""
    return query.get("coverage", "") != "0"


def css_string(text: str) -> str:
    """Text as a CSS string literal: everything but letters, digits and spaces escaped."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text) + '"'


def page_counter_css() -> str:
    """`content` for "page x of y" in the reader's language, counters where the words say."""
    text = _("page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    pieces = re.split("\0(pages?)\0", text)
    return " ".join(
        f"counter({piece})" if number % 2 else css_string(piece)
        for number, piece in enumerate(pieces)
        if piece
    )


def _row_kind(row: Row) -> str:
    if row.is_line:
        return "line"
    return (
        row.lane["kind"] if row.lane["kind"] in (LaneKind.EMOTION, LaneKind.EVIDENCE) else "cards"
    )


def _cell(row: Row, index: int) -> dict[str, Any]:
    cell = row.cells[index]
    cards = [
        {
            "text": c.get("text") or "",
            "tags": card_tags(row.lane["kind"], c),
            "image": c.get("image") or "",
        }
        for c in cell.cards
    ]
    values: dict[str, Any] = {"cards": cards}
    if row.lane["kind"] == LaneKind.EMOTION and cell.cards:
        values["score"] = signed(cell.cards[0]["fields"].get("score"))
    if cell.coverage is not None:
        values["coverage"] = _("%(backed)s of %(cards)s backed") % {
            "backed": cell.coverage.backed,
            "cards": cell.coverage.cards,
        }
    return values


def _page_row(row: Row, indexes: range, step_mm: float) -> PageRow:
    page_row = PageRow(_row_kind(row), row.lane["title"], [_cell(row, i) for i in indexes])
    if page_row.kind == LaneKind.EMOTION:
        points = [
            row.cells[i].cards[0]["fields"].get("score") if row.cells[i].cards else None
            for i in indexes
        ]
        page_row.curve = mark_safe(emotion_curve_svg(points, column_mm=step_mm, height_mm=CURVE_MM))  # noqa: S308 (built and escaped by svg.py)
    return page_row


def _stage_spans(board: Board, indexes: range) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    titles = {stage["uid"]: stage["title"] for stage in board.stages}
    for index in indexes:
        stage = board.steps[index]["stage"]
        if spans and spans[-1]["uid"] == stage:
            spans[-1]["span"] += 1
        else:
            spans.append({"uid": stage, "title": titles[stage], "span": 1})
    return spans


def _even_cuts(count: int, most: int) -> list[int]:
    """Where to cut `count` steps into the fewest pages of at most `most`, as evenly as can be:
    seven steps on pages of five are four and three, never five and a lone two."""
    pages = math.ceil(count / most)
    sizes = [count // pages + (1 if n < count % pages else 0) for n in range(pages)]
    return list(itertools.accumulate(sizes))[:-1]


def _at_stage_edges(cuts: list[int], edges: set[int], count: int, most: int) -> list[int]:
    """Each cut moved by one step to a stage's edge when that keeps every page between
    two steps and `most`: a stage then stays on one page where the numbers allow."""
    moved = list(cuts)
    for n, cut in enumerate(moved):
        before = moved[n - 1] if n else 0
        after = moved[n + 1] if n + 1 < len(moved) else count
        for candidate in (cut, cut - 1, cut + 1):
            if (
                candidate in edges
                and 2 <= candidate - before <= most
                and 2 <= after - candidate <= most
            ):
                moved[n] = candidate
                break
    return moved


def page_ranges(board: Board, most: int | None) -> list[range]:
    """The steps of each printed page."""
    count = len(board.steps)
    if not most or count <= most:
        return [range(count)]
    stage_of = [step["stage"] for step in board.steps]
    edges = {n for n in range(1, count) if stage_of[n] != stage_of[n - 1]}
    cuts = _at_stage_edges(_even_cuts(count, most), edges, count, most)
    bounds = [0, *cuts, count]
    return [range(a, b) for a, b in itertools.pairwise(bounds)]


def grid_pages(board: Board, layout: Layout) -> list[GridPage]:
    """The steps cut into pages that each fill the paper's width; every page repeats the
    lanes, and the emotion curve is drawn per page, across that page's steps."""
    pages = []
    for indexes in page_ranges(board, layout.steps_per_page):
        step_mm = layout.step_mm
        if layout.width_mm is not None:
            step_mm = (layout.width_mm - layout.lane_mm) / max(len(indexes), 1) - 0.05
        pages.append(
            GridPage(
                stages=_stage_spans(board, indexes),
                steps=[board.steps[i] for i in indexes],
                rows=[_page_row(row, indexes, step_mm) for row in board.rows],
                width_mm=layout.lane_mm + step_mm * max(len(indexes), 1),
                step_mm=step_mm,
            )
        )
    return pages


def section_tables(board: Board) -> list[SectionTable]:
    texts = card_texts(board.data)
    # Ideas are numbered in card order, as the matrix (svg_maps.numbered_ideas) numbers them.
    numbered = board.data["kind"] == ArtefactKind.IDEA_LIST
    tables = []
    for view in board.sections:
        spec = tuple(f for f in view.section.fields if not f.internal)
        columns = [str(view.section.text_label), *(str(f.label) for f in spec)]
        if numbered and view.section.key == "ideas":
            columns.insert(0, _("No."))
        table = SectionTable(str(view.section.label), columns)
        table.text_index = 1 if len(columns) > len(spec) + 1 else 0
        for number, card in enumerate(view.cards, start=1):
            fields = card.get("fields") or {}
            cells = [
                card.get("text") or "",
                *(field_value(f, fields.get(f.name), texts) for f in spec),
            ]
            table.rows.append([str(number), *cells] if len(columns) > len(cells) else cells)
            table.images.append(card.get("image") or "")
        tables.append(table)
    return tables


def relation_rows(board: Board) -> list[list[str]]:
    texts = card_texts(board.data)
    return [
        [
            texts.get(link["source"], ""),
            choice_label(RelationKind.choices, link.get("relation") or RelationKind.FORMAL),
            texts.get(link["target"], ""),
            link.get("label") or "",
        ]
        for link in board.relations
    ]


def _diagram(data: dict[str, Any]) -> str:
    if data["kind"] == ArtefactKind.STAKEHOLDER_MAP:
        return mark_safe(stakeholder_map_svg(data))  # noqa: S308 (escaped by svg_maps.py)
    if data["kind"] == ArtefactKind.IDEA_LIST:
        return mark_safe(idea_matrix_svg(data))  # noqa: S308 (escaped by svg_maps.py)
    return ""


def canvas_html(data: dict[str, Any], *, project_title: str, layout: Layout) -> str:
    """The canvas as one HTML document, laid out for `layout`."""
    board = build_board(data)
    is_grid = data["kind"] in kinds.GRID_KINDS
    context = {
        "data": data,
        "layout": layout,
        "kind_label": kind_label(data),
        "state_label": state_label(data),
        "project_title": project_title,
        "today": timezone.localdate(),
        "page_counter": mark_safe(page_counter_css()),  # noqa: S308 (css_string escapes)
        "grid_pages": grid_pages(board, layout) if is_grid else [],
        "sections": [] if is_grid else section_tables(board),
        "relations": relation_rows(board) if data["kind"] == ArtefactKind.STAKEHOLDER_MAP else [],
        "diagram": "" if is_grid else _diagram(data),
    }
    return render_to_string("canvases/export/canvas.html", context)
