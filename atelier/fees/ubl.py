"""Invoices and credit notes as Peppol BIS Billing 3.0 UBL, for members who take e-invoices.

Both parties are identified by their Belgian enterprise number (Peppol scheme 0208), the
structured communication is the payment reference, and the PDF travels inside the XML.
Membership fees and the association's trainings are exempt from VAT: one breakdown in
category E (rate 0) with the exemption reason that the PDF prints too.
"""

import base64
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override
from lxml import etree

from atelier.lib.company_number import normalise_company_number

from .invoice_pdf import pdf_file_name, stored_invoice_pdf
from .models import Invoice

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
BELGIAN_ENTERPRISE_SCHEME = "0208"
CREDIT_TRANSFER = "30"
CURRENCY = "EUR"
EXEMPT = "E"
UNIT = "C62"  # "one": each line is one participant or one fee

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"


class UblError(Exception):
    """The document cannot be written as a Peppol e-invoice; the message says why."""


@dataclass(frozen=True)
class UblLine:
    name: str
    description: str
    amount: Decimal


def _el(parent: etree._Element, tag: str, text: object = None, /, **attrs: str) -> etree._Element:
    prefix, local = tag.split(":")
    element = etree.SubElement(parent, f"{{{CBC if prefix == 'cbc' else CAC}}}{local}", attrs)
    if text is not None:
        element.text = str(text)
    return element


def _amount(parent: etree._Element, name: str, value: Decimal) -> None:
    _el(parent, name, f"{value:.2f}", currencyID=CURRENCY)


def _address(text: str, postal_code: str = "") -> dict[str, str]:
    """Street, postal code and city from 'Street 1, 1000 City' or a few lines."""
    parts = [part.strip() for part in re.split(r"[\n,]", text or "") if part.strip()]
    found = {"street": "", "postal_code": postal_code, "city": ""}
    for part in parts:
        match = re.fullmatch(r"(?:B-|BE-)?(\d{4})\s+(.+)", part)
        if match and not found["city"]:
            found["postal_code"], found["city"] = match.groups()
        elif not found["street"]:
            found["street"] = part
    return found


def _postal_address(party: etree._Element, address: dict[str, str]) -> None:
    postal = _el(party, "cac:PostalAddress")
    for key, name in (
        ("street", "StreetName"),
        ("city", "CityName"),
        ("postal_code", "PostalZone"),
    ):
        if address.get(key):
            _el(postal, f"cbc:{name}", address[key])
    _el(_el(postal, "cac:Country"), "cbc:IdentificationCode", "BE")


def _vat_scheme(parent: etree._Element) -> None:
    _el(_el(parent, "cac:TaxScheme"), "cbc:ID", "VAT")


def association_vat_number() -> str:
    digits = normalise_company_number(settings.ASSOCIATION_COMPANY_NUMBER)
    return getattr(settings, "ASSOCIATION_VAT_NUMBER", "") or f"BE{digits}"


def _supplier(root: etree._Element) -> None:
    number = normalise_company_number(settings.ASSOCIATION_COMPANY_NUMBER)
    party = _el(_el(root, "cac:AccountingSupplierParty"), "cac:Party")
    _el(party, "cbc:EndpointID", number, schemeID=BELGIAN_ENTERPRISE_SCHEME)
    _el(_el(party, "cac:PartyIdentification"), "cbc:ID", number, schemeID="0208")
    _el(_el(party, "cac:PartyName"), "cbc:Name", settings.ASSOCIATION_NAME)
    _postal_address(party, _address(settings.ASSOCIATION_ADDRESS))
    tax = _el(party, "cac:PartyTaxScheme")
    _el(tax, "cbc:CompanyID", association_vat_number())
    _vat_scheme(tax)
    legal = _el(party, "cac:PartyLegalEntity")
    _el(legal, "cbc:RegistrationName", settings.ASSOCIATION_NAME)
    _el(legal, "cbc:CompanyID", number, schemeID=BELGIAN_ENTERPRISE_SCHEME)


def buyer_company_number(invoice: Invoice) -> str:
    number = invoice.recipient_company_number
    if not number and invoice.organisation is not None:
        number = invoice.organisation.company_number
    return normalise_company_number(number)


def _customer(root: etree._Element, invoice: Invoice) -> None:
    number = buyer_company_number(invoice)
    if not number:
        raise UblError(
            _("%(name)s has no company number: add it to send this document over Peppol.")
            % {"name": invoice.recipient_name}
        )
    party = _el(_el(root, "cac:AccountingCustomerParty"), "cac:Party")
    _el(party, "cbc:EndpointID", number, schemeID=BELGIAN_ENTERPRISE_SCHEME)
    _el(_el(party, "cac:PartyIdentification"), "cbc:ID", number, schemeID="0208")
    _el(_el(party, "cac:PartyName"), "cbc:Name", invoice.recipient_name)
    postal_code = invoice.organisation.postal_code if invoice.organisation else ""
    _postal_address(party, _address(invoice.recipient_address, postal_code))
    legal = _el(party, "cac:PartyLegalEntity")
    _el(legal, "cbc:RegistrationName", invoice.recipient_name)
    _el(legal, "cbc:CompanyID", number, schemeID=BELGIAN_ENTERPRISE_SCHEME)


def ubl_lines(invoice: Invoice) -> list[UblLine]:
    """A line per charge; a fee or a credit note is one line with its description."""
    lines = [
        UblLine(
            name=line.description,
            description=" · ".join(
                part
                for part in (
                    line.participant,
                    line.service_date.isoformat() if line.service_date else "",
                    str(line.get_price_kind_display()) if line.price_kind else "",
                )
                if part
            ),
            amount=line.amount,
        )
        for line in invoice.lines.all()
    ]
    if lines and not invoice.is_credit_note:
        return lines
    return [
        UblLine(name=invoice.description, description=invoice.reason[:500], amount=invoice.amount)
    ]


