"""The trainer's attendance sheet: bulk save, access, and refusing a stale save."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Attendance, Enrolment
from atelier.academy.selectors.attendance import session_statuses, sheet_version
from atelier.academy.services.attendance import StaleAttendanceSheet, record_attendance
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def past_edition(sessions: int = 1):
    return make_edition(starts=timezone.now() - datetime.timedelta(days=30), sessions=sessions)


def enrol_people(edition, count: int, prefix: str = "p") -> list[Enrolment]:
    return [
        make_enrolment(edition, make_person(f"{prefix}{index}@example.org", Role.PARTICIPANT))
        for index in range(count)
    ]


def test_record_attendance_writes_the_whole_sheet_and_updates_it(trainer):
    edition = past_edition()
    session = edition.sessions.get()
    first, second = enrol_people(edition, 2)
    record_attendance(
        session=session, statuses={first.pk: "present", second.pk: "late"}, by=trainer
    )
    record_attendance(session=session, statuses={second.pk: "absent"}, by=trainer)
    assert session_statuses(session) == {first.pk: "present", second.pk: "absent"}
    assert Attendance.objects.get(enrolment=second).recorded_by == trainer


def test_record_attendance_uses_the_same_queries_for_any_number_of_rows(trainer):
    edition = past_edition()
    session = edition.sessions.get()

    def queries_for(enrolments) -> int:
        statuses = {enrolment.pk: "present" for enrolment in enrolments}
        with CaptureQueriesContext(connection) as context:
            record_attendance(session=session, statuses=statuses, by=trainer)
        return len(context)

    few = queries_for(enrol_people(edition, 2, "a"))
    many = queries_for(enrol_people(edition, 12, "b"))
    assert few == many


def test_record_attendance_refuses_people_who_are_not_confirmed(trainer, outsider):
    edition = past_edition()
    waiting = make_enrolment(edition, outsider, status=Enrolment.Status.WAITLISTED)
    with pytest.raises(ValidationError):
        record_attendance(
            session=edition.sessions.get(), statuses={waiting.pk: "present"}, by=trainer
        )


def test_record_attendance_refuses_a_stale_sheet_and_reports_current_statuses(trainer):
    edition = past_edition()
    session = edition.sessions.get()
    (enrolment,) = enrol_people(edition, 1)
    opened = sheet_version(session_statuses(session))
    record_attendance(session=session, statuses={enrolment.pk: "late"}, by=trainer, version=opened)
    with pytest.raises(StaleAttendanceSheet) as refused:
        record_attendance(
            session=session, statuses={enrolment.pk: "absent"}, by=trainer, version=opened
        )
    assert refused.value.current == {enrolment.pk: "late"}
    assert session_statuses(session) == {enrolment.pk: "late"}


def test_trainer_saves_the_sheet_in_one_post(trainer):
    edition = past_edition()
    session = edition.sessions.get()
    first, second = enrol_people(edition, 2)
    url = reverse("academy:attendance", args=[session.pk])
    client = signed_in(trainer)
    page = client.get(url)
    assert page.status_code == 200
    assert "Mark all present" in page.content.decode()
    response = client.post(
        url,
        {
            "version": page.context["version"],
            f"status-{first.pk}": "present",
            f"status-{second.pk}": "excused",
        },
        follow=True,
    )
    assert "The attendance is saved." in response.content.decode()
    assert session_statuses(session) == {first.pk: "present", second.pk: "excused"}
    assert f'name="status-{second.pk}" value="excused" checked' in response.content.decode()


def test_second_trainer_with_an_old_sheet_is_refused_and_sees_the_current_statuses(
    trainer, administrator
):
    edition = past_edition()
    session = edition.sessions.get()
    (enrolment,) = enrol_people(edition, 1)
    url = reverse("academy:attendance", args=[session.pk])
    version = signed_in(administrator).get(url).context["version"]
    signed_in(trainer).post(url, {"version": version, f"status-{enrolment.pk}": "late"})
    response = signed_in(administrator).post(
        url, {"version": version, f"status-{enrolment.pk}": "absent"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this sheet" in html
    assert f'name="status-{enrolment.pk}" value="late" checked' in html
    assert session_statuses(session) == {enrolment.pk: "late"}


def test_session_trainer_who_is_not_staff_may_record(expert):
    edition = past_edition()
    session = edition.sessions.get()
    session.trainer = expert
    session.save()
    assert (
        signed_in(expert).get(reverse("academy:attendance", args=[session.pk])).status_code == 200
    )


def test_participants_and_coordinators_may_not_open_the_sheet(participant, coordinator, expert):
    session = past_edition().sessions.get()
    url = reverse("academy:attendance", args=[session.pk])
    for person in (participant, coordinator, expert):
        assert signed_in(person).get(url).status_code == 403
    assert Client().get(url).status_code == 302


def test_sheet_page_queries_do_not_grow_with_participants(trainer):
    edition = past_edition()
    session = edition.sessions.get()
    url = reverse("academy:attendance", args=[session.pk])
    client = signed_in(trainer)
    enrol_people(edition, 2, "a")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    enrol_people(edition, 10, "b")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)
