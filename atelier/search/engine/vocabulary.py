"""The vocabulary misspellings are corrected against (SearchTerm), for both engines."""

from ..models import SearchTerm
from ..text import Term, stem

# Past the end of every word that starts with a given prefix.
PAST_PREFIX = "\U0010ffff"


def has_prefix(prefix: str) -> bool:
    return SearchTerm.objects.filter(word__gte=prefix, word__lt=prefix + PAST_PREFIX).exists()


def known(term: Term) -> bool:
    return has_prefix(term.word) or has_prefix(stem(term.word))
