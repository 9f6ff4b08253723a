"""One service tells people things: once per event, by mail according to their preferences."""

import datetime

import pytest
from django.utils import timezone

from atelier.academy.models import PeerReview
from atelier.academy.services.enrolment import enrol
from atelier.academy.services.learning_path import assign_reviews
from atelier.academy.tests.factories import make_edition
from atelier.academy.tests.test_learning_path_pages import make_cohort
from atelier.notifications.due import notify_due
from atelier.notifications.models import Delivery, Kind, Notification, Preference
from atelier.notifications.services import notify, send_digests, set_preferences

pytestmark = pytest.mark.django_db


def test_the_same_event_notified_twice_is_stored_and_mailed_once(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    for _attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notify(
                recipient=participant,
                kind=Kind.INVITED,
                key="project-member:1",
                url="/projects/1/",
                params={"by": "Sara", "project": "Eén voordeur"},
            )

    assert Notification.objects.filter(recipient=participant).count() == 1
    assert len(mailoutbox) == 1
    assert "Sara added you to the team of “Eén voordeur”" in mailoutbox[0].body or (
        "Sara heeft je toegevoegd" in mailoutbox[0].body
    )
    assert mailoutbox[0].to == [participant.email]


def test_a_digest_preference_holds_the_mail_for_one_digest_line(participant, mailoutbox):
    set_preferences(person=participant, deliveries={Kind.INVITED: Delivery.DIGEST})
    notify(
        recipient=participant,
        kind=Kind.INVITED,
        key="a",
        url="/projects/1/",
        params={"by": "Sara", "project": "Voordeur"},
    )
    notify(
        recipient=participant,
        kind=Kind.INVITED,
        key="b",
        url="/projects/2/",
        params={"by": "Sara", "project": "Loket"},
    )
    assert mailoutbox == []

    assert send_digests() == 1
    assert send_digests() == 0  # a second run sends nothing again

    assert len(mailoutbox) == 1
    assert "Voordeur" in mailoutbox[0].body and "Loket" in mailoutbox[0].body
    assert "/projects/2/" in mailoutbox[0].body


def test_off_keeps_the_notification_in_atelier_without_a_mail(participant, mailoutbox):
    set_preferences(person=participant, deliveries={Kind.INVITED: Delivery.OFF})

    notify(recipient=participant, kind=Kind.INVITED, key="a", url="/", params={})
    send_digests()

    assert Notification.objects.filter(recipient=participant).count() == 1
    assert mailoutbox == []


def test_an_unknown_preference_value_is_refused(participant):
    with pytest.raises(ValueError):
        set_preferences(person=participant, deliveries={Kind.INVITED: "hourly"})
    assert not Preference.objects.exists()


def test_a_review_assignment_tells_each_reviewer_once_in_atelier_and_by_mail(
    trainer,
    coordinator,
    participant,
    outsider,
    geel,
    lennik,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    cohort = make_cohort(trainer, [geel, lennik])
    cohort.teams.get(organisation=geel).members.add(coordinator, participant)
    cohort.teams.get(organisation=lennik).members.add(outsider)
    milestone = cohort.milestones.get(peer_review=True)

    with django_capture_on_commit_callbacks(execute=True):
        assign_reviews(milestone=milestone, by=trainer)
    with django_capture_on_commit_callbacks(execute=True):
        assign_reviews(milestone=milestone, by=trainer)

    assigned = Notification.objects.filter(kind=Kind.REVIEW_ASSIGNED)
    assert sorted(assigned.values_list("recipient__email", flat=True)) == sorted(
        [coordinator.email, participant.email, outsider.email]
    )
    geel_review = PeerReview.objects.get(reviewer__organisation=geel)
    assert assigned.get(recipient=participant).url == f"/academy/reviews/{geel_review.pk}/"
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [coordinator.email, participant.email, outsider.email]
    )


def test_an_overdue_invoice_tells_the_coordinator_once_however_often_the_scan_runs(
    coordinator, geel_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # the issue of the run is notified by the digest, not here
    Notification.objects.all().delete()
    after_due = geel_invoice.due_on + datetime.timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        first = notify_due(today=after_due)
    with django_capture_on_commit_callbacks(execute=True):
        second = notify_due(today=after_due)

    assert (first.invoices, second.invoices) == (1, 0)
    overdue = Notification.objects.get(kind=Kind.INVOICE_OVERDUE)
    assert overdue.recipient == coordinator
    assert overdue.url == "/fees/my-invoices/"
    assert len(mailoutbox) == 1
    assert geel_invoice.display_number in mailoutbox[0].body


def test_an_invoice_not_yet_due_is_not_overdue(coordinator, geel_invoice):
    notify_due(today=geel_invoice.due_on)

    assert not Notification.objects.filter(kind=Kind.INVOICE_OVERDUE).exists()


def test_issuing_the_fee_run_tells_the_coordinator_in_the_digest(
    coordinator, geel_invoice, mailoutbox, django_capture_on_commit_callbacks
):
    issued = Notification.objects.get(kind=Kind.INVOICE_ISSUED)

    assert issued.recipient == coordinator
    assert issued.delivery == Delivery.DIGEST
    assert not [m for m in mailoutbox if m.to == [coordinator.email]]
    send_digests()
    assert geel_invoice.display_number in mailoutbox[-1].body


def test_a_session_tomorrow_tells_its_trainer_with_the_attendance_link(trainer):
    edition = make_edition()
    session = edition.sessions.first()
    session.trainer = trainer
    session.save()
    today = timezone.localtime(session.starts_at).date() - datetime.timedelta(days=1)

    assert notify_due(today=today).sessions == 1
    assert notify_due(today=today).sessions == 0
    assert Notification.objects.get(recipient=trainer).url == (
        f"/academy/sessions/{session.pk}/attendance/"
    )


def test_a_confirmed_enrolment_shows_in_atelier_and_is_mailed_by_the_academy_alone(
    participant, mailoutbox, django_capture_on_commit_callbacks
):
    edition = make_edition()
    with django_capture_on_commit_callbacks(execute=True):
        enrol(edition=edition, person=participant, by=participant)

    confirmed = Notification.objects.get(recipient=participant)
    assert confirmed.kind == Kind.ENROLMENT_CONFIRMED
    assert confirmed.url == f"/academy/editions/{edition.pk}/"
    assert len(mailoutbox) == 1  # the academy's confirmation, with its calendar file
    assert mailoutbox[0].attachments
