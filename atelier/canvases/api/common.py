"""The canvases API's router and how it reaches the parts of a canvas.

A canvas is reached through `get_canvas_for_user`; a card, stage, step or lane is fetched
by id and then through the canvas it belongs to, so other organisations get 404 for all
of them and association staff get 403 when they try to change them.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.security import django_auth

from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken
from atelier.api.refusals import WRITE_REFUSALS
from atelier.canvases.access import PartType, through_canvas
from atelier.canvases.models import Canvas, Stage

router = Router(auth=[BearerToken(), django_auth], tags=["canvases"])
NO_CONTENT: dict[int, Any] = {204: None, **WRITE_REFUSALS}


def writable(request: HttpRequest, model: type[PartType], pk: int) -> PartType:
    """A card, stage, step or lane the person may change (404 when its canvas is hidden)."""
    return through_canvas(user_of(request), model._default_manager.all(), pk, write=True)


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
