"""The edition's attendance as CSV and XLSX, read back."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atelier.academy.services.attendance import record_attendance
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def recorded_edition(trainer):
    """Two sessions; Eve (a formula-like name) came to both, Bob to one of two (rule 75%)."""
    course = make_course(attendance_share=Decimal("0.75"))
    edition = make_edition(course, starts=timezone.now() - datetime.timedelta(days=20), sessions=2)
    eve = make_person("eve@example.org", Role.PARTICIPANT)
    eve.first_name = "=HYPERLINK(1)"
    eve.save()
    bob = make_person("bob@example.org", Role.PARTICIPANT)
    eve_enrolment, bob_enrolment = make_enrolment(edition, eve), make_enrolment(edition, bob)
    first, second = edition.sessions.order_by("starts_at")
    record_attendance(
        session=first, statuses={eve_enrolment.pk: "present", bob_enrolment.pk: "late"}, by=trainer
    )
    record_attendance(
        session=second, statuses={eve_enrolment.pk: "late", bob_enrolment.pk: "absent"}, by=trainer
    )
    return edition


def export(user, edition, extension: str):
    return signed_in(user).get(reverse("academy:attendance_export", args=[edition.pk, extension]))


def test_csv_has_a_column_per_session_and_the_certificate_rule(administrator, recorded_edition):
    response = export(administrator, recorded_edition, "csv")
    assert response.status_code == 200
    text = response.content.decode()
    rows = list(csv.reader(io.StringIO(text), delimiter=csv.Sniffer().sniff(text).delimiter))
    assert len(rows[0]) == 2 + 2 + 2
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Bob Test"][2:] == ["late", "absent", "1", "no"]
    assert by_name["'=HYPERLINK(1) Test"][2:] == ["present", "late", "2", "yes"]


def test_xlsx_reads_back_with_the_same_rows(trainer, recorded_edition):
    response = export(trainer, recorded_edition, "xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Bob Test"][2:] == ["late", "absent", 1, "no"]
    assert by_name["'=HYPERLINK(1) Test"][4:] == [2, "yes"]


def test_export_is_for_staff_only(participant, coordinator, recorded_edition):
    for person in (participant, coordinator):
        assert export(person, recorded_edition, "csv").status_code == 403


def test_other_extensions_are_not_found(administrator, recorded_edition):
    assert export(administrator, recorded_edition, "pdf").status_code == 404
