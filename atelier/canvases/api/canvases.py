"""Opening, importing, reading, changing and deleting canvases."""

from typing import Any

from django.http import HttpRequest
from ninja import Status

from atelier.accounts.access import user_of
from atelier.api.refusals import WRITE_REFUSALS, refusals
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Canvas
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services import canvases, transfer
from atelier.projects.access import get_project_for_user

from .common import NO_CONTENT, reloaded, router
from .schemas import CanvasChange, CanvasCreated, CanvasIn, CanvasOut, CanvasPage, canvas_out


@router.get("/projects/{project_id}/canvases", response=CanvasPage)
def list_canvases(request: HttpRequest, project_id: int) -> dict[str, Any]:
    """The canvases of a project the person may read."""
    project = get_project_for_user(user_of(request), project_id)
    items = [canvas_out(request, c) for c in Canvas.objects.filter(project=project)]
    return {"count": len(items), "items": items}


@router.post("/projects/{project_id}/canvases", response={201: CanvasCreated, **WRITE_REFUSALS})
@refusals()
def create_canvas(request: HttpRequest, project_id: int, payload: CanvasIn) -> Status:
    """Opens a canvas, or imports a `document` (422 lists every problem; nothing is written)."""
    user = user_of(request)
    project = get_project_for_user(user, project_id, write=True)
    dropped = 0
    if payload.document is not None:
        canvas, dropped = transfer.import_canvas(project=project, data=payload.document, by=user)
    else:
        canvas = canvases.create_canvas(
            project=project,
            kind=payload.kind or "",
            title=payload.title,
            state=payload.state,
            description=payload.description,
            by=user,
        )
    return Status(201, {**canvas_out(request, reloaded(canvas)), "dropped_links": dropped})


@router.get("/canvases/{canvas_id}", response=dict[str, Any])
def get_canvas(request: HttpRequest, canvas_id: int) -> dict[str, Any]:
    """The whole canvas in the `atelier.canvas/1` format, with the ids edits address."""
    return serialize_canvas(get_canvas_for_user(user_of(request), canvas_id), with_ids=True)


@router.patch("/canvases/{canvas_id}", response={200: CanvasOut, **WRITE_REFUSALS})
@refusals(show_current=canvas_out)
def change_canvas(request: HttpRequest, canvas_id: int, payload: CanvasChange) -> Status:
    """Changes title, state and description (409 when `revision` is stale)."""
    user = user_of(request)
    canvas = get_canvas_for_user(user, canvas_id, write=True)
    canvas = canvases.update_canvas(
        canvas=canvas,
        revision=payload.revision,
        title=canvas.title if payload.title is None else payload.title,
        state=canvas.state if payload.state is None else payload.state,
        description=canvas.description if payload.description is None else payload.description,
        by=user,
    )
    return Status(200, canvas_out(request, canvas))


@router.delete("/canvases/{canvas_id}", response=NO_CONTENT)
@refusals()
def delete_canvas(request: HttpRequest, canvas_id: int) -> Status:
    """Deletes a canvas with all its content and versions."""
    user = user_of(request)
    canvases.delete_canvas(canvas=get_canvas_for_user(user, canvas_id, write=True), by=user)
    return Status(204, None)
