"""State changes of the governing bodies, and the D'Hondt seat allocation they are checked on."""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.members.models import Organisation

from .models import (
    Attendance,
    AttendanceStatus,
    Body,
    ElectionResult,
    Mandate,
    MandateRole,
    MandateStatus,
    Meeting,
    Party,
    Representative,
    Term,
)

# D'Hondt -----------------------------------------------------------------------------------


class DHondtTie(Exception):
    """Parties tie for the last seat(s) on their quotient and on their total votes."""

    def __init__(self, parties: Sequence[str], seats: int) -> None:
        self.parties = tuple(parties)
        self.seats = seats
        super().__init__(
            f"D'Hondt cannot decide between {', '.join(self.parties)} for the last "
            f"{seats} seat(s): equal quotients and equal votes"
        )


def dhondt(*, votes: Mapping[str, int], seats: int) -> dict[str, int]:
    """Seats per party by the D'Hondt method: every seat goes to the highest quotient
    votes ÷ (seats won + 1).

    Tie rule: when quotients are equal for the last seat(s), the party with more votes in
    total wins. Parties still equal raise DHondtTie naming them: the law settles that (by
    lot or by the candidates' seniority), not this code. Parties without votes win nothing.
    """
    if seats < 0:
        raise ValueError("seats cannot be negative")
    if any(count < 0 for count in votes.values()):
        raise ValueError("votes cannot be negative")
    result = dict.fromkeys(votes, 0)
    if seats == 0:
        return result
    if not any(votes.values()):
        raise ValueError("no votes to allocate seats by")
    # Every quotient a party can reach, best first; a party's own quotients never tie.
    quotients = sorted(
        (
            (Fraction(count, divisor), count, party)
            for party, count in votes.items()
            if count
            for divisor in range(1, seats + 1)
        ),
        key=lambda quotient: (quotient[0], quotient[1]),
        reverse=True,
    )
    _refuse_a_tie_across_the_last_seat(quotients, seats)
    for _quotient, _count, party in quotients[:seats]:
        result[party] += 1
    return result


def _refuse_a_tie_across_the_last_seat(
    quotients: list[tuple[Fraction, int, str]], seats: int
) -> None:
    if len(quotients) <= seats:
        return
    boundary = quotients[seats - 1][:2]
    if quotients[seats][:2] != boundary:
        return
    tied = [index for index, quotient in enumerate(quotients) if quotient[:2] == boundary]
    parties = sorted(quotients[index][2] for index in tied)
    raise DHondtTie(parties, seats=sum(1 for index in tied if index < seats))


# Mandates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MandateDetails:
    """What an administrator fills in for a mandate, apart from the body and the person."""

    organisation: Organisation
    party: Party | None
    role: str
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    status: str = MandateStatus.SEATED
    reserve_rank: int | None = None
    council_approved_on: datetime.date | None = None
    substitute_for: Mandate | None = None


def _require_administrator(by: User) -> None:
    if not by.is_administrator:
        raise PermissionDenied


@transaction.atomic
def create_mandate(
    *, body: Body, representative: Representative, details: MandateDetails, by: User
) -> Mandate:
    """Give a representative (saved first when new) a seat or a reserve place.

    The mandate ends with the term unless the details say otherwise.
    """
    _require_administrator(by)
    _lock(body)
    if representative.pk is None:
        representative.save()
    mandate = Mandate(body=body, representative=representative)
    _fill(mandate, details)
    mandate.save()
    _renumber_reserve(body, placed=mandate, old_rank=None)
    return mandate


@transaction.atomic
def update_mandate(*, mandate: Mandate, details: MandateDetails, by: User) -> Mandate:
    """Change a mandate; the reserve list closes up or makes room around it."""
    _require_administrator(by)
    _lock(mandate.body)
    old_rank = mandate.reserve_rank
    _fill(mandate, details)
    mandate.save()
    _renumber_reserve(mandate.body, placed=mandate, old_rank=old_rank)
    return mandate


@transaction.atomic
def end_mandate(*, mandate: Mandate, ends_on: datetime.date, by: User) -> Mandate:
    """Set the last day of a mandate; a reserve candidate leaves the list."""
    _require_administrator(by)
    if ends_on < mandate.starts_on:
        raise ValidationError(_("A mandate cannot end before it starts."))
    _lock(mandate.body)
    mandate.ends_on = ends_on
    mandate.save(update_fields=["ends_on"])
    if mandate.status == MandateStatus.RESERVE:
        _renumber_reserve(mandate.body, placed=None, old_rank=None, leaving=mandate)
    return mandate


@transaction.atomic
def seat_from_reserve(*, mandate: Mandate, by: User, on: datetime.date | None = None) -> Mandate:
    """Seat a reserve candidate from the given day (today by default); the others move up."""
    _require_administrator(by)
    if mandate.status != MandateStatus.RESERVE:
        raise ValidationError(_("Only a candidate on the reserve list can be seated."))
    starts_on = max(mandate.starts_on, on or timezone.localdate())
    if mandate.ends_on is not None and mandate.ends_on < starts_on:
        raise ValidationError(_("This candidate's mandate has ended."))
    _lock(mandate.body)
    mandate.status = MandateStatus.SEATED
    mandate.reserve_rank = None
    mandate.starts_on = starts_on
    mandate.save(update_fields=["status", "reserve_rank", "starts_on"])
    _renumber_reserve(mandate.body, placed=None, old_rank=None)
    return mandate


