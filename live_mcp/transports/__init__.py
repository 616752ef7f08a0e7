"""How the one server is reached: stdio (what clients launch) or Streamable HTTP on loopback."""
