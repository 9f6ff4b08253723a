"""A canvas is seen and changed by whoever may see and change its project."""

from typing import Any, TypeVar, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from atelier.accounts.models import User
from atelier.lib.page_cache import project_pages
from atelier.projects.access import can_edit, projects_visible_to

from .models import Canvas, Card, Comment, Lane, Link, Stage, Step


def get_canvas_for_user(user: User | None, pk: int, *, write: bool = False) -> Canvas:
    """The canvas, or 404 for those who may not see its project (403 for staff writing)."""
    canvas = (
        Canvas.objects.select_related("project", "project__organisation")
        .filter(pk=pk, project__in=projects_visible_to(user))
        .first()
    )
    if canvas is None:
        raise Http404
    project_pages.touched(canvas.project_id)
    if write and not can_edit(user, canvas.project):
        raise PermissionDenied
    return canvas


PartType = TypeVar("PartType", bound=Model)


def through_canvas(
    user: User | None, queryset: QuerySet[PartType], pk: int, *, write: bool = False
) -> PartType:
    """A card, stage, step, lane or link, through the canvas it belongs to (404 when hidden)."""
    part: Any = queryset.filter(pk=pk).first()
    if part is None:
        raise Http404
    part.canvas = get_canvas_for_user(user, part.canvas_id, write=write)
    return cast(PartType, part)


def get_card_for_user(user: User | None, pk: int, *, write: bool = False) -> Card:
    """A card, through the canvas it belongs to (404 for those who may not see it)."""
    return through_canvas(user, Card.objects.select_related("lane", "step"), pk, write=write)


PARTS: dict[str, type[Stage | Step | Lane]] = {"stage": Stage, "step": Step, "lane": Lane}


def get_part_for_user(
    user: User | None, kind: str, pk: int, *, write: bool = False
) -> Stage | Step | Lane:
    """A stage, step or lane, through its canvas (404 for those who may not see it)."""
    if kind not in PARTS:
        raise Http404
    part = through_canvas(user, PARTS[kind]._default_manager.all(), pk, write=write)
    return cast(Stage | Step | Lane, part)


def get_link_for_user(user: User | None, pk: int, *, write: bool = False) -> Link:
    """A link, through the canvas it sits on (404 for those who may not see it)."""
    return through_canvas(user, Link.objects.all(), pk, write=write)


def get_comment_for_user(user: User | None, pk: int, *, write: bool = False) -> Comment:
    """A comment, through the canvas it is on (404 for those who may not see it)."""
    return through_canvas(user, Comment.objects.select_related("card"), pk, write=write)
