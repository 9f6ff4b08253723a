"""Writes for following topics and the weekly digest of new items on them."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from atelier.accounts.models import User
from atelier.knowledge.models import (
    DigestEntry,
    DigestRecipient,
    KnowledgeItem,
    Topic,
    TopicFollow,
)

from . import links
from .selectors import digest_candidates, new_items_for

FIRST_DIGEST_LOOKBACK = datetime.timedelta(days=7)


@transaction.atomic
def follow_topic(*, person: User, topic: Topic) -> TopicFollow:
    """The person follows the topic; following again after unsubscribing resumes the digest."""
    follow, _created = TopicFollow.objects.get_or_create(person=person, topic=topic)
    DigestRecipient.objects.filter(person=person).update(unsubscribed_at=None)
    return follow


@transaction.atomic
def unfollow_topic(*, person: User, topic: Topic) -> None:
    """The person no longer follows the topic."""
    TopicFollow.objects.filter(person=person, topic=topic).delete()


@transaction.atomic
def set_followed_topics(*, person: User, topics: list[Topic]) -> None:
    """The person follows exactly these topics."""
    TopicFollow.objects.filter(person=person).exclude(topic__in=topics).delete()
    for topic in topics:
        follow_topic(person=person, topic=topic)


@transaction.atomic
def unsubscribe_from_digest(*, person: User) -> None:
    """No more digests: the person follows nothing until they choose topics again."""
    TopicFollow.objects.filter(person=person).delete()
    recipient, _created = DigestRecipient.objects.get_or_create(person=person)
    if recipient.unsubscribed_at is None:
        recipient.unsubscribed_at = timezone.now()
        recipient.save(update_fields=["unsubscribed_at"])


def send_topic_digests(*, now: datetime.datetime | None = None) -> int:
    """Queues each follower's digest of new items on their topics; returns the mails queued.

    The weekly scheduler (cron: `manage.py send_topic_digests`) calls this function.
    """
    now = now or timezone.now()
    return sum(_digest_for(person, now) for person in digest_candidates())


def _digest_for(person: User, now: datetime.datetime) -> int:
    with transaction.atomic():
        recipient, _created = DigestRecipient.objects.select_for_update().get_or_create(
            person=person
        )
        if recipient.unsubscribed_at is not None:
            return 0
        since = recipient.last_sent_at or now - FIRST_DIGEST_LOOKBACK
        items = list(new_items_for(person, since=since, until=now))
        if not items:
            return 0
        # Stored before sending: a second run never mails these items to this person again.
        DigestEntry.objects.bulk_create(
            [DigestEntry(person=person, item=item, sent_at=now) for item in items]
        )
        recipient.last_sent_at = now
        recipient.save(update_fields=["last_sent_at"])
        ids = [item.pk for item in items]
        transaction.on_commit(lambda: send_topic_digest_mail.enqueue(person.pk, ids))
    return 1


@task()
def send_topic_digest_mail(person_id: int, item_ids: list[int]) -> None:
    """Mails one digest: the items, their topics' page and the unsubscribe link."""
    person = User.objects.get(pk=person_id)
    items = KnowledgeItem.objects.filter(pk__in=item_ids).order_by("-published_at", "pk")
    unsubscribe = links.unsubscribe_url(person)
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "person": person,
            "items": [(item, links.absolute(links.item_path(item))) for item in items],
            "following_url": links.absolute(reverse("distribution:following")),
            "unsubscribe_url": unsubscribe,
        }
        subject = render_to_string("knowledge/distribution/email/digest_subject.txt", context)
        body = render_to_string("knowledge/distribution/email/digest_body.txt", context)
    message = EmailMessage(
        " ".join(subject.split()),
        body,
        to=[person.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
