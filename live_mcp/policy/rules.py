"""The user's policy: allow, deny, require approval and rate-limit tools, read once at start-up.

    live-mcp serve --policy FILE        (LIVE_MCP_POLICY; the .mcpb user configuration sets it too)

    default: allow                      # allow | deny | approve (default: allow)
    rules:
      - match: live_set_song_props           # a tool, a glob (live_delete_*) or toolset:NAME
        action: deny                    # allow | deny (needs `reason`) | approve (`message`)
        reason: The tempo is fixed for this session.
      - match: toolset:notes
        rate_limit: {max: 30, window_s: 60}

`match` may also be `kind:write` (every tool that changes the Set or the transport),
`kind:destructive` (those that delete or overwrite) or `kind:read`.

Precedence, for the action and the rate limit separately: an exact tool name beats a glob, a glob
beats a toolset rule, a toolset rule beats a kind rule, and that beats `default`. Among globs (or
kinds) that match the same tool, the one listed first wins. A rate limit's budget is shared by every tool its rule matches, per client
session. Every tool's decision is computed here once, so a call costs one dict lookup.

Mistakes stop the server with every problem listed as `file:line: message` (no traceback).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_POLICY = "LIVE_MCP_POLICY"
ACTIONS = ("allow", "deny", "approve")
TOOLSET_PREFIX = "toolset:"
KIND_PREFIX = "kind:"
KINDS = ("read", "write", "destructive")
_RULE_KEYS = {"match", "action", "reason", "message", "rate_limit"}
_LIMIT_KEYS = {"max", "window_s"}
_GLOB_CHARS = set("*?[")


class PolicyError(ValueError):
    """Problems found in a policy file, each `file:line: message`, reported together."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class RateLimit:
    max: int
    window_s: float
    rule: str  # where it was declared ("policy.yaml:12 toolset:notes"): the counter's key


@dataclass(frozen=True)
class Decision:
    """What the policy says about one tool."""

    action: str  # allow | deny | approve
    text: str  # deny: the reason; approve: the message to show; allow: ""
    rule: str  # the rule that decided the action ("policy.yaml:4 live_set_song_props" or "default")
    rate_limit: RateLimit | None = None


ALLOW = Decision("allow", "", "default")


@dataclass(frozen=True)
class _Rule:
    match: str
    line: int
    where: str
    action: str | None
    text: str
    rate_limit: RateLimit | None

    @property
    def rank(self) -> int:
        """0 an exact name, 1 a glob, 2 a toolset, 3 a kind (lower is more specific)."""
        if self.match.startswith(KIND_PREFIX):
            return 3
        if self.match.startswith(TOOLSET_PREFIX):
            return 2
        return 1 if _GLOB_CHARS & set(self.match) else 0

    def matches(self, name: str, spec: Mapping[str, Any]) -> bool:
        if self.match.startswith(KIND_PREFIX):
            return self.match[len(KIND_PREFIX) :] in kinds_of(spec)
        if self.match.startswith(TOOLSET_PREFIX):
            return self.match[len(TOOLSET_PREFIX) :] == spec["toolset"]
        if self.rank == 1:
            return fnmatch.fnmatchcase(name, self.match)
        return self.match == name


def kinds_of(spec: Mapping[str, Any]) -> tuple[str, ...]:
    hints = spec.get("annotations", {})
    if hints.get("readOnlyHint"):
        return ("read",)
    return ("write", "destructive") if hints.get("destructiveHint") else ("write",)


@dataclass(frozen=True)
class Policy:
    """Every tool's decision, by name. A tool the policy never mentions is allowed."""

    decisions: Mapping[str, Decision]
    source: str = ""

    def decide(self, name: str) -> Decision:
        return self.decisions.get(name, ALLOW)

    def denied(self) -> dict[str, Decision]:
        return {n: d for n, d in self.decisions.items() if d.action == "deny"}

    def approved(self) -> frozenset[str]:
        return frozenset(n for n, d in self.decisions.items() if d.action == "approve")


# No policy file: every tool is allowed (Policy.decide's default for a tool it never mentions).
NO_POLICY = Policy({})


