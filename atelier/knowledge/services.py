"""Writes to the knowledge items: saving with conflict refusal, the workflow, attachments
and the topic list."""

from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import User

from .extraction import extract_text
from .models import Attachment, KnowledgeItem, KnowledgeItemVersion, Status, Topic

# The fields whose change keeps the earlier published text as a version.
VERSIONED_FIELDS = ("title", "summary", "body")
# Which status may follow which: review is optional, an archived item can come back.
NEXT_STATUSES = {
    Status.DRAFT: {Status.IN_REVIEW, Status.PUBLISHED},
    Status.IN_REVIEW: {Status.DRAFT, Status.PUBLISHED},
    Status.PUBLISHED: {Status.ARCHIVED, Status.DRAFT},
    Status.ARCHIVED: {Status.PUBLISHED},
}


class KnowledgeRefusal(Exception):
    """A change the knowledge base refuses, with a message for the person who asked."""

    def __init__(self, message: Any) -> None:
        super().__init__(message)
        self.message = message


class StaleItem(KnowledgeRefusal):
    """Someone saved the item after the form was opened."""


def _keep_version(item: KnowledgeItem, by: User | None) -> KnowledgeItemVersion:
    highest = item.versions.aggregate(highest=Max("number"))["highest"] or 0
    return KnowledgeItemVersion.objects.create(
        item=item,
        number=highest + 1,
        title=item.title,
        summary=item.summary,
        body=item.body,
        saved_by=by,
    )


@transaction.atomic
def save_item(
    *,
    item: KnowledgeItem | None,
    data: dict[str, Any],
    topics: Iterable[Topic],
    related: Iterable[KnowledgeItem] = (),
    revision: int = 0,
    by: User,
) -> KnowledgeItem:
    """Creates or updates an item; a published text that changes is kept as a version first.

    Refuses (StaleItem) when the item was saved since `revision` was read.
    """
    if item is None:
        item = KnowledgeItem(author=by)
    else:
        current = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
        if current.revision != revision:
            raise StaleItem(_("Someone else saved this item while you were editing it."))
        changes_text = any(data.get(name, getattr(current, name)) != getattr(current, name)
                           for name in VERSIONED_FIELDS)  # fmt: skip
        if current.is_published and changes_text:
            _keep_version(current, by)
        item.revision = current.revision + 1
    for field, value in data.items():
        setattr(item, field, value)
    item.full_clean(exclude=["topics", "related"])
    item.save()
    item.topics.set(topics)
    item.related.set([other for other in related if other.pk != item.pk])
    return item


@transaction.atomic
def change_status(*, item: KnowledgeItem, status: str, by: User) -> KnowledgeItem:
    """Moves an item along draft → in review → published → archived; publishing dates it."""
    current = KnowledgeItem.objects.select_for_update().get(pk=item.pk)
    if status not in NEXT_STATUSES[Status(current.status)]:
        raise KnowledgeRefusal(_("This item cannot go to that status from its current one."))
    current.status = status
    if status == Status.PUBLISHED and current.published_at is None:
        current.published_at = timezone.now()
    current.save(update_fields=["status", "published_at", "updated_at"])
    return current


@transaction.atomic
def add_attachment(
    *, item: KnowledgeItem, name: str, content: bytes, by: User | None
) -> Attachment:
    """Attaches a PDF, DOCX or XLSX file with its text; refuses (UnreadableFile) others."""
    text = extract_text(name, content)
    attachment = Attachment(item=item, name=name[:200], size=len(content), extracted_text=text)
    attachment.file.save(name, ContentFile(content), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by: User | None) -> None:
    """Deletes an attachment and its file."""
    attachment.file.delete(save=False)
    attachment.delete()


def _next_topic_position() -> int:
    highest = Topic.objects.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


def _unique_topic_slug(text: str) -> str:
    base = slugify(text)[:50] or "topic"
    slug, number = base, 2
    while Topic.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def add_topic(*, name_nl: str, name_en: str = "", by: User | None = None) -> Topic:
    """Adds a topic at the end of the list, unless one of that Dutch name exists already."""
    if Topic.objects.filter(name_nl__iexact=name_nl.strip()).exists():
        raise KnowledgeRefusal(_("A topic with this Dutch name exists already."))
    return Topic.objects.create(
        slug=_unique_topic_slug(name_en or name_nl),
        name_nl=name_nl.strip(),
        name_en=name_en.strip(),
        position=_next_topic_position(),
    )


@transaction.atomic
def update_topic(
    *,
    topic: Topic,
    name_nl: str,
    name_en: str,
    is_active: bool,
    expert: User | None,
    by: User | None = None,
) -> Topic:
    """Renames a topic, puts it in or out of use and sets its default expert; its slug stays."""
    clash = Topic.objects.exclude(pk=topic.pk).filter(name_nl__iexact=name_nl.strip())
    if clash.exists():
        raise KnowledgeRefusal(_("A topic with this Dutch name exists already."))
    topic.name_nl, topic.name_en = name_nl.strip(), name_en.strip()
    topic.is_active, topic.expert = is_active, expert
    topic.save(update_fields=["name_nl", "name_en", "is_active", "expert"])
    return topic


@transaction.atomic
def move_topic(*, topic: Topic, direction: str, by: User | None = None) -> Topic:
    """Swaps a topic with its neighbour above ("up") or below ("down")."""
    topics = list(Topic.objects.select_for_update().order_by("position", "name_nl"))
    index = next(i for i, other in enumerate(topics) if other.pk == topic.pk)
    other_index = index - 1 if direction == "up" else index + 1
    if direction not in {"up", "down"}:
        raise KnowledgeRefusal(_("A topic moves up or down."))
    if not 0 <= other_index < len(topics):
        return topic
    topics[index], topics[other_index] = topics[other_index], topics[index]
    # Renumber all: positions of the shipped list may be equal or have gaps.
    for position, each in enumerate(topics):
        if each.position != position:
            Topic.objects.filter(pk=each.pk).update(position=position)
    topic.position = other_index
    return topic
