import datetime

import pytest

from atelier.advice.models import ClosingDay
from atelier.advice.working_days import Calendar, add_working_days

D = datetime.date


@pytest.fixture
def christmas_closure(db):
    for day in range(26, 32):
        ClosingDay.objects.create(day=D(2026, 12, day), reason="Kerstsluiting")


def test_christmas_question_with_closing_days_is_due_on_8_january(christmas_closure):
    assert D(2026, 12, 24).strftime("%A") == "Thursday"
    assert add_working_days(D(2026, 12, 24), 5) == D(2027, 1, 8)


def test_without_the_closure_the_same_question_is_due_before_new_year(db):
    # 25 Dec is Christmas, 26-27 a weekend: 28, 29, 30, 31 Dec and (1 Jan off) 4 Jan.
    assert add_working_days(D(2026, 12, 24), 5) == D(2027, 1, 4)


@pytest.mark.parametrize(
    ("asked", "due", "why"),
    [
        (D(2027, 3, 25), D(2027, 4, 2), "Easter Monday 29 March 2027 is skipped"),
        (D(2027, 5, 4), D(2027, 5, 12), "Ascension Day 6 May 2027 is skipped"),
        (D(2027, 5, 13), D(2027, 5, 21), "Whit Monday 17 May 2027 is skipped"),
        (D(2028, 7, 10), D(2028, 7, 18), "11 July 2028 (a Tuesday) is skipped"),
        (D(2028, 7, 17), D(2028, 7, 25), "21 July 2028 (a Friday) is skipped"),
        (D(2028, 7, 7), D(2028, 7, 17), "a weekend and 11 July"),
        (D(2026, 12, 5), D(2026, 12, 11), "asked on a Saturday: Monday is the first day"),
    ],
)
def test_worked_examples(db, asked, due, why):
    assert add_working_days(asked, 5) == due, why


def test_the_number_of_days_is_a_parameter(db):
    assert add_working_days(D(2026, 12, 7), 1) == D(2026, 12, 8)
    assert add_working_days(D(2026, 12, 7), 10) == D(2026, 12, 21)


def test_working_days_between_counts_like_adding():
    calendar = Calendar(D(2027, 3, 1), D(2027, 4, 30), set())
    assert calendar.between(D(2027, 3, 25), D(2027, 4, 2)) == 5
    assert calendar.between(D(2027, 3, 25), D(2027, 3, 25)) == 0
    assert not calendar.is_working_day(D(2027, 3, 29))
