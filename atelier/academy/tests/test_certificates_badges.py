"""Open Badges 2.0 hosted JSON: issuer, badge class per level and assertions."""

import datetime
import hashlib
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import BadgeAssertion
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def get_json(url: str, status: int = 200) -> dict:
    response = Client().get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


@pytest.fixture
def badge(trainer, administrator, participant) -> BadgeAssertion:
    edition = make_edition(make_course(1), starts=timezone.now() - datetime.timedelta(days=3))
    enrolment = make_enrolment(edition, participant)
    record_attendance(
        session=edition.sessions.get(), statuses={enrolment.pk: "present"}, by=trainer
    )
    issue_certificates(edition=edition, by=administrator)
    return BadgeAssertion.objects.get()


def test_issuer_profile(db):
    issuer = get_json(reverse("academy:badge_issuer"))
    assert issuer["@context"] == "https://w3id.org/openbadges/v2"
    assert issuer["type"] == "Profile"
    assert issuer["id"] == SITE + "/academy/badges/issuer.json"
    assert issuer["name"] and issuer["url"] and "@" in issuer["email"]


def test_badge_class_per_level(db):
    badge_class = get_json(reverse("academy:badge_class", args=[2]))
    assert badge_class["type"] == "BadgeClass"
    assert badge_class["id"] == SITE + "/academy/badges/levels/2.json"
    assert badge_class["image"].endswith("badge-level-2.svg")
    assert badge_class["criteria"]["narrative"]
    assert badge_class["issuer"] == SITE + "/academy/badges/issuer.json"
    assert Client().get(reverse("academy:badge_class", args=[9])).status_code == 404


def test_assertion_hashes_the_recipient_address(badge, participant):
    assertion = get_json(reverse("academy:badge_assertion", args=[badge.uid]))
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == f"{SITE}/academy/badges/assertions/{badge.uid}.json"
    recipient = assertion["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    expected = hashlib.sha256((participant.email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == "sha256$" + expected
    assert participant.email not in json.dumps(assertion)
    assert assertion["badge"] == SITE + "/academy/badges/levels/1.json"
    assert assertion["verification"] == {"type": "hosted"}
    assert datetime.datetime.fromisoformat(assertion["issuedOn"])
    assert assertion["evidence"] == f"{SITE}/academy/verify/{badge.certificate.code}/"


def test_revoked_assertion_answers_410(badge):
    badge.revoked_at = timezone.now()
    badge.save()
    assertion = get_json(reverse("academy:badge_assertion", args=[badge.uid]), status=410)
    assert assertion["revoked"] is True
