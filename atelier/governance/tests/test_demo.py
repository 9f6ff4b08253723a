"""The demo governance: realistic, a little imperfect, and loaded as often as you like."""

import datetime

import pytest

from atelier.governance.demo import load_demo_governance
from atelier.governance.models import (
    Attendance,
    Body,
    BodyKind,
    ElectionResult,
    Gender,
    Mandate,
    Meeting,
    Party,
    Representative,
    Term,
)
from atelier.governance.selectors import Candidate, composition, quorum, what_if

ON = datetime.date(2026, 3, 1)
MODELS = [Term, Party, ElectionResult, Body, Representative, Mandate, Meeting, Attendance]

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def demo(registry):
    return load_demo_governance()


def counts() -> list[int]:
    return [model.objects.count() for model in MODELS]


def test_loading_the_demo_twice_duplicates_nothing(demo):
    first = counts()

    again = load_demo_governance()

    assert counts() == first
    assert again == demo
    assert (demo.bodies, demo.meetings) == (3, 1)


def test_demo_board_is_roughly_balanced_with_a_few_warnings(demo):
    board = Body.objects.get(kind=BodyKind.BOARD, term__name="2025–2030")

    result = composition(body=board, on=ON)

    assert (result.filled, result.vacant, len(result.reserve)) == (29, 1, 4)
    assert result.problems == []
    assert {flag.code for flag in result.warnings} == {"vacant", "size", "approval"}
    assert sum(row.seats for row in result.genders if row.key == Gender.FEMALE) == 11
    assert all(row.seats for row in result.provinces)


def test_demo_executive_committee_is_appointed_from_the_board(demo):
    executive = Body.objects.get(kind=BodyKind.EXECUTIVE_COMMITTEE)
    board_people = set(executive.parent.mandates.values_list("representative", flat=True))

    result = composition(body=executive, on=ON)

    assert result.filled == 7
    assert {m.representative_id for m in result.seated} <= board_people
    assert result.problems == []


def test_demo_assembly_meeting_had_quorum(demo):
    meeting = Meeting.objects.get(body__kind=BodyKind.GENERAL_ASSEMBLY)

    result = quorum(meeting)

    assert (result.voting, result.present, result.represented, result.met) == (8, 5, 1, True)


def test_reserve_candidate_in_the_vacant_seat_clears_two_warnings(demo):
    board = Body.objects.get(kind=BodyKind.BOARD, term__name="2025–2030")
    first = composition(body=board, on=ON).reserve[0]

    result = what_if(body=board, candidate=Candidate.from_reserve(first), replacing=None, on=ON)

    assert {flag.code for flag in result.resolved} == {"vacant", "size"}
