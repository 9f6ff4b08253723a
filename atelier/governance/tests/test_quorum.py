"""A meeting has quorum when more than the body's share of its voting members attend."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from atelier.governance.models import AttendanceStatus, BodyKind, MandateRole, Meeting
from atelier.governance.selectors import Quorum, quorum
from atelier.governance.services import record_attendance

from .factories import make_body, seat

MEETING_DAY = datetime.date(2025, 6, 20)


@pytest.fixture
def assembly(term, members):
    body = make_body(term, seats=20, kind=BodyKind.GENERAL_ASSEMBLY, party_tolerance=None)
    towns = [town for province in members.values() for town in province]
    delegates = [seat(body, town, role=MandateRole.DELEGATE) for town in towns[:10]]
    meeting = Meeting.objects.create(body=body, held_on=MEETING_DAY, title="Algemene vergadering")
    return body, delegates, meeting


def attend(meeting, delegates, statuses: list[str], administrator) -> None:
    record_attendance(
        meeting=meeting,
        statuses={m.pk: status for m, status in zip(delegates, statuses, strict=False)},
        by=administrator,
    )


@pytest.mark.parametrize(
    ("present", "represented", "met"),
    [(5, 0, False), (6, 0, True), (4, 1, False), (4, 2, True)],
    ids=["half is not more than half", "one more is", "represented count", "4 + 2"],
)
def test_quorum_needs_more_than_half_of_ten(assembly, administrator, present, represented, met):
    body, delegates, meeting = assembly
    statuses = [AttendanceStatus.PRESENT] * present + [AttendanceStatus.REPRESENTED] * represented
    statuses += [AttendanceStatus.EXCUSED] * (10 - len(statuses))
    attend(meeting, delegates, statuses, administrator)

    result = quorum(meeting)

    assert (result.voting, result.required, result.attending) == (10, 6, present + represented)
    assert result.met is met


def test_substitutes_and_ended_mandates_are_not_voting_members(assembly, administrator, members):
    body, delegates, meeting = assembly
    seat(body, members["70000"][3], role=MandateRole.SUBSTITUTE, substitute_for=delegates[0])
    delegates[9].ends_on = MEETING_DAY - datetime.timedelta(days=1)
    delegates[9].save()

    assert quorum(meeting).voting == 9


def test_odd_number_of_voting_members_needs_the_majority():
    assert Quorum(voting=9, present=5, represented=0, share=Decimal("0.5")).met
    assert not Quorum(voting=9, present=4, represented=0, share=Decimal("0.5")).met


def test_configured_share_of_two_thirds():
    two_thirds = Decimal("0.6667")

    assert Quorum(voting=12, present=0, represented=0, share=two_thirds).required == 9


def test_meeting_without_voting_members_has_no_quorum():
    assert not Quorum(voting=0, present=0, represented=0, share=Decimal("0.5")).met


def test_recording_again_replaces_the_earlier_status(assembly, administrator):
    body, delegates, meeting = assembly
    attend(meeting, delegates, [AttendanceStatus.ABSENT] * 10, administrator)
    attend(meeting, delegates, [AttendanceStatus.PRESENT] * 6, administrator)

    result = quorum(meeting)

    assert result.present == 6
    assert meeting.attendances.count() == 10


def test_attendance_of_someone_outside_the_body_is_refused(assembly, administrator, board):
    _body, _delegates, meeting = assembly

    with pytest.raises(ValueError, match="not voting members"):
        record_attendance(
            meeting=meeting,
            statuses={board.seated[0].pk: AttendanceStatus.PRESENT},
            by=administrator,
        )


def test_only_administrators_record_attendance(assembly, trainer):
    _body, delegates, meeting = assembly

    with pytest.raises(PermissionDenied):
        record_attendance(
            meeting=meeting, statuses={delegates[0].pk: AttendanceStatus.PRESENT}, by=trainer
        )
