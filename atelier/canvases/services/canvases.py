"""Opening a canvas in a project and changing what describes it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Canvas, CanvasState, ChangeAction
from atelier.canvases.portrait import portrait_from_upload
from atelier.lib.titles import checked_title
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import Gone, StaleEdit, touch
from .structure import default_grid


def _check(kind: str, title: str, state: str) -> str:
    if kind not in ArtefactKind.values or (
        kind not in kinds.GRID_KINDS and kind not in kinds.SECTIONS
    ):
        raise ValidationError(_("Choose a kind of canvas."))
    if state and state not in CanvasState.values:
        raise ValidationError(_("Choose as is or to be."))
    return checked_title(title, missing=_("Give the canvas a title."))


@transaction.atomic
def create_canvas(
    *,
    project: Project,
    kind: str,
    title: str,
    state: str = "",
    description: str = "",
    by: User | None,
    empty: bool = False,
) -> Canvas:
    """Open a canvas; a journey or blueprint starts with its kind's lanes and three stages."""
    canvas = Canvas.objects.create(
        project=project,
        kind=kind,
        title=_check(kind, title, state),
        state=state,
        description=description.strip(),
        created_by=by,
    )
    if canvas.is_grid and not empty:
        default_grid(canvas=canvas)
    return canvas


@transaction.atomic
def update_canvas(
    *, canvas: Canvas, revision: int, title: str, state: str, description: str, by: User | None
) -> Canvas:
    """Change title, state and description unless the canvas changed since `revision`."""
    title = _check(canvas.kind, title, state)
    current = Canvas.objects.select_for_update().filter(pk=canvas.pk).first()
    if current is None:
        raise Gone
    if current.revision != revision:
        raise StaleEdit(current)
    current.title, current.state, current.description = title, state, description.strip()
    current.save(update_fields=["title", "state", "description", "updated_at"])
    touch(current, by=by, action=ChangeAction.EDITED)
    return current


@transaction.atomic
def delete_canvas(*, canvas: Canvas, by: User | None) -> None:
    canvas.delete()


@transaction.atomic
def set_portrait(*, canvas: Canvas, upload: object, size: int, by: User | None) -> Canvas:
    """Give a persona its photo or portrait (downscaled, without metadata)."""
    if canvas.kind != ArtefactKind.PERSONA:
        raise ValidationError(_("Only a persona has a portrait."))
    canvas.portrait = portrait_from_upload(upload, size)
    canvas.save(update_fields=["portrait", "updated_at"])
    touch(canvas, by=by, action=ChangeAction.EDITED)
    return canvas


@transaction.atomic
def remove_portrait(*, canvas: Canvas, by: User | None) -> Canvas:
    canvas.portrait = ""
    canvas.save(update_fields=["portrait", "updated_at"])
    touch(canvas, by=by, action=ChangeAction.EDITED)
    return canvas
