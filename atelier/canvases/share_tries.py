"""Wrong passwords on a share link: each client is locked after a few, the link only slows.

A try is taken (an atomic cache increment) before the password is checked, so parallel
guesses cannot all pass a count read before any of them raised it. The lock is per link and
client (IP as the proxy reports it): the attacker locks themselves out, not the recipient.
Many wrong tries on one link from all clients together (a spread-out attack) slow every
client down to one try a minute; a recipient's first try still goes through at once.
"""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from atelier.canvases.models import ShareLink
from atelier.lib.client_address import client_address

TRIES_PER_CLIENT = 5
WINDOW = 10 * 60  # seconds
LINK_SLOWS_DOWN_AFTER = 20  # wrong tries from all clients within the window
SLOW_PACE = 60  # seconds between two tries of one client once the link slowed down


def _counter(key: str) -> int:
    """Raise a counter that is forgotten WINDOW seconds after its first raise; its new value."""
    cache.add(key, 0, WINDOW)
    try:
        return int(cache.incr(key))
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, WINDOW)
        return 1


def _client_key(link: ShareLink, request: HttpRequest) -> str:
    return f"share-tries:{link.pk}:{client_address(request)}"


def _link_key(link: ShareLink) -> str:
    return f"share-wrong:{link.pk}"


def refusal(request: HttpRequest, link: ShareLink) -> str:
    """Take one password try for this client: "" when it may try, else why not (in words)."""
    if _counter(_client_key(link, request)) > TRIES_PER_CLIENT:
        return _("Too many wrong passwords. Try again in ten minutes.")
    if (cache.get(_link_key(link)) or 0) < LINK_SLOWS_DOWN_AFTER:
        return ""
    if cache.add(f"{_client_key(link, request)}:pace", 1, SLOW_PACE):
        return ""
    return _("This link had many wrong passwords. Try again in a minute.")


def count_wrong_try(link: ShareLink) -> None:
    """One more wrong password on the link, from whichever client."""
    _counter(_link_key(link))
