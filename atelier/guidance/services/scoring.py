"""Scoring a tender's bids: the bids, the jury, each juror's blind scores and the results.

A juror scores on their own and sees nobody else's scores until they submit theirs; after
that they see the scores of the jurors who submitted too. The results wait for every juror.
Bids are fixed once a juror has submitted, so that no submitted score sheet falls short.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.accounts.models import User
from atelier.guidance.models import (
    Bid,
    Criterion,
    CriterionFamily,
    JurorSubmission,
    Score,
    Tender,
    TenderJuror,
)
from atelier.guidance.scoring import (
    JURORS_DIFFER_AT,
    AwardCriterion,
    BidOutcome,
    BidPrice,
    CriterionOutcome,
    Juror,
    ScoringError,
    ScoringResult,
    score_bids,
)
from atelier.guidance.services.rules import text
from atelier.projects.access import can_edit, projects_visible_to

Cell = tuple[int, int]  # (bid pk, criterion pk)


# --- reading: who may see a tender, and what it holds -------------------------------------


def tenders_visible_to(user: User | None) -> QuerySet[Tender]:
    """Tenders of the projects this person may read, and those whose jury they sit on."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Tender.objects.none()
    seats = TenderJuror.objects.filter(person=user).values("tender_id")
    return Tender.objects.filter(Q(project__in=projects_visible_to(user)) | Q(pk__in=seats))


@dataclass(frozen=True)
class TenderAccess:
    tender: Tender
    juror: TenderJuror | None  # the person's own seat on the jury
    on_project: bool  # team, the organisation's coordinators and association staff
    may_edit: bool  # team and the organisation's coordinators

    @property
    def has_submitted(self) -> bool:
        return self.juror is not None and is_submitted(self.juror)


def tender_access(user: User, pk: int) -> TenderAccess:
    """The tender and what this person may do with it; 404 for those who may not see it."""
    tender = tenders_visible_to(user).select_related("project", "rules").filter(pk=pk).first()
    if tender is None:
        raise Http404
    juror = tender.jurors.select_related("person", "submission").filter(person=user).first()
    on_project = projects_visible_to(user).filter(pk=tender.project_id).exists()
    return TenderAccess(tender, juror, on_project, on_project and can_edit(user, tender.project))


def is_submitted(juror: TenderJuror) -> bool:
    return hasattr(juror, "submission")


def quality_criteria(tender: Tender) -> list[Criterion]:
    """The award criteria the jury scores (all but the price), in their order."""
    return [
        c for c in tender.criteria.all() if c.family == CriterionFamily.AWARD and not c.is_price
    ]


def with_scoring_data(tenders: QuerySet[Tender]) -> QuerySet[Tender]:
    """Tenders with their criteria, bids, jurors and scores read in a fixed number of queries."""
    jurors = TenderJuror.objects.select_related("person", "submission").order_by("pk")
    return tenders.prefetch_related(
        "criteria", "bids", Prefetch("jurors", queryset=jurors), "jurors__scores"
    )


def _jurors(tender: Tender) -> list[TenderJuror]:
    return sorted(tender.jurors.all(), key=lambda juror: juror.pk)


def _scores(juror: TenderJuror) -> dict[Cell, Score]:
    return {(score.bid_id, score.criterion_id): score for score in juror.scores.all()}


# --- bids and jurors ------------------------------------------------------------------------


BID_EXISTS = gettext_lazy("This bidder has a bid already.")
ON_THE_JURY = gettext_lazy("This person is on the jury already.")


def _require_edit(tender: Tender, by: User) -> None:
    if not can_edit(by, tender.project):
        raise PermissionDenied


def _lock(tender: Tender) -> None:
    """Serialise changes to one tender's bids and jury (two tabs, a double click)."""
    Tender.objects.select_for_update().only("pk").get(pk=tender.pk)


def _create(model: type[Any], refusal: Any, **fields: Any) -> Any:
    """Create a row; a unique constraint that still trips (a race) becomes a clear refusal."""
    try:
        with transaction.atomic():
            return model.objects.create(**fields)
    except IntegrityError:
        raise ValidationError(refusal) from None


