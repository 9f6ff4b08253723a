"""Reads of the method library: the filtered card list, grouped by phase."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from atelier.accounts.models import User

from .models import Phase, Technique

SEARCHED_TEXTS = ("name", "summary", "when_to_use")


@dataclass(frozen=True)
class LibraryFilter:
    query: str = ""
    phase: str = ""  # a phase slug
    expertise: str = ""


@dataclass(frozen=True)
class PhaseGroup:
    phase: Phase
    techniques: list[Technique]


def _search(query: str) -> Q:
    """Matches the query in Dutch and, for English readers, in English too."""
    languages = ["nl", "en"] if get_language() == "en" else ["nl"]
    condition = Q()
    for text in SEARCHED_TEXTS:
        for language in languages:
            condition |= Q(**{f"{text}_{language}__icontains": query})
    return condition


def visible_techniques(user: User | None) -> QuerySet[Technique]:
    techniques = Technique.objects.select_related("phase")
    if user is not None and getattr(user, "is_association_staff", False):
        return techniques
    return techniques.filter(is_published=True)


def technique_list(filters: LibraryFilter, *, user: User | None = None) -> QuerySet[Technique]:
    techniques = visible_techniques(user)
    if filters.query:
        techniques = techniques.filter(_search(filters.query))
    if filters.phase:
        techniques = techniques.filter(phase__slug=filters.phase)
    if filters.expertise:
        techniques = techniques.filter(expertise=filters.expertise)
    return techniques.order_by("phase__position", "name_nl")


def group_by_phase(techniques: list[Technique]) -> list[PhaseGroup]:
    """The techniques under their phase, in phase order (techniques come sorted by phase)."""
    groups: list[PhaseGroup] = []
    for technique in techniques:
        if not groups or groups[-1].phase.pk != technique.phase_id:
            groups.append(PhaseGroup(phase=technique.phase, techniques=[]))
        groups[-1].techniques.append(technique)
    return groups


def phases_with_counts() -> QuerySet[Phase]:
    return Phase.objects.annotate(technique_count=Count("techniques")).order_by("position")
