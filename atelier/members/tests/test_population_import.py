"""Importing a population file: read in full, checked in full, then all figures or none."""

import datetime

import pytest

from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationImport,
    PopulationSource,
)
from atelier.members.services import import_population
from conftest import make_municipality

from .population_files import csv_file, xlsx_file

DAY_2021 = datetime.date(2021, 1, 1)
BEFORE_MERGERS = datetime.date(2019, 1, 1)
AFTER_MERGERS = datetime.date(2025, 1, 1)

pytestmark = pytest.mark.usefixtures("in_english")


def run_import(content: bytes, file_name: str = "population.csv", **options) -> PopulationImport:
    options.setdefault("reference_date", DAY_2021)
    options.setdefault("by", None)
    return import_population(content=content, file_name=file_name, **options)


def figure_on(organisation: Organisation, day: datetime.date = DAY_2021) -> int:
    return PopulationFigure.objects.get(organisation=organisation, reference_date=day).inhabitants


def lines_of(record: PopulationImport) -> list[int | None]:
    return [error["line"] for error in record.errors]


def municipality_rows(day: datetime.date) -> list[tuple[str, int]]:
    """One row per municipality that existed on that day, with a made-up count."""
    municipalities = Organisation.objects.existing_on(day).filter(
        type=OrganisationType.MUNICIPALITY
    )
    return [(m.nis_code, 1_000 + i) for i, m in enumerate(municipalities.order_by("nis_code"))]


# Formats -----------------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_with_comma_semicolon_or_tab_writes_every_figure(geel, lennik, delimiter):
    content = csv_file([("13008", 41_000), ("23104", 9_200)], delimiter=delimiter)

    record = run_import(content)

    assert record.status == PopulationImport.Status.APPLIED
    assert record.errors == []
    assert (record.row_count, record.created_count, record.updated_count) == (2, 2, 0)
    assert figure_on(geel) == 41_000
    assert figure_on(lennik) == 9_200


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_file_is_read_with_and_without_byte_order_mark(geel, lennik, encoding):
    content = csv_file(
        [("13008", "Geel", 41_000), ("23104", "Lennik – Sint-Kwintens-Lennik", 9_200)],
        header=("nis_code", "gemeente", "inwoners"),
        delimiter=";",
        encoding=encoding,
    )
    assert content.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")

    record = run_import(content)

    assert record.status == PopulationImport.Status.APPLIED
    assert figure_on(geel) == 41_000
    assert figure_on(lennik) == 9_200


def test_byte_order_mark_before_the_code_column_still_finds_the_code_column(geel, lennik):
    content = "\ufeffREFNIS;TX_DESCR_NL;MS_POPULATION\r\n13008;Geel;41000\r\n23104;Lennik;9200\r\n"

    record = run_import(content.encode("utf-8"))

    assert record.status == PopulationImport.Status.APPLIED
    assert record.values == {"13008": 41_000, "23104": 9_200}


def test_windows_1252_file_with_accented_name_is_read(geel, lennik):
    content = csv_file(
        [("Geel – é", "13008", "41.000"), ("Lénnik", "23104", 9_200)],
        header=("Gemeentenaam", "NIS-code", "Inwoners"),
        delimiter=";",
        encoding="cp1252",
    )
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")

    record = run_import(content)

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert figure_on(geel) == 41_000
    assert figure_on(lennik) == 9_200


def test_xlsx_with_numbers_as_integers_is_read(geel, lennik):
    content = xlsx_file([(13008, 41_000), (23104, 9_200)])

    record = run_import(content, file_name="bevolking.xlsx")

    assert record.status == PopulationImport.Status.APPLIED
    assert figure_on(geel) == 41_000
    assert figure_on(lennik) == 9_200


