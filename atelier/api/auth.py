from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja.security import HttpBearer

from atelier.accounts.models import User
from atelier.accounts.services import user_for_api_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer TOKEN` with a personal token from the profile or `api_token`."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = user_for_api_token(token)
        if user is not None:
            request.user = user
        return user


View = Callable[..., HttpResponse]


def accepts_api_token(view: View) -> View:
    """Let a download the API hands out be fetched with the same bearer token as the API.

    Without a bearer token the view runs as usual (the browser's session; a proxy's Basic
    credentials are left alone); with one, the token decides through the API's own
    `BearerToken`, and a refused one answers 401.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        bearer = request.headers.get("Authorization", "").lower().startswith("bearer ")
        if bearer and BearerToken()(request) is None:
            response = HttpResponse("Invalid or missing API token.", status=401)
            response["WWW-Authenticate"] = "Bearer"
            return response
        return view(request, *args, **kwargs)

    return wrapped