def _require_no_submission(tender: Tender) -> None:
    if JurorSubmission.objects.filter(juror__tender=tender).exists():
        raise ValidationError(
            _("A juror has submitted scores already: the bids can no longer change.")
        )


@transaction.atomic
def add_bid(
    *,
    tender: Tender,
    bidder: str,
    price: Decimal,
    received_on: datetime.date | None = None,
    by: User,
) -> Bid:
    """Record a bid received for the tender; recording the very same bid again changes nothing."""
    _require_edit(tender, by)
    _lock(tender)
    _require_no_submission(tender)
    bidder = bidder.strip()[:200]
    if not bidder:
        raise ValidationError(_("Name the bidder."))
    if price is None or price <= 0:
        raise ValidationError(_("The price must be more than 0."))
    found = tender.bids.filter(bidder__iexact=bidder).first()
    if found is not None:
        if (found.bidder, found.price, found.received_on) == (bidder, price, received_on):
            return found  # the same bid again: a double click or a second tab
        raise ValidationError(BID_EXISTS)
    fields = {"bidder": bidder, "price": price, "received_on": received_on}
    return cast(Bid, _create(Bid, BID_EXISTS, tender=tender, **fields))


@transaction.atomic
def remove_bid(*, bid: Bid, by: User) -> None:
    """Remove a bid (entered by mistake) and any scores it had."""
    _require_edit(bid.tender, by)
    _require_no_submission(bid.tender)
    bid.delete()


@transaction.atomic
def add_juror(*, tender: Tender, email: str, role: str, by: User) -> TenderJuror:
    """Seat a person on the jury, on behalf of whom they score; seating them again is harmless."""
    _require_edit(tender, by)
    _lock(tender)
    person = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise ValidationError(_("Nobody with an active account has this e-mail address."))
    role = role.strip()[:200]
    seat = tender.jurors.filter(person=person).first()
    if seat is not None:
        if seat.role == role:
            return seat  # the same seat again: a double click or a second tab
        raise ValidationError(ON_THE_JURY)
    return cast(
        TenderJuror, _create(TenderJuror, ON_THE_JURY, tender=tender, person=person, role=role)
    )


@transaction.atomic
def remove_juror(*, juror: TenderJuror, by: User) -> None:
    """Take a juror who has not submitted off the jury, with their draft scores."""
    _require_edit(juror.tender, by)
    if JurorSubmission.objects.filter(juror=juror).exists():
        raise ValidationError(_("This juror has submitted scores: they stay part of the record."))
    juror.delete()


# --- a juror's scores ------------------------------------------------------------------------


SUBMITTED = gettext_lazy("You have submitted your scores: they can no longer change.")


def _require_own_open_sheet(juror: TenderJuror, by: User) -> None:
    if juror.person_id != by.pk:
        raise PermissionDenied
    TenderJuror.objects.select_for_update().only("pk").get(pk=juror.pk)  # one writer
    if JurorSubmission.objects.filter(juror=juror).exists():
        raise ValidationError(SUBMITTED, code="submitted")


def score_cells(tender: Tender) -> dict[Cell, tuple[Bid, Criterion]]:
    """Every bid and quality criterion a juror scores, by their primary keys."""
    criteria = quality_criteria(tender)
    return {(b.pk, c.pk): (b, c) for b in tender.bids.all() for c in criteria}


def _check_values(
    values: Mapping[Cell, int | None], notes: Mapping[Cell, str], cells: dict[Cell, object]
) -> None:
    if any(cell not in cells for cell in (*values, *notes)):
        raise ValidationError(_("Score only the bids and quality criteria of this tender."))
    if any(v is not None and (isinstance(v, bool) or not 0 <= v <= 10) for v in values.values()):
        raise ValidationError(_("A score goes from 0 to 10."))
    if any(note.strip() and values.get(cell) is None for cell, note in notes.items()):
        raise ValidationError(_("Give a score with every note."))


