"""E-mails to participants, rendered in their language and sent by a background task.

Services call `send_on_commit`: the task is queued only once the transaction commits, so
that nobody hears of a seat that a rollback took away. With django-tasks' ImmediateBackend
(the embedded default) the task runs inline; in production a worker picks it up.
"""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from atelier.academy.models import Certificate, Edition, Enrolment, Session
from atelier.accounts.models import User

from . import badges
from .calendar import sessions_calendar

CONFIRMATION = "confirmation"
WAITLISTED = "waitlisted"
PROMOTED = "promoted"
KINDS_WITH_CALENDAR = {CONFIRMATION, PROMOTED}


def language_of(person: User) -> str:
    return getattr(person, "language", "") or settings.LANGUAGE_CODE


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def edition_url(edition: Edition) -> str:
    return absolute(reverse("academy:edition", args=[edition.pk]))


def edition_calendar(edition: Edition, sessions: list[Session] | None = None) -> bytes:
    chosen = sessions if sessions is not None else list(_sessions(edition))
    return sessions_calendar(chosen, name=edition.course.title, url_of=edition_url)


def _sessions(edition: Edition):
    return edition.sessions.select_related("venue", "edition__course")


def _send(
    *,
    person: User,
    template: str,
    context: dict[str, Any],
    calendar: Any = None,
) -> None:
    """Renders `<template>_subject.txt` and `_body.txt` in the person's language and sends."""
    with translation.override(language_of(person)):
        context = {"person": person, "my_url": absolute(reverse("academy:my_enrolments"))} | context
        subject = render_to_string(f"academy/email/{template}_subject.txt", context)
        body = render_to_string(f"academy/email/{template}_body.txt", context)
        message = EmailMessage(" ".join(subject.split()), body, to=[person.email])
        if calendar is not None:
            message.attach("edition.ics", calendar(), "text/calendar")
    message.send()


@task()
def send_enrolment_mail(kind: str, enrolment_id: int) -> None:
    """The confirmation, waitlist or promotion e-mail for one enrolment."""
    enrolment = Enrolment.objects.select_related("person", "edition__course__level").get(
        pk=enrolment_id
    )
    edition = enrolment.edition
    sessions = list(_sessions(edition))
    _send(
        person=enrolment.person,
        template=kind,
        context={
            "enrolment": enrolment,
            "edition": edition,
            "sessions": sessions,
            "edition_url": edition_url(edition),
            "position": _waitlist_position(enrolment),
        },
        calendar=(lambda: edition_calendar(edition, sessions))
        if kind in KINDS_WITH_CALENDAR
        else None,
    )


def _waitlist_position(enrolment: Enrolment) -> int | None:
    if enrolment.status != Enrolment.Status.WAITLISTED:
        return None
    ahead = enrolment.edition.enrolments.filter(
        status=Enrolment.Status.WAITLISTED, created_at__lt=enrolment.created_at
    ).count()
    return ahead + 1


def send_on_commit(kind: str, enrolment: Enrolment) -> None:
    """Queues the e-mail for `kind` once the surrounding transaction has committed."""
    transaction.on_commit(lambda: send_enrolment_mail.enqueue(kind, enrolment.pk))


@task()
def send_session_reminder(session_id: int, enrolment_id: int) -> None:
    """The reminder, with the session's calendar entry, two days before a session."""
    session = Session.objects.select_related("venue", "edition__course").get(pk=session_id)
    enrolment = Enrolment.objects.select_related("person").get(pk=enrolment_id)
    _send(
        person=enrolment.person,
        template="reminder",
        context={
            "session": session,
            "edition": session.edition,
            "edition_url": edition_url(session.edition),
        },
        calendar=lambda: edition_calendar(session.edition, [session]),
    )


def send_reminder_on_commit(session_id: int, enrolment_id: int) -> None:
    transaction.on_commit(lambda: send_session_reminder.enqueue(session_id, enrolment_id))


@task()
def send_certificate_mail(certificate_id: int) -> None:
    certificate = Certificate.objects.select_related("enrolment__person").get(pk=certificate_id)
    badge = badges.badge_for_certificate(certificate)
    _send(
        person=certificate.enrolment.person,
        template="certificate",
        context={
            "certificate": certificate,
            "badge_png_url": badges.baked_badge_url(badge) if badge else "",
            "badge_assertion_url": badges.assertion_url(badge) if badge else "",
            "linkedin_url": badges.linkedin_add_url(certificate),
        },
    )


def send_certificate_available(certificate: Certificate) -> None:
    """Tells the holder that their certificate can be downloaded (after the commit)."""
    transaction.on_commit(lambda: send_certificate_mail.enqueue(certificate.pk))
