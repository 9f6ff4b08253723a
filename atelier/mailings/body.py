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


def html_template(markdown: str) -> str:
    """The Markdown rendered and sanitised once per mailing, merge fields as placeholders."""
    placeholders = {f: f"MERGEFIELD{f.upper()}END" for f in MERGE_FIELDS}
    return nh3.clean(_markdown.render(merged(markdown, placeholders)))


_PLACEHOLDER = re.compile("MERGEFIELD(" + "|".join(f.upper() for f in MERGE_FIELDS) + ")END")


def filled_html(template: str, values: dict[str, str]) -> str:
    """The rendered template with each recipient's values, escaped as they go into HTML."""
    return _PLACEHOLDER.sub(lambda m: html.escape(values.get(m[1].lower(), "")), template)


def html_body(markdown: str, values: dict[str, str]) -> str:
    return filled_html(html_template(markdown), values)
