"""Policy files: every rule kind, precedence, globs and toolsets, and bad files reported by line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generated import registry_gen as registry
from live_mcp.policy import ENV_POLICY, PolicyError, load_policy, parse_policy, policy_path
from tests.server.helpers import REPO

SPECS = {spec["name"]: spec for spec in registry.TOOLS}
NOTES = [n for n, s in SPECS.items() if s["toolset"] == "notes"]
DELETES = [n for n in SPECS if n.startswith("live_delete_")]


def write(tmp_path, text: str):
    path = tmp_path / "policy.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_example_of_the_docs(tmp_path):
    policy = load_policy(
        write(
            tmp_path,
            """\
            default: allow
            rules:
              - match: live_set_song_props            # a tool, a glob, or toolset:NAME
                action: deny
                reason: The tempo is fixed for this session.
              - match: live_delete_*
                action: approve
                message: Delete this from the Set?
              - match: toolset:notes
                rate_limit: {max: 30, window_s: 60}
            """,
        ),
        registry,
    )
    tempo = policy.decide("live_set_song_props")
    assert (tempo.action, tempo.text) == ("deny", "The tempo is fixed for this session.")
    assert tempo.rule.endswith("policy.yaml:3 live_set_song_props")
    for name in DELETES:
        decision = policy.decide(name)
        assert (decision.action, decision.text) == ("approve", "Delete this from the Set?")
        assert decision.rule.endswith(":6 live_delete_*")
    for name in NOTES:
        decision = policy.decide(name)
        assert decision.action == "allow" and decision.rule == "default"
        assert decision.rate_limit is not None
        assert (decision.rate_limit.max, decision.rate_limit.window_s) == (30, 60.0)
    assert policy.decide("live_get_song_overview").action == "allow"
    assert policy.decide("live_get_song_overview").rate_limit is None
    assert set(policy.denied()) == {"live_set_song_props"}
    assert policy.approved() == frozenset(DELETES)


def test_default_deny_and_approve():
    policy = parse_policy(
        {"default": "deny", "rules": [{"match": "live_get_*", "action": "allow"}]}, registry
    )
    assert policy.decide("live_get_notes").action == "allow"
    assert policy.decide("live_set_song_props").action == "deny"
    approve = parse_policy({"default": "approve"}, registry)
    assert approve.approved() == frozenset(SPECS)
    assert parse_policy(None, registry).denied() == {}


def test_exact_beats_glob_beats_toolset_beats_default():
    rules = [
        {"match": "toolset:core", "action": "deny", "reason": "core off"},
        {"match": "live_*_track", "action": "approve", "message": "sure?"},
        {"match": "live_create_track", "action": "allow"},
    ]
    policy = parse_policy({"default": "deny", "rules": rules}, registry)
    assert policy.decide("live_create_track").action == "allow"  # exact
    assert policy.decide("live_find_track").action == "approve"  # glob over toolset
    assert policy.decide("live_set_song_props").action == "deny"  # toolset
    assert policy.decide("live_get_song_overview").text == "core off"
    assert policy.decide("live_fire_clip").rule == "default"


def test_the_first_of_two_matching_globs_wins_and_limits_resolve_separately():
    rules = [
        {"match": "live_delete_*", "action": "approve"},
        {"match": "live_*_track", "action": "deny", "reason": "no"},
        {"match": "toolset:core", "rate_limit": {"max": 5, "window_s": 10}},
    ]
    policy = parse_policy({"rules": rules}, registry)
    decision = policy.decide("live_delete_track")
    assert decision.action == "approve"  # listed first
    # The action came from a glob, the rate limit from the toolset: each from its most specific.
    assert decision.rate_limit is not None and decision.rate_limit.max == 5
    assert policy.decide("live_duplicate_track").action == "deny"


@given(st.sampled_from(sorted(SPECS)), st.sampled_from(["allow", "deny", "approve"]))
def test_an_exact_rule_always_decides_its_tool(name, action):
    extra = {"reason": "r"} if action == "deny" else {}
    rules = [
        {"match": "live_*", "action": "deny", "reason": "glob"},
        {"match": f"toolset:{SPECS[name]['toolset']}", "action": "approve"},
        {"match": name, "action": action, **extra},
    ]
    assert parse_policy({"default": "deny", "rules": rules}, registry).decide(name).action == action


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "rules:\n  - match: live_set_tmepo\n    action: allow\n",
            2,
            "unknown tool 'live_set_tmepo'",
        ),
        ("rules:\n  - match: toolset:nope\n    action: allow\n", 2, "unknown toolset 'nope'"),
        ("rules:\n  - match: live_zz_*\n    action: allow\n", 2, "matches no tool"),
        ("rules:\n  - match: live_set_song_props\n    action: deny\n", 2, "needs a `reason`"),
        ("rules:\n  - match: live_set_song_props\n    action: maybe\n", 3, "action must be one of"),
        ("rules:\n  - match: live_set_song_props\n", 2, "needs an `action` or a `rate_limit`"),
        ("default: sometimes\n", 1, "default must be one of"),
        ("rules:\n  - match: live_set_song_props\n    acton: allow\n", 3, "unknown key 'acton'"),
        (
            "rules:\n  - match: live_set_song_props\n    rate_limit: {max: 0, window_s: 60}\n",
            3,
            "max must be a whole number",
        ),
        (
            "rules:\n  - match: live_set_song_props\n    rate_limit:\n      max: 3\n      window_s: -1\n",
            5,
            "window_s must be seconds",
        ),
        (
            "rules:\n  - {match: live_set_song_props, action: allow}\n  - {match: live_set_song_props, action: allow}\n",
            3,
            "already has a rule (line 2)",
        ),
        ("default: allow\ndefault: deny\n", 2, "'default' is given twice"),
        ("rules: [\n", 2, "not valid YAML"),
        (
            "rules:\n  - match: live_set_song_props\n    action: allow\n    reason: x\n",
            4,
            "belongs to an action: deny",
        ),
        ("- just a list\n", 1, "a policy is a mapping"),
        ("polcy: {}\n", 1, "unknown key 'polcy'"),
    ],
)
def test_a_bad_file_names_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(path, registry)
    assert any(p.startswith(f"{path}:{line}: ") and words in p for p in caught.value.problems), (
        caught.value.problems
    )


def test_every_problem_is_reported_at_once(tmp_path):
    path = write(
        tmp_path,
        "default: nope\nrules:\n  - match: live_nope\n    action: allow\n  - match: toolset:x\n    action: deny\n",
    )
    with pytest.raises(PolicyError) as caught:
        load_policy(path, registry)
    assert len(caught.value.problems) >= 4  # default, unknown tool, unknown toolset, no reason


def test_a_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        load_policy(tmp_path / "none.yaml", registry)


def test_flag_wins_over_environment():
    assert policy_path("a.yaml", {ENV_POLICY: "b.yaml"}) == "a.yaml"
    assert policy_path(None, {ENV_POLICY: "b.yaml"}) == "b.yaml"
    assert policy_path(None, {ENV_POLICY: " "}) is None
    assert policy_path(None, {}) is None


def test_serve_refuses_a_bad_policy_with_file_and_line_and_no_traceback(tmp_path):
    path = write(tmp_path, "rules:\n  - match: live_set_tmepo\n    action: allow\n")
    done = subprocess.run(
        [sys.executable, "-m", "live_mcp", "serve", "--demo", "--policy", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert f"{path}:2: " in done.stderr and "unknown tool 'live_set_tmepo'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_shipped_example_policy_loads():
    policy = load_policy(REPO / "docs" / "examples" / "cautious-policy.yaml", registry)
    destructive = [n for n, s in SPECS.items() if s["annotations"].get("destructiveHint")]
    assert destructive and all(policy.decide(n).action == "approve" for n in destructive)
    writes = [n for n, s in SPECS.items() if not s["annotations"].get("readOnlyHint")]
    assert all(policy.decide(n).rate_limit is not None for n in writes)
    assert policy.denied() == {}
