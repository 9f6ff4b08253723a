"""Paying enrolments (and so charges) for the billing tests."""

import datetime
from decimal import Decimal

from django.utils import timezone

from atelier.academy.models import Edition, Enrolment
from atelier.academy.services.enrolment import BillingDetails, enrol
from atelier.academy.tests.factories import make_course, make_edition
from atelier.accounts.models import User

MEMBER_PRICE = Decimal("95.00")
NON_MEMBER_PRICE = Decimal("190.00")


def paying_edition(title: str = "Service design in één dag", **options) -> Edition:
    """A one-day training at 95 € for members and 190 € for others."""
    return make_edition(
        make_course(title=title),
        price_member=MEMBER_PRICE,
        price_non_member=NON_MEMBER_PRICE,
        **options,
    )


def enrol_paying(
    person: User, edition: Edition | None = None, billing: BillingDetails | None = None
) -> Enrolment:
    return enrol(edition=edition or paying_edition(), person=person, by=person, billing=billing)


def past_deadline_edition() -> Edition:
    """An edition whose registration deadline has passed (it starts tomorrow)."""
    starts = timezone.now() + datetime.timedelta(days=1)
    return paying_edition(starts=starts, deadline=timezone.now() + datetime.timedelta(hours=1))