@transaction.atomic
def save_scores(
    *,
    juror: TenderJuror,
    values: Mapping[Cell, int | None],
    notes: Mapping[Cell, str],
    by: User,
) -> list[Score]:
    """Save (or clear, with None) the juror's own scores and notes; only before they submit."""
    _require_own_open_sheet(juror, by)
    _check_values(values, notes, dict(score_cells(juror.tender)))
    saved = []
    for (bid_pk, criterion_pk), value in values.items():
        found = Score.objects.filter(juror=juror, bid_id=bid_pk, criterion_id=criterion_pk)
        if value is None:
            found.delete()
            continue
        note = notes.get((bid_pk, criterion_pk), "").strip()
        score, _created = Score.objects.update_or_create(
            juror=juror,
            bid_id=bid_pk,
            criterion_id=criterion_pk,
            defaults={"value": value, "note": note},
        )
        saved.append(score)
    return saved


def missing_scores(juror: TenderJuror) -> list[tuple[Bid, Criterion]]:
    """The bid and criterion pairs this juror has not scored yet."""
    present = set(juror.scores.values_list("bid_id", "criterion_id"))
    return [pair for cell, pair in score_cells(juror.tender).items() if cell not in present]


@transaction.atomic
def submit_scores(*, juror: TenderJuror, by: User) -> JurorSubmission:
    """Make the juror's scores final, once every bid has a score on every quality criterion."""
    _require_own_open_sheet(juror, by)
    if not juror.tender.bids.exists() or not quality_criteria(juror.tender):
        raise ValidationError(_("There is nothing to score yet: no bids or no quality criteria."))
    missing = missing_scores(juror)
    if missing:
        raise ValidationError(
            [
                _("Score %(bid)s on %(criterion)s.")
                % {"bid": bid.bidder, "criterion": criterion.name}
                for bid, criterion in missing
            ]
        )
    return cast(JurorSubmission, _create(JurorSubmission, SUBMITTED, juror=juror))


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenderResults:
    criteria: list[Criterion]  # the award criteria, the price among them
    jurors: list[TenderJuror]
    waiting_for: list[TenderJuror]  # jurors who have not submitted
    result: ScoringResult | None  # once every juror submitted and the inputs hold
    problems: list[str]  # why there is no result although nobody is waiting
    scores: dict[tuple[int, int, int], Score]  # (juror, bid, criterion) pks

    @property
    def quality_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if not c.is_price]


def results(tender: Tender) -> TenderResults:
    """The ranking once every juror submitted; until then, who the results are waiting for."""
    jurors = _jurors(tender)
    criteria = [c for c in tender.criteria.all() if c.family == CriterionFamily.AWARD]
    scores = {(j.pk, *cell): score for j in jurors for cell, score in _scores(j).items()}
    waiting = [juror for juror in jurors if not is_submitted(juror)]
    outcome = TenderResults(criteria, jurors, waiting, None, [], scores)
    if waiting:
        return outcome
    try:
        result = _score(tender, criteria, jurors, scores)
    except ScoringError as error:
        return TenderResults(criteria, jurors, [], None, error.problems, scores)
    return TenderResults(criteria, jurors, [], result, [], scores)


def tender_results(tender: Tender) -> TenderResults:
    """`results` of a tender, read afresh with everything it needs in a few queries."""
    return results(
        with_scoring_data(Tender.objects.filter(pk=tender.pk)).select_related("rules").get()
    )


def jurors_differ_at(tender: Tender) -> int:
    """How many points apart the jurors' scores may lie before the results flag it."""
    return int(tender.rules.data.get("jurors_differ_at", JURORS_DIFFER_AT))


def _score(
    tender: Tender,
    criteria: list[Criterion],
    jurors: list[TenderJuror],
    scores: dict[tuple[int, int, int], Score],
) -> ScoringResult:
    return score_bids(
        criteria=[AwardCriterion(c.pk, c.name, c.weight, c.is_price) for c in criteria],
        bids=[BidPrice(b.pk, b.bidder, b.price) for b in tender.bids.all()],
        jurors=[Juror(j.pk, str(j.person)) for j in jurors],
        scores={key: score.value for key, score in scores.items()},
        differ_at=jurors_differ_at(tender),
    )


