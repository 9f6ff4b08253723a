"""Numbers meant for people follow the language: '0,5 dagen' and '1,5 %' in Dutch."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from atelier.lib.numbers import format_number, format_percent


@pytest.mark.parametrize(
    ("value", "dutch", "english"),
    [
        (Decimal("0.5"), "0,5", "0.5"),
        (5.5, "5,5", "5.5"),
        ("2.000", "2", "2"),  # a Decimal field's text keeps its zeros; people do not
        (Decimal("12.50"), "12,5", "12.5"),
        (100, "100", "100"),
        (Decimal("1E+2"), "100", "100"),
    ],
)
def test_numbers_take_the_languages_decimal_mark_without_trailing_zeros(value, dutch, english):
    assert format_number(value, language="nl") == dutch
    assert format_number(value, language="en") == english


def test_decimal_places_are_kept_when_asked():
    assert format_number("0.5", 2, language="nl") == "0,50"


def test_percent_has_a_space_in_dutch_and_none_in_english():
    assert format_percent("1.5", language="nl") == "1,5\u00a0%"
    assert format_percent(Decimal("2.000"), language="nl") == "2\u00a0%"
    assert format_percent("1.5", language="en") == "1.5%"


def test_the_filters_write_numbers_in_the_active_language():
    template = Template("{% load numbers %}{{ days|number }} dagen, {{ rate|percent }}")
    with translation.override("nl"):
        text = template.render(Context({"days": 0.5, "rate": "2.000"}))
    assert text == "0,5 dagen, 2\u00a0%"


def test_the_filters_leave_text_that_is_no_number_alone():
    template = Template("{% load numbers %}{{ value|number }}|{{ none|percent }}")
    assert template.render(Context({"value": "—", "none": None})) == "—|"
