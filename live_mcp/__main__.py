"""`python -m live_mcp` is `live-mcp`."""

from live_mcp.cli import main

raise SystemExit(main())
