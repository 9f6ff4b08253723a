"""Invitations to an academy edition: the prefilled text, and the segment a seminar suggests."""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from atelier.academy.models import Edition, SeminarAudience
from atelier.contacts.models import ELECTED_FUNCTIONS, FunctionKind
from atelier.lib.numbers import format_number

ELECTED = [kind.value for kind in FunctionKind if kind in ELECTED_FUNCTIONS]


def edition_url(edition: Edition) -> str:
    """Where people read about the edition and enrol: absolute, for a mail."""
    return settings.SITE_URL.rstrip("/") + reverse("academy:edition", args=[edition.pk])


def _price(amount: Any) -> str:
    return "€ " + format_number(amount, 2)


def _session_line(session: Any) -> str:
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    when = _("%(day)s, %(start)s–%(end)s") % {
        "day": formats.date_format(starts, "l j F Y"),
        "start": formats.time_format(starts, "H:i"),
        "end": formats.time_format(ends, "H:i"),
    }
    if session.venue is not None:
        where = f"{session.venue.name}, {session.venue.address}"
    else:
        where = _("online")
    return f"- {when}: {where}"


def invitation_text(edition: Edition) -> tuple[str, str]:
    """(subject, Markdown body) of an invitation, in the edition's language, with {name}."""
    course = edition.course
    sessions = edition.sessions.select_related("venue").order_by("starts_at", "pk")
    with translation.override(edition.language):
        subject = _("Invitation: %(title)s") % {"title": course.title}
        if edition.is_free:
            price = _("Free of charge.")
        else:
            price = _("%(member)s for members, %(non_member)s for non-members.") % {
                "member": _price(edition.price_member),
                "non_member": _price(edition.price_non_member),
            }
        deadline = formats.date_format(timezone.localtime(edition.registration_deadline), "j F Y")
        url = edition_url(edition)
        parts = [
            _("Dear {name},"),
            _("We invite you to %(title)s.") % {"title": course.title},
            course.summary.strip(),
            "**" + _("When and where") + "**",
            "\n".join(_session_line(session) for session in sessions),
            "**" + _("Price") + "**: " + price,
            "**" + _("Registration deadline") + "**: " + deadline,
            _("Read more and enrol: [%(url)s](%(url)s)") % {"url": url},
        ]
    return subject, "\n\n".join(part for part in parts if part)


def suggested_segment(edition: Edition) -> dict[str, Any]:
    """The criteria of a segment matching a seminar's audience (the segment form's initial).

    Councillors: every elected function. Staff: the contact points for the seminar's topics
    (a segment's topics hold for every function, and general directors have none), or the
    general directors and contact points when the seminar names no topic. Both: the elected
    functions and the general directors.
    """
    course = edition.course
    topics = list(course.topics.all())
    audience = course.audience or SeminarAudience.BOTH
    kinds: list[str]
    if audience == SeminarAudience.COUNCILLORS:
        kinds, topics = ELECTED, []
    elif audience == SeminarAudience.STAFF and topics:
        kinds = [FunctionKind.CONTACT_POINT.value]
    elif audience == SeminarAudience.STAFF:
        kinds = [FunctionKind.GENERAL_DIRECTOR.value, FunctionKind.CONTACT_POINT.value]
    else:
        kinds, topics = [*ELECTED, FunctionKind.GENERAL_DIRECTOR.value], []
    return {
        "name": _("Invitees: %(title)s") % {"title": course.title},
        "function_kinds": kinds,
        "topics": topics,
        "member_types": [],
        "provinces": [],
        "size_classes": [],
        "languages": [],
    }
