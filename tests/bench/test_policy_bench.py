"""The policy benchmark measures what it says: a 50-rule policy of every rule kind that allows the
call it times (its speed is what `make bench` prints, not asserted here)."""

from __future__ import annotations

from bench.policy_bench import fifty_rules
from generated import registry_gen as registry
from live_mcp.policy import parse_policy


def test_the_benchmark_policy_has_fifty_rules_of_each_kind_and_allows_the_call():
    spec = fifty_rules(registry)
    matches = [rule["match"] for rule in spec["rules"]]
    assert len(matches) == 50
    assert any("*" in m for m in matches) and any(m.startswith("toolset:") for m in matches)
    policy = parse_policy(spec, registry)
    decision = policy.decide("live_set_song_props")
    assert decision.action == "allow" and decision.rate_limit is not None
