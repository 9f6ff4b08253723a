"""The URL walk's table for companies, contacts, mailings, new academy and canvas pages."""

from typing import Any

from atelier.accounts.models import User
from atelier.members.models import Organisation

from .common import Answer

PAGES: dict[str, dict[str, Answer]] = {}


def values(
    people: dict[str, User], geel: Organisation, lennik: Organisation
) -> dict[tuple[str, str], Any]:
    return {}
