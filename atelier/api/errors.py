"""One shape for every refusal of the API, `{"detail": str, "problems": [str]}`, and its schema.

`detail` is a sentence for people; `problems` lists each reason (one per invalid field for
a 422, empty when there is only one reason). A 409 adds `current`, the object as it is now.
The OpenAPI document lists the refusals each operation can answer: 400 when it reads a
body, 401 and 403 when it needs a signed-in person, 404 when its path names an object,
422 when it reads parameters or a body; endpoints declare their own 403/409/422 as well.
"""

import json
from functools import partial
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser


class Error(Schema):
    detail: str
    problems: list[str]


class Conflict(Error):
    current: dict[str, Any]


def error(detail: str, problems: list[str] | None = None) -> dict[str, Any]:
    return {"detail": detail, "problems": problems or []}


class ObjectBodyParser(Parser):
    """Every body the API reads is a JSON object: `null`, a list or a number is refused (400)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data


def _problem(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', '')}"


def _invalid(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    problems = [_problem(e) for e in exc.errors]
    detail = _("The request is not valid; problems lists each reason.")
    return api.create_response(request, error(detail, problems), status=422)


def _not_found(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, error(_("Not found.")), status=404)


def _http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    detail = {
        400: _("The request body is not a JSON object."),
        401: _("Sign in, or send a valid API token as 'Authorization: Bearer TOKEN'."),
    }.get(exc.status_code, str(exc))
    return api.create_response(request, error(detail), status=exc.status_code)


def answer_refusals_as_errors(api: NinjaAPI) -> None:
    """Every refusal of the framework (400, 401, 403, 404, 422) in the API's one error shape."""
    api.add_exception_handler(ValidationError, partial(_invalid, api=api))
    api.add_exception_handler(Http404, partial(_not_found, api=api))
    api.add_exception_handler(HttpError, partial(_http_error, api=api))
    api.add_exception_handler(AuthenticationError, partial(_http_error, api=api))


_ERROR_REF = {"$ref": "#/components/schemas/Error"}
_DESCRIPTIONS = {
    400: "The body is not a JSON object",
    401: "No valid token or session",
    403: "Not allowed (or a session cookie without its CSRF token)",
    404: "Not found, or not visible to this person",
    422: "Invalid parameters or body; `problems` lists each reason",
}


def _refusals_of(operation: dict[str, Any]) -> list[int]:
    parameters = operation.get("parameters", [])
    body = "requestBody" in operation
    codes = []
    if body:
        codes.append(400)
    if operation.get("security"):
        codes += [401, 403]
    if any(parameter["in"] == "path" for parameter in parameters):
        codes.append(404)
    if parameters or body:
        codes.append(422)
    return codes


def document_refusals(schema: dict[str, Any]) -> dict[str, Any]:
    """Adds to each operation of an OpenAPI document the refusals the framework answers."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = (
        Error.model_json_schema()
    )
    for path in schema["paths"].values():
        for operation in path.values():
            responses = operation["responses"]
            for code in _refusals_of(operation):
                responses.setdefault(
                    code,
                    {
                        "description": _DESCRIPTIONS[code],
                        "content": {"application/json": {"schema": _ERROR_REF}},
                    },
                )
    return schema
