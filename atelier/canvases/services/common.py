"""What every canvas change shares: the revision and its change log, places, stale edits."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import F, Model, Q, QuerySet
from django.utils import timezone

from atelier.accounts.models import User
from atelier.canvases.live.events import event_of, publish
from atelier.canvases.models import (
    Canvas,
    CanvasChange,
    Card,
    ChangeOrigin,
    Lane,
    Link,
    Stage,
    Step,
)


class StaleEdit(Exception):
    """Someone changed this part since the form was opened; `current` is what it is now."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale edit")
        self.current = current


class Gone(Exception):
    """The part was deleted (or restored away) since the form was opened."""


# What the changes being recorded are: plain changes, or an undo or redo of an earlier one.
_origin: ContextVar[tuple[str, CanvasChange | None]] = ContextVar(
    "change_origin", default=(ChangeOrigin.DO, None)
)


@contextmanager
def recording(origin: str, reverts: CanvasChange) -> Iterator[None]:
    """Record the changes made inside as an undo or redo of `reverts`."""
    token = _origin.set((origin, reverts))
    try:
        yield
    finally:
        _origin.reset(token)


def touch(
    canvas: Canvas,
    *,
    by: User | None,
    action: str,
    part_type: str = "canvas",
    part_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> CanvasChange:
    """Count one more change of the canvas, log it, and tell the open editors after commit."""
    Canvas.objects.filter(pk=canvas.pk).update(
        revision=F("revision") + 1, updated_at=timezone.now()
    )
    # The update holds the row's lock until commit, so this is our own revision.
    canvas.revision = Canvas.objects.values_list("revision", flat=True).get(pk=canvas.pk)
    change = CanvasChange.objects.create(
        canvas_id=canvas.pk,
        revision=canvas.revision,
        actor=by,
        action=action,
        part_type=part_type,
        part_id=part_id,
        before=before,
        after=after,
        origin=_origin.get()[0],
        reverts=_origin.get()[1],
    )
    event = event_of(change, actor_name=str(by) if by is not None else "")
    transaction.on_commit(partial(publish, canvas.pk, event), robust=True)
    return change


def card_state(card: Card, *, with_links: bool = False) -> dict[str, Any]:
    """A card as the change log keeps it: enough to put it back where and as it was."""
    state: dict[str, Any] = {
        "id": card.pk,
        "uid": str(card.uid),
        "lane": card.lane_id,
        "step": card.step_id,
        "section": card.section,
        "position": card.position,
        "text": card.text,
        "fields": card.fields,
        "version": card.version,
        "card": card.pk,
    }
    if with_links:
        # A deleted card comes back with its photo or sketch.
        state["image"] = card.image
        links = Link.objects.filter(Q(source_id=card.pk) | Q(target_id=card.pk))
        state["links"] = list(
            links.values("canvas_id", "kind", "source_id", "target_id", "relation", "label")
        )
    return state


def part_state(part: Stage | Step | Lane) -> dict[str, Any]:
    """A stage, step or lane as the change log keeps it: its name and its place."""
    state: dict[str, Any] = {
        "id": part.pk,
        "uid": str(part.uid),
        "title": part.title,
        "version": part.version,
        "position": part.position,
    }
    if isinstance(part, Step):
        state["stage"] = part.stage_id
    if isinstance(part, Lane):
        state["kind"] = part.kind
    return state


def relink(links: list[dict[str, Any]]) -> None:
    """Put back the links of restored cards whose both ends are on a canvas again."""
    ends = {pk for link in links for pk in (link["source_id"], link["target_id"])}
    present = set(Card.objects.filter(pk__in=ends).values_list("pk", flat=True))
    Link.objects.bulk_create(
        [Link(**link) for link in links if {link["source_id"], link["target_id"]} <= present],
        ignore_conflicts=True,
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
