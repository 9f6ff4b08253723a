"""The fee pages, for the association's administrators: tariffs, runs, invoices, payments."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from atelier.fees import services
from atelier.fees.models import (
    BankImport,
    BankLine,
    DocumentKind,
    FeeLine,
    FeeRun,
    Invoice,
    InvoiceSequence,
    MatchOutcome,
    Payment,
    Tariff,
    TariffBracket,
)
from atelier.fees.payment_matching import import_bank_statement
from atelier.lib.money import format_euro
from atelier.lib.structured_reference import (
    format_structured_reference,
    is_valid_structured_reference,
    make_structured_reference,
)
from atelier.members.models import OrganisationType
from conftest import make_municipality

from .conftest import (
    COMPANY_FEE,
    GEEL_FEE,
    LENNIK_FEE,
    OCMW_GEEL_FEE,
    OCMW_LENNIK_FEE,
    OTHER_FEE,
    RUN_TOTAL,
    invoice_of,
    make_adopted_tariff,
    make_company,
    make_issued_run,
)

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
LOGIN_URL = reverse("account_login")
CREDIT_DAY = "2026-03-01"


def signed_in(user) -> Client:
    client = Client(**ENGLISH)
    client.force_login(user)
    return client


@pytest.fixture
def admin(administrator) -> Client:
    """A browser session of the association's administrator, in English."""
    return signed_in(administrator)


