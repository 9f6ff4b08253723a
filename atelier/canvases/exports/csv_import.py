"""A journey map (or blueprint) read from a spreadsheet, as an `atelier.canvas/1` document.

The file is the grid CSV that `tabular.canvas_csv` writes, or one a team typed itself:
- `;` or `,` separated; UTF-8 (with or without BOM) or Windows-1252.
- Header names in English or Dutch: stage (etappe, fase), step (stap), lane (baan, laan),
  lane_kind (soort), text (tekst), score (emotie), channel (kanaal), marker (markering),
  persona. stage, step and lane are required; unknown columns are refused.
- A row with a text or any field value is a card, at the row's step in the row's lane.
  A row without is a declaration: of a stage, of a step (stage and step), of a lane
  (lane and kind), or of both. Stages, steps and lanes appear in the order they are first named.
- A blank stage continues the stage of the row above.
- Lanes are told apart by title, steps by stage and title.
- A blank lane_kind makes the lane an emotion lane when its first row has a score, a
  channels lane when it has a channel, a persona lane when it names a persona, and a
  cards lane otherwise. Kinds, channels and markers are given by their code or by their
  label in English or Dutch.
- Cells starting with an apostrophe before = + - @ (how exports defuse formulas) lose it.

Every line is checked before anything is returned; one ValidationError lists each bad
line as "Line N: …". The document is then loaded by `services.transfer.import_canvas`.
"""

import csv
import io
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from atelier.canvases import kinds
from atelier.canvases.models import LaneKind
from atelier.canvases.serialize import FORMAT
from atelier.canvases.services.transfer import check_document
from atelier.lib.control_characters import without_control_characters
from atelier.method.models import ArtefactKind

MAX_LINES = 5000
MAX_NAME = 200
HEADER_NAMES = {
    "stage": "stage",
    "etappe": "stage",
    "fase": "stage",
    "step": "step",
    "stap": "step",
    "lane": "lane",
    "baan": "lane",
    "laan": "lane",
    "lane_kind": "lane_kind",
    "kind": "lane_kind",
    "soort": "lane_kind",
    "soort_baan": "lane_kind",
    "text": "text",
    "tekst": "text",
    "score": "score",
    "emotion": "score",
    "emotie": "score",
    "channel": "channel",
    "kanaal": "channel",
    "marker": "marker",
    "markering": "marker",
    "persona": "persona",
}
REQUIRED_COLUMNS = ("stage", "step", "lane")
FIELD_COLUMNS = ("score", "channel", "marker", "persona")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _codes(choices: Any) -> dict[str, str]:
    """Code or label (English or Dutch), lower case → code."""
    codes = {str(code).lower(): str(code) for code, _label in choices if code}
    for language in ("en", "nl"):
        with translation.override(language):
            codes.update({str(label).lower(): str(code) for code, label in choices if code})
    return codes


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise ValidationError(_("The file is neither UTF-8 nor Windows-1252 text.")) from None


def _unformula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _columns(header: list[str]) -> list[str | None]:
    """The canonical name of each column (None for a nameless one), or a ValidationError."""
    names = [cell.strip().lower().replace(" ", "_").replace("-", "_") for cell in header]
    unknown = [name for name in names if name and name not in HEADER_NAMES]
    if unknown:
        raise ValidationError(_("Unknown column: %(names)s.") % {"names": ", ".join(unknown)})
    columns = [HEADER_NAMES[name] if name else None for name in names]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ValidationError(_("Missing column: %(names)s.") % {"names": ", ".join(missing)})
    named = [column for column in columns if column]
    if len(named) != len(set(named)):
        raise ValidationError(_("A column is named twice."))
    return columns


