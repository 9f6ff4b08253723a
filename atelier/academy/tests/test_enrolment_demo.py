"""The enrolment demo: people in upcoming editions and a full level 2 edition with a waitlist."""

import pytest
from django.utils import timezone

from atelier.academy.demo.enrolment import load_demo_enrolment
from atelier.academy.demo.programme import load_demo_programme
from atelier.academy.models import Enrolment
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def test_demo_fills_a_level_2_edition_with_a_waitlist_of_two_once(geel, lennik):
    make_person("expert@atelier.example", Role.EXPERT)
    make_person("participant.geel@atelier.example", Role.PARTICIPANT, geel)
    make_person("participant.lennik@atelier.example", Role.PARTICIPANT, lennik)
    make_person("coordinator.geel@atelier.example", Role.COORDINATOR, geel)
    today = timezone.localdate()
    load_demo_programme(today=today)

    assert load_demo_enrolment(today=today) == 6
    assert load_demo_enrolment(today=today) == 0

    full = Enrolment.objects.filter(status=Enrolment.Status.WAITLISTED).first().edition
    assert full.course.level.number == 2
    assert (full.seats_left, full.waitlist_count) == (0, 2)
    assert Enrolment.objects.filter(status=Enrolment.Status.CONFIRMED).count() == 4
