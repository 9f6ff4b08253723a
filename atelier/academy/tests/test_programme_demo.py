"""The programme demo keeps every session on a weekday, whatever day it is loaded."""

import datetime

import pytest

from atelier.academy.demo.attendance import load_demo_attendance
from atelier.academy.demo.programme import BRUSSELS, load_demo_programme
from atelier.academy.models import Edition, Session
from atelier.accounts.models import Role
from conftest import make_person

pytestmark = pytest.mark.django_db

# 15 December 2026: the next month's 9th is Saturday 9 January 2027. The week after it
# covers every weekday the demo can be loaded on.
DAYS = [datetime.date(2026, 12, 14) + datetime.timedelta(days=n) for n in range(7)]


def weekend_sessions() -> list[datetime.datetime]:
    starts = [s.astimezone(BRUSSELS) for s in Session.objects.values_list("starts_at", flat=True)]
    return [start for start in starts if start.weekday() >= 5]


@pytest.mark.parametrize("today", DAYS, ids=lambda day: day.strftime("%A"))
def test_every_demo_session_falls_on_monday_to_friday(geel, today):
    make_person("trainer@atelier.example", Role.TRAINER)
    make_person("participant.geel@atelier.example", Role.PARTICIPANT, geel)
    load_demo_programme(today=today)
    assert load_demo_attendance(today=today) is not None
    assert Session.objects.count() >= 10
    assert weekend_sessions() == []
    for edition in Edition.objects.all():
        assert edition.registration_deadline < edition.starts_at


def test_loading_again_moves_old_weekend_sessions_to_monday_once():
    load_demo_programme(today=DAYS[1])
    session = Session.objects.order_by("pk").first()
    saturday = datetime.datetime(2027, 1, 9, 9, 30, tzinfo=BRUSSELS)
    Session.objects.filter(pk=session.pk).update(
        starts_at=saturday, ends_at=saturday + datetime.timedelta(hours=1)
    )
    assert len(weekend_sessions()) == 1

    load_demo_programme(today=DAYS[1])
    session.refresh_from_db()
    assert session.starts_at == datetime.datetime(2027, 1, 11, 9, 30, tzinfo=BRUSSELS)
    assert session.ends_at - session.starts_at == datetime.timedelta(hours=1)
    assert session.edition.starts_at == min(s.starts_at for s in session.edition.sessions.all())
    before = list(Session.objects.order_by("pk").values_list("starts_at", flat=True))
    load_demo_programme(today=DAYS[1])
    assert list(Session.objects.order_by("pk").values_list("starts_at", flat=True)) == before
