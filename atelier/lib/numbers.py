"""Numbers written for people in the page's language: "0,5 dagen" and "1,5 %" in Dutch.

Django localises numbers a template prints as such, but not the ones that reach text as
strings (rule texts, breakdowns stored as JSON, f-strings in documents). Everything meant
for people goes through these two functions (or the `number` and `percent` filters).
"""

from decimal import Decimal, InvalidOperation

from django.utils import formats, translation
from django.utils.translation import pgettext

Number = Decimal | int | float | str


def _decimal(value: Number) -> Decimal:
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(value) from error


def format_number(
    value: Number, decimal_places: int | None = None, *, language: str | None = None
) -> str:
    """The number with the language's decimal mark; without decimal_places, no trailing zeros."""
    number = _decimal(value)
    if decimal_places is None:
        exponent = number.normalize().as_tuple().exponent
        decimal_places = max(0, -exponent) if isinstance(exponent, int) else 0
    with translation.override(language or translation.get_language()):
        return formats.number_format(number, decimal_pos=decimal_places, use_l10n=True)


def format_percent(
    value: Number, decimal_places: int | None = None, *, language: str | None = None
) -> str:
    """'1,5 %' in Dutch, '1.5%' in English: the value is already in percent."""
    with translation.override(language or translation.get_language()):
        return pgettext("a number in percent", "%(number)s%%") % {
            "number": format_number(value, decimal_places)
        }
