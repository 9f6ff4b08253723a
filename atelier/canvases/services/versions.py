"""Named versions of a canvas: save, restore, and compare two."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Snapshot
from atelier.canvases.serialize import serialize_canvas

from .transfer import replace_content


@transaction.atomic
def take_snapshot(*, canvas: Canvas, name: str, by: User | None) -> Snapshot:
    """Keep the canvas as it is now under a name ("as is", "after workshop 2")."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Give the version a name."))
    canvas.refresh_from_db(fields=["revision"])
    # A second click or tab saving the same name of the same content keeps one version.
    same = Snapshot.objects.filter(canvas=canvas, name=name[:200], revision=canvas.revision)
    if (existing := same.first()) is not None:
        return existing
    return Snapshot.objects.create(
        canvas=canvas,
        name=name[:200],
        data=serialize_canvas(canvas),
        revision=canvas.revision,
        created_by=by,
    )


@transaction.atomic
def restore_snapshot(*, snapshot: Snapshot, by: User | None) -> Snapshot:
    """Put a version back; the content it replaces is kept as a version first."""
    canvas = Canvas.objects.select_for_update().get(pk=snapshot.canvas_id)
    kept = take_snapshot(
        canvas=canvas,
        name=_("Before restoring “%(name)s”") % {"name": snapshot.name},
        by=by,
    )
    replace_content(canvas=canvas, data=snapshot.data, by=by)
    return kept


def _parts(data: dict[str, Any]) -> dict[str, tuple[str, str, Any]]:
    """Every stage, step, lane and card of a document by uid: (what, label, comparable content)."""
    parts: dict[str, tuple[str, str, Any]] = {}
    for stage in data.get("stages") or []:
        parts[stage["uid"]] = ("stage", stage["title"], stage["title"])
        for step in stage.get("steps") or []:
            parts[step["uid"]] = ("step", step["title"], (step["title"], stage["uid"]))
    for lane in data.get("lanes") or []:
        parts[lane["uid"]] = ("lane", lane["title"], (lane["title"], lane["kind"]))
    for card in data.get("cards") or []:
        place = (card.get("lane"), card.get("step"), card.get("section"))
        parts[card["uid"]] = ("card", card["text"], (card["text"], card.get("fields") or {}, place))
    return parts


def compare(older: dict[str, Any], newer: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What was added, changed and removed from `older` to `newer`, part by part."""
    before, after = _parts(older), _parts(newer)
    added = [
        {"uid": uid, "what": after[uid][0], "text": after[uid][1]}
        for uid in after
        if uid not in before
    ]
    removed = [
        {"uid": uid, "what": before[uid][0], "text": before[uid][1]}
        for uid in before
        if uid not in after
    ]
    changed = [
        {
            "uid": uid,
            "what": after[uid][0],
            "before": before[uid][1],
            "text": after[uid][1],
            "moved": before[uid][2][-1] != after[uid][2][-1]
            if isinstance(after[uid][2], tuple)
            else False,
        }
        for uid in after
        if uid in before and before[uid][2] != after[uid][2]
    ]
    return {"added": added, "changed": changed, "removed": removed}
