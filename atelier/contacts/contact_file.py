"""Reading and checking a member's list of contacts, before anything is written.

One row per function: the person (first and last name, e-mail, phone, language), the
function, its portfolios (topic short names or names, separated by '|' or ','), and dates.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import override

from atelier.knowledge.models import Topic
from atelier.lib.uploads import shorten

from .models import FunctionKind, Language

MAX_ROWS = 5_000
COLUMNS: dict[str, set[str]] = {
    "first_name": {"firstname", "voornaam"},
    "last_name": {"lastname", "achternaam", "familienaam", "naam"},
    "email": {"email", "emailaddress", "mail", "emailadres"},
    "phone": {"phone", "telefoon", "tel", "gsm"},
    "language": {"language", "taal"},
    "function": {"function", "functie", "mandaat"},
    "portfolios": {"portfolios", "portfolio", "bevoegdheden", "beleidsdomeinen", "topics"},
    "starts_on": {"startson", "from", "vanaf", "start", "begin"},
    "ends_on": {"endson", "until", "tot", "einde"},
}
REQUIRED = ("first_name", "last_name", "function", "starts_on")


class ContactFileError(Exception):
    """The file as a whole cannot be read (format, encoding or missing columns)."""


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str


@dataclass(frozen=True)
class ContactRow:
    line: int
    first_name: str
    last_name: str
    email: str
    phone: str
    language: str
    kind: str
    topics: tuple[Topic, ...]
    starts_on: datetime.date
    ends_on: datetime.date | None


@dataclass
class CheckedContacts:
    rows: list[ContactRow] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)


def _normalise(value: object) -> str:
    return re.sub(r"[^a-z]", "", str(value or "").lower())


def _text(value: object) -> str:
    return str(value if value is not None else "").strip()


def _find_columns(header: list[object]) -> dict[str, int]:
    names = [_normalise(cell) for cell in header]
    found = {}
    for key, accepted in COLUMNS.items():
        index = next((i for i, name in enumerate(names) if name in accepted), None)
        if index is not None:
            found[key] = index
    missing = [key for key in REQUIRED if key not in found]
    if missing:
        raise ContactFileError(
            _("The first row must name these columns: %(columns)s. Missing: %(missing)s.")
            % {"columns": ", ".join(REQUIRED), "missing": ", ".join(missing)}
        )
    return found


def _kind(value: object) -> str | None:
    """A function given by its code or by its name in Dutch or English."""
    text = _normalise(value)
    for kind in FunctionKind:
        names = {_normalise(kind.value)}
        for language in ("nl", "en"):
            with override(language):
                names.add(_normalise(kind.label))
        if text in names:
            return kind.value
    return None


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


class _Topics:
    def __init__(self) -> None:
        self.by_name = {}
        for topic in Topic.objects.all():
            for name in (topic.slug, topic.name_nl, topic.name_en):
                if name:
                    self.by_name[name.strip().lower()] = topic

    def parse(self, value: object) -> tuple[list[Topic], list[str]]:
        found, unknown = [], []
        for part in re.split(r"[|,;]", _text(value)):
            name = part.strip().lower()
            if not name:
                continue
            if name in self.by_name:
                found.append(self.by_name[name])
            else:
                unknown.append(part.strip())
        return found, unknown


def check_contact_rows(rows: Iterable[tuple[int, list[object]]]) -> CheckedContacts:
    """Every row checked, each problem named by its line."""
    checked = CheckedContacts()
    columns: dict[str, int] | None = None
    topics = _Topics()
    for line, cells in rows:
        if columns is None:
            columns = _find_columns(cells)
            continue
        values = {key: cells[i] if i < len(cells) else None for key, i in columns.items()}
        row, problems = _checked_row(line, values, topics)
        checked.problems += [LineProblem(line, reason) for reason in problems]
        if row is not None and not problems:
            checked.rows.append(row)
    if columns is None:
        raise ContactFileError(_("The file is empty."))
    return checked


def _checked_row(
    line: int, values: dict[str, object], topics: _Topics
) -> tuple[ContactRow | None, list[str]]:
    problems = []
    first, last = _text(values["first_name"])[:100], _text(values["last_name"])[:100]
    if not first or not last:
        problems.append(_("a first and a last name are needed"))
    email = _text(values.get("email")).lower()
    try:
        if email:
            validate_email(email)
    except ValidationError:
        problems.append(_("'%(value)s' is not an e-mail address") % {"value": shorten(email)})
    language = _text(values.get("language")).lower() or Language.DUTCH
    if language not in Language.values:
        problems.append(_("unknown language '%(value)s'") % {"value": shorten(language)})
    kind = _kind(values["function"])
    if kind is None:
        problems.append(_("unknown function '%(value)s'") % {"value": shorten(values["function"])})
    found, unknown = topics.parse(values.get("portfolios"))
    if unknown:
        problems.append(
            _("unknown portfolio or policy domain: %(names)s")
            % {"names": shorten(", ".join(unknown))}
        )
    starts_on = _day(values["starts_on"])
    if starts_on is None:
        problems.append(_("'%(value)s' is not a date") % {"value": shorten(values["starts_on"])})
    ends_on = _day(values.get("ends_on")) if _text(values.get("ends_on")) else None
    if _text(values.get("ends_on")) and ends_on is None:
        problems.append(_("'%(value)s' is not a date") % {"value": shorten(values["ends_on"])})
    if starts_on and ends_on and ends_on < starts_on:
        problems.append(_("A function cannot end before it starts."))
    if problems or kind is None or starts_on is None:
        return None, problems
    row = ContactRow(
        line=line,
        first_name=first,
        last_name=last,
        email=email,
        phone=_text(values.get("phone"))[:30],
        language=language,
        kind=kind,
        topics=tuple(found),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    return row, []
