"""Field types every API schema uses for what clients send: text, JSON and paging.

Text refuses C0 control characters (PostgreSQL cannot store NUL; XML exports cannot hold
the others) and lone surrogates (not encodable as UTF-8) with a 422 that says why, and its
schema carries the matching `pattern`. Paging parameters are bounded, so a huge offset is
a 422 rather than a database error.
"""

import re
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator

from atelier.lib.control_characters import TEXT_PATTERN, strings_in

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
# Title: at least one character that is not a space, and no control character.
_TITLE_PATTERN = TEXT_PATTERN.replace("*$", r"*[^\s\u0000-\u001f]" + TEXT_PATTERN[1:])
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _storable(text: str) -> str:
    if _UNSTORABLE.search(text):
        raise ValueError(_("Remove the control characters (such as NUL) from this text."))
    return text


def _storable_json(value: Any) -> Any:
    if any(_UNSTORABLE.search(text) for text in strings_in(value)):
        raise ValueError(_("Remove the control characters (such as NUL) from this text."))
    return value


# Any text a client sends: a body field or a query parameter.
Text = Annotated[str, AfterValidator(_storable), Field(json_schema_extra={"pattern": TEXT_PATTERN})]
# A title: not empty, and refused (not cut) past the 200 characters the database holds.
Title = Annotated[
    str,
    AfterValidator(_storable),
    Field(min_length=1, max_length=200, json_schema_extra={"pattern": _TITLE_PATTERN}),
]
# Free JSON (a card's fields, a canvas document): every key and string checked like Text.
JsonObject = Annotated[dict[str, Any], AfterValidator(_storable_json)]
JsonValue = Annotated[Any, AfterValidator(_storable_json)]


class PageQuery(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
