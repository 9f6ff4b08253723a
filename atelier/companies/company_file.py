"""Reading and checking a file of companies and their participants, before anything is written.

One row per participation: the company's number, name, legal form and purpose (repeated on
each of its rows) and one participant's NIS code, shares, votes and joining date.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import override

from atelier.lib.company_number import is_valid_company_number, normalise_company_number
from atelier.lib.uploads import shorten

from .models import LegalForm, Purpose

MAX_ROWS = 20_000
COLUMNS: dict[str, set[str]] = {
    "company_number": {"companynumber", "kbo", "kbonummer", "ondernemingsnummer", "kbonumber"},
    "name": {"name", "naam", "companyname", "bedrijfsnaam", "vereniging"},
    "legal_form": {"legalform", "rechtsvorm", "vorm"},
    "purpose": {"purpose", "doel", "sector", "activiteit"},
    "nis_code": {"niscode", "nis", "refnis", "participant", "deelnemer", "gemeentecode"},
    "shares": {"shares", "aandelen"},
    "votes": {"votes", "stemmen"},
    "joined_on": {"joinedon", "joined", "toegetreden", "sinds", "vanaf", "startdatum"},
}
REQUIRED = ("company_number", "name", "legal_form", "purpose", "nis_code", "joined_on")


class CompanyFileError(Exception):
    """The file as a whole cannot be read (format, encoding or missing columns)."""


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str


@dataclass(frozen=True)
class CompanyRow:
    line: int
    company_number: str
    name: str
    legal_form: str
    purpose: str
    nis_code: str
    shares: int
    votes: int
    joined_on: datetime.date


@dataclass
class CheckedCompanies:
    rows: list[CompanyRow] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)


def _normalise(value: object) -> str:
    return re.sub(r"[^a-z]", "", str(value or "").lower())


def find_columns(header: list[object]) -> dict[str, int]:
    names = [_normalise(cell) for cell in header]
    found = {}
    for key, accepted in COLUMNS.items():
        index = next((i for i, name in enumerate(names) if name in accepted), None)
        if index is not None:
            found[key] = index
    missing = [key for key in REQUIRED if key not in found]
    if missing:
        raise CompanyFileError(
            _("The first row must name these columns: %(columns)s. Missing: %(missing)s.")
            % {"columns": ", ".join(REQUIRED), "missing": ", ".join(missing)}
        )
    return found


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value if value is not None else "").strip()


def _number_text(value: object) -> str:
    """A company number; a spreadsheet that took it for a number dropped its leading zeros."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _text(value).zfill(10)
    return _text(value)


def _choice(value: object, choices: type[LegalForm] | type[Purpose]) -> str | None:
    """A choice given by its code or by its label in Dutch or English."""
    text = _normalise(value)
    for choice in choices:
        names = {_normalise(choice.value)}
        for language in ("nl", "en"):
            with override(language):
                names.add(_normalise(choice.label))
        if text in names:
            return choice.value
    return None


def _count(value: object) -> int:
    text = _text(value)
    if not text:
        return 0
    if not re.fullmatch(r"\d+", text):
        raise ValueError(text)
    return int(text)


def _day(value: object) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    try:
        if match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def check_company_rows(
    rows: Iterable[tuple[int, list[object]]], *, participants: set[str]
) -> CheckedCompanies:
    """Every row checked, each problem named by its line; `participants` are known NIS codes."""
    checked = CheckedCompanies()
    columns: dict[str, int] | None = None
    companies: dict[str, CompanyRow] = {}
    pairs: dict[tuple[str, str], int] = {}
    for line, cells in rows:
        if columns is None:
            columns = find_columns(cells)
            continue
        values = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
        problems = _row_problems(values, participants)
        if problems:
            checked.problems += [LineProblem(line, reason) for reason in problems]
            continue
        row = _company_row(line, values)
        checked.problems += [LineProblem(line, r) for r in _conflicts(row, companies, pairs)]
        checked.rows.append(row)
    if columns is None:
        raise CompanyFileError(_("The file is empty."))
    return checked


def _row_problems(values: dict[str, object], participants: set[str]) -> list[str]:
    def shown(key: str) -> str:
        return shorten(values.get(key))

    problems = []
    if not is_valid_company_number(_number_text(values["company_number"])):
        problems.append(
            _("'%(value)s' is not a valid company number") % {"value": shown("company_number")}
        )
    if not _text(values["name"]):
        problems.append(_("the company has no name"))
    if _choice(values["legal_form"], LegalForm) is None:
        problems.append(_("unknown legal form '%(value)s'") % {"value": shown("legal_form")})
    if _choice(values["purpose"], Purpose) is None:
        problems.append(_("unknown purpose '%(value)s'") % {"value": shown("purpose")})
    if _text(values["nis_code"]) not in participants:
        problems.append(
            _("unknown NIS code '%(value)s': no current municipality has it")
            % {"value": shown("nis_code")}
        )
    if _day(values["joined_on"]) is None:
        problems.append(_("'%(value)s' is not a date") % {"value": shown("joined_on")})
    for key in ("shares", "votes"):
        try:
            _count(values.get(key))
        except ValueError:
            problems.append(_("'%(value)s' is not a whole number") % {"value": shown(key)})
    return problems


def _company_row(line: int, values: dict[str, object]) -> CompanyRow:
    return CompanyRow(
        line=line,
        company_number=normalise_company_number(_number_text(values["company_number"])),
        name=_text(values["name"])[:200],
        legal_form=_choice(values["legal_form"], LegalForm) or "",
        purpose=_choice(values["purpose"], Purpose) or "",
        nis_code=_text(values["nis_code"]),
        shares=_count(values.get("shares")),
        votes=_count(values.get("votes")),
        joined_on=_day(values["joined_on"]) or datetime.date.min,
    )


def _conflicts(
    row: CompanyRow, companies: dict[str, CompanyRow], pairs: dict[tuple[str, str], int]
) -> list[str]:
    """A company described differently on two lines, or a participant given twice."""
    problems = []
    first = companies.setdefault(row.company_number, row)
    if (first.name, first.legal_form, first.purpose) != (row.name, row.legal_form, row.purpose):
        problems.append(
            _("the company's name, legal form or purpose differs from line %(line)s")
            % {"line": first.line}
        )
    pair = (row.company_number, row.nis_code)
    if pair in pairs:
        problems.append(
            _("duplicate: this participant was already given on line %(line)s")
            % {"line": pairs[pair]}
        )
    pairs.setdefault(pair, row.line)
    return problems
