"""The MCP server's costs, end to end through real processes and pipes.

- cold start: spawn `live-mcp serve` (the default set), send `initialize`, time until its answer (median of 5),
  against a minimal one-tool server on the same mcp SDK measured in the same run;
- the first tool call (it connects the bridge and imports the tools' models), then the tool-call
  round trip p50/p99: MCP client -> stdio -> server -> bridge -> fake Live (10 ms timer);
- live_set_notes with 10,000 notes, then live_get_notes of them, each end to end.

    python -m bench.server_bench
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.timing import percentile, row

REPO = Path(__file__).resolve().parents[1]
RUNS = 5
ROUND_TRIPS = 200

INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-11-25",
        "capabilities": {},
        "clientInfo": {"name": "bench", "version": "0"},
    },
}

# The smallest honest comparison: the SDK's own low-level server with one tool, over stdio.
BASELINE_SERVER = textwrap.dedent(
    """
    import anyio
    import mcp_types as types
    from mcp.server import Server
    from mcp.server.stdio import stdio_server

    TOOL = types.Tool(name="ping", input_schema={"type": "object", "properties": {}})

    async def list_tools(ctx, params):
        return types.ListToolsResult(tools=[TOOL])

    async def call_tool(ctx, params):
        return types.CallToolResult(content=[types.TextContent(text="pong")])

    server = Server("baseline", on_list_tools=list_tools, on_call_tool=call_tool)

    async def main():
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)
    """
)


def _serve_command() -> list[str]:
    # What a client launches: the console script when installed, else the module, with no
    # toolset flags: the default set, what a user who names none is served.
    script = Path(sys.executable).with_name("live-mcp")
    serve = ["serve"]
    if script.exists():
        return [str(script), *serve]
    found = shutil.which("live-mcp")
    return [found, *serve] if found else [sys.executable, "-m", "live_mcp", *serve]


def time_to_initialize(command: list[str]) -> float:
    """Seconds from spawn to the `initialize` answer on stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(INITIALIZE) + "\n")
        process.stdin.flush()
        answer = process.stdout.readline()
        elapsed = time.perf_counter() - start
        if '"result"' not in answer:
            raise RuntimeError(f"{command[0]} answered initialize with {answer!r}")
        return elapsed
    finally:
        process.kill()
        process.wait()


def cold_start_rows() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        baseline_script = Path(tmp) / "baseline_server.py"
        baseline_script.write_text(BASELINE_SERVER)
        ours_cmd, base_cmd = _serve_command(), [sys.executable, str(baseline_script)]
        # Warm the disk cache for both, then alternate so drift hits both equally.
        time_to_initialize(ours_cmd)
        time_to_initialize(base_cmd)
        ours, base = [], []
        for _ in range(RUNS):
            ours.append(time_to_initialize(ours_cmd))
            base.append(time_to_initialize(base_cmd))
    value, baseline = statistics.median(ours), statistics.median(base)
    return [
        row(
            "serve (default set): cold start to initialize answer (median of 5)",
            value,
            "s",
            baseline=baseline,
            target="≤ 1.1× bare one-tool SDK server",
            ok=value / baseline <= 1.1,
        )
    ]


async def _session_rows() -> list[dict]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "live_mcp", "serve", "--demo"], cwd=str(REPO)
    )
    rows: list[dict] = []
    async with Client(params, mode="legacy") as client:
        # The first call connects the bridge and imports the tools' models (kept out of the cold
        # start: see generated/registry_gen.py); it is reported on its own.
        start = time.perf_counter()
        await client.call_tool("live_get_song_overview", {})
        first_call = time.perf_counter() - start
        rows.append(
            row(
                "first tool call after start (bridge connect, models import)",
                first_call * 1000,
                "ms",
            )
        )
        samples = []
        for _ in range(ROUND_TRIPS):
            start = time.perf_counter()
            result = await client.call_tool("live_get_song_overview", {})
            samples.append(time.perf_counter() - start)
            if result.is_error:
                raise RuntimeError(result.content[0].text)
        for pct in (50, 99):
            rows.append(
                row(
                    f"tool call round trip p{pct} (stdio > server > bridge > fake Live)",
                    percentile(samples, pct) * 1000,
                    "ms",
                )
            )

        sdk_get = await _notes_round_trip(client)
    rows.extend(raw_notes_rows())
    rows.append(
        row(
            "live_get_notes, 10,000 notes, SDK client (incl. its output-schema check)",
            sdk_get,
            "s",
        )
    )
    return rows


