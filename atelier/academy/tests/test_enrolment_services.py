"""Enrolment rules: seats, the waitlist, promotion, overrides and charges."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import timezone, translation

from atelier.academy.models import Charge, Edition, Enrolment
from atelier.academy.services.enrolment import EnrolmentRefused, cancel, enrol
from atelier.accounts.models import Role
from conftest import make_person

from .factories import make_edition


@pytest.fixture(autouse=True)
def _english():
    """The refusals are asserted in English; outside a request the language is Dutch."""
    with translation.override("en"):
        yield


def refresh(edition: Edition) -> Edition:
    edition.refresh_from_db()
    return edition


def test_participant_gets_a_seat_while_seats_are_left(participant):
    edition = make_edition(capacity=2)

    enrolment = enrol(edition=edition, person=participant, by=participant)

    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert enrolment.organisation == participant.organisation
    assert enrolment.enrolled_by == participant
    assert refresh(edition).confirmed_count == 1


def test_full_edition_puts_people_on_the_waitlist_in_order(participant, outsider, coordinator):
    edition = make_edition(capacity=1)
    enrol(edition=edition, person=participant, by=participant)

    second = enrol(edition=edition, person=outsider, by=outsider)
    third = enrol(edition=edition, person=coordinator, by=coordinator)

    assert second.status == third.status == Enrolment.Status.WAITLISTED
    edition = refresh(edition)
    assert (edition.confirmed_count, edition.waitlist_count) == (1, 2)


def test_waitlist_promotes_first_in_line_when_a_seat_frees(participant, outsider, coordinator):
    edition = make_edition(capacity=1)
    first = enrol(edition=edition, person=participant, by=participant)
    next_in_line = enrol(edition=edition, person=outsider, by=outsider)
    enrol(edition=edition, person=coordinator, by=coordinator)

    cancel(enrolment=first, by=participant)

    next_in_line.refresh_from_db()
    assert next_in_line.status == Enrolment.Status.CONFIRMED
    assert next_in_line.promoted_at is not None
    edition = refresh(edition)
    assert (edition.confirmed_count, edition.waitlist_count) == (1, 1)


def test_leaving_the_waitlist_promotes_nobody(participant, outsider, coordinator):
    edition = make_edition(capacity=1)
    enrol(edition=edition, person=participant, by=participant)
    waiting = enrol(edition=edition, person=outsider, by=outsider)
    last = enrol(edition=edition, person=coordinator, by=coordinator)

    cancel(enrolment=waiting, by=outsider)

    last.refresh_from_db()
    assert last.status == Enrolment.Status.WAITLISTED
    assert refresh(edition).waitlist_count == 1


def test_enrolling_twice_is_refused(participant):
    edition = make_edition()
    enrol(edition=edition, person=participant, by=participant)

    with pytest.raises(EnrolmentRefused, match="already enrolled"):
        enrol(edition=edition, person=participant, by=participant)


def test_enrolling_again_after_cancelling_works(participant):
    edition = make_edition()
    cancel(enrolment=enrol(edition=edition, person=participant, by=participant), by=participant)

    again = enrol(edition=edition, person=participant, by=participant)

    assert again.status == Enrolment.Status.CONFIRMED


def test_draft_edition_refuses_enrolment(participant):
    edition = make_edition(status=Edition.Status.DRAFT)

    with pytest.raises(EnrolmentRefused, match="not open"):
        enrol(edition=edition, person=participant, by=participant)


def test_deadline_passed_refuses_enrolment(participant):
    edition = make_edition(deadline=timezone.now() - datetime.timedelta(hours=1))

    with pytest.raises(EnrolmentRefused, match="deadline"):
        enrol(edition=edition, person=participant, by=participant)


def test_coordinator_enrols_a_colleague_of_their_own_organisation(coordinator, participant):
    enrolment = enrol(edition=make_edition(), person=participant, by=coordinator)

    assert enrolment.enrolled_by == coordinator
    assert enrolment.person == participant


def test_coordinator_cannot_enrol_someone_of_another_organisation(coordinator, outsider):
    with pytest.raises(EnrolmentRefused) as refusal:
        enrol(edition=make_edition(), person=outsider, by=coordinator)

    assert refusal.value.forbidden


def test_participant_cannot_enrol_a_colleague(participant, geel):
    colleague = make_person("colleague@geel.be", Role.PARTICIPANT, geel)

    with pytest.raises(EnrolmentRefused):
        enrol(edition=make_edition(), person=colleague, by=participant)


def test_participant_cannot_override(participant):
    edition = make_edition(deadline=timezone.now() - datetime.timedelta(hours=1))

    with pytest.raises(EnrolmentRefused, match="staff"):
        enrol(edition=edition, person=participant, by=participant, override_reason="please")


def test_staff_override_past_the_deadline_and_capacity_is_recorded(trainer, participant, outsider):
    edition = make_edition(capacity=1, deadline=timezone.now() - datetime.timedelta(hours=1))
    enrol(edition=edition, person=outsider, by=trainer, override_reason="Late, agreed by phone")

    enrolment = enrol(
        edition=edition, person=participant, by=trainer, override_reason="Trainer's guest"
    )

    assert enrolment.status == Enrolment.Status.CONFIRMED
    assert enrolment.override_reason == "Trainer's guest"
    edition = refresh(edition)
    assert (edition.confirmed_count, edition.capacity) == (2, 2)
    entry = LogEntry.objects.get_for_object(enrolment).get(action=LogEntry.Action.CREATE)
    assert entry.changes_dict["override_reason"][1] == "Trainer's guest"


def test_paying_enrolment_of_a_member_charges_the_member_price(participant):
    edition = make_edition(price_member=Decimal("95.00"), price_non_member=Decimal("190.00"))

    enrolment = enrol(edition=edition, person=participant, by=participant)

    charge = Charge.objects.get(enrolment=enrolment)
    assert (charge.organisation, charge.amount) == (participant.organisation, Decimal("95.00"))


def test_non_member_pays_the_non_member_price(participant, geel):
    geel.is_member = False
    geel.save(update_fields=["is_member"])
    participant.refresh_from_db()
    edition = make_edition(price_member=Decimal("95.00"), price_non_member=Decimal("190.00"))

    enrolment = enrol(edition=edition, person=participant, by=participant)

    assert enrolment.charge.amount == Decimal("190.00")


def test_free_edition_and_waitlist_create_no_charge(participant, outsider):
    paying = make_edition(capacity=1, price_member=Decimal("50.00"))
    enrol(edition=make_edition(), person=participant, by=participant)
    enrol(edition=paying, person=participant, by=participant)
    enrol(edition=paying, person=outsider, by=outsider)

    assert Charge.objects.count() == 1


def test_cancelling_cancels_the_charge_and_charges_the_promoted(participant, outsider):
    edition = make_edition(capacity=1, price_member=Decimal("50.00"))
    first = enrol(edition=edition, person=participant, by=participant)
    waiting = enrol(edition=edition, person=outsider, by=outsider)

    cancel(enrolment=first, by=participant)

    assert Charge.objects.get(enrolment=first).cancelled_at is not None
    assert Charge.objects.get(enrolment=waiting).cancelled_at is None


def test_coordinator_cancels_for_a_colleague_but_not_for_others(coordinator, participant, outsider):
    edition = make_edition()
    cancel(enrolment=enrol(edition=edition, person=participant, by=participant), by=coordinator)

    with pytest.raises(EnrolmentRefused):
        cancel(enrolment=enrol(edition=edition, person=outsider, by=outsider), by=coordinator)


def test_staff_must_give_a_reason_to_move_a_confirmed_person_off(trainer, participant):
    enrolment = enrol(edition=make_edition(), person=participant, by=participant)

    with pytest.raises(EnrolmentRefused, match="why"):
        cancel(enrolment=enrolment, by=trainer)
    cancel(enrolment=enrolment, by=trainer, reason="Double booking")

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert enrolment.override_reason == "Double booking"


def test_staff_removes_someone_from_the_waitlist(trainer, participant, outsider):
    edition = make_edition(capacity=1)
    enrol(edition=edition, person=participant, by=participant)
    waiting = enrol(edition=edition, person=outsider, by=outsider)

    cancel(enrolment=waiting, by=trainer)

    assert refresh(edition).waitlist_count == 0


def test_cancelling_twice_is_refused(participant):
    enrolment = enrol(edition=make_edition(), person=participant, by=participant)
    cancel(enrolment=enrolment, by=participant)

    with pytest.raises(EnrolmentRefused, match="already"):
        cancel(enrolment=enrolment, by=participant)
