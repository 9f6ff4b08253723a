"""Whole pages kept in the shared cache between changes, with a fresh CSRF token per reader.

Two kinds, each in its module: the public pages anonymous visitors share
(`public_pages`), and a project's pages as one signed-in person sees them
(`project_pages`). Both store only a 200 that set no cookie but the CSRF one, never serve
or store a page while a message waits for its reader, and never answer an API call that
carries a token. A stored page is keyed on content versions (`versions`), which changes
bump; what no change announces shows at the latest after the cache's seconds.

On with Redis (a cache all app processes share); without it each process would keep its
own copy and miss the others' changes.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse

from . import project_pages, public_pages, tokens

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
HEADER = "X-Page-Cache"


def _model_changed(
    sender: Any, instance: Any = None, update_fields: Any = None, **kwargs: Any
) -> None:
    if public_pages.enabled():
        public_pages.model_changed(sender)
    if project_pages.enabled():
        project_pages.model_changed(sender, instance, update_fields)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"page-cache-{signal!r}")


def _request_facts(request: HttpRequest) -> str:
    return "\n".join(
        [
            request.scheme or "",
            request.get_host(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Boosted", ""),
            request.headers.get("HX-Target", ""),
            request.get_full_path(),
        ]
    )


def _may_serve(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    waiting = getattr(request, "_messages", None)
    return not (waiting is not None and len(waiting))


def _key(request: HttpRequest) -> tuple[str, int] | None:
    if public_pages.enabled() and public_pages.cacheable(request):
        key = public_pages.key(request, _request_facts(request))
        return key, settings.PUBLIC_PAGE_CACHE_SECONDS
    if project_pages.enabled():
        personal = project_pages.key(request, _request_facts(request))
        if personal is not None:
            return personal, settings.PROJECT_PAGE_CACHE_SECONDS
    return None


def _store(request: HttpRequest, response: HttpResponse, key: str, seconds: int) -> None:
    if response.status_code != 200 or response.streaming:
        return
    if response.cookies and set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return  # the session or a message changed: this answer was not only the page
    body = tokens.without_tokens(request, response.content)
    cache.set(key, {"content": body, "content_type": response["Content-Type"]}, seconds)


def _served(request: HttpRequest, stored: dict[str, Any]) -> HttpResponse:
    body = tokens.with_token(request, stored["content"])
    response = HttpResponse(body, content_type=stored["content_type"])
    response[HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Serves and stores the cached pages and bumps versions after writes; last in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = project_pages.start_request()
        try:
            response = self.get_response(request)
        finally:
            projects = project_pages.end_request(started)
        if request.method not in SAFE_METHODS and response.status_code < 400:
            if public_pages.enabled():
                public_pages.after_write()
            if project_pages.enabled():
                project_pages.after_write(request, projects)
        stored_as = getattr(request, "_page_cache_key", None)
        if stored_as is not None:
            _store(request, response, *stored_as)
        return response

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not _may_serve(request):
            return None
        found = _key(request)
        if found is None:
            return None
        stored = cache.get(found[0])
        if stored is not None:
            return _served(request, stored)
        request._page_cache_key = found  # type: ignore[attr-defined]
        return None
