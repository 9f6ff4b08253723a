"""How the workspace API answers a refused change: 403, 404, 409 with the current state, 422.

The services raise Django's exceptions (and the canvases' StaleEdit / Gone); a NinjaAPI
exception handler would answer them for the whole API, but 409 must carry the current
object in the shape of its own endpoint, so each endpoint names how to show it.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Schema, Status

from atelier.canvases.services.common import Gone, StaleEdit
from atelier.projects.services import StaleProject

from .errors import Conflict, Error, error

ShowCurrent = Callable[[HttpRequest, Any], dict[str, Any]]

# The refusals every write endpoint may answer, for its `response=` declaration.
WRITE_REFUSALS: dict[int, type[Schema]] = {
    403: Error,
    404: Error,
    409: Conflict,
    422: Error,
}


def _conflict(request: HttpRequest, current: Any, show: ShowCurrent | None) -> Status:
    detail = _("Someone else changed this since you read it; here is the current version.")
    return Status(409, {**error(detail), "current": show(request, current) if show else {}})


def refusals(show_current: ShowCurrent | None = None) -> Callable[[Callable], Callable]:
    """Turn the services' refusals into API answers; `show_current` renders a 409's object."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                return Status(403, error(_("You may not make this change.")))
            except (StaleEdit, StaleProject) as stale:
                return _conflict(request, stale.current, show_current)
            except (Gone, ObjectDoesNotExist):
                # ObjectDoesNotExist: deleted by someone else after the access check.
                return Status(404, error(_("This was deleted in the meantime.")))
            except ValidationError as refusal:
                messages = [str(message) for message in refusal.messages]
                return Status(422, error(" ".join(messages), messages))

        return wrapped

    return decorator
