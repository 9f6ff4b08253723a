import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from atelier.fees.bank_file import read_bank_file


@pytest.fixture(autouse=True)
def _english():
    """The messages are asserted in English; outside a request the language is Dutch."""
    with translation.override("en"):
        yield


def coda_movement(sequence, amount_millis, reference, day="150226", credit=True):
    """A CODA 2.1 record: 128 characters, positions as in the Febelfin standard."""
    record = (
        "21"
        + f"{sequence:04d}"
        + "0000"
        + "REF".ljust(21)
        + ("0" if credit else "1")
        + f"{amount_millis:015d}"
        + day
        + "00150000"
        + "1"
        + ("101" + reference).ljust(53)
        + day
        + "001"
        + "0"
        + "1"
        + " "
        + "0"
    )
    assert len(record) == 128
    return record


def coda_name(sequence, name):
    record = "23" + f"{sequence:04d}" + "0000" + "BE68539007547034".ljust(37) + name.ljust(35)
    return record.ljust(127) + "0"


def test_csv_with_semicolons_belgian_amounts_and_a_bom():
    content = (
        "\ufeffDatum;Bedrag;Naam tegenpartij;Mededeling\n"
        "15/02/2026;20.630,66;Stad Geel;+++202/6100/00185+++\n"
        "\n"
        "16-02-2026;-12,00;Bank;kosten\n"
    ).encode()

    parsed = read_bank_file(content, "statement.csv")

    assert parsed.errors == []
    first, second = parsed.entries
    assert (first.line_number, first.booked_on) == (2, datetime.date(2026, 2, 15))
    assert (first.amount, first.structured_reference) == (Decimal("20630.66"), "202610000185")
    assert (second.line_number, second.amount, second.structured_reference) == (
        4,
        Decimal("-12.00"),
        "",
    )


def test_csv_errors_name_their_line_and_keep_nothing_else_back():
    content = (
        b"date,amount,communication\n2026-02-15,10.00,x\n31/02/2026,10.00,x\n2026-02-16,ten,x\n"
    )

    parsed = read_bank_file(content, "statement.csv")

    assert [
        (error.line, "date" in error.message, "amount" in error.message) for error in parsed.errors
    ] == [
        (3, True, False),
        (4, False, True),
    ]


def test_csv_without_known_columns_is_refused_on_line_one():
    parsed = read_bank_file(b"a;b;c\n1;2;3\n", "x.csv")

    assert [error.line for error in parsed.errors] == [1]
    assert parsed.entries == []


def test_windows_1252_file_is_read():
    content = "datum;bedrag;tegenpartij;mededeling\n15/02/2026;5,00;Café Één;x\n".encode("cp1252")

    assert read_bank_file(content, "x.csv").entries[0].counterparty == "Café Één"


def test_coda_movements_with_structured_communication_and_counterparty():
    lines = [
        "0000015022672505".ljust(127) + "2",
        coda_movement(1, 20_630_660, "202610000185"),
        coda_name(1, "STAD GEEL"),
        coda_movement(2, 12_000, "000000000097", credit=False),
        "9".ljust(127) + "2",
    ]

    parsed = read_bank_file("\n".join(lines).encode(), "statement.cod")

    assert parsed.file_format == "coda"
    assert parsed.errors == []
    paid, fee = parsed.entries
    assert (paid.amount, paid.structured_reference, paid.counterparty) == (
        Decimal("20630.66"),
        "202610000185",
        "STAD GEEL",
    )
    assert paid.booked_on == datetime.date(2026, 2, 15)
    assert fee.amount == Decimal("-12.00")


def test_control_characters_in_a_bank_file_become_spaces_so_coda_positions_hold():
    content = "datum;bedrag;tegenpartij;mededeling\n15/02/2026;5,00;Ca\x00fé;x\x1b\n".encode()

    entry = read_bank_file(content, "x.csv").entries[0]

    assert (entry.counterparty, entry.communication) == ("Ca fé", "x")
