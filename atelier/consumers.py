"""A websocket that answers 'pong': proves the ASGI stack (and a proxy's upgrade) works.

Live co-editing of canvases will add its own consumers next to this one.
"""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class PingConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content: dict, **kwargs: object) -> None:
        if content.get("type") == "ping":
            await self.send_json({"type": "pong"})
