"""Rate limits per client session, and the retry-loop detector.

A rate limit (live_mcp.policy.rules.RateLimit) counts the calls its rule matched during the last
`window_s` seconds; a call over `max` is refused with the seconds until the oldest counted call
leaves the window. The clock is injectable so tests need not sleep.

A model that repeats the very same failing call is stuck: after REPEATS identical failures in a
row the answer says so and asks it to stop and re-read; the count goes to the server log.
"""

from __future__ import annotations

import collections
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from live_mcp.policy.rules import RateLimit

REPEATS = 3


class RateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._calls: dict[tuple[str, str], collections.deque[float]] = {}

    def wait_for(self, session: str, limits: Iterable[RateLimit]) -> tuple[float, RateLimit] | None:
        """(seconds to wait, the limit) when a call now would exceed one of `limits`, else None."""
        now = self.clock()
        worst: tuple[float, RateLimit] | None = None
        for limit in limits:
            calls = self._calls.get((session, limit.rule))
            if calls is None:
                continue
            while calls and calls[0] <= now - limit.window_s:
                calls.popleft()
            if len(calls) >= limit.max:
                wait = calls[len(calls) - limit.max] + limit.window_s - now
                if worst is None or wait > worst[0]:
                    worst = (max(wait, 0.0), limit)
        return worst

    def count(self, session: str, limits: Iterable[RateLimit]) -> None:
        now = self.clock()
        for limit in limits:
            self._calls.setdefault((session, limit.rule), collections.deque()).append(now)


def call_key(tool: str, arguments: Mapping[str, Any] | None) -> str:
    """The same tool with the same arguments (key order aside) gives the same key."""
    text = json.dumps([tool, arguments or {}], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class RepeatWatch:
    """Counts, per session, how many times in a row the same call has failed."""

    def __init__(self, repeats: int = REPEATS) -> None:
        self.repeats = repeats
        self._last: dict[str, tuple[str, int]] = {}

    def failed(self, session: str, key: str) -> int:
        last, count = self._last.get(session, ("", 0))
        count = count + 1 if last == key else 1
        self._last[session] = (key, count)
        return count

    def succeeded(self, session: str) -> None:
        self._last.pop(session, None)

    def stuck(self, count: int) -> bool:
        return count >= self.repeats


def stuck_hint(count: int) -> str:
    return (
        f"This exact call has now failed {count} times in a row. Stop repeating it: read the "
        "current state again (live_get_song_overview, or the object's own read tool), change "
        "the arguments to what the error asks for, or ask the user."
    )
