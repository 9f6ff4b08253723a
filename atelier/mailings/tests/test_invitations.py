"""Seminars and the academy invite a segment: a prefilled invitation mailing that knows its
edition, and for seminars a suggested segment matching the audience."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from atelier.academy.models import Course, CourseKind, SeminarAudience
from atelier.academy.tests.factories import make_edition
from atelier.contacts.models import Contact, Function, FunctionKind, LawfulBasis
from atelier.knowledge.models import Topic
from atelier.mailings.invitations import suggested_segment
from atelier.mailings.models import Delivery, Mailing, MailingKind, Segment, Unsubscription
from atelier.mailings.services import queue_mailing, save_segment

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")
SITE = "https://atelier.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def make_seminar(audience: str, topics: tuple[str, ...] = ("digital",)) -> Course:
    course = Course.objects.create(
        kind=CourseKind.SEMINAR,
        title_nl="Studiedag raadsleden",
        summary_nl="Wat een raadslid moet weten over het meerjarenplan.",
        audience=audience,
    )
    course.topics.set(Topic.objects.filter(slug__in=topics))
    return course


@pytest.fixture
def edition():
    return make_edition(
        make_seminar(SeminarAudience.COUNCILLORS),
        starts=datetime.datetime(2027, 3, 12, 9, 0, tzinfo=BRUSSELS),
        sessions=2,
        price_member=Decimal("45.00"),
        price_non_member=Decimal("90.50"),
    )


def councillor(organisation, first: str, email: str) -> Contact:
    contact = Contact.objects.create(
        organisation=organisation,
        first_name=first,
        last_name="Raad",
        email=email,
        lawful_basis=LawfulBasis.PUBLIC_TASK,
    )
    Function.objects.create(
        contact=contact, kind=FunctionKind.COUNCILLOR, starts_on=datetime.date(2025, 1, 1)
    )
    return contact


def test_the_invitation_is_prefilled_with_link_dates_prices_and_deadline(client, trainer, edition):
    client.force_login(trainer)
    response = client.get(reverse("mailings:invite", args=[edition.pk]))

    assert response.status_code == 200
    form = response.context["form"]
    body = form.initial["body"]
    assert form.initial["subject"] == "Uitnodiging: Studiedag raadsleden"  # the edition's language
    assert body.startswith("Beste {name},")
    assert "Wat een raadslid moet weten over het meerjarenplan." in body
    assert f"{SITE}/academy/editions/{edition.pk}/" in body
    assert "vrijdag 12 maart 2027, 09:00–16:00: Stadhuis, Markt 1, 2440 Geel" in body
    assert "vrijdag 19 maart 2027" in body
    assert "€ 45,00 voor leden, € 90,50 voor niet-leden" in body
    assert "10 maart 2027" in body  # the registration deadline
    assert form.initial["kind"] == MailingKind.INVITATION


def test_the_edition_page_offers_the_invitation_to_staff_only(
    client, trainer, participant, edition
):
    invite = reverse("mailings:invite", args=[edition.pk])
    client.force_login(trainer)
    assert invite in client.get(reverse("academy:edition", args=[edition.pk])).content.decode()
    assert client.get(reverse("mailings:invite", args=[edition.pk + 1000])).status_code == 404

    client.force_login(participant)
    assert invite not in client.get(reverse("academy:edition", args=[edition.pk])).content.decode()
    assert client.get(invite).status_code == 403
    assert client.post(invite, {"subject": "x", "body": "y"}).status_code == 403
    client.logout()
    assert client.get(invite).status_code == 302
    assert not Mailing.objects.exists()


def test_councillors_seminar_suggests_the_elected_functions_saved_in_one_click(
    client, trainer, edition
):
    criteria = suggested_segment(edition)
    assert criteria["function_kinds"] == [
        "mayor",
        "alderman",
        "council_chair",
        "councillor",
        "social_chair",
    ]
    assert criteria["topics"] == [] and criteria["provinces"] == []

    client.force_login(trainer)
    page = client.get(reverse("mailings:invite", args=[edition.pk])).content.decode()
    suggest = f"{reverse('mailings:segment_create')}?edition={edition.pk}"
    assert suggest in page
    form_page = client.get(suggest)
    initial = form_page.context["form"].initial
    assert initial["function_kinds"] == criteria["function_kinds"]
    assert initial["name"] == "Invitees: Studiedag raadsleden"
    html = form_page.content.decode()
    assert re.search(r'value="councillor"[^>]*checked', html)
    assert not re.search(r'value="general_director"[^>]*checked', html)

    saved = client.post(
        suggest, {"name": initial["name"], "function_kinds": initial["function_kinds"]}
    )
    segment = Segment.objects.get()
    assert segment.function_kinds == criteria["function_kinds"]
    assert saved.url == f"{reverse('mailings:invite', args=[edition.pk])}?segment={segment.pk}"
    chosen = client.get(saved.url).context["form"].initial["segment"]
    assert chosen == segment


def test_staff_seminar_suggests_the_contact_points_for_its_topics():
    course = make_seminar(SeminarAudience.STAFF, topics=("digital",))
    criteria = suggested_segment(make_edition(course))
    assert criteria["function_kinds"] == ["contact_point"]
    assert [topic.slug for topic in criteria["topics"]] == ["digital"]


def test_the_invitation_knows_its_edition_and_sends_once_respecting_unsubscribes(
    client, trainer, edition, geel, django_capture_on_commit_callbacks
):
    reached = councillor(geel, "Rita", "rita@geel.example")
    councillor(geel, "Urbain", "urbain@geel.example")
    Unsubscription.objects.create(email="urbain@geel.example", kind=MailingKind.INVITATION)
    Unsubscription.objects.create(email="rita@geel.example", kind=MailingKind.NEWSLETTER)
    segment = save_segment(segment=None, by=trainer, **suggested_segment(edition))
    client.force_login(trainer)
    invite = reverse("mailings:invite", args=[edition.pk])
    initial = client.get(invite).context["form"].initial

    # The kind is fixed: a posted "newsletter" does not change it.
    response = client.post(
        invite,
        {
            "segment": segment.pk,
            "kind": MailingKind.NEWSLETTER,
            "subject": initial["subject"],
            "body": initial["body"],
        },
    )
    mailing = Mailing.objects.get()
    assert response.url == reverse("mailings:detail", args=[mailing.pk])
    assert (mailing.edition, mailing.kind) == (edition, MailingKind.INVITATION)
    detail = client.get(response.url).content.decode()
    assert reverse("academy:edition", args=[edition.pk]) in detail
    assert "Invites to" in detail and "Studiedag raadsleden" in detail

    with django_capture_on_commit_callbacks(execute=True):
        queued = queue_mailing(mailing=mailing, by=trainer)
    with pytest.raises(Exception, match="already been sent"):
        queue_mailing(mailing=mailing, by=trainer)

    assert (queued.recipients, queued.unsubscribed) == (1, 1)
    assert [m.to for m in mail.outbox] == [[reached.email]]
    message = mail.outbox[0]
    assert message.subject == "Uitnodiging: Studiedag raadsleden"
    assert "Beste Rita Raad," in message.body
    assert f"{SITE}/academy/editions/{edition.pk}/" in message.body
    statuses = dict(Delivery.objects.values_list("email", "status"))
    assert statuses == {"rita@geel.example": "sent", "urbain@geel.example": "unsubscribed"}
