"""Reading and checking a population file (CSV or XLSX) before anything is written."""

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from atelier.lib.uploads import (
    UnreadableFile,
    check_workbook_archive,
    csv_problem,
    shorten,
    text_stream,
)

# Called with the number of rows checked so far, every 1,000 rows and once at the end.
ProgressCallback = Callable[[int], None]
# A national file has about 600 rows; Statbel's detail files some hundred thousand.
MAX_ROWS = 1_000_000
# Bad lines kept (and shown) per import; the rest are counted.
MAX_LISTED_ERRORS = 200

CODE_HEADERS = {
    "nis",
    "niscode",
    "refnis",
    "cdrefnis",
    "cdmuntyrefnis",
    "refniscode",
    "code",
    "gemeentecode",
    "insee",
    "codeins",
    "municipalitycode",
}
INHABITANTS_HEADERS = {
    "inhabitants",
    "inwoners",
    "inwonersaantal",
    "aantalinwoners",
    "population",
    "bevolking",
    "mspopulation",
    "total",
    "totaal",
    "habitants",
    "residents",
}
# A reference date (or year) column: Statbel's files name the date each row describes.
DATE_HEADERS = {"dtrefdate", "refdate", "referencedate", "peildatum", "cdyear", "year", "jaar"}
# Statbel's detail files break each municipality down by these; their rows are summed.
DETAIL_HEADERS = {"cdsex", "cdage", "cdnatlty", "cdcivsts"}
# Title rows (an XLSX from Statbel opens with a title, a source line, ...) before the header.
MAX_TITLE_ROWS = 20
NIS_CODE = re.compile(r"\d{5}")
# Digits grouped by three with a space, a non-breaking space, a dot, a comma or an apostrophe.
GROUPED_NUMBER = re.compile(r"^\d{1,3}(?:([ .,'\u00a0\u202f])\d{3})?(?:\1\d{3})*$")


class PopulationFileError(Exception):
    """The file as a whole cannot be read (format, encoding or missing columns)."""


@dataclass(frozen=True)
class SourceRow:
    line: int
    code: object
    inhabitants: object
    # The row's reference date as the file gives it (None when the file has no such column).
    day: object = None
    # One part of a municipality (by sex, age, ...): its count is added to the others.
    is_part: bool = False


@dataclass(frozen=True)
class Columns:
    code: int
    count: int
    day: int | None
    is_detail: bool

    def source_row(self, line: int, row: list[object]) -> SourceRow:
        return SourceRow(
            line=line,
            code=_cell(row, self.code),
            inhabitants=_cell(row, self.count),
            day=_cell(row, self.day),
            is_part=self.is_detail,
        )


def _cell(row: list[object], index: int | None) -> object:
    return row[index] if index is not None and index < len(row) else None


@dataclass(frozen=True)
class RowError:
    line: int | None
    code: str
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {"line": self.line, "code": self.code, "reason": self.reason}


@dataclass
class CheckedFile:
    values: dict[str, int] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    # The first MAX_LISTED_ERRORS bad lines, then every municipality missing from the file.
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0  # every problem, listed or not
    skipped: int = 0
    row_count: int = 0

    def add_error(self, line: int | None, code: str, describe: Callable[[], str]) -> None:
        """Count a problem; keep it, described, while fewer than the cap are kept.

        Describing (translating) every bad line of a large file costs more than reading it.
        """
        self.error_count += 1
        if line is None or len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(RowError(line, code, describe()))


def _normalise_header(value: object) -> str:
    return re.sub(r"[^a-z]", "", str(value or "").lower())


def _find_columns(header: list[object]) -> Columns | None:
    """The columns a header row names, or None when the row is no header (a title row)."""
    names = [_normalise_header(h) for h in header]
    code_index = next((i for i, n in enumerate(names) if n in CODE_HEADERS), None)
    count_index = next((i for i, n in enumerate(names) if n in INHABITANTS_HEADERS), None)
    if code_index is None or count_index is None:
        return None
    day_index = next((i for i, n in enumerate(names) if n in DATE_HEADERS), None)
    is_detail = any(n in DETAIL_HEADERS for n in names)
    return Columns(code_index, count_index, day_index, is_detail)


