"""live-mcp: an MCP server for Ableton Live, generated from one YAML source."""

__version__ = "0.1.0"
