"""The canvas page: the editor for the team, the same board read-only for staff."""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from atelier.accounts.access import user_of
from atelier.canvases import kinds
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.forms import CanvasForm, LaneForm, set_hidden
from atelier.canvases.live import presence
from atelier.canvases.models import Canvas
from atelier.canvases.selectors import open_comment_counts
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import (
    delete_canvas,
    remove_portrait,
    set_portrait,
    update_canvas,
)
from atelier.canvases.services.common import StaleEdit
from atelier.lib.htmx import HtmxHttpRequest
from atelier.projects.access import can_edit

from .board import board_context, cached_grid_table
from .post_only import post_only


def editor_context(request: HtmxHttpRequest, canvas: Canvas, **extra: Any) -> dict[str, Any]:
    editable = can_edit(user_of(request), canvas.project)
    data = serialize_canvas(canvas, with_ids=True)
    counts = open_comment_counts(canvas.pk)
    comments_url = reverse("canvases:comments", args=[canvas.pk])
    for card in data["cards"]:
        if card["id"] in counts:
            card["comment_count"] = counts[card["id"]]
            card["comments_url"] = f"{comments_url}?card={card['id']}"
    context = board_context(data, canvas=canvas, editable=editable)
    context["csrf_value"] = get_token(request) if editable else ""
    if context["board"].is_grid:
        context["grid_table"] = cached_grid_table(context)
    return (
        context
        | {
            "canvas": canvas,
            "project": canvas.project,
            "lane_form": LaneForm(auto_id="new-lane-%s"),
        }
        | extra
    )


def render_board(
    request: HtmxHttpRequest, canvas: Canvas, *, focus: str = "", message: str = ""
) -> HttpResponse:
    """The board fragment after a change; `focus` names the element keyboard focus returns to."""
    response = render(
        request,
        "canvases/includes/board.html",
        editor_context(request, canvas, board_message=message),
    )
    if focus:
        response["HX-Trigger-After-Settle"] = json.dumps({"atelier:focus": focus})
    return response


def after_change(
    request: HtmxHttpRequest,
    canvas: Canvas,
    *,
    focus: str = "",
    error: ValidationError | None = None,
) -> HttpResponse:
    """htmx gets the new board; a plain form post goes back to the page (with the error, if any)."""
    message = " ".join(error.messages) if error else ""
    if request.htmx:
        return render_board(request, canvas, focus=focus, message=message)
    if message:
        messages.error(request, message)
    anchor = f"#{focus.lstrip('#')}" if focus else ""
    return redirect(reverse("canvases:canvas", args=[canvas.pk]) + anchor)


@login_required
def canvas_page(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    context = editor_context(request, canvas, presence_expiry_ms=presence.expiry_ms())
    return render(request, "canvases/canvas.html", context)


@login_required
def board_fragment(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk)
    return render_board(request, canvas)


@login_required
def canvas_settings(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    form = CanvasForm(
        request.POST or None,
        initial={
            "title": canvas.title,
            "state": canvas.state,
            "description": canvas.description,
            "revision": canvas.revision,
        },
    )
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            update_canvas(canvas=canvas, by=user_of(request), **form.cleaned_data)
        except StaleEdit as stale:
            current = stale.current
            form.add_error(
                None,
                _(
                    "Someone changed this canvas while you were editing. Its current title "
                    "is shown below; save again to keep yours."
                ),
            )
            set_hidden(form, "revision", str(current.revision))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The canvas is saved."))
            return redirect("canvases:canvas", pk=canvas.pk)
    return render(
        request,
        "canvases/canvas_settings.html",
        {
            "canvas": canvas,
            "project": canvas.project,
            "form": form,
            "current": current,
            "grid": canvas.kind in kinds.GRID_KINDS,
        },
    )


@login_required
@post_only
def canvas_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    project = canvas.project
    delete_canvas(canvas=canvas, by=user_of(request))
    messages.success(request, _("The canvas “%(title)s” is deleted.") % {"title": canvas.title})
    return redirect("projects:detail", pk=project.pk)


@login_required
@post_only
def canvas_portrait(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Upload (or remove) a persona's photo or portrait."""
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    upload = request.FILES.get("portrait")
    try:
        if request.POST.get("remove"):
            remove_portrait(canvas=canvas, by=user_of(request))
        elif upload is None:
            raise ValidationError(_("Choose an image file."))
        else:
            set_portrait(canvas=canvas, upload=upload, size=upload.size or 0, by=user_of(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("canvases:canvas", pk=canvas.pk)
