"""The surface a client pays for, and what a batch saves.

- tools/list characters per tool (compact JSON of the entries as served) for the default set and
  the whole catalogue, against Loophole's 884 per tool for the same 12 tools without output
  schemas (10,607 characters, the figure issue 11 measured);
- 20 tool calls as one live_batch against the same 20 calls one by one, end to end through an
  in-process MCP client, the server, the TCP bridge and the fake Live's main-thread pump.
"""

from __future__ import annotations

import tempfile
import time

from bench.timing import row

LOOPHOLE_PER_TOOL = 884
CALLS = 20
RUNS = 3


def tools_list_rows() -> list[dict]:
    from codegen.budget import DEFAULT_PER_TOOL
    from codegen.wire import wire_size
    from generated import registry_gen as registry
    from live_mcp.toolsets import select, served_entries

    rows = []
    for label, selection in (("default set", select(registry)), ("all", select(registry, "all"))):
        entries = served_entries(registry, selection)
        # What the server lists, measured as the generator's budgets measure it.
        size = sum(wire_size(e) for e in entries)
        per_tool = size / len(entries)
        rows.append(
            row(
                f"tools/list characters per tool, {label} ({len(entries)} tools, {size:,} chars)",
                per_tool,
                "chars",
                baseline=LOOPHOLE_PER_TOOL,
                target=f"≤ {DEFAULT_PER_TOOL:,} with output schemas"
                if label == "default set"
                else "",
                ok=per_tool <= DEFAULT_PER_TOOL if label == "default set" else None,
            )
        )
    return rows


def _steps() -> list[dict]:
    return [
        {
            "tool": "live_set_track_props",
            "arguments": {"track_id": f"track:{i % 3}", "mute": i % 2 == 0},
        }
        for i in range(CALLS)
    ]


async def _batch_ratio() -> tuple[float, float]:
    from mcp import Client

    from fake_live.host import FakeHost
    from live_mcp.bridge import Bridge
    from live_mcp.server import build_server

    with (
        tempfile.TemporaryDirectory() as cfg,
        FakeHost(version="12.3.6", demo=True, port=0, config_dir=cfg) as host,
    ):
        bridge = Bridge(port=host.port, config_dir=cfg)
        async with Client(build_server(bridge), mode="legacy") as client:
            await client.call_tool("live_get_song_overview", {})  # connect first
            singles, batches = [], []
            for _ in range(RUNS):
                start = time.perf_counter()
                for step in _steps():
                    result = await client.call_tool(step["tool"], step["arguments"])
                    assert not result.is_error, result.content[0].text
                singles.append(time.perf_counter() - start)
                start = time.perf_counter()
                result = await client.call_tool("live_batch", {"steps": _steps()})
                assert not result.is_error, result.content[0].text
                batches.append(time.perf_counter() - start)
        await bridge.aclose()
    return min(singles), min(batches)


def batch_rows() -> list[dict]:
    import anyio

    singles, batch = anyio.run(_batch_ratio)
    return [
        row(
            f"{CALLS} calls as one live_batch (baseline: the same {CALLS} one by one)",
            batch * 1000,
            "ms",
            baseline=singles * 1000,
            target="≥ 5× faster (ratio ≤ 0.20)",
            ok=singles / batch >= 5,
        )
    ]


def run() -> list[dict]:
    return tools_list_rows() + batch_rows()


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
