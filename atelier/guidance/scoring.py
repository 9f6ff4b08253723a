"""Award scoring of bids: jurors' scores and prices in, points and a ranking out.

Pure arithmetic in Decimal, no database. Every input problem is a ScoringError with
a message that names what is wrong: a wrong ranking is worse than none.

- A quality criterion's mean is the jurors' mean score, rounded to 2 places; its points
  are mean / 10 × weight, from the mean as shown, so anyone can redo the sums by hand.
- Price points = price weight × lowest price / bid price.
- Points are rounded to 2 places and the total is their exact sum; equal totals share
  a rank ("1, 1, 3").
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from atelier.lib.numbers import format_number

CENT = Decimal("0.01")
TOTAL_WEIGHT = Decimal(100)
LOWEST_SCORE, HIGHEST_SCORE = Decimal(0), Decimal(10)
JURORS_DIFFER_AT = 4  # points between the lowest and the highest score
MAX_NAMED_MISSING = 20

Key = Hashable
ScoreKey = tuple[Key, Key, Key]  # (juror, bid, criterion)


class ScoringError(ValueError):
    """The inputs cannot give a trustworthy ranking; `problems` says why, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


@dataclass(frozen=True)
class AwardCriterion:
    key: Key
    name: str
    weight: Decimal | int
    is_price: bool = False


@dataclass(frozen=True)
class BidPrice:
    key: Key
    name: str
    price: Decimal


@dataclass(frozen=True)
class Juror:
    key: Key
    name: str


@dataclass(frozen=True)
class CriterionOutcome:
    criterion: Key
    mean: Decimal
    lowest: Decimal
    highest: Decimal
    jurors_differ: bool
    points: Decimal


@dataclass(frozen=True)
class BidOutcome:
    bid: Key
    name: str
    price: Decimal
    criteria: tuple[CriterionOutcome, ...]  # the quality criteria, in the order given
    quality_points: Decimal
    price_points: Decimal
    total: Decimal
    rank: int
    tied_with: tuple[str, ...]  # names of the other bids with the same total

    def outcome(self, criterion: Key) -> CriterionOutcome | None:
        return next((found for found in self.criteria if found.criterion == criterion), None)


@dataclass(frozen=True)
class ScoringResult:
    bids: tuple[BidOutcome, ...]  # best first; tied bids by name
    ties: tuple[tuple[str, ...], ...]  # names of bids that share a rank, per rank

    @property
    def winners(self) -> tuple[BidOutcome, ...]:
        """The first-ranked bid, or every bid that ties for first place."""
        return tuple(outcome for outcome in self.bids if outcome.rank == 1)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _check_criteria(criteria: Sequence[AwardCriterion]) -> list[str]:
    problems = []
    if any(Decimal(c.weight) < 0 for c in criteria):
        problems.append(_("A weight cannot be negative."))
    total = sum((Decimal(c.weight) for c in criteria), Decimal(0))
    if total != TOTAL_WEIGHT:
        problems.append(
            _("The award criteria's weights add up to %(total)s, not 100.")
            % {"total": format_number(total)}
        )
    prices = sum(1 for c in criteria if c.is_price)
    if prices == 0:
        problems.append(_("One award criterion must be the price; there is none."))
    elif prices > 1:
        problems.append(
            _("Only one award criterion can be the price; there are %(count)s.") % {"count": prices}
        )
    return problems


def _check_bids(bids: Sequence[BidPrice]) -> list[str]:
    if not bids:
        return [_("There are no bids to score.")]
    return [
        _("The price of %(bid)s must be more than 0; it is %(price)s.")
        % {"bid": bid.name, "price": bid.price}
        for bid in bids
        if bid.price <= 0
    ]


def _check_unique(
    criteria: Sequence[AwardCriterion], bids: Sequence[BidPrice], jurors: Sequence[Juror]
) -> list[str]:
    problems = []
    for things in (criteria, bids, jurors):
        keys = [thing.key for thing in things]
        if len(set(keys)) != len(keys):
            problems.append(_("The same criterion, bid or juror is given twice."))
    return problems


def _check_scores(
    scores: Mapping[ScoreKey, Decimal | int], expected: set[ScoreKey], names: "_Names"
) -> list[str]:
    problems = []
    missing = sorted(names.of(key) for key in expected if key not in scores)
    for juror, bid, criterion in missing[:MAX_NAMED_MISSING]:
        problems.append(
            _("%(juror)s has not scored %(bid)s on %(criterion)s.")
            % {"juror": juror, "bid": bid, "criterion": criterion}
        )
    if len(missing) > MAX_NAMED_MISSING:
        more = len(missing) - MAX_NAMED_MISSING
        problems.append(_("And %(count)s more missing scores.") % {"count": more})
    if any(key not in expected for key in scores):
        problems.append(
            _("Some scores belong to no juror, bid or quality criterion of this tender.")
        )
    return problems + _check_range(scores, expected, names)


