"""SQLite: an FTS5 table with the original text and its Dutch stems (made in Python).

Every form of a query word (the word, its stem, corrected spellings) is matched as a
prefix in the text and, stemmed, in the stems: "armoede*" finds "armoedebeleid",
the stem "leefloon" finds "leeflonen". A second FTS5 table holds the titles alone: a
title match ranks above a match in the text.
Snippets are made in Python (snippets.py).
Misspellings: the vocabulary words that share the first two letters and are about as
long, at a bounded edit distance, computed here.
"""

# The SQL is assembled from constants and conditions Django compiled; every value a
# person typed travels as a parameter (FTS5 MATCH text included).
# ruff: noqa: S608

from typing import Any

from ..models import SearchTerm
from ..text import ParsedQuery, Term, edit_distance, stem, typo_bound
from . import vocabulary
from .base import Candidate
from .snippets import python_snippets

JOIN = "search_fts CROSS JOIN search_searchdocument ON search_searchdocument.id = search_fts.rowid"
TITLE_JOIN = (
    "search_fts_title CROSS JOIN search_searchdocument "
    "ON search_searchdocument.id = search_fts_title.rowid"
)
MAX_CANDIDATES = 5000
MAX_CORRECTIONS = 2


def _shortest(prefixes: list[str]) -> list[str]:
    """The prefixes that no other of them already covers: "gemeent" covers "gemeente"."""
    unique = sorted(set(prefixes), key=len)
    kept: list[str] = []
    for prefix in unique:
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return kept


def _term(term: Term, text: str) -> str:
    if not term.prefixable:
        return f'{{{text} stems}} : "{term.word}"'
    forms = term.forms()
    clauses = [f'{{{text}}} : "{form}" *' for form in _shortest(forms)]
    clauses += [f'stems : "{prefix}" *' for prefix in _shortest([stem(f) for f in forms])]
    return "(" + " OR ".join(clauses) + ")"


def match_expression(parsed: ParsedQuery, text: str = "title body") -> str:
    """The FTS5 query: every term (as any of its forms, a prefix) and every phrase."""
    parts = [_term(term, text) for term in parsed.terms]
    parts += [f'{{{text}}} : "{" ".join(phrase)}"' for phrase in parsed.phrases]
    return " AND ".join(parts)


class SQLiteBackend:
    def known(self, term: Term) -> bool:
        return vocabulary.known(term)

    def corrections(self, word: str) -> list[str]:
        bound = typo_bound(word)
        candidates = SearchTerm.objects.filter(
            word__gte=word[:2], word__lt=word[:2] + vocabulary.PAST_PREFIX
        ).values_list("word", flat=True)[:MAX_CANDIDATES]
        scored = [
            (distance, candidate)
            for candidate in candidates
            if (distance := edit_distance(word, candidate, bound)) <= bound
        ]
        return [candidate for _, candidate in sorted(scored)[:MAX_CORRECTIONS]]

    # Relevance here is two steps: a match in the title, then one in the text; the newest
    # first within each. bm25 would weigh every word, but it first reads every document
    # of every word of the query to count them: tens of milliseconds for a common word.
    def candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        return self._newest(
            cursor, JOIN, "search_fts", match_expression(parsed), where, params, limit, 1.0
        )

    def title_candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        expression = match_expression(parsed, text="title")
        return self._newest(
            cursor, TITLE_JOIN, "search_fts_title", expression, where, params, limit, 0.0
        )

    def _newest(
        self,
        cursor: Any,
        source: str,
        table: str,
        expression: str,
        where: str,
        params: list[Any],
        limit: int,
        score: float,
    ) -> list[Candidate]:
        # FTS5 hands its matches out in rowid order: the LIMIT ends the scan.
        cursor.execute(
            f"SELECT search_searchdocument.id, %s, search_searchdocument.updated_at "
            f"FROM {source} WHERE {table} MATCH %s AND {where} "
            f"ORDER BY {table}.rowid DESC LIMIT %s",
            [score, expression, *params, limit],
        )
        return cursor.fetchall()

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        return python_snippets(cursor, parsed, document_ids)


BACKEND = SQLiteBackend()
