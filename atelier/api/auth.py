from django.http import HttpRequest
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
