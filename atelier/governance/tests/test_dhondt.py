"""D'Hondt against published worked examples, its tie rule and its invariants."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from atelier.governance.services import DHondtTie, dhondt


def test_classic_example_of_eight_seats():
    # The textbook example (Wikipedia, "D'Hondt method"): 100,000, 80,000, 30,000, 20,000.
    votes = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}

    assert dhondt(votes=votes, seats=8) == {"A": 4, "B": 3, "C": 1, "D": 0}


def test_seven_seats_among_five_parties():
    # Electowiki's table, "D'Hondt method": the seats go A, B, A, C, B, A, B.
    votes = {"A": 340_000, "B": 280_000, "C": 160_000, "D": 60_000, "E": 15_000}

    assert dhondt(votes=votes, seats=7) == {"A": 3, "B": 3, "C": 1, "D": 0, "E": 0}


def test_ten_seats_among_three_parties():
    # staatsrecht.honikel.de, calculation examples: A 6100, B 5000, C 900 → 6, 4, 0.
    assert dhondt(votes={"A": 6100, "B": 5000, "C": 900}, seats=10) == {"A": 6, "B": 4, "C": 0}


def test_thirty_seats_of_a_parliament():
    # Tannenbaum, Excursions in Modern Mathematics, example 14 (a d'Hondt table, 30 seats).
    votes = {
        "Whigs": 5_525_381,
        "Tories": 3_470_152,
        "Liberals": 3_864_226,
        "Centrists": 201_203,
    }

    assert dhondt(votes=votes, seats=30) == {
        "Whigs": 13,
        "Tories": 8,
        "Liberals": 9,
        "Centrists": 0,
    }


def test_zero_seats_gives_every_party_none():
    assert dhondt(votes={"A": 10, "B": 5}, seats=0) == {"A": 0, "B": 0}


def test_one_party_takes_every_seat():
    assert dhondt(votes={"A": 1}, seats=5) == {"A": 5}


def test_party_without_votes_gets_nothing():
    assert dhondt(votes={"A": 10, "B": 0}, seats=3) == {"A": 3, "B": 0}


def test_equal_quotients_for_the_last_seat_go_to_the_party_with_more_votes():
    # Last seat: A's second quotient (200 / 2 = 100) ties with B's first (100); A has more votes.
    assert dhondt(votes={"A": 200, "B": 100}, seats=2) == {"A": 2, "B": 0}


def test_equal_quotients_with_seats_for_both_need_no_tie_break():
    assert dhondt(votes={"A": 100, "B": 100}, seats=2) == {"A": 1, "B": 1}


def test_equal_quotients_and_equal_votes_for_the_last_seat_raise_a_tie_naming_the_parties():
    # A takes 300, 150 and 100 (its votes break that tie); B and C tie at 100 for the fourth.
    with pytest.raises(DHondtTie) as raised:
        dhondt(votes={"A": 300, "B": 100, "C": 100}, seats=4)

    assert raised.value.parties == ("B", "C")
    assert raised.value.seats == 1
    assert "B, C" in str(raised.value)


@pytest.mark.parametrize(
    ("votes", "seats"), [({"A": -1}, 3), ({"A": 10}, -1)], ids=["negative votes", "negative seats"]
)
def test_negative_input_is_refused(votes, seats):
    with pytest.raises(ValueError, match="negative"):
        dhondt(votes=votes, seats=seats)


def test_seats_without_any_votes_are_refused():
    with pytest.raises(ValueError, match="no votes"):
        dhondt(votes={"A": 0, "B": 0}, seats=2)


votes_strategy = st.dictionaries(
    keys=st.text(alphabet="ABCDEFGH", min_size=1, max_size=3),
    values=st.integers(min_value=0, max_value=1_000_000),
    min_size=1,
    max_size=8,
).filter(lambda votes: any(votes.values()))


@given(votes=votes_strategy, seats=st.integers(min_value=0, max_value=60))
def test_seats_add_up_and_more_votes_never_mean_fewer_seats(votes, seats):
    try:
        allocation = dhondt(votes=votes, seats=seats)
    except DHondtTie:
        assume(False)

    assert sum(allocation.values()) == seats
    assert set(allocation) == set(votes)
    for party, count in votes.items():
        for other, other_count in votes.items():
            if count > other_count:
                assert allocation[party] >= allocation[other]
