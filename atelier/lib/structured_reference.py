"""Belgian structured communication (OGM/VCS): +++123/4567/89002+++.

Ten digits carry the reference; the last two digits are the first ten modulo 97, with
97 instead of 0. Banks print it with +++ or *** around it, or as bare digits.
"""

import re

_FORMATTED = re.compile(r"[+*]{3}\s*(\d{3})\s*/\s*(\d{4})\s*/\s*(\d{5})\s*[+*]{3}")
_BARE = re.compile(r"(?<!\d)(\d{12})(?!\d)")


def check_digits(base: int) -> str:
    if not 0 <= base < 10**10:
        raise ValueError("a structured communication carries ten digits")
    return f"{base % 97 or 97:02d}"


def make_structured_reference(base: int) -> str:
    """The twelve digits for a ten-digit base number."""
    return f"{base:010d}{check_digits(base)}"


def is_valid_structured_reference(digits: str) -> bool:
    if not re.fullmatch(r"\d{12}", digits):
        return False
    return digits[10:] == check_digits(int(digits[:10]))


def format_structured_reference(digits: str) -> str:
    """'+++123/4567/89002+++' for the twelve digits."""
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}+++"


def find_structured_reference(text: str) -> str | None:
    """The twelve digits of the first valid structured communication in a bank line's text."""
    for match in _FORMATTED.finditer(text or ""):
        digits = "".join(match.groups())
        if is_valid_structured_reference(digits):
            return digits
    for match in _BARE.finditer(re.sub(r"[\s/]", "", text or "")):
        if is_valid_structured_reference(match.group(1)):
            return match.group(1)
    return None
