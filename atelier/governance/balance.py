"""A body's composition against its balance targets, and the flags it raises.

Pure: it works on mandates already read (see selectors.body_mandates), so that "what if" can
compose a body twice without a query. Every share is an exact fraction, so that a body exactly
on a target is on it, not a rounding error away from it.
"""

import datetime
import math
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from atelier.members.models import Province

from .models import Body, Gender, Mandate, MandateRole, MandateStatus
from .services import DHondtTie, dhondt

PROBLEM = "problem"
WARNING = "warning"
ROLE_ORDER: list[str] = [role.value for role in MandateRole]
# Gender balance is checked for the two genders a third of the seats can go to; people of
# gender X count in the seats, but no target is set for them.
CHECKED_GENDERS = (Gender.FEMALE, Gender.MALE)
GENDER_GROUPS = {
    Gender.FEMALE: gettext_lazy("Women"),
    Gender.MALE: gettext_lazy("Men"),
    Gender.X: gettext_lazy("Gender X"),
}


@dataclass(frozen=True)
class Flag:
    """Something on a body's composition that staff should look at."""

    level: str  # PROBLEM or WARNING
    code: str  # stable across compositions, so that "what if" can tell old from new
    message: str

    @property
    def is_problem(self) -> bool:
        return self.level == PROBLEM


@dataclass(frozen=True)
class BalanceRow:
    """Seats one group holds, against what the targets expect (None: no expectation)."""

    key: str
    label: str
    seats: int
    total: int
    expected: float | None = None
    flagged: bool = False

    @property
    def percent(self) -> int:
        return as_percent(Fraction(self.seats, self.total)) if self.total else 0

    @property
    def expected_percent(self) -> int | None:
        if self.expected is None or not self.total:
            return None
        return as_percent(Fraction(self.expected) / self.total)


@dataclass(frozen=True)
class Reference:
    """What a body is measured against: the member municipalities and the election results."""

    members: list[tuple[int | None, int | None]]  # (province id, inhabitants) per member
    provinces: dict[int, Province]
    votes: dict[str, int]  # by party abbreviation


@dataclass(frozen=True)
class Composition:
    body: Body
    on: datetime.date
    seated: list[Mandate]
    substitutes: list[Mandate]
    reserve: list[Mandate]
    genders: list[BalanceRow]
    provinces: list[BalanceRow]
    sizes: list[BalanceRow]
    parties: list[BalanceRow]
    party_note: str
    unapproved: list[Mandate]
    flags: list[Flag]

    @property
    def filled(self) -> int:
        return len(self.seated)

    @property
    def vacant(self) -> int:
        return max(self.body.seats - self.filled, 0)

    @property
    def problems(self) -> list[Flag]:
        return [flag for flag in self.flags if flag.is_problem]

    @property
    def warnings(self) -> list[Flag]:
        return [flag for flag in self.flags if not flag.is_problem]


def compose(
    body: Body, on: datetime.date, mandates: list[Mandate], reference: Reference
) -> Composition:
    """The composition of the given active mandates; pure, so "what if" can call it twice."""
    seated = sorted((m for m in mandates if m.holds_seat), key=lambda m: ROLE_ORDER.index(m.role))
    genders, gender_flags = _gender_balance(body, seated)
    provinces, province_flags = _province_balance(body, seated, reference)
    sizes, size_flags = _size_balance(body, seated, reference)
    parties, party_flags, party_note = _party_balance(body, seated, reference)
    unapproved = [
        m for m in mandates if m.status == MandateStatus.SEATED and not m.council_approved_on
    ]
    flags = [
        *_seat_flags(body, seated),
        *gender_flags,
        *province_flags,
        *size_flags,
        *party_flags,
        *_approval_flags(unapproved),
    ]
    return Composition(
        body=body,
        on=on,
        seated=seated,
        substitutes=[m for m in mandates if m.status == MandateStatus.SEATED and not m.holds_seat],
        reserve=sorted(
            (m for m in mandates if m.status == MandateStatus.RESERVE),
            key=lambda m: (m.reserve_rank or 0, m.pk or 0),
        ),
        genders=genders,
        provinces=provinces,
        sizes=sizes,
        parties=parties,
        party_note=party_note,
        unapproved=unapproved,
        flags=sorted(flags, key=lambda flag: not flag.is_problem),
    )


def _seat_flags(body: Body, seated: list[Mandate]) -> list[Flag]:
    filled = len(seated)
    if filled > body.seats:
        message = _("More members than seats: %(filled)s for %(seats)s seats.")
        return [Flag(PROBLEM, "overfull", message % {"filled": filled, "seats": body.seats})]
    vacant = body.seats - filled
    if not vacant:
        return []
    message = ngettext(
        "%(count)s of %(seats)s seats is vacant.",
        "%(count)s of %(seats)s seats are vacant.",
        vacant,
    )
    return [Flag(WARNING, "vacant", message % {"count": vacant, "seats": body.seats})]


