"""Euro amounts: Decimal to the cent, never floats, written the Belgian way."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_cents(amount: Decimal) -> Decimal:
    """Rounded to the cent, halves away from zero (as accountants do)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(text: str) -> Decimal:
    """'1.234,56', '1234.56', '-12,5' or '€ 1 234,56' as a Decimal; ValueError otherwise."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]", "", text or "")
    if not re.fullmatch(r"[+-]?[\d.,]*\d", cleaned):
        raise ValueError(text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1 or re.search(r"\.\d{3}$", cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error


def format_euro(amount: Decimal) -> str:
    """'€ 1.234,56' (Belgian notation), whatever the interface language."""
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(to_cents(amount)):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}€ {grouped},{cents}"
