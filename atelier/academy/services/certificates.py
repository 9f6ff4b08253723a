"""Certificates for participants who met the attendance rule, and Open Badges per level."""

import datetime
import secrets

import segno
from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from atelier.academy.models import BadgeAssertion, Certificate, Edition, Level
from atelier.academy.selectors.attendance import attendance_grid
from atelier.academy.services.badges import verification_url
from atelier.academy.services.mail import send_certificate_available
from atelier.accounts.models import User
from atelier.lib.pdf import html_to_pdf


@transaction.atomic
def issue_certificates(*, edition: Edition, by: User) -> list[Certificate]:
    """Certificates (and level badges) for qualifying participants who have none yet.

    Seminars lie outside the three levels: they give no level certificate.
    """
    if edition.course.level_id is None:
        return []
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    grid = attendance_grid(edition)
    if not grid.sessions:
        return []
    completed_on = grid.sessions[-1].starts_at.date()
    held = set(
        Certificate.objects.filter(enrolment__edition=edition).values_list(
            "enrolment_id", flat=True
        )
    )
    course = edition.course
    certificates = [
        Certificate.objects.create(
            enrolment=row.enrolment,
            holder_name=str(row.enrolment.person),
            course_title=course.title,
            level_number=course.level.number,  # type: ignore[union-attr]
            completed_on=completed_on,
        )
        for row in grid.rows
        if row.meets_rule and row.enrolment.pk not in held
    ]
    _award_badges(certificates, course.level)  # type: ignore[arg-type]
    for certificate in certificates:
        send_certificate_available(certificate)
    return certificates


def _award_badges(certificates: list[Certificate], level: Level) -> None:
    people = [certificate.enrolment.person_id for certificate in certificates]
    badged = set(
        BadgeAssertion.objects.filter(level=level, recipient_id__in=people).values_list(
            "recipient_id", flat=True
        )
    )
    BadgeAssertion.objects.bulk_create(
        BadgeAssertion(
            recipient_id=certificate.enrolment.person_id,
            level=level,
            certificate=certificate,
            salt=secrets.token_hex(16),
        )
        for certificate in certificates
        if certificate.enrolment.person_id not in badged
    )


@transaction.atomic
def follow_attendance(*, edition: Edition, by: User) -> list[Certificate]:
    """Revokes the certificates (and their badges) whose attendance no longer meets the
    rule and reinstates revoked ones that meet it again; returns the changed ones."""
    grid = attendance_grid(edition)
    meets_rule = {row.enrolment.pk: row.meets_rule for row in grid.rows}
    changed = []
    for certificate in Certificate.objects.filter(enrolment__edition=edition).prefetch_related(
        "badges"
    ):
        valid = meets_rule.get(certificate.enrolment_id, False)
        if valid == (certificate.revoked_at is None):
            continue
        # One moment for the certificate and its badges; None reinstates them.
        revoked_at = None if valid else timezone.now()
        with set_actor(by):
            _set_revoked_at(certificate, revoked_at)
        changed.append(certificate)
    return changed


def _set_revoked_at(certificate: Certificate, revoked_at: datetime.datetime | None) -> None:
    # Saved one by one (not bulk) so that each change reaches the audit trail.
    certificate.revoked_at = revoked_at
    certificate.save(update_fields=["revoked_at"])
    for badge in certificate.badges.all():
        badge.revoked_at = revoked_at
        badge.save(update_fields=["revoked_at"])


def verification_qr(url: str) -> str:
    """The verification address as a QR code, a PNG data URI."""
    return str(segno.make(url, error="m").png_data_uri(scale=4, border=2))


def certificate_pdf(certificate: Certificate, *, badge_url: str = "") -> bytes:
    """The certificate as a PDF; `badge_url` adds a line with the Open Badge's address."""
    url = verification_url(certificate)
    context = {
        "certificate": certificate,
        "badge_url": badge_url,
        "association_name": settings.ASSOCIATION_NAME,
        "verification_url": url,
        "qr": verification_qr(url),
    }
    return html_to_pdf(render_to_string("academy/certificates/certificate_pdf.html", context))
