"""PostgreSQL: full-text search with the Dutch configuration, and trigrams for typos.

The index table's generated `search_vector` (title weight A, text weight B, GIN index)
is matched against one tsquery: every form of a query word as a prefix (Dutch stems,
so "gemeenten" finds "gemeente" and "armoede" finds "armoedebeleid"), plus the Python
stem as a plain lexeme prefix (it joins "leeflonen" to "leefloon", which PostgreSQL's
older Dutch stemmer keeps apart). Misspellings: the vocabulary's nearest words by
trigram similarity (pg_trgm, GIN index), kept within the same edit distance as SQLite.
ts_headline makes the snippets; ts_rank_cd the relevance.
"""

# The SQL is assembled from constants and conditions Django compiled; every value a
# person typed travels as a parameter (FTS5 MATCH text included).
# ruff: noqa: S608

from typing import Any

from ..text import ParsedQuery, Term, edit_distance, stem, typo_bound
from . import vocabulary
from .base import Candidate

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
HEADLINE_OPTIONS = (
    'StartSel=\x02, StopSel=\x03, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_headline reads the whole text it is given; the start of a long attachment is enough.
HEADLINE_TEXT = 20_000


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

    # ts_rank_cd weighs the title (A) above the text (B) by itself.
    ranks_by_title = False

    def candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        return self._newest(cursor, parsed, MATCH, where, params, limit, f"{TABLE}.id")

    def title_candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        # "id + 0": title matches are few, and walking the primary key backwards to test
        # each title's words costs more than the GIN index and a sort.
        return self._newest(cursor, parsed, TITLE_MATCH, where, params, limit, f"{TABLE}.id + 0")

    def _newest(
        self,
        cursor: Any,
        parsed: ParsedQuery,
        match: str,
        where: str,
        params: list[Any],
        limit: int,
        order: str,
    ) -> list[Candidate]:
        # The newest matches are chosen first and ranked after: ts_rank_cd reads a whole
        # vector, so it runs for the rows kept only.
        source, query_params = self._from(parsed)
        cursor.execute(
            f"WITH kept AS MATERIALIZED (SELECT {TABLE}.id, search_query.query "
            f"FROM {source} WHERE {match} AND {where} ORDER BY {order} DESC LIMIT %s) "
            f"SELECT kept.id, -ts_rank_cd({TABLE}.search_vector, kept.query), {TABLE}.updated_at "
            f"FROM kept JOIN {TABLE} ON {TABLE}.id = kept.id",
            [*query_params, *params, limit],
        )
        return cursor.fetchall()

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        source, query_params = self._from(parsed)
        cursor.execute(
            f"SELECT {TABLE}.id, ts_headline('dutch', "
            f"translate(left({TABLE}.body, %s), '<>', '  '), search_query.query, %s) "
            f"FROM {source} WHERE {TABLE}.id = ANY(%s)",
            [HEADLINE_TEXT, HEADLINE_OPTIONS, *query_params, document_ids],
        )
        return dict(cursor.fetchall())


BACKEND = PostgresBackend()
