"""Reads of the search index for pages, the API and other apps.

`search(user, q, types=[...], limit=5)` is the plain function other parts call (the
advice desk suggests matching items while someone types a question).
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from atelier.knowledge.models import Kind, Topic
from atelier.members.models import OrganisationType
from atelier.method.models import ArtefactKind

from .engine import Hit, Results, facets, search
from .models import DocumentType, Visibility

__all__ = ["Hit", "Results", "SearchFilters", "facets", "labelled_facets", "search"]

SLUG = re.compile(r"^[a-z0-9_-]{1,60}$")
MAX_VALUES = 20


@dataclass
class SearchFilters:
    """The filters a page or the API asked for, cleaned: unknown values are dropped."""

    types: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)

    @classmethod
    def clean(
        cls,
        *,
        types: Sequence[str] = (),
        topics: Sequence[str] = (),
        kinds: Sequence[str] = (),
        years: Sequence[str | int] = (),
        audiences: Sequence[str] = (),
    ) -> "SearchFilters":
        return cls(
            types=[value for value in types if value in DocumentType.values][:MAX_VALUES],
            topics=[value for value in topics if SLUG.match(value)][:MAX_VALUES],
            kinds=[value for value in kinds if SLUG.match(value)][:MAX_VALUES],
            years=[
                int(value) for value in years if str(value).isdigit() and 1900 <= int(value) <= 2100
            ][:MAX_VALUES],
            audiences=[value for value in audiences if value in Visibility.values][:MAX_VALUES],
        )

    def as_arguments(self) -> dict[str, Any]:
        return {
            "types": self.types,
            "topics": self.topics,
            "kinds": self.kinds,
            "years": self.years,
            "audiences": self.audiences,
        }


def kind_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for choices in (OrganisationType, ArtefactKind, Kind):
        labels.update({value: str(label) for value, label in choices.choices})
    return labels


def labelled_facets(
    counted: Mapping[str, list[tuple[Any, int]]], chosen: SearchFilters
) -> list[dict[str, Any]]:
    """Facets for a page: a name, the parameter, and (value, label, count, chosen) per option."""
    topic_names = dict(Topic.objects.values_list("slug", "name_nl"))
    kinds = kind_labels()
    label_of: dict[str, tuple[str, str, Mapping[Any, Any]]] = {
        "types": (_("Type"), "type", dict(DocumentType.choices)),
        "topics": (_("Topic"), "topic", topic_names),
        "kinds": (_("Kind"), "kind", kinds),
        "years": (_("Year"), "year", {}),
        "audiences": (_("Audience"), "audience", dict(Visibility.choices)),
    }
    facets_out = []
    for name, options in counted.items():
        title, parameter, labels = label_of[name]
        if options:
            facets_out.append(
                {
                    "name": title,
                    "parameter": parameter,
                    "options": [
                        (
                            str(value),
                            str(labels.get(value, value)),
                            total,
                            value in getattr(chosen, name),
                        )
                        for value, total in options
                    ],
                }
            )
    return facets_out
