"""Reads for following topics and the digest."""

import datetime

from django.db.models import Exists, OuterRef, QuerySet

from atelier.accounts.models import User
from atelier.knowledge.access import items_visible_to
from atelier.knowledge.models import (
    DigestEntry,
    KnowledgeItem,
    Status,
    Topic,
    TopicFollow,
)


def topics_with_following(person: User) -> QuerySet[Topic]:
    """Active topics, each with `is_followed` for the person: one query."""
    followed = TopicFollow.objects.filter(person=person, topic=OuterRef("pk"))
    return Topic.objects.filter(is_active=True).annotate(is_followed=Exists(followed))


def digest_candidates() -> QuerySet[User]:
    """Active people who follow at least one topic."""
    return User.objects.filter(is_active=True, topic_follows__isnull=False).distinct()


def new_items_for(
    person: User, *, since: datetime.datetime, until: datetime.datetime
) -> QuerySet[KnowledgeItem]:
    """Items published in the window on the person's topics, that they may read, not yet sent."""
    followed = TopicFollow.objects.filter(person=person).values("topic")
    sent = DigestEntry.objects.filter(person=person, item=OuterRef("pk"))
    return (
        items_visible_to(person)
        .filter(status=Status.PUBLISHED, published_at__gt=since, published_at__lte=until)
        .filter(topics__in=followed)
        .exclude(Exists(sent))
        .distinct()
        .order_by("-published_at", "pk")
    )


def is_following(person: User, topic: Topic) -> bool:
    """For the follow button on a topic's listing."""
    return (
        person.is_authenticated and TopicFollow.objects.filter(person=person, topic=topic).exists()
    )
