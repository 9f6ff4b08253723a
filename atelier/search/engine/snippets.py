"""Snippets made in Python: the passage around the first match, matches between markers.

SQLite's snippet() re-evaluates the whole FTS5 query for each row it is asked about
(about 15 ms a row over 3,000 items on the shared bench machine), so a page of 20 cost
more than the search itself; reading the page's texts and marking them here is cheap.
"""

import re
from typing import Any

from ..text import ParsedQuery, fold, stem

TOKEN = re.compile(r"\w+")
BEFORE, AFTER = 8, 18
# The start of a long text is enough to show why it matched.
MAX_TEXT = 20_000


def _matcher(parsed: ParsedQuery):
    forms = {form for term in parsed.terms for form in term.forms()}
    stems = {stem(form) for form in forms}
    exact = {word for phrase in parsed.phrases for word in phrase}
    exact |= {term.word for term in parsed.terms if not term.prefixable}
    prefixes = tuple(sorted(form for form in forms if len(form) >= 3))
    stem_prefixes = tuple(sorted(stem_ for stem_ in stems if len(stem_) >= 3))

    def matches(word: str) -> bool:
        folded = fold(word)
        return (
            folded in exact or folded.startswith(prefixes) or stem(folded).startswith(stem_prefixes)
        )

    return matches


def snippet(text: str, parsed: ParsedQuery, start: str, end: str) -> str:
    text = text[:MAX_TEXT]
    matches = _matcher(parsed)
    tokens = list(TOKEN.finditer(text))
    first = next((index for index, token in enumerate(tokens) if matches(token.group())), None)
    if first is None:
        window = tokens[: BEFORE + AFTER]
    else:
        window = tokens[max(0, first - BEFORE) : first + AFTER]
    if not window:
        return ""
    begin, finish = window[0].start(), window[-1].end()
    parts, position = [], begin
    for token in window:
        parts.append(text[position : token.start()])
        word = token.group()
        parts.append(f"{start}{word}{end}" if matches(word) else word)
        position = token.end()
    prefix = "… " if begin > 0 else ""
    suffix = " …" if finish < len(text) else ""
    return prefix + "".join(parts).strip() + suffix


def python_snippets(cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
    """Per document, its passage with the matches between \\x02 and \\x03 (both engines)."""
    placeholders = ", ".join(["%s"] * len(document_ids))
    cursor.execute(
        f"SELECT id, substr(body, 1, %s) FROM search_searchdocument WHERE id IN ({placeholders})",  # noqa: S608
        [MAX_TEXT, *document_ids],
    )
    return {pk: snippet(body, parsed, "\x02", "\x03") for pk, body in cursor.fetchall()}