def _no_header(first_row: list[object]) -> PopulationFileError:
    found = ", ".join(str(h) for h in first_row if h not in (None, "")) or _("none")
    return PopulationFileError(
        _(
            "The first row must name a NIS code column (for example 'nis_code') and an "
            "inhabitants column (for example 'inhabitants'). Columns found: %(found)s."
        )
        % {"found": found}
    )


def _text_stream(content: bytes) -> io.TextIOWrapper:
    try:
        return text_stream(content, expected=_("CSV or XLSX"))
    except UnreadableFile as exc:
        raise PopulationFileError(str(exc)) from exc


def _delimiter(stream: io.TextIOWrapper) -> str:
    """The header decides the delimiter; a file may open with blank lines."""
    first_line = stream.readline()
    while first_line and not first_line.strip():
        first_line = stream.readline()
    stream.seek(0)
    return max(";,\t|", key=first_line.count)


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[object]]]:
    stream = _text_stream(content)
    try:
        reader = csv.reader(stream, delimiter=_delimiter(stream))
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as exc:
        raise PopulationFileError(csv_problem(reader.line_num, exc)) from exc
    except UnicodeDecodeError as exc:  # a UTF-16 file cut in the middle of a character
        raise PopulationFileError(_("The file is not readable text.")) from exc


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        check_workbook_archive(content)
    except UnreadableFile as exc:
        raise PopulationFileError(str(exc)) from exc
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise PopulationFileError(_("The file is not a readable XLSX workbook.")) from exc
    try:
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row)
    except Exception as exc:  # a sheet broken further down
        raise PopulationFileError(_("The file is not a readable XLSX workbook.")) from exc
    finally:
        workbook.close()


def read_population_file(content: bytes, file_name: str) -> Iterator[SourceRow]:
    """The data rows of a CSV or XLSX file, each with its line number in the file, as read.

    Raises PopulationFileError, possibly after some rows, when the file cannot be read on.
    """
    is_xlsx = file_name.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK"
    rows = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    columns: Columns | None = None
    first_row: list[object] | None = None
    rows_before_header = 0
    data_rows = 0
    for line, row in rows:
        if not any(str(cell or "").strip() for cell in row):
            continue
        if columns is None:
            first_row = first_row or row
            columns = _find_columns(row)
            rows_before_header += 1
            if columns is None and rows_before_header >= MAX_TITLE_ROWS:
                raise _no_header(first_row)
            continue
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise PopulationFileError(
                _("The file has more than %(count)s rows.")
                % {"count": number_format(MAX_ROWS, force_grouping=True)}
            )
        yield columns.source_row(line, row)
    if first_row is None:
        raise PopulationFileError(_("The file is empty."))
    if columns is None:
        raise _no_header(first_row)


