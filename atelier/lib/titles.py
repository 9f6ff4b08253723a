"""Titles people give things: trimmed, required, and refused (never cut) past their limit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def checked_title(title: str | None, *, missing: str, limit: int = 200) -> str:
    """The trimmed title; ValidationError with `missing` when empty, or when over `limit`."""
    title = (title or "").strip()
    if not title:
        raise ValidationError(missing)
    if len(title) > limit:
        raise ValidationError(
            _("A title holds at most %(limit)s characters; this one has %(length)s.")
            % {"limit": limit, "length": len(title)}
        )
    return title
