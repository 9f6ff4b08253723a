"""API of the method library: the published technique cards, in the reader's language."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from atelier.api.types import Text

from . import selectors
from .models import ExpertiseNeed, Technique

router = Router(tags=["method"])


class PhaseOut(Schema):
    slug: str
    position: int
    name: str


class TechniqueOut(Schema):
    slug: str
    name: str
    summary: str
    phase: PhaseOut
    when_to_use: str
    when_not: str
    participants: str
    duration: str
    materials: str
    steps: list[str]
    pitfalls: list[str]
    expertise: ExpertiseNeed
    expertise_reason: str
    produces: str
    toolkit_url: str
    url: str


class TechniquePage(Schema):
    count: int
    items: list[TechniqueOut]


class TechniqueQuery(Schema):
    phase: Text = ""
    q: Text = ""


def _technique(technique: Technique) -> dict[str, Any]:
    phase = technique.phase
    return {
        "slug": technique.slug,
        "name": technique.name,
        "summary": technique.summary,
        "phase": {"slug": phase.slug, "position": phase.position, "name": phase.name},
        "when_to_use": technique.when_to_use,
        "when_not": technique.when_not,
        "participants": technique.participants,
        "duration": technique.duration,
        "materials": technique.materials,
        "steps": technique.steps,
        "pitfalls": technique.pitfalls,
        "expertise": technique.expertise,
        "expertise_reason": technique.expertise_reason,
        "produces": technique.produces,
        "toolkit_url": technique.toolkit_url,
        "url": reverse("method:technique", args=[technique.slug]),
    }


@router.get("/techniques", response=TechniquePage, auth=None)
def list_techniques(request: HttpRequest, query: Query[TechniqueQuery]) -> dict[str, Any]:
    """The published method cards (public), in the language of Accept-Language."""
    filters = selectors.LibraryFilter(query=query.q.strip(), phase=query.phase)
    techniques = list(selectors.technique_list(filters))
    return {"count": len(techniques), "items": [_technique(t) for t in techniques]}
