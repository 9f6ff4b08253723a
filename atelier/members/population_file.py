"""Reading and checking a population file (CSV or XLSX) before anything is written."""

import csv
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


def _find_columns(header: list[object]) -> tuple[int, int]:
    names = [_normalise_header(h) for h in header]
    code_index = next((i for i, n in enumerate(names) if n in CODE_HEADERS), None)
    count_index = next((i for i, n in enumerate(names) if n in INHABITANTS_HEADERS), None)
    if code_index is None or count_index is None:
        found = ", ".join(str(h) for h in header if h not in (None, "")) or _("none")
        raise PopulationFileError(
            _(
                "The first row must name a NIS code column (for example 'nis_code') and an "
                "inhabitants column (for example 'inhabitants'). Columns found: %(found)s."
            )
            % {"found": found}
        )
    return code_index, count_index


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
    return max(";,\t", key=first_line.count)


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
    header: list[object] | None = None
    data_rows = 0
    for line, row in rows:
        if not any(str(cell or "").strip() for cell in row):
            continue
        if header is None:
            header = row
            code_index, count_index = _find_columns(header)
            continue
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise PopulationFileError(
                _("The file has more than %(count)s rows.")
                % {"count": number_format(MAX_ROWS, force_grouping=True)}
            )
        code = row[code_index] if code_index < len(row) else None
        count = row[count_index] if count_index < len(row) else None
        yield SourceRow(line=line, code=code, inhabitants=count)
    if header is None:
        raise PopulationFileError(_("The file is empty."))


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
    progress: ProgressCallback | None = None,
) -> CheckedFile:
    """Check every row against the municipalities that existed on the reference date.

    `known_codes` maps each NIS code that existed on that date to the municipality's name.
    """
    checked = CheckedFile()
    for row in rows:
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
