"""Segments, mailings, the queue that sends them in batches, and unsubscribing."""

import functools
import html
import smtplib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from atelier.academy.models import Edition
from atelier.accounts.models import User
from atelier.contacts.models import Contact, FunctionKind

from .body import filled_html, html_body, html_template, merged
from .models import Delivery, Mailing, Segment, Unsubscription
from .selectors import segment_contacts, with_current_functions

BATCH_SIZE = 200
UNSUBSCRIBE_SALT = "atelier.mailings.unsubscribe"


class MailingError(Exception):
    """A change the rules refuse; the message says why."""


@transaction.atomic
def save_segment(*, segment: Segment | None, by: User, **criteria: Any) -> Segment:
    """Creates or updates a segment from its name and criteria."""
    topics, provinces = criteria.pop("topics", []), criteria.pop("provinces", [])
    segment = segment or Segment(created_by=by)
    for name, value in criteria.items():
        setattr(segment, name, value)
    segment.save()
    segment.topics.set(topics)
    segment.provinces.set(provinces)
    return segment


@transaction.atomic
def save_mailing(
    *,
    mailing: Mailing | None,
    segment: Segment,
    kind: str,
    subject: str,
    body: str,
    by: User,
    edition: Edition | None = None,
) -> Mailing:
    """A draft mailing (a mailing that is sending or sent no longer changes); `edition` is the
    academy edition it invites to, if any (kept when an update names none)."""
    mailing = mailing or Mailing(created_by=by)
    if mailing.status != Mailing.Status.DRAFT:
        raise MailingError(_("This mailing has been sent; it can no longer change."))
    mailing.segment, mailing.kind, mailing.subject, mailing.body = segment, kind, subject, body
    if edition is not None:
        mailing.edition = edition
    mailing.save()
    return mailing


@functools.cache
def _function_name(kind: str, language: str) -> str:
    # Switching the language per contact costs more than the rest of queuing one.
    with translation.override(language):
        return str(FunctionKind(kind).label)


def merge_values(contact: Contact) -> dict[str, str]:
    functions = getattr(contact, "current_functions", None)
    if functions is None:
        functions = list(contact.functions.filter(ends_on__isnull=True))
    function = ", ".join(_function_name(f.kind, contact.language) for f in functions)
    return {
        "name": contact.name,
        "function": function,
        "organisation": contact.organisation.name,
        "language": contact.language,
    }


def unsubscribe_url(email: str, kind: str) -> str:
    token = signing.dumps({"e": email.lower(), "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)
    return settings.SITE_URL.rstrip("/") + reverse("mailings:unsubscribe", args=[token])


def _message(
    mailing: Mailing, email: str, values: dict[str, str], template: str | None = None
) -> EmailMultiAlternatives:
    """The e-mail for one recipient; `template` is the body rendered once for the mailing."""
    link = unsubscribe_url(email, mailing.kind)
    with translation.override(values.get("language") or "nl"):
        footer = _("You receive this as a contact of your organisation. Unsubscribe: %(url)s")
        footer = footer % {"url": link}
    text = merged(mailing.body, values) + "\n\n--\n" + footer
    message = EmailMultiAlternatives(
        subject=merged(mailing.subject, values),
        body=text,
        to=[email],
        headers={"List-Unsubscribe": f"<{link}>"},
    )
    body = filled_html(template, values) if template else html_body(mailing.body, values)
    message.attach_alternative(body + f"<hr><p>{html.escape(footer)}</p>", "text/html")
    return message


def send_test(*, mailing: Mailing, to: User) -> None:
    """The mailing as one recipient would get it, sent to the person asking, now."""
    values = {
        "name": to.get_full_name() or to.email,
        "function": _("general director"),
        "organisation": to.organisation.name if to.organisation else "Atelier",
        "language": translation.get_language() or "nl",
    }
    message = _message(mailing, to.email, values)
    message.subject = "[TEST] " + message.subject
    message.send()


@dataclass(frozen=True)
class Queued:
    recipients: int
    unsubscribed: int


@transaction.atomic
def queue_mailing(*, mailing: Mailing, by: User) -> Queued:
    """One delivery per address of the segment (never two), then sending starts on commit."""
    mailing = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if mailing.status != Mailing.Status.DRAFT:
        raise MailingError(_("This mailing has already been sent."))
    unsubscribed = set(
        Unsubscription.objects.filter(kind=mailing.kind).values_list("email", flat=True)
    )
    seen: set[str] = set()
    batch: list[Delivery] = []
    counts = {"recipients": 0, "unsubscribed": 0}
    contacts = with_current_functions(segment_contacts(mailing.segment)).order_by("pk")
    for contact in contacts.iterator(chunk_size=1000):
        email = contact.email.lower()
        if email in seen:
            continue
        seen.add(email)
        status = Delivery.Status.UNSUBSCRIBED if email in unsubscribed else Delivery.Status.QUEUED
        counts["unsubscribed" if email in unsubscribed else "recipients"] += 1
        batch.append(
            Delivery(
                mailing=mailing,
                contact=contact,
                email=email,
                merge=merge_values(contact),
                status=status,
            )
        )
        if len(batch) >= 1000:
            Delivery.objects.bulk_create(batch)
            batch = []
    Delivery.objects.bulk_create(batch)
    mailing.status, mailing.queued_at = Mailing.Status.SENDING, timezone.now()
    mailing.save(update_fields=["status", "queued_at"])
    transaction.on_commit(lambda: send_mailing.enqueue(mailing.pk))
    return Queued(**counts)


@task()
def send_mailing(mailing_id: int) -> None:
    """Sends the queued deliveries batch by batch over one connection, logging each."""
    mailing = Mailing.objects.get(pk=mailing_id)
    template = html_template(mailing.body)
    last = 0
    with get_connection() as connection:
        while True:
            batch = list(
                Delivery.objects.filter(
                    mailing=mailing, status=Delivery.Status.QUEUED, pk__gt=last
                ).order_by("pk")[:BATCH_SIZE]
            )
            if not batch:
                break
            for delivery in batch:
                _send_one(connection, mailing, delivery, template)
            Delivery.objects.bulk_update(batch, ["status", "sent_at", "error"])
            last = batch[-1].pk
    mailing.status, mailing.finished_at = Mailing.Status.SENT, timezone.now()
    mailing.save(update_fields=["status", "finished_at"])


def _send_one(connection: Any, mailing: Mailing, delivery: Delivery, template: str) -> None:
    message = _message(mailing, delivery.email, delivery.merge, template)
    message.connection = connection
    try:
        message.send()
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as exc:
        delivery.status, delivery.error = Delivery.Status.BOUNCED, str(exc)[:300]
        return
    delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()


def read_unsubscribe_token(token: str) -> tuple[str, str]:
    """(address, kind) of a link, or signing.BadSignature."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["e"], data["k"]


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    """The address receives no more mailings of the kind; False when it was already so."""
    email, kind = read_unsubscribe_token(token)
    _unsubscription, created = Unsubscription.objects.get_or_create(email=email, kind=kind)
    Delivery.objects.filter(email=email, mailing__kind=kind, status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.UNSUBSCRIBED
    )
    return created
