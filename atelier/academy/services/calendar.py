"""iCalendar files for an edition and a person's secret feed, and the feed's token."""

import datetime
import secrets
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from atelier.academy.models import CalendarFeed, Edition, Session
from atelier.accounts.models import User

PRODUCT_ID = "-//Atelier//Academy//EN"


def _place(session: Session) -> str:
    if session.venue:
        return f"{session.venue.name}, {session.venue.address}"
    return session.online_url


def _event(session: Session, edition_url: str) -> Event:
    edition = session.edition
    title = edition.course.title
    event = Event()
    event.add("uid", f"{session.pk}@{edition.ical_uid}")
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{title}: {session.title}" if session.title else title)
    event.add("location", _place(session))
    description = [edition.course.summary]
    if session.online_url:
        description.append(session.online_url)
    event.add("description", "\n\n".join(description))
    event.add("url", edition_url)
    return event


def sessions_calendar(
    sessions: Iterable[Session], *, name: str, url_of: Callable[[Edition], str]
) -> bytes:
    """An iCalendar file with one event per session; url_of gives each edition's page."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        calendar.add_component(_event(session, url_of(session.edition)))
    return calendar.to_ical()


@transaction.atomic
def calendar_feed_of(*, person: User) -> CalendarFeed:
    """The person's calendar feed, created with a fresh secret on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(
        person=person, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed


@transaction.atomic
def reset_calendar_feed(*, person: User) -> CalendarFeed:
    """Gives the person's feed a new secret, so that the old address stops working."""
    feed = calendar_feed_of(person=person)
    feed.token = secrets.token_urlsafe(32)
    feed.save(update_fields=["token"])
    return feed
