"""A certificate follows its attendance: corrected below the rule it is revoked, with its
badge; met again, it is reinstated; every step is in the audit trail."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Attendance, BadgeAssertion, Certificate
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(trainer, administrator, participant):
    """Two sessions, rule 100%: the participant came to both and holds the certificate."""
    course = make_course(2, title="Dagopleiding", attendance_share=Decimal("1"))
    edition = make_edition(course, starts=timezone.now() - datetime.timedelta(days=10), sessions=2)
    enrolment = make_enrolment(edition, participant)
    for session in edition.sessions.all():
        record_attendance(session=session, statuses={enrolment.pk: "present"}, by=trainer)
    (certificate,) = issue_certificates(edition=edition, by=administrator)
    return certificate


def _correct(certificate, status, by):
    session = certificate.enrolment.edition.sessions.order_by("starts_at").last()
    record_attendance(session=session, statuses={certificate.enrolment_id: status}, by=by)
    certificate.refresh_from_db()
    return certificate


def _verification_page(certificate) -> str:
    url = reverse("academy:verify", args=[certificate.code])
    return Client(HTTP_ACCEPT_LANGUAGE="en").get(url).content.decode()


def _logged(model, pk) -> list[dict]:
    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_pk=str(pk),
            action=LogEntry.Action.UPDATE,
        )
        .order_by("pk")
        .values_list("changes", flat=True)
    )


def test_attendance_corrected_to_absent_revokes_certificate_and_badge(certified, trainer):
    certificate = _correct(certified, "absent", trainer)
    assert certificate.revoked_at is not None
    assert BadgeAssertion.objects.get(certificate=certificate).revoked_at == certificate.revoked_at
    html = _verification_page(certificate)
    assert "This certificate was revoked on" in html
    assert "This certificate is valid." not in html
    assert certificate.revoked_at.date().isoformat() in html  # the <time> element says when


def test_revoked_badge_assertion_answers_gone(certified, trainer):
    certificate = _correct(certified, "absent", trainer)
    badge = BadgeAssertion.objects.get(certificate=certificate)
    response = Client().get(reverse("academy:badge_assertion", args=[badge.uid]))
    assert response.status_code == 410


def test_attendance_met_again_reinstates_certificate_and_badge(certified, trainer):
    _correct(certified, "absent", trainer)
    certificate = _correct(certified, "late", trainer)
    assert certificate.revoked_at is None
    assert BadgeAssertion.objects.get(certificate=certificate).revoked_at is None
    assert "This certificate is valid." in _verification_page(certificate)


def test_revocation_and_reinstatement_are_in_the_audit_trail(certified, trainer):
    _correct(certified, "absent", trainer)
    _correct(certified, "present", trainer)
    certificate_changes = [
        changes for changes in _logged(Certificate, certified.pk) if "revoked_at" in changes
    ]
    assert len(certificate_changes) == 2
    assert certificate_changes[0]["revoked_at"][0] == "None"
    assert certificate_changes[1]["revoked_at"][1] == "None"
    badge = BadgeAssertion.objects.get(certificate=certified)
    assert len([c for c in _logged(BadgeAssertion, badge.pk) if "revoked_at" in c]) == 2
    statuses = [
        entry.changes["status"]
        for entry in LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Attendance)
        ).order_by("pk")
        if "status" in entry.changes
    ]
    assert statuses[-2:] == [["present", "absent"], ["absent", "present"]]
    actors = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Certificate), object_pk=str(certified.pk)
    ).exclude(actor=None)
    assert set(actors.values_list("actor", flat=True)) == {trainer.pk}


def test_saving_unchanged_attendance_leaves_a_valid_certificate_alone(certified, trainer):
    certificate = _correct(certified, "present", trainer)
    assert certificate.revoked_at is None
    assert [c for c in _logged(Certificate, certified.pk) if "revoked_at" in c] == []
