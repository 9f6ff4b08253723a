"""A small asyncio websocket client (text frames, JSON), for tests and the fan-out bench.

The project needs no websocket client at run time; this speaks just enough RFC 6455 to
talk to daphne: the upgrade handshake, masked client frames, unmasked server frames.
"""

import asyncio
import base64
import json
import os
import struct
from typing import Any


class WebSocket:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def connect(
        cls, host: str, port: int, path: str, headers: dict[str, str] | None = None
    ) -> "WebSocket":
        """Open the socket; ConnectionRefusedError when the server declines the upgrade."""
        reader, writer = await asyncio.open_connection(host, port)
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
            f"Origin: http://{host}:{port}",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        await writer.drain()
        answer = await reader.readuntil(b"\r\n\r\n")
        if not answer.startswith(b"HTTP/1.1 101"):
            writer.close()
            raise ConnectionRefusedError(answer.split(b"\r\n", 1)[0].decode())
        return cls(reader, writer)

    async def send_json(self, message: Any) -> None:
        payload = json.dumps(message).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack("!H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", len(payload))
        masked = bytes(byte ^ mask[n % 4] for n, byte in enumerate(payload))
        self.writer.write(header + mask + masked)
        await self.writer.drain()

    async def receive_json(self, timeout: float = 5) -> Any:
        """The next text message; ConnectionError when the server closes the socket."""
        while True:
            opcode, payload = await asyncio.wait_for(self._frame(), timeout)
            if opcode == 0x1:
                return json.loads(payload)
            if opcode == 0x8:
                raise ConnectionError("closed by the server")

    async def _frame(self) -> tuple[int, bytes]:
        first, second = await self.reader.readexactly(2)
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack("!H", await self.reader.readexactly(2))
        elif length == 127:
            (length,) = struct.unpack("!Q", await self.reader.readexactly(8))
        return first & 0x0F, await self.reader.readexactly(length)

    async def close(self) -> None:
        self.writer.write(bytes([0x88, 0x80]) + os.urandom(4))
        try:
            await self.writer.drain()
        except ConnectionError:
            pass
        self.writer.close()
