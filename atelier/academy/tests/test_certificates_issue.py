"""Issuing certificates by the attendance rule; the PDF, its QR code and verification."""

import datetime
import io
from decimal import Decimal

import pytest
import segno
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from atelier.academy.models import BadgeAssertion, Certificate
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import (
    issue_certificates,
    verification_qr,
    verification_url,
)
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def edition(trainer, participant, outsider):
    """Four sessions, 75% rule: the participant came to three, the outsider to two."""
    course = make_course(3, title="Leertraject", attendance_share=Decimal("0.75"))
    edition = make_edition(course, starts=timezone.now() - datetime.timedelta(days=40), sessions=4)
    ours, theirs = make_enrolment(edition, participant), make_enrolment(edition, outsider)
    plan = [("present", "present"), ("late", "absent"), ("present", "excused"), ("absent", "late")]
    for session, (mine, other) in zip(edition.sessions.order_by("starts_at"), plan, strict=True):
        record_attendance(session=session, statuses={ours.pk: mine, theirs.pk: other}, by=trainer)
    return edition


def test_issue_certificates_for_those_who_meet_the_rule_once(edition, administrator, participant):
    issued = issue_certificates(edition=edition, by=administrator)
    assert [certificate.enrolment.person for certificate in issued] == [participant]
    certificate = issued[0]
    assert certificate.holder_name == "Participant Test"
    assert certificate.level_number == 3
    assert (
        certificate.completed_on == edition.sessions.order_by("starts_at").last().starts_at.date()
    )
    assert issue_certificates(edition=edition, by=administrator) == []
    assert Certificate.objects.count() == 1


def test_issuing_awards_one_badge_per_person_and_level(edition, administrator, participant):
    issue_certificates(edition=edition, by=administrator)
    other = make_edition(edition.course, starts=timezone.now() - datetime.timedelta(days=5))
    trainer = make_person("t2@example.org", Role.TRAINER)
    enrolment = make_enrolment(other, participant)
    record_attendance(session=other.sessions.get(), statuses={enrolment.pk: "present"}, by=trainer)
    issue_certificates(edition=other, by=administrator)
    assert Certificate.objects.filter(enrolment__person=participant).count() == 2
    badge = BadgeAssertion.objects.get(recipient=participant)
    assert badge.level.number == 3


def test_staff_page_shows_who_qualifies_and_issues_on_post(edition, administrator):
    client = signed_in(administrator)
    url = reverse("academy:issue_certificates", args=[edition.pk])
    html = client.get(url).content.decode()
    assert "3 / 4" in html and "2 / 4" in html
    assert "Issue 1 certificate" in html
    response = client.post(url, follow=True)
    assert "1 certificate issued." in response.content.decode()
    assert Certificate.objects.count() == 1


def test_issue_page_is_for_staff_only(edition, participant, coordinator):
    url = reverse("academy:issue_certificates", args=[edition.pk])
    for person in (participant, coordinator):
        assert signed_in(person).post(url).status_code == 403
    assert not Certificate.objects.exists()


def test_pdf_names_the_holder_and_the_verification_url(edition, administrator, participant):
    (certificate,) = issue_certificates(edition=edition, by=administrator)
    response = signed_in(participant).get(
        reverse("academy:certificate_pdf", args=[certificate.code])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Participant Test" in text
    assert str(certificate.code) in text.replace("\n", "")
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    url = verification_url(certificate)
    assert url == f"http://127.0.0.1:8000/academy/verify/{certificate.code}/"
    assert verification_qr(url) == segno.make(url, error="m").png_data_uri(scale=4, border=2)


def test_pdf_is_for_the_holder_their_coordinator_and_staff(
    edition, administrator, participant, coordinator, outsider
):
    (certificate,) = issue_certificates(edition=edition, by=administrator)
    url = reverse("academy:certificate_pdf", args=[certificate.code])
    assert signed_in(coordinator).get(url).status_code == 200
    assert signed_in(outsider).get(url).status_code == 404
    lennik_coordinator = make_person(
        "c@lennik.example.org", Role.COORDINATOR, outsider.organisation
    )
    assert signed_in(lennik_coordinator).get(url).status_code == 404


def test_my_certificates_lists_own_certificates(edition, administrator, participant, outsider):
    (certificate,) = issue_certificates(edition=edition, by=administrator)
    html = signed_in(participant).get(reverse("academy:my_certificates")).content.decode()
    assert reverse("academy:certificate_pdf", args=[certificate.code]) in html
    other = signed_in(outsider).get(reverse("academy:my_certificates")).content.decode()
    assert str(certificate.code) not in other


def test_verify_page_shows_a_valid_or_revoked_certificate(edition, administrator):
    (certificate,) = issue_certificates(edition=edition, by=administrator)
    url = reverse("academy:verify", args=[certificate.code])
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(url).content.decode()
    assert "This certificate is valid." in html
    assert "Participant Test" in html and "Leertraject" in html
    certificate.revoked_at = timezone.now()
    certificate.save()
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(url).content.decode()
    assert "revoked" in html


def test_verify_unknown_code_says_it_is_not_ours(db):
    url = reverse("academy:verify", args=["00000000-0000-4000-8000-000000000000"])
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)
    assert response.status_code == 404
    assert "not a certificate of ours" in response.content.decode()


def test_holders_are_told_by_mail_that_their_certificate_is_ready(
    edition, administrator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issue_certificates(edition=edition, by=administrator)
    assert [message.to for message in mailoutbox] == [["participant@geel.example.org"]]


def test_my_certificates_queries_do_not_grow_with_certificates(administrator, participant, trainer):
    client = signed_in(participant)

    def certify() -> None:
        edition = make_edition(starts=timezone.now() - datetime.timedelta(days=3))
        enrolment = make_enrolment(edition, participant)
        session = edition.sessions.get()
        record_attendance(session=session, statuses={enrolment.pk: "present"}, by=trainer)
        issue_certificates(edition=edition, by=administrator)

    certify()
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("academy:my_certificates"))
    certify()
    certify()
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("academy:my_certificates"))
    assert len(response.context["held"]) == 3
    assert len(one) == len(three)
