"""What the canvases API reads and answers."""

from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Schema

from atelier.api.types import JsonObject, JsonValue, Text, Title
from atelier.canvases import kinds
from atelier.canvases.kinds import MAX_TEXT
from atelier.canvases.models import Canvas, CanvasState, Card, Lane, LaneKind, Stage, Step
from atelier.method.models import ArtefactKind

# A canvas is as is, to be, or neither ("").
State = CanvasState | Literal[""]


def export_formats(kind: str) -> list[str]:
    """The files a canvas of this kind exports to; SVG only for the drawn kinds."""
    drawn = kind in kinds.GRID_KINDS or kind == ArtefactKind.STAKEHOLDER_MAP
    return ["pdf", "png", *(["svg"] if drawn else []), "csv", "json"]


class CanvasOut(Schema):
    id: int
    uid: str
    kind: ArtefactKind
    title: str
    state: State
    description: str
    revision: int
    url: str
    exports: dict[str, str]  # file format: download URL (the API token works there too)


class CanvasCreated(CanvasOut):
    dropped_links: int  # evidence links of an imported document that could not be kept


class CanvasPage(Schema):
    count: int
    items: list[CanvasOut]


class CanvasIn(Schema):
    """Either a new canvas (kind, title, state) or an `atelier.canvas/1` document to import."""

    kind: ArtefactKind | None = None
    title: Text = Field("", max_length=200)
    state: State = ""
    description: Text = ""
    document: JsonValue = None  # an `atelier.canvas/1` document, as GET /canvases/{id} answers


class CanvasChange(Schema):
    revision: int
    title: Title | None = None
    state: State | None = None
    description: Text | None = None


class CardOut(Schema):
    id: int
    uid: str
    canvas: int
    lane: int | None
    step: int | None
    section: str
    position: int
    text: str
    fields: dict[str, Any]
    version: int


class CardIn(Schema):
    """A card in a cell (lane and step ids) of a journey or blueprint, or in a section."""

    lane: int | None = None
    step: int | None = None
    section: Text = ""
    text: Text = Field("", max_length=MAX_TEXT)
    fields: JsonObject = {}
    position: int | None = None


class CardChange(Schema):
    version: int
    text: Text | None = Field(None, max_length=MAX_TEXT)
    fields: JsonObject | None = None


class CardMove(Schema):
    position: int
    lane: int | None = None
    step: int | None = None
    section: Text | None = None


class PartOut(Schema):
    """A stage, step or lane; a stage lists its steps, a step names its stage."""

    id: int
    uid: str
    title: str
    position: int
    version: int
    kind: LaneKind | None = None
    stage: int | None = None
    steps: list["PartOut"] | None = None


class PartIn(Schema):
    title: Title
    position: int | None = None


class LaneIn(PartIn):
    kind: LaneKind


class PartChange(Schema):
    version: int
    title: Title


class PartMove(Schema):
    position: int
    stage: int | None = None  # a step may move into another stage of its canvas


def canvas_out(request: HttpRequest, canvas: Canvas) -> dict[str, Any]:
    return {
        "id": canvas.pk,
        "uid": str(canvas.uid),
        "kind": canvas.kind,
        "title": canvas.title,
        "state": canvas.state,
        "description": canvas.description,
        "revision": canvas.revision,
        "url": request.build_absolute_uri(reverse("canvases:canvas", args=[canvas.pk])),
        "exports": {
            file_format: request.build_absolute_uri(
                reverse(f"canvases:export_{file_format}", args=[canvas.pk])
            )
            for file_format in export_formats(canvas.kind)
        },
    }


def card_out(request: HttpRequest, card: Card) -> dict[str, Any]:
    return {
        "id": card.pk,
        "uid": str(card.uid),
        "canvas": card.canvas_id,
        "lane": card.lane_id,
        "step": card.step_id,
        "section": card.section,
        "position": card.position,
        "text": card.text,
        "fields": card.fields,
        "version": card.version,
    }


def part_out(request: HttpRequest, part: Stage | Step | Lane) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": part.pk,
        "uid": str(part.uid),
        "title": part.title,
        "position": part.position,
        "version": part.version,
    }
    if isinstance(part, Lane):
        data["kind"] = part.kind
    if isinstance(part, Step):
        data["stage"] = part.stage_id
    if isinstance(part, Stage):
        data["steps"] = [part_out(request, step) for step in part.steps.order_by("position")]
    return data
