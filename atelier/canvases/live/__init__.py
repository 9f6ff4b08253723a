"""Live co-editing: every canvas change reaches the open editors of the canvas.

The canvas services record each change (`CanvasChange`) and publish it after the commit
(`events.publish`) to the canvas's group in the channel layer (Redis in production, so that
every ASGI process hears it); `consumer.CanvasConsumer` passes it on to each open socket,
with who is on the canvas (presence) alongside. Presence expires when a person's server
process dies without saying so: `presence.py` holds its timing.
"""
