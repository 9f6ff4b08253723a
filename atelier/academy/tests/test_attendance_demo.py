"""The attendance demo: a past level 1 edition with attendance, feedback and certificates."""

import pytest
from django.utils import timezone

from atelier.academy.demo.attendance import load_demo_attendance
from atelier.academy.demo.programme import load_demo_programme
from atelier.academy.models import Attendance, Certificate, FeedbackResponse
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db


def test_demo_adds_a_past_edition_once(geel, lennik):
    make_person("trainer@atelier.example", Role.TRAINER)
    make_person("participant.geel@atelier.example", Role.PARTICIPANT, geel)
    make_person("participant.lennik@atelier.example", Role.PARTICIPANT, lennik)
    make_person("coordinator.geel@atelier.example", Role.COORDINATOR, geel)
    today = timezone.localdate()
    load_demo_programme(today=today)
    edition = load_demo_attendance(today=today)
    assert edition is not None
    assert edition.course.level.number == 1
    assert edition.starts_at.date() < today
    assert Attendance.objects.filter(session__edition=edition, status="present").count() == 3
    assert FeedbackResponse.objects.filter(session__edition=edition).count() == 3
    assert Certificate.objects.filter(enrolment__edition=edition).count() == 3
    assert load_demo_attendance(today=today) is None
    assert Certificate.objects.count() == 3
