"""A full Drum Rack, end to end: a real MCP client, the server, the bridge socket and live_script on
a fake Live whose new MIDI track holds a Drum Rack with all 128 pads filled (a Simpler each).

* ``device.list 128-pad Drum Rack``: live_list_devices of that track, racks opened, every row in
  one page (rack, 128 pads, 128 chains, 128 Simplers; median of 10);
* ``rack.list_chains 128 chains``: live_list_chains of the rack, every chain with its mixer in dB
  and its drum fields in one page (median of 10);
* baseline for both: the bridge round trip of a small tool call (live_find_track, median of 20);
* ``device.list over the bridge socket only``: the same listing asked of the Remote Script directly
  (no MCP server, no client), to tell the script's share from the MCP layers' (the Python SDK
  client re-validates every row against the output schema).

    python -m bench.racks_bench
"""

from __future__ import annotations

from pathlib import Path

from bench.served import demo_host, served_client
from bench.timing import median_of, row, timed_call

PADS = 128


def _fill(live) -> None:
    """A MIDI track at the end of the Set with a 128-pad kit, built the way the browser builds one."""
    from fake_live.device.catalog import BY_NAME, drum_kit

    song = live.Application.get_application().get_document()
    kit = drum_kit("Full Kit", tuple((note, f"Hit {note:03d}", 300.0) for note in range(PADS)))
    track = song.create_midi_track(-1)
    track._add_device(BY_NAME["Drum Rack"], 0, None, kit)


async def _measure(port: int, config_dir: Path, track_id: str) -> dict:
    async with served_client(port, config_dir) as client:
        round_trip, _ = await timed_call(client, "live_find_track", {"query": "Bass"}, 20)
        devices, listed = await timed_call(
            client, "live_list_devices", {"track_id": track_id, "limit": 500}, 10
        )
        rack_id = listed["rows"][0]["id"]
        chains, chained = await timed_call(
            client, "live_list_chains", {"rack_id": rack_id, "limit": 200}, 10
        )
    return {
        "round_trip": round_trip,
        "devices": devices,
        "listed": listed,
        "chains": chains,
        "chained": chained,
    }


def _bridge_only(host, track_id: str) -> float:
    from fake_live.bridge_client import BridgeClient

    client = BridgeClient(host.port, host.read_token())
    params = {"track_id": track_id, "limit": 500, "max_depth": 3, "offset": 0}
    try:
        return median_of(10, lambda: client.request("device.list", params))
    finally:
        client.close()


def run() -> list[dict]:
    import anyio

    with demo_host() as (host, config_dir):
        host.call_on_main(_fill)
        index = host.call_on_main(
            lambda live: len(live.Application.get_application().get_document().tracks) - 1
        )
        measured = anyio.run(_measure, host.port, config_dir, f"track:{index}")
        measured["bridge_only"] = _bridge_only(host, f"track:{index}")
    listed, chained = measured["listed"], measured["chained"]
    base = measured["round_trip"] * 1000
    devices_ms, chains_ms = measured["devices"] * 1000, measured["chains"] * 1000
    return [
        row("racks: tool call round trip (live_find_track, baseline)", base, "ms"),
        row(
            f"device.list {PADS}-pad Drum Rack, {listed['count']} rows in one page",
            devices_ms,
            "ms",
            baseline=base,
            target="all rows, < 100 ms",
            ok=listed["count"] == 1 + 3 * PADS and not listed["truncated"] and devices_ms < 100,
        ),
        row(
            f"device.list {PADS}-pad Drum Rack over the bridge socket only",
            measured["bridge_only"] * 1000,
            "ms",
            baseline=base,
        ),
        row(
            f"rack.list_chains {chained['count']} chains with mixers",
            chains_ms,
            "ms",
            baseline=base,
            target="all chains, < 100 ms",
            ok=chained["count"] == PADS and chains_ms < 100,
        ),
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
