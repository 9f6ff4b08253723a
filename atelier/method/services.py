"""Writes to the method library: techniques, the phase list and the shipped content."""

from typing import Any

from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import User

from .models import RESERVED_SLUGS, Phase, Technique


class MethodRefusal(Exception):
    """A change the library refuses, with a message for the person who asked."""

    def __init__(self, message: Any) -> None:
        super().__init__(message)
        self.message = message


class StaleTechnique(MethodRefusal):
    """Someone saved the technique after the form was opened."""


def _unique_slug(model: type[Phase] | type[Technique], text: str, exclude_pk: int | None) -> str:
    base = slugify(text)[:70] or "item"
    slug, number = base, 2
    others = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    while slug in RESERVED_SLUGS or others.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_technique(
    *, technique: Technique | None, data: dict[str, Any], revision: int, by: User
) -> Technique:
    """Creates or updates a technique; refuses when it changed since `revision` was read."""
    if technique is None:
        technique = Technique()
    else:
        current = Technique.objects.select_for_update().get(pk=technique.pk)
        if current.revision != revision:
            raise StaleTechnique(_("Someone else saved this technique while you were editing it."))
        technique.revision = current.revision + 1
    for field, value in data.items():
        setattr(technique, field, value)
    if not technique.slug:
        text = technique.name_en or technique.name_nl
        technique.slug = _unique_slug(Technique, text, technique.pk)
    technique.full_clean()
    technique.save()
    return technique


def _next_position() -> int:
    highest = Phase.objects.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def add_phase(*, name_nl: str, name_en: str = "", by: User | None = None) -> Phase:
    """Adds a phase at the end of the list, unless one of that Dutch name exists already."""
    if Phase.objects.filter(name_nl__iexact=name_nl.strip()).exists():
        # Also a double click or a second tab: the phase is added once.
        raise MethodRefusal(_("A phase with this Dutch name exists already."))
    slug = _unique_slug(Phase, name_en or name_nl, None)
    return Phase.objects.create(
        position=_next_position(), slug=slug, name_nl=name_nl, name_en=name_en
    )


@transaction.atomic
def rename_phase(*, phase: Phase, name_nl: str, name_en: str, by: User | None = None) -> Phase:
    """Gives a phase new Dutch and English names; its address stays the same."""
    phase.name_nl, phase.name_en = name_nl, name_en
    phase.save(update_fields=["name_nl", "name_en"])
    return phase


@transaction.atomic
def move_phase(*, phase: Phase, direction: str, by: User | None = None) -> Phase:
    """Swaps a phase with its neighbour above ("up") or below ("down")."""
    phases = Phase.objects.select_for_update()
    if direction == "up":
        neighbour = phases.filter(position__lt=phase.position).order_by("-position").first()
    elif direction == "down":
        neighbour = phases.filter(position__gt=phase.position).order_by("position").first()
    else:
        raise MethodRefusal(_("A phase moves up or down."))
    if neighbour is None:
        return phase
    mine, theirs = phase.position, neighbour.position
    # Positions are unique: park one phase beyond the end while the other takes its place.
    Phase.objects.filter(pk=phase.pk).update(position=_next_position())
    Phase.objects.filter(pk=neighbour.pk).update(position=mine)
    Phase.objects.filter(pk=phase.pk).update(position=theirs)
    phase.position = theirs
    return phase


@transaction.atomic
def delete_phase(*, phase: Phase, by: User | None = None) -> None:
    """Deletes a phase that no technique, project, plan or decision uses."""
    if Technique.objects.filter(phase=phase).exists():
        raise MethodRefusal(_("This phase still has techniques. Move them to another phase first."))
    try:
        with transaction.atomic():
            phase.delete()
    except ProtectedError:
        raise MethodRefusal(
            _("Projects use this phase in their plan or decision log, so it stays.")
        ) from None


@transaction.atomic
def load_library() -> tuple[int, int]:
    """Creates the shipped phases and techniques that are missing; returns how many of each."""
    from .library_data import install

    return install(Phase, Technique)
