"""The charges run: every uninvoiced charge on one invoice per organisation."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from atelier.academy.models import Charge, Enrolment
from atelier.academy.services.enrolment import BillingDetails, cancel
from atelier.fees.charges import run_charges
from atelier.fees.invoice_pdf import invoice_pdf
from atelier.fees.models import BillingSettings, CancellationCredit, Invoice, InvoiceLine
from atelier.lib.structured_reference import is_valid_structured_reference
from conftest import make_person

from .charge_factories import MEMBER_PRICE, NON_MEMBER_PRICE, enrol_paying, paying_edition
from .conftest import ISSUED_ON

pytestmark = pytest.mark.django_db


def test_run_bills_one_invoice_per_organisation_with_a_line_per_charge(
    participant, coordinator, outsider, administrator
):
    first, second = paying_edition(), paying_edition("Lerend netwerk")
    enrol_paying(participant, first)
    enrol_paying(coordinator, second)
    enrol_paying(outsider, first)

    run = run_charges(issued_on=ISSUED_ON, by=administrator)

    assert (run.invoice_count, run.charge_count, run.total) == (2, 3, 3 * MEMBER_PRICE)
    geel = Invoice.objects.get(organisation=participant.organisation)
    assert geel.amount == 2 * MEMBER_PRICE
    assert [line.participant for line in geel.lines.all()] == [
        participant.get_full_name(),
        coordinator.get_full_name(),
    ]
    assert {line.price_kind for line in geel.lines.all()} == {"member"}
    assert is_valid_structured_reference(geel.structured_reference)


def test_charges_share_the_gapless_series_of_the_fee_invoices(
    geel_invoice, participant, administrator
):
    enrol_paying(participant)

    run_charges(issued_on=ISSUED_ON, by=administrator)

    numbers = sorted(Invoice.objects.filter(kind="invoice").values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
    assert Invoice.objects.get(charge_run__isnull=False).number == 6


def test_a_second_run_bills_nothing_twice(participant, administrator):
    enrol_paying(participant)
    run_charges(issued_on=ISSUED_ON, by=administrator)

    again = run_charges(issued_on=ISSUED_ON, by=administrator)

    assert again.invoice_count == 0
    assert InvoiceLine.objects.count() == 1


def test_non_member_is_invoiced_the_non_member_price_to_their_billing_details(administrator):
    freelancer = make_person("freelancer@example.org", "participant")
    billing = BillingDetails(
        name="Ontwerpbureau Kempen",
        address="Markt 3\n2440 Geel",
        company_number="0202239951",
        email="boekhouding@example.org",
        reference="PO-77",
    )
    enrol_paying(freelancer, billing=billing)

    run_charges(issued_on=ISSUED_ON, by=administrator)

    invoice = Invoice.objects.get()
    assert invoice.organisation is None
    assert (invoice.recipient_name, invoice.recipient_company_number) == (
        "Ontwerpbureau Kempen",
        "0202239951",
    )
    assert (invoice.buyer_reference, invoice.amount) == ("PO-77", NON_MEMBER_PRICE)
    assert invoice.lines.get().price_kind == "non_member"


def test_the_pdf_lists_each_charge_with_participant_and_price(participant, administrator):
    enrol_paying(participant)
    run_charges(issued_on=ISSUED_ON, by=administrator)
    invoice = Invoice.objects.get()

    pdf = invoice_pdf(invoice)

    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Service design in één dag" in text
    assert participant.get_full_name() in text
    assert "€ 95,00" in text
    assert invoice.formatted_reference in text


def test_cancelling_before_the_deadline_cancels_the_uninvoiced_charge(participant):
    enrolment = enrol_paying(participant)

    cancel(enrolment=enrolment, by=participant)

    charge = Charge.objects.get(enrolment=enrolment)
    assert charge.cancelled_at is not None and charge.retained_amount == 0
    assert run_charges(issued_on=ISSUED_ON, by=None).invoice_count == 0


def test_cancelling_an_invoiced_charge_before_the_deadline_credits_it_in_full(
    participant, administrator
):
    enrolment = enrol_paying(participant)
    run_charges(issued_on=ISSUED_ON, by=administrator)

    cancel(enrolment=enrolment, by=participant)

    note = Invoice.objects.get(kind="credit_note")
    assert note.amount == MEMBER_PRICE
    assert participant.get_full_name() in note.reason


def _past_deadline(enrolment: Enrolment) -> None:
    edition = enrolment.edition
    edition.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
    edition.save(update_fields=["registration_deadline"])


@pytest.mark.parametrize(
    ("rule", "credited"),
    [
        (CancellationCredit.FULL, MEMBER_PRICE),
        (CancellationCredit.PARTIAL, Decimal("47.50")),
        (CancellationCredit.NONE, None),
    ],
)
def test_cancelling_an_invoiced_charge_after_the_deadline_credits_what_staff_set(
    participant, administrator, rule, credited
):
    BillingSettings.objects.update_or_create(
        pk=1, defaults={"cancellation_credit": rule, "cancellation_credit_percent": 50}
    )
    enrolment = enrol_paying(participant)
    run_charges(issued_on=ISSUED_ON, by=administrator)
    _past_deadline(enrolment)

    cancel(enrolment=enrolment, by=participant)

    note = Invoice.objects.filter(kind="credit_note").first()
    assert (note.amount if note else None) == credited


def test_cancelling_after_the_deadline_before_invoicing_bills_what_is_retained(participant):
    BillingSettings.objects.update_or_create(
        pk=1, defaults={"cancellation_credit": "partial", "cancellation_credit_percent": 40}
    )
    enrolment = enrol_paying(participant)
    _past_deadline(enrolment)

    cancel(enrolment=enrolment, by=participant)
    run_charges(issued_on=ISSUED_ON, by=None)

    line = InvoiceLine.objects.get()
    assert line.amount == Decimal("57.00")
    with translation.override(line.invoice.language):
        expected = gettext("%(course)s (cancelled after the deadline)")
    assert line.description == expected % {"course": "Service design in één dag"}
