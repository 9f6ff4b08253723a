"""Open Badges 2.0: hosted issuer, badge class per level and language, assertions, baking."""

import datetime
import hashlib
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from atelier.academy.models import BadgeAssertion
from atelier.academy.services import badges
from atelier.academy.services.attendance import record_attendance
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"
OB2 = "https://w3id.org/openbadges/v2"


def get_json(url: str, status: int = 200) -> dict:
    response = Client().get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/ld+json")
    return json.loads(response.content)


def local(url: str) -> str:
    """A hosted address as the test client requests it."""
    assert url.startswith(SITE + "/")
    return url.removeprefix(SITE)


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def check_required(document: dict, required: dict[str, type], kind: str) -> None:
    """The OB 2.0 required properties of `kind`, each present with the right JSON type."""
    assert document["@context"] == OB2
    assert document["type"] == kind
    for key, expected in required.items():
        assert isinstance(document.get(key), expected), f"{kind}.{key}"
    assert document["id"].startswith(SITE + "/")


@pytest.fixture
def badge(trainer, administrator, participant) -> BadgeAssertion:
    edition = make_edition(make_course(1), starts=timezone.now() - datetime.timedelta(days=3))
    enrolment = make_enrolment(edition, participant)
    record_attendance(
        session=edition.sessions.get(), statuses={enrolment.pk: "present"}, by=trainer
    )
    issue_certificates(edition=edition, by=administrator)
    return BadgeAssertion.objects.get()


