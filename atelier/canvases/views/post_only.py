"""POST-only editor actions that first answer 404 to those who may not see the canvas.

Django's require_POST answers 405 before the view looks anything up; here a GET by an
outsider gets the same 404 as every other address of another organisation's canvas.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from atelier.accounts.access import user_of
from atelier.canvases.access import (
    get_canvas_for_user,
    get_card_for_user,
    get_link_for_user,
    get_part_for_user,
)


def _check_access(request: HttpRequest, kwargs: dict[str, Any]) -> None:
    user = user_of(request)
    if "card_pk" in kwargs:
        get_card_for_user(user, kwargs["card_pk"])
    elif "link_pk" in kwargs:
        get_link_for_user(user, kwargs["link_pk"])
    elif "kind" in kwargs:
        get_part_for_user(user, kwargs["kind"], kwargs["pk"])
    else:
        get_canvas_for_user(user, kwargs["pk"])


def post_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            _check_access(request, kwargs)
            return HttpResponseNotAllowed(["POST"])
        return view(request, **kwargs)

    return wrapped
