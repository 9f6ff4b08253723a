"""Content versions: a stored page is keyed on versions, and a change bumps one of them.

A version is a random token kept in the shared cache without expiry. Bumping replaces it,
so every page stored under the old token is never read again (and expires by itself).
A change made in a transaction bumps when the transaction commits, once per version:
before that, a page rendered from the old rows must not be stored under the new token.
"""

import secrets

from django.core.cache import cache
from django.db import connection, transaction


def current(*keys: str) -> list[str]:
    """The versions named, each made on first use."""
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, secrets.token_hex(8), None)
    if missing:
        found |= cache.get_many(missing)
    return [str(found.get(key, "")) for key in keys]


def bump(*keys: str) -> None:
    """Every page stored under these versions is out of date from now on."""
    cache.set_many({key: secrets.token_hex(8) for key in keys}, None)


class _BumpOnCommit:
    def __init__(self, key: str) -> None:
        self.key = key

    def __call__(self) -> None:
        bump(self.key)


def bump_on_commit(key: str) -> None:
    """Bump once when the current transaction commits (at once outside a transaction)."""
    for entry in connection.run_on_commit:
        if isinstance(entry[1], _BumpOnCommit) and entry[1].key == key:
            return  # already due in this transaction
    transaction.on_commit(_BumpOnCommit(key))
