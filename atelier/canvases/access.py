"""A canvas is seen and changed by whoever may see and change its project."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from atelier.accounts.models import User
from atelier.projects.access import can_edit, projects_visible_to

from .models import Canvas, Card, Lane, Link, Stage, Step


def get_canvas_for_user(user: User | None, pk: int, *, write: bool = False) -> Canvas:
    """The canvas, or 404 for those who may not see its project (403 for staff writing)."""
    canvas = (
        Canvas.objects.select_related("project", "project__organisation")
        .filter(pk=pk, project__in=projects_visible_to(user))
        .first()
    )
    if canvas is None:
        raise Http404
    if write and not can_edit(user, canvas.project):
        raise PermissionDenied
    return canvas


def get_card_for_user(user: User | None, pk: int, *, write: bool = False) -> Card:
    """A card, through the canvas it belongs to (404 for those who may not see it)."""
    card = Card.objects.filter(pk=pk).select_related("lane", "step").first()
    if card is None:
        raise Http404
    card.canvas = get_canvas_for_user(user, card.canvas_id, write=write)
    return card


PARTS: dict[str, type[Stage | Step | Lane]] = {"stage": Stage, "step": Step, "lane": Lane}


def get_part_for_user(
    user: User | None, kind: str, pk: int, *, write: bool = False
) -> Stage | Step | Lane:
    """A stage, step or lane, through its canvas (404 for those who may not see it)."""
    model = PARTS.get(kind)
    part = model.objects.filter(pk=pk).first() if model else None
    if part is None:
        raise Http404
    part.canvas = get_canvas_for_user(user, part.canvas_id, write=write)
    return part


def get_link_for_user(user: User | None, pk: int, *, write: bool = False) -> Link:
    link = Link.objects.filter(pk=pk).first()
    if link is None:
        raise Http404
    link.canvas = get_canvas_for_user(user, link.canvas_id, write=write)
    return link
