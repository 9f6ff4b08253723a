"""Words for the index and for queries: tokens, Dutch stems, the query's parts.

Both engines see the same words. FTS5 has no Dutch stemmer, so SQLite gets stems made
here (Snowball's Dutch algorithm). The current Snowball Dutch stemmer conflates
vowel doubling ("leeflonen" and "leefloon") but strips a leading "ge-" ("gemeente" →
"meen"), which would make "meen*" match unrelated words; for those words the older
Porter-style Dutch stemmer ("gemeent") is used instead.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import nh3
import snowballstemmer

MAX_TERMS = 8
MAX_WORD = 40
# Shorter words are matched whole: "ge*" or "de*" would match half the index.
MIN_PREFIX = 3
WORD = re.compile(r"\w+")
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
PHRASE = re.compile(r'"([^"]*)"')
# Words so common in Dutch (and in the English interface) that they say nothing.
STOPWORDS = frozenset(
    """de het een en of van in op te aan met voor door bij naar om over uit als dat die
    dit is zijn wordt worden er ook maar niet nog wel the a an of and or to in on for""".split()
)

_dutch = snowballstemmer.stemmer("dutch")
_dutch_porter = snowballstemmer.stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lowercase without accents: "Financiën" → "financien" (as FTS5's tokenizer folds)."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return COMBINING.sub("", unicodedata.normalize("NFKD", lowered))


def words(text: str) -> list[str]:
    return [word for word in WORD.findall(fold(text)) if len(word) <= MAX_WORD]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    stemmed = _dutch.stemWord(word)
    if stemmed[:3] != word[:3]:
        return _dutch_porter.stemWord(word)
    return stemmed


def stems(text: str) -> str:
    return " ".join(stem(word) for word in words(text))


def plain(markup: str) -> str:
    """The text of (sanitised) HTML: tags dropped, block ends kept as spaces."""
    spaced = re.sub(r"<(/p|br|/li|/h\d|/td|/th)[^>]*>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(spaced, tags=set()))).strip()


def vocabulary(text: str) -> set[str]:
    """The words worth correcting a misspelling to: letters only, three or more."""
    return {word for word in words(text) if len(word) >= MIN_PREFIX and word.isalpha()}


@dataclass
class Term:
    """One word of a query and what it may also be: its stem, a corrected spelling."""

    word: str
    alternatives: list[str] = field(default_factory=list)

    @property
    def prefixable(self) -> bool:
        return len(self.word) >= MIN_PREFIX

    def forms(self) -> list[str]:
        """The word, its stem and corrections: each is matched as a prefix."""
        found = [self.word]
        for candidate in [stem(self.word), *self.alternatives]:
            if candidate not in found and len(candidate) >= MIN_PREFIX:
                found.append(candidate)
        return found


@dataclass
class ParsedQuery:
    terms: list[Term]
    phrases: list[list[str]]

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases


def parse(query: str) -> ParsedQuery:
    """Quoted parts are phrases, the rest single words; stopwords are left out."""
    phrases = [words(part) for part in PHRASE.findall(query)]
    phrases = [phrase[:MAX_TERMS] for phrase in phrases if phrase][:MAX_TERMS]
    loose = words(PHRASE.sub(" ", query))
    terms: list[Term] = []
    for word in loose:
        if word not in STOPWORDS and all(term.word != word for term in terms):
            terms.append(Term(word))
    return ParsedQuery(terms=terms[:MAX_TERMS], phrases=phrases)


def edit_distance(first: str, second: str, bound: int) -> int:
    """Optimal string alignment distance (a swap counts once), or bound + 1 when above it."""
    if abs(len(first) - len(second)) > bound:
        return bound + 1
    previous_row: list[int] = []
    row = list(range(len(second) + 1))
    for i, char in enumerate(first, start=1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, other in enumerate(second, start=1):
            cost = char != other
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > bound:
            return bound + 1
    return row[-1]


def typo_bound(word: str) -> int:
    """How many edits a misspelling of this word may have: 1 for short words, 2 from 8."""
    return 1 if len(word) < 8 else 2
