"""Writes for enrolment: seats, the waitlist, promotion and the charges that go with them."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.academy.models import Charge, Edition, Enrolment, Session
from atelier.accounts.models import Role, User
from atelier.fees.charges import settle_cancelled_charge
from atelier.notifications.models import Kind
from atelier.notifications.services import notify

from . import mail

REMINDER_DAYS_AHEAD = 2


class EnrolmentRefused(Exception):
    """A rule stops this enrolment or cancellation; the message says which, for people."""

    def __init__(self, message: str, *, forbidden: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


def may_enrol(*, by: User, person: User) -> bool:
    """People enrol themselves; coordinators their own colleagues; staff anyone."""
    if by.pk == person.pk or by.is_association_staff:
        return True
    return (
        by.role == Role.COORDINATOR
        and by.organisation_id is not None
        and by.organisation_id == person.organisation_id
    )


def may_cancel(*, by: User, enrolment: Enrolment) -> bool:
    return may_enrol(by=by, person=enrolment.person)


@dataclass(frozen=True)
class BillingDetails:
    """Where a non-member's invoice goes, as they give it when enrolling."""

    name: str
    address: str
    company_number: str = ""
    email: str = ""
    reference: str = ""


def bills_as_member(person: User) -> bool:
    organisation = person.organisation
    return organisation is not None and organisation.is_member


def price_for(*, edition: Edition, person: User) -> Decimal:
    organisation = person.organisation
    if organisation is not None and organisation.is_member:
        return edition.price_member
    return edition.price_non_member


def _check_enrolment(*, edition: Edition, person: User, by: User, override_reason: str) -> None:
    if not may_enrol(by=by, person=person):
        raise EnrolmentRefused(
            _("You can only enrol yourself or colleagues of your own organisation."),
            forbidden=True,
        )
    if override_reason and not by.is_association_staff:
        raise EnrolmentRefused(_("Only association staff can override the rules."), forbidden=True)
    if edition.status != Edition.Status.PUBLISHED:
        raise EnrolmentRefused(_("This edition is not open for enrolment."))
    if edition.registration_deadline < timezone.now() and not override_reason:
        raise EnrolmentRefused(_("The registration deadline for this edition has passed."))
    if edition.enrolments.exclude(status=Enrolment.Status.CANCELLED).filter(person=person).exists():
        raise EnrolmentRefused(_("This person is already enrolled in this edition."))


@transaction.atomic
def enrol(
    *,
    edition: Edition,
    person: User,
    by: User,
    override_reason: str = "",
    billing: BillingDetails | None = None,
) -> Enrolment:
    """Gives the person a seat, or a place on the waitlist when the edition is full.

    Staff who give a reason may enrol past the deadline and past the capacity (the
    capacity then grows by the extra seat, so that the counters stay true).
    """
    override_reason = override_reason.strip()
    # The edition row is the lock: whoever takes it first counts the seats first.
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    _check_enrolment(edition=edition, person=person, by=by, override_reason=override_reason)
    if edition.seats_left == 0 and override_reason:
        edition.capacity += 1
    confirmed = edition.seats_left > 0
    enrolment = Enrolment.objects.create(
        edition=edition,
        person=person,
        organisation=person.organisation,
        status=Enrolment.Status.CONFIRMED if confirmed else Enrolment.Status.WAITLISTED,
        enrolled_by=by,
        override_reason=override_reason,
        price=price_for(edition=edition, person=person) if confirmed else Decimal("0.00"),
        **_billing_fields(billing),
    )
    if confirmed:
        edition.confirmed_count += 1
        _charge(enrolment)
        mail.send_on_commit(mail.CONFIRMATION, enrolment)
        _notify_enrolment(enrolment, Kind.ENROLMENT_CONFIRMED)
    else:
        edition.waitlist_count += 1
        mail.send_on_commit(mail.WAITLISTED, enrolment)
    edition.save(update_fields=["capacity", "confirmed_count", "waitlist_count"])
    return enrolment


