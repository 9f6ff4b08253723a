"""A body's composition against its targets, and the flags it raises."""

import datetime

import pytest

from atelier.governance.balance import PROBLEM, WARNING
from atelier.governance.models import Gender, MandateRole, MandateStatus
from atelier.governance.selectors import composition

from .factories import TERM_START, make_body, make_ocmw, make_parties, seat

TODAY = datetime.date(2026, 6, 1)

pytestmark = pytest.mark.usefixtures("in_english")


def flags_of(body, on=TODAY) -> dict[str, tuple[str, str]]:
    return {flag.code: (flag.level, flag.message) for flag in composition(body=body, on=on).flags}


def make_men(board, count: int) -> None:
    women = [m for m in board.seated if m.representative.gender == Gender.FEMALE]
    for mandate in women[:count]:
        mandate.representative.gender = Gender.MALE
        mandate.representative.save()


def test_balanced_board_raises_no_flag(board):
    result = composition(body=board.body, on=TODAY)

    assert result.flags == []
    assert result.filled == 10
    assert result.vacant == 0
    assert [row.seats for row in result.genders] == [5, 5, 0]


def test_board_with_eighty_percent_men_is_flagged(board):
    make_men(board, 3)

    assert flags_of(board.body) == {
        "gender:female": (
            PROBLEM,
            "Women hold 20% of the seats (2 of 10); the target is at least 33%.",
        )
    }


def test_a_third_of_the_seats_meets_a_target_of_one_third(board):
    board.body.min_gender_share = "0.3"
    board.body.save()
    make_men(board, 2)  # three women of ten: exactly on target

    assert flags_of(board.body) == {}


def test_province_left_out_is_flagged_and_the_one_that_took_its_seats_too(board):
    antwerp_town = board.members["10000"][1]
    for mandate in board.seated:
        if mandate.organisation.province.nis_code == "70000":
            mandate.organisation = antwerp_town
            mandate.save()

    flags = flags_of(board.body)

    assert flags["province:70000"] == (
        PROBLEM,
        "No seat for the province of Limburg (expected about 2).",
    )
    assert flags["province:10000"] == (
        WARNING,
        "The province of Antwerp holds 4 seats (40%); its share of the members suggests about 2.",
    )


def test_board_with_eighty_percent_men_and_a_province_left_out_shows_both(board):
    make_men(board, 3)
    board.seated[-1].delete()
    board.seated[-2].delete()
    antwerp_town = board.members["10000"][1]
    seat(board.body, antwerp_town, gender=Gender.FEMALE, party=board.parties["A"])
    seat(board.body, antwerp_town, gender=Gender.MALE, party=board.parties["C"])

    result = composition(body=board.body, on=TODAY)

    assert [flag.code for flag in result.problems] == ["gender:female", "province:70000"]
    assert "Women hold 20% of the seats" in result.problems[0].message
    assert "No seat for the province of Limburg" in result.problems[1].message


def test_province_within_its_tolerance_is_not_flagged(board):
    # Limburg gives one seat to Antwerp: 10 points off on both, the tolerance is 10.
    limburg_mandate = next(m for m in board.seated if m.organisation.province.nis_code == "70000")
    limburg_mandate.organisation = board.members["10000"][1]
    limburg_mandate.save()

    assert flags_of(board.body) == {}


def test_party_off_its_dhondt_seats_by_more_than_the_tolerance_is_flagged(board):
    for mandate in board.seated:
        if mandate.party.abbreviation == "B":
            mandate.party = board.parties["A"]
            mandate.save()

    flags = flags_of(board.body)

    assert flags["party:A"] == (
        PROBLEM,
        "A holds 8 seats; the D'Hondt allocation gives it 5.",
    )
    assert flags["party:B"] == (PROBLEM, "B holds 0 seats; the D'Hondt allocation gives it 3.")


def test_party_off_by_one_seat_is_within_the_default_tolerance(board):
    b_mandate = next(m for m in board.seated if m.party.abbreviation == "B")
    b_mandate.party = board.parties["A"]
    b_mandate.save()

    assert flags_of(board.body) == {}
    rows = {row.key: row for row in composition(body=board.body, on=TODAY).parties}
    assert (rows["A"].seats, rows["A"].expected) == (6, 5.0)