def parse_code(value: object) -> str | None:
    """A five-digit NIS code, or None when the cell holds something else."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    return text if NIS_CODE.fullmatch(text) else None


def parse_inhabitants(value: object) -> int:
    """A whole, non-negative number; raises ValueError with the reason otherwise."""
    if isinstance(value, bool):
        raise ValueError(_("not a number"))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise ValueError(_("not a whole number"))
        number = int(value)
    else:
        number = _parse_text_number(str(value if value is not None else ""))
    if number < 0:
        raise ValueError(_("negative"))
    return number


def _parse_text_number(text: str) -> int:
    text = text.strip()
    if not text:
        raise ValueError(_("no number of inhabitants"))
    negative = text.startswith("-")
    digits = text.lstrip("-").strip()
    if re.fullmatch(r"\d+", digits) or GROUPED_NUMBER.fullmatch(digits):
        number = int(re.sub(r"\D", "", digits))
        return -number if negative else number
    if re.fullmatch(r"\d+[.,]0+", digits):
        return int(re.split(r"[.,]", digits)[0]) * (-1 if negative else 1)
    raise ValueError(_("not a number"))


def check_population_rows(
    rows: Iterable[SourceRow],
    *,
    known_codes: dict[str, str],
    ignore_unknown: bool = False,
    reference_date: datetime.date | None = None,
    progress: ProgressCallback | None = None,
) -> CheckedFile:
    """Check every row against the municipalities that existed on the reference date.

    `known_codes` maps each NIS code that existed on that date to the municipality's name.
    Rows a file dates to another day (Statbel's files may hold several) are skipped.
    """
    checked = CheckedFile()
    for row in rows:
        if _is_of_other_day(row, checked, reference_date):
            checked.row_count += 1
            continue
        _check_row(row, checked, known_codes=known_codes, ignore_unknown=ignore_unknown)
        checked.row_count += 1
        if progress and checked.row_count % 1000 == 0:
            progress(checked.row_count)
    if progress and checked.row_count % 1000:
        progress(checked.row_count)
    for code, name in sorted(known_codes.items()):
        if code not in checked.lines:
            checked.add_error(None, code, _missing(name))
    return checked


def _is_of_other_day(
    row: SourceRow, checked: CheckedFile, reference_date: datetime.date | None
) -> bool:
    """Skip (count) a row dated to another day; report a date that cannot be read."""
    if reference_date is None or row.day in (None, ""):
        return False
    day = parse_day(row.day)
    if day is None:
        shown = shorten(row.day)
        checked.add_error(
            row.line, "", lambda: _("'%(date)s' is not a reference date") % {"date": shown}
        )
        return True
    if day != reference_date:
        checked.skipped += 1
        return True
    return False


def parse_day(value: object) -> datetime.date | None:
    """A reference date as Statbel writes it: a date, 2024-01-01, 01/01/2024 or a year."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return datetime.date(int(text), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        if match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None


def _missing(name: str) -> Callable[[], str]:
    return lambda: _("municipality %(name)s is missing from the file") % {"name": name}


def _check_row(
    row: SourceRow, checked: CheckedFile, *, known_codes: dict[str, str], ignore_unknown: bool
) -> None:
    code = parse_code(row.code)
    raw_code = str(row.code if row.code is not None else "").strip()
    if code is None:
        shown = shorten(raw_code)
        checked.add_error(
            row.line, shown, lambda: _("'%(code)s' is not a NIS code") % {"code": shown}
        )
        return
    if code not in known_codes:
        if ignore_unknown:
            checked.skipped += 1
        else:
            checked.add_error(
                row.line,
                code,
                lambda: _("unknown code: no municipality had this code on the reference date"),
            )
        return
    if code in checked.lines and row.is_part:
        _add_part(row, checked, code)
        return
    if code in checked.lines:
        first = checked.lines[code]
        checked.add_error(
            row.line,
            code,
            lambda: _("duplicate: this code was already given on line %(line)s") % {"line": first},
        )
        return
    checked.lines[code] = row.line
    try:
        checked.values[code] = parse_inhabitants(row.inhabitants)
    except ValueError as exc:
        reason = f"{exc}: '{shorten(row.inhabitants)}'"
        checked.add_error(row.line, code, lambda: reason)


def _add_part(row: SourceRow, checked: CheckedFile, code: str) -> None:
    """Add one more part (a sex, an age, a nationality) to the municipality's sum."""
    try:
        part = parse_inhabitants(row.inhabitants)
    except ValueError as exc:
        reason = f"{exc}: '{shorten(row.inhabitants)}'"
        checked.add_error(row.line, code, lambda: reason)
        return
    if code in checked.values:
        checked.values[code] += part
