"""What every canvas change shares: the canvas revision, places in a list, stale edits."""

from typing import Any

from django.db.models import F, Model, QuerySet
from django.utils import timezone

from atelier.canvases.models import Canvas


class StaleEdit(Exception):
    """Someone changed this part since the form was opened; `current` is what it is now."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale edit")
        self.current = current


class Gone(Exception):
    """The part was deleted (or restored away) since the form was opened."""


def touch(canvas: Canvas) -> None:
    """Count one more change of the canvas (live co-editing will watch this number)."""
    Canvas.objects.filter(pk=canvas.pk).update(
        revision=F("revision") + 1, updated_at=timezone.now()
    )


def place(siblings: QuerySet, item: Model, position: int | None) -> None:
    """Put `item` at `position` among `siblings` (the end when None) and renumber 0..n-1."""
    others = [other for other in siblings.order_by("position", "pk") if other.pk != item.pk]
    index = len(others) if position is None else max(0, min(position, len(others)))
    ordered = [*others[:index], item, *others[index:]]
    changed = []
    for number, part in enumerate(ordered):
        if part.position != number or part is item:
            part.position = number
            changed.append(part)
    siblings.model.objects.bulk_update(changed, ["position"])


def renumber(siblings: QuerySet) -> None:
    """Close the gap a deletion left."""
    changed = []
    for number, part in enumerate(siblings.order_by("position", "pk")):
        if part.position != number:
            part.position = number
            changed.append(part)
    if changed:
        siblings.model.objects.bulk_update(changed, ["position"])


def save_versioned(model: type[Model], *, pk: int, version: int, **values: Any) -> Any:
    """Write `values` if the row is still at `version`; otherwise raise StaleEdit or Gone."""
    updated = model.objects.filter(pk=pk, version=version).update(  # type: ignore[attr-defined]
        version=F("version") + 1, **values
    )
    current = model.objects.filter(pk=pk).first()  # type: ignore[attr-defined]
    if current is None:
        raise Gone
    if not updated:
        raise StaleEdit(current)
    return current
