"""Segments and mailings: who is reached, merge fields, one delivery per address, test sends,
bounces, and an unsubscribe link that works without signing in, once and for good."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import translation

from atelier.contacts.models import Contact, Function, FunctionKind, LawfulBasis
from atelier.mailings.models import Delivery, Mailing, MailingKind, Unsubscription
from atelier.mailings.selectors import segment_contacts
from atelier.mailings.services import queue_mailing, save_mailing, save_segment, send_test
from atelier.members.models import Province
from conftest import make_municipality, make_province

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 1, 1)


class BouncingBackend(EmailBackend):
    """Locmem, except that the server refuses addresses at bounce.example."""

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].endswith("@bounce.example"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def person(organisation, first, email, kind=FunctionKind.GENERAL_DIRECTOR, ends_on=None):
    contact = Contact.objects.create(
        organisation=organisation,
        first_name=first,
        last_name="Test",
        email=email,
        lawful_basis=LawfulBasis.PUBLIC_TASK,
    )
    Function.objects.create(contact=contact, kind=kind, starts_on=START, ends_on=ends_on)
    return contact


@pytest.fixture
def people(geel, db):
    limburg = make_province("70000")
    hasselt = make_municipality("71022", "Hasselt", limburg, 78_000)
    genk = make_municipality("71016", "Genk", limburg, 66_000)
    return {
        "hasselt_gd": person(hasselt, "Hanne", "hanne@hasselt.example"),
        "genk_gd": person(genk, "Gert", "gert@bounce.example"),
        "genk_gd_shared": person(genk, "Gina", "HANNE@hasselt.example"),  # same address
        "hasselt_mayor": person(hasselt, "Marc", "marc@hasselt.example", FunctionKind.MAYOR),
        "geel_gd": person(geel, "Greet", "greet@geel.example"),
        "former_gd": person(genk, "Frans", "frans@genk.example", ends_on=START),
    }


@pytest.fixture
def general_directors_of_limburg(trainer, people):
    return save_segment(
        segment=None,
        by=trainer,
        name="Algemeen directeurs Limburg",
        function_kinds=[FunctionKind.GENERAL_DIRECTOR],
        member_types=[],
        size_classes=[],
        languages=[],
        topics=[],
        provinces=[Province.objects.get(nis_code="70000")],
    )


@pytest.fixture
def mailing(trainer, general_directors_of_limburg):
    return save_mailing(
        mailing=None,
        segment=general_directors_of_limburg,
        kind=MailingKind.INVITATION,
        subject="Uitnodiging voor {organisation}",
        body="Beste {name},\n\nAls **{function}** van {organisation} nodigen we u uit.",
        by=trainer,
    )


def test_segment_reaches_current_general_directors_of_limburg_only(
    general_directors_of_limburg, people
):
    reached = set(segment_contacts(general_directors_of_limburg))
    assert reached == {people["hasselt_gd"], people["genk_gd"], people["genk_gd_shared"]}


def test_test_send_goes_to_oneself_only(mailing, trainer):
    send_test(mailing=mailing, to=trainer)

    assert [m.to for m in mail.outbox] == [[trainer.email]]
    assert mail.outbox[0].subject.startswith("[TEST] Uitnodiging voor")


def test_sending_merges_fields_reaches_each_address_once_and_logs_bounces(
    mailing, trainer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "atelier.mailings.tests.test_mailings.BouncingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        queued = queue_mailing(mailing=mailing, by=trainer)

    assert queued.recipients == 2
    statuses = dict(Delivery.objects.values_list("email", "status"))
    assert statuses == {"hanne@hasselt.example": "sent", "gert@bounce.example": "bounced"}
    assert [m.to for m in mail.outbox] == [["hanne@hasselt.example"]]
    message = mail.outbox[0]
    assert message.subject == "Uitnodiging voor Hasselt"
    # The function in the recipient's language (Dutch here), not the sender's.
    assert "Beste Hanne Test," in message.body and "algemeen directeur" in message.body
    html = message.alternatives[0][0]
    assert "<strong>algemeen directeur</strong>" in html
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_a_mailing_is_sent_once(mailing, trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mailing(mailing=mailing, by=trainer)
    with pytest.raises(Exception, match="already been sent"):
        queue_mailing(mailing=mailing, by=trainer)
    assert len(mail.outbox) == 2


def test_unsubscribe_link_works_without_signing_in_once_and_for_good(
    client, mailing, trainer, general_directors_of_limburg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mailing(mailing=mailing, by=trainer)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.split("://", 1)[1].split("/", 1)[1]

    assert "Stop mailings" in client.get("/" + path).content.decode()
    assert Unsubscription.objects.count() == 0  # a GET (a mail scanner) changes nothing
    first = client.post("/" + path).content.decode()
    again = client.post("/" + path).content.decode()

    assert "will receive no more mailings" in first
    assert "already unsubscribed" in again
    assert Unsubscription.objects.get().email == "hanne@hasselt.example"
    assert client.get("/mailings/unsubscribe/forged/").status_code == 404

    second = save_mailing(
        mailing=None,
        segment=general_directors_of_limburg,
        kind=MailingKind.INVITATION,
        subject="Herinnering",
        body="Beste {name}",
        by=trainer,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        queued = queue_mailing(mailing=second, by=trainer)
    assert (queued.recipients, queued.unsubscribed) == (1, 1)
    assert [m.to for m in mail.outbox] == [["gert@bounce.example"]]


def test_staff_pages_show_the_count_and_refuse_others(
    client, trainer, participant, mailing, general_directors_of_limburg
):
    client.force_login(trainer)
    segment_page = client.get(reverse("mailings:segment", args=[general_directors_of_limburg.pk]))
    assert "This segment reaches 3 contacts." in segment_page.content.decode()
    detail = client.get(reverse("mailings:detail", args=[mailing.pk])).content.decode()
    assert "<strong>algemeen directeur</strong>" in detail
    client.post(reverse("mailings:test", args=[mailing.pk]))
    assert mail.outbox[0].to == [trainer.email]

    client.force_login(participant)
    assert client.get(reverse("mailings:detail", args=[mailing.pk])).status_code in (302, 403)
