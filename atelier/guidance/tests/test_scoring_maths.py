"""The award scoring arithmetic: means, flags, price points, totals, ranks and its refusals."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier.guidance.scoring import (
    AwardCriterion,
    BidPrice,
    Juror,
    ScoreKey,
    ScoringError,
    score_bids,
)

DEFAULT_GRID = [
    AwardCriterion("understanding", "Understanding", 20),
    AwardCriterion("method", "Method", 30),
    AwardCriterion("team", "Team", 20),
    AwardCriterion("transfer", "Knowledge transfer", 10),
    AwardCriterion("price", "Price", 20, is_price=True),
]
QUALITY = [c for c in DEFAULT_GRID if not c.is_price]
JURY = [Juror("ann", "Ann"), Juror("bob", "Bob"), Juror("cas", "Cas")]


def full_scores(jurors, bids, criteria, value=5):
    return {(j.key, b.key, c.key): value for j in jurors for b in bids for c in criteria}


def test_three_bids_three_jurors_rank_as_worked_out_by_hand():
    bids = [
        BidPrice("a", "Alpha Design", Decimal("40000")),
        BidPrice("b", "Beta Studio", Decimal("50000")),
        BidPrice("c", "Gamma Lab", Decimal("32000")),
    ]
    scores: dict[ScoreKey, Decimal | int] = {}
    given_by = {  # per bid: per juror the scores on understanding, method, team, transfer
        "a": {"ann": (8, 7, 8, 6), "bob": (7, 8, 7, 6), "cas": (9, 8, 8, 9)},
        "b": {"ann": (9, 9, 9, 8), "bob": (9, 10, 8, 9), "cas": (8, 9, 9, 7)},
        "c": {"ann": (5, 4, 6, 3), "bob": (6, 5, 5, 4), "cas": (2, 5, 6, 5)},
    }
    for bid, by_juror in given_by.items():
        for juror, values in by_juror.items():
            for criterion, value in zip(QUALITY, values, strict=True):
                scores[(juror, bid, criterion.key)] = value
    result = score_bids(criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores=scores)

    by_name = {bid.name: bid for bid in result.bids}
    # Alpha: means 8, 7.67, 7.67, 7 → 16 + 23.01 + 15.34 + 7 = 61.35; price 20 × 32000/40000 = 16
    assert by_name["Alpha Design"].quality_points == Decimal("61.35")
    assert by_name["Alpha Design"].price_points == Decimal("16.00")
    assert by_name["Alpha Design"].total == Decimal("77.35")
    # Beta: means 8.67, 9.33, 8.67, 8 → 17.34 + 27.99 + 17.34 + 8 = 70.67; price 20 × 0.64 = 12.80
    assert by_name["Beta Studio"].total == Decimal("83.47")
    # Gamma: means 4.33, 4.67, 5.67, 4 → 8.66 + 14.01 + 11.34 + 4 = 38.01; the lowest price: 20
    assert by_name["Gamma Lab"].total == Decimal("58.01")
    assert [(b.rank, b.name) for b in result.bids] == [
        (1, "Beta Studio"),
        (2, "Alpha Design"),
        (3, "Gamma Lab"),
    ]
    assert result.ties == ()
    assert [w.name for w in result.winners] == ["Beta Studio"]
    # Gamma's understanding: 5, 6 and 2 lie 4 apart → flagged; nothing else is.
    flagged = [(b.name, o.criterion) for b in result.bids for o in b.criteria if o.jurors_differ]
    assert flagged == [("Gamma Lab", "understanding")]


def test_equal_totals_share_a_rank_and_the_next_rank_is_skipped():
    bids = [
        BidPrice("a", "Alpha", Decimal("100")),
        BidPrice("b", "Beta", Decimal("100")),
        BidPrice("c", "Gamma", Decimal("200")),
    ]
    result = score_bids(
        criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores=full_scores(JURY, bids, QUALITY)
    )
    assert [(b.rank, b.name) for b in result.bids] == [(1, "Alpha"), (1, "Beta"), (3, "Gamma")]
    assert result.ties == (("Alpha", "Beta"),)
    assert result.bids[0].tied_with == ("Beta",)
    assert len(result.winners) == 2


@pytest.mark.parametrize(
    ("weights", "total"), [((20, 30, 20, 10, 10), "90"), ((20, 30, 20, 10, 30), "110")]
)
def test_weights_not_adding_up_to_100_are_refused_with_their_sum(weights, total):
    criteria = [
        AwardCriterion(c.key, c.name, weight, c.is_price)
        for c, weight in zip(DEFAULT_GRID, weights, strict=True)
    ]
    bids = [BidPrice("a", "Alpha", Decimal("10"))]
    with pytest.raises(ScoringError, match=f"add up to {total}, not 100"):
        score_bids(criteria=criteria, bids=bids, jurors=JURY, scores={})


def test_no_price_criterion_is_refused():
    criteria = [AwardCriterion("q", "Quality", 100)]
    with pytest.raises(ScoringError, match="must be the price; there is none"):
        score_bids(criteria=criteria, bids=[BidPrice("a", "A", Decimal(1))], jurors=JURY, scores={})


def test_two_price_criteria_are_refused():
    criteria = [AwardCriterion("p1", "Price", 50, True), AwardCriterion("p2", "Cost", 50, True)]
    with pytest.raises(ScoringError, match="there are 2"):
        score_bids(criteria=criteria, bids=[BidPrice("a", "A", Decimal(1))], jurors=[], scores={})


def test_no_bids_are_refused():
    with pytest.raises(ScoringError, match="no bids"):
        score_bids(criteria=DEFAULT_GRID, bids=[], jurors=JURY, scores={})


@pytest.mark.parametrize("price", [Decimal(0), Decimal("-5")])
def test_a_price_of_zero_or_less_is_refused(price):
    bids = [BidPrice("a", "Alpha", Decimal(10)), BidPrice("b", "Beta", price)]
    with pytest.raises(ScoringError, match="price of Beta must be more than 0"):
        score_bids(criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores={})


def test_a_missing_score_names_the_juror_the_bid_and_the_criterion():
    bids = [BidPrice("a", "Alpha", Decimal(10)), BidPrice("b", "Beta", Decimal(12))]
    scores = full_scores(JURY, bids, QUALITY)
    del scores[("bob", "b", "method")]
    with pytest.raises(ScoringError) as refused:
        score_bids(criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores=scores)
    assert refused.value.problems == ["Bob has not scored Beta on Method."]


@pytest.mark.parametrize("value", [11, -1, Decimal("10.5"), None, "7"])
def test_a_score_outside_0_to_10_is_refused(value):
    bids = [BidPrice("a", "Alpha", Decimal(10))]
    scores = full_scores(JURY, bids, QUALITY)
    scores[("ann", "a", "team")] = value
    with pytest.raises(ScoringError, match="Ann gave Alpha .* on Team; a score goes from 0 to 10"):
        score_bids(criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores=scores)


def test_a_score_for_the_price_criterion_is_refused():
    bids = [BidPrice("a", "Alpha", Decimal(10))]
    scores = full_scores(JURY, bids, QUALITY)
    scores[("ann", "a", "price")] = 5
    with pytest.raises(ScoringError, match="belong to no juror, bid or quality criterion"):
        score_bids(criteria=DEFAULT_GRID, bids=bids, jurors=JURY, scores=scores)


def test_quality_criteria_without_jurors_are_refused():
    with pytest.raises(ScoringError, match="no jurors"):
        score_bids(
            criteria=DEFAULT_GRID, bids=[BidPrice("a", "A", Decimal(1))], jurors=[], scores={}
        )


def test_price_alone_needs_no_jury():
    bids = [BidPrice("a", "Alpha", Decimal(300)), BidPrice("b", "Beta", Decimal(200))]
    result = score_bids(
        criteria=[AwardCriterion("p", "Price", 100, True)], bids=bids, jurors=[], scores={}
    )
    assert [(b.name, b.total) for b in result.bids] == [
        ("Beta", Decimal("100.00")),
        ("Alpha", Decimal("66.67")),
    ]


# --- properties --------------------------------------------------------------------------------

weights = st.lists(st.integers(min_value=0, max_value=60), min_size=2, max_size=6)
prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999"), places=2)


@st.composite
def scoring_inputs(draw):
    """A valid grid (weights summing to 100, one price criterion), bids, jurors and all scores."""
    quality_weights = draw(st.lists(st.integers(0, 40), min_size=1, max_size=5))
    if sum(quality_weights) > 100:
        quality_weights = [w * 100 // sum(quality_weights) for w in quality_weights]
    criteria = [AwardCriterion(f"q{i}", f"Q{i}", w) for i, w in enumerate(quality_weights)]
    criteria.append(AwardCriterion("price", "Price", 100 - sum(quality_weights), True))
    bid_count = draw(st.integers(1, 6))
    bids = [BidPrice(f"b{i}", f"Bid {i}", draw(prices)) for i in range(bid_count)]
    jurors = [Juror(f"j{i}", f"Juror {i}") for i in range(draw(st.integers(1, 4)))]
    cells = [
        (j.key, b.key, c.key) for j in jurors for b in bids for c in criteria if not c.is_price
    ]
    values = draw(st.lists(st.integers(0, 10), min_size=len(cells), max_size=len(cells)))
    return criteria, bids, jurors, dict(zip(cells, values, strict=True))


@settings(max_examples=150, deadline=None)
@given(scoring_inputs())
def test_ranks_follow_totals_and_equal_totals_share_a_rank(inputs):
    criteria, bids, jurors, scores = inputs
    result = score_bids(criteria=criteria, bids=bids, jurors=jurors, scores=scores)
    outcomes = result.bids
    assert sorted(str(o.bid) for o in outcomes) == sorted(str(b.key) for b in bids)
    for one in outcomes:
        assert one.rank == 1 + sum(1 for other in outcomes if other.total > one.total)
        for other in outcomes:
            if one.total > other.total:
                assert one.rank < other.rank
            if one.total == other.total:
                assert one.rank == other.rank
    tied = {name for group in result.ties for name in group}
    assert tied == {o.name for o in outcomes if o.tied_with}


@settings(max_examples=150, deadline=None)
@given(scoring_inputs())
def test_total_is_exactly_quality_plus_price_points(inputs):
    criteria, bids, jurors, scores = inputs
    for outcome in score_bids(criteria=criteria, bids=bids, jurors=jurors, scores=scores).bids:
        assert outcome.quality_points == sum((o.points for o in outcome.criteria), Decimal(0))
        assert outcome.total == outcome.quality_points + outcome.price_points
        assert Decimal(0) <= outcome.total <= Decimal("100.05")  # rounding of up to 5 parts
        for line in outcome.criteria:
            assert line.jurors_differ == (line.highest - line.lowest >= 4)


@settings(max_examples=100, deadline=None)
@given(weights.filter(lambda ws: sum(ws) != 100))
def test_weights_that_do_not_add_up_to_100_are_always_refused(grid):
    criteria = [AwardCriterion(f"q{i}", f"Q{i}", w, i == 0) for i, w in enumerate(grid)]
    bids = [BidPrice("a", "Alpha", Decimal(10))]
    jurors = [Juror("j", "Jo")]
    scores = full_scores(jurors, bids, criteria[1:])
    with pytest.raises(ScoringError, match=f"add up to {sum(grid)}, not 100"):
        score_bids(criteria=criteria, bids=bids, jurors=jurors, scores=scores)


@settings(max_examples=100, deadline=None)
@given(scoring_inputs(), st.data())
def test_any_missing_score_is_refused_and_named(inputs, data):
    criteria, bids, jurors, scores = inputs
    if not scores:
        return
    dropped = data.draw(st.sampled_from(sorted(scores)))
    del scores[dropped]
    juror, bid, criterion = dropped
    with pytest.raises(ScoringError) as refused:
        score_bids(criteria=criteria, bids=bids, jurors=jurors, scores=scores)
    names = {j.key: j.name for j in jurors} | {b.key: b.name for b in bids}
    names |= {c.key: c.name for c in criteria}
    expected = f"{names[juror]} has not scored {names[bid]} on {names[criterion]}."
    assert refused.value.problems == [expected]
