"""A record of every write: one JSON line per write tool call, in the config folder.

    writes.jsonl      the newest records (time, tool, arguments, summary, result, client, error)
    writes.jsonl.1    the file before it, and so on up to KEEP files: rotated by size

What the model changed stays readable after the session (`live-mcp log`). No token ever lands
here: a confirmation token is taken out of the arguments before they are recorded, and every line
is scrubbed of anything shaped like the bridge or HTTP token as a second line of defence.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from live_mcp.logs import scrub

FILE_NAME = "writes.jsonl"
MAX_BYTES = 1024 * 1024
KEEP = 3
# A recorded result larger than this is replaced by a note: the log is for reading, not replay.
MAX_RESULT_CHARS = 4000


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


class WriteLog:
    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        max_bytes: int = MAX_BYTES,
        keep: int = KEEP,
        clock: Any = time.time,
    ) -> None:
        self.path = Path(folder) / FILE_NAME
        self.max_bytes = max_bytes
        self.keep = keep
        self.clock = clock

    def record(
        self,
        tool: str,
        arguments: Mapping[str, Any] | None,
        *,
        client: str | None,
        summary: str = "",
        result: Mapping[str, Any] | None = None,
        error: str | None = None,
    ) -> None:
        """Append one record; a failure to write is the caller's to log, never the call's."""
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.clock())),
            "tool": tool,
            "client": client or "",
            "arguments": {k: v for k, v in (arguments or {}).items() if k != "confirm"},
        }
        if error is not None:
            entry["error"] = error
        else:
            entry["summary"] = summary
            body = _compact(result or {})
            entry["result"] = (
                dict(result or {})
                if len(body) <= MAX_RESULT_CHARS
                else {"omitted": f"{len(body)} characters"}
            )
        data = (scrub(_compact(entry)) + "\n").encode("utf-8")
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._rotate(len(data))
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)

    def _rotate(self, adding: int) -> None:
        try:
            size = self.path.stat().st_size
        except OSError:
            return
        if size + adding <= self.max_bytes:
            return
        for index in range(self.keep - 1, 0, -1):
            older = self.path.with_name(f"{FILE_NAME}.{index}")
            if older.exists():
                os.replace(older, self.path.with_name(f"{FILE_NAME}.{index + 1}"))
        os.replace(self.path, self.path.with_name(f"{FILE_NAME}.1"))
        surplus = self.path.with_name(f"{FILE_NAME}.{self.keep + 1}")
        if surplus.exists():
            surplus.unlink()

    def recent(self, count: int) -> list[dict[str, Any]]:
        """The last `count` records, oldest first, across rotated files."""
        out: list[dict[str, Any]] = []
        files = [self.path] + [
            self.path.with_name(f"{FILE_NAME}.{i}") for i in range(1, self.keep + 1)
        ]
        for path in files:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                continue
            for line in reversed(lines):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue  # a line cut by a crash
                if len(out) >= count:
                    return out[::-1]
        return out[::-1]


def render(entries: list[dict[str, Any]]) -> str:
    """The text of `live-mcp log`: one line per write, the arguments below it."""
    if not entries:
        return "No writes recorded yet."
    lines = []
    for entry in entries:
        stamp = str(entry.get("time", "")).replace("T", " ").rstrip("Z")
        what = f"FAILED {entry['error']}" if "error" in entry else entry.get("summary") or "done"
        client = f"  [{entry['client']}]" if entry.get("client") else ""
        lines.append(f"{stamp}  {entry.get('tool', '?')}: {what}{client}")
        args = _compact(entry.get("arguments", {}))
        lines.append("    " + (args if len(args) <= 200 else args[:197] + "..."))
    return "\n".join(lines)
