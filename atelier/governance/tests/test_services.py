"""Mandates, the reserve list and election results, changed through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from atelier.governance.models import (
    ElectionResult,
    Gender,
    Mandate,
    MandateRole,
    MandateStatus,
    Party,
    Representative,
)
from atelier.governance.services import (
    MandateDetails,
    NewParty,
    create_mandate,
    end_mandate,
    seat_from_reserve,
    set_election_results,
    update_mandate,
)

from .factories import TERM_END, TERM_START, make_body, make_representative, seat


def ranks(body) -> list[tuple[str, int]]:
    reserve = body.mandates.filter(status=MandateStatus.RESERVE).exclude(
        ends_on__lt=timezone.localdate()
    )
    return [
        (m.representative.last_name, m.reserve_rank)
        for m in reserve.select_related("representative").order_by("reserve_rank")
    ]


@pytest.fixture
def reserve_list(board):
    """Three candidates on the board's reserve list: Aerts, Bosmans, Claes."""
    town = board.members["20001"][1]
    for rank, name in enumerate(["Aerts", "Bosmans", "Claes"], start=1):
        seat(
            board.body,
            town,
            representative=make_representative(Gender.FEMALE, last_name=name),
            status=MandateStatus.RESERVE,
            reserve_rank=rank,
        )
    return board.body


def details(board, **changes) -> MandateDetails:
    values = {
        "organisation": board.members["30000"][1],
        "party": board.parties["B"],
        "role": MandateRole.MEMBER,
        "starts_on": datetime.date(2025, 3, 1),
    }
    return MandateDetails(**(values | changes))


def test_new_person_gets_a_mandate_that_ends_with_the_term(board, administrator):
    person = Representative(first_name="Lies", last_name="Vermeulen", gender=Gender.FEMALE)

    mandate = create_mandate(
        body=board.body, representative=person, details=details(board), by=administrator
    )

    assert person.pk is not None
    assert mandate.ends_on == TERM_END
    assert mandate.status == MandateStatus.SEATED
    assert mandate.reserve_rank is None


def test_trainer_cannot_create_a_mandate(board, trainer):
    person = make_representative()

    with pytest.raises(PermissionDenied):
        create_mandate(body=board.body, representative=person, details=details(board), by=trainer)


def test_new_reserve_candidate_without_a_rank_goes_last(reserve_list, board, administrator):
    create_mandate(
        body=reserve_list,
        representative=make_representative(last_name="Dewulf"),
        details=details(board, status=MandateStatus.RESERVE),
        by=administrator,
    )

    assert ranks(reserve_list) == [("Aerts", 1), ("Bosmans", 2), ("Claes", 3), ("Dewulf", 4)]


def test_new_reserve_candidate_at_a_rank_pushes_the_others_down(reserve_list, board, administrator):
    create_mandate(
        body=reserve_list,
        representative=make_representative(last_name="Dewulf"),
        details=details(board, status=MandateStatus.RESERVE, reserve_rank=1),
        by=administrator,
    )

    assert ranks(reserve_list) == [("Dewulf", 1), ("Aerts", 2), ("Bosmans", 3), ("Claes", 4)]


@pytest.mark.parametrize(
    ("name", "rank", "expected"),
    [
        ("Aerts", 3, ["Bosmans", "Claes", "Aerts"]),
        ("Claes", 1, ["Claes", "Aerts", "Bosmans"]),
        ("Aerts", 2, ["Bosmans", "Aerts", "Claes"]),
    ],
    ids=["down to the end", "up to the top", "down one"],
)
def test_moving_a_candidate_on_the_list_keeps_the_ranks_consecutive(
    reserve_list, board, administrator, name, rank, expected
):
    mandate = reserve_list.mandates.get(representative__last_name=name)

    update_mandate(
        mandate=mandate,
        details=details(board, status=MandateStatus.RESERVE, reserve_rank=rank),
        by=administrator,
    )

    assert ranks(reserve_list) == [(n, i) for i, n in enumerate(expected, start=1)]


def test_seating_from_the_reserve_list_moves_the_others_up(reserve_list, administrator):
    first = reserve_list.mandates.get(representative__last_name="Aerts")

    seat_from_reserve(mandate=first, by=administrator, on=datetime.date(2026, 3, 1))

    first.refresh_from_db()
    assert (first.status, first.reserve_rank) == (MandateStatus.SEATED, None)
    assert first.starts_on == datetime.date(2026, 3, 1)
    assert ranks(reserve_list) == [("Bosmans", 1), ("Claes", 2)]


def test_a_seated_member_cannot_be_seated_again(board, administrator):
    with pytest.raises(ValidationError):
        seat_from_reserve(mandate=board.seated[0], by=administrator)


def test_ending_a_reserve_candidate_takes_them_off_the_list(reserve_list, administrator):
    second = reserve_list.mandates.get(representative__last_name="Bosmans")

    end_mandate(mandate=second, ends_on=datetime.date(2025, 2, 1), by=administrator)

    assert ranks(reserve_list) == [("Aerts", 1), ("Claes", 2)]


def test_ending_a_seat_sets_its_last_day(board, administrator):
    mandate = end_mandate(
        mandate=board.seated[0], ends_on=datetime.date(2026, 1, 31), by=administrator
    )

    mandate.refresh_from_db()
    assert mandate.ends_on == datetime.date(2026, 1, 31)


def test_a_mandate_cannot_end_before_it_starts(board, administrator):
    with pytest.raises(ValidationError):
        end_mandate(
            mandate=board.seated[0],
            ends_on=TERM_START - datetime.timedelta(days=1),
            by=administrator,
        )


def test_only_a_substitute_stands_in_for_someone(board, administrator):
    mandate = create_mandate(
        body=board.body,
        representative=make_representative(),
        details=details(board, role=MandateRole.MEMBER, substitute_for=board.seated[0]),
        by=administrator,
    )

    assert mandate.substitute_for is None


def test_a_substitute_stands_in_for_a_member_of_the_same_body(board, administrator, term):
    other_body = make_body(term, seats=5)

    with pytest.raises(ValidationError):
        create_mandate(
            body=other_body,
            representative=make_representative(),
            details=details(board, role=MandateRole.SUBSTITUTE, substitute_for=board.seated[0]),
            by=administrator,
        )
    assert not Mandate.objects.filter(body=other_body).exists()


def test_election_results_are_set_replaced_and_removed(term, parties, administrator):
    set_election_results(
        term=term,
        votes={parties["A"]: 6000, parties["B"]: None},
        new_party=NewParty("Lijst Morgen", "MRG", 1200),
        by=administrator,
    )

    results = dict(term.election_results.values_list("party__abbreviation", "votes"))
    assert results == {"A": 6000, "C": 1900, "MRG": 1200}
    assert Party.objects.get(abbreviation="MRG").name == "Lijst Morgen"


def test_trainer_cannot_set_election_results(term, parties, trainer):
    with pytest.raises(PermissionDenied):
        set_election_results(term=term, votes={parties["A"]: 1}, by=trainer)
    assert ElectionResult.objects.get(term=term, party=parties["A"]).votes == 5000
