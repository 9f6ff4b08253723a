"""One query interface over the search index, whichever database holds it.

`search(user, q, ...)` answers what this person may see, most relevant first and the
newest first among equals; `facets(...)` counts the matches per type, kind, year,
audience and topic. Visibility is part of the SQL (never a filter on a page of rows),
the engine-specific matching comes from `postgres.py` or `sqlite.py`.

The work per query is bounded: the engine reads at most CAP + 1 matches, the most
recently indexed first. When there are no more than CAP, all of them are ranked and
counted exactly. A broader query ("gemeente" in a municipal library) is counted as
"more than CAP" and ranks every title match (up to CAP) and the CAP newest matches:
ranking tens of thousands of matches to show twenty costs more than it tells.
"""

# The SQL is assembled from constants and conditions Django compiled; every value a
# person typed travels as a parameter (FTS5 MATCH text included).
# ruff: noqa: S608

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from atelier.accounts.models import User

from ..models import SearchDocument
from ..text import ParsedQuery, parse
from ..visibility import visible_where
from . import postgres, sqlite
from .base import Backend, Candidate, Filters

__all__ = ["CAP", "FacetCounts", "Filters", "Hit", "Results", "facets", "search"]

MAX_LIMIT = 100
CAP = 1000
SNIPPET_START = "\x02"
SNIPPET_END = "\x03"
HIT_FIELDS = ["doc_type", "object_id", "title", "url", "kind", "year", "visibility", "updated_at"]
TABLE = "search_searchdocument"


@dataclass
class Hit:
    doc_type: str
    object_id: int
    title: str
    url: str
    kind: str
    year: int | None
    visibility: str
    updated_at: datetime.datetime
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))  # noqa: S308
    document_id: int = 0


@dataclass
class Results:
    count: int
    hits: list[Hit]
    # A misspelt word and what it was also searched as: {"subsidei": ["subsidie"]}.
    corrections: dict[str, list[str]]
    # More than `count` (CAP) documents match: the count is a lower bound.
    capped: bool = False


@dataclass
class Ranked:
    count: int
    capped: bool
    ordered: list[int]  # document ids, the most relevant first


def rank(
    engine: Backend, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any]
) -> Ranked:
    """The matches in order, counted exactly up to CAP (see the module's docstring)."""
    rows = engine.candidates(cursor, parsed, where, params, CAP + 1)
    capped = len(rows) > CAP
    best = {row[0]: row for row in rows}
    for row in engine.title_candidates(cursor, parsed, where, params, CAP):
        if row[0] not in best or row[1] < best[row[0]][1]:
            best[row[0]] = row  # a title match ranks above the same row's text match
    rows = list(best.values())
    return Ranked(count=CAP if capped else len(rows), capped=capped, ordered=_ordered(rows))


def _ordered(rows: list[Candidate]) -> list[int]:
    """By score, then the newest, then the id: stable sorts from the last key to the first."""
    rows = sorted(rows, key=lambda row: row[0])
    rows.sort(key=lambda row: row[2], reverse=True)
    rows.sort(key=lambda row: row[1])
    return [row[0] for row in rows]


def backend() -> Backend:
    return postgres.BACKEND if connection.vendor == "postgresql" else sqlite.BACKEND