# -- loading ------------------------------------------------------------------------------------


def _lines(node: Any, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    """Each key path's line (1-based), and duplicate keys as problems under the `None` key."""
    import yaml

    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                out[(None, *path, key.value)] = line
            seen[key.value] = line
            out[(*path, key.value)] = line
            _lines(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), out)


def load_policy(path: str | os.PathLike[str], registry: Any) -> Policy:
    """Read and check a policy file against the registry's tools and toolsets."""
    import yaml

    label = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(
            [f"{label}: cannot read the policy file ({exc.strerror or exc})"]
        ) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError([f"{label}:{line}: not valid YAML: {problem}"]) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _lines(node, (), lines)
    return parse_policy(data, registry, label, lines)


def parse_policy(
    data: Any,
    registry: Any,
    label: str = "<policy>",
    lines: Mapping[tuple[Any, ...], int] | None = None,
) -> Policy:
    """Check parsed policy data; `lines` maps key paths to lines of the file `label`."""
    lines = lines or {}
    problems: list[str] = []

    def at(path: tuple[Any, ...]) -> str:
        for end in range(len(path), -1, -1):
            if path[:end] in lines:
                return f"{label}:{lines[path[:end]]}"
        return f"{label}:1"

    def problem(path: tuple[Any, ...], message: str) -> None:
        problems.append(f"{at(path)}: {message}")

    for key in sorted((k for k in lines if k and k[0] is None), key=lambda k: lines[k]):
        problems.append(f"{label}:{lines[key]}: '{key[-1]}' is given twice")
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise PolicyError([f"{label}:1: a policy is a mapping with `default` and `rules`"])
    for key in data:
        if key not in ("default", "rules"):
            problem((key,), f"unknown key '{key}' (a policy has `default` and `rules`)")
    default = data.get("default", "allow")
    if default not in ACTIONS:
        problem(("default",), f"default must be one of {', '.join(ACTIONS)}, not {default!r}")
        default = "allow"
    raw_rules = data.get("rules") or []
    if not isinstance(raw_rules, list):
        problem(("rules",), "rules must be a list")
        raw_rules = []
    specs = {spec["name"]: spec for spec in registry.TOOLS}
    toolsets = set(registry.TOOLSETS)
    rules: list[_Rule] = []
    exact: dict[str, int] = {}
    for index, raw in enumerate(raw_rules):
        rule = _parse_rule(raw, ("rules", index), problem, at, specs, toolsets)
        if rule is None:
            continue
        if rule.match in exact:
            problem(
                ("rules", index, "match"),
                f"{rule.match} already has a rule (line {exact[rule.match]})",
            )
            continue
        exact.setdefault(rule.match, rule.line)
        rules.append(rule)
    if problems:
        raise PolicyError(problems)
    return Policy(_decide_all(specs, rules, default), label)


