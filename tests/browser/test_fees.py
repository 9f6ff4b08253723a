"""An administrator takes a tariff from draft to paid invoices in a real browser (in Dutch)."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from atelier.fees.models import FeeRun, Invoice, Payment, Tariff, TariffRule
from atelier.fees.tests.conftest import (
    GEEL_FEE,
    RULES,
    RUN_TOTAL,
    make_company,
    make_draft_tariff,
    make_ocmw,
)
from atelier.lib.money import format_euro
from atelier.lib.structured_reference import format_structured_reference, make_structured_reference
from atelier.members.models import OrganisationType
from conftest import make_municipality

from .browsing import Visit

# The municipalities' rule without brackets: the test types them in.
RULES_WITHOUT_BRACKETS = RULES | {
    OrganisationType.MUNICIPALITY: RULES[OrganisationType.MUNICIPALITY] | {"brackets": []}
}
UNKNOWN_REFERENCE = format_structured_reference(make_structured_reference(2026_199_999))


@pytest.fixture
def draft_without_brackets(geel, lennik, antwerp, administrator) -> Tariff:
    """Geel, Lennik, their OCMWs, a company, Antwerpen without a figure, and a 2026 draft."""
    make_ocmw(geel, 244)
    make_ocmw(lennik, 54)
    make_company("Kempens Afval", "02000686", antwerp)
    make_municipality("11002", "Antwerpen", antwerp)
    return make_draft_tariff(by=administrator, rules=RULES_WITHOUT_BRACKETS)


def type_brackets(page: Page, brackets: list[tuple[str, str]]) -> None:
    """From the first row's first field on, type each bracket and Tab along the rows."""
    page.locator("#id_brackets-0-from_population").focus()
    for low, rate in brackets:
        page.keyboard.type(low)
        page.keyboard.press("Tab")
        page.keyboard.type(rate)
        page.keyboard.press("Tab")  # to the row's "remove" box
        page.keyboard.press("Tab")  # to the next row


def statement(*rows: tuple[str, str, str, str]) -> bytes:
    lines = ["datum;bedrag;tegenpartij;mededeling", *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode()


def post_button(page: Page, action_ending: str):
    return page.locator(f'main form[action$="{action_ending}"] button[type=submit]')


@pytest.mark.browser
def test_administrator_takes_a_tariff_from_draft_to_imported_payments(
    visit: Visit, administrator, draft_without_brackets
):
    tariff = draft_without_brackets
    rule = TariffRule.objects.get(tariff=tariff, organisation_type=OrganisationType.MUNICIPALITY)
    visit.sign_in(administrator)

    page = visit.open("/fees/")
    visit.follow(page.locator(f'main a[href="/fees/tariffs/{tariff.pk}/"]'))
    expect(page.locator("main h1")).to_contain_text("2026")

    visit.follow(page.locator(f'main a[href="/fees/tariffs/{tariff.pk}/rules/{rule.pk}/"]'))
    type_brackets(page, [("25000", "0.46"), ("100000", "0.39")])
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the form from the field that has focus
    visit.audit()
    expect(page).to_have_url(re.compile(rf"/fees/tariffs/{tariff.pk}/$"))
    assert list(rule.brackets.values_list("from_population", "rate")) == [
        (25_000, Decimal("0.4600")),
        (100_000, Decimal("0.3900")),
    ]

    visit.follow(page.locator(f'main a[href="/fees/tariffs/{tariff.pk}/preview/"]'))
    expect(page.locator("#preview-total")).to_have_text(format_euro(RUN_TOTAL))
    charts = page.locator("main figure.chart")
    expect(charts).to_have_count(2)
    expect(charts.locator("svg[role=img] rect")).not_to_have_count(0)
    province_chart = charts.first
    province_chart.locator("summary").click()
    expect(province_chart.locator("table")).to_be_visible()
    expect(province_chart.locator("table tbody tr")).to_have_count(2)  # Antwerpen, Vlaams-Brabant
    visit.audit()

    visit.follow(page.locator(f'main a[href="/fees/tariffs/{tariff.pk}/"]').first)
    visit.follow(post_button(page, "/adopt/"))
    assert Tariff.objects.get(pk=tariff.pk).status == Tariff.Status.ADOPTED

    visit.follow(post_button(page, "/run/"))
    run = FeeRun.objects.get()
    expect(page).to_have_url(re.compile(rf"/fees/runs/{run.pk}/$"))
    expect(page.locator("#run-total")).to_have_text(format_euro(RUN_TOTAL))

    page.locator("#id_issued_on").fill(datetime.date(2026, 1, 15).isoformat())
    page.locator("#id_leave_out_problems").check()  # Antwerpen has no figure
    visit.follow(post_button(page, "/issue/"))
    expect(page.locator("main .alert--success")).to_be_visible()
    assert Invoice.objects.count() == 5

    geel = Invoice.objects.get(recipient_name="Geel")
    visit.follow(page.locator(f'#fee-lines a[href="/fees/invoices/{geel.pk}/"]'))
    expect(page.locator("main .reference")).to_have_text(geel.formatted_reference)
    pdf_link = page.locator(f'main a[href="/fees/invoices/{geel.pk}/pdf/"]')
    pdf = page.request.get(pdf_link.get_attribute("href"))
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    visit.follow(page.locator('nav.subnav a[href="/fees/payments/"]'))
    visit.follow(page.locator('main a[href="/fees/payments/import/"]'))
    amount = format_euro(GEEL_FEE).removeprefix("€ ")
    content = statement(
        ("27/01/2026", amount, "Gemeente Geel", geel.formatted_reference),
        ("28/01/2026", "120,00", "Onbekende betaler", UNKNOWN_REFERENCE),
        ("29/01/2026", amount, "Gemeente Geel", geel.formatted_reference),
    )
    page.locator("#id_file").set_input_files(
        {"name": "uittreksel-001.csv", "mimeType": "text/csv", "buffer": content}
    )
    visit.follow(page.locator("main form[enctype] button[type=submit]"))

    expect(page).to_have_url(re.compile(r"/fees/payments/\d+/$"))
    expect(page.locator("#unmatched tbody tr td:first-child")).to_have_text(["3", "4"])
    expect(page.locator("#unmatched tbody tr").nth(0)).to_contain_text(UNKNOWN_REFERENCE)
    expect(page.locator("#matched tbody tr")).to_have_count(1)
    expect(page.locator("#matched tbody tr")).to_contain_text(geel.display_number)
    assert list(Payment.objects.values_list("invoice", "amount")) == [(geel.pk, GEEL_FEE)]