def html(response) -> str:
    return response.content.decode()


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def bank_csv(*rows: tuple[str, str, str, str]) -> bytes:
    lines = ["datum;bedrag;tegenpartij;mededeling", *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode()


def payment_row(invoice: Invoice, day: str = "27/01/2026") -> tuple[str, str, str, str]:
    """A transfer of the invoice's full amount, written as a Belgian bank writes it."""
    amount = format_euro(invoice.amount).removeprefix("€ ")
    return (day, amount, invoice.recipient_name, invoice.formatted_reference)


def upload(client: Client, content: bytes, name: str = "uittreksel-001.csv"):
    statement = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(reverse("fees:bank_import"), {"file": statement}, follow=True)


# Who may open the fee pages ---------------------------------------------------------------


@pytest.fixture
def fee_objects(issued_run, administrator, fee_registry):
    """One of everything a fee page can show: a tariff, its rule, a run, an invoice, an import."""
    invoice = invoice_of(fee_registry.geel)
    bank_import = import_bank_statement(
        content=bank_csv(payment_row(invoice)), file_name="uittreksel.csv", by=administrator
    )
    tariff = issued_run.tariff
    return {
        "tariff": [tariff.pk],
        "rule": [tariff.pk, tariff.rules.get(organisation_type="municipality").pk],
        "run": [issued_run.pk],
        "invoice": [invoice.pk],
        "bank_import": [bank_import.pk],
        "csv": ["csv"],
        "xlsx": ["xlsx"],
        None: [],
    }


GET_PAGES = [
    ("fees:index", None),
    ("fees:tariff_create", None),
    ("fees:tariff_detail", "tariff"),
    ("fees:tariff_edit", "tariff"),
    ("fees:rule_edit", "rule"),
    ("fees:tariff_preview", "tariff"),
    ("fees:run_detail", "run"),
    ("fees:invoice_list", None),
    ("fees:invoice_export", "csv"),
    ("fees:invoice_export", "xlsx"),
    ("fees:invoice_detail", "invoice"),
    ("fees:bank_imports", None),
    ("fees:bank_import", None),
    ("fees:bank_import_detail", "bank_import"),
]
POST_ONLY_PAGES = [
    ("fees:tariff_adopt", "tariff"),
    ("fees:tariff_copy", "tariff"),
    ("fees:tariff_delete", "tariff"),
    ("fees:run_create", "tariff"),
    ("fees:run_issue", "run"),
    ("fees:run_delete", "run"),
    ("fees:invoice_credit", "invoice"),
]
NOT_ADMINISTRATORS = ("trainer", "coordinator", "participant", "outsider", "expert")
REFUSED = {"anonymous": LOGIN_URL} | dict.fromkeys(NOT_ADMINISTRATORS, 403)


def answers_by_role(request, url: str, method: str, roles) -> dict[str, object]:
    """Each role's status code, or the path it is redirected to."""
    got: dict[str, object] = {}
    for role in roles:
        client = Client(**ENGLISH)
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        response = getattr(client, method)(url)
        got[role] = response.status_code
        if response.status_code == 302:
            got[role] = response["Location"].split("?")[0]
    return got


def fee_data_counts() -> tuple[int, ...]:
    models = (Tariff, TariffBracket, FeeRun, FeeLine, Invoice, BankImport, Payment)
    return tuple(model.objects.count() for model in models)


@pytest.mark.parametrize(("name", "target"), GET_PAGES)
def test_fee_page_is_for_administrators_only(request, fee_objects, name, target):
    url = reverse(name, args=fee_objects[target])

    got = answers_by_role(request, url, "get", [*REFUSED, "administrator"])

    assert got == REFUSED | {"administrator": 200}


@pytest.mark.parametrize(("name", "target"), POST_ONLY_PAGES)
def test_fee_action_is_refused_to_all_but_administrators_and_changes_nothing(
    request, fee_objects, name, target
):
    url = reverse(name, args=fee_objects[target])
    before = fee_data_counts()

    posted = answers_by_role(request, url, "post", REFUSED)
    fetched = answers_by_role(request, url, "get", [*REFUSED, "administrator"])

    assert posted == REFUSED
    assert fee_data_counts() == before
    assert fetched == REFUSED | {"administrator": 405}


def test_invoice_pdf_is_for_administrators_and_the_members_own_coordinator(
    request, fee_objects, fee_registry
):
    geel_pdf = reverse("fees:invoice_pdf", args=[invoice_of(fee_registry.geel).pk])
    lennik_pdf = reverse("fees:invoice_pdf", args=[invoice_of(fee_registry.lennik).pk])
    roles = ["anonymous", *NOT_ADMINISTRATORS, "administrator"]

    geel = answers_by_role(request, geel_pdf, "get", roles)
    lennik = answers_by_role(request, lennik_pdf, "get", roles)

    not_theirs = dict.fromkeys(["trainer", "participant", "outsider", "expert"], 404)
    assert geel == {"anonymous": LOGIN_URL, "coordinator": 200, "administrator": 200} | not_theirs
    assert lennik == {"anonymous": LOGIN_URL, "coordinator": 404, "administrator": 200} | (
        not_theirs
    )


def test_coordinator_lists_only_their_own_organisations_invoices(coordinator, geel_invoice):
    response = signed_in(coordinator).get(reverse("fees:member_invoices"))

    assert [invoice.display_number for invoice in response.context["page"]] == ["F2026-00001"]
    assert geel_invoice.formatted_reference in html(response)
    assert reverse("fees:invoice_pdf", args=[geel_invoice.pk]) in html(response)
    assert "Lennik" not in html(response)


@pytest.mark.parametrize("role", ["participant", "trainer", "administrator", "outsider"])
def test_member_invoices_page_lists_nothing_to_other_people(request, role, geel_invoice):
    response = signed_in(request.getfixturevalue(role)).get(reverse("fees:member_invoices"))

    assert response.status_code == 200
    assert list(response.context["page"]) == []


def test_member_invoices_page_sends_anonymous_visitors_to_sign_in(client, geel_invoice):
    response = client.get(reverse("fees:member_invoices"))

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


# From a new tariff to issued invoices -----------------------------------------------------


def rule_form_data(page, *, basis, rate="0", flat="0", minimum="", brackets=()) -> dict:
    """The rule form of a page as a person fills it in: the bracket rows from the top, rows
    that held a bracket no longer wanted ticked "remove", the other rows left empty."""
    form, formset = page.context["form"], page.context["formset"]
    data = {
        "revision": form["revision"].value(),
        "basis": basis,
        "rate": rate,
        "flat_amount": flat,
        "minimum": minimum,
        "maximum": "",
        **{f"brackets-{name}": value for name, value in formset.management_form.initial.items()},
    }
    for index, row in enumerate(formset.forms):
        low, rate_from = brackets[index] if index < len(brackets) else ("", "")
        if index >= len(brackets) and index < formset.initial_form_count():
            low, rate_from = row.initial["from_population"], row.initial["rate"]
            data[f"brackets-{index}-DELETE"] = "on"
        data[f"brackets-{index}-from_population"] = low
        data[f"brackets-{index}-rate"] = rate_from
    return data


def edit_rule(client: Client, tariff: Tariff, member_type: str, **terms):
    rule = tariff.rules.get(organisation_type=member_type)
    url = reverse("fees:rule_edit", args=[tariff.pk, rule.pk])
    return client.post(url, rule_form_data(client.get(url), **terms))


def test_administrator_goes_from_a_new_tariff_to_issued_invoices(admin, fee_registry, antwerp):
    make_municipality("11002", "Antwerpen", antwerp)  # no inhabitants counted on 1 January 2020

    response = admin.post(
        reverse("fees:tariff_create"),
        {"year": "2026", "reference_date": "2020-01-01", "indexation_percent": "2", "notes": ""},
    )
    tariff = Tariff.objects.get()
    assert response.url == reverse("fees:tariff_detail", args=[tariff.pk])
    assert tariff.is_draft

    response = edit_rule(
        admin,
        tariff,
        OrganisationType.MUNICIPALITY,
        basis="per_capita",
        rate="0.52",
        brackets=[("100000", "0.39"), ("25000", "0.46")],
    )
    assert response.url == reverse("fees:tariff_detail", args=[tariff.pk])
    edit_rule(admin, tariff, OrganisationType.OCMW, basis="per_capita", rate="4.5", minimum="250")
    edit_rule(admin, tariff, OrganisationType.INTERMUNICIPAL, basis="flat", flat="2500")
    municipality_rule = tariff.rules.get(organisation_type="municipality")
    assert list(municipality_rule.brackets.values_list("from_population", "rate")) == [
        (25_000, Decimal("0.4600")),
        (100_000, Decimal("0.3900")),
    ]

    preview = admin.get(reverse("fees:tariff_preview", args=[tariff.pk]))
    assert preview.context["preview"].total == RUN_TOTAL
    assert f'<dd id="preview-total">{format_euro(RUN_TOTAL)}</dd>' in html(preview)
    assert [line.organisation.name for line in preview.context["preview"].problems] == ["Antwerpen"]

    adopted = admin.post(reverse("fees:tariff_adopt", args=[tariff.pk]), follow=True)
    assert "The tariff is adopted" in html(adopted)
    assert Tariff.objects.get().status == Tariff.Status.ADOPTED

    response = admin.post(reverse("fees:run_create", args=[tariff.pk]))
    run = FeeRun.objects.get()
    assert response.url == reverse("fees:run_detail", args=[run.pk])
    assert run.total == RUN_TOTAL
    run_page = admin.get(response.url)
    assert run_page.context["problem_count"] == 1
    assert "1 member has no fee in this run." in html(run_page)

    issue_url = reverse("fees:run_issue", args=[run.pk])
    today = timezone.localdate().isoformat()
    refused = admin.post(issue_url, {"issued_on": today}, follow=True)
    assert "Confirm that they are left out of this run." in html(refused)
    assert not Invoice.objects.exists()

    issued = admin.post(issue_url, {"issued_on": today, "leave_out_problems": "on"}, follow=True)
    assert "5 invoices were issued." in html(issued)
    assert FeeRun.objects.get().status == FeeRun.Status.ISSUED

    listing = admin.get(reverse("fees:invoice_list"), {"year": "2026"})
    listed = {invoice.recipient_name: invoice for invoice in listing.context["page"]}
    assert {name: invoice.amount for name, invoice in listed.items()} == {
        "Geel": GEEL_FEE,
        "Kempens Afval": COMPANY_FEE,
        "Lennik": LENNIK_FEE,
        "OCMW Geel": OCMW_GEEL_FEE,
        "OCMW Lennik": OCMW_LENNIK_FEE,
    }
    assert sorted(invoice.number for invoice in listed.values()) == [1, 2, 3, 4, 5]
    assert {invoice.status for invoice in listed.values()} == {"open"}
    assert "5 documents" in html(listing)
    for invoice in listed.values():
        assert invoice.formatted_reference in html(listing)
    assert not FeeLine.objects.get(organisation__name_nl="Antwerpen").amount


def test_second_of_two_open_rule_forms_is_refused_and_the_first_edit_kept(admin, draft_tariff):
    rule = draft_tariff.rules.get(organisation_type="municipality")
    url = reverse("fees:rule_edit", args=[draft_tariff.pk, rule.pk])
    first, second = admin.get(url), admin.get(url)
    assert first.context["form"]["revision"].value() == second.context["form"]["revision"].value()

    saved = admin.post(
        url, rule_form_data(first, basis="per_capita", rate="0.60", brackets=[("30000", "0.50")])
    )
    assert saved.status_code == 302
    refused = admin.post(url, rule_form_data(second, basis="per_capita", rate="0.70"))

    assert refused.status_code == 200
    assert "Someone else changed this tariff meanwhile." in html(refused)
    rule.refresh_from_db()
    assert rule.rate == Decimal("0.6000")
    assert list(rule.brackets.values_list("from_population", "rate")) == [
        (30_000, Decimal("0.5000"))
    ]


def test_adopted_tariff_rule_cannot_be_changed(admin, adopted_tariff):
    rule = adopted_tariff.rules.get(organisation_type="municipality")
    url = reverse("fees:rule_edit", args=[adopted_tariff.pk, rule.pk])

    response = admin.post(url, rule_form_data(admin.get(url), basis="flat", flat="1"))

    assert "An adopted tariff cannot be changed" in html(response)
    rule.refresh_from_db()
    assert rule.basis == "per_capita"
    assert TariffBracket.objects.filter(rule=rule).count() == 2


# Invoice PDFs ------------------------------------------------------------------------------


def test_invoice_pdf_carries_the_member_amount_and_a_valid_structured_communication(
    admin, geel_invoice
):
    response = admin.get(reverse("fees:invoice_pdf", args=[geel_invoice.pk]))

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="F2026-00001.pdf"' in response["Content-Disposition"]
    text = pdf_text(response.content)
    assert geel_invoice.formatted_reference in text
    assert "Geel" in text
    assert "€ 20.630,66" in text
    assert "F2026-00001" in text
    assert is_valid_structured_reference(geel_invoice.structured_reference)
    assert geel_invoice.formatted_reference == format_structured_reference(
        geel_invoice.structured_reference
    )


def test_invoice_pdf_is_archived_and_served_again_unchanged(admin, geel_invoice):
    url = reverse("fees:invoice_pdf", args=[geel_invoice.pk])
    first = admin.get(url).content

    geel_invoice.refresh_from_db()
    assert geel_invoice.pdf.name.endswith("F2026-00001.pdf")
    assert admin.get(url).content == first


def test_credit_note_pdf_names_the_invoice_it_credits(admin, geel_invoice):
    admin.post(
        reverse("fees:invoice_credit", args=[geel_invoice.pk]),
        {"amount": "630.66", "reason": "Wrong figure", "issued_on": CREDIT_DAY},
    )
    note = Invoice.objects.get(kind=DocumentKind.CREDIT_NOTE)

    text = pdf_text(admin.get(reverse("fees:invoice_pdf", args=[note.pk])).content)

    assert "CN2026-00001" in text
    assert "F2026-00001" in text
    assert "-€ 630,66" in text
    assert "Wrong figure" in text
    assert "Geel" in text
    assert note.formatted_reference not in text  # nothing to pay on a credit note
    assert is_valid_structured_reference(note.structured_reference)


@pytest.fixture
def scripted_member_invoice(fee_registry, administrator) -> Invoice:
    member = make_company(
        '<script>alert("fee")</script> & Co', "04000017", organisation_type=OrganisationType.OTHER
    )
    make_issued_run(tariff=make_adopted_tariff(by=administrator), by=administrator)
    return invoice_of(member)


def test_member_name_with_markup_is_escaped_on_the_page_and_literal_in_the_pdf(
    admin, scripted_member_invoice
):
    page = html(admin.get(reverse("fees:invoice_detail", args=[scripted_member_invoice.pk])))
    pdf = admin.get(reverse("fees:invoice_pdf", args=[scripted_member_invoice.pk])).content

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;fee&quot;)&lt;/script&gt; &amp; Co" in page
    assert '<script>alert("fee")</script> & Co' in pdf_text(pdf)
    assert scripted_member_invoice.amount == OTHER_FEE


