from decimal import Decimal, InvalidOperation

from django import template

from atelier.lib.money import format_euro

register = template.Library()


@register.filter
def euro(value: object) -> str:
    """€ 1.234,56 for a Decimal or a decimal string; empty for nothing."""
    if value in (None, ""):
        return ""
    try:
        return format_euro(Decimal(str(value)))
    except InvalidOperation:
        return ""


@register.filter
def thousands(value: object) -> str:
    """40.709: whole numbers grouped with dots, as Belgian documents write them."""
    try:
        return f"{int(str(value)):,}".replace(",", ".")
    except ValueError:
        return str(value)
