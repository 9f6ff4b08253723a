"""Reading bank statement files: CSV exports of Belgian banks, and CODA.

A file is read in full before anything is booked; each problem names its line.
"""

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TextIO

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from atelier.lib.money import parse_amount
from atelier.lib.structured_reference import find_structured_reference
from atelier.lib.uploads import UnreadableFile, csv_problem, shorten, text_stream

COLUMN_NAMES = {
    "booked_on": (
        "date",
        "datum",
        "boekingsdatum",
        "booking date",
        "uitvoeringsdatum",
        "execution date",
        "valutadatum",
        "value date",
    ),
    "amount": ("amount", "bedrag"),
    "counterparty": (
        "counterparty",
        "tegenpartij",
        "naam tegenpartij",
        "naam van de tegenpartij",
        "name",
        "naam",
    ),
    "communication": (
        "communication",
        "mededeling",
        "mededelingen",
        "gestructureerde mededeling",
        "structured communication",
        "omschrijving",
        "description",
        "details",
    ),
}
REQUIRED = ("booked_on", "amount")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y", "%d/%m/%y")
# A year of an association's statements is a few thousand lines.
MAX_LINES = 20_000
MAX_LISTED_ERRORS = 200


@dataclass(frozen=True)
class BankEntry:
    line_number: int
    booked_on: datetime.date
    amount: Decimal
    counterparty: str
    communication: str
    structured_reference: str


@dataclass(frozen=True)
class LineError:
    line: int
    message: str


@dataclass
class BankFile:
    file_format: str
    entries: list[BankEntry]
    errors: list[LineError]


class _TooLong(Exception):
    pass


def _numbered(rows: Iterable[list[str]]) -> Iterator[tuple[int, list[str]]]:
    for number, row in enumerate(rows, start=1):
        if number > MAX_LINES:
            raise _TooLong
        yield number, row


def _capped(errors: list[LineError]) -> list[LineError]:
    """The first MAX_LISTED_ERRORS problems, and how many more there are."""
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors
    more = len(errors) - MAX_LISTED_ERRORS
    message = _("%(count)s more lines have problems.") % {
        "count": number_format(more, force_grouping=True)
    }
    return [*errors[:MAX_LISTED_ERRORS], LineError(0, message)]


def parse_date(text: str) -> datetime.date:
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), date_format).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(text)


def _columns(header: list[str]) -> dict[str, int]:
    names = [re.sub(r"\s+", " ", cell.strip().lower()) for cell in header]
    found = {}
    for field_name, aliases in COLUMN_NAMES.items():
        for alias in aliases:
            if alias in names:
                found[field_name] = names.index(alias)
                break
    return found


def _csv_entry(number: int, row: list[str], columns: dict[str, int]) -> BankEntry | LineError:
    def cell(field_name: str) -> str:
        index = columns.get(field_name)
        return row[index].strip() if index is not None and index < len(row) else ""

    try:
        booked_on = parse_date(cell("booked_on"))
    except ValueError:
        return LineError(
            number, _("The date “%(value)s” is not a date.") % {"value": shorten(cell("booked_on"))}
        )
    try:
        amount = parse_amount(cell("amount"))
    except ValueError:
        return LineError(
            number,
            _("The amount “%(value)s” is not an amount.") % {"value": shorten(cell("amount"))},
        )
    communication = cell("communication")
    return BankEntry(
        line_number=number,
        booked_on=booked_on,
        amount=amount,
        counterparty=cell("counterparty")[:200],
        communication=communication[:300],
        structured_reference=find_structured_reference(communication) or "",
    )


def read_csv(stream: TextIO) -> BankFile:
    sample = stream.read(4096)
    stream.seek(0)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = type("semicolons", (csv.excel,), {"delimiter": ";"})  # never change csv.excel
    reader = csv.reader(stream, dialect)
    try:
        return _read_csv_rows(_numbered(reader))
    except csv.Error as error:
        return BankFile(
            "csv", [], [LineError(reader.line_num, csv_problem(reader.line_num, error))]
        )


def _read_csv_rows(rows: Iterator[tuple[int, list[str]]]) -> BankFile:
    header = next(rows, None)
    if header is None:
        return BankFile("csv", [], [LineError(1, _("The file is empty."))])
    columns = _columns(header[1])
    missing = [name for name in REQUIRED if name not in columns]
    if missing or not ({"communication", "counterparty"} & set(columns)):
        message = _(
            "The first line must name the columns: a date, an amount and a communication "
            "(for example “datum;bedrag;tegenpartij;mededeling”)."
        )
        return BankFile("csv", [], [LineError(1, message)])
    entries: list[BankEntry] = []
    errors: list[LineError] = []
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        result = _csv_entry(number, row, columns)
        (errors if isinstance(result, LineError) else entries).append(result)  # type: ignore[arg-type]
    return BankFile("csv", entries, _capped(errors))


def _coda_date(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d%m%y").date()  # noqa: DTZ007


def _coda_movement(number: int, record: str) -> BankEntry:
    """A CODA 2.1 record (positions as in the Febelfin standard, counted from 1)."""
    sign = -1 if record[31] == "1" else 1
    amount = sign * Decimal(record[32:47]) / 1000
    structured = record[61] == "1" and record[62:65] == "101"
    communication = record[62:115].strip()
    reference = record[65:77] if structured else find_structured_reference(communication) or ""
    return BankEntry(
        line_number=number,
        booked_on=_coda_date(record[115:121]),
        amount=amount,
        counterparty="",
        communication=f"+++{reference[:3]}/{reference[3:7]}/{reference[7:]}+++"
        if structured
        else communication,
        structured_reference=reference,
    )


def read_coda(lines: Iterable[str]) -> BankFile:
    entries: list[BankEntry] = []
    errors: list[LineError] = []
    by_sequence: dict[str, int] = {}  # a movement's 2.3 record names its counterparty
    for number, line in _numbered(lines):  # type: ignore[arg-type]
        record = str(line).rstrip("\r\n").ljust(128)
        if number == 1 and not record.startswith("0"):
            message = _("This is not a CODA file: its first line is not a header record (0000…).")
            return BankFile("coda", [], [LineError(1, message)])
        if record.startswith("21"):
            try:
                entries.append(_coda_movement(number, record))
                by_sequence[record[2:6]] = len(entries) - 1
            except (ValueError, ArithmeticError):
                errors.append(LineError(number, _("This movement record cannot be read.")))
        elif record.startswith("23") and record[2:6] in by_sequence:
            index = by_sequence[record[2:6]]
            entry = entries[index]
            entries[index] = BankEntry(**{**entry.__dict__, "counterparty": record[47:82].strip()})
    return BankFile("coda", entries, _capped(errors))


def read_bank_file(content: bytes, file_name: str) -> BankFile:
    """Entries and errors of a CSV or CODA statement; a file that is neither says why."""
    is_coda = file_name.lower().endswith((".cod", ".coda")) or content.startswith(b"0000")
    file_format = "coda" if is_coda else "csv"
    try:
        # A space for each control character: CODA records are read by position.
        stream = text_stream(content, expected=_("CSV or CODA"), control_replacement=" ")
        return read_coda(stream) if is_coda else read_csv(stream)
    except UnreadableFile as error:
        return BankFile(file_format, [], [LineError(0, str(error))])
    except UnicodeDecodeError:
        return BankFile(file_format, [], [LineError(0, _("The file is not readable text."))])
    except _TooLong:
        message = _("The file has more than %(count)s lines: split it.") % {
            "count": number_format(MAX_LINES, force_grouping=True)
        }
        return BankFile(file_format, [], [LineError(0, message)])
