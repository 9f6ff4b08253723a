"""What a page or an export shows of a canvas, built from its serialized form.

The editor, a saved version, a shared link and every export render the same Board, so
what people see, print and share cannot drift apart.
"""

from dataclasses import dataclass, field
from typing import Any

from . import kinds
from .models import LaneKind, LinkKind


@dataclass
class Coverage:
    """How many of a step's cards are backed by research (a linked quote or insight)."""

    cards: int = 0
    backed: int = 0

    @property
    def level(self) -> str:
        if not self.cards or not self.backed:
            return "none"
        return "all" if self.backed == self.cards else "some"


@dataclass
class Cell:
    step: dict[str, Any]
    cards: list[dict[str, Any]] = field(default_factory=list)
    coverage: Coverage | None = None


@dataclass
class Row:
    lane: dict[str, Any]
    cells: list[Cell]

    @property
    def is_line(self) -> bool:
        return self.lane["kind"].startswith("line_")

    @property
    def holds_cards(self) -> bool:
        return self.lane["kind"] not in kinds.CARDLESS_LANES

    @property
    def single(self) -> bool:
        return self.lane["kind"] in kinds.SINGLE_CARD_LANES


@dataclass
class SectionView:
    section: kinds.Section
    cards: list[dict[str, Any]]


@dataclass
class Board:
    data: dict[str, Any]
    stages: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    rows: list[Row]
    sections: list[SectionView]
    evidence: dict[str, list[dict[str, Any]]]  # card uid → the quotes and insights behind it
    relations: list[dict[str, Any]]

    @property
    def is_grid(self) -> bool:
        return self.data["kind"] in kinds.GRID_KINDS

    @property
    def emotion_row(self) -> Row | None:
        """The first emotion lane: the one the curve draws."""
        return next((row for row in self.rows if row.lane["kind"] == LaneKind.EMOTION), None)

    def emotion_points(self) -> list[int | None]:
        """The score of each step on the emotion lane (None where nobody scored it)."""
        row = self.emotion_row
        if row is None:
            return []
        return [cell.cards[0]["fields"].get("score") if cell.cards else None for cell in row.cells]


def build_board(data: dict[str, Any]) -> Board:
    evidence: dict[str, list[dict[str, Any]]] = {}
    relations = []
    for link in data.get("links") or []:
        if link["kind"] == LinkKind.EVIDENCE:
            evidence.setdefault(link["source"], []).append(link)
        else:
            relations.append(link)
    steps = [
        step | {"stage": stage["uid"]}
        for stage in data.get("stages") or []
        for step in stage["steps"]
    ]
    # Copies, so that what a page shows never leaks into an export of the same data.
    cards = [
        card | {"evidence_count": len(evidence.get(card["uid"], []))}
        for card in data.get("cards") or []
    ]
    return Board(
        data=data,
        stages=data.get("stages") or [],
        steps=steps,
        rows=_rows(data, cards, steps, evidence),
        sections=_sections(data, cards),
        evidence=evidence,
        relations=relations,
    )


def _rows(
    data: dict[str, Any], cards: list[dict[str, Any]], steps: list[dict[str, Any]], evidence: dict
) -> list[Row]:
    if data["kind"] not in kinds.GRID_KINDS:
        return []
    by_cell: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for card in cards:
        by_cell.setdefault((card["lane"], card["step"]), []).append(card)
    rows = [
        Row(lane, [Cell(step, by_cell.get((lane["uid"], step["uid"]), [])) for step in steps])
        for lane in data.get("lanes") or []
    ]
    coverage = _coverage(steps, rows, evidence)
    for row in rows:
        if row.lane["kind"] == LaneKind.EVIDENCE:
            for cell in row.cells:
                cell.coverage = coverage[cell.step["uid"]]
    return rows


def _coverage(steps: list[dict[str, Any]], rows: list[Row], evidence: dict) -> dict[str, Coverage]:
    coverage = {step["uid"]: Coverage() for step in steps}
    for row in rows:
        if row.lane["kind"] in (LaneKind.EMOTION, LaneKind.PERSONA):
            continue  # a score or a persona is not a claim that research backs
        for cell in row.cells:
            for card in cell.cards:
                coverage[cell.step["uid"]].cards += 1
                coverage[cell.step["uid"]].backed += card["uid"] in evidence
    return coverage


def _sections(data: dict[str, Any], cards: list[dict[str, Any]]) -> list[SectionView]:
    by_section: dict[str, list[dict[str, Any]]] = {}
    for card in cards:
        by_section.setdefault(card.get("section") or "", []).append(card)
    return [
        SectionView(section, by_section.get(section.key, []))
        for section in kinds.SECTIONS.get(data["kind"], ())
    ]
