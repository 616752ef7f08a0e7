"""Logging to stderr (stdout belongs to the stdio transport), with tokens scrubbed.

Nothing logs a token on purpose; the filter is the second line of defence: any 64-hex-digit run
(the shape of both tokens; spec hashes, prefixed `sha256:`, excepted) is replaced.
"""

from __future__ import annotations

import logging
import re
import sys

_TOKEN_SHAPE = re.compile(r"(?<!sha256:)(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
REDACTED = "[redacted]"


def scrub(text: str) -> str:
    """`text` with every token-shaped run replaced: for log lines and the record of writes."""
    return _TOKEN_SHAPE.sub(REDACTED, text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def setup(level: str = "WARNING") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("live-mcp %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
