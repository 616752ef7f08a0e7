"""The surface a client pays for, and what a batch saves.

- what the model reads of the tools (compact JSON of each served entry's name, description and
  input schema): the default set's total and per tool, the whole catalogue per tool, against the
  peers' figures measured the same way (ahujasid/ableton-mcp 699 per tool for 37 tools,
  mcp-server-ableton-live 599 per tool for 156 tools), with the full tools/list entries (output
  schemas and annotations too) beside them;
- 20 tool calls as one live_batch against the same 20 calls one by one, end to end through an
  in-process MCP client, the server, the TCP bridge and the fake Live's main-thread pump.
"""

from __future__ import annotations

import tempfile
import time

from bench.timing import row

CALLS = 20
RUNS = 3


def tools_list_rows() -> list[dict]:
    from codegen.budget import CATALOGUE_PER_TOOL, DEFAULT_TOTAL, PEERS, WIRE_PER_TOOL
    from codegen.wire import model_size, wire_size
    from generated import registry_gen as registry
    from live_mcp.toolsets import select, served_entries

    # What the server lists, measured as the generator's budgets measure it.
    default = served_entries(registry, select(registry))
    every = served_entries(registry, select(registry, "all"))
    seen = {
        label: (
            sum(model_size(e) for e in entries),
            sum(wire_size(e) for e in entries),
            len(entries),
        )
        for label, entries in (("default set", default), ("all", every))
    }
    (d_model, d_wire, d_count), (a_model, a_wire, a_count) = seen["default set"], seen["all"]
    few, many = PEERS  # the peer with few tools sets the bar for the default set
    return [
        row(
            f"model-visible characters, default set total ({d_count} tools)",
            d_model,
            "chars",
            target=f"≤ {DEFAULT_TOTAL:,}",
            ok=d_model <= DEFAULT_TOTAL,
        ),
        row(
            f"model-visible characters per tool, default set (baseline: {few.name}, "
            f"{few.tools} tools)",
            d_model / d_count,
            "chars",
            baseline=few.per_tool,
        ),
        row(
            f"model-visible characters per tool, all ({a_count} tools; baseline: {many.name}, "
            f"{many.tools} tools)",
            a_model / a_count,
            "chars",
            baseline=many.per_tool,
            target=f"≤ {CATALOGUE_PER_TOOL:,}",
            ok=a_model / a_count <= CATALOGUE_PER_TOOL,
        ),
        row(
            f"full tools/list characters per tool, default set ({d_wire:,} chars)",
            d_wire / d_count,
            "chars",
        ),
        row(
            f"full tools/list characters per tool, all ({a_wire:,} chars)",
            a_wire / a_count,
            "chars",
            target=f"≤ {WIRE_PER_TOOL:,}",
            ok=a_wire / a_count <= WIRE_PER_TOOL,
        ),
    ]


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
