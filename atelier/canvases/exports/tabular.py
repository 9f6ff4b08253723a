"""A canvas as a spreadsheet (CSV, one row per card) and as JSON (the `atelier.canvas/1` document).

The grid CSV is also what `csv_import.journey_from_csv` reads back. Beyond one row per
card it holds a row per lane at the top (so lane order and lanes without cards, such as
lines and evidence, survive) and a row for each step without cards and each stage
without steps (so they and the order of steps survive).
"""

import csv
import io
import json
from typing import Any

from atelier.canvases import kinds
from atelier.canvases.board import Row, build_board
from atelier.lib.spreadsheet_cells import safe_cell

GRID_COLUMNS = (
    "stage",
    "step",
    "lane",
    "lane_kind",
    "text",
    "score",
    "channel",
    "marker",
    "persona",
)
# A BOM so that Excel reads the file as UTF-8.
BOM = "\ufeff"


def canvas_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _grid_rows(data: dict[str, Any]) -> list[list[Any]]:
    board = build_board(data)
    rows: list[list[Any]] = [
        ["", "", safe_cell(lane["title"]), lane["kind"], "", "", "", "", ""]
        for lane in data.get("lanes") or []
    ]
    index = 0
    for stage in board.stages:
        if not stage["steps"]:
            rows.append([safe_cell(stage["title"]), "", "", "", "", "", "", "", ""])
        for step in stage["steps"]:
            place = [safe_cell(stage["title"]), safe_cell(step["title"])]
            cards = [card for row in board.rows for card in _cards_at(row, index)]
            rows.extend([*place, *card] for card in cards)
            if not cards:
                rows.append([*place, "", "", "", "", "", "", ""])
            index += 1
    return rows


def _cards_at(row: Row, index: int) -> list[list[Any]]:
    lane = row.lane
    return [
        [
            safe_cell(lane["title"]),
            lane["kind"],
            safe_cell(card.get("text") or ""),
            *_grid_fields(card.get("fields") or {}),
        ]
        for card in row.cells[index].cards
    ]


def _grid_fields(fields: dict[str, Any]) -> list[Any]:
    score = fields.get("score")
    return [
        "" if score is None else score,
        safe_cell(fields.get("channel") or ""),
        safe_cell(fields.get("marker") or ""),
        safe_cell(fields.get("persona") or ""),
    ]


def section_columns(kind: str) -> list[str]:
    """section, text, then every field name of the kind's sections, each once."""
    names: list[str] = []
    for section in kinds.SECTIONS.get(kind, ()):
        names.extend(f.name for f in section.fields if f.name not in names)
    return ["section", "text", *names]


def _section_rows(data: dict[str, Any], columns: list[str]) -> list[list[Any]]:
    """Section by section, in the order the kind lists its sections."""
    return [
        [
            view.section.key,
            safe_cell(card.get("text") or ""),
            *(safe_cell((card.get("fields") or {}).get(name, "")) for name in columns[2:]),
        ]
        for view in build_board(data).sections
        for card in view.cards
    ]


def canvas_csv(data: dict[str, Any]) -> str:
    """The canvas's cards in long format, `;`-separated, with a BOM and a header row."""
    if data["kind"] in kinds.GRID_KINDS:
        header, rows = list(GRID_COLUMNS), _grid_rows(data)
    else:
        header = section_columns(data["kind"])
        rows = _section_rows(data, header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return BOM + buffer.getvalue()
