"""The comment threads of a canvas and its cards: read, write, resolve and reopen."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse

from atelier.accounts.access import user_of
from atelier.canvases.access import get_canvas_for_user, get_comment_for_user
from atelier.canvases.models import Canvas, Card
from atelier.canvases.selectors import comment_threads
from atelier.canvases.services.comments import add_comment, resolve_comment
from atelier.lib.htmx import HtmxHttpRequest
from atelier.projects.access import can_edit


def _panel(
    request: HtmxHttpRequest, canvas: Canvas, card: Card | None, **extra: Any
) -> HttpResponse:
    """The threads as a page, or as the editor's comments panel for htmx and live updates."""
    context = {
        "canvas": canvas,
        "project": canvas.project,
        "threads": comment_threads(canvas),
        "card": card,
        "editable": can_edit(user_of(request), canvas.project),
        **extra,
    }
    template = "canvases/comments/panel.html" if request.htmx else "canvases/comments/page.html"
    return render(request, template, context)


def _card_of(canvas: Canvas, value: str | None) -> Card | None:
    if not value:
        return None
    card = Card.objects.filter(canvas=canvas, pk=value if value.isdigit() else 0).first()
    if card is None:
        raise Http404
    return card


@login_required
def comments(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """GET the threads (?card= to answer on one card's thread); POST writes a comment."""
    write = request.method == "POST"
    canvas = get_canvas_for_user(user_of(request), pk, write=write)
    params = request.POST if write else request.GET
    card = _card_of(canvas, params.get("card"))
    if not write:
        return _panel(request, canvas, card)
    try:
        comment = add_comment(
            canvas=canvas, card=card, body=params.get("body", ""), by=user_of(request)
        )
    except ValidationError as error:
        return _panel(
            request, canvas, card, error=" ".join(error.messages), body=params.get("body", "")
        )
    if request.htmx:
        return _panel(request, canvas, None)
    return redirect(reverse("canvases:comments", args=[canvas.pk]) + f"#comment-{comment.pk}")


@login_required
def comment_resolve(request: HtmxHttpRequest, comment_pk: int) -> HttpResponse:
    """Resolve a comment (resolved=1) or reopen it (resolved=0)."""
    comment = get_comment_for_user(user_of(request), comment_pk, write=True)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    resolve_comment(
        comment=comment, resolved=request.POST.get("resolved") == "1", by=user_of(request)
    )
    if request.htmx:
        return _panel(request, comment.canvas, None)
    return redirect(
        reverse("canvases:comments", args=[comment.canvas_id]) + f"#comment-{comment.pk}"
    )
