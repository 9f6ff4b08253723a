"""Peppol BIS Billing 3.0 UBL of invoices and credit notes: schema, business rules, content."""

import base64
import datetime
from decimal import Decimal

import pytest
from lxml import etree

from atelier.fees import services
from atelier.fees.charges import run_charges
from atelier.fees.models import Invoice
from atelier.fees.ubl import CAC, CBC, UblError, invoice_ubl
from atelier.fees.ubl_rules import business_rule_findings

from .charge_factories import MEMBER_PRICE, enrol_paying, paying_edition
from .conftest import ISSUED_ON, valid_company_number
from .ubl_schema import schema_errors

pytestmark = pytest.mark.django_db
NS = {"cac": CAC, "cbc": CBC}
PDF = b"%PDF-1.7 test"
GEEL_COMPANY_NUMBER = valid_company_number("02099901")


@pytest.fixture
def charges_invoice(participant, coordinator, administrator) -> Invoice:
    """Geel's invoice for two participants of a 95 € one-day training."""
    geel = participant.organisation
    geel.company_number = GEEL_COMPANY_NUMBER
    geel.postal_code = "2440"
    geel.save()
    edition = paying_edition()
    enrol_paying(participant, edition)
    enrol_paying(coordinator, edition)
    run_charges(issued_on=ISSUED_ON, by=administrator)
    return Invoice.objects.get()


def read(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def text(root, path: str) -> str:
    return root.find(path, NS).text


def test_charges_invoice_validates_against_ubl_schema_and_business_rules(charges_invoice):
    xml = invoice_ubl(charges_invoice, pdf=PDF)

    assert schema_errors(xml) == []
    assert business_rule_findings(xml) == []


def test_invoice_reads_back_with_its_totals_reference_parties_and_pdf(charges_invoice):
    root = read(invoice_ubl(charges_invoice, pdf=PDF))

    assert text(root, "cbc:ID") == charges_invoice.display_number
    assert text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == "190.00"
    assert text(root, "cac:TaxTotal/cbc:TaxAmount") == "0.00"
    assert text(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID") == "E"
    assert text(root, "cac:PaymentMeans/cbc:PaymentID") == charges_invoice.formatted_reference
    buyer = root.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert (buyer.get("schemeID"), buyer.text) == ("0208", GEEL_COMPANY_NUMBER)
    lines = root.findall("cac:InvoiceLine", NS)
    assert [text(line, "cbc:LineExtensionAmount") for line in lines] == ["95.00", "95.00"]
    attachment = root.find(".//cbc:EmbeddedDocumentBinaryObject", NS)
    assert base64.b64decode(attachment.text) == PDF
    assert attachment.get("filename") == f"{charges_invoice.display_number}.pdf"


def test_credit_note_validates_and_refers_to_the_credited_invoice(charges_invoice, administrator):
    note, _ = services.credit_invoice(
        invoice=charges_invoice,
        amount=MEMBER_PRICE,
        reason="Cancelled in time",
        issued_on=datetime.date(2026, 2, 1),
        by=administrator,
    )
    xml = invoice_ubl(note, pdf=PDF)
    root = read(xml)

    assert schema_errors(xml) == []
    assert business_rule_findings(xml) == []
    assert etree.QName(root).localname == "CreditNote"
    assert text(root, "cbc:CreditNoteTypeCode") == "381"
    assert text(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == (
        charges_invoice.display_number
    )
    assert text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == "95.00"


def test_membership_fee_invoice_validates(geel_invoice):
    geel_invoice.organisation.company_number = GEEL_COMPANY_NUMBER
    geel_invoice.organisation.save()

    xml = invoice_ubl(geel_invoice, pdf=PDF)

    assert schema_errors(xml) == []
    assert business_rule_findings(xml) == []
    assert text(read(xml), "cac:LegalMonetaryTotal/cbc:PayableAmount") == "20630.66"


def test_a_member_without_company_number_gets_no_e_invoice(geel_invoice):
    with pytest.raises(UblError, match="Peppol"):
        invoice_ubl(geel_invoice, pdf=PDF)


# The checks must be able to fail: each broken document is caught by the rule it breaks.


def _broken(xml: bytes, path: str, value: str) -> bytes:
    root = read(xml)
    root.find(path, NS).text = value
    return etree.tostring(root)


@pytest.mark.parametrize(
    ("path", "value", "rule"),
    [
        ("cac:LegalMonetaryTotal/cbc:LineExtensionAmount", "180.00", "BR-CO-10"),
        ("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "200.00", "BR-CO-15"),
        ("cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", "5.00", "BR-E-09"),
        (
            "cac:AccountingCustomerParty/cac:Party/cbc:EndpointID",
            "0209990120",
            "PEPPOL-COMMON-R043",
        ),
        ("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", "", "PEPPOL-EN16931-R010"),
        ("cbc:CustomizationID", "urn:something:else", "PEPPOL-EN16931-R004"),
        ("cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason", "", "BR-E-10"),
    ],
)
def test_business_rules_catch_a_broken_document(charges_invoice, path, value, rule):
    broken = _broken(invoice_ubl(charges_invoice, pdf=PDF), path, value)

    assert any(finding.startswith(rule) for finding in business_rule_findings(broken))


def test_schema_catches_elements_out_of_order(charges_invoice):
    root = read(invoice_ubl(charges_invoice, pdf=PDF))
    root.append(root.find("cbc:ID", NS))

    assert schema_errors(etree.tostring(root)) != []


def test_amounts_are_never_floats(charges_invoice):
    root = read(invoice_ubl(charges_invoice, pdf=PDF))
    amounts = [e.text for e in root.iter() if e.get("currencyID")]
    assert all(Decimal(amount).as_tuple().exponent == -2 for amount in amounts)


def test_coordinator_downloads_the_ubl_and_an_outsider_gets_404(
    charges_invoice, coordinator, outsider
):
    from django.test import Client
    from django.urls import reverse

    url = reverse("fees:invoice_ubl", args=[charges_invoice.pk])
    client = Client()
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(url)
    assert response.status_code == 200
    assert business_rule_findings(response.content) == []
    client.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 404


def test_api_serves_the_ubl_and_lists_the_charges(charges_invoice, coordinator, outsider):
    from django.test import Client

    client = Client()
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    xml = client.get(f"/api/v1/invoices/{charges_invoice.pk}/ubl")
    assert xml.status_code == 200 and schema_errors(xml.content) == []
    charges = client.get("/api/v1/charges").json()
    assert charges["count"] == 2
    assert {item["invoice_number"] for item in charges["items"]} == {charges_invoice.display_number}
    client.force_login(outsider, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"/api/v1/invoices/{charges_invoice.pk}/ubl").status_code == 404
    assert client.get("/api/v1/charges").json()["count"] == 0


def test_charges_api_filters_by_state_and_refuses_unknown_states_and_huge_offsets(
    charges_invoice, coordinator
):
    from django.test import Client

    client = Client()
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/api/v1/charges?state=invoiced").json()["count"] == 2
    assert client.get("/api/v1/charges?state=to_invoice").json()["count"] == 0
    refused = client.get("/api/v1/charges?state=bogus")
    assert refused.status_code == 422 and refused.json()["problems"]
    assert client.get("/api/v1/charges?offset=99999999999999999999").status_code == 422