def _gender_balance(body: Body, seated: list[Mandate]) -> tuple[list[BalanceRow], list[Flag]]:
    counts = Counter(m.representative.gender for m in seated)
    filled = len(seated)
    target = Fraction(body.min_gender_share)
    flags = [
        _gender_flag(gender, counts[gender], filled, target)
        for gender in CHECKED_GENDERS
        if filled and Fraction(counts[gender], filled) < target
    ]
    short = {flag.code for flag in flags}
    rows = [
        BalanceRow(
            gender.value,
            str(GENDER_GROUPS[gender]),
            counts[gender],
            filled,
            flagged=f"gender:{gender}" in short,
        )
        for gender in Gender
    ]
    return rows, flags


def _gender_flag(gender: str, seats: int, filled: int, target: Fraction) -> Flag:
    if gender == Gender.FEMALE:
        message = _(
            "Women hold %(percent)s%% of the seats (%(seats)s of %(filled)s); "
            "the target is at least %(target)s%%."
        )
    else:
        message = _(
            "Men hold %(percent)s%% of the seats (%(seats)s of %(filled)s); "
            "the target is at least %(target)s%%."
        )
    values = {
        "percent": as_percent(Fraction(seats, filled)),
        "seats": seats,
        "filled": filled,
        "target": as_percent(target),
    }
    return Flag(PROBLEM, f"gender:{gender}", message % values)


def _province_balance(
    body: Body, seated: list[Mandate], reference: Reference
) -> tuple[list[BalanceRow], list[Flag]]:
    members = Counter(province_id for province_id, _size in reference.members)
    held = Counter(m.organisation.province_id for m in seated)
    filled = len(seated)
    rows, flags = [], []
    for province_id in sorted(
        set(members) | set(held), key=lambda pk: _province_sort(pk, reference)
    ):
        if province_id is None:  # an organisation without a province: counted, not checked
            rows.append(BalanceRow("", _("No province"), held[None], filled))
            continue
        share = Fraction(members[province_id], len(reference.members))
        flag = _province_flag(
            body, reference.provinces[province_id], held[province_id], filled, share
        )
        rows.append(
            BalanceRow(
                str(province_id),
                reference.provinces[province_id].name,
                held[province_id],
                filled,
                float(share * filled),
                flag is not None,
            )
        )
        flags += [flag] if flag else []
    return rows, flags


def _province_flag(
    body: Body, province: Province, seats: int, filled: int, share: Fraction
) -> Flag | None:
    if not filled:
        return None
    expected = _about(share * filled)
    code = f"province:{province.nis_code}"
    if seats == 0 and expected >= 1:
        message = _("No seat for the province of %(province)s (expected about %(expected)s).")
        return Flag(PROBLEM, code, message % {"province": province.name, "expected": expected})
    if abs(Fraction(seats, filled) - share) * 100 <= body.province_tolerance:
        return None
    message = ngettext(
        "The province of %(province)s holds %(count)s seat (%(percent)s%%); "
        "its share of the members suggests about %(expected)s.",
        "The province of %(province)s holds %(count)s seats (%(percent)s%%); "
        "its share of the members suggests about %(expected)s.",
        seats,
    )
    values = {
        "province": province.name,
        "count": seats,
        "percent": as_percent(Fraction(seats, filled)),
        "expected": expected,
    }
    return Flag(WARNING, code, message % values)


def _province_sort(province_id: int | None, reference: Reference) -> tuple[int, str]:
    if province_id is None:
        return (1, "")
    return (0, reference.provinces[province_id].name)


def _size_balance(
    body: Body, seated: list[Mandate], reference: Reference
) -> tuple[list[BalanceRow], list[Flag]]:
    """Small against large authorities, among the seats and the members whose size is known."""
    limit = body.small_authority_limit
    members = [size for _province, size in reference.members if size is not None]
    sizes = [getattr(m, "size_inhabitants", None) for m in seated]
    known = [size for size in sizes if size is not None]
    small = sum(1 for size in known if size < limit)
    if not members:
        return _size_rows(body, small, len(known), len(seated), None, False), []
    expected = Fraction(sum(1 for size in members if size < limit), len(members))
    off = bool(known) and abs(Fraction(small, len(known)) - expected) * 100 > body.size_tolerance
    rows = _size_rows(body, small, len(known), len(seated), expected, off)
    if not off:
        return rows, []
    message = _(
        "Authorities under %(limit)s inhabitants hold %(percent)s%% of the seats; "
        "they make up %(expected)s%% of the member municipalities."
    )
    values = {
        "limit": number_format(limit, force_grouping=True),
        "percent": as_percent(Fraction(small, len(known))),
        "expected": as_percent(expected),
    }
    return rows, [Flag(WARNING, "size", message % values)]


