"""A mailing's text: merge fields filled in, Markdown made into safe HTML and plain text."""

import html
import re

import nh3
from markdown_it import MarkdownIt

MERGE_FIELDS = ("name", "function", "organisation")
_FIELD = re.compile(r"\{(" + "|".join(MERGE_FIELDS) + r")\}")
_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False})


def merged(text: str, values: dict[str, str], *, escape: bool = False) -> str:
    """The text with each {field} replaced (unknown braces left as they are)."""

    def value(match: re.Match[str]) -> str:
        found = values.get(match[1], "")
        return html.escape(found) if escape else found

    return _FIELD.sub(value, text)


def html_body(markdown: str, values: dict[str, str]) -> str:
    """Markdown rendered and sanitised; merge values are escaped as they go into the HTML."""
    placeholders = {f: f"MERGEFIELD{f.upper()}END" for f in MERGE_FIELDS}
    safe = nh3.clean(_markdown.render(merged(markdown, placeholders)))
    return re.sub(
        "MERGEFIELD(" + "|".join(f.upper() for f in MERGE_FIELDS) + ")END",
        lambda m: html.escape(values.get(m[1].lower(), "")),
        safe,
    )
