"""Reading and checking a population file (CSV or XLSX) before anything is written."""

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from atelier.lib.control_characters import without_control_characters

ProgressCallback = Callable[[int, int], None]

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
    errors: list[RowError] = field(default_factory=list)
    skipped: int = 0
    row_count: int = 0


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


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="strict")


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[object]]]:
    try:
        text = without_control_characters(_decode(content))  # PostgreSQL cannot store NUL
    except UnicodeDecodeError as exc:
        raise PopulationFileError(_("The file is neither UTF-8 nor Windows-1252 text.")) from exc
    # The header decides the delimiter; a file may open with blank lines.
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, list(row)


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise PopulationFileError(_("The file is not a readable XLSX workbook.")) from exc
    sheet = workbook.worksheets[0]
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(row)
    workbook.close()


def read_population_file(content: bytes, file_name: str) -> list[SourceRow]:
    """The data rows of a CSV or XLSX file, each with its line number in the file."""
    is_xlsx = file_name.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK"
    rows = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    header: list[object] | None = None
    result: list[SourceRow] = []
    for line, row in rows:
        if not any(str(cell or "").strip() for cell in row):
            continue
        if header is None:
            header = row
            code_index, count_index = _find_columns(header)
            continue
        code = row[code_index] if code_index < len(row) else None
        count = row[count_index] if count_index < len(row) else None
        result.append(SourceRow(line=line, code=code, inhabitants=count))
    if header is None:
        raise PopulationFileError(_("The file is empty."))
    return result


def parse_code(value: object) -> str | None:
    """A five-digit NIS code, or None when the cell holds something else."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value if value is not None else "").strip()
    return text if re.fullmatch(r"\d{5}", text) else None


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
    rows: list[SourceRow],
    *,
    known_codes: dict[str, str],
    ignore_unknown: bool = False,
    progress: ProgressCallback | None = None,
) -> CheckedFile:
    """Check every row against the municipalities that existed on the reference date.

    `known_codes` maps each NIS code that existed on that date to the municipality's name.
    """
    checked = CheckedFile(row_count=len(rows))
    for position, row in enumerate(rows, start=1):
        _check_row(row, checked, known_codes=known_codes, ignore_unknown=ignore_unknown)
        if progress and (position % 1000 == 0 or position == len(rows)):
            progress(position, len(rows))
    for code, name in sorted(known_codes.items()):
        if code not in checked.lines:
            checked.errors.append(
                RowError(
                    line=None,
                    code=code,
                    reason=_("municipality %(name)s is missing from the file") % {"name": name},
                )
            )
    return checked


def _check_row(
    row: SourceRow, checked: CheckedFile, *, known_codes: dict[str, str], ignore_unknown: bool
) -> None:
    code = parse_code(row.code)
    raw_code = str(row.code if row.code is not None else "").strip()
    if code is None:
        checked.errors.append(
            RowError(row.line, raw_code, _("'%(code)s' is not a NIS code") % {"code": raw_code})
        )
        return
    if code not in known_codes:
        if ignore_unknown:
            checked.skipped += 1
        else:
            reason = _("unknown code: no municipality had this code on the reference date")
            checked.errors.append(RowError(row.line, code, reason))
        return
    if code in checked.lines:
        reason = _("duplicate: this code was already given on line %(line)s") % {
            "line": checked.lines[code]
        }
        checked.errors.append(RowError(row.line, code, reason))
        return
    checked.lines[code] = row.line
    try:
        checked.values[code] = parse_inhabitants(row.inhabitants)
    except ValueError as exc:
        shown = str(row.inhabitants if row.inhabitants is not None else "")
        checked.errors.append(RowError(row.line, code, f"{exc}: '{shown}'"))
