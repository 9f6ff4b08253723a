"""Control characters in text people send: refused or removed where text enters and leaves.

PostgreSQL's text and jsonb columns cannot hold NUL, and XML 1.0 (SVG, DOCX, XLSX) forbids
every C0 control character except tab, line feed and carriage return. Nobody types them on
purpose: they come from pasted binary, broken files or a fuzzer.
"""

import re
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict

# C0 controls except tab (\x09), line feed (\x0a) and carriage return (\x0d).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The same, for a JSON schema `pattern` (ECMA-262 syntax, as OpenAPI readers expect).
TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$"
# XML 1.0 also forbids the surrogates and U+FFFE/U+FFFF (lxml and openpyxl refuse them).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def without_control_characters(text: str, replacement: str = "") -> str:
    """The text without C0 control characters (tab and line breaks stay)."""
    return CONTROL_CHARACTERS.sub(replacement, text)


def xml_safe(text: str) -> str:
    """The text without the characters XML 1.0 cannot hold, for SVG, DOCX and XLSX."""
    return XML_FORBIDDEN.sub("", text)


def json_without_control_characters(value: Any) -> Any:
    """A parsed JSON value with control characters removed from every key and string."""
    if isinstance(value, str):
        return without_control_characters(value)
    if isinstance(value, list):
        return [json_without_control_characters(item) for item in value]
    if isinstance(value, dict):
        return {
            without_control_characters(str(key)): json_without_control_characters(item)
            for key, item in value.items()
        }
    return value


def strings_in(value: Any) -> Iterator[str]:
    """Every key and string of a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)


def _cleaned(data: QueryDict) -> QueryDict:
    if not any(
        has_control_characters(key) or any(has_control_characters(value) for value in values)
        for key, values in data.lists()
    ):
        return data
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(
            without_control_characters(key), [without_control_characters(v) for v in values]
        )
    cleaned._mutable = False
    return cleaned


class ControlCharactersMiddleware:
    """Query strings and submitted forms of the pages arrive without C0 control characters.

    Many views read `request.GET` and `request.POST` directly (filters, htmx edits), so the
    edge cleans them once for all. Multipart bodies are left to Django's forms (their
    CharFields refuse NUL) so that uploads stream as their handlers decide; the API refuses
    control characters itself, with a 422 its schema describes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            request.GET = _cleaned(request.GET)  # type: ignore[assignment]
            if request.content_type == "application/x-www-form-urlencoded":
                request.POST = _cleaned(request.POST)  # type: ignore[assignment]
        return self.get_response(request)
