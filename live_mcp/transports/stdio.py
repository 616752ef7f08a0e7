"""The stdio transport: what Claude Desktop, Claude Code and Cursor launch."""

from __future__ import annotations

from mcp.server import Server


async def serve_stdio(server: Server) -> None:
    from mcp.server.stdio import stdio_server

    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