def _billing_fields(billing: BillingDetails | None) -> dict[str, str]:
    if billing is None:
        return {}
    return {
        "billing_name": billing.name.strip()[:200],
        "billing_address": billing.address.strip(),
        "billing_company_number": billing.company_number,
        "billing_email": billing.email,
        "billing_reference": billing.reference.strip()[:100],
    }


def _charge(enrolment: Enrolment) -> None:
    if enrolment.price > 0:
        Charge.objects.create(
            enrolment=enrolment, organisation=enrolment.organisation, amount=enrolment.price
        )


@transaction.atomic
def cancel(*, enrolment: Enrolment, by: User, reason: str = "") -> Enrolment:
    """Cancels a seat or a waitlist place; a freed seat goes to the first in line.

    Staff who take someone else's confirmed seat away must say why.
    """
    if not may_cancel(by=by, enrolment=enrolment):
        raise EnrolmentRefused(
            _("You can only cancel your own enrolments or those of your colleagues."),
            forbidden=True,
        )
    edition = Edition.objects.select_for_update().get(pk=enrolment.edition_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.CANCELLED:
        raise EnrolmentRefused(_("This enrolment was already cancelled."))
    moved_off = by.pk != enrolment.person_id and by.is_association_staff
    if moved_off and enrolment.status == Enrolment.Status.CONFIRMED and not reason.strip():
        raise EnrolmentRefused(_("Say why you take this seat away."))
    was_confirmed = enrolment.status == Enrolment.Status.CONFIRMED
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = timezone.now()
    if reason.strip():
        enrolment.override_reason = reason.strip()[:300]
    enrolment.save(update_fields=["status", "cancelled_at", "override_reason"])
    settle_cancelled_charge(enrolment=enrolment, by=by)
    if was_confirmed:
        edition.confirmed_count -= 1
        _promote_first_in_line(edition)
    else:
        edition.waitlist_count -= 1
    edition.save(update_fields=["confirmed_count", "waitlist_count"])
    return enrolment


def _promote_first_in_line(edition: Edition) -> Enrolment | None:
    """Moves the longest-waiting person into the free seat (the caller saves the edition)."""
    if edition.seats_left == 0:
        return None
    first = (
        edition.enrolments.select_for_update(of=("self",))
        .filter(status=Enrolment.Status.WAITLISTED)
        .select_related("person__organisation")
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = Enrolment.Status.CONFIRMED
    first.promoted_at = timezone.now()
    first.price = price_for(edition=edition, person=first.person)
    first.save(update_fields=["status", "promoted_at", "price"])
    edition.confirmed_count += 1
    edition.waitlist_count -= 1
    _charge(first)
    mail.send_on_commit(mail.PROMOTED, first)
    _notify_enrolment(first, Kind.ENROLMENT_PROMOTED)
    return first


def _notify_enrolment(enrolment: Enrolment, kind: str) -> None:
    """In Atelier only: the academy's own mail (with the calendar file) is the mail."""
    notify(
        recipient=enrolment.person,
        kind=kind,
        key=f"enrolment:{enrolment.pk}",
        url=reverse("academy:edition", args=[enrolment.edition_id]),
        params={"course": enrolment.edition.course.title},
    )


@transaction.atomic
def send_session_reminders(*, today: datetime.date | None = None) -> int:
    """Queues a reminder for each session two days ahead, once; the number of e-mails."""
    day = (today or timezone.localdate()) + datetime.timedelta(days=REMINDER_DAYS_AHEAD)
    sessions = list(
        Session.objects.select_for_update()
        .filter(
            starts_at__date=day,
            reminder_sent_at__isnull=True,
            edition__status=Edition.Status.PUBLISHED,
        )
        .order_by("starts_at", "pk")
    )
    sent = 0
    for session in sessions:
        enrolments = Enrolment.objects.filter(
            edition_id=session.edition_id, status=Enrolment.Status.CONFIRMED
        ).values_list("pk", flat=True)
        for enrolment_id in enrolments:
            mail.send_reminder_on_commit(session.pk, enrolment_id)
            sent += 1
        session.reminder_sent_at = timezone.now()
        session.save(update_fields=["reminder_sent_at"])
    return sent
