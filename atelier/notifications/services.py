"""The one way every app tells a person something: `notify`, and the mails that follow.

A notification always shows in Atelier. The person's preference for its kind decides the
mail: at once (a task queued after the commit), in the daily digest, or none. The event key
makes a second call for the same event return None: nothing is stored or sent twice.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from atelier.accounts.models import User

from .models import MAILED_BY_THE_ACADEMY, Delivery, Kind, Notification, Preference
from .texts import text_of

DEFAULT_DELIVERY = {kind: Delivery.IMMEDIATELY for kind in Kind} | {
    Kind.MILESTONE_DUE: Delivery.DIGEST,
    Kind.SHARE_LINK_EXPIRING: Delivery.DIGEST,
    Kind.INVOICE_ISSUED: Delivery.DIGEST,
}


def delivery_for(person: User, kind: str) -> str:
    """How `person` wants to be mailed about `kind`: their preference or the default."""
    if kind in MAILED_BY_THE_ACADEMY:
        return Delivery.OFF
    chosen = Preference.objects.filter(person=person, kind=kind).values_list("delivery", flat=True)
    return chosen.first() or DEFAULT_DELIVERY[Kind(kind)]


@transaction.atomic
def notify(
    *, recipient: User, kind: str, key: str, url: str, params: dict[str, Any] | None = None
) -> Notification | None:
    """Stores a notification for one event and queues its mail; None if it exists already."""
    if not recipient.is_active:
        return None
    delivery = delivery_for(recipient, kind)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                key=key,
                url=url,
                params=params or {},
                delivery=delivery,
                emailed_at=timezone.now() if kind in MAILED_BY_THE_ACADEMY else None,
            )
    except IntegrityError:
        return None
    if delivery == Delivery.IMMEDIATELY:
        transaction.on_commit(lambda: send_notification_mail.enqueue(notification.pk))
    return notification


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _mail(person: User, template: str, context: dict[str, Any]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "person": person,
            "list_url": absolute(reverse("notifications:list")),
            "preferences_url": absolute(reverse("notifications:preferences")),
        } | context
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        body = render_to_string(f"notifications/email/{template}_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=[person.email]).send()


@task()
def send_notification_mail(notification_id: int) -> None:
    """Mails one notification, unless it was mailed already (a task may run twice)."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    with translation.override(settings.LANGUAGE_CODE):
        text = text_of(notification.kind, notification.params)
    _mail(
        notification.recipient,
        "notification",
        {"text": text, "url": absolute(notification.url)},
    )


def send_digests() -> int:
    """Mails each person one digest of the notifications waiting for it; returns the mails."""
    waiting = Notification.objects.filter(delivery=Delivery.DIGEST, digested_at__isnull=True)
    sent = 0
    for recipient_id in set(waiting.values_list("recipient_id", flat=True)):
        sent += _send_digest(recipient_id)
    return sent


def _send_digest(recipient_id: int) -> int:
    stamp = timezone.now()
    with transaction.atomic():
        # Claiming first: a second digest run at the same moment finds nothing left to send.
        Notification.objects.filter(
            recipient_id=recipient_id, delivery=Delivery.DIGEST, digested_at__isnull=True
        ).update(digested_at=stamp)
        claimed = list(
            Notification.objects.filter(recipient_id=recipient_id, digested_at=stamp).order_by(
                "created_at", "pk"
            )
        )
    if not claimed:
        return 0
    person = User.objects.get(pk=recipient_id)
    if not person.is_active:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        lines = [(text_of(n.kind, n.params), absolute(n.url)) for n in claimed]
    _mail(person, "digest", {"lines": lines})
    return 1


@transaction.atomic
def mark_read(*, notification: Notification, by: User) -> Notification:
    """Marks one of `by`'s notifications read (once: the first reading time stays)."""
    if notification.recipient_id != by.pk:
        raise PermissionDenied
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(*, person: User) -> int:
    """Marks every unread notification of `person` read; returns how many."""
    return Notification.objects.filter(recipient=person, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def set_preferences(*, person: User, deliveries: dict[str, str]) -> None:
    """Stores `person`'s delivery per kind (kinds left out keep what they had)."""
    for kind, delivery in deliveries.items():
        Kind(kind), Delivery(delivery)  # noqa: B018 (an unknown value raises ValueError)
        Preference.objects.update_or_create(
            person=person, kind=kind, defaults={"delivery": delivery}
        )
