"""Population files that are too large, not what they claim, or full of problems.

Each gets a clear message and writes no figure; problems beyond the first 200 are counted,
not kept; the result page shows the bad lines first and folds the missing municipalities.
"""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.lib.tests.bad_files import (
    LONG_CELL,
    binary_file,
    pdf_file,
    utf16_text,
    xlsx_with_huge_shared_string,
    zip_bomb,
)
from atelier.lib.uploads import MB
from atelier.members import population_file
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationImport,
)
from atelier.members.services import import_population

from .population_files import csv_file

DAY = datetime.date(2021, 1, 1)
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
IMPORT_URL = reverse("members:import")

pytestmark = pytest.mark.usefixtures("in_english")


def run_import(content: bytes, file_name: str = "bevolking.csv") -> PopulationImport:
    return import_population(content=content, file_name=file_name, reference_date=DAY, by=None)


def figures_written() -> bool:
    return PopulationFigure.objects.filter(reference_date=DAY).exists()


@pytest.mark.parametrize(
    ("file_name", "build", "message"),
    [
        ("bevolking.pdf", pdf_file, "This is a PDF file. Upload a CSV or XLSX file."),
        (
            "bevolking.xlsx",
            lambda: xlsx_with_huge_shared_string(megabytes=30),
            "The workbook unpacks to more than 20 MB.",
        ),
        ("bevolking.xlsx", lambda: zip_bomb(megabytes=30), "refused as a possible ZIP bomb"),
        ("bevolking.csv", binary_file, "This is not a text file. Upload a CSV or XLSX file."),
        (
            "bevolking.csv",
            lambda: csv_file([("13008", 41_000), ("23104", LONG_CELL)]),
            "Line 3: a cell holds more than 131,072 characters.",
        ),
        (
            "bevolking.csv",
            lambda: "nis_code\tinhabitants\r\n13008\t41000\r\n".encode("utf-16-le"),
            "UTF-16 text without a byte order mark",
        ),
    ],
    ids=["pdf", "xlsx-huge-shared-string", "zip-bomb", "binary", "long-cell", "utf16-no-bom"],
)
def test_a_bad_file_gets_one_clear_message_and_writes_no_figure(
    geel, lennik, file_name, build, message
):
    record = run_import(build(), file_name)

    assert record.status == PopulationImport.Status.REJECTED
    assert [(error["line"], error["code"]) for error in record.errors] == [(None, "")]
    assert message in record.errors[0]["reason"]
    assert not figures_written()


def test_excel_unicode_text_with_tabs_and_byte_order_mark_is_imported(geel, lennik):
    content = utf16_text("nis_code\tinhabitants\r\n13008\t41000\r\n23104\t9200\r\n")

    record = run_import(content, "bevolking.txt")

    assert record.status == PopulationImport.Status.APPLIED, record.errors
    assert PopulationFigure.objects.get(organisation=geel, reference_date=DAY).inhabitants == 41_000


def test_bad_lines_beyond_the_first_200_are_counted_not_kept(geel, lennik):
    record = run_import(csv_file([("abc", 1)] * 1_000))

    assert record.error_count == 1_002  # 1,000 bad lines and two missing municipalities
    assert len([error for error in record.errors if error["line"]]) == 200
    assert [error["code"] for error in record.errors if error["line"] is None] == [
        "13008",
        "23104",
    ]


def test_a_quoted_cell_is_shortened_in_the_message(geel, lennik):
    record = run_import(csv_file([("13008", "9" * 5_000 + "x"), ("23104", 9_200)]))

    assert len(record.errors[0]["reason"]) < 80


def test_a_file_over_the_row_limit_is_refused(geel, lennik, monkeypatch):
    monkeypatch.setattr(population_file, "MAX_ROWS", 10)

    record = run_import(csv_file([("13008", 41_000)] * 11))

    assert record.errors[0]["reason"] == "The file has more than 10 rows."
    assert not figures_written()


