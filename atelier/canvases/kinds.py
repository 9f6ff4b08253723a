"""What each kind of canvas holds: its sections or default lanes, and each card's fields.

This is the one schema that editing, validation, import, export and rendering read, so a
canvas is structured data that every format can round-trip.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from atelier.method.models import ArtefactKind

from .models import LaneKind

GRID_KINDS = frozenset({ArtefactKind.JOURNEY, ArtefactKind.BLUEPRINT})
MAX_TEXT = 5000


@dataclass(frozen=True)
class Field:
    """One attribute of a card, beyond its text."""

    name: str
    label: str | Promise
    choices: tuple[tuple[str, str | Promise], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    # Kept by the canvas itself (a stakeholder's place on its ring), not typed in a form.
    internal: bool = False

    @property
    def is_number(self) -> bool:
        return self.minimum is not None

    def clean(self, value: Any) -> Any:
        if value in (None, ""):
            if self.required:
                raise ValidationError(_("%(field)s is required.") % {"field": self.label})
            return None if self.is_number else ""
        if self.is_number:
            return self._clean_number(value)
        value = str(value).strip()
        if self.choices and value not in {choice for choice, _label in self.choices}:
            raise ValidationError(
                _("%(value)s is not a valid %(field)s.") % {"value": value, "field": self.label}
            )
        if len(value) > 500:
            raise ValidationError(_("%(field)s is too long.") % {"field": self.label})
        return value

    def _clean_number(self, value: Any) -> int:
        try:
            number = int(str(value).strip().replace("+", ""))
        except ValueError:
            raise ValidationError(
                _("%(field)s must be a whole number.") % {"field": self.label}
            ) from None
        low, high = self.minimum or 0, self.maximum or 0
        if not low <= number <= high:
            raise ValidationError(
                _("%(field)s must lie between %(minimum)s and %(maximum)s.")
                % {"field": self.label, "minimum": self.minimum, "maximum": self.maximum}
            )
        return number


def score_field(name: str, label: str | Promise, required: bool = False) -> Field:
    return Field(name, label, minimum=1, maximum=5, required=required)


MARKERS = (("", _("none")), ("pain", _("pain point")), ("critical", _("critical point")))
CHANNELS = (
    ("desk", _("desk")),
    ("phone", _("phone")),
    ("email", _("e-mail")),
    ("website", _("website")),
    ("app", _("app")),
    ("letter", _("letter")),
    ("home_visit", _("home visit")),
    ("chat", _("chat")),
    ("social_media", _("social media")),
    ("kiosk", _("self-service kiosk")),
    ("other", _("other")),
)
RINGS = (("core", _("core")), ("direct", _("direct")), ("indirect", _("indirect")))
STAKEHOLDER_TYPES = (
    ("person", _("person")),
    ("team", _("team")),
    ("partner", _("partner")),
    ("supplier", _("supplier")),
)
IDEA_STATUSES = (
    ("new", _("new")),
    ("selected", _("selected")),
    ("parked", _("parked")),
    ("done", _("done")),
)
TEST_STATUSES = (("planned", _("planned")), ("done", _("done")))
DECISIONS = (
    ("", _("not yet")),
    ("keep", _("keep")),
    ("change", _("change")),
    ("drop", _("drop")),
)

LANE_FIELDS: dict[str, tuple[Field, ...]] = {
    LaneKind.TEXT: (),
    LaneKind.CARDS: (Field("marker", _("marker"), choices=MARKERS),),
    LaneKind.CHANNELS: (Field("channel", _("channel"), choices=CHANNELS, required=True),),
    LaneKind.EMOTION: (Field("score", _("emotion"), minimum=-2, maximum=2, required=True),),
    LaneKind.PERSONA: (Field("persona", _("persona")),),  # a persona canvas uid, or blank
}
# Lanes that hold at most one card per step.
SINGLE_CARD_LANES = frozenset({LaneKind.TEXT, LaneKind.EMOTION})
# Lanes that hold no cards: separators, and evidence that is computed from the other cards.
CARDLESS_LANES = frozenset(
    {
        LaneKind.EVIDENCE,
        LaneKind.LINE_OF_INTERACTION,
        LaneKind.LINE_OF_VISIBILITY,
        LaneKind.LINE_OF_INTERNAL_INTERACTION,
    }
)

DEFAULT_LANES: dict[str, tuple[tuple[str, str | Promise], ...]] = {
    ArtefactKind.JOURNEY: (
        (LaneKind.PERSONA, _("Persona")),
        (LaneKind.CARDS, _("Actions")),
        (LaneKind.CHANNELS, _("Touchpoints and channels")),
        (LaneKind.TEXT, _("Thoughts and needs")),
        (LaneKind.EMOTION, _("Emotion")),
        (LaneKind.CARDS, _("Pain points")),
        (LaneKind.CARDS, _("Opportunities")),
        (LaneKind.EVIDENCE, _("Evidence")),
    ),
    ArtefactKind.BLUEPRINT: (
        (LaneKind.CARDS, _("Physical evidence")),
        (LaneKind.CARDS, _("User actions")),
        (LaneKind.LINE_OF_INTERACTION, _("Line of interaction")),
        (LaneKind.CHANNELS, _("Frontstage: staff and channels")),
        (LaneKind.LINE_OF_VISIBILITY, _("Line of visibility")),
        (LaneKind.CARDS, _("Backstage")),
        (LaneKind.LINE_OF_INTERNAL_INTERACTION, _("Line of internal interaction")),
        (LaneKind.CARDS, _("Support processes")),
    ),
}
DEFAULT_STAGES = (_("Before"), _("During"), _("After"))


@dataclass(frozen=True)
class Section:
    """A named part of a non-grid canvas: its cards, their text and their fields."""

    key: str
    label: str | Promise
    text_label: str | Promise
    help: str | Promise = ""
    fields: tuple[Field, ...] = field(default=())
    single: bool = False  # at most one card
    one_line: bool = False  # its text is a name: a single-line input


SECTIONS: dict[str, tuple[Section, ...]] = {
    ArtefactKind.DESIGN_BRIEF: (
        Section("problem", _("Problem"), _("What is the problem?")),
        Section("users", _("Users concerned"), _("Who is concerned?")),
        Section("goals", _("Goals"), _("Goal")),
        Section("scope", _("Scope"), _("In or out of scope")),
        Section("limits", _("Budget and time"), _("Limit")),
        Section("constraints", _("Constraints"), _("Constraint")),
        Section("risks", _("Risks"), _("Risk")),
        Section("outcomes", _("Expected outcomes"), _("Outcome")),
    ),
    ArtefactKind.PERSONA: (
        Section(
            "profile",
            _("Profile"),
            _("Name"),
            fields=(
                Field("quote", _("quote")),
                Field("age", _("age")),
                Field("household", _("household")),
                Field("occupation", _("occupation")),
                Field("digital_skills", _("digital skills")),
                Field("language", _("language")),
            ),
            single=True,
            one_line=True,
        ),
        Section("background", _("Background"), _("Background")),
        Section("goals", _("Goals"), _("Goal")),
        Section("needs", _("Needs"), _("Need")),
        Section("frustrations", _("Frustrations"), _("Frustration")),
        Section(
            "channels",
            _("Channels used"),
            _("Channel"),
            fields=(Field("channel", _("channel"), choices=CHANNELS),),
        ),
    ),
    ArtefactKind.STAKEHOLDER_MAP: (
        Section(
            "stakeholders",
            _("Stakeholders"),
            _("Stakeholder"),
            fields=(
                Field("ring", _("ring"), choices=RINGS, required=True),
                Field("type", _("type"), choices=STAKEHOLDER_TYPES),
                Field("role", _("role")),
                score_field("interest", _("interest")),
                score_field("influence", _("influence")),
                Field("angle", _("place on the ring"), minimum=0, maximum=359, internal=True),
            ),
        ),
    ),
    ArtefactKind.INSIGHT_BOARD: (
        Section(
            "notes", _("Interview notes"), _("Note"), fields=(Field("source", _("who or where")),)
        ),
        Section("quotes", _("Quotes"), _("Quote"), fields=(Field("speaker", _("said by")),)),
        Section("insights", _("Insights"), _("Insight"), fields=(Field("cluster", _("cluster")),)),
    ),
    ArtefactKind.IDEA_LIST: (
        Section("opportunities", _("Opportunities"), _("How might we …")),
        Section(
            "ideas",
            _("Ideas"),
            _("Idea"),
            fields=(
                score_field("impact", _("impact"), required=True),
                score_field("effort", _("effort"), required=True),
                Field("owner", _("owner")),
                Field("status", _("status"), choices=IDEA_STATUSES),
                Field("opportunity", _("opportunity")),  # an opportunity card uid, or blank
            ),
        ),
    ),
    ArtefactKind.TEST_PLAN: (
        Section(
            "tests",
            _("Tests"),
            _("What is tested"),
            fields=(
                Field("with_whom", _("with whom")),
                Field("questions", _("questions")),
                Field("date", _("date")),
                Field("status", _("status"), choices=TEST_STATUSES),
            ),
        ),
        Section(
            "observations",
            _("Observations and decisions"),
            _("Observation"),
            fields=(Field("decision", _("decision"), choices=DECISIONS), Field("test", _("test"))),
        ),
    ),
}
# Cards that count as research evidence when another card links to them.
EVIDENCE_SECTIONS = frozenset({"quotes", "insights"})


def section_of(kind: str, key: str) -> Section:
    for section in SECTIONS.get(kind, ()):
        if section.key == key:
            return section
    raise ValidationError(_("This canvas has no section %(key)s.") % {"key": key})


def clean_text(text: Any) -> str:
    text = str(text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise ValidationError(_("A card holds at most %(count)s characters.") % {"count": MAX_TEXT})
    return text


def clean_fields(spec: tuple[Field, ...], values: dict[str, Any]) -> dict[str, Any]:
    """The card's fields, checked against the spec; unknown names are refused."""
    unknown = set(values) - {f.name for f in spec}
    if unknown:
        raise ValidationError(
            _("Unknown field: %(names)s.") % {"names": ", ".join(sorted(unknown))}
        )
    cleaned = {f.name: f.clean(values.get(f.name)) for f in spec}
    return {name: value for name, value in cleaned.items() if value not in (None, "")}