def _lock(body: Body) -> None:
    # One writer at a time per body, so that two changes cannot hand out the same rank.
    Body.objects.select_for_update().filter(pk=body.pk).first()


def _fill(mandate: Mandate, details: MandateDetails) -> None:
    for field in fields(details):
        setattr(mandate, field.name, getattr(details, field.name))
    if mandate.ends_on is None:
        mandate.ends_on = mandate.body.term.ends_on
    if mandate.status == MandateStatus.SEATED:
        mandate.reserve_rank = None
    elif mandate.reserve_rank is None:
        mandate.reserve_rank = 10_000  # the end of the list; renumbering closes the gap
    if mandate.role != MandateRole.SUBSTITUTE:
        mandate.substitute_for = None
    _check_dates_and_substitute(mandate)


def _check_dates_and_substitute(mandate: Mandate) -> None:
    if mandate.ends_on is not None and mandate.ends_on < mandate.starts_on:
        raise ValidationError(_("A mandate cannot end before it starts."))
    stands_in_for = mandate.substitute_for
    if stands_in_for is not None and (
        stands_in_for.body_id != mandate.body_id or stands_in_for.pk == mandate.pk
    ):
        raise ValidationError(_("A substitute stands in for another member of the same body."))


def _renumber_reserve(
    body: Body,
    *,
    placed: Mandate | None,
    old_rank: int | None,
    leaving: Mandate | None = None,
) -> None:
    """Give the open reserve list ranks 1, 2, 3… in order.

    The mandate just placed goes before another of the same rank when it is new or moves up,
    after it when it moves down.
    """
    today = timezone.localdate()
    open_list = Mandate.objects.filter(body=body, status=MandateStatus.RESERVE).exclude(
        ends_on__lt=today
    )
    if leaving is not None:
        open_list = open_list.exclude(pk=leaving.pk)
    reserve = list(open_list)

    def order(mandate: Mandate) -> tuple[int, int, int]:
        tiebreak = 0
        if placed is not None and mandate.pk == placed.pk:
            moves_down = old_rank is not None and (placed.reserve_rank or 0) > old_rank
            tiebreak = 1 if moves_down else -1
        return (mandate.reserve_rank or 0, tiebreak, mandate.pk)

    changed = []
    for rank, mandate in enumerate(sorted(reserve, key=order), start=1):
        if mandate.reserve_rank != rank:
            mandate.reserve_rank = rank
            changed.append(mandate)
        if placed is not None and mandate.pk == placed.pk:
            placed.reserve_rank = rank
    Mandate.objects.bulk_update(changed, ["reserve_rank"])


# Meetings ----------------------------------------------------------------------------------


@transaction.atomic
def create_meeting(
    *, body: Body, held_on: datetime.date, title: str, location: str = "", by: User
) -> Meeting:
    """Schedule (or record) a meeting of a body."""
    _require_administrator(by)
    return Meeting.objects.create(body=body, held_on=held_on, title=title, location=location)


@transaction.atomic
def record_attendance(*, meeting: Meeting, statuses: Mapping[int, str], by: User) -> int:
    """Record attendance by mandate id, replacing what was recorded; returns how many."""
    _require_administrator(by)
    voting = set(
        Mandate.objects.filter(body=meeting.body_id)
        .voting()
        .active_on(meeting.held_on)
        .values_list("pk", flat=True)
    )
    unknown = set(statuses) - voting
    if unknown:
        raise ValueError(f"not voting members of this meeting: {sorted(unknown)}")
    if set(statuses.values()) - set(AttendanceStatus.values):
        raise ValueError(f"unknown attendance status in {sorted(set(statuses.values()))}")
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=meeting, mandate_id=pk, status=status)
            for pk, status in statuses.items()
        ],
        update_conflicts=True,
        unique_fields=["meeting", "mandate"],
        update_fields=["status"],
    )
    return len(statuses)


# Election results and targets --------------------------------------------------------------


@dataclass(frozen=True)
class NewParty:
    name: str
    abbreviation: str
    votes: int | None


@transaction.atomic
def set_election_results(
    *,
    term: Term,
    votes: Mapping[Party, int | None],
    new_party: NewParty | None = None,
    by: User,
) -> None:
    """Store each party's votes for a term (None removes a result), adding a new party."""
    _require_administrator(by)
    votes = dict(votes)
    if new_party is not None:
        party = Party.objects.create(name=new_party.name, abbreviation=new_party.abbreviation)
        votes[party] = new_party.votes
    for party, count in votes.items():
        if count is None:
            ElectionResult.objects.filter(term=term, party=party).delete()
        else:
            ElectionResult.objects.update_or_create(
                term=term, party=party, defaults={"votes": count}
            )


@dataclass(frozen=True)
class BodyTargets:
    """A body's size and the balance targets its composition is checked on."""

    seats: int
    min_gender_share: Decimal
    province_tolerance: int
    small_authority_limit: int
    size_tolerance: int
    party_tolerance: int | None
    quorum_share: Decimal


@transaction.atomic
def update_body_targets(*, body: Body, targets: BodyTargets, by: User) -> Body:
    """Change a body's number of seats and its balance targets."""
    _require_administrator(by)
    for field in fields(targets):
        setattr(body, field.name, getattr(targets, field.name))
    body.save(update_fields=[field.name for field in fields(targets)])
    return body
