"""A project's pages as one signed-in person sees them: the project page and its canvases.

A 288-card journey or a project page costs 15–40 times a bare view to render, and the
same person opens it again and again between changes. A stored copy is kept per person
(their page, their rights, their header), keyed on three versions:

- the project's: bumped by every save or delete of a row of the project (its canvases and
  everything on them: cards, comments, changes, team, plan, decisions, …), found through
  the row's `project_id` or `canvas_id`, and by every write request that went through the
  project's access helper (`get_project_for_user`, `get_canvas_for_user`), which covers
  writes that send no signal, such as `QuerySet.update()`;
- the person's: bumped by their notifications and by every write request they make;
- everything else's: bumped by a save or delete of any other row (the method library,
  people's names and roles, organisations, …) and by a write request that touched no
  project, except a sign-in, sign-out or language switch (`PERSONAL_WRITES`).

So editing one project renews that project's pages only, and nothing stale is served:
removing someone from a team bumps the project, and their next visit gets the view's 404.
Time passing (a "3 days ago") shows at the latest after PROJECT_PAGE_CACHE_SECONDS.
"""

import hashlib
from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from django.http import HttpRequest

from . import versions

EVERYTHING_KEY = "project-pages:everything"
# Rows written beside other changes and never shown on these pages: they bump nothing.
QUIET_APPS = frozenset({"sessions", "auditlog", "admin", "search"})
# Write requests that change only the session or the person's own sign-in (its
# `last_login` save bumps their version): they leave everybody else's pages stored.
PERSONAL_WRITES = frozenset({"account_login", "account_logout", "set_language"})
_canvas_projects: dict[int, int] = {}  # a canvas never moves to another project
_CANVAS_MEMORY = 50_000
_touched: ContextVar[set[int] | None] = ContextVar("project_pages_touched", default=None)


def enabled() -> bool:
    return settings.PROJECT_PAGE_CACHE_SECONDS > 0


def project_key(project_id: int) -> str:
    return f"project-pages:project:{project_id}"


def person_key(person_id: int) -> str:
    return f"project-pages:person:{person_id}"


def project_of_canvas(canvas_id: int) -> int | None:
    project_id = _canvas_projects.get(canvas_id)
    if project_id is None:
        canvas = apps.get_model("canvases", "Canvas")
        project_id = (
            canvas.objects.filter(pk=canvas_id).values_list("project_id", flat=True).first()
        )
        if project_id is not None:
            if len(_canvas_projects) >= _CANVAS_MEMORY:
                _canvas_projects.clear()
            _canvas_projects[canvas_id] = project_id
    return project_id


def touched(project_id: int) -> None:
    """The current request reached this project through its access helper."""
    seen = _touched.get()
    if seen is not None:
        seen.add(project_id)


def start_request() -> Any:
    return _touched.set(set())


def end_request(token: Any) -> set[int]:
    seen = _touched.get() or set()
    _touched.reset(token)
    return seen


def _scope(instance: Model) -> str:
    meta = instance._meta
    if meta.label == "projects.Project":
        return project_key(instance.pk)
    project_id = getattr(instance, "project_id", None)
    if project_id is not None:
        return project_key(project_id)
    canvas_id = getattr(instance, "canvas_id", None)
    if canvas_id is not None:
        canvas = instance._state.fields_cache.get("canvas")
        project_id = canvas.project_id if canvas is not None else project_of_canvas(canvas_id)
        if project_id is not None:
            return project_key(project_id)
    if meta.label == "notifications.Notification":
        return person_key(instance.recipient_id)  # type: ignore[attr-defined]
    return EVERYTHING_KEY


def model_changed(sender: Any, instance: Model | None, update_fields: Any = None) -> None:
    if sender._meta.app_label in QUIET_APPS:
        return
    if instance is None:
        versions.bump_on_commit(EVERYTHING_KEY)
    elif update_fields is not None and set(update_fields) == {"last_login"}:
        versions.bump_on_commit(person_key(instance.pk))  # a sign-in: only theirs
    else:
        versions.bump_on_commit(_scope(instance))


def after_write(request: HttpRequest, projects: set[int]) -> None:
    if request.user.is_authenticated:
        versions.bump_on_commit(person_key(request.user.pk))
    for project_id in projects:
        versions.bump_on_commit(project_key(project_id))
    match = request.resolver_match
    if not projects and not (match and match.view_name in PERSONAL_WRITES):
        versions.bump_on_commit(EVERYTHING_KEY)


def _project_of(request: HttpRequest) -> int | None:
    match = request.resolver_match
    if match is None or "pk" not in match.kwargs:
        return None
    if match.view_name == "projects:detail":
        return int(match.kwargs["pk"])
    if match.view_name in ("canvases:canvas", "canvases:board"):
        return project_of_canvas(int(match.kwargs["pk"]))
    return None


def key(request: HttpRequest, request_facts: str) -> str | None:
    """The stored page's key, or None for anything but a project's pages of a person."""
    if not request.user.is_authenticated:
        return None
    project_id = _project_of(request)
    if project_id is None:
        return None
    names = (EVERYTHING_KEY, project_key(project_id), person_key(request.user.pk))
    facts = f"{request.user.pk}\n{request_facts}\n{':'.join(versions.current(*names))}"
    return f"project-page:{hashlib.sha256(facts.encode()).hexdigest()}"
