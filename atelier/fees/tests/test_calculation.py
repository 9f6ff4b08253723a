from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier.fees.calculation import RuleTerms, compute_fee, population_slices

PER_CAPITA = "per_capita"


def rule(rate="0.50", brackets=(), minimum=None, maximum=None, basis=PER_CAPITA, flat="0"):
    return RuleTerms(
        basis=basis,
        rate=Decimal(rate),
        flat_amount=Decimal(flat),
        minimum=None if minimum is None else Decimal(minimum),
        maximum=None if maximum is None else Decimal(maximum),
        brackets=tuple((low, Decimal(rate)) for low, rate in brackets),
    )


def test_flat_rate_times_inhabitants():
    assert compute_fee(rule("0.52"), 40_709, Decimal(0)).amount == Decimal("21168.68")


def test_brackets_are_progressive_like_income_tax():
    progressive = rule("0.52", brackets=[(25_000, "0.46"), (100_000, "0.39")])

    # 25,000 × 0.52 + 15,709 × 0.46 = 13,000 + 7,226.14
    assert compute_fee(progressive, 40_709, Decimal(0)).amount == Decimal("20226.14")
    # 25,000 × 0.52 + 75,000 × 0.46 + 429,000 × 0.39
    assert compute_fee(progressive, 529_000, Decimal(0)).amount == Decimal("214810.00")


def test_indexation_comes_before_the_limits_and_rounding_is_half_up():
    indexed = rule("0.50", minimum="1000.00", maximum="20000.00")

    # 40,709 × 0.50 = 20,354.50, × 1.02 = 20,761.59 → held at the maximum
    assert compute_fee(indexed, 40_709, Decimal("2")).amount == Decimal("20000.00")
    # 1,000 × 0.50 × 1.02 = 510 → raised to the minimum
    assert compute_fee(indexed, 1_000, Decimal("2")).breakdown["limit_applied"] == "minimum"
    # 3 × 0.005 = 0.015 → 0.02, halves away from zero
    assert compute_fee(rule("0.005"), 3, Decimal(0)).amount == Decimal("0.02")


def test_a_bracket_from_zero_replaces_the_base_rate():
    assert population_slices(rule("0.9", brackets=[(0, "0.1")]), 10) == [(0, 10, Decimal("0.1"))]


def test_flat_fee_is_indexed_and_needs_no_population():
    flat = rule(basis="flat", flat="2500.00")

    assert compute_fee(flat, None, Decimal("2")).amount == Decimal("2550.00")


def test_a_per_capita_fee_without_a_figure_is_an_error_never_zero():
    with pytest.raises(ValueError):
        compute_fee(rule(), None, Decimal(0))


rates = st.decimals(min_value=0, max_value=5, places=4)
bracket_lists = st.lists(
    st.tuples(st.integers(min_value=1, max_value=200_000), rates),
    max_size=4,
    unique_by=lambda b: b[0],
)


@given(
    rate=rates,
    brackets=bracket_lists,
    population=st.integers(min_value=0, max_value=600_000),
    more=st.integers(min_value=0, max_value=10_000),
)
def test_more_inhabitants_never_pay_less(rate, brackets, population, more):
    terms = RuleTerms(PER_CAPITA, rate, Decimal(0), None, None, tuple(sorted(brackets)))

    smaller = compute_fee(terms, population, Decimal(0)).amount
    larger = compute_fee(terms, population + more, Decimal(0)).amount

    assert larger >= smaller


@given(rate=rates, brackets=bracket_lists, population=st.integers(min_value=0, max_value=600_000))
def test_slices_cover_the_population_exactly_once(rate, brackets, population):
    terms = RuleTerms(PER_CAPITA, rate, Decimal(0), None, None, tuple(sorted(brackets)))

    slices = population_slices(terms, population)

    assert sum(high - low for low, high, _rate in slices) == population
    assert all(slices[i][1] == slices[i + 1][0] for i in range(len(slices) - 1))


@given(
    rate=rates,
    population=st.integers(min_value=0, max_value=600_000),
    minimum=st.decimals(min_value=0, max_value=5000, places=2),
    spread=st.decimals(min_value=0, max_value=100_000, places=2),
    indexation=st.decimals(min_value=-5, max_value=10, places=3),
)
def test_fee_stays_between_minimum_and_maximum_in_whole_cents(
    rate, population, minimum, spread, indexation
):
    terms = RuleTerms(PER_CAPITA, rate, Decimal(0), minimum, minimum + spread)

    amount = compute_fee(terms, population, indexation).amount

    assert minimum <= amount <= minimum + spread
    assert amount == amount.quantize(Decimal("0.01"))
