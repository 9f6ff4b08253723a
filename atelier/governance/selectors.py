"""Reads of the governing bodies: a body's composition, what seating a candidate would
change, a meeting's quorum, and the lists the pages show."""

import copy
import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from django.db.models import BigIntegerField, Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from atelier.members.models import Organisation, OrganisationType, PopulationFigure, Province
from atelier.members.selectors import organisations_with_population

from .balance import Composition, Flag, Reference, as_percent, compose
from .models import (
    BODY_KIND_ORDER,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    ElectionResult,
    Mandate,
    MandateRole,
    MandateStatus,
    Meeting,
    Party,
    Representative,
    Term,
)
from .services import DHondtTie, dhondt

# Reading ----------------------------------------------------------------------------------


def body_mandates(body: Body, on: datetime.date) -> list[Mandate]:
    """The body's mandates active on the day, seated and reserve, in one query.

    Each carries `size_inhabitants`: the latest population of its organisation, or of the
    municipality for an OCMW, which counts with its municipality's size.
    """
    size_of = Coalesce(
        OuterRef("organisation__municipality"),
        OuterRef("organisation"),
        output_field=BigIntegerField(),
    )
    latest = PopulationFigure.objects.filter(organisation=size_of).order_by("-reference_date")
    return list(
        Mandate.objects.filter(body=body)
        .active_on(on)
        .select_related(
            "representative",
            "organisation__province",
            "party",
            "substitute_for__representative",
        )
        .annotate(size_inhabitants=Subquery(latest.values("inhabitants")[:1]))
        .order_by("representative__last_name", "representative__first_name", "pk")
    )


def reference_for(body: Body) -> Reference:
    """The association's current member municipalities and the term's election results."""
    members = (
        organisations_with_population()
        .filter(type=OrganisationType.MUNICIPALITY, is_member=True, valid_until__isnull=True)
        .values_list("province_id", "latest_inhabitants")  # type: ignore[misc]
    )
    results = ElectionResult.objects.filter(term=body.term_id).select_related("party")
    return Reference(
        members=list(members),  # type: ignore[arg-type]
        provinces={province.pk: province for province in Province.objects.all()},
        votes={result.party.abbreviation: result.votes for result in results},
    )


def composition(*, body: Body, on: datetime.date) -> Composition:
    """Who sits in the body on the day, how that compares with its targets, and the flags."""
    return compose(body, on, body_mandates(body, on), reference_for(body))


# What if ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Someone who might take a seat: a reserve candidate, or a person described by hand."""

    gender: str
    organisation: Organisation
    party: Party | None
    reserve: Mandate | None = None

    @classmethod
    def from_reserve(cls, mandate: Mandate) -> "Candidate":
        return cls(
            gender=mandate.representative.gender,
            organisation=mandate.organisation,
            party=mandate.party,
            reserve=mandate,
        )


@dataclass(frozen=True)
class WhatIf:
    candidate: Candidate
    replacing: Mandate | None
    before: Composition
    after: Composition
    appeared: list[Flag] = field(default_factory=list)
    resolved: list[Flag] = field(default_factory=list)
    remaining: list[Flag] = field(default_factory=list)

    @property
    def changes(self) -> list[tuple[str, int, int]]:
        """(group, seats before, seats after) for every group whose seats change."""
        changed = []
        for before_rows, after_rows in (
            (self.before.genders, self.after.genders),
            (self.before.provinces, self.after.provinces),
            (self.before.sizes, self.after.sizes),
            (self.before.parties, self.after.parties),
        ):
            before = {row.key: row for row in before_rows}
            after = {row.key: row for row in after_rows}
            for key in dict.fromkeys([*before, *after]):
                old, new = before.get(key), after.get(key)
                label = (new or old).label  # type: ignore[union-attr]
                seats = (old.seats if old else 0, new.seats if new else 0)
                if seats[0] != seats[1]:
                    changed.append((label, *seats))
        return changed


def what_if(
    *, body: Body, candidate: Candidate, replacing: Mandate | None, on: datetime.date
) -> WhatIf:
    """The composition before and after seating the candidate (in the replaced one's seat,
    or in a free one), and which flags that raises or clears."""
    mandates = body_mandates(body, on)
    reference = reference_for(body)
    seat = _seat_for(candidate, replacing, body, on, mandates)
    leaving = {getattr(replacing, "pk", None), getattr(candidate.reserve, "pk", None)} - {None}
    after_mandates = [m for m in mandates if m.pk not in leaving] + [seat]
    before = compose(body, on, mandates, reference)
    after = compose(body, on, after_mandates, reference)
    before_codes = {flag.code for flag in before.flags}
    after_codes = {flag.code for flag in after.flags}
    return WhatIf(
        candidate=candidate,
        replacing=replacing,
        before=before,
        after=after,
        appeared=[flag for flag in after.flags if flag.code not in before_codes],
        resolved=[flag for flag in before.flags if flag.code not in after_codes],
        remaining=[flag for flag in after.flags if flag.code in before_codes],
    )


