"""What an engine provides to the one query interface."""

from dataclasses import dataclass
from typing import Any, Protocol

from ..text import ParsedQuery, Term


@dataclass
class Filters:
    types: list[str]
    topics: list[str]
    kinds: list[str]
    years: list[int]
    audiences: list[str]


class Backend(Protocol):
    def known(self, term: Term) -> bool:
        """Whether the index holds a word that starts like this term (or its stem)."""
        ...

    def corrections(self, word: str) -> list[str]:
        """The closest words of the vocabulary to a word the index does not hold."""
        ...

    def count(self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any]) -> int: ...

    def page(
        self,
        cursor: Any,
        parsed: ParsedQuery,
        where: str,
        params: list[Any],
        limit: int,
        offset: int,
    ) -> list[int]:
        """Document ids ordered by relevance, then recency."""
        ...

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        """Per document, a passage with the matches between \\x02 and \\x03."""
        ...

    def grouped(
        self,
        cursor: Any,
        parsed: ParsedQuery,
        where: str,
        params: list[Any],
        column: str,
        join: str,
    ) -> list[tuple[Any, int]]: ...