NOTES = [
    {"pitch": 36 + i % 48, "start_time": i * 0.25, "duration": 0.25, "velocity": 100}
    for i in range(10_000)
]


async def _notes_round_trip(client) -> float:
    """Time live_get_notes of 10,000 notes through the SDK client, which also validates the
    structuredContent against the output schema with jsonschema (pure Python, the larger cost)."""
    created = await client.call_tool("live_create_track", {"kind": "midi"})
    track_id = created.structured_content["track_id"]
    clip = await client.call_tool(
        "live_create_midi_clip", {"track_id": track_id, "slot_index": 0, "length": 2560}
    )
    clip_id = clip.structured_content["clip_id"]
    await client.call_tool("live_set_notes", {"clip_id": clip_id, "notes": NOTES})
    start = time.perf_counter()
    read = await client.call_tool("live_get_notes", {"clip_id": clip_id, "max_notes": 20_000})
    elapsed = time.perf_counter() - start
    if read.is_error or read.structured_content["count"] != 10_000:
        raise RuntimeError(f"live_get_notes failed: {read.content[0].text}")
    return elapsed


class RawClient:
    """JSON-RPC lines over the server's stdio: the wire cost without a client library's own work."""

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(
            command, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.ids = iter(range(1, 1_000_000))
        self.request("initialize", INITIALIZE["params"])
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def send(self, message: dict) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message, separators=(",", ":")) + "\n")
        self.process.stdin.flush()

    def request(self, method: str, params: dict) -> dict:
        request_id = next(self.ids)
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        assert self.process.stdout is not None
        while True:
            message = json.loads(self.process.stdout.readline())
            if message.get("id") == request_id:
                return message["result"]

    def tool(self, name: str, arguments: dict) -> dict:
        result = self.request("tools/call", {"name": name, "arguments": arguments})
        if result.get("isError"):
            raise RuntimeError(result["content"][0]["text"])
        return result["structuredContent"]

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def raw_notes_rows() -> list[dict]:
    client = RawClient([sys.executable, "-m", "live_mcp", "serve", "--demo"])
    try:
        track_id = client.tool("live_create_track", {"kind": "midi"})["track_id"]
        clip_id = client.tool(
            "live_create_midi_clip", {"track_id": track_id, "slot_index": 0, "length": 2560}
        )["clip_id"]
        start = time.perf_counter()
        written = client.tool("live_set_notes", {"clip_id": clip_id, "notes": NOTES})
        set_time = time.perf_counter() - start
        start = time.perf_counter()
        read = client.tool("live_get_notes", {"clip_id": clip_id, "max_notes": 20_000})
        get_time = time.perf_counter() - start
    finally:
        client.close()
    if written["after_count"] != 10_000 or read["count"] != 10_000:
        raise RuntimeError("the 10,000 notes did not round-trip")
    return [
        row(
            "live_set_notes, 10,000 notes, end to end",
            set_time,
            "s",
            target="< 0.5 s",
            ok=set_time < 0.5,
        ),
        row(
            "live_get_notes, 10,000 notes, end to end",
            get_time,
            "s",
            target="< 0.5 s",
            ok=get_time < 0.5,
        ),
    ]


def run() -> list[dict]:
    import anyio

    return cold_start_rows() + anyio.run(_session_rows)


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
