"""Bank statements that are not statements: each is refused with a clear message, none books."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from atelier.fees.bank_file import read_bank_file
from atelier.fees.models import BankImport, BankLine, Payment
from atelier.lib.tests.bad_files import (
    LONG_CELL,
    binary_file,
    garbage_text,
    pdf_file,
    utf16_text,
    xlsx_workbook,
)
from atelier.lib.uploads import MB

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def admin(administrator) -> Client:
    client = Client()
    client.force_login(administrator)
    return client


def upload(client: Client, content: bytes, name: str):
    statement = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("fees:bank_import"), {"file": statement}, follow=True, **ENGLISH)


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("uittreksel.pdf", pdf_file, "This is a PDF file. Upload a CSV or CODA file."),
        (
            "uittreksel.xlsx",
            lambda: xlsx_workbook([["datum", "bedrag", "mededeling"]]),
            "This is a ZIP archive or an XLSX workbook. Upload a CSV or CODA file.",
        ),
        ("uittreksel.csv", binary_file, "This is not a text file. Upload a CSV or CODA file."),
        ("uittreksel.cod", binary_file, "This is not a text file. Upload a CSV or CODA file."),
        ("uittreksel.cod", garbage_text, "This is not a CODA file"),
        (
            "uittreksel.csv",
            lambda: f"datum;bedrag;mededeling\n02/02/2026;10,00;{LONG_CELL}\n".encode(),
            "Line 2: a cell holds more than 131,072 characters.",
        ),
    ],
    ids=["pdf", "xlsx", "binary-csv", "binary-cod", "garbage-cod", "long-cell"],
)
def test_a_file_that_is_no_statement_is_refused_clearly_and_books_nothing(
    admin, name, build, message
):
    response = upload(admin, build(), name)

    assert response.status_code == 200
    record = BankImport.objects.get()
    assert record.status == BankImport.Status.REJECTED
    assert len(record.errors) == 1
    assert message in record.errors[0]["message"]
    assert message in response.content.decode()
    assert not BankLine.objects.exists()
    assert not Payment.objects.exists()


def test_a_statement_over_10_mb_is_refused_on_the_form(admin):
    content = b"datum;bedrag;mededeling\n" + b"02/02/2026;10,00;x\n" * (10 * MB // 19 + 10)

    response = upload(admin, content, "uittreksel.csv")

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["The file is larger than 10 MB."]
    assert not BankImport.objects.exists()


def test_a_utf16_statement_with_its_byte_order_mark_is_read():
    content = utf16_text(
        "datum\tbedrag\ttegenpartij\tmededeling\r\n02/02/2026\t10,00\tGeel\tlidgeld\r\n"
    )

    parsed = read_bank_file(content, "uittreksel.txt")

    assert parsed.errors == []
    assert [(entry.counterparty, str(entry.amount)) for entry in parsed.entries] == [
        ("Geel", "10.00")
    ]


def test_problems_beyond_the_first_200_are_counted_in_one_line(settings):
    settings.LANGUAGE_CODE = "en"
    lines = ["datum;bedrag;mededeling"] + ["31/02/2026;10,00;x"] * 1_000

    parsed = read_bank_file("\n".join(lines).encode(), "uittreksel.csv")

    assert len(parsed.errors) == 201
    assert (parsed.errors[-1].line, parsed.errors[-1].message) == (
        0,
        "800 more lines have problems.",
    )
