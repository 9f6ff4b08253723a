"""Staff import intermunicipal companies; a company's page; a coordinator edits a contact."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from atelier.companies.models import Participation
from atelier.companies.tests.factories import company_number
from atelier.contacts.models import Contact, LawfulBasis
from atelier.members.models import Organisation

from .browsing import Visit

HEADER = "company_number;name;legal_form;purpose;nis_code;shares;votes;joined_on"


def write_companies(path: Path, nis_codes: list[str]) -> Path:
    rows = [
        f"{company_number(21)};Kempens Afvalbeheer;dienstverlenende vereniging;afval;{code};"
        f"{10 + n * 5};{1 + n};2004-01-01"
        for n, code in enumerate(nis_codes)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def upload(visit: Visit, companies_file: Path):
    page = visit.open("/companies/import/")
    page.locator("#id_file").set_input_files(companies_file)
    return visit.follow(page.locator("#company-import-form [type=submit]"))


@pytest.mark.browser
def test_staff_import_companies_then_see_the_participants_table_and_chart(
    visit, trainer, geel, lennik, tmp_path
):
    visit.sign_in(trainer)

    page = upload(visit, write_companies(tmp_path / "fout.csv", ["13008", "99999", "23104"]))

    expect(page.locator("#import-errors tbody tr td:first-child")).to_have_text(["3"])
    expect(page.locator("#import-errors tbody tr").first).to_contain_text("99999")
    assert not Organisation.objects.filter(company_number=company_number(21)).exists()

    page = upload(visit, write_companies(tmp_path / "goed.csv", ["13008", "23104"]))

    expect(page.locator("#import-result.alert--success")).to_be_visible()
    assert Participation.objects.filter(company__company_number=company_number(21)).count() == 2
    visit.follow(
        page.locator("nav.breadcrumbs").get_by_role("link", name=re.compile("ntergemeentelijke"))
    )
    page = visit.follow(page.get_by_role("link", name="Kempens Afvalbeheer"))
    expect(page.locator("#participants tbody tr")).to_have_count(2)
    expect(page.locator("figure.chart svg rect.chart__bar")).to_have_count(2)
    page.locator("figure.chart summary").click()
    expect(page.locator("figure.chart table tbody tr").first).to_contain_text("Lennik")
    visit.audit()


@pytest.mark.browser
def test_coordinator_edits_a_contact_of_their_municipality(visit, coordinator, geel):
    contact = Contact.objects.create(
        organisation=geel,
        first_name="Vera",
        last_name="Celis",
        email="vera@geel.example",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
    )
    visit.sign_in(coordinator)

    page = visit.open(f"/contacts/organisations/{geel.pk}/")
    page = visit.follow(page.get_by_role("link", name="Vera Celis"))
    page.locator("#id_last_name").fill("Celis-Janssens")
    page.locator("#id_phone").fill("014 56 66 00")
    page = visit.follow(page.locator("#contact-form [type=submit]"))

    expect(page.locator("h1")).to_have_text("Vera Celis-Janssens")
    contact.refresh_from_db()
    assert (contact.last_name, contact.phone) == ("Celis-Janssens", "014 56 66 00")