# --- what the pages show ---------------------------------------------------------------------


def descriptors(tender: Tender, criterion: Criterion) -> list[tuple[str, str]]:
    """What a score looks like ("0", "4", …), in the tender's language; none when not given."""
    found = (tender.content.get("descriptors") or {}).get(str(criterion.pk))
    if not isinstance(found, dict):
        found = _rule_descriptors(tender, criterion)
    levels = [(level, text(value, tender.language)) for level, value in found.items()]
    return sorted(
        ((lvl, txt) for lvl, txt in levels if lvl.isdigit() and txt), key=lambda p: int(p[0])
    )


def _rule_descriptors(tender: Tender, criterion: Criterion) -> dict[str, Any]:
    award = ((tender.rules.data.get("criteria") or {}).get("award")) or []
    for item in award:
        names = item.get("name") if isinstance(item.get("name"), dict) else {}
        if criterion.name in names.values() and isinstance(item.get("descriptors"), dict):
            return dict(item["descriptors"])
    return {}


@dataclass(frozen=True)
class SheetCell:
    bid: Bid
    criterion: Criterion
    value: int | None
    note: str
    descriptors: list[tuple[str, str]]
    others: list[tuple[TenderJuror, Score | None]]  # only once the juror submitted

    @property
    def field(self) -> str:
        return f"score-{self.bid.pk}-{self.criterion.pk}"

    @property
    def note_field(self) -> str:
        return f"note-{self.bid.pk}-{self.criterion.pk}"


Posted = tuple[Mapping[Cell, int | None], Mapping[Cell, str]]


def score_sheet(
    juror: TenderJuror, posted: Posted | None = None
) -> list[tuple[Bid, list[SheetCell]]]:
    """The juror's own sheet per bid (as posted when re-shown), with the others' once submitted."""
    tender, criteria = juror.tender, quality_criteria(juror.tender)
    mine: dict[Cell, tuple[int | None, str]]
    mine = {cell: (s.value, s.note) for cell, s in _scores(juror).items()}
    if posted is not None:
        mine = {cell: (value, posted[1].get(cell, "")) for cell, value in posted[0].items()}
    others = _other_sheets(juror) if is_submitted(juror) else []
    described = {c.pk: descriptors(tender, c) for c in criteria}

    def cell(bid: Bid, criterion: Criterion) -> SheetCell:
        value, note = mine.get((bid.pk, criterion.pk), (None, ""))
        theirs = [(other, scores.get((bid.pk, criterion.pk))) for other, scores in others]
        return SheetCell(bid, criterion, value, note, described[criterion.pk], theirs)

    return [(bid, [cell(bid, c) for c in criteria]) for bid in tender.bids.order_by("bidder")]


def _other_sheets(juror: TenderJuror) -> list[tuple[TenderJuror, dict[Cell, Score]]]:
    submitted = juror.tender.jurors.exclude(pk=juror.pk).filter(submission__isnull=False)
    return [(other, _scores(other)) for other in submitted.select_related("person").order_by("pk")]


@dataclass(frozen=True)
class CriterionLine:
    criterion: Criterion
    outcome: CriterionOutcome | None
    scores: list[tuple[TenderJuror, Score | None]]  # each juror's score and note


def bid_lines(outcome: TenderResults) -> list[tuple[BidOutcome, list[CriterionLine]]]:
    """Per ranked bid, per quality criterion: the mean, the flag and each juror's score."""
    if outcome.result is None:
        return []

    def line(bid: BidOutcome, c: Criterion) -> CriterionLine:
        given = [(j, outcome.scores.get((j.pk, cast(int, bid.bid), c.pk))) for j in outcome.jurors]
        return CriterionLine(c, bid.outcome(c.pk), given)

    return [(bid, [line(bid, c) for c in outcome.quality_criteria]) for bid in outcome.result.bids]
