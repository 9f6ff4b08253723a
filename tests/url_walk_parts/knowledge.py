"""The URL walk's table for knowledge, the advice desk, the library, search and their API."""

from typing import Any

from atelier.accounts.models import User
from atelier.members.models import Organisation

from .common import Answer

PAGES: dict[str, dict[str, Answer]] = {}


def values(
    people: dict[str, User], geel: Organisation, lennik: Organisation
) -> dict[tuple[str, str], Any]:
    return {}
