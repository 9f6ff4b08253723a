"""Statbel's own distributions: the pipe-separated detail file and XLSX with title rows."""

import datetime
import io
import itertools

import pytest
from openpyxl import Workbook

from atelier.members.models import PopulationFigure, PopulationImport
from atelier.members.selectors import import_problems
from atelier.members.services import import_population

pytestmark = pytest.mark.usefixtures("in_english")

DAY_2024 = datetime.date(2024, 1, 1)
DAY_2025 = datetime.date(2025, 1, 1)

# The column layout of Statbel's TF_SOC_POP_STRUCT open-data files (population by place of
# residence, sex, nationality, civil status and age).
STATBEL_COLUMNS = (
    "CD_REFNIS",
    "TX_DESCR_NL",
    "TX_DESCR_FR",
    "CD_DSTR_REFNIS",
    "TX_ADM_DSTR_DESCR_NL",
    "TX_ADM_DSTR_DESCR_FR",
    "CD_PROV_REFNIS",
    "TX_PROV_DESCR_NL",
    "TX_PROV_DESCR_FR",
    "CD_RGN_REFNIS",
    "TX_RGN_DESCR_NL",
    "TX_RGN_DESCR_FR",
    "CD_SEX",
    "CD_NATLTY",
    "TX_NATLTY_NL",
    "TX_NATLTY_FR",
    "CD_CIV_STS",
    "TX_CIV_STS_NL",
    "TX_CIV_STS_FR",
    "CD_AGE",
    "MS_POPULATION",
)
PLACES = {
    "13008": ("Geel", "13000", "10000"),
    "11002": ("Antwerpen", "11000", "10000"),
    "11007": ("Borsbeek", "11000", "10000"),
    "73006": ("Bilzen", "73000", "70000"),
    "73032": ("Hoeselt", "73000", "70000"),
    "73110": ("Bilzen-Hoeselt", "73000", "70000"),
    "21004": ("Brussel", "21000", "04000"),  # not a member: skipped when asked
}


def detail_rows(codes: list[str], *, seed: int = 7) -> list[list[object]]:
    """Rows by sex, nationality, civil status and age for each code, with made-up counts."""
    rows = []
    breakdown = itertools.product("MF", ("BEL", "ETR"), (1, 2), range(0, 100, 7))
    for number, (sex, nationality, status, age) in enumerate(breakdown):
        for code in codes:
            name, district, province = PLACES[code]
            count = (int(code) * (number + seed)) % 97 + 1
            rows.append(
                [code, name, name, district, "", "", province, "", "", "2000", "", "", sex]
                + [nationality, nationality, nationality, status, "", "", age, count]
            )
    return rows


def statbel_text(rows: list[list[object]], columns: tuple[str, ...] = STATBEL_COLUMNS) -> bytes:
    lines = ["|".join(columns)] + ["|".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def sums(rows: list[list[object]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        totals[str(row[0])] = totals.get(str(row[0]), 0) + int(row[-1])  # type: ignore[call-overload]
    return totals


def figures(day: datetime.date) -> dict[str, int]:
    return {
        f.organisation.nis_code: f.inhabitants
        for f in PopulationFigure.objects.filter(reference_date=day).select_related("organisation")
    }


def test_statbel_detail_file_is_summed_per_municipality(geel, mergers):
    rows = detail_rows(["13008", "11002", "11007", "73006", "73032", "21004"])
    content = statbel_text(rows)

    record = import_population(
        content=content,
        file_name="TF_SOC_POP_STRUCT_2024.txt",
        reference_date=DAY_2024,
        ignore_unknown=True,
        by=None,
    )

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    expected = sums(rows)
    assert len(rows) > 100 * 5
    assert figures(DAY_2024) == {
        code: expected[code] for code in ("13008", "11002", "11007", "73006", "73032")
    }
    assert figures(DAY_2024)["73006"] + figures(DAY_2024)["73032"] == (
        expected["73006"] + expected["73032"]
    )
    assert record.skipped_count == len([r for r in rows if r[0] == "21004"])
    assert record.row_count == len(rows)


def test_reference_date_column_keeps_only_that_dates_rows(geel, mergers):
    rows_2024 = detail_rows(["13008", "11002", "11007", "73006", "73032"], seed=3)
    rows_2025 = detail_rows(["13008", "11002", "73110"], seed=11)
    dated = [["2024-01-01", *row] for row in rows_2024]
    dated += [["01/01/2025", *row] for row in rows_2025]
    content = statbel_text(dated, ("DT_REFDATE", *STATBEL_COLUMNS))

    record = import_population(
        content=content, file_name="population.txt", reference_date=DAY_2025, by=None
    )

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert figures(DAY_2025) == sums(rows_2025)
    assert record.skipped_count == len(rows_2024)


def test_bad_detail_lines_come_first_and_missing_codes_fold_into_one_group(geel, mergers):
    rows = detail_rows(["13008", "73006"])
    rows[4][-1] = "veel"  # line 6 of the file: the header is line 1
    content = statbel_text(rows)

    record = import_population(
        content=content, file_name="population.txt", reference_date=DAY_2024, by=None
    )

    assert record.status == PopulationImport.Status.REJECTED
    problems = import_problems(record)
    assert [(e["line"], e["reason"]) for e in problems.lines] == [(6, "not a number: 'veel'")]
    assert sorted(e["code"] for e in problems.missing) == ["11002", "11007", "73032"]
    assert record.errors[0]["line"] == 6
    assert not PopulationFigure.objects.filter(reference_date=DAY_2024).exists()


def test_xlsx_with_title_rows_above_the_header_is_read(geel, mergers):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Bevolking per gemeente op 1 januari 2025"])
    sheet.append(["Bron: Statbel (Algemene Directie Statistiek - Statistics Belgium)"])
    sheet.append([])
    sheet.append(["Refnis", "Gemeente", "Totaal"])
    sheet.append([13008, "Geel", 41_875])
    sheet.append(["11002", "Antwerpen", 536_079])
    sheet.append([73110, "Bilzen-Hoeselt", 42_614])
    buffer = io.BytesIO()
    workbook.save(buffer)

    record = import_population(
        content=buffer.getvalue(), file_name="bevolking.xlsx", reference_date=DAY_2025, by=None
    )

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert figures(DAY_2025) == {"13008": 41_875, "11002": 536_079, "73110": 42_614}


def test_file_without_a_header_in_its_first_rows_names_the_first_row(geel):
    rows = "\r\n".join(["Bevolking 2024"] + ["x;y"] * 30).encode()

    record = import_population(
        content=rows, file_name="population.csv", reference_date=DAY_2024, by=None
    )

    assert record.status == PopulationImport.Status.REJECTED
    assert "Columns found: Bevolking 2024." in record.errors[0]["reason"]
