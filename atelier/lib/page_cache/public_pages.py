"""Public pages as anonymous visitors see them: one copy for all, per language and host.

The registry, the method library, the catalogue, an edition and the two public list APIs
are the same for every anonymous visitor. Their version is bumped by every request that
may write and did not fail (whatever it changed, even through `QuerySet.update()`), and by
every save or delete of a model of the apps these pages show, from management commands
and background tasks too. What neither sees (a bulk write in a command, time passing a
registration deadline) shows at the latest after PUBLIC_PAGE_CACHE_SECONDS.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from . import versions

VIEWS = frozenset(
    {
        "home",
        "members:list",
        "members:detail",
        "method:library",
        "method:technique",
        "academy:catalogue",
        "academy:edition",
        "api-v1:list_organisations",
        "api-v1:list_editions",
    }
)
# The apps whose rows public pages show: a save or delete there changes the version.
APPS = frozenset({"members", "companies", "method", "academy", "knowledge"})
VERSION_KEY = "public-pages:version"


def enabled() -> bool:
    return settings.PUBLIC_PAGE_CACHE_SECONDS > 0


def bump() -> None:
    """Every stored public page is out of date from now on."""
    versions.bump(VERSION_KEY)


def model_changed(sender: Any) -> None:
    if sender._meta.app_label in APPS:
        versions.bump_on_commit(VERSION_KEY)


def after_write() -> None:
    versions.bump_on_commit(VERSION_KEY)


def cacheable(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and match.view_name in VIEWS and not request.user.is_authenticated


def key(request: HttpRequest, request_facts: str) -> str:
    (version,) = versions.current(VERSION_KEY)
    return f"public-page:{version}:{hashlib.sha256(request_facts.encode()).hexdigest()}"
