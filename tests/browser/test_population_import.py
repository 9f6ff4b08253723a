"""Association staff upload a population file through the browser: all of it, or nothing."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from atelier.members.models import Organisation, OrganisationType, PopulationFigure

from .browsing import Visit

REFERENCE_DATE = datetime.date(2025, 1, 1)
NOTHING_IMPORTED = re.compile(r"Nothing was imported|[Nn]iets geïmporteerd")


def current_municipality_codes() -> list[str]:
    municipalities = Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    return sorted(municipalities.values_list("nis_code", flat=True))


def write_population_file(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["nis_code,inhabitants", *(f"{code},{inhabitants}" for code, inhabitants in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def upload(visit: Visit, population_file: Path) -> Page:
    page = visit.open("/members/import/")
    page.locator("#id_file").set_input_files(population_file)
    page.locator("#id_reference_date").fill(REFERENCE_DATE.isoformat())
    return visit.follow(page.locator("#import-form [type=submit]"))


def imported_figures() -> int:
    return PopulationFigure.objects.filter(reference_date=REFERENCE_DATE).count()


@pytest.mark.browser
def test_file_with_three_bad_rows_lists_their_lines_and_imports_nothing(
    visit, trainer, registry, tmp_path
):
    rows = [
        (code, str(10_000 + number)) for number, code in enumerate(current_municipality_codes())
    ]
    rows[9] = (rows[9][0], "abc")  # line 11: the header is line 1
    rows[99] = (rows[99][0], "-250")  # line 101
    rows.insert(199, ("99999", "1200"))  # line 201: no municipality has this code
    visit.sign_in(trainer)

    page = upload(visit, write_population_file(tmp_path / "bevolking-2025.csv", rows))

    expect(page).to_have_url(re.compile(r"/members/imports/\d+/$"))
    expect(page.locator("main .alert--error").first).to_contain_text(NOTHING_IMPORTED)
    error_lines = page.locator("#import-errors tbody tr td:first-child")
    expect(error_lines).to_have_text(["11", "101", "201"])
    expect(page.locator("#import-errors tbody tr").nth(0)).to_contain_text("abc")
    expect(page.locator("#import-errors tbody tr").nth(2)).to_contain_text("99999")
    assert imported_figures() == 0


@pytest.mark.browser
def test_clean_file_is_imported_with_a_success_message(visit, trainer, registry, tmp_path):
    codes = current_municipality_codes()
    rows = [(code, str(10_000 + number)) for number, code in enumerate(codes)]
    visit.sign_in(trainer)

    page = upload(visit, write_population_file(tmp_path / "bevolking-2025.csv", rows))

    expect(page).to_have_url(re.compile(r"/members/imports/\d+/$"))
    expect(page.locator("main .messages .alert--success")).to_be_visible()
    expect(page.locator("main > .alert--success")).to_contain_text("285")
    expect(page.locator("#import-errors")).to_have_count(0)
    assert imported_figures() == len(codes) == 285


@pytest.mark.browser
def test_bad_lines_show_first_and_the_missing_municipalities_open_from_one_line(
    visit, trainer, registry, tmp_path
):
    codes = current_municipality_codes()
    rows = [(code, "10000") for code in codes[:3]] + [(codes[3], "veel"), ("99999", "5")]
    rows.append(("abc", "7"))
    visit.sign_in(trainer)

    page = upload(visit, write_population_file(tmp_path / "bevolking-2025.csv", rows))

    expect(page.locator("#import-errors tbody tr td:first-child")).to_have_text(["5", "6", "7"])
    missing = page.locator("#missing-codes")
    expect(missing.locator("summary")).to_contain_text("281")
    expect(missing.locator("li").first).to_be_hidden()
    missing.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(missing.locator("li")).to_have_count(281)
    expect(missing.locator("li").first).to_be_visible()
    visit.audit()
    assert imported_figures() == 0