def test_independents_are_counted_but_not_flagged(board):
    board.seated[0].party = None
    board.seated[0].save()

    rows = composition(body=board.body, on=TODAY).parties

    assert (rows[-1].key, rows[-1].label, rows[-1].seats) == ("", "Independent", 1)
    assert "party:" not in flags_of(board.body)


def test_tie_in_the_election_results_is_a_warning_not_an_allocation(board, term):
    make_parties(term, {"A": 1000, "B": 1000, "C": 0})
    board.body.seats = 9  # 1000 / 5 = 200 for both: one seat left for two parties
    board.body.save()
    board.seated[0].delete()

    flags = flags_of(board.body)

    assert flags["dhondt-tie"][0] == WARNING
    assert "between A, B" in flags["dhondt-tie"][1]


def test_parties_are_not_checked_without_election_results(board, term):
    term.election_results.all().delete()

    result = composition(body=board.body, on=TODAY)

    assert result.flags == []
    assert "No election results" in result.party_note


def test_parties_are_not_checked_where_seats_do_not_follow_them(board):
    board.body.party_tolerance = None
    board.body.save()

    assert "do not follow the parties" in composition(body=board.body, on=TODAY).party_note


def test_vacant_seats_are_a_warning(board):
    board.seated[0].delete()
    board.seated[1].delete()

    result = composition(body=board.body, on=TODAY)

    assert result.vacant == 2
    assert flags_of(board.body)["vacant"] == (WARNING, "2 of 10 seats are vacant.")


def test_more_members_than_seats_is_a_problem(board):
    seat(board.body, board.members["20001"][1], gender=Gender.FEMALE, party=board.parties["A"])

    assert flags_of(board.body)["overfull"] == (
        PROBLEM,
        "More members than seats: 11 for 10 seats.",
    )


def test_seated_mandate_without_council_approval_is_flagged_with_the_name(board):
    mandate = board.seated[0]
    mandate.council_approved_on = None
    mandate.save()

    level, message = flags_of(board.body)["approval"]

    assert level == WARNING
    assert message == (
        f"1 seated member lacks the approval of their council: {mandate.representative.full_name}."
    )


def test_reserve_candidate_without_approval_is_not_flagged(board):
    seat(
        board.body,
        board.members["20001"][1],
        approved=False,
        status=MandateStatus.RESERVE,
        reserve_rank=1,
    )

    result = composition(body=board.body, on=TODAY)

    assert result.flags == []
    assert len(result.reserve) == 1


def test_small_authorities_left_out_is_a_warning(board):
    for mandate in board.seated:
        province = mandate.organisation.province.nis_code
        mandate.organisation = board.members[province][3]
        mandate.save()

    assert flags_of(board.body)["size"] == (
        WARNING,
        "Authorities under 25,000 inhabitants hold 0% of the seats; "
        "they make up 75% of the member municipalities.",
    )


def test_an_ocmw_counts_with_its_municipalitys_size(board):
    small_town = board.members["10000"][2]
    ocmw = make_ocmw(small_town, residents=80_000)  # its own figure counts residents, not size
    board.seated[1].organisation = ocmw  # instead of Antwerp's large municipality
    board.seated[1].save()

    rows = {row.key: row.seats for row in composition(body=board.body, on=TODAY).sizes}

    assert rows == {"small": 8, "large": 2}


def test_substitutes_hold_no_seat(board):
    seat(
        board.body,
        board.members["20001"][1],
        gender=Gender.MALE,
        role=MandateRole.SUBSTITUTE,
        substitute_for=board.seated[0],
    )

    result = composition(body=board.body, on=TODAY)

    assert result.filled == 10
    assert len(result.substitutes) == 1
    assert result.flags == []


def test_composition_on_a_day_counts_only_mandates_active_then(board):
    board.seated[0].ends_on = datetime.date(2025, 12, 31)
    board.seated[0].save()

    assert composition(body=board.body, on=datetime.date(2025, 6, 1)).filled == 10
    assert composition(body=board.body, on=TODAY).filled == 9
    assert composition(body=board.body, on=TERM_START - datetime.timedelta(days=1)).filled == 0


def test_empty_body_has_only_its_vacancies_flagged(term, members, parties):
    body = make_body(term, seats=7)

    assert flags_of(body) == {"vacant": (WARNING, "7 of 7 seats are vacant.")}


def test_composition_reads_the_mandates_in_a_constant_number_of_queries(
    board, django_assert_num_queries
):
    with django_assert_num_queries(4):
        composition(body=board.body, on=TODAY)