# Exports -----------------------------------------------------------------------------------


@pytest.fixture
def formula_member_invoice(fee_registry, administrator) -> Invoice:
    """An invoice to a member whose name a spreadsheet would run as a formula."""
    member = make_company("=1+2 Afvalbeheer", "04000025", organisation_type=OrganisationType.OTHER)
    make_issued_run(tariff=make_adopted_tariff(by=administrator), by=administrator)
    return invoice_of(member)


def credit(client: Client, invoice: Invoice, amount: str, corrected: str = ""):
    return client.post(
        reverse("fees:invoice_credit", args=[invoice.pk]),
        {
            "amount": amount,
            "reason": "Merged",
            "issued_on": CREDIT_DAY,
            "corrected_amount": corrected,
        },
        follow=True,
    )


def test_csv_export_is_excel_ready_and_defuses_formulas(admin, formula_member_invoice):
    credit(admin, formula_member_invoice, "100.00")

    response = admin.get(reverse("fees:invoice_export", args=["csv"]))

    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="invoices.csv"' in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    assert header[:5] == ["Number", "Kind", "Date", "Due", "Member"]
    assert len(body) == 7  # six invoices and one credit note
    invoice_row = body[formula_member_invoice.display_number]
    assert invoice_row[4] == "'=1+2 Afvalbeheer"
    assert Decimal(invoice_row[7]) == OTHER_FEE
    assert Decimal(invoice_row[9]) == Decimal("100.00")
    assert invoice_row[10] == formula_member_invoice.formatted_reference
    note_row = body["CN2026-00001"]
    assert note_row[4] == "'=1+2 Afvalbeheer"
    assert Decimal(note_row[7]) == Decimal("-100.00")
    assert note_row[11] == formula_member_invoice.display_number
    assert body["F2026-00002"][4] == "Geel"
    assert body["F2026-00002"][2] == "2026-01-15"