def test_an_upload_over_20_mb_is_refused_on_the_form_and_nothing_is_recorded(client, trainer, geel):
    client.force_login(trainer)
    content = b"nis_code;inhabitants\n" + b"13008;1\n" * (20 * MB // 8)

    response = client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile("bevolking.csv", content), "reference_date": "2021-01-01"},
        **ENGLISH,
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["file"] == ["The file is larger than 20 MB."]
    assert form["reference_date"].value() == "2021-01-01"  # the fields after the file arrived
    assert "The file is larger than 20 MB." in response.content.decode()
    assert not PopulationImport.objects.exists()


# The result page ---------------------------------------------------------------------------


def municipalities(province, count: int) -> list[Organisation]:
    return Organisation.objects.bulk_create(
        Organisation(
            type=OrganisationType.MUNICIPALITY,
            nis_code=f"{30000 + number}",
            name_nl=f"Gemeente {number}",
            province=province,
        )
        for number in range(count)
    )


def result_page(client, record: PopulationImport, page: int = 1) -> str:
    url = reverse("members:import_detail", args=[record.pk])
    return client.get(url, {"page": page}, **ENGLISH).content.decode()


def bad_line_rows(html: str) -> list[tuple[str, str]]:
    return [
        (line, code)
        for line, code, _reason in re.findall(
            r"<tr><td>(\d+)</td><td>(.*?)</td><td>(.*?)</td></tr>", html
        )
    ]


def test_three_bad_lines_come_first_and_281_missing_municipalities_fold_into_one_line(
    client, trainer, antwerp
):
    known = municipalities(antwerp, 285)
    rows = [(m.nis_code, 1_000) for m in known[:3]]
    rows += [(known[3].nis_code, "veel"), ("99999", 5), ("abc", 7)]
    record = run_import(csv_file(rows))
    client.force_login(trainer)

    html = result_page(client, record)

    assert record.problem_count == 284
    assert "Nothing was imported: 284 problems were found." in html
    assert bad_line_rows(html) == [("5", known[3].nis_code), ("6", "99999"), ("7", "abc")]
    folded = re.search(r'<details id="missing-codes".*?</details>', html, re.S)
    assert folded is not None
    assert html.index('id="import-errors"') < folded.start()
    summary = re.search(r"<summary>(.*?)</summary>", folded.group(0), re.S).group(1)
    assert " ".join(summary.split()) == (
        "281 municipalities of the reference date are missing from the file"
    )
    assert folded.group(0).count("<li>") == 281
    assert "is missing from the file" not in html[: folded.start()]


def test_the_first_200_of_many_problems_are_shown_fifty_to_a_page(client, trainer, geel, lennik):
    record = run_import(csv_file([("abc", 1)] * 1_000))
    client.force_login(trainer)

    first, fourth = result_page(client, record), result_page(client, record, page=4)

    assert "These are the first 200 of 1,002 problems." in " ".join(first.split())
    assert [line for line, _code in bad_line_rows(first)] == [str(n) for n in range(2, 52)]
    assert [line for line, _code in bad_line_rows(fourth)] == [str(n) for n in range(152, 202)]
    assert "Page 1 of 4" in first


def test_the_import_list_reads_no_errors_and_its_queries_do_not_grow(client, trainer, geel):
    client.force_login(trainer)
    run_import(csv_file([("abc", 1)] * 300))
    url = reverse("members:imports")
    with CaptureQueriesContext(connection) as few:
        client.get(url, **ENGLISH)
    for _ in range(5):
        run_import(csv_file([("abc", 1)] * 300))

    with CaptureQueriesContext(connection) as many:
        response = client.get(url, **ENGLISH)

    assert response.status_code == 200
    assert len(many) == len(few)
    assert not [q["sql"] for q in many if '"errors"' in q["sql"] or '"values"' in q["sql"]]
