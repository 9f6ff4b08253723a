"""Template filters for numbers in the page's language: `{% load numbers %}`."""

from django import template

from .numbers import Number, format_number, format_percent

register = template.Library()


@register.filter
def number(value: Number | None, decimal_places: int | None = None) -> str:
    """{{ days|number }} → '0,5' in Dutch; {{ value|number:2 }} keeps two decimals."""
    if value is None or value == "":
        return ""
    try:
        return format_number(value, decimal_places)
    except ValueError:
        return str(value)


@register.filter
def percent(value: Number | None, decimal_places: int | None = None) -> str:
    """{{ indexation|percent }} → '2 %' in Dutch, '2%' in English."""
    if value is None or value == "":
        return ""
    try:
        return format_percent(value, decimal_places)
    except ValueError:
        return str(value)