def read_rows(raw: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) for each non-blank data row."""
    text = without_control_characters(_decode(raw))  # PostgreSQL cannot store a NUL
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(cell.strip() for cell in header):
            raise ValidationError(_("The file has no header line."))
        columns = _columns(header)
        return _data_rows(reader, columns)
    except csv.Error as error:
        raise ValidationError(
            _("Line %(line)s: %(problem)s") % {"line": reader.line_num, "problem": error}
        ) from None


def _data_rows(reader: Any, columns: list[str | None]) -> list[tuple[int, dict[str, str]]]:
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[str] = []
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if len(rows) >= MAX_LINES:
            raise ValidationError(
                _("The file has more than %(count)s lines.") % {"count": MAX_LINES}
            )
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(columns) :]):
            problems.append(
                _("Line %(line)s: %(problem)s")
                % {"line": line, "problem": _("more cells than the header has columns.")}
            )
            continue
        values = {
            name: _unformula(cell.strip())
            for name, cell in zip(columns, cells, strict=False)
            if name
        }
        rows.append((line, {name: values.get(name, "") for name in HEADER_NAMES.values()}))
    if problems:
        raise ValidationError(problems)
    return rows


@dataclass
class _Grid:
    """The document being built, row by row, with what checks need to remember."""

    stages: dict[str, dict[str, Any]] = field(default_factory=dict)
    steps: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    lanes: dict[str, dict[str, Any]] = field(default_factory=dict)
    cards: list[dict[str, Any]] = field(default_factory=list)
    single_places: dict[tuple[str, str], int] = field(default_factory=dict)
    last_stage: str = ""
    lane_codes: dict[str, str] = field(default_factory=lambda: _codes(LaneKind.choices))
    channel_codes: dict[str, str] = field(default_factory=lambda: _codes(kinds.CHANNELS))
    marker_codes: dict[str, str] = field(default_factory=lambda: _codes(kinds.MARKERS))


def _name(value: str, problems: list[str]) -> str:
    if len(value) > MAX_NAME:
        problems.append(_("a name holds at most %(count)s characters.") % {"count": MAX_NAME})
    return value[:MAX_NAME]


def _step(grid: _Grid, values: dict[str, str], problems: list[str]) -> dict[str, Any] | None:
    stage_title = _name(values["stage"] or grid.last_stage, problems)
    if not values["step"] and not values["stage"]:
        return None
    if not stage_title:
        problems.append(_("name the stage of the step."))
        return None
    grid.last_stage = stage_title
    stage = grid.stages.setdefault(
        stage_title, {"uid": str(uuid.uuid4()), "title": stage_title, "steps": []}
    )
    if not values["step"]:
        return None  # a stage of its own, declared
    key = (stage_title, _name(values["step"], problems))
    if key not in grid.steps:
        grid.steps[key] = {"uid": str(uuid.uuid4()), "title": key[1]}
        stage["steps"].append(grid.steps[key])
    return grid.steps[key]


def _inferred_kind(values: dict[str, str]) -> str:
    if values["score"]:
        return LaneKind.EMOTION
    if values["channel"]:
        return LaneKind.CHANNELS
    if values["persona"]:
        return LaneKind.PERSONA
    return LaneKind.CARDS


def _lane(grid: _Grid, values: dict[str, str], problems: list[str]) -> dict[str, Any] | None:
    if not values["lane"]:
        return None
    title = _name(values["lane"], problems)
    given = values["lane_kind"]
    kind = grid.lane_codes.get(given.lower()) if given else None
    if given and kind is None:
        choices = ", ".join(LaneKind.values)
        problems.append(
            _("unknown kind of lane %(kind)s (use one of: %(choices)s).")
            % {"kind": given, "choices": choices}
        )
        return None
    lane = grid.lanes.get(title)
    if lane is None:
        lane = {"uid": str(uuid.uuid4()), "kind": kind or _inferred_kind(values), "title": title}
        grid.lanes[title] = lane
    elif kind and kind != lane["kind"]:
        problems.append(
            _("the lane %(lane)s is of kind %(kind)s already.")
            % {"lane": title, "kind": lane["kind"]}
        )
    return lane


def _fields(grid: _Grid, lane: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    codes = {"channel": grid.channel_codes, "marker": grid.marker_codes}
    given = {
        name: codes[name].get(values[name].lower(), values[name]) if name in codes else values[name]
        for name in FIELD_COLUMNS
        if values[name]
    }
    spec = kinds.LANE_FIELDS[lane["kind"]]
    stray = [name for name in given if name not in {f.name for f in spec}]
    if stray:
        raise ValidationError(
            _("a card in the %(kind)s lane %(lane)s has no %(fields)s.")
            % {"kind": lane["kind"], "lane": lane["title"], "fields": ", ".join(stray)}
        )
    return kinds.clean_fields(spec, given)


def _card(
    grid: _Grid, line: int, values: dict[str, str], place: tuple[Any, Any], problems: list[str]
) -> None:
    lane, step = place
    if lane["kind"] in kinds.CARDLESS_LANES:
        problems.append(_("the lane %(lane)s holds no cards.") % {"lane": lane["title"]})
        return
    try:
        card_fields = _fields(grid, lane, values)
        text = kinds.clean_text(values["text"])
    except ValidationError as error:
        problems.extend(error.messages)
        return
    if lane["kind"] in kinds.SINGLE_CARD_LANES:
        other = grid.single_places.setdefault((lane["uid"], step["uid"]), line)
        if other != line:
            problems.append(
                _("the lane %(lane)s holds one card per step; line %(other)s has it already.")
                % {"lane": lane["title"], "other": other}
            )
            return
    grid.cards.append(
        {
            "uid": str(uuid.uuid4()),
            "lane": lane["uid"],
            "step": step["uid"],
            "section": "",
            "text": text,
            "fields": card_fields,
        }
    )


def _add_row(grid: _Grid, line: int, values: dict[str, str]) -> list[str]:
    """The row's problems; what the row declares or holds joins the grid."""
    problems: list[str] = []
    step = _step(grid, values, problems)
    lane = _lane(grid, values, problems)
    if values["text"] or any(values[name] for name in FIELD_COLUMNS):
        if not values["step"]:
            problems.append(_("a card needs a step."))
        if not values["lane"]:
            problems.append(_("a card needs a lane."))
        if step is not None and lane is not None and not problems:
            _card(grid, line, values, (lane, step), problems)
    return problems


def _document(grid: _Grid, title: str, kind: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "uid": str(uuid.uuid4()),
        "kind": kind,
        "title": title,
        "state": "",
        "description": "",
        "revision": 1,
        "stages": list(grid.stages.values()),
        "lanes": list(grid.lanes.values()),
        "cards": grid.cards,
        "links": [],
    }


def journey_from_csv(raw: bytes, *, title: str, kind: str = ArtefactKind.JOURNEY) -> dict[str, Any]:
    """An `atelier.canvas/1` document from a grid CSV; one ValidationError names each bad line."""
    if kind not in kinds.GRID_KINDS:
        raise ValidationError(_("Only a journey or a blueprint can be read from CSV."))
    title = (title or "").strip()
    if not title:
        raise ValidationError(_("Give the canvas a title."))
    grid, problems = _Grid(), list[str]()
    for line, values in read_rows(raw):
        problems.extend(
            _("Line %(line)s: %(problem)s") % {"line": line, "problem": problem}
            for problem in _add_row(grid, line, values)
        )
    if problems:
        raise ValidationError(problems)
    if not grid.steps:
        raise ValidationError(_("The file names no step."))
    return check_document(_document(grid, title[:MAX_NAME], str(kind))).data