def _check_range(
    scores: Mapping[ScoreKey, Decimal | int], expected: set[ScoreKey], names: "_Names"
) -> list[str]:
    problems = []
    for key, value in scores.items():
        if key in expected and not _is_score(value):
            juror, bid, criterion = names.of(key)
            problems.append(
                _("%(juror)s gave %(bid)s %(value)s on %(criterion)s; a score goes from 0 to 10.")
                % {"juror": juror, "bid": bid, "criterion": criterion, "value": value}
            )
    return problems


def _is_score(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return False
    return Decimal(value).is_finite() and LOWEST_SCORE <= value <= HIGHEST_SCORE


class _Names:
    """The names of a score key's juror, bid and criterion (their keys may look alike)."""

    def __init__(
        self, criteria: Sequence[AwardCriterion], bids: Sequence[BidPrice], jurors: Sequence[Juror]
    ) -> None:
        self.jurors = {j.key: j.name for j in jurors}
        self.bids = {b.key: b.name for b in bids}
        self.criteria = {c.key: c.name for c in criteria}

    def of(self, key: ScoreKey) -> tuple[str, str, str]:
        juror, bid, criterion = key
        return self.jurors[juror], self.bids[bid], self.criteria[criterion]


def _criterion_outcome(
    criterion: AwardCriterion, values: list[Decimal], differ_at: int
) -> CriterionOutcome:
    mean = _cents(sum(values, Decimal(0)) / len(values))
    lowest, highest = min(values), max(values)
    return CriterionOutcome(
        criterion=criterion.key,
        mean=mean,
        lowest=lowest,
        highest=highest,
        jurors_differ=highest - lowest >= differ_at,
        points=_cents(mean / 10 * Decimal(criterion.weight)),
    )


def _rank(unranked: list[BidOutcome]) -> tuple[tuple[BidOutcome, ...], tuple[tuple[str, ...], ...]]:
    ordered = sorted(unranked, key=lambda outcome: (-outcome.total, outcome.name))
    ranked, ties = [], []
    for outcome in ordered:
        rank = 1 + sum(1 for other in ordered if other.total > outcome.total)
        same = tuple(
            other.name for other in ordered if other.total == outcome.total and other is not outcome
        )
        ranked.append(replace(outcome, rank=rank, tied_with=same))
        group = tuple(sorted((outcome.name, *same)))
        if same and group not in ties:
            ties.append(group)
    return tuple(ranked), tuple(ties)


def score_bids(
    *,
    criteria: Sequence[AwardCriterion],
    bids: Sequence[BidPrice],
    jurors: Sequence[Juror],
    scores: Mapping[ScoreKey, Decimal | int],
    differ_at: int = JURORS_DIFFER_AT,
) -> ScoringResult:
    """Points, totals and ranks of the bids; ScoringError when the inputs cannot give them."""
    criteria, bids, jurors = list(criteria), list(bids), list(jurors)
    quality = [c for c in criteria if not c.is_price]
    problems = _check_criteria(criteria) + _check_bids(bids) + _check_unique(criteria, bids, jurors)
    if quality and not jurors:
        problems.append(_("There are no jurors to score the quality criteria."))
    if problems:
        raise ScoringError(problems)
    expected = {(j.key, b.key, c.key) for j in jurors for b in bids for c in quality}
    problems = _check_scores(scores, expected, _Names(criteria, bids, jurors))
    if problems:
        raise ScoringError(problems)
    price_weight = Decimal(next(c.weight for c in criteria if c.is_price))
    lowest_price = min(bid.price for bid in bids)
    unranked = [
        _bid_outcome(
            bid, quality, jurors, scores, differ_at, _cents(price_weight * lowest_price / bid.price)
        )
        for bid in bids
    ]
    ranked, ties = _rank(unranked)
    return ScoringResult(bids=ranked, ties=ties)


def _bid_outcome(
    bid: BidPrice,
    quality: Iterable[AwardCriterion],
    jurors: Sequence[Juror],
    scores: Mapping[ScoreKey, Decimal | int],
    differ_at: int,
    price_points: Decimal,
) -> BidOutcome:
    outcomes = tuple(
        _criterion_outcome(c, [Decimal(scores[(j.key, bid.key, c.key)]) for j in jurors], differ_at)
        for c in quality
    )
    quality_points = sum((o.points for o in outcomes), Decimal(0))
    return BidOutcome(
        bid=bid.key,
        name=bid.name,
        price=bid.price,
        criteria=outcomes,
        quality_points=quality_points,
        price_points=price_points,
        total=quality_points + price_points,
        rank=0,
        tied_with=(),
    )
