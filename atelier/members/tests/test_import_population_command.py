"""`manage.py import_population`: the same service, with errors listed on stderr."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from atelier.members.models import PopulationFigure, PopulationImport

from .population_files import csv_file, xlsx_file

DAY_2021 = datetime.date(2021, 1, 1)

pytestmark = pytest.mark.usefixtures("in_english")


def run_command(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_population", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_a_csv_file_and_says_what_it_did(tmp_path, geel, lennik, trainer):
    path = tmp_path / "bevolking-2021.csv"
    path.write_bytes(csv_file([("13008", "41 000"), ("23104", 9_200)], delimiter=";"))

    out, _ = run_command(str(path), "--reference-date", "2021-01-01", "--by", "TRAINER@example.org")

    assert out.strip() == "Imported 2 rows: 2 added, 0 replaced, 0 skipped."
    record = PopulationImport.objects.get()
    assert record.status == PopulationImport.Status.APPLIED
    assert record.created_by == trainer
    assert record.file_name == "bevolking-2021.csv"
    assert PopulationFigure.objects.get(organisation=geel, reference_date=DAY_2021).inhabitants == (
        41_000
    )


def test_command_imports_an_xlsx_file_and_reports_replaced_figures(tmp_path, geel, lennik):
    path = tmp_path / "bevolking.xlsx"
    path.write_bytes(xlsx_file([(13008, 40_710), (23104, 9_097)]))

    out, _ = run_command(str(path), "--reference-date", "2020-01-01")

    assert out.strip() == "Imported 2 rows: 0 added, 2 replaced, 0 skipped."
    assert PopulationImport.objects.get().created_by is None


def test_command_with_bad_rows_imports_nothing_and_lists_each_line(tmp_path, geel, lennik):
    path = tmp_path / "bevolking.csv"
    path.write_bytes(csv_file([("13008", "veel"), ("99999", 12)]))
    figures_before = PopulationFigure.objects.count()
    err = StringIO()

    with pytest.raises(CommandError, match=r"Nothing was imported: 3 problem\(s\)\."):
        call_command("import_population", str(path), "--reference-date", "2021-01-01", stderr=err)

    reported = [line for line in err.getvalue().splitlines() if line.startswith("line ")]
    assert "checked 2 rows" in err.getvalue()
    assert reported == [
        "line 2: 13008: not a number: 'veel'",
        "line 3: 99999: unknown code: no municipality had this code on the reference date",
        "line -: 23104: municipality Lennik is missing from the file",
    ]
    assert PopulationFigure.objects.count() == figures_before
    assert PopulationImport.objects.get().status == PopulationImport.Status.REJECTED


def test_command_ignore_unknown_skips_foreign_codes(tmp_path, geel, lennik):
    path = tmp_path / "belgie.csv"
    path.write_bytes(csv_file([("21004", 188_737), ("13008", 41_000), ("23104", 9_200)]))

    out, _ = run_command(str(path), "--reference-date", "2021-01-01", "--ignore-unknown")

    assert out.strip() == "Imported 3 rows: 2 added, 0 replaced, 1 skipped."


def test_command_refuses_a_path_that_is_not_a_file(tmp_path, geel):
    with pytest.raises(CommandError, match="is not a file"):
        run_command(str(tmp_path / "missing.csv"), "--reference-date", "2021-01-01")
    assert not PopulationImport.objects.exists()


def test_command_refuses_a_reference_date_that_is_not_iso(tmp_path, geel):
    path = tmp_path / "bevolking.csv"
    path.write_bytes(csv_file([("13008", 41_000)]))

    with pytest.raises(CommandError, match="reference.date"):
        run_command(str(path), "--reference-date", "1/1/2021")
    assert not PopulationImport.objects.exists()


def test_command_refuses_an_unknown_importer_and_writes_nothing(tmp_path, geel, lennik):
    path = tmp_path / "bevolking.csv"
    path.write_bytes(csv_file([("13008", 41_000), ("23104", 9_200)]))

    with pytest.raises(CommandError, match="nobody@example.org"):
        run_command(str(path), "--reference-date", "2021-01-01", "--by", "nobody@example.org")

    assert not PopulationImport.objects.exists()
