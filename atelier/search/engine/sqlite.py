"""SQLite: an FTS5 table with the original text and its Dutch stems (made in Python).

Every form of a query word (the word, its stem, corrected spellings) is matched as a
prefix in the text and, stemmed, in the stems: "armoede*" finds "armoedebeleid",
the stem "leefloon" finds "leeflonen". bm25 weighs the title ten times the text.
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
from .snippets import MAX_TEXT, snippet

JOIN = "search_fts CROSS JOIN search_searchdocument ON search_searchdocument.id = search_fts.rowid"
SCORE = "bm25(search_fts, 10.0, 1.0, 1.0)"
MAX_CANDIDATES = 5000
MAX_CORRECTIONS = 2


def _term(term: Term) -> str:
    if not term.prefixable:
        return f'{{title body stems}} : "{term.word}"'
    clauses = []
    for form in term.forms():
        clauses.append(f'{{title body}} : "{form}" *')
        clauses.append(f'stems : "{stem(form)}" *')
    return "(" + " OR ".join(dict.fromkeys(clauses)) + ")"


def match_expression(parsed: ParsedQuery) -> str:
    parts = [_term(term) for term in parsed.terms]
    parts += [f'{{title body}} : "{" ".join(phrase)}"' for phrase in parsed.phrases]
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

    def count(self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any]) -> int:
        cursor.execute(
            f"SELECT COUNT(*) FROM {JOIN} WHERE search_fts MATCH %s AND {where}",
            [match_expression(parsed), *params],
        )
        return cursor.fetchone()[0]

    def page(
        self,
        cursor: Any,
        parsed: ParsedQuery,
        where: str,
        params: list[Any],
        limit: int,
        offset: int,
    ) -> list[int]:
        cursor.execute(
            "SELECT search_searchdocument.id "
            f"FROM {JOIN} WHERE search_fts MATCH %s AND {where} "
            f"ORDER BY {SCORE}, updated_at DESC, search_searchdocument.id LIMIT %s OFFSET %s",
            [match_expression(parsed), *params, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()]

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        placeholders = ", ".join(["%s"] * len(document_ids))
        cursor.execute(
            "SELECT id, substr(body, 1, %s) FROM search_searchdocument "
            f"WHERE id IN ({placeholders})",
            [MAX_TEXT, *document_ids],
        )
        return {pk: snippet(body, parsed, "\x02", "\x03") for pk, body in cursor.fetchall()}

    def grouped(
        self,
        cursor: Any,
        parsed: ParsedQuery,
        where: str,
        params: list[Any],
        column: str,
        join: str,
    ) -> list[tuple[Any, int]]:
        cursor.execute(
            f"SELECT {column}, COUNT(*) FROM {JOIN}{join} WHERE search_fts MATCH %s AND {where} "
            f"GROUP BY {column}",
            [match_expression(parsed), *params],
        )
        return cursor.fetchall()


BACKEND = SQLiteBackend()
