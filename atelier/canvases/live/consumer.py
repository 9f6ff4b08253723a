"""The socket of one open canvas: its changes as they happen, catch-up, and presence."""

import asyncio
import contextlib
import logging
import time
from typing import Any

from channels.db import database_sync_to_async
from channels.exceptions import ChannelFull
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .events import group_of
from .presence import heartbeat_seconds
from .viewers import Viewer, changes_since, for_viewer, viewer_of

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 10  # how stale the access check may get before an outgoing event
REFUSED = 4403  # close code when access ends while connected


NOBODY = Viewer(None, "", writable=False)


class CanvasConsumer(AsyncJsonWebsocketConsumer):
    viewer: Viewer = NOBODY
    admitted = False
    focus: int | None = None
    heartbeat: asyncio.Task | None = None

    async def connect(self) -> None:
        self.canvas_id = int(self.scope["url_route"]["kwargs"]["pk"])
        viewer = await database_sync_to_async(viewer_of)(self.scope, self.canvas_id)
        if viewer is None:
            await self.close()  # refused during the handshake: no event reaches the page
            return
        self.viewer, self.admitted = viewer, True
        self.checked_at = time.monotonic()
        self.group = group_of(self.canvas_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(
            {"type": "hello", "me": self._person(), "writable": self.viewer.writable}
        )
        if self._in_presence():
            await self._to_group("presence.join", person=self._person())
            self.heartbeat = asyncio.create_task(self._beat())

    async def disconnect(self, code: int) -> None:
        if self.heartbeat is not None:
            self.heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.heartbeat
        if not self.admitted:
            return
        await self.channel_layer.group_discard(self.group, self.channel_name)
        if self._in_presence():
            await self._to_group("presence.leave", channel=self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not self.admitted or not await self._still_allowed() or not isinstance(content, dict):
            return
        kind = content.get("type")
        if kind == "catch_up":
            await self._catch_up(content.get("since"))
        elif kind in ("focus", "blur") and self._in_presence() and self.viewer.writable:
            card = content.get("card") if kind == "focus" else None
            self.focus = card if isinstance(card, int) else None
            await self._to_group("presence.focus", channel=self.channel_name, card=self.focus)
        elif kind == "ping":
            await self.send_json({"type": "pong"})

    # Messages from the group -------------------------------------------------------------

    async def canvas_change(self, message: dict[str, Any]) -> None:
        stale = time.monotonic() - self.checked_at > RECHECK_SECONDS
        if stale and not await self._still_allowed():
            return
        event = for_viewer(message["event"], self.viewer)
        if event is not None:
            await self.send_json(event)

    async def presence_join(self, message: dict[str, Any]) -> None:
        person = message["person"]
        if person["channel"] == self.channel_name or not self._in_presence():
            return
        await self.send_json({"type": "presence", "person": person})
        # The newcomer learns of everyone already here from their answers.
        try:
            await self.channel_layer.send(
                person["channel"], {"type": "presence.here", "person": self._person()}
            )
        except ChannelFull:
            pass  # a newcomer flooded with answers misses one name; its socket carries on

    async def presence_beat(self, message: dict[str, Any]) -> None:
        person = message["person"]
        if person["channel"] != self.channel_name and self._in_presence():
            await self.send_json({"type": "presence", "person": person})

    async def presence_here(self, message: dict[str, Any]) -> None:
        if self._in_presence():
            await self.send_json({"type": "presence", "person": message["person"]})

    async def presence_leave(self, message: dict[str, Any]) -> None:
        if self._in_presence():
            await self.send_json({"type": "left", "channel": message["channel"]})

    async def presence_focus(self, message: dict[str, Any]) -> None:
        if self._in_presence():
            await self.send_json(
                {"type": "focus", "channel": message["channel"], "card": message["card"]}
            )

    # Helpers -------------------------------------------------------------------------------

    def _in_presence(self) -> bool:
        """Team members show and see presence; share-link readers stay anonymous and see none."""
        return self.admitted and self.viewer.user_id is not None

    def _person(self) -> dict[str, Any]:
        return {
            "channel": self.channel_name,
            "id": self.viewer.user_id,
            "name": self.viewer.name,
            "initials": self.viewer.initials,
            "colour": (self.viewer.user_id or 0) % 6,
            "card": self.focus,
        }

    async def _beat(self) -> None:
        """Say "still here" to the others until the socket closes (see presence.py)."""
        while self._in_presence():
            await asyncio.sleep(heartbeat_seconds())
            try:
                stale = time.monotonic() - self.checked_at > RECHECK_SECONDS
                if not stale or await self._still_allowed():
                    await self._to_group("presence.beat", person=self._person())
            except Exception:  # the channel layer or database away for a moment: beat later
                logger.warning("Presence heartbeat of %s failed", self.channel_name, exc_info=True)

    async def _to_group(self, kind: str, **message: Any) -> None:
        await self.channel_layer.group_send(self.group, {"type": kind, **message})

    async def _still_allowed(self) -> bool:
        """Access asked again with the same helpers; a viewer who lost it is disconnected."""
        viewer = await database_sync_to_async(viewer_of)(
            self.scope, self.canvas_id, self.viewer.user_id
        )
        self.checked_at = time.monotonic()
        if viewer is None or viewer.user_id != self.viewer.user_id:
            self.admitted = False
            await self.close(code=REFUSED)
            return False
        self.viewer = viewer
        return True

    async def _catch_up(self, since: object) -> None:
        if not isinstance(since, int) or since < 0:
            return
        events = await database_sync_to_async(changes_since)(self.canvas_id, since, self.viewer)
        if events is None:
            await self.send_json({"type": "reload"})
            return
        for event in events:
            await self.send_json(event)