def marked(text: str) -> SafeString:
    """Escaped text whose engine markers become <mark>: user text never passes as HTML."""
    escaped = escape(text).replace(SNIPPET_START, "<mark>").replace(SNIPPET_END, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above, only our own tags added


def _correct(engine: Backend, parsed: ParsedQuery) -> dict[str, list[str]]:
    corrections: dict[str, list[str]] = {}
    for term in parsed.terms:
        if term.prefixable and not engine.known(term):
            term.alternatives = engine.corrections(term.word)
            if term.alternatives:
                corrections[term.word] = term.alternatives
    return corrections


def _where(user: User | None, filters: Filters, skip: str = "") -> tuple[str, list[Any]]:
    clauses, params = [], []
    sql, visible_params = visible_where(user)
    clauses.append(sql)
    params.extend(visible_params)
    for name, column in (
        ("types", "doc_type"),
        ("kinds", "kind"),
        ("years", "year"),
        ("audiences", "visibility"),
    ):
        values = getattr(filters, name)
        if values and name != skip:
            clauses.append(f"{TABLE}.{column} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
    if filters.topics and skip != "topics":
        for slug in filters.topics:
            clauses.append(
                f"EXISTS (SELECT 1 FROM search_searchtopic topic WHERE topic.document_id = "
                f"{TABLE}.id AND topic.slug = %s)"
            )
            params.append(slug)
    return " AND ".join(f"({clause})" for clause in clauses), params


def _hits(ids: list[int]) -> list[Hit]:
    documents = SearchDocument.objects.only(*HIT_FIELDS).in_bulk(ids)
    return [
        Hit(**{name: getattr(documents[pk], name) for name in HIT_FIELDS}, document_id=pk)
        for pk in ids
    ]


def search(
    user: User | None,
    q: str,
    *,
    types: Sequence[str] = (),
    topics: Sequence[str] = (),
    kinds: Sequence[str] = (),
    years: Sequence[int] = (),
    audiences: Sequence[str] = (),
    limit: int = 20,
    offset: int = 0,
    snippets: bool = True,
) -> Results:
    """What this person may see that matches q: relevance first, then the newest."""
    parsed = parse(q)
    if parsed.is_empty:
        return Results(count=0, hits=[], corrections={})
    engine = backend()
    corrections = _correct(engine, parsed)
    filters = Filters(list(types), list(topics), list(kinds), list(years), list(audiences))
    where, params = _where(user, filters)
    limit = max(1, min(limit, MAX_LIMIT))
    with connection.cursor() as cursor:
        ranked = rank(engine, cursor, parsed, where, params)
        hits = _hits(ranked.ordered[offset : min(offset + limit, ranked.count)])
        if snippets and hits:
            found = engine.snippets(cursor, parsed, [hit.document_id for hit in hits])
            for hit in hits:
                hit.snippet = marked(found.get(hit.document_id, ""))
    return Results(count=ranked.count, hits=hits, corrections=corrections, capped=ranked.capped)


class FacetCounts(dict[str, list[tuple[Any, int]]]):
    """Per facet, (value, count) pairs; `capped` when they count the CAP newest matches only."""

    capped = False


FACET_COLUMNS = {
    "types": "doc_type",
    "kinds": "kind",
    "years": "year",
    "audiences": "visibility",
    "topics": "topic.slug",
}


def facets(
    user: User | None,
    q: str,
    *,
    types: Sequence[str] = (),
    topics: Sequence[str] = (),
    kinds: Sequence[str] = (),
    years: Sequence[int] = (),
    audiences: Sequence[str] = (),
) -> FacetCounts:
    """Per facet, its values among the matches and how many: each facet ignores its own filter.

    They count the matches `search` reads: all of them up to CAP, else the CAP newest.
    """
    counted = FacetCounts()
    parsed = parse(q)
    if parsed.is_empty:
        return counted
    engine = backend()
    _correct(engine, parsed)
    filters = Filters(list(types), list(topics), list(kinds), list(years), list(audiences))
    matches: dict[str, list[int]] = {}  # by condition: the facets without a filter share one
    with connection.cursor() as cursor:
        for name, column in FACET_COLUMNS.items():
            where, params = _where(user, filters, skip=name if getattr(filters, name) else "")
            if where not in matches:
                found = engine.candidates(cursor, parsed, where, params, CAP + 1)
                counted.capped = counted.capped or len(found) > CAP
                matches[where] = [row[0] for row in found[:CAP]]
            counted[name] = _sorted(_grouped(cursor, column, matches[where]))
    return counted


def _grouped(cursor: Any, column: str, ids: list[int]) -> list[tuple[Any, int]]:
    if not ids:
        return []
    join = (
        f" JOIN search_searchtopic topic ON topic.document_id = {TABLE}.id"
        if column.startswith("topic.")
        else ""
    )
    shown = column if "." in column else f"{TABLE}.{column}"
    cursor.execute(
        f"SELECT {shown}, COUNT(*) FROM {TABLE}{join} WHERE {TABLE}.id IN "
        f"({', '.join(['%s'] * len(ids))}) GROUP BY {shown}",
        ids,
    )
    return cursor.fetchall()


def _sorted(rows: Iterable[tuple[Any, int]]) -> list[tuple[Any, int]]:
    """Blank values left out; the most frequent first, then by value."""
    return sorted(
        ((value, total) for value, total in rows if value not in (None, "")),
        key=lambda pair: (-pair[1], str(pair[0])),
    )
