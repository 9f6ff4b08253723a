"""What an engine provides to the one query interface."""

from dataclasses import dataclass
from typing import Any, Protocol

from ..text import ParsedQuery, Term

# (document id, score: lower is more relevant, updated_at)
Candidate = tuple[int, float, Any]


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

    def candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        """Up to `limit` matches, the most recently indexed first, with their scores."""
        ...

    def title_candidates(
        self, cursor: Any, parsed: ParsedQuery, where: str, params: list[Any], limit: int
    ) -> list[Candidate]:
        """Up to `limit` matches in the title, the most recently indexed first."""
        ...

    def snippets(self, cursor: Any, parsed: ParsedQuery, document_ids: list[int]) -> dict[int, str]:
        """Per document, a passage with the matches between \\x02 and \\x03."""
        ...