def test_xlsx_export_has_the_same_rows_and_defuses_formulas(admin, formula_member_invoice):
    credit(admin, formula_member_invoice, "100.00")

    response = admin.get(reverse("fees:invoice_export", args=["xlsx"]))

    assert 'filename="invoices.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    assert header[4] == "Member"
    assert len(body) == 7
    invoice_row = body[formula_member_invoice.display_number]
    assert invoice_row[4] == "'=1+2 Afvalbeheer"
    assert Decimal(str(invoice_row[7])) == OTHER_FEE
    assert Decimal(str(body["CN2026-00001"][7])) == Decimal("-100.00")
    assert body["CN2026-00001"][4] == "'=1+2 Afvalbeheer"
    assert body["F2026-00002"][2].date() == datetime.date(2026, 1, 15)


def test_export_follows_the_list_filters(admin, geel_invoice):
    response = admin.get(reverse("fees:invoice_export", args=["csv"]), {"q": "Lennik"})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[4] for row in rows[1:]] == ["Lennik", "OCMW Lennik"]


def test_export_in_an_unknown_format_is_not_found(admin, geel_invoice):
    assert admin.get(reverse("fees:invoice_export", args=["pdf"])).status_code == 404


# Credit notes and corrections --------------------------------------------------------------


def test_full_credit_marks_the_invoice_credited(admin, geel_invoice):
    response = credit(admin, geel_invoice, "20630.66")

    assert "Credit note CN2026-00001 was issued." in html(response)
    assert response.context["invoice"].status == "credited"
    note = Invoice.objects.get(kind=DocumentKind.CREDIT_NOTE)
    assert (note.credited_invoice, note.amount, note.year, note.number) == (
        geel_invoice,
        GEEL_FEE,
        2026,
        1,
    )
    listing = admin.get(reverse("fees:invoice_list"), {"q": "Geel", "kind": "invoice"})
    statuses = {invoice.display_number: invoice.status for invoice in listing.context["page"]}
    assert statuses["F2026-00001"] == "credited"
    assert "Issue the credit note" not in html(response)  # nothing left to credit


