"""PostgreSQL: full-text search with the Dutch configuration, and trigrams for typos.

The index table's generated `search_vector` (title weight A, text weight B, GIN index)
is matched against one tsquery: every form of a query word as a prefix (Dutch stems,
so "gemeenten" finds "gemeente" and "armoede" finds "armoedebeleid"), plus the Python
stem as a plain lexeme prefix (it joins "leeflonen" to "leefloon", which PostgreSQL's
older Dutch stemmer keeps apart). Misspellings: the vocabulary's nearest words by
trigram similarity (pg_trgm, GIN index), kept within the same edit distance as SQLite.
Snippets are made in Python, as for SQLite (snippets.py).
"""

# The SQL is assembled from constants and conditions Django compiled; every value a
# person typed travels as a parameter (FTS5 MATCH text included).
# ruff: noqa: S608

from typing import Any

from ..text import ParsedQuery, Term, edit_distance, stem, typo_bound
from . import vocabulary
from .base import Candidate
from .snippets import python_snippets

TABLE = "search_searchdocument"
FROM = f"{TABLE} CROSS JOIN (SELECT {{query}} AS query) search_query"
MATCH = f"{TABLE}.search_vector @@ search_query.query"
# The title's words, Dutch stems and unstemmed, as indexed by migration 0004.
TITLE_VECTOR = (
    f"(to_tsvector('dutch'::regconfig, translate(coalesce({TABLE}.title, ''), '<>', '  ')) || "
    f"to_tsvector('simple'::regconfig, translate(coalesce({TABLE}.title, ''), '<>', '  ')))"
)
TITLE_MATCH = f"{TITLE_VECTOR} @@ search_query.query"
MAX_CORRECTIONS = 2


def _term(term: Term) -> tuple[str, list[str]]:
    if not term.prefixable:
        return "plainto_tsquery('dutch', %s)", [term.word]
    parts, params = [], []
    for form in term.forms():
        parts.append("to_tsquery('dutch', %s)")
        params.append(f"{form}:*")
    # The word as typed, against the title's unstemmed words: "gee" finds "Geel".
    parts.append("to_tsquery('simple', %s)")
    params.append(f"{term.word}:*")
    python_stem = stem(term.word)
    if len(python_stem) >= 3:
        parts.append("to_tsquery('simple', %s)")
        params.append(f"{python_stem}:*")
    return "(" + " || ".join(parts) + ")", params


def tsquery(parsed: ParsedQuery) -> tuple[str, list[str]]:
    parts, params = [], []
    for term in parsed.terms:
        sql, term_params = _term(term)
        parts.append(sql)
        params.extend(term_params)
    for phrase in parsed.phrases:
        parts.append("phraseto_tsquery('dutch', %s)")
        params.append(" ".join(phrase))
    return "(" + " && ".join(parts) + ")", params


class PostgresBackend:
    def known(self, term: Term) -> bool:
        return vocabulary.known(term)

    def corrections(self, word: str) -> list[str]:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_searchterm WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 20",
                [word, word],
            )
            candidates = [row[0] for row in cursor.fetchall()]
        bound = typo_bound(word)
        scored = [
            (distance, candidate)
            for candidate in candidates
            if (distance := edit_distance(word, candidate, bound)) <= bound
        ]
        return [candidate for _, candidate in sorted(scored)[:MAX_CORRECTIONS]]

    def _from(self, parsed: ParsedQuery) -> tuple[str, list[str]]:
        sql, params = tsquery(parsed)
        return FROM.format(query=sql), params

    # Relevance: a title match first, ranked by ts_rank_cd of the title's words (short
    # vectors, cheap to read); then the matches in the text, the newest first. Ranking the
    # text too would read each match's whole vector, tens of milliseconds a page.
    def candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        source, query_params = self._from(parsed)
        cursor.execute(
            f"SELECT {TABLE}.id, 0.0, {TABLE}.updated_at FROM {source} "
            f"WHERE {MATCH} AND {where} ORDER BY {TABLE}.id DESC LIMIT %s",
            [*query_params, *params, limit],
        )
        return cursor.fetchall()

    def title_candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        # Scores below -1 (ts_rank_cd normalised into 0..1 by rank / (rank + 1)) rank every
        # title match above every text match (0). "id + 0": title matches are few, and
        # walking the primary key backwards to test each title costs more than the index.
        source, query_params = self._from(parsed)
        cursor.execute(
            f"SELECT {TABLE}.id, -1 - ts_rank_cd({TITLE_VECTOR}, search_query.query, 32), "
            f"{TABLE}.updated_at FROM {source} WHERE {TITLE_MATCH} AND {where} "
            f"ORDER BY {TABLE}.id + 0 DESC LIMIT %s",
            [*query_params, *params, limit],
        )
        return cursor.fetchall()

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        return python_snippets(cursor, parsed, document_ids)


BACKEND = PostgresBackend()
