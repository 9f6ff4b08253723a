"""Charges on the pages: the enrolment form's price and payer, the staff list, the member's."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.academy.models import Enrolment
from atelier.fees.models import Invoice
from conftest import make_person

from .charge_factories import enrol_paying, paying_edition

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_enrolment_form_shows_the_member_price_and_that_the_organisation_pays(participant):
    edition = paying_edition()

    page = client_for(participant).get(reverse("academy:edition", args=[edition.pk]))

    box = page.content.decode()
    assert "€ 95,00 · member price" in box
    assert "Geel, in the next charges run" in box
    assert 'name="billing_name"' not in box


def test_non_member_must_give_billing_details_before_a_paying_enrolment(db):
    freelancer = make_person("freelancer@example.org", "participant")
    edition = paying_edition()
    client = client_for(freelancer)
    assert (
        "€ 190,00 · non-member price"
        in client.get(reverse("academy:edition", args=[edition.pk])).content.decode()
    )

    refused = client.post(reverse("academy:enrol", args=[edition.pk]))
    assert refused.status_code == 400
    assert not Enrolment.objects.exists()

    client.post(
        reverse("academy:enrol", args=[edition.pk]),
        {"billing_name": "Ontwerpbureau Kempen", "billing_address": "Markt 3, 2440 Geel"},
    )
    enrolment = Enrolment.objects.get()
    assert (enrolment.billing_name, enrolment.charge.amount) == ("Ontwerpbureau Kempen", 190)


def test_staff_runs_the_charges_from_the_charges_page(participant, administrator):
    enrol_paying(participant)
    client = client_for(administrator)
    assert "1 charge to invoice." in client.get(reverse("fees:charge_list")).content.decode()

    response = client.post(reverse("fees:charges_run"), {"issued_on": "2026-02-01"}, follow=True)

    assert "1 invoice was issued for the charges." in response.content.decode()
    invoice = Invoice.objects.get()
    assert invoice.display_number in response.content.decode()


def test_participant_cannot_run_the_charges(participant):
    enrol_paying(participant)
    response = client_for(participant).post(
        reverse("fees:charges_run"), {"issued_on": "2026-02-01"}
    )
    assert response.status_code in (403, 404)
    assert not Invoice.objects.exists()


def test_coordinator_sees_the_charges_of_their_organisation_only(
    coordinator, participant, outsider
):
    enrol_paying(participant)
    enrol_paying(outsider)

    response = client_for(coordinator).get(reverse("fees:member_invoices"))

    shown = list(response.context["open_charges"])
    assert [charge.enrolment.person for charge in shown] == [participant]
    assert "Service design in één dag" in response.content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_charge_list_query_count_does_not_grow_with_the_charges(administrator, participant):
    client = client_for(administrator)
    enrol_paying(participant)
    few = _queries(client, reverse("fees:charge_list"))
    for index in range(8):
        person = make_person(f"p{index}@example.org", "participant", participant.organisation)
        enrol_paying(person)

    assert _queries(client, reverse("fees:charge_list")) == few


def test_member_invoices_query_count_does_not_grow_with_the_charges(coordinator, participant):
    client = client_for(coordinator)
    enrol_paying(participant)
    few = _queries(client, reverse("fees:member_invoices"))
    for index in range(8):
        person = make_person(f"p{index}@example.org", "participant", participant.organisation)
        enrol_paying(person)

    assert _queries(client, reverse("fees:member_invoices")) == few
