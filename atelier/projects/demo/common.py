"""What the demo's canvases share: cards added section by section, grids built step by step."""

from dataclasses import dataclass, field
from typing import Any

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Canvas, Card, Lane, Step
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import link_evidence
from atelier.canvases.services.structure import add_lane, add_stage, add_step, rename

# A card of a section canvas: (key to refer to it later, or "", section, text, fields).
Row = tuple[str, str, str, dict[str, Any]]
# Fields whose value names another card of the same canvas by its key.
REFERENCES = frozenset({"opportunity", "test"})


def texts(section: str, *lines: str) -> list[Row]:
    """Plain cards of one section, without fields."""
    return [("", section, line, {}) for line in lines]


def fill_sections(*, canvas: Canvas, rows: list[Row], by: User) -> dict[str, Card]:
    """Add the rows' cards in order; returns the cards that have a key."""
    keyed: dict[str, Card] = {}
    for key, section, text, values in rows:
        resolved = {
            name: str(keyed[value].uid) if name in REFERENCES else value
            for name, value in values.items()
        }
        card = add_card(canvas=canvas, section=section, text=text, fields=resolved, by=by)
        if key:
            keyed[key] = card
    return keyed


@dataclass(frozen=True)
class Cell:
    """One card of a grid step: the lane it goes in (by the demo's role name), its content."""

    role: str
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()  # keys of insight board cards that back it


def add_lanes(*, canvas: Canvas, titles: tuple[tuple[str, str], ...], by: User) -> dict[str, Lane]:
    """The kind's default lanes in their order, under Dutch titles; keyed by role."""
    lanes = {}
    for (kind, _english), (role, title) in zip(
        kinds.DEFAULT_LANES[canvas.kind], titles, strict=True
    ):
        lanes[role] = add_lane(canvas=canvas, kind=kind, title=title, by=by)
    return lanes


def add_steps(*, canvas: Canvas, stage_title: str, step_titles: list[str], by: User) -> list[Step]:
    """A stage and its steps; the step that add_stage makes takes the first title."""
    stage = add_stage(canvas=canvas, title=stage_title, by=by)
    first = Step.objects.get(stage=stage)
    renamed = rename(part=first, version=first.version, title=step_titles[0], by=by)
    assert isinstance(renamed, Step)  # noqa: S101 (narrows the type for mypy)
    return [renamed, *(add_step(stage=stage, title=title, by=by) for title in step_titles[1:])]


def fill_step(
    *,
    canvas: Canvas,
    lanes: dict[str, Lane],
    step: Step,
    cells: list[Cell],
    evidence: dict[str, Card],
    by: User,
) -> None:
    """Put the cells' cards at a step, each linked to the quotes and insights behind it."""
    for cell in cells:
        card = add_card(
            canvas=canvas,
            lane=lanes[cell.role],
            step=step,
            text=cell.text,
            fields=cell.fields,
            by=by,
        )
        for key in cell.evidence:
            link_evidence(card=card, evidence=evidence[key], by=by)
