"""How long presence lasts without news: the one place for its timing.

Presence is peer to peer: a newcomer's join is answered by everyone already there, and a
closing socket says it leaves. A server process that dies says nothing, so each open socket
also re-announces its person to the canvas's group every heartbeat (`consumer.py`, from the
server: a hidden browser tab may run its timers only once a minute), and live.js drops a
person it has not heard of for PRESENCE_EXPIRY_BEATS heartbeats (the page gets that time in
milliseconds as the live bar's `data-presence-expiry-ms`).

The heartbeat is the setting CANVAS_PRESENCE_HEARTBEAT_SECONDS (20 s; tests lower it).
"""

from django.conf import settings

PRESENCE_EXPIRY_BEATS = 3  # 60 s with the default heartbeat: a late beat is no departure


def heartbeat_seconds() -> float:
    return float(settings.CANVAS_PRESENCE_HEARTBEAT_SECONDS)


def expiry_ms() -> int:
    """After how long without news live.js drops a person."""
    return round(PRESENCE_EXPIRY_BEATS * heartbeat_seconds() * 1000)
