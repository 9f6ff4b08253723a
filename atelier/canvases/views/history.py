"""Undo and redo of one's own changes (cards, stages, steps, lanes): buttons, Ctrl+Z and
Ctrl+Shift+Z post here."""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.accounts.access import user_of
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import Canvas, CanvasChange
from atelier.canvases.services import undo as undo_services
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.lib.htmx import HtmxHttpRequest

from .editor import after_change
from .post_only import post_only

# Taking back a change someone else changed further would overwrite theirs: refused.
CONFLICT = {
    "card": gettext_lazy(
        "Someone else changed this card after you; undoing would overwrite their change, "
        "so nothing was changed. Look at the card again first."
    ),
    "stage": gettext_lazy(
        "Someone else changed this stage or what it holds after you; undoing would overwrite "
        "their change, so nothing was changed."
    ),
    "step": gettext_lazy(
        "Someone else changed this step or what it holds after you; undoing would overwrite "
        "their change, so nothing was changed."
    ),
    "lane": gettext_lazy(
        "Someone else changed this lane or what it holds after you; undoing would overwrite "
        "their change, so nothing was changed."
    ),
}


def _focus(change: CanvasChange) -> str:
    return f"#{change.part_type}-{change.part_id}" if change.after is not None else "#board"


def _take_back(
    request: HtmxHttpRequest, pk: int, action: Callable[..., CanvasChange], nothing: str
) -> HttpResponse:
    canvas: Canvas = get_canvas_for_user(user_of(request), pk, write=True)
    try:
        change = action(canvas=canvas, by=user_of(request))
    except undo_services.NothingToUndo:
        return after_change(request, canvas, error=ValidationError(nothing))
    except StaleEdit as stale:
        kind = type(stale.current).__name__.lower()
        return after_change(
            request,
            canvas,
            focus=f"#{kind}-{stale.current.pk}",
            error=ValidationError(CONFLICT[kind]),
        )
    except Gone:
        return after_change(
            request, canvas, error=ValidationError(_("This card was deleted meanwhile."))
        )
    except ValidationError as error:
        return after_change(request, canvas, error=error)
    return after_change(request, canvas, focus=_focus(change))


@login_required
@post_only
def undo(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _take_back(request, pk, undo_services.undo, _("There is nothing of yours to undo."))


@login_required
@post_only
def redo(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _take_back(request, pk, undo_services.redo, _("There is nothing of yours to redo."))