def test_correction_issues_a_credit_note_and_an_invoice_with_the_next_number(admin, geel_invoice):
    response = credit(admin, geel_invoice, "20630.66", corrected="19500.00")

    assert response.status_code == 200
    note = Invoice.objects.get(kind=DocumentKind.CREDIT_NOTE)
    corrected = Invoice.objects.exclude(pk=geel_invoice.pk).get(
        kind=DocumentKind.INVOICE, organisation=geel_invoice.organisation
    )
    assert note.credited_invoice == geel_invoice
    assert (corrected.year, corrected.number) == (2026, 6)  # the run issued 1 to 5
    assert corrected.display_number == "F2026-00006"
    assert corrected.amount == Decimal("19500.00")
    assert corrected.credited_invoice is None
    assert corrected.recipient_name == "Geel"
    assert is_valid_structured_reference(corrected.structured_reference)
    assert corrected.structured_reference != geel_invoice.structured_reference
    assert response.context["invoice"].status == "credited"


def test_crediting_more_than_is_left_is_refused_and_writes_nothing(admin, geel_invoice):
    credit(admin, geel_invoice, "20000.00")
    documents = Invoice.objects.count()
    sequences = list(InvoiceSequence.objects.values_list("kind", "last_number"))

    response = credit(admin, geel_invoice, "630.67", corrected="500.00")

    assert "No credit note was issued" in html(response)
    assert "€ 0.01 and € 630.66" in html(response)
    assert Invoice.objects.count() == documents
    assert list(InvoiceSequence.objects.values_list("kind", "last_number")) == sequences
    assert response.context["balance"] == Decimal("630.66")


