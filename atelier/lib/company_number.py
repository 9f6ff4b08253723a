"""Belgian company numbers (KBO/BCE): ten digits whose last two are a mod-97 check."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalise_company_number(value: str) -> str:
    """Digits only, with the leading zero that older numbers omit ('0123.456.749')."""
    digits = re.sub(r"\D", "", value or "")
    return digits.zfill(10) if len(digits) == 9 else digits


def company_number_check_digits(first_eight: str) -> str:
    return f"{97 - int(first_eight) % 97:02d}"


def is_valid_company_number(value: str) -> bool:
    digits = normalise_company_number(value)
    if not re.fullmatch(r"[01]\d{9}", digits):
        return False
    return digits[8:] == company_number_check_digits(digits[:8])


def validate_company_number(value: str) -> None:
    if value and not is_valid_company_number(value):
        raise ValidationError(
            _("%(value)s is not a valid company number (ten digits, mod 97 check)."),
            params={"value": value},
        )
