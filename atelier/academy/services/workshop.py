"""Writes for the workshop cases and their slides, never silently over someone else's change.

There is no revision column: an editor carries a fingerprint of the values it was opened
with, and a save compares it with the row as it is under lock. That also notices changes
made in the admin or by the demo loader, which know nothing of such a counter.
"""

import hashlib
import json
from typing import cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field, Max, Model
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from atelier.academy.models import CaseSlide, WorkshopCase
from atelier.accounts.models import User

CASE_FIELDS = ("slug", "title_nl", "title_en", "authority", "is_published")
# Everything the slide editor changes; the position changes by moving only.
SLIDE_FIELDS = (
    "stage",
    "heading_nl",
    "heading_en",
    "body_nl",
    "body_en",
    "notes_nl",
    "notes_en",
    "canvas",
    "exercise_minutes",
    "image",
    "image_alt_nl",
    "image_alt_en",
)
UP, DOWN = "up", "down"


class StaleCase(ValidationError):
    """The case changed since its editor was opened; `current` is how it is now."""

    def __init__(self, current: WorkshopCase) -> None:
        super().__init__(
            _(
                "Someone else changed this case while you were editing it. Your input is "
                "kept below; check the current version and save again."
            )
        )
        self.current = current


class StaleSlide(ValidationError):
    """The slide changed since its editor was opened; `current` is how it is now."""

    def __init__(self, current: CaseSlide, message: str = "") -> None:
        super().__init__(
            message
            or _(
                "Someone else changed this slide while you were editing it. Your input is "
                "kept below; check the current version and save again."
            )
        )
        self.current = current


def fingerprint(row: Model, fields: tuple[str, ...]) -> str:
    """A digest of the row's values of `fields`: it differs once any of them changes."""
    columns = [cast(Field, row._meta.get_field(name)).attname for name in fields]
    values = [getattr(row, column) for column in columns]
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()


def case_fingerprint(case: WorkshopCase) -> str:
    return fingerprint(case, CASE_FIELDS)


def slide_fingerprint(slide: CaseSlide) -> str:
    return fingerprint(slide, SLIDE_FIELDS)


@transaction.atomic
def create_case(*, case: WorkshopCase, by: User) -> WorkshopCase:
    """Saves a new workshop case, without slides yet."""
    case.save()
    return case


@transaction.atomic
def update_case(*, case: WorkshopCase, seen: str, by: User) -> WorkshopCase:
    """Saves the case's fields unless they changed since `seen` was taken (StaleCase)."""
    current = get_object_or_404(WorkshopCase.objects.select_for_update(), pk=case.pk)
    if case_fingerprint(current) != seen:
        raise StaleCase(current)
    case.save(update_fields=CASE_FIELDS)
    return case


@transaction.atomic
def add_slide(*, slide: CaseSlide, by: User) -> CaseSlide:
    """Saves a new slide after the case's last one."""
    _lock_order(slide.case_id)
    last = CaseSlide.objects.filter(case_id=slide.case_id).aggregate(last=Max("position"))
    slide.position = (last["last"] or 0) + 1
    slide.save()
    return slide


@transaction.atomic
def update_slide(*, slide: CaseSlide, seen: str, by: User) -> CaseSlide:
    """Saves the slide's content unless it changed since `seen` was taken (StaleSlide)."""
    current = get_object_or_404(CaseSlide.objects.select_for_update(), pk=slide.pk)
    if slide_fingerprint(current) != seen:
        raise StaleSlide(current)
    slide.save(update_fields=SLIDE_FIELDS)
    return slide


@transaction.atomic
def delete_slide(*, slide: CaseSlide, seen: str, by: User) -> None:
    """Deletes the slide unless it changed since `seen` was taken (StaleSlide)."""
    current = get_object_or_404(CaseSlide.objects.select_for_update(), pk=slide.pk)
    if slide_fingerprint(current) != seen:
        raise StaleSlide(
            current,
            _(
                "Someone else changed this slide meanwhile. Look at it as it is now before "
                "you delete it."
            ),
        )
    current.delete()


@transaction.atomic
def move_slide(*, slide: CaseSlide, direction: str, seen_position: int, by: User) -> None:
    """Swaps the slide with the one before or after it, unless the order changed meanwhile."""
    _lock_order(slide.case_id)
    order = list(
        CaseSlide.objects.select_for_update()
        .filter(case_id=slide.case_id)
        .order_by("position")
        .values_list("pk", "position")
    )
    index = next((i for i, (pk, _position) in enumerate(order) if pk == slide.pk), None)
    if index is None or order[index][1] != seen_position:
        raise ValidationError(
            _("Someone else changed the order of the slides meanwhile. Look at it again.")
        )
    other = index - 1 if direction == UP else index + 1
    if direction not in (UP, DOWN) or not 0 <= other < len(order):
        raise ValidationError(_("This slide cannot move further that way."))
    _swap(order[index], order[other], parked=order[-1][1] + 1)


def _lock_order(case_id: int) -> None:
    """One change to a case's order of slides at a time: adds and moves wait for each other."""
    get_object_or_404(WorkshopCase.objects.select_for_update(), pk=case_id)


def _swap(first: tuple[int, int], second: tuple[int, int], *, parked: int) -> None:
    """Swaps two positions; one slide waits past the last so (case, position) stays unique."""
    slides = CaseSlide.objects
    slides.filter(pk=first[0]).update(position=parked)
    slides.filter(pk=second[0]).update(position=first[1])
    slides.filter(pk=first[0]).update(position=second[1])
