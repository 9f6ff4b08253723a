"""What seating a candidate would change in a body's balance."""

import datetime

import pytest

from atelier.governance.models import Gender, MandateStatus
from atelier.governance.selectors import Candidate, what_if

from .factories import seat

TODAY = datetime.date(2026, 6, 1)

pytestmark = pytest.mark.usefixtures("in_english")


def codes(flags) -> list[str]:
    return [flag.code for flag in flags]


def women_to_men(board, count: int) -> None:
    women = [m for m in board.seated if m.representative.gender == Gender.FEMALE]
    for mandate in women[:count]:
        mandate.representative.gender = Gender.MALE
        mandate.representative.save()


def test_seating_a_reserve_woman_in_a_mans_place_clears_the_gender_flag(board):
    women_to_men(board, 2)  # three women of ten
    man = next(m for m in board.seated if m.representative.gender == Gender.MALE)
    reserve = seat(
        board.body,
        man.organisation,
        gender=Gender.FEMALE,
        party=man.party,
        status=MandateStatus.RESERVE,
        reserve_rank=1,
    )

    result = what_if(
        body=board.body, candidate=Candidate.from_reserve(reserve), replacing=man, on=TODAY
    )

    assert codes(result.before.flags) == ["gender:female"]
    assert codes(result.resolved) == ["gender:female"]
    assert result.appeared == []
    assert result.after.flags == []
    assert result.after.reserve == []
    assert ("Women", 3, 4) in result.changes


def test_a_described_man_in_a_womans_place_raises_the_gender_flag(board):
    board.body.min_gender_share = "0.5"
    board.body.save()
    woman = next(m for m in board.seated if m.representative.gender == Gender.FEMALE)
    candidate = Candidate(gender=Gender.MALE, organisation=woman.organisation, party=woman.party)

    result = what_if(body=board.body, candidate=candidate, replacing=woman, on=TODAY)

    assert result.before.flags == []
    assert codes(result.appeared) == ["gender:female"]
    assert result.appeared[0].message.startswith("Women hold 40% of the seats (4 of 10)")


def test_a_candidate_in_a_vacant_seat_clears_the_vacancy(board):
    leaving = board.seated[0]
    leaving.delete()
    candidate = Candidate(
        gender=Gender.FEMALE, organisation=leaving.organisation, party=leaving.party
    )

    result = what_if(body=board.body, candidate=candidate, replacing=None, on=TODAY)

    assert codes(result.resolved) == ["vacant"]
    assert result.after.filled == 10


def test_a_candidate_without_a_free_seat_overfills_the_body(board):
    candidate = Candidate(
        gender=Gender.FEMALE, organisation=board.members["20001"][1], party=board.parties["A"]
    )

    result = what_if(body=board.body, candidate=candidate, replacing=None, on=TODAY)

    assert codes(result.appeared) == ["overfull"]


def test_taking_the_last_seat_of_a_province_shows_it_left_out(board):
    limburg = [m for m in board.seated if m.organisation.province.nis_code == "70000"]
    limburg[0].organisation = board.members["10000"][1]
    limburg[0].save()
    candidate = Candidate(
        gender=limburg[1].representative.gender,
        organisation=board.members["10000"][2],
        party=limburg[1].party,
    )

    result = what_if(body=board.body, candidate=candidate, replacing=limburg[1], on=TODAY)

    assert "province:70000" in codes(result.appeared)
    assert "No seat for the province of Limburg" in result.appeared[0].message
    assert ("Limburg", 1, 0) in result.changes


def test_what_if_changes_nothing_in_the_database(board):
    candidate = Candidate(gender=Gender.X, organisation=board.members["20001"][1], party=None)

    what_if(body=board.body, candidate=candidate, replacing=board.seated[0], on=TODAY)

    board.seated[0].refresh_from_db()
    assert board.body.mandates.count() == 10