def _seat_for(
    candidate: Candidate,
    replacing: Mandate | None,
    body: Body,
    on: datetime.date,
    mandates: list[Mandate],
) -> Mandate:
    """An unsaved seated mandate for the candidate, sized like a real one."""
    listed = {m.pk: m for m in mandates}
    if candidate.reserve is not None and candidate.reserve.pk in listed:
        seat = copy.copy(listed[candidate.reserve.pk])
    else:
        seat = Mandate(
            body=body,
            representative=Representative(first_name=_("Candidate"), gender=candidate.gender),
            organisation=candidate.organisation,
            party=candidate.party,
            starts_on=on,
            council_approved_on=on,  # the question is balance, not paperwork
        )
        seat.size_inhabitants = _size_of(candidate.organisation)  # type: ignore[attr-defined]
    seat.status = MandateStatus.SEATED
    seat.reserve_rank = None
    if replacing is not None:
        seat.role = replacing.role
    elif not seat.role or seat.role == MandateRole.SUBSTITUTE:
        seat.role = _ordinary_role(body)
    return seat


def _ordinary_role(body: Body) -> str:
    if body.kind == BodyKind.GENERAL_ASSEMBLY:
        return MandateRole.DELEGATE
    return MandateRole.MEMBER


def _size_of(organisation: Organisation) -> int | None:
    sized = organisation.municipality_id or organisation.pk
    figure = PopulationFigure.objects.filter(organisation=sized).order_by("-reference_date").first()
    return figure.inhabitants if figure else None


# Meetings and quorum ----------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceLine:
    mandate: Mandate
    status: str  # "" when nothing was recorded

    @property
    def status_label(self) -> str:
        return str(AttendanceStatus(self.status).label) if self.status else ""


@dataclass(frozen=True)
class Quorum:
    """More than `share` of the voting members must be present or represented."""

    voting: int
    present: int
    represented: int
    share: Decimal

    @property
    def attending(self) -> int:
        return self.present + self.represented

    @property
    def required(self) -> int:
        """The smallest number that is more than share × voting members."""
        return int((self.share * self.voting).to_integral_value(rounding=ROUND_FLOOR)) + 1

    @property
    def met(self) -> bool:
        return self.voting > 0 and self.attending >= self.required

    @property
    def share_percent(self) -> int:
        return as_percent(Fraction(self.share))


def attendance_sheet(meeting: Meeting) -> list[AttendanceLine]:
    """Every voting member on the meeting's day, with what was recorded for them."""
    mandates = (
        Mandate.objects.filter(body=meeting.body_id)
        .voting()
        .active_on(meeting.held_on)
        .select_related("representative", "organisation", "party")
        .order_by("organisation__name_nl", "representative__last_name", "pk")
    )
    recorded = dict(Attendance.objects.filter(meeting=meeting).values_list("mandate_id", "status"))
    return [AttendanceLine(mandate, recorded.get(mandate.pk, "")) for mandate in mandates]


def quorum(meeting: Meeting, sheet: list[AttendanceLine] | None = None) -> Quorum:
    """Whether the meeting had quorum (pass the sheet when it is already read)."""
    lines = attendance_sheet(meeting) if sheet is None else sheet
    statuses = Counter(line.status for line in lines)
    return Quorum(
        voting=len(lines),
        present=statuses[AttendanceStatus.PRESENT],
        represented=statuses[AttendanceStatus.REPRESENTED],
        share=meeting.body.quorum_share,
    )


# Lists ------------------------------------------------------------------------------------


def body_list(on: datetime.date) -> list[Body]:
    """All bodies, newest term first and the widest body first, with their seats filled."""
    filled = (
        Q(
            mandates__status=MandateStatus.SEATED,
            mandates__starts_on__lte=on,
        )
        & ~Q(mandates__role=MandateRole.SUBSTITUTE)
        & (Q(mandates__ends_on__isnull=True) | Q(mandates__ends_on__gte=on))
    )
    bodies = Body.objects.select_related("term", "parent").annotate(
        filled=Count("mandates", filter=filled)
    )
    return sorted(
        bodies,
        key=lambda body: (
            -body.term.starts_on.toordinal(),
            BODY_KIND_ORDER.index(body.kind),
            body.name,
        ),
    )


def meeting_list() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body__term").order_by("-held_on", "pk")


@dataclass(frozen=True)
class TermResults:
    term: Term
    results: list[tuple[ElectionResult, int]]  # with the share of the votes in percent
    # Per body whose seats follow the parties: its D'Hondt seats by party, or the tie.
    allocations: list[tuple[Body, dict[str, int] | None, str]]


def term_results(term: Term) -> TermResults:
    """A term's election results and the seats D'Hondt gives each party in its bodies."""
    results = list(term.election_results.select_related("party"))
    votes = {result.party.abbreviation: result.votes for result in results}
    total = sum(votes.values())
    bodies = term.bodies.filter(party_tolerance__isnull=False).order_by("name_nl")
    return TermResults(
        term=term,
        results=[(r, as_percent(Fraction(r.votes, total)) if total else 0) for r in results],
        allocations=[_allocation(body, votes) for body in bodies] if total else [],
    )


def _allocation(body: Body, votes: dict[str, int]) -> tuple[Body, dict[str, int] | None, str]:
    try:
        return body, dhondt(votes=votes, seats=body.seats), ""
    except DHondtTie as tie:
        message = _("Tie for the last seat between %(parties)s.")
        return body, None, message % {"parties": ", ".join(tie.parties)}