def test_a_second_click_or_tab_on_the_same_credit_form_credits_once(admin, geel_invoice):
    page = admin.get(reverse("fees:invoice_detail", args=[geel_invoice.pk]))
    seen = page.context["credit_form"]["credited_before"].value()
    data = {
        "amount": "100.00",
        "reason": "Merged",
        "issued_on": CREDIT_DAY,
        "credited_before": seen,
    }
    url = reverse("fees:invoice_credit", args=[geel_invoice.pk])

    admin.post(url, data)
    response = admin.post(url, data, follow=True)

    assert "This invoice was credited meanwhile" in html(response)
    assert Invoice.objects.filter(kind=DocumentKind.CREDIT_NOTE).count() == 1


def test_credit_note_cannot_be_credited(admin, geel_invoice):
    credit(admin, geel_invoice, "100.00")
    note = Invoice.objects.get(kind=DocumentKind.CREDIT_NOTE)

    response = credit(admin, note, "50.00")

    assert "A credit note cannot be credited." in html(response)
    assert Invoice.objects.filter(kind=DocumentKind.CREDIT_NOTE).count() == 1


# Bank statements ---------------------------------------------------------------------------


def test_statement_books_payments_and_lists_unknown_and_double_ones(
    admin, issued_run, fee_registry
):
    geel, lennik = invoice_of(fee_registry.geel), invoice_of(fee_registry.lennik)
    unknown = format_structured_reference(make_structured_reference(2026_199_999))
    content = bank_csv(
        payment_row(geel),
        payment_row(lennik),
        ("28/01/2026", "120,00", "Onbekende betaler", unknown),
        payment_row(geel, day="29/01/2026"),
    )

    response = upload(admin, content)

    record = BankImport.objects.get()
    assert response.redirect_chain[-1][0] == reverse("fees:bank_import_detail", args=[record.pk])
    assert record.status == BankImport.Status.APPLIED
    assert "Payments booked: 2. Lines to look at: 2." in html(response)
    unmatched = {line.line_number: line.outcome for line in response.context["unmatched"]}
    assert unmatched == {4: MatchOutcome.UNKNOWN_REFERENCE, 5: MatchOutcome.DOUBLE}
    assert "unknown structured communication" in html(response)
    assert "already paid: not booked" in html(response)
    assert sorted(Payment.objects.values_list("invoice__recipient_name", "amount")) == [
        ("Geel", GEEL_FEE),
        ("Lennik", LENNIK_FEE),
    ]
    assert Payment.objects.get(invoice=geel).paid_on == datetime.date(2026, 1, 27)
    detail = admin.get(reverse("fees:invoice_detail", args=[geel.pk]))
    assert detail.context["invoice"].status == "paid"
    assert detail.context["balance"] == Decimal("0.00")


