from hypothesis import given
from hypothesis import strategies as st

from atelier.lib.money import format_euro, parse_amount
from atelier.lib.structured_reference import (
    find_structured_reference,
    format_structured_reference,
    is_valid_structured_reference,
    make_structured_reference,
)


def test_known_reference_checks():
    # 1234567890 mod 97 = 2; a remainder of 0 is written 97.
    assert make_structured_reference(1234567890) == "123456789002"
    assert make_structured_reference(97 * 1000) == "000009700097"
    assert format_structured_reference("123456789002") == "+++123/4567/89002+++"


def test_a_changed_digit_is_caught():
    assert is_valid_structured_reference("123456789002")
    assert not is_valid_structured_reference("123456789102")
    assert not is_valid_structured_reference("12345678900")


@given(st.integers(min_value=0, max_value=10**10 - 1))
def test_every_made_reference_is_valid_and_found_again(base):
    digits = make_structured_reference(base)

    assert is_valid_structured_reference(digits)
    assert (
        find_structured_reference(f"betaling {format_structured_reference(digits)} dank u")
        == digits
    )
    assert find_structured_reference(f"***{digits[:3]}/{digits[3:7]}/{digits[7:]}***") == digits


def test_bank_texts():
    assert find_structured_reference("202610000185") == "202610000185"
    assert find_structured_reference("+++202/6100/00185+++") == "202610000185"
    assert find_structured_reference("lidgeld 2026 Geel") is None
    assert find_structured_reference("+++202/6100/00186+++") is None  # wrong check digits


def test_amounts_are_read_the_belgian_and_the_plain_way():
    assert str(parse_amount("20.630,66")) == "20630.66"
    assert str(parse_amount("20630.66")) == "20630.66"
    assert str(parse_amount("-12,5")) == "-12.5"
    assert str(parse_amount("€ 1 234,56")) == "1234.56"
    assert str(parse_amount("12.500")) == "12500"
    assert format_euro(parse_amount("1234567,891")) == "€ 1.234.567,89"