def _parse_rule(
    raw: Any,
    path: tuple[Any, ...],
    problem: Any,
    at: Any,
    specs: Mapping[str, Any],
    toolsets: set[str],
) -> _Rule | None:
    if not isinstance(raw, Mapping):
        problem(path, "a rule is a mapping with `match` and an `action` or a `rate_limit`")
        return None
    ok = True
    for key in raw:
        if key not in _RULE_KEYS:
            problem(
                (*path, key), f"unknown key '{key}' (a rule takes {', '.join(sorted(_RULE_KEYS))})"
            )
            ok = False
    match = raw.get("match")
    if not isinstance(match, str) or not match.strip():
        problem(
            (*path, "match"), "`match` is required: a tool name, a glob, toolset:NAME or kind:KIND"
        )
        return None
    if match.startswith(KIND_PREFIX):
        if match[len(KIND_PREFIX) :] not in KINDS:
            problem((*path, "match"), f"unknown kind in '{match}'; kinds: {', '.join(KINDS)}")
            ok = False
    elif match.startswith(TOOLSET_PREFIX):
        name = match[len(TOOLSET_PREFIX) :]
        if name not in toolsets:
            problem(
                (*path, "match"),
                f"unknown toolset '{name}'; toolsets: {', '.join(sorted(toolsets))}",
            )
            ok = False
    elif _GLOB_CHARS & set(match):
        if not any(fnmatch.fnmatchcase(n, match) for n in specs):
            problem((*path, "match"), f"the glob '{match}' matches no tool")
            ok = False
    elif match not in specs:
        close = [n for n in specs if n.startswith(match[:8])][:5]
        also = f" (did you mean {', '.join(close)}?)" if close else ""
        problem((*path, "match"), f"unknown tool '{match}'{also}")
        ok = False
    action = raw.get("action")
    limit_raw = raw.get("rate_limit")
    if action is None and limit_raw is None:
        problem(path, f"the rule for {match} needs an `action` or a `rate_limit`")
        ok = False
    if action is not None and action not in ACTIONS:
        problem((*path, "action"), f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
        ok = False
    text = ""
    if action == "deny":
        reason = raw.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            problem(path, f"a deny rule needs a `reason` (shown when {match} is refused)")
            ok = False
        text = str(reason or "").strip()
    elif action == "approve":
        message = raw.get("message", "")
        if not isinstance(message, str):
            problem((*path, "message"), "message must be text")
            ok = False
        text = str(message or "").strip()
    for key in ("reason", "message"):
        if key in raw and action != {"reason": "deny", "message": "approve"}[key]:
            wanted = {"reason": "deny", "message": "approve"}[key]
            problem((*path, key), f"`{key}` belongs to an action: {wanted} rule")
            ok = False
    # How a refusal names the rule to the model: the file's name and line, not the whole path.
    file_and_line = at(path)
    where = f"{Path(file_and_line).name} {match}"
    limit = (
        _parse_limit(limit_raw, (*path, "rate_limit"), problem, where)
        if limit_raw is not None
        else None
    )
    if limit_raw is not None and limit is None:
        ok = False
    if not ok:
        return None
    line = int(file_and_line.rsplit(":", 1)[1])
    return _Rule(match, line, where, action, text, limit)


def _parse_limit(raw: Any, path: tuple[Any, ...], problem: Any, where: str) -> RateLimit | None:
    if not isinstance(raw, Mapping):
        problem(path, "rate_limit is a mapping: {max: CALLS, window_s: SECONDS}")
        return None
    unknown = [k for k in raw if k not in _LIMIT_KEYS]
    for key in unknown:
        problem((*path, key), f"unknown key '{key}' in rate_limit (it takes max and window_s)")
    most, window = raw.get("max"), raw.get("window_s")
    good = not unknown
    if isinstance(most, bool) or not isinstance(most, int) or most < 1:
        problem((*path, "max"), f"max must be a whole number of calls, at least 1 (got {most!r})")
        good = False
    if isinstance(window, bool) or not isinstance(window, int | float) or not 0 < window <= 86400:
        problem(
            (*path, "window_s"),
            f"window_s must be seconds, above 0 and at most 86400 (got {window!r})",
        )
        good = False
    return RateLimit(int(most), float(window), where) if good else None


def _decide_all(
    specs: Mapping[str, Any], rules: Iterable[_Rule], default: str
) -> dict[str, Decision]:
    ordered = sorted(rules, key=lambda r: r.rank)  # stable: file order within a rank
    out: dict[str, Decision] = {}
    for name, spec in specs.items():
        found = [r for r in ordered if r.matches(name, spec)]
        acting = next((r for r in found if r.action is not None), None)
        limited = next((r for r in found if r.rate_limit is not None), None)
        limit = limited.rate_limit if limited else None
        if acting is None:
            out[name] = Decision(default, "", "default", limit)
        else:
            out[name] = Decision(acting.action or default, acting.text, acting.where, limit)
    return out


def policy_path(flag: str | None, env: Mapping[str, str] | None = None) -> str | None:
    """The policy file from --policy, else LIVE_MCP_POLICY (empty = none)."""
    env = os.environ if env is None else env
    value = flag if flag is not None else env.get(ENV_POLICY, "")
    return value.strip() or None
