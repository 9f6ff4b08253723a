"""Reading bank statement files: CSV exports of Belgian banks, and CODA.

A file is read in full before anything is booked; each problem names its line.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from atelier.lib.control_characters import without_control_characters
from atelier.lib.money import parse_amount
from atelier.lib.structured_reference import find_structured_reference

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


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


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
            number, _("The date “%(value)s” is not a date.") % {"value": cell("booked_on")}
        )
    try:
        amount = parse_amount(cell("amount"))
    except ValueError:
        return LineError(
            number, _("The amount “%(value)s” is not an amount.") % {"value": cell("amount")}
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


def read_csv(text: str) -> BankFile:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = type("semicolons", (csv.excel,), {"delimiter": ";"})  # never change csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return BankFile("csv", [], [LineError(1, _("The file is empty."))])
    columns = _columns(rows[0])
    missing = [name for name in REQUIRED if name not in columns]
    if missing or not ({"communication", "counterparty"} & set(columns)):
        message = _(
            "The first line must name the columns: a date, an amount and a communication "
            "(for example “datum;bedrag;tegenpartij;mededeling”)."
        )
        return BankFile("csv", [], [LineError(1, message)])
    entries: list[BankEntry] = []
    errors: list[LineError] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        result = _csv_entry(number, row, columns)
        (errors if isinstance(result, LineError) else entries).append(result)  # type: ignore[arg-type]
    return BankFile("csv", entries, errors)


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


def read_coda(text: str) -> BankFile:
    entries: list[BankEntry] = []
    errors: list[LineError] = []
    by_sequence: dict[str, int] = {}  # a movement's 2.3 record names its counterparty
    for number, record in enumerate(text.splitlines(), start=1):
        record = record.ljust(128)
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
    return BankFile("coda", entries, errors)


def read_bank_file(content: bytes, file_name: str) -> BankFile:
    """Entries and errors of a CSV or CODA statement."""
    # A space for each control character: CODA records are read by position.
    text = without_control_characters(_decode(content), " ")
    if file_name.lower().endswith((".cod", ".coda")) or text.startswith("0000"):
        return read_coda(text)
    return read_csv(text)
