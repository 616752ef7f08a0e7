"""`live-mcp serve --demo`: the same server, on an embedded fake Live with a demo Set.

The fake host runs the real Remote Script code (live_script) on fake_live in this process, with a
temporary config folder, so the bridge, the handshake and the token are all exercised for real.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def embedded_live(live_version: str = "12.3.6") -> Iterator[tuple[Any, str]]:
    """Start a fake Live with the demo Set; yield (host, config folder)."""
    from fake_live.host import FakeHost

    with tempfile.TemporaryDirectory(prefix="live-mcp-demo-") as config_dir:
        host = FakeHost(
            version=live_version, demo=True, port=0, config_dir=config_dir, running_clock=True
        )
        host.start()
        try:
            yield host, config_dir
        finally:
            host.stop()
