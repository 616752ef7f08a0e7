"""The bridge layer: the server's client of the Remote Script in Live (docs/bridge-protocol.md).

connection.py (one TCP connection, its waiting calls and progress) <- handshake.py (token file,
connect, `system.hello`) <- client.py (`Bridge`: calls, reconnects, retries); failures.py holds what
a user reads when any of them fails. May import live_mcp.errors, live_mcp.progress and
live_script.bridge.config only: nothing of the MCP server above it. This face hands on the public names.
"""

from live_mcp.bridge.client import Bridge
from live_mcp.bridge.connection import HelloInfo
from live_mcp.bridge.handshake import DEFAULT_PORT, default_port, token_file

__all__ = ["DEFAULT_PORT", "Bridge", "HelloInfo", "default_port", "token_file"]