def _payment(root: etree._Element, invoice: Invoice) -> None:
    means = _el(root, "cac:PaymentMeans")
    _el(means, "cbc:PaymentMeansCode", CREDIT_TRANSFER, name="Credit transfer")
    _el(means, "cbc:PaymentID", invoice.formatted_reference)
    account = _el(means, "cac:PayeeFinancialAccount")
    _el(account, "cbc:ID", settings.ASSOCIATION_IBAN.replace(" ", ""))
    _el(account, "cbc:Name", settings.ASSOCIATION_NAME)
    _el(_el(account, "cac:FinancialInstitutionBranch"), "cbc:ID", settings.ASSOCIATION_BIC)
    terms = _el(root, "cac:PaymentTerms")
    if invoice.is_credit_note:
        note = _("This credit note is settled against the invoice it credits.")
    else:
        note = _("Payable by %(date)s with the structured communication %(reference)s.") % {
            "date": invoice.due_on.isoformat(),
            "reference": invoice.formatted_reference,
        }
    _el(terms, "cbc:Note", note)


def _tax_category(parent: etree._Element, name: str, reason: str | None) -> None:
    category = _el(parent, name)
    _el(category, "cbc:ID", EXEMPT)
    _el(category, "cbc:Percent", "0")
    if reason is not None:
        _el(category, "cbc:TaxExemptionReason", reason)
    _vat_scheme(category)


def _totals(root: etree._Element, total: Decimal, reason: str) -> None:
    tax_total = _el(root, "cac:TaxTotal")
    _amount(tax_total, "cbc:TaxAmount", Decimal("0"))
    subtotal = _el(tax_total, "cac:TaxSubtotal")
    _amount(subtotal, "cbc:TaxableAmount", total)
    _amount(subtotal, "cbc:TaxAmount", Decimal("0"))
    _tax_category(subtotal, "cac:TaxCategory", reason)
    monetary = _el(root, "cac:LegalMonetaryTotal")
    for name in ("LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount"):
        _amount(monetary, f"cbc:{name}", total)
    _amount(monetary, "cbc:PayableAmount", total)


def _line(root: etree._Element, number: int, line: UblLine, credit: bool) -> None:
    element = _el(root, "cac:CreditNoteLine" if credit else "cac:InvoiceLine")
    _el(element, "cbc:ID", number)
    _el(element, "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity", "1", unitCode=UNIT)
    _amount(element, "cbc:LineExtensionAmount", line.amount)
    item = _el(element, "cac:Item")
    if line.description:
        _el(item, "cbc:Description", line.description)
    _el(item, "cbc:Name", line.name[:200])
    _tax_category(item, "cac:ClassifiedTaxCategory", None)
    _amount(_el(element, "cac:Price"), "cbc:PriceAmount", line.amount)


def _header(root: etree._Element, invoice: Invoice) -> None:
    _el(root, "cbc:CustomizationID", CUSTOMIZATION_ID)
    _el(root, "cbc:ProfileID", PROFILE_ID)
    _el(root, "cbc:ID", invoice.display_number)
    _el(root, "cbc:IssueDate", invoice.issued_on.isoformat())
    if invoice.is_credit_note:
        _el(root, "cbc:CreditNoteTypeCode", "381")
    else:
        _el(root, "cbc:DueDate", invoice.due_on.isoformat())
        _el(root, "cbc:InvoiceTypeCode", "380")
    if invoice.reason:
        _el(root, "cbc:Note", invoice.reason[:1000])
    _el(root, "cbc:DocumentCurrencyCode", CURRENCY)
    _el(root, "cbc:BuyerReference", invoice.buyer_reference or invoice.display_number)
    credited = invoice.credited_invoice
    if credited is not None:
        reference = _el(_el(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        _el(reference, "cbc:ID", credited.display_number)
        _el(reference, "cbc:IssueDate", credited.issued_on.isoformat())


def _embedded_pdf(root: etree._Element, invoice: Invoice, pdf: bytes) -> None:
    reference = _el(root, "cac:AdditionalDocumentReference")
    _el(reference, "cbc:ID", invoice.display_number)
    attachment = _el(reference, "cac:Attachment")
    _el(
        attachment,
        "cbc:EmbeddedDocumentBinaryObject",
        base64.b64encode(pdf).decode("ascii"),
        mimeCode="application/pdf",
        filename=pdf_file_name(invoice),
    )


def invoice_ubl(invoice: Invoice, pdf: bytes | None = None) -> bytes:
    """The document as Peppol BIS Billing 3.0 UBL 2.1 XML, its PDF embedded."""
    credit = invoice.is_credit_note
    namespace = CREDIT_NOTE_NS if credit else INVOICE_NS
    root = etree.Element(
        f"{{{namespace}}}{'CreditNote' if credit else 'Invoice'}",
        nsmap={None: namespace, "cac": CAC, "cbc": CBC},
    )
    with override(invoice.language):
        reason = _(settings.ASSOCIATION_VAT_NOTE)
        _header(root, invoice)
        _embedded_pdf(root, invoice, pdf if pdf is not None else stored_invoice_pdf(invoice))
        _supplier(root)
        _customer(root, invoice)
        _payment(root, invoice)
        lines = ubl_lines(invoice)
        _totals(root, sum((line.amount for line in lines), Decimal("0")), reason)
        for number, line in enumerate(lines, start=1):
            _line(root, number, line, credit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")  # type: ignore[no-any-return]


def ubl_file_name(invoice: Invoice) -> str:
    return f"{invoice.display_number}.xml"
