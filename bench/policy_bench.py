"""What a policy costs a call it allows: the same tool call through a real in-process MCP client,
against the server with a 50-rule policy and against the server with no policy, in the same run.

The bridge is a stub answering at once, so the difference is the server's own work (the policy's
decision, the rate-limit check and count), not Live's. Calls alternate in blocks so drift hits
both equally; medians of many calls.

    python -m bench.policy_bench
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping
from typing import Any

from bench.timing import row

CALLS = 1500
BLOCK = 100
TARGET_MS = 0.2


class _Bridge:
    async def call(self, method: str, params: Mapping[str, Any], *, write: bool) -> Any:
        return {"before": {"tempo": 120.0}, "after": {"tempo": float(params["tempo"])}}


def fifty_rules(registry: Any) -> dict[str, Any]:
    """20 exact names, 20 globs, 10 toolset rules: every tool allowed, most rate-limited."""
    names = sorted(spec["name"] for spec in registry.TOOLS)
    rules: list[dict[str, Any]] = []
    for name in names[:20]:
        rules.append(
            {"match": name, "action": "allow", "rate_limit": {"max": 10**9, "window_s": 60}}
        )
    for name in names[20:40]:
        rules.append({"match": name[:-2] + "*", "action": "allow"})
    for toolset in sorted(registry.TOOLSETS)[:10]:
        rules.append(
            {"match": f"toolset:{toolset}", "rate_limit": {"max": 10**9, "window_s": 3600}}
        )
    return {"default": "allow", "rules": rules[:50]}


async def _measure() -> tuple[float, float, int]:
    from mcp import Client

    from generated import registry_gen
    from live_mcp.policy import parse_policy
    from live_mcp.server import build_server

    spec = fifty_rules(registry_gen)
    policy = parse_policy(spec, registry_gen)
    assert policy.decide("live_set_song_props").action == "allow"
    timings: dict[str, list[float]] = {"policy": [], "none": []}
    async with (
        Client(build_server(_Bridge(), policy=policy), mode="legacy") as with_policy,
        Client(build_server(_Bridge()), mode="legacy") as without,
    ):
        clients = {"policy": with_policy, "none": without}
        for client in clients.values():  # warm both: imports, first validation
            for _ in range(20):
                await client.call_tool("live_set_song_props", {"tempo": 121})
        for block in range(CALLS // BLOCK):
            order = ["policy", "none"] if block % 2 == 0 else ["none", "policy"]
            for which in order:
                client = clients[which]
                for i in range(BLOCK):
                    start = time.perf_counter()
                    result = await client.call_tool("live_set_song_props", {"tempo": 100 + i % 50})
                    timings[which].append(time.perf_counter() - start)
                    if result.is_error:
                        raise RuntimeError(result.content[0].text)
    return (
        statistics.median(timings["policy"]),
        statistics.median(timings["none"]),
        len(spec["rules"]),
    )


def run() -> list[dict]:
    import anyio

    with_policy, without, count = anyio.run(_measure)
    extra_ms = (with_policy - without) * 1000
    return [
        row(
            f"live_set_song_props call with a {count}-rule policy (in-process client, stub bridge)",
            with_policy * 1000,
            "ms",
            baseline=without * 1000,
            target=f"≤ no policy + {TARGET_MS} ms (here {extra_ms:+.3f} ms)",
            ok=extra_ms <= TARGET_MS,
        )
    ]


if __name__ == "__main__":
    from bench.__main__ import print_table

    print_table(run())