def test_xlsx_with_numbers_as_text_is_read(geel, lennik):
    content = xlsx_file(
        [("Geel", "13008", "41 000"), ("Lennik", "23104", "9200")],
        header=("Gemeente", "CD_REFNIS", "MS_POPULATION"),
    )

    record = run_import(content, file_name="bevolking.xlsx")

    assert record.status == PopulationImport.Status.APPLIED
    assert figure_on(geel) == 41_000
    assert figure_on(lennik) == 9_200


def test_xlsx_with_whole_floats_is_read_and_fractions_are_refused(geel, lennik):
    content = xlsx_file([(13008.0, 41_000.0), (23104, 9_200.5)])

    record = run_import(content, file_name="bevolking.xlsx")

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [{"line": 3, "code": "23104", "reason": "not a whole number: '9200.5'"}]


def test_xlsx_is_recognised_by_its_content_whatever_its_name(geel, lennik):
    content = xlsx_file([(13008, 41_000), (23104, 9_200)])

    record = run_import(content, file_name="upload.bin")

    assert record.status == PopulationImport.Status.APPLIED


@pytest.mark.parametrize(
    "written",
    ["14 293", "14.293", "14\u00a0293", "14\u202f293", " 14293 ", "14293,0"],
    ids=["space", "dot", "no-break-space", "narrow-no-break-space", "padded", "decimal-zero"],
)
def test_thousands_separators_as_statbel_writes_them_are_read(geel, lennik, written):
    content = csv_file([("13008", written), ("23104", "9 200")], delimiter=";")

    record = run_import(content)

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert figure_on(geel) == 14_293


def test_millions_with_repeated_separators_are_read(geel, lennik):
    content = csv_file([("13008", "1.234.567"), ("23104", "1 234 568")], delimiter=";")

    record = run_import(content)

    assert record.values == {"13008": 1_234_567, "23104": 1_234_568}


@pytest.mark.parametrize("written", ["14 29", "1.2345", "14 293.000", "14.293 000"])
def test_badly_grouped_numbers_are_not_a_number(geel, lennik, written):
    content = csv_file([("13008", written), ("23104", 9_200)], delimiter=";")

    record = run_import(content)

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [{"line": 2, "code": "13008", "reason": f"not a number: '{written}'"}]


def test_xlsx_text_with_thousands_separator_is_read(geel, lennik):
    content = xlsx_file([("13008", "14\u00a0293"), ("23104", "9.200")])

    record = run_import(content, file_name="bevolking.xlsx")

    assert record.values == {"13008": 14_293, "23104": 9_200}


# Reference date and the registry's history -------------------------------------------------


def test_before_the_mergers_the_300_municipalities_of_then_are_accepted(registry):
    rows = municipality_rows(BEFORE_MERGERS)
    assert len(rows) == 300
    assert "11007" in dict(rows)  # Borsbeek, part of Antwerpen since 2025
    assert "73110" not in dict(rows)

    record = run_import(csv_file(rows), reference_date=BEFORE_MERGERS)

    assert record.status == PopulationImport.Status.APPLIED, record.errors[:3]
    assert record.created_count == 300
    borsbeek = Organisation.objects.get(nis_code="11007")
    assert figure_on(borsbeek, BEFORE_MERGERS) == dict(rows)["11007"]


def test_before_the_mergers_a_code_created_in_2025_is_unknown(registry):
    rows = [*municipality_rows(BEFORE_MERGERS), ("73110", 42_207)]  # Bilzen-Hoeselt
    figures_before = PopulationFigure.objects.count()

    record = run_import(csv_file(rows), reference_date=BEFORE_MERGERS)

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [
        {
            "line": 302,
            "code": "73110",
            "reason": "unknown code: no municipality had this code on the reference date",
        }
    ]
    assert PopulationFigure.objects.count() == figures_before


