"""The EN 16931 and Peppol BIS 3.0 business rules our e-invoices rely on, checked in Python.

No package on PyPI ships the official Schematron rules for offline use, so the rules that
matter for what we write are checked here (the UBL 2.1 schema itself is checked in the
tests). Each finding names the official rule it stands for.
"""

from decimal import Decimal, InvalidOperation

from lxml import etree

from atelier.lib.company_number import is_valid_company_number

from .ubl import CAC, CBC, CUSTOMIZATION_ID, PROFILE_ID

NS = {"cac": CAC, "cbc": CBC}
CENT = Decimal("0.01")


def _text(node: etree._Element, path: str) -> str:
    found = node.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _money(node: etree._Element, path: str) -> Decimal:
    try:
        return Decimal(_text(node, path) or "0")
    except InvalidOperation:
        return Decimal("NaN")


def _sum(node: etree._Element, path: str) -> Decimal:
    return sum((Decimal(e.text or "0") for e in node.findall(path, NS)), Decimal("0"))


def _header_rules(root: etree._Element, line_tag: str) -> list[str]:
    found = []
    if _text(root, "cbc:CustomizationID") != CUSTOMIZATION_ID:
        found.append("PEPPOL-EN16931-R004: the specification identifier is not BIS Billing 3.0")
    if _text(root, "cbc:ProfileID") != PROFILE_ID:
        found.append("PEPPOL-EN16931-R001: the business process (ProfileID) is missing")
    for path, rule in (
        ("cbc:ID", "BR-02"),
        ("cbc:IssueDate", "BR-03"),
        ("cbc:DocumentCurrencyCode", "BR-05"),
    ):
        if not _text(root, path):
            found.append(f"{rule}: {path} is missing")
    if not (_text(root, "cbc:InvoiceTypeCode") or _text(root, "cbc:CreditNoteTypeCode")):
        found.append("BR-04: the document type code is missing")
    if not (_text(root, "cbc:BuyerReference") or _text(root, "cac:OrderReference/cbc:ID")):
        found.append("PEPPOL-EN16931-R003: neither buyer reference nor order reference")
    if not root.findall(line_tag, NS):
        found.append("BR-16: the document has no lines")
    return found


def _party_rules(root: etree._Element, side: str, role: str) -> list[str]:
    party = root.find(f"cac:{side}/cac:Party", NS)
    if party is None:
        return [f"BR-06/BR-07: the {role} is missing"]
    found = []
    endpoint = party.find("cbc:EndpointID", NS)
    if endpoint is None or not (endpoint.text or "").strip():
        rule = "PEPPOL-EN16931-R020" if role == "seller" else "PEPPOL-EN16931-R010"
        found.append(f"{rule}: the {role} has no electronic address")
    elif endpoint.get("schemeID") == "0208" and not is_valid_company_number(endpoint.text or ""):
        found.append(f"PEPPOL-COMMON-R043: the {role}'s enterprise number fails its check")
    if not _text(party, "cac:PartyLegalEntity/cbc:RegistrationName"):
        found.append(f"BR-06/BR-07: the {role}'s name is missing")
    if not _text(party, "cac:PostalAddress/cac:Country/cbc:IdentificationCode"):
        found.append(f"BR-09/BR-11: the {role}'s country code is missing")
    return found


