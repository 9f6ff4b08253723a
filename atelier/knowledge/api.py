"""API of the knowledge items: what the caller may read (anonymous callers: public items)."""

import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import AuthenticationError

from atelier.accounts.models import User
from atelier.api.auth import BearerToken
from atelier.api.types import PageQuery, Text

from . import selectors
from .access import get_item_for_user
from .html import render_text
from .models import Audience, Kind, KnowledgeItem, Status

router = Router(tags=["knowledge"])


class TopicOut(Schema):
    slug: str
    name: str


class AttachmentOut(Schema):
    name: str
    size: int
    url: str


class KnowledgeItemOut(Schema):
    id: int
    kind: Kind
    title: str
    summary: str
    language: str
    audience: Audience
    status: Status
    topics: list[TopicOut]
    author: str
    published_at: datetime.datetime | None
    updated_at: datetime.datetime
    valid_until: datetime.date | None
    replaced_by_id: int | None
    magazine_issue_id: int | None
    isbn: str
    member_price: str | None
    non_member_price: str | None
    url: str


class KnowledgeItemDetailOut(KnowledgeItemOut):
    body: str  # Markdown, as staff wrote it
    body_html: str  # sanitised HTML, as the item page shows it
    attachments: list[AttachmentOut]


class KnowledgePage(Schema):
    count: int
    items: list[KnowledgeItemOut]


class KnowledgeQuery(PageQuery):
    topic: Text = ""  # a topic's slug
    kind: Kind | None = None


def _caller(request: HttpRequest) -> User | None:
    """The person of the bearer token or session; None for an anonymous caller.

    A token that is sent but not valid is refused (401), not read as anonymous.
    """
    if request.headers.get("Authorization", "").lower().startswith("bearer "):
        if BearerToken()(request) is None:
            raise AuthenticationError
    user = request.user
    return user if user.is_authenticated else None  # type: ignore[return-value]


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _price(value: Any) -> str | None:
    return None if value is None else str(value)


def _item(item: KnowledgeItem) -> dict[str, Any]:
    author = item.author_name or (item.author.get_full_name() if item.author else "")
    return {
        "id": item.pk,
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "language": item.language,
        "audience": item.audience,
        "status": item.status,
        "topics": [{"slug": t.slug, "name": t.name} for t in item.topics.all()],
        "author": author,
        "published_at": item.published_at,
        "updated_at": item.updated_at,
        "valid_until": item.valid_until,
        "replaced_by_id": item.replaced_by_id,
        "magazine_issue_id": item.magazine_issue_id,
        "isbn": item.isbn,
        "member_price": _price(item.member_price),
        "non_member_price": _price(item.non_member_price),
        "url": _absolute(reverse("knowledge:item", args=[item.pk])),
    }


@router.get("/knowledge", response=KnowledgePage, auth=None)
def list_knowledge(request: HttpRequest, query: Query[KnowledgeQuery]) -> dict[str, Any]:
    """The knowledge items the caller may read, newest first; anonymous callers get public ones."""
    filters = selectors.KnowledgeFilter(topic=query.topic, kind=query.kind or "")
    items = selectors.item_list(_caller(request), filters)
    page = items[query.offset : query.offset + query.limit]
    return {"count": items.count(), "items": [_item(item) for item in page]}


@router.get("/knowledge/{item_id}", response=KnowledgeItemDetailOut, auth=None)
def get_knowledge_item(request: HttpRequest, item_id: int) -> dict[str, Any]:
    """One item with its text and attachments; 404 when the caller may not read it."""
    item = get_item_for_user(_caller(request), item_id)
    attachments = [
        {
            "name": attachment.name,
            "size": attachment.size,
            "url": _absolute(reverse("knowledge:attachment", args=[item.pk, attachment.pk])),
        }
        for attachment in item.attachments.all()
    ]
    return {
        **_item(item),
        "body": item.body,
        "body_html": str(render_text(item.body)),
        "attachments": attachments,
    }