def test_after_the_mergers_the_285_current_codes_are_accepted_and_borsbeek_is_not(registry):
    rows = municipality_rows(AFTER_MERGERS)
    assert len(rows) == 285
    assert "73110" in dict(rows)
    assert "11007" not in dict(rows)

    applied = run_import(csv_file(rows), reference_date=AFTER_MERGERS)
    rejected = run_import(csv_file([*rows, ("11007", 10_949)]), reference_date=AFTER_MERGERS)

    assert applied.status == PopulationImport.Status.APPLIED, applied.errors[:3]
    assert applied.created_count == 285
    assert rejected.status == PopulationImport.Status.REJECTED
    assert lines_of(rejected) == [287]
    assert rejected.errors[0]["code"] == "11007"


def test_file_of_285_municipalities_with_three_bad_rows_imports_nothing_and_names_the_lines(
    registry,
):
    current = Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    rows: list[tuple[object, object]] = [
        (m.nis_code, 10_000 + i) for i, m in enumerate(current.order_by("name_nl"))
    ]
    assert len(rows) == 285
    rows[9] = (rows[9][0], "veel")  # line 11
    rows[99] = (rows[99][0], -12)  # line 101
    rows.insert(200, ("99999", 1_234))  # line 202: no Flemish municipality has this code
    figures_before = PopulationFigure.objects.count()
    imports_before = PopulationImport.objects.count()

    record = run_import(csv_file(rows, delimiter=";"), reference_date=AFTER_MERGERS)

    assert PopulationFigure.objects.count() == figures_before
    assert not PopulationFigure.objects.filter(reference_date=AFTER_MERGERS).exists()
    assert PopulationImport.objects.count() == imports_before + 1
    record.refresh_from_db()
    assert record.status == PopulationImport.Status.REJECTED
    assert lines_of(record) == [11, 101, 202]
    assert [e["reason"] for e in record.errors] == [
        "not a number: 'veel'",
        "negative: '-12'",
        "unknown code: no municipality had this code on the reference date",
    ]
    assert record.row_count == 286
    assert (record.created_count, record.updated_count) == (0, 0)


# Row errors --------------------------------------------------------------------------------


def test_each_bad_row_is_reported_with_its_line_and_reason(geel, lennik, antwerp):
    mol = make_municipality("13025", "Mol", antwerp)
    dessel = make_municipality("13006", "Dessel", antwerp)
    content = csv_file(
        [
            ("13008", 41_000),  # line 2
            ("23104", "twaalf"),  # line 3: not a number
            ("13025", "-37"),  # line 4: negative
            ("13008", 41_001),  # line 5: duplicate of line 2
            ("99999", 5),  # line 6: unknown
            ("Geel", 5),  # line 7: not a code
            ("13006", ""),  # line 8: no number
        ]
    )

    record = run_import(content)

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [
        {"line": 3, "code": "23104", "reason": "not a number: 'twaalf'"},
        {"line": 4, "code": "13025", "reason": "negative: '-37'"},
        {
            "line": 5,
            "code": "13008",
            "reason": "duplicate: this code was already given on line 2",
        },
        {
            "line": 6,
            "code": "99999",
            "reason": "unknown code: no municipality had this code on the reference date",
        },
        {"line": 7, "code": "Geel", "reason": "'Geel' is not a NIS code"},
        {"line": 8, "code": "13006", "reason": "no number of inhabitants: ''"},
    ]
    assert not PopulationFigure.objects.filter(
        organisation__in=[geel, lennik, mol, dessel], reference_date=DAY_2021
    ).exists()


def test_missing_municipality_is_reported_without_a_line(geel, lennik):
    record = run_import(csv_file([("13008", 41_000)]))

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [
        {"line": None, "code": "23104", "reason": "municipality Lennik is missing from the file"}
    ]
    assert not PopulationFigure.objects.filter(reference_date=DAY_2021).exists()


def test_errors_are_listed_by_line_with_missing_municipalities_last(geel, lennik, antwerp):
    make_municipality("13025", "Mol", antwerp)
    content = csv_file([("99999", 1), ("13008", "x"), ("88888", 2)])

    record = run_import(content)

    assert lines_of(record) == [2, 3, 4, None, None]
    assert [e["code"] for e in record.errors[-2:]] == ["13025", "23104"]


