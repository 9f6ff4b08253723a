"""A Geel participant enrols in a paid training; staff bill it, match payments, Geel sees it
paid (in Dutch, every page audited with axe)."""

import datetime
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from atelier.academy.models import Enrolment, Level
from atelier.academy.tests.factories import make_course, make_edition
from atelier.fees.models import Invoice, Payment
from atelier.fees.tests.conftest import valid_company_number
from atelier.fees.tests.ubl_schema import schema_errors
from atelier.fees.ubl_rules import business_rule_findings
from atelier.lib.money import format_euro

from .browsing import Visit


@pytest.fixture
def paid_training(db, participant, outsider):
    """A one-day training at 95 € for members; Geel and Lennik have company numbers."""
    Level.objects.get_or_create(
        number=2,
        defaults={"name_nl": "Opleidingsdag", "format_nl": "één dag", "objectives_nl": "…"},
    )
    for organisation, first_eight in (
        (participant.organisation, "02099901"),
        (outsider.organisation, "02099902"),
    ):
        organisation.company_number = valid_company_number(first_eight)
        organisation.save()
    return make_edition(
        make_course(title="Service design in één dag"),
        price_member=Decimal("95.00"),
        price_non_member=Decimal("190.00"),
    )


def statement(*rows: tuple[str, str, str, str]) -> bytes:
    lines = ["datum;bedrag;tegenpartij;mededeling", *(";".join(row) for row in rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.browser
def test_paid_training_is_enrolled_billed_paid_and_seen_paid(
    visit: Visit, paid_training, participant, outsider, administrator, coordinator
):
    visit.sign_in(outsider)  # Lennik's participant enrols too, and will pay without reference
    page = visit.open(f"/academy/editions/{paid_training.pk}/")
    visit.follow(page.locator('main form[action$="/enrol/"] button[type=submit]'))

    visit.sign_in(participant)
    page = visit.open(f"/academy/editions/{paid_training.pk}/")
    expect(page.locator("#enrolment-price")).to_contain_text("€ 95,00")
    expect(page.locator("#enrolment-payer")).to_contain_text("Geel")
    visit.follow(page.locator('main form[action$="/enrol/"] button[type=submit]'))
    assert Enrolment.objects.get(person=participant).charge.amount == Decimal("95.00")

    visit.sign_in(administrator)
    page = visit.open("/fees/charges/")
    expect(page.locator("#charges tbody tr")).to_have_count(2)
    page.locator("#id_issued_on").fill(datetime.date.today().isoformat())  # noqa: DTZ011
    visit.follow(page.locator('main form[action$="/charges/run/"] button[type=submit]'))
    expect(page.locator("main .alert--success")).to_be_visible()
    geel = Invoice.objects.get(organisation=participant.organisation)
    lennik = Invoice.objects.get(organisation=outsider.organisation)
    assert [line.amount for line in geel.lines.all()] == [Decimal("95.00")]

    xml = page.request.get(f"/fees/invoices/{geel.pk}/ubl/")
    assert xml.ok
    assert schema_errors(xml.body()) == []
    assert business_rule_findings(xml.body()) == []

    page = visit.open("/fees/payments/import/")
    content = statement(
        ("27/01/2026", "95,00", "Stad Geel", geel.formatted_reference),
        ("28/01/2026", "95,00", "Gemeente Lennik", "opleiding service design"),
    )
    page.locator("#id_file").set_input_files(
        {"name": "uittreksel-002.csv", "mimeType": "text/csv", "buffer": content}
    )
    visit.follow(page.locator("main form[enctype] button[type=submit]"))
    expect(page.locator("#matched tbody tr")).to_contain_text(geel.display_number)

    page = visit.open("/fees/payments/follow-up/")
    row = page.locator("#to-match tbody tr", has_text="Gemeente Lennik")
    row.locator("input[name=invoice_number]").fill(lennik.display_number)
    row.locator("input[name=reason]").fill("Betaald zonder gestructureerde mededeling")
    visit.follow(row.locator("button[type=submit]"))
    expect(page.locator("main .alert--success")).to_contain_text(lennik.display_number)
    expect(page.locator("#to-match tbody tr")).to_have_count(1)  # "every payment is matched"
    assert Payment.objects.get(invoice=lennik).bank_line.match_reason.startswith("Betaald")

    visit.sign_in(coordinator)
    page = visit.open("/fees/my-invoices/")
    row = page.locator("#member-invoices tbody tr", has_text=geel.display_number)
    expect(row).to_contain_text(format_euro(Decimal("95.00")))
    expect(row.locator(".badge--paid")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/fees/my-invoices/$"))


@pytest.mark.browser
def test_non_member_gives_billing_details_on_the_enrolment_form(visit: Visit, paid_training):
    from conftest import make_person

    freelancer = make_person("freelancer@example.org", "participant")
    visit.sign_in(freelancer)
    page = visit.open(f"/academy/editions/{paid_training.pk}/")
    expect(page.locator("#enrolment-price")).to_contain_text("€ 190,00")
    page.locator("#id_billing_name").fill("Ontwerpbureau Kempen")
    page.locator("#id_billing_address").fill("Markt 3\n2440 Geel")
    visit.follow(page.locator('main form[action$="/enrol/"] button[type=submit]'))
    enrolment = Enrolment.objects.get(person=freelancer)
    assert (enrolment.billing_name, enrolment.price) == ("Ontwerpbureau Kempen", Decimal("190.00"))
