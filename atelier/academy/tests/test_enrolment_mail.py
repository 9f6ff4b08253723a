"""E-mails: confirmation with the calendar, waitlist, promotion, reminders, certificates."""

import datetime

import icalendar
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from atelier.academy.models import Certificate, Session
from atelier.academy.services.enrolment import cancel, enrol
from atelier.academy.services.mail import send_certificate_available

from .factories import make_course, make_edition


def calendar_of(message) -> icalendar.Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert (name, mimetype) == ("edition.ics", "text/calendar")
    return icalendar.Calendar.from_ical(content)


def to_second(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(microsecond=0)


def test_confirmation_is_sent_after_commit_with_the_edition_calendar(
    participant, django_capture_on_commit_callbacks
):
    edition = make_edition(course=make_course(title="Dienstverlening ontwerpen"), sessions=2)
    with django_capture_on_commit_callbacks(execute=True):
        enrol(edition=edition, person=participant, by=participant)
        assert mail.outbox == []  # nothing leaves before the commit

    (message,) = mail.outbox
    assert message.to == [participant.email]
    assert "Dienstverlening ontwerpen" in message.subject
    events = calendar_of(message).walk("VEVENT")
    starts = sorted(event.decoded("dtstart") for event in events)
    assert starts == [to_second(s.starts_at) for s in edition.sessions.order_by("starts_at")]


def test_mail_speaks_the_default_language(
    participant, settings, django_capture_on_commit_callbacks
):
    starts = datetime.datetime(2031, 3, 3, 9, 0, tzinfo=datetime.UTC)  # a Monday
    edition = make_edition(starts=starts, deadline=starts - datetime.timedelta(days=1))
    settings.LANGUAGE_CODE = "nl"
    with django_capture_on_commit_callbacks(execute=True):
        enrol(edition=edition, person=participant, by=participant)

    assert "maandag 3 maart 2031" in mail.outbox[0].body


def test_mail_in_english_when_that_is_the_language(
    participant, settings, django_capture_on_commit_callbacks
):
    starts = datetime.datetime(2031, 3, 3, 9, 0, tzinfo=datetime.UTC)
    edition = make_edition(starts=starts, deadline=starts - datetime.timedelta(days=1))
    settings.LANGUAGE_CODE = "en"
    with django_capture_on_commit_callbacks(execute=True):
        enrol(edition=edition, person=participant, by=participant)

    (message,) = mail.outbox
    assert message.subject.startswith("Your seat is confirmed")
    assert "Monday 3 March 2031" in message.body


def test_full_edition_sends_the_waitlist_mail_with_the_place_in_line(
    participant, outsider, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "en"
    edition = make_edition(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        enrol(edition=edition, person=participant, by=participant)
        enrol(edition=edition, person=outsider, by=outsider)

    message = mail.outbox[-1]
    assert message.to == [outsider.email]
    assert message.subject.startswith("You are on the waitlist")
    assert "number 1 in line" in message.body
    assert message.attachments == []


def test_promotion_is_told_by_mail_with_the_calendar(
    participant, outsider, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "en"
    edition = make_edition(capacity=1)
    first = enrol(edition=edition, person=participant, by=participant)
    enrol(edition=edition, person=outsider, by=outsider)
    with django_capture_on_commit_callbacks(execute=True):
        cancel(enrolment=first, by=participant)

    (message,) = mail.outbox
    assert message.to == [outsider.email]
    assert message.subject.startswith("A seat freed up for you")
    assert len(calendar_of(message).walk("VEVENT")) == 1


def test_reminder_goes_two_days_ahead_to_confirmed_people_once(
    participant, outsider, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "en"
    starts = timezone.now() + datetime.timedelta(days=2)
    edition = make_edition(capacity=1, starts=starts, deadline=starts)
    later = make_edition(starts=starts + datetime.timedelta(days=1), deadline=starts)
    enrol(edition=edition, person=participant, by=participant)
    enrol(edition=edition, person=outsider, by=outsider)  # waitlisted: no reminder
    enrol(edition=later, person=outsider, by=outsider)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_session_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("send_session_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115

    (message,) = mail.outbox
    assert message.to == [participant.email]
    assert message.subject.startswith("Reminder:")
    (event,) = calendar_of(message).walk("VEVENT")
    session = Session.objects.get(edition=edition)
    assert event.decoded("dtstart") == to_second(session.starts_at)
    assert session.reminder_sent_at is not None


def test_certificate_available_mail(participant, settings, django_capture_on_commit_callbacks):
    settings.LANGUAGE_CODE = "en"
    enrolment = enrol(edition=make_edition(), person=participant, by=participant)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        holder_name="Pia Test",
        course_title="Service design in one day",
        level_number=2,
        completed_on=datetime.date(2031, 3, 3),
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_certificate_available(certificate)

    (message,) = mail.outbox
    assert message.to == [participant.email]
    assert message.subject == "Your certificate is ready: Service design in one day"
