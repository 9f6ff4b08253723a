"""What a change looks like on the wire, and how it reaches the canvas's group."""

import asyncio
import logging
import threading
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.urls import reverse

from atelier.canvases.models import CanvasChange

logger = logging.getLogger(__name__)


def group_of(canvas_id: int) -> str:
    return f"canvas-{canvas_id}"


def _fragment(change: CanvasChange) -> str:
    """Where the open editors fetch the changed part's HTML from ("" to reload the board)."""
    if change.part_type == "card" and change.after is not None:
        return reverse("canvases:card", args=[change.part_id])
    if change.part_type == "comment":
        return reverse("canvases:comments", args=[change.canvas_id])
    return ""


def event_of(change: CanvasChange, actor_name: str = "") -> dict[str, Any]:
    """The change as the editors receive it (JSON-ready)."""
    state = change.after or change.before or {}
    return {
        "type": "change",
        "revision": change.revision,
        "action": change.action,
        "origin": change.origin,
        "part": {"type": change.part_type, "id": change.part_id, "card": state.get("card")},
        "actor": {"id": change.actor_id, "name": actor_name},
        "version": (change.after or {}).get("version"),
        "url": _fragment(change),
    }


def _send(canvas_id: int, event: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "canvas.change", "event": event}
    async_to_sync(layer.group_send)(group_of(canvas_id), message)


def publish(canvas_id: int, event: dict[str, Any]) -> None:
    """Send the event to the canvas's group; a failure is logged, the change stays saved."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send_here = True
    else:
        send_here = False  # async_to_sync refuses to run beside a running loop
    try:
        if send_here:
            _send(canvas_id, event)
        else:
            sender = threading.Thread(target=_send, args=(canvas_id, event))
            sender.start()
            sender.join(timeout=10)
    except Exception:  # a live update is a convenience: never fail the request for it
        logger.exception("Could not publish change %s of canvas %s", event, canvas_id)