def test_municipality_with_a_bad_row_is_not_also_reported_missing(geel, lennik):
    record = run_import(csv_file([("13008", 41_000), ("23104", "?")]))

    assert record.errors == [{"line": 3, "code": "23104", "reason": "not a number: '?'"}]


def test_short_row_without_inhabitants_is_an_error_not_a_crash(geel, lennik):
    content = b"nis_code;gemeente;inwoners\r\n13008;Geel;41000\r\n23104;Lennik\r\n"

    record = run_import(content)

    assert record.errors == [{"line": 3, "code": "23104", "reason": "no number of inhabitants: ''"}]


def test_blank_lines_are_skipped_but_line_numbers_stay_those_of_the_file(geel, lennik):
    content = b"\r\nnis_code,inhabitants\r\n13008,41000\r\n,\r\n\r\n23104,-1\r\n"

    record = run_import(content)

    assert record.errors == [{"line": 6, "code": "23104", "reason": "negative: '-1'"}]


# Whole-file errors -------------------------------------------------------------------------


def test_file_without_recognisable_header_columns_gives_one_clear_error(geel, lennik):
    content = csv_file([("13008", 41_000), ("23104", 9_200)], header=("gemeente", "aantal"))

    record = run_import(content)

    assert record.status == PopulationImport.Status.REJECTED
    assert len(record.errors) == 1
    error = record.errors[0]
    assert error["line"] is None
    assert "NIS code column" in error["reason"]
    assert "inhabitants column" in error["reason"]
    assert "Columns found: gemeente, aantal." in error["reason"]
    assert not PopulationFigure.objects.filter(reference_date=DAY_2021).exists()


def test_file_with_header_only_for_codes_names_the_missing_column(geel):
    record = run_import(csv_file([("13008", 41_000)], header=("nis_code", "aantal")))

    assert len(record.errors) == 1
    assert "Columns found: nis_code, aantal." in record.errors[0]["reason"]


def test_empty_file_is_rejected_as_empty(geel):
    record = run_import(b"\r\n\r\n")

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [{"line": None, "code": "", "reason": "The file is empty."}]


def test_broken_xlsx_is_rejected_as_unreadable(geel):
    record = run_import(b"PK\x03\x04 not really a zip", file_name="bevolking.xlsx")

    assert record.status == PopulationImport.Status.REJECTED
    assert record.errors == [
        {"line": None, "code": "", "reason": "The file is not a readable XLSX workbook."}
    ]


def test_text_that_is_neither_utf8_nor_windows_1252_is_rejected(geel):
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    record = run_import(b"nis_code,inhabitants\r\n13008,\x81\r\n")

    assert record.errors == [
        {
            "line": None,
            "code": "",
            "reason": "The file is neither UTF-8 nor Windows-1252 text. Save it as “CSV UTF-8”.",
        }
    ]


# Writing -----------------------------------------------------------------------------------


def test_valid_file_writes_all_figures_and_records_the_import(geel, lennik, trainer):
    record = run_import(
        csv_file([("13008", "41 000"), ("23104", 9_200)]), file_name="2021.csv", by=trainer
    )

    record.refresh_from_db()
    assert record.status == PopulationImport.Status.APPLIED
    assert record.created_by == trainer
    assert record.file_name == "2021.csv"
    assert record.reference_date == DAY_2021
    assert record.values == {"13008": 41_000, "23104": 9_200}
    figures = PopulationFigure.objects.filter(reference_date=DAY_2021)
    assert {(f.organisation, f.inhabitants) for f in figures} == {(geel, 41_000), (lennik, 9_200)}
    assert {f.source for f in figures} == {PopulationSource.IMPORT}
    assert {f.population_import for f in figures} == {record}


def test_import_keeps_the_figures_of_other_dates(geel, lennik):
    run_import(csv_file([("13008", 41_000), ("23104", 9_200)]))

    assert [(f.reference_date.year, f.inhabitants) for f in geel.population_figures.all()] == [
        (2021, 41_000),
        (2020, 40_709),
    ]