def test_same_statement_imported_twice_is_refused_and_books_nothing_more(admin, geel_invoice):
    content = bank_csv(payment_row(geel_invoice))
    upload(admin, content)

    response = upload(admin, content, name="same-file-renamed.csv")

    assert "This file was imported already" in html(response)
    assert "Nothing was booked" in html(response)
    assert BankImport.objects.filter(status=BankImport.Status.REJECTED).count() == 1
    assert Payment.objects.count() == 1
    assert BankLine.objects.count() == 1


def test_statement_with_a_bad_date_is_rejected_naming_its_line(admin, issued_run, fee_registry):
    content = bank_csv(
        payment_row(invoice_of(fee_registry.geel)),
        ("31/02/2026", "4.824,52", "Lennik", invoice_of(fee_registry.lennik).formatted_reference),
        payment_row(invoice_of(fee_registry.company)),
    )

    response = upload(admin, content)

    record = BankImport.objects.get()
    assert record.status == BankImport.Status.REJECTED
    assert [error["line"] for error in record.errors] == [3]
    assert "31/02/2026" in record.errors[0]["message"]
    assert "<td>3</td>" in html(response)
    assert "Nothing was booked" in html(response)
    assert not Payment.objects.exists()
    assert not BankLine.objects.exists()


def test_file_without_named_columns_is_rejected_and_leaves_the_csv_module_alone(admin):
    response = upload(admin, b"Rekeninguittreksel januari 2026\n", name="notes.txt")

    record = BankImport.objects.get()
    assert record.status == BankImport.Status.REJECTED
    assert [error["line"] for error in record.errors] == [1]
    assert "datum;bedrag;tegenpartij;mededeling" in html(response)
    assert csv.excel.delimiter == ","  # the fallback dialect is a copy, not the module's own


# Query counts ------------------------------------------------------------------------------


