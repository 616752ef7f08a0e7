"""Browser search and device parameter listing, end to end: a real MCP client, the server, the
bridge socket and live_script on a fake Live whose browser holds a synthetic 50,000-sample library.

* ``browser.search 50,000 items``: live_search_browser for one sample deep in the library, so the
  walk visits every item (median of 5);
* ``device.params 128-parameter plugin``: live_get_device_params of a plugin exposing 128 of its
  300 parameters (median of 10);
* baseline for both: the bridge round trip of a small tool call (live_find_track, median of 20),
  through the same client in the same run.

    python -m bench.sound_bench
"""

from __future__ import annotations

from pathlib import Path

from bench.served import demo_host, served_client
from bench.timing import row, timed_call

ITEMS = 50_000
SEARCH = {"query": "vox 49998", "categories": ["samples"], "visit_budget": 500_000}
PLUGIN_URI = "query:Plugins#VST3:Acme:Acme%20Poly"


async def _measure(port: int, config_dir: Path) -> dict:
    async with served_client(port, config_dir) as client:
        round_trip, _ = await timed_call(client, "live_find_track", {"query": "Bass"}, 20)
        search, found = await timed_call(client, "live_search_browser", SEARCH, 5)
        track = (await client.call_tool("live_create_track", {"kind": "midi"})).structured_content
        loaded = await client.call_tool(
            "live_load_browser_item", {"uri": PLUGIN_URI, "track_id": track["track_id"]}
        )
        device_id = loaded.structured_content["device_id"]
        params, listed = await timed_call(
            client, "live_get_device_params", {"device_id": device_id, "limit": 500}, 10
        )
    return {
        "round_trip": round_trip,
        "search": search,
        "found": found,
        "params": params,
        "listed": listed,
    }


def run() -> list[dict]:
    import anyio

    with demo_host(browser_items=ITEMS) as (host, config_dir):
        measured = anyio.run(_measure, host.port, config_dir)
    found, listed = measured["found"], measured["listed"]
    base = measured["round_trip"] * 1000
    search_ms, params_ms = measured["search"] * 1000, measured["params"] * 1000
    return [
        row("sound: tool call round trip (live_find_track, baseline)", base, "ms"),
        row(
            f"browser.search {ITEMS:,} items, every item visited ({found['visited']:,})",
            search_ms,
            "ms",
            baseline=base,
            target="complete, < 2,000 ms (the walk's time limit)",
            ok=found["complete"] and found["count"] == 1 and search_ms < 2000,
        ),
        row(
            f"device.params of a {listed['total'] - 1}-parameter plugin",
            params_ms,
            "ms",
            baseline=base,
            target="< 250 ms",
            ok=listed["count"] == 129 and params_ms < 250,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
