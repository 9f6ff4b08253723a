"""Fixtures for the account tests: a clean throttle, fast hashing, clients and mail links."""

import re
from collections.abc import Callable

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import Client

from atelier.accounts.models import Role, User

PASSWORD = "a-long-enough-test-password"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth counts failed sign-ins in the cache; no test may inherit another's count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db) -> Callable[..., User]:
    """A person with PASSWORD and (unless told otherwise) a verified primary address."""

    def make(email: str, *, verified: bool = True, **fields) -> User:
        fields.setdefault("role", Role.PARTICIPANT)
        user = User.objects.create_user(email, PASSWORD, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


@pytest.fixture
def client_for() -> Callable[[User | None], Client]:
    """A client signed in as the given person (None: anonymous), asking for English."""

    def make(user: User | None) -> Client:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make


@pytest.fixture
def link_in() -> Callable[[str], str]:
    """The path of the first link to this site in a mail body."""

    def find(body: str) -> str:
        match = re.search(r"https?://testserver(/\S+)", body)
        assert match, f"no link in the mail:\n{body}"
        return match.group(1)

    return find