def make_flat_fee_members(count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        make_company(
            f"Member {number:02d}", f"04{number:06d}", organisation_type=OrganisationType.OTHER
        )


@pytest.fixture
def three_and_thirty(administrator) -> tuple[FeeRun, FeeRun]:
    """An issued 2026 run of 3 invoices and an issued 2027 run of 30, with paid statements."""
    make_flat_fee_members(3)
    few = make_issued_run(tariff=make_adopted_tariff(by=administrator), by=administrator)
    make_flat_fee_members(27, start=3)
    many = make_issued_run(
        tariff=make_adopted_tariff(by=administrator, year=2027),
        by=administrator,
        issued_on=datetime.date(2027, 1, 15),
    )
    for run in (few, many):
        invoices = Invoice.objects.filter(year=run.year)
        rows = [payment_row(invoice) for invoice in invoices.order_by("number")]
        import_bank_statement(
            content=bank_csv(*rows), file_name=f"{run.year}.csv", by=administrator
        )
    return few, many


def queries(client: Client, url: str, **params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


def test_invoice_list_query_count_does_not_grow_with_the_invoices(admin, three_and_thirty):
    url = reverse("fees:invoice_list")
    few, few_page = queries(admin, url, year=2026)
    many, many_page = queries(admin, url, year=2027)

    assert (len(few_page.context["page"]), len(many_page.context["page"])) == (3, 30)
    assert few == many


def test_run_detail_query_count_does_not_grow_with_the_lines(admin, three_and_thirty):
    few_run, many_run = three_and_thirty
    few, few_page = queries(admin, reverse("fees:run_detail", args=[few_run.pk]))
    many, many_page = queries(admin, reverse("fees:run_detail", args=[many_run.pk]))

    assert (len(few_page.context["page"]), len(many_page.context["page"])) == (3, 30)
    assert few == many


def test_bank_import_detail_query_count_does_not_grow_with_the_lines(admin, three_and_thirty):
    few_import, many_import = BankImport.objects.order_by("pk")
    few, few_page = queries(admin, reverse("fees:bank_import_detail", args=[few_import.pk]))
    many, many_page = queries(admin, reverse("fees:bank_import_detail", args=[many_import.pk]))

    assert (len(few_page.context["matched"]), len(many_page.context["matched"])) == (3, 30)
    assert few == many


def test_member_invoices_query_count_does_not_grow_with_the_invoices(
    coordinator, geel_invoice, administrator
):
    def credit_notes(count: int) -> None:
        for _number in range(count):
            services.credit_invoice(
                invoice=geel_invoice,
                amount=Decimal("0.01"),
                reason="Rounding",
                issued_on=datetime.date(2026, 3, 1),
                by=administrator,
            )

    client = signed_in(coordinator)
    credit_notes(2)
    few, few_page = queries(client, reverse("fees:member_invoices"))
    credit_notes(27)
    many, many_page = queries(client, reverse("fees:member_invoices"))

    assert (len(few_page.context["page"]), len(many_page.context["page"])) == (3, 30)
    assert few == many


def test_bank_import_list_query_count_does_not_grow_with_the_imports(admin, administrator):
    def import_statements(count: int, start: int) -> None:
        for number in range(start, start + count):
            import_bank_statement(
                content=bank_csv(("02/02/2026", f"{number},00", "Iemand", "")),
                file_name=f"{number}.csv",
                by=administrator,
            )

    import_statements(3, 1)
    few, few_page = queries(admin, reverse("fees:bank_imports"))
    import_statements(27, 4)
    many, many_page = queries(admin, reverse("fees:bank_imports"))

    assert (len(few_page.context["page"]), len(many_page.context["page"])) == (3, 30)
    assert few == many


def test_bank_import_list_shows_the_newest_statement_first(admin, administrator):
    for name in ("januari.csv", "februari.csv", "maart.csv"):
        import_bank_statement(
            content=bank_csv(("02/02/2026", "1,00", name, "")), file_name=name, by=administrator
        )

    response = admin.get(reverse("fees:bank_imports"))

    assert [record.file_name for record in response.context["page"]] == [
        "maart.csv",
        "februari.csv",
        "januari.csv",
    ]


def test_index_lists_the_latest_tariffs_and_runs_first(admin, fee_registry, administrator):
    for year in (2025, 2027, 2026):
        services.compute_fee_run(
            tariff=make_adopted_tariff(by=administrator, year=year), by=administrator
        )

    response = admin.get(reverse("fees:index"))

    assert [tariff.year for tariff in response.context["tariffs"]] == [2027, 2026, 2025]
    assert [run.year for run in response.context["runs"]] == [2027, 2026, 2025]


def test_a_bracket_row_emptied_is_removed_and_a_half_filled_row_is_refused(admin, draft_tariff):
    rule = draft_tariff.rules.get(organisation_type=OrganisationType.MUNICIPALITY)
    url = reverse("fees:rule_edit", args=[draft_tariff.pk, rule.pk])
    data = rule_form_data(
        admin.get(url), basis="per_capita", rate="0.52", brackets=[("25000", "0.46")]
    )
    admin.post(url, data)
    assert rule.brackets.count() == 1

    emptied = rule_form_data(admin.get(url), basis="per_capita", rate="0.52", brackets=[("", "")])
    emptied.pop("brackets-0-DELETE", None)
    admin.post(url, emptied)
    assert rule.brackets.count() == 0

    half = rule_form_data(admin.get(url), basis="per_capita", rate="0.52", brackets=[("", "0.40")])
    response = admin.post(url, half)
    assert response.status_code == 200
    assert "Give the number the bracket starts at." in html(response)
    assert rule.brackets.count() == 0


def test_dutch_invoice_pdf_writes_the_indexation_as_two_percent(admin, geel_invoice):
    assert geel_invoice.language == "nl"

    text = pdf_text(admin.get(reverse("fees:invoice_pdf", args=[geel_invoice.pk])).content)

    assert "Indexering: 2 %" in text.replace("\u00a0", " ")
    assert "2.000%" not in text
