"""Public pages as anonymous visitors see them, kept in the shared cache between changes.

The registry, the method library, the catalogue, an edition and the two public list APIs
are the same for every anonymous visitor of one language and host. Rendering them costs
10–50 times a bare view; serving them from Redis costs about as much as one. A stored
page is keyed on a *content version*, which every change bumps:

- every request that may write (POST, PUT, PATCH, DELETE) and did not fail, whatever it
  changed, even through `QuerySet.update()` or `bulk_create()`;
- every save or delete of a model of the apps public pages show (members, companies,
  method, academy, knowledge), from management commands and background tasks too, once
  per transaction, when it commits.

What neither sees (a bulk write in a command, time passing a registration deadline) shows
at the latest after PUBLIC_PAGE_CACHE_SECONDS. The CSRF token in a stored page is replaced
by a fresh one for each visitor. Signed-in people, API calls with a token, pages with a
message waiting and anything but a 200 are never stored or served from here.

On when PUBLIC_PAGE_CACHE_SECONDS > 0: by default with REDIS_URL (a cache all app
processes share); without it each process would keep its own copy and miss the others'
changes.
"""

import hashlib
import re
import secrets
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

PUBLIC_VIEWS = frozenset(
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
PUBLIC_APPS = frozenset({"members", "companies", "method", "academy", "knowledge"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
VERSION_KEY = "public-pages:version"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{32,64})"')
MARK = b"\x00atelier-csrf\x00"


def enabled() -> bool:
    return settings.PUBLIC_PAGE_CACHE_SECONDS > 0


def version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), None)
        current = cache.get(VERSION_KEY)
    return str(current)


def bump() -> None:
    """Every stored page is out of date from now on."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def bump_on_commit() -> None:
    """Bump once when the current transaction commits (at once outside a transaction)."""
    if any(entry[1] is bump for entry in connection.run_on_commit):
        return  # already due in this transaction
    transaction.on_commit(bump)


def _model_changed(sender: Any, **kwargs: Any) -> None:
    if enabled() and sender._meta.app_label in PUBLIC_APPS:
        bump_on_commit()


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"public-pages-{signal!r}")


def _cacheable(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.method not in ("GET", "HEAD") or match is None:
        return False
    if match.view_name not in PUBLIC_VIEWS or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.user.is_authenticated:
        return False
    waiting = getattr(request, "_messages", None)
    return not (waiting is not None and len(waiting))


def _key(request: HttpRequest) -> str:
    parts = [
        request.scheme or "",
        request.get_host(),
        getattr(request, "LANGUAGE_CODE", ""),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Boosted", ""),
        request.get_full_path(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"public-page:{version()}:{digest}"


def _stored(response: HttpResponse) -> dict[str, Any]:
    body = response.content
    found = TOKEN.search(body)
    if found:
        body = body.replace(found.group(1), MARK)
    return {"content": body, "content_type": response["Content-Type"]}


def _rebuilt(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    body = stored["content"]
    if MARK in body:
        body = body.replace(MARK, get_token(request).encode())
    response = HttpResponse(body, content_type=stored["content_type"])
    response["X-Public-Page-Cache"] = "hit"
    return response


class PublicPageCacheMiddleware:
    """Serves and stores the public pages (see the module's docstring); last in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not enabled():
            return response
        if request.method not in SAFE_METHODS and response.status_code < 400:
            bump_on_commit()
        key = getattr(request, "_public_page_key", None)
        if key and response.status_code == 200 and not response.streaming:
            if not response.cookies or set(response.cookies) <= {settings.CSRF_COOKIE_NAME}:
                cache.set(key, _stored(response), settings.PUBLIC_PAGE_CACHE_SECONDS)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not enabled() or not _cacheable(request):
            return None
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _rebuilt(request, stored)
        request._public_page_key = key  # type: ignore[attr-defined]
        return None
