"""The policy layer: what may reach Live, and the record of what did.

rules.py reads the user's policy file (allow, deny, approve, rate limits); call_limits.py counts
calls against those limits and spots retry loops; approval.py says what an approval shows and holds
confirmation tokens; write_log.py records every write; guard.py puts them in front of each tool's
handler. May import live_mcp.errors, logs, progress and tool_wrapper (the error result), never the
server, a transport or the bridge. This face hands on the policy file's public names.
"""

from live_mcp.policy.rules import (
    ENV_POLICY,
    NO_POLICY,
    Decision,
    Policy,
    PolicyError,
    RateLimit,
    load_policy,
    parse_policy,
    policy_path,
)

__all__ = [
    "ENV_POLICY",
    "NO_POLICY",
    "Decision",
    "Policy",
    "PolicyError",
    "RateLimit",
    "load_policy",
    "parse_policy",
    "policy_path",
]
