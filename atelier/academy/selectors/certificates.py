"""A participant's certificates with the level badge each one earned."""

from dataclasses import dataclass

from atelier.academy.models import BadgeAssertion, Certificate
from atelier.academy.services.badges import linkedin_add_url
from atelier.accounts.models import User


@dataclass(frozen=True)
class HeldCertificate:
    certificate: Certificate
    badge: BadgeAssertion | None
    linkedin_url: str


def certificates_with_badges(person: User) -> list[HeldCertificate]:
    """The person's certificates, newest first, each with its level's badge if valid."""
    certificates = Certificate.objects.filter(enrolment__person=person).order_by(
        "-completed_on", "-pk"
    )
    by_level = {
        badge.level.number: badge
        for badge in BadgeAssertion.objects.filter(
            recipient=person, revoked_at=None
        ).select_related("level")
    }
    return [
        HeldCertificate(
            certificate=certificate,
            badge=None if certificate.revoked_at else by_level.get(certificate.level_number),
            linkedin_url=linkedin_add_url(certificate),
        )
        for certificate in certificates
    ]
