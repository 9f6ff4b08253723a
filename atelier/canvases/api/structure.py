"""Stages, steps and lanes of a journey or blueprint."""

from django.http import HttpRequest
from ninja import Status

from atelier.accounts.access import user_of
from atelier.api.refusals import WRITE_REFUSALS, refusals
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Lane, Stage, Step
from atelier.canvases.services import structure

from .common import NO_CONTENT, in_canvas, router, writable
from .schemas import LaneIn, PartChange, PartIn, PartMove, PartOut, part_out


@router.post("/canvases/{canvas_id}/stages", response={201: PartOut, **WRITE_REFUSALS})
@refusals()
def add_stage(request: HttpRequest, canvas_id: int, payload: PartIn) -> Status:
    """Adds a stage, with a first step, to a journey or blueprint."""
    user = user_of(request)
    canvas = get_canvas_for_user(user, canvas_id, write=True)
    stage = structure.add_stage(
        canvas=canvas, title=payload.title, position=payload.position, by=user
    )
    stage.refresh_from_db()
    return Status(201, part_out(request, stage))


@router.post("/stages/{stage_id}/steps", response={201: PartOut, **WRITE_REFUSALS})
@refusals()
def add_step(request: HttpRequest, stage_id: int, payload: PartIn) -> Status:
    """Adds a step to a stage."""
    stage = writable(request, Stage, stage_id)
    step = structure.add_step(
        stage=stage, title=payload.title, position=payload.position, by=user_of(request)
    )
    step.refresh_from_db()
    return Status(201, part_out(request, step))


@router.post("/canvases/{canvas_id}/lanes", response={201: PartOut, **WRITE_REFUSALS})
@refusals()
def add_lane(request: HttpRequest, canvas_id: int, payload: LaneIn) -> Status:
    """Adds a lane of any kind; journey and blueprint lanes mix on one canvas."""
    user = user_of(request)
    canvas = get_canvas_for_user(user, canvas_id, write=True)
    lane = structure.add_lane(
        canvas=canvas, kind=payload.kind, title=payload.title, position=payload.position, by=user
    )
    lane.refresh_from_db()
    return Status(201, part_out(request, lane))


def _rename(request: HttpRequest, part: Stage | Step | Lane, payload: PartChange) -> Status:
    renamed = structure.rename(
        part=part, version=payload.version, title=payload.title, by=user_of(request)
    )
    return Status(200, part_out(request, renamed))


@router.patch("/stages/{stage_id}", response={200: PartOut, **WRITE_REFUSALS})
@refusals(show_current=part_out)
def rename_stage(request: HttpRequest, stage_id: int, payload: PartChange) -> Status:
    """Renames a stage (409 when `version` is stale)."""
    return _rename(request, writable(request, Stage, stage_id), payload)


@router.patch("/steps/{step_id}", response={200: PartOut, **WRITE_REFUSALS})
@refusals(show_current=part_out)
def rename_step(request: HttpRequest, step_id: int, payload: PartChange) -> Status:
    """Renames a step (409 when `version` is stale)."""
    return _rename(request, writable(request, Step, step_id), payload)


@router.patch("/lanes/{lane_id}", response={200: PartOut, **WRITE_REFUSALS})
@refusals(show_current=part_out)
def rename_lane(request: HttpRequest, lane_id: int, payload: PartChange) -> Status:
    """Renames a lane (409 when `version` is stale)."""
    return _rename(request, writable(request, Lane, lane_id), payload)


@router.delete("/stages/{stage_id}", response=NO_CONTENT)
@refusals()
def delete_stage(request: HttpRequest, stage_id: int) -> Status:
    """Deletes a stage with its steps and cards (a version keeps what they held)."""
    stage = writable(request, Stage, stage_id)
    structure.delete_stage(stage=stage, by=user_of(request))
    return Status(204, None)


@router.delete("/steps/{step_id}", response=NO_CONTENT)
@refusals()
def delete_step(request: HttpRequest, step_id: int) -> Status:
    """Deletes a step with its cards (a version keeps what they held)."""
    step = writable(request, Step, step_id)
    structure.delete_step(step=step, by=user_of(request))
    return Status(204, None)


@router.delete("/lanes/{lane_id}", response=NO_CONTENT)
@refusals()
def delete_lane(request: HttpRequest, lane_id: int) -> Status:
    """Deletes a lane with its cards (a version keeps what they held)."""
    lane = writable(request, Lane, lane_id)
    structure.delete_lane(lane=lane, by=user_of(request))
    return Status(204, None)


@router.post("/stages/{stage_id}/move", response={200: PartOut, **WRITE_REFUSALS})
@refusals()
def move_stage(request: HttpRequest, stage_id: int, payload: PartMove) -> Status:
    """Moves a stage, with its steps, to another position."""
    stage = writable(request, Stage, stage_id)
    structure.move_stage(stage=stage, position=payload.position, by=user_of(request))
    stage.refresh_from_db()
    return Status(200, part_out(request, stage))


@router.post("/steps/{step_id}/move", response={200: PartOut, **WRITE_REFUSALS})
@refusals()
def move_step(request: HttpRequest, step_id: int, payload: PartMove) -> Status:
    """Moves a step within its stage, or into another stage of the same canvas."""
    step = writable(request, Step, step_id)
    stage = in_canvas(Stage, step.canvas, payload.stage)
    structure.move_step(step=step, position=payload.position, stage=stage, by=user_of(request))
    step.refresh_from_db()
    return Status(200, part_out(request, step))


@router.post("/lanes/{lane_id}/move", response={200: PartOut, **WRITE_REFUSALS})
@refusals()
def move_lane(request: HttpRequest, lane_id: int, payload: PartMove) -> Status:
    """Moves a lane to another position."""
    lane = writable(request, Lane, lane_id)
    structure.move_lane(lane=lane, position=payload.position, by=user_of(request))
    lane.refresh_from_db()
    return Status(200, part_out(request, lane))