def test_reimporting_the_same_date_replaces_the_figures_instead_of_duplicating(geel, lennik):
    first = run_import(csv_file([("13008", 41_000), ("23104", 9_200)]))
    count_after_first = PopulationFigure.objects.count()

    second = run_import(csv_file([("13008", 41_500), ("23104", 9_300)]))

    assert (first.created_count, first.updated_count) == (2, 0)
    assert (second.created_count, second.updated_count) == (0, 2)
    assert PopulationFigure.objects.count() == count_after_first
    assert figure_on(geel) == 41_500
    assert figure_on(lennik) == 9_300
    assert (
        PopulationFigure.objects.get(organisation=geel, reference_date=DAY_2021).population_import
        == second
    )
    first.refresh_from_db()
    assert first.values == {"13008": 41_000, "23104": 9_200}


def test_import_on_the_date_of_a_shipped_figure_replaces_it(geel, lennik):
    record = run_import(
        csv_file([("13008", 40_710), ("23104", 9_097)]), reference_date=datetime.date(2020, 1, 1)
    )

    assert (record.created_count, record.updated_count) == (0, 2)
    figure = PopulationFigure.objects.get(organisation=geel)
    assert (figure.inhabitants, figure.source) == (40_710, PopulationSource.IMPORT)


def test_rejected_reimport_leaves_the_earlier_figures_alone(geel, lennik):
    run_import(csv_file([("13008", 41_000), ("23104", 9_200)]))

    record = run_import(csv_file([("13008", 50_000), ("23104", "-")]))

    assert record.status == PopulationImport.Status.REJECTED
    assert figure_on(geel) == 41_000


def test_ignore_unknown_skips_codes_of_other_regions(geel, lennik):
    content = csv_file([("21004", 188_737), ("13008", 41_000), ("57081", 69_554), ("23104", 9_200)])

    record = run_import(content, ignore_unknown=True)

    assert record.status == PopulationImport.Status.APPLIED
    assert (record.row_count, record.created_count, record.skipped_count) == (4, 2, 2)
    assert record.values == {"13008": 41_000, "23104": 9_200}
    assert not Organisation.objects.filter(nis_code__in=["21004", "57081"]).exists()


def test_ignore_unknown_still_reports_bad_rows_of_known_codes(geel, lennik):
    content = csv_file([("21004", 188_737), ("13008", "veel"), ("23104", 9_200)])

    record = run_import(content, ignore_unknown=True)

    assert record.status == PopulationImport.Status.REJECTED
    assert lines_of(record) == [3]


def test_other_organisation_types_are_not_municipalities_of_the_file(geel, lennik):
    Organisation.objects.create(
        type=OrganisationType.OCMW, name_nl="OCMW Geel", municipality=geel, nis_code="93008"
    )

    record = run_import(csv_file([("13008", 41_000), ("23104", 9_200), ("93008", 300)]))

    assert lines_of(record) == [4]
    assert record.errors[0]["reason"].startswith("unknown code")


def test_progress_callback_reports_the_rows_checked(geel, lennik):
    foreign = [(f"9{i:04d}", i) for i in range(2_498)]
    content = csv_file([("13008", 41_000), *foreign, ("23104", 9_200)])
    calls: list[int] = []

    record = run_import(content, ignore_unknown=True, progress=calls.append)

    assert record.status == PopulationImport.Status.APPLIED
    assert calls == [1_000, 2_000, 2_500]


def test_progress_callback_is_called_once_for_a_small_file(geel, lennik):
    calls: list[int] = []

    run_import(csv_file([("13008", 41_000), ("23104", 9_200)]), progress=calls.append)

    assert calls == [2]


def test_a_nul_in_a_population_csv_is_dropped_before_anything_is_stored(geel):
    content = csv_file([("13008", 41_000)]).replace(b"13008", b"130\x0008")

    record = run_import(content)

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert figure_on(geel) == 41_000
