"""The canvases API's router and how it reaches the parts of a canvas.

A canvas is reached through `get_canvas_for_user`; a card, stage, step or lane is fetched
by id and then through the canvas it belongs to, so other organisations get 404 for all
of them and association staff get 403 when they try to change them.
"""

from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.security import django_auth

from atelier.api.auth import BearerToken
from atelier.api.refusals import WRITE_REFUSALS
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Canvas, Card, Lane, Stage, Step
from atelier.projects.api import user_of

router = Router(auth=[BearerToken(), django_auth], tags=["canvases"])
NO_CONTENT: dict[int, Any] = {204: None, **WRITE_REFUSALS}
PartType = TypeVar("PartType", Card, Stage, Step, Lane)


def writable(request: HttpRequest, model: type[PartType], pk: int) -> PartType:
    """A card, stage, step or lane the person may change (404 when its canvas is hidden)."""
    part = model.objects.filter(pk=pk).first()  # type: ignore[attr-defined]
    if part is None:
        raise Http404
    part.canvas = get_canvas_for_user(user_of(request), part.canvas_id, write=True)
    return part


def in_canvas(model: type[Model], canvas: Canvas, pk: int | None) -> Any:
    """The lane, step or stage of this canvas with that id; None when no id is given."""
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, canvas=canvas).first()  # type: ignore[attr-defined]
    if found is None and model is Stage:
        raise ValidationError(_("Choose a stage of this canvas."))
    if found is None:
        raise ValidationError(_("Choose a lane and a step of this canvas."))
    return found


def reloaded(canvas: Canvas) -> Canvas:
    # The services count changes with an UPDATE; show the revision they left.
    canvas.refresh_from_db(fields=["revision", "title", "state", "description"])
    return canvas
