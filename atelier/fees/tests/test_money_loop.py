"""The issue's "done when", as a new user would go: enrol, bill, e-invoice, pay, remind."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from atelier.fees.charges import run_charges
from atelier.fees.models import Invoice, Reminder
from atelier.fees.payment_matching import import_bank_statement
from atelier.fees.reminders import send_due_reminders
from atelier.fees.ubl import invoice_ubl
from atelier.fees.ubl_rules import business_rule_findings

from .charge_factories import paying_edition
from .conftest import valid_company_number
from .test_views import bank_csv, payment_row
from .ubl_schema import schema_errors

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_geel_enrols_is_billed_pays_and_an_unpaid_invoice_is_reminded_once(
    participant, outsider, coordinator, administrator, django_capture_on_commit_callbacks
):
    for person, first_eight in ((participant, "02099901"), (outsider, "02099902")):
        person.organisation.company_number = valid_company_number(first_eight)
        person.organisation.save()
    edition = paying_edition()
    client = signed_in(participant)
    form = client.get(reverse("academy:edition", args=[edition.pk])).content.decode()
    assert "€ 95,00 · member price" in form and "Geel, in the next charges run" in form
    client.post(reverse("academy:enrol", args=[edition.pk]))
    signed_in(outsider).post(reverse("academy:enrol", args=[edition.pk]))

    issued_on = timezone.localdate() - datetime.timedelta(days=60)
    run_charges(issued_on=issued_on, by=administrator)
    geel = Invoice.objects.get(organisation=participant.organisation)
    assert [(line.participant, line.amount) for line in geel.lines.all()] == [
        (participant.get_full_name(), 95)
    ]
    xml = invoice_ubl(geel)
    assert schema_errors(xml) == [] and business_rule_findings(xml) == []

    import_bank_statement(content=bank_csv(payment_row(geel)), file_name="b.csv", by=administrator)
    page = signed_in(coordinator).get(reverse("fees:member_invoices")).content.decode()
    assert geel.display_number in page and "badge--paid" in page

    with django_capture_on_commit_callbacks(execute=True):
        first = send_due_reminders()
        again = send_due_reminders()
    lennik = Invoice.objects.get(organisation=outsider.organisation)
    assert [(r.invoice, r.level) for r in first] == [(lennik, "first")] and again == []
    assert Reminder.objects.count() == 1
    assert not any(geel.display_number in message.subject for message in mail.outbox)
