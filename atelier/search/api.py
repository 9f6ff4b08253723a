"""`GET /api/v1/search`: the search page's results as JSON, with the same visibility.

Anyone may call it: without credentials it answers what the public may see; with a
bearer token (or a session) what that person may see. A refused token is a 401, never
a silent fall back to the public results.
"""

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from atelier.accounts.models import User
from atelier.api.auth import BearerToken
from atelier.api.types import MAX_OFFSET, Text

from .engine import MAX_LIMIT
from .models import DocumentType, Visibility
from .selectors import SearchFilters, search

router = Router(tags=["search"])


class SearchQuery(Schema):
    q: Text = Field("", max_length=200)
    type: DocumentType | None = None
    topic: Text = Field("", max_length=60)  # a topic's short name: "social-policy"
    kind: Text = Field("", max_length=40)  # a knowledge item's kind: "faq"
    year: int | None = Field(None, ge=1900, le=2100)
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class SearchHitOut(Schema):
    type: DocumentType
    id: int
    title: str
    url: str
    # Escaped text in which only the matches are marked up: <mark>…</mark>.
    snippet: str
    kind: str
    year: int | None
    audience: Visibility
    updated_at: datetime.datetime


class SearchPage(Schema):
    # At most 1,000: a broader query says `capped` and ranks the title matches and the
    # 1,000 newest matches (atelier/search/engine/__init__.py).
    count: int
    capped: bool = Field(False, description="More documents match than `count` says.")
    items: list[SearchHitOut]
    # Misspelt words and the spellings they were also searched as.
    corrections: dict[str, list[str]]


def _caller(request: HttpRequest) -> User | None:
    if request.headers.get("Authorization", "").lower().startswith("bearer "):
        user = BearerToken()(request)
        if user is None:
            raise HttpError(401, "Invalid or missing API token.")
        return user
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@router.get("/search", response=SearchPage, auth=None)
def search_everything(request: HttpRequest, query: Query[SearchQuery]) -> dict[str, Any]:
    """Everything the caller may see that matches q: most relevant first, then the newest."""
    filters = SearchFilters.clean(
        types=[query.type] if query.type else [],
        topics=[query.topic] if query.topic else [],
        kinds=[query.kind] if query.kind else [],
        years=[query.year] if query.year else [],
    )
    found = search(
        _caller(request), query.q, limit=query.limit, offset=query.offset, **filters.as_arguments()
    )
    items = [
        {
            "type": hit.doc_type,
            "id": hit.object_id,
            "title": hit.title,
            "url": _absolute(hit.url),
            "snippet": str(hit.snippet),
            "kind": hit.kind,
            "year": hit.year,
            "audience": hit.visibility,
            "updated_at": hit.updated_at,
        }
        for hit in found.hits
    ]
    return {
        "count": found.count,
        "capped": found.capped,
        "items": items,
        "corrections": found.corrections,
    }
