"""CSRF tokens in a stored page: taken out before storing, a fresh one put in when served.

Each `{% csrf_token %}` (and each `get_token()`) in one render is a differently masked copy
of the same secret, so every 64-character token that unmasks to this request's secret is
replaced by a marker, and each reader gets a token of their own secret in its place.
"""

import re

from django.http import HttpRequest
from django.middleware.csrf import (  # type: ignore[attr-defined]  # Django's own unmasking
    _unmask_cipher_token,
    get_token,
)

MARK = b"\x00atelier-csrf\x00"
CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def without_tokens(request: HttpRequest, body: bytes) -> bytes:
    """The page with each token of this request's secret replaced by the marker."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return body
    tokens = {
        found
        for found in set(CANDIDATE.findall(body))
        if _unmask_cipher_token(found.decode()) == secret
    }
    for token in tokens:
        body = body.replace(token, MARK)
    return body


def with_token(request: HttpRequest, body: bytes) -> bytes:
    """The stored page with a token of the reader's own secret wherever one was."""
    if MARK not in body:
        return body
    return body.replace(MARK, get_token(request).encode())
