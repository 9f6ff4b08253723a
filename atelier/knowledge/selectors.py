"""Reads of the knowledge items: the filtered list, an item's neighbours, the topic list."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from atelier.accounts.models import User

from .access import items_visible_to
from .models import Attachment, KnowledgeItem, KnowledgeItemVersion, Topic


@dataclass(frozen=True)
class KnowledgeFilter:
    topic: str = ""  # a topic's slug
    kind: str = ""
    year: int | None = None
    status: str = ""  # staff only: others never see unpublished items anyway


def item_list(user: User | None, filters: KnowledgeFilter) -> QuerySet[KnowledgeItem]:
    """The items the person may read, filtered, newest first, with what a list row shows."""
    items = items_visible_to(user)
    if filters.topic:
        items = items.filter(topics__slug=filters.topic)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.year:
        items = items.filter(published_at__year=filters.year)
    if filters.status:
        items = items.filter(status=filters.status)
    active_topics = Topic.objects.order_by("position", "name_nl")
    return items.select_related("author").prefetch_related(
        Prefetch("topics", queryset=active_topics)
    )


def publication_years(user: User | None) -> list[int]:
    """The years in which items the person may read were published, newest first."""
    items = items_visible_to(user).filter(published_at__isnull=False)
    return [moment.year for moment in items.datetimes("published_at", "year", order="DESC")]


def item_page(user: User | None, item: KnowledgeItem) -> dict[str, object]:
    """What an item's page shows beside the item: only what the person may read."""
    visible = items_visible_to(user)
    return {
        "topics": list(item.topics.all()),
        "attachments": list(item.attachments.all()),
        "related": list(visible.filter(related=item).order_by("title")),
        "articles": list(visible.filter(magazine_issue=item).order_by("title")),
        "issue": visible.filter(pk=item.magazine_issue_id).first()
        if item.magazine_issue_id
        else None,
        "replaced_by": visible.filter(pk=item.replaced_by_id).first()
        if item.replaced_by_id
        else None,
        "version_count": item.versions.count(),
    }


def is_out_of_date(item: KnowledgeItem) -> bool:
    """A legal note past its "valid until" date, or replaced by a newer one."""
    expired = item.valid_until is not None and item.valid_until < timezone.localdate()
    return expired or item.replaced_by_id is not None


def versions_of(item: KnowledgeItem) -> QuerySet[KnowledgeItemVersion]:
    return item.versions.select_related("saved_by").order_by("-number")


def attachment_for_item(item: KnowledgeItem, pk: int) -> Attachment:
    return item.attachments.get(pk=pk)


def topics_with_counts() -> QuerySet[Topic]:
    return (
        Topic.objects.select_related("expert")
        .annotate(item_count=Count("items"))
        .order_by("position", "name_nl")
    )
