from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def notifications(request: HttpRequest) -> dict[str, Any]:
    """The unread count for the header's bell, counted only when a page shows it."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}  # type: ignore[arg-type]