def test_issuer_profile_has_the_required_properties(db):
    issuer = get_json(reverse("academy:badge_issuer"))
    check_required(issuer, {"id": str, "name": str, "url": str, "email": str}, "Profile")
    assert issuer["id"] == SITE + "/academy/badges/issuer.json"
    assert "@" in issuer["email"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_badge_class_has_the_required_properties_per_language(db, language):
    url = reverse("academy:badge_class", args=[2, language])
    badge_class = get_json(url)
    required = {"id": str, "name": str, "description": str, "image": str, "criteria": dict}
    check_required(badge_class, required | {"issuer": str}, "BadgeClass")
    assert badge_class["id"] == f"{SITE}/academy/badges/levels/2/{language}.json"
    assert badge_class["image"].endswith("badge-level-2.svg")
    assert badge_class["criteria"]["narrative"]
    assert Client().get(local(badge_class["issuer"])).status_code == 200


def test_badge_class_text_is_fixed_by_its_id_not_by_the_reader(db):
    url = reverse("academy:badge_class", args=[1, "en"])
    for reader_language in ("nl", "en"):
        client = Client(HTTP_ACCEPT_LANGUAGE=reader_language)
        assert json.loads(client.get(url).content)["name"].startswith("Service design, level 1")
    dutch = get_json(reverse("academy:badge_class", args=[1, "nl"]))
    assert dutch["name"].startswith("Service design, niveau 1")


def test_unknown_level_or_language_has_no_badge_class(db):
    assert Client().get(reverse("academy:badge_class", args=[9, "nl"])).status_code == 404
    assert Client().get(reverse("academy:badge_class", args=[1, "fr"])).status_code == 404


def test_assertion_validates_as_open_badges_2(badge, participant):
    assertion = get_json(reverse("academy:badge_assertion", args=[badge.uid]))
    required = {"id": str, "recipient": dict, "badge": str, "verification": dict}
    check_required(assertion, required | {"issuedOn": str}, "Assertion")
    assert assertion["id"] == f"{SITE}/academy/badges/assertions/{badge.uid}.json"
    assert datetime.datetime.fromisoformat(assertion["issuedOn"]).tzinfo is not None
    assert assertion["verification"] == {"type": "hosted"}
    assert assertion["badge"] == SITE + "/academy/badges/levels/1/nl.json"
    assert assertion["evidence"] == f"{SITE}/academy/verify/{badge.certificate.code}/"
    for url in (assertion["id"], assertion["badge"], assertion["evidence"], assertion["image"]):
        assert Client().get(local(url)).status_code == 200, url


def test_assertion_identity_is_the_salted_hash_of_the_address(badge, participant):
    recipient = get_json(reverse("academy:badge_assertion", args=[badge.uid]))["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    assert recipient["salt"] == badge.salt and len(badge.salt) >= 16
    algorithm, digest = recipient["identity"].split("$")
    assert algorithm == "sha256"
    assert digest == hashlib.sha256((participant.email + recipient["salt"]).encode()).hexdigest()
    assert digest != hashlib.sha256(b"someone.else@example.org" + badge.salt.encode()).hexdigest()
    assertion = Client().get(reverse("academy:badge_assertion", args=[badge.uid]))
    assert participant.email not in assertion.content.decode()


def test_revoked_assertion_answers_410_and_its_png_is_gone(badge):
    badge.revoked_at = timezone.now()
    badge.save()
    assertion = get_json(reverse("academy:badge_assertion", args=[badge.uid]), status=410)
    assert assertion["revoked"] is True
    assert Client().get(reverse("academy:badge_png", args=[badge.uid])).status_code == 404


def test_baked_png_carries_the_assertion_url(badge):
    response = Client().get(reverse("academy:badge_png", args=[badge.uid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (400, 400)
    assert image.text["openbadges"] == f"{SITE}/academy/badges/assertions/{badge.uid}.json"
    assert b"iTXt" in response.content


def test_baked_png_shows_the_level_badge_not_a_blank(badge):
    image = Image.open(io.BytesIO(badges.level_badge_png(1))).convert("RGB")
    # The hexagon's green fills the middle; the corners stay white.
    assert image.getpixel((200, 120)) == (0x2E, 0x7D, 0x5B)
    assert image.getpixel((2, 2)) == (255, 255, 255)


def test_certificate_page_links_the_badge_its_assertion_and_linkedin(badge, participant):
    html = signed_in(participant).get(reverse("academy:my_certificates")).content.decode()
    assert reverse("academy:badge_png", args=[badge.uid]) in html
    assert reverse("academy:badge_assertion", args=[badge.uid]) in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html


def test_linkedin_link_names_the_certificate(badge):
    certificate = badge.certificate
    query = parse_qs(urlsplit(badges.linkedin_add_url(certificate)).query)
    assert query["startTask"] == ["CERTIFICATION_NAME"]
    assert query["name"] == [certificate.course_title]
    assert query["issueYear"] == [str(certificate.completed_on.year)]
    assert query["issueMonth"] == [str(certificate.completed_on.month)]
    assert query["certUrl"] == [f"{SITE}/academy/verify/{certificate.code}/"]
    assert query["certId"] == [str(certificate.code)]
    assert query["organizationName"][0]


def test_certificate_pdf_has_a_line_with_the_assertion_url(badge, participant):
    url = reverse("academy:certificate_pdf", args=[badge.certificate.code])
    reader = PdfReader(io.BytesIO(signed_in(participant).get(url).content))
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    assert f"/academy/badges/assertions/{badge.uid}.json" in text


def test_certificate_mail_links_the_baked_badge_and_linkedin(
    trainer, administrator, participant, mailoutbox, django_capture_on_commit_callbacks
):
    edition = make_edition(make_course(1), starts=timezone.now() - datetime.timedelta(days=3))
    enrolment = make_enrolment(edition, participant)
    record_attendance(
        session=edition.sessions.get(), statuses={enrolment.pk: "present"}, by=trainer
    )
    with django_capture_on_commit_callbacks(execute=True):
        issue_certificates(edition=edition, by=administrator)
    badge = BadgeAssertion.objects.get()
    (message,) = mailoutbox
    assert f"{SITE}/academy/badges/assertions/{badge.uid}.png" in message.body
    assert f"{SITE}/academy/badges/assertions/{badge.uid}.json" in message.body
    assert "https://www.linkedin.com/profile/add?" in message.body
