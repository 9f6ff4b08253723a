"""Two people taking the last seat at the same moment: exactly one gets it."""

import threading

import pytest
from django.db import connection

from atelier.academy.models import Edition, Enrolment
from atelier.academy.services.enrolment import enrol
from atelier.accounts.models import User

from .factories import make_edition


def _enrol_in_thread(edition: Edition, person: User, errors: list, start: threading.Barrier):
    try:
        start.wait()
        enrol(edition=edition, person=person, by=person)
    except Exception as error:  # reported by the test below
        errors.append(error)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_seat_at_once_one_gets_it(participant, outsider):
    edition = make_edition(capacity=1)
    errors: list[Exception] = []
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=_enrol_in_thread, args=(edition, person, errors, start))
        for person in (participant, outsider)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    statuses = sorted(edition.enrolments.values_list("status", flat=True))
    assert statuses == [Enrolment.Status.CONFIRMED, Enrolment.Status.WAITLISTED]
    edition.refresh_from_db()
    assert (edition.confirmed_count, edition.waitlist_count) == (1, 1)