def _total_rules(root: etree._Element, line_tag: str) -> list[str]:
    found = []
    totals = root.find("cac:LegalMonetaryTotal", NS)
    if totals is None:
        return ["BR-12..BR-15: the document totals are missing"]
    lines = _sum(root, f"{line_tag}/cbc:LineExtensionAmount")
    line_total = _money(totals, "cbc:LineExtensionAmount")
    exclusive = _money(totals, "cbc:TaxExclusiveAmount")
    inclusive = _money(totals, "cbc:TaxInclusiveAmount")
    payable = _money(totals, "cbc:PayableAmount")
    allowances = _money(totals, "cbc:AllowanceTotalAmount")
    charges = _money(totals, "cbc:ChargeTotalAmount")
    prepaid = _money(totals, "cbc:PrepaidAmount")
    rounding = _money(totals, "cbc:PayableRoundingAmount")
    tax = _money(root, "cac:TaxTotal/cbc:TaxAmount")
    if line_total != lines:
        found.append("BR-CO-10: the sum of the line amounts differs from the line total")
    if exclusive != line_total - allowances + charges:
        found.append("BR-CO-13: the total without VAT is not lines − allowances + charges")
    if tax != _sum(root, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount"):
        found.append("BR-CO-14: the VAT total differs from the sum of the VAT breakdown")
    if inclusive != exclusive + tax:
        found.append("BR-CO-15: the total with VAT is not the total without VAT plus VAT")
    if payable != inclusive - prepaid + rounding:
        found.append("BR-CO-16: the amount due is not the total with VAT − prepaid + rounding")
    if payable > 0 and not (
        _text(root, "cbc:DueDate") or root.find("cac:PaymentTerms", NS) is not None
    ):
        found.append("BR-CO-25: an amount is due but neither a due date nor payment terms")
    return found


def _exempt_rules(root: etree._Element, line_tag: str) -> list[str]:
    found = []
    breakdowns = root.findall("cac:TaxTotal/cac:TaxSubtotal", NS)
    exempt = [b for b in breakdowns if _text(b, "cac:TaxCategory/cbc:ID") == "E"]
    exempt_lines = [
        line
        for line in root.findall(line_tag, NS)
        if _text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID") == "E"
    ]
    if exempt_lines and len(exempt) != 1:
        found.append("BR-E-01: exempt lines need exactly one exempt VAT breakdown")
    for line in exempt_lines:
        if Decimal(_text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent") or "-1") != 0:
            found.append("BR-E-05: an exempt line has a VAT rate other than 0")
        quantity = Decimal(
            _text(line, "cbc:InvoicedQuantity") or _text(line, "cbc:CreditedQuantity")
        )
        if _money(line, "cbc:LineExtensionAmount") != quantity * _money(
            line, "cac:Price/cbc:PriceAmount"
        ):
            found.append("PEPPOL-EN16931-R120: a line amount is not quantity × price")
    for breakdown in exempt:
        taxable = sum(
            (_money(line, "cbc:LineExtensionAmount") for line in exempt_lines), Decimal(0)
        )
        if _money(breakdown, "cbc:TaxableAmount") != taxable:
            found.append("BR-E-08: the exempt taxable amount is not the sum of the exempt lines")
        if _money(breakdown, "cbc:TaxAmount") != 0:
            found.append("BR-E-09: the VAT amount of an exempt breakdown is not 0")
        category = breakdown.find("cac:TaxCategory", NS)
        if not (
            _text(category, "cbc:TaxExemptionReason")
            or _text(category, "cbc:TaxExemptionReasonCode")
        ):
            found.append("BR-E-10: the exempt breakdown gives no exemption reason")
    seller = "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"
    if exempt and not _text(root, seller):
        found.append("BR-E-02: an exempt document needs the seller's VAT identifier")
    return found


def _payment_rules(root: etree._Element) -> list[str]:
    found = []
    for means in root.findall("cac:PaymentMeans", NS):
        if _text(means, "cbc:PaymentMeansCode") in {"30", "58"} and not _text(
            means, "cac:PayeeFinancialAccount/cbc:ID"
        ):
            found.append("BR-61: a credit transfer needs the payee's account")
    for binary in root.findall(
        "cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject", NS
    ):
        if not binary.get("mimeCode") or not binary.get("filename"):
            found.append("PEPPOL-EN16931-R008/BR-CL-24: an attachment lacks its type or name")
    for element in root.iter():
        if isinstance(element.tag, str) and len(element) == 0 and not (element.text or "").strip():
            found.append(f"PEPPOL-EN16931-R008: empty element {etree.QName(element).localname}")
    return found


def business_rule_findings(xml: bytes) -> list[str]:
    """Every rule the document breaks; an empty list for a sound document."""
    root = etree.fromstring(xml)  # noqa: S320 - our own output, never a stranger's file
    credit = etree.QName(root).localname == "CreditNote"
    line_tag = "cac:CreditNoteLine" if credit else "cac:InvoiceLine"
    return [
        *_header_rules(root, line_tag),
        *_party_rules(root, "AccountingSupplierParty", "seller"),
        *_party_rules(root, "AccountingCustomerParty", "buyer"),
        *_total_rules(root, line_tag),
        *_exempt_rules(root, line_tag),
        *_payment_rules(root),
    ]