def _size_rows(
    body: Body, small: int, known: int, filled: int, expected: Fraction | None, off: bool
) -> list[BalanceRow]:
    limit = number_format(body.small_authority_limit, force_grouping=True)
    small_expected = None if expected is None else float(expected * known)
    large_expected = None if small_expected is None else known - small_expected
    rows = [
        BalanceRow(
            "small",
            _("Under %(limit)s inhabitants") % {"limit": limit},
            small,
            filled,
            small_expected,
            off,
        ),
        BalanceRow(
            "large",
            _("%(limit)s inhabitants or more") % {"limit": limit},
            known - small,
            filled,
            large_expected,
            off,
        ),
    ]
    if known < filled:
        rows.append(BalanceRow("unknown", _("Size unknown"), filled - known, filled))
    return rows


def _party_balance(
    body: Body, seated: list[Mandate], reference: Reference
) -> tuple[list[BalanceRow], list[Flag], str]:
    """Seats per party against D'Hondt on the term's results, with a note when not checked."""
    held = Counter(m.party.abbreviation if m.party else "" for m in seated)
    allocation, flags, note = _allocation(body, reference)
    tolerance = body.party_tolerance or 0
    off = {
        party
        for party in set(allocation) | set(held)
        if party
        and allocation
        and seated
        and abs(held[party] - allocation.get(party, 0)) > tolerance
    }
    rows = _party_rows(held, allocation, off, len(seated), reference)
    return rows, flags + [_party_flag(row) for row in rows if row.flagged], note


def _allocation(body: Body, reference: Reference) -> tuple[dict[str, int], list[Flag], str]:
    """D'Hondt seats by party (empty when not checked), a tie flag, and a note."""
    if body.party_tolerance is None:
        return {}, [], _("Seats in this body do not follow the parties.")
    if not any(reference.votes.values()):
        note = _("No election results for this term yet: the party balance is not checked.")
        return {}, [], note
    try:
        return dhondt(votes=reference.votes, seats=body.seats), [], ""
    except DHondtTie as tie:
        message = _(
            "The election results leave a tie for the last seat between %(parties)s; "
            "the party balance cannot be checked."
        )
        return {}, [Flag(WARNING, "dhondt-tie", message % {"parties": ", ".join(tie.parties)})], ""


def _party_rows(
    held: Counter[str],
    allocation: dict[str, int],
    off: set[str],
    filled: int,
    reference: Reference,
) -> list[BalanceRow]:
    in_results = sorted(reference.votes, key=lambda party: (-reference.votes[party], party))
    others = sorted(party for party in held if party and party not in reference.votes)
    rows = [
        BalanceRow(
            party,
            party,
            held[party],
            filled,
            float(allocation.get(party, 0)) if allocation else None,
            party in off,
        )
        for party in [*in_results, *others]
    ]
    if held[""]:
        rows.append(BalanceRow("", _("Independent"), held[""], filled))
    return rows


def _party_flag(row: BalanceRow) -> Flag:
    message = ngettext(
        "%(party)s holds %(count)s seat; the D'Hondt allocation gives it %(allocated)s.",
        "%(party)s holds %(count)s seats; the D'Hondt allocation gives it %(allocated)s.",
        row.seats,
    )
    values = {"party": row.label, "count": row.seats, "allocated": int(row.expected or 0)}
    return Flag(PROBLEM, f"party:{row.key}", message % values)


def _approval_flags(unapproved: list[Mandate]) -> list[Flag]:
    if not unapproved:
        return []
    message = ngettext(
        "%(count)s seated member lacks the approval of their council: %(names)s.",
        "%(count)s seated members lack the approval of their council: %(names)s.",
        len(unapproved),
    )
    values = {"count": len(unapproved), "names": _name_list(unapproved)}
    return [Flag(WARNING, "approval", message % values)]


def _name_list(mandates: list[Mandate], limit: int = 5) -> str:
    names = [m.representative.full_name for m in mandates[:limit]]
    if len(mandates) > limit:
        names.append(_("and %(count)s more") % {"count": len(mandates) - limit})
    return ", ".join(names)


def as_percent(share: Fraction) -> int:
    return _about(share * 100)


def _about(value: Fraction) -> int:
    """Rounded half up (Python's round() would send 2.5 to 2)."""
    return math.floor(value + Fraction(1, 2))
