"""Atom feeds of public published items, per topic and per kind (Django's syndication)."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic

from . import links

FEED_SIZE = 50


def public_items() -> QuerySet[KnowledgeItem]:
    return KnowledgeItem.objects.filter(
        audience=Audience.PUBLIC, status=Status.PUBLISHED, published_at__isnull=False
    ).order_by("-published_at", "-pk")


class _ItemFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: KnowledgeItem) -> str:
        return item.title

    def item_description(self, item: KnowledgeItem) -> str:
        return item.summary

    def item_link(self, item: KnowledgeItem) -> str:
        return links.item_path(item)

    def item_pubdate(self, item: KnowledgeItem) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: KnowledgeItem) -> datetime.datetime:
        return item.updated_at

    def item_author_name(self, item: KnowledgeItem) -> str:
        return item.author_name


class TopicFeed(_ItemFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:  # type: ignore[override]
        return get_object_or_404(Topic, slug=slug, is_active=True)

    def title(self, topic: Topic) -> str:
        return _("VVSG knowledge: %(topic)s") % {"topic": topic.name}

    def link(self, topic: Topic) -> str:
        return reverse("distribution:topic_feed", args=[topic.slug])

    def subtitle(self, topic: Topic) -> str:
        return _("New public items on %(topic)s.") % {"topic": topic.name}

    def items(self, topic: Topic) -> list[KnowledgeItem]:
        return list(public_items().filter(topics=topic)[:FEED_SIZE])


class KindFeed(_ItemFeed):
    def get_object(self, request: HttpRequest, kind: str) -> str:  # type: ignore[override]
        if kind not in Kind.values:
            raise Http404
        return kind

    def title(self, kind: str) -> str:
        return _("VVSG knowledge: %(kind)s") % {"kind": Kind(kind).label}

    def link(self, kind: str) -> str:
        return reverse("distribution:kind_feed", args=[kind])

    def subtitle(self, kind: str) -> str:
        return _("New public items of this kind.")

    def items(self, kind: str) -> list[KnowledgeItem]:
        return list(public_items().filter(kind=kind)[:FEED_SIZE])
