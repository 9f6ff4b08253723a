from typing import Any

from django.http import HttpRequest


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "is_association_staff": authenticated and user.is_association_staff,  # type: ignore[union-attr]
        "is_administrator": authenticated and user.is_administrator,  # type: ignore[union-attr]
    }
