"""Live versions: parsing, ordering, and the range the fake can emulate.

The captured API record (live12_api.json) spans Live 11.0.0 to 12.3.6, so those are the bounds: a
version outside them would need members the record cannot tell us about.
"""

from __future__ import annotations

OLDEST = "11.0.0"
LATEST = "12.3.6"

# The versions the API record was captured from, oldest first.
CAPTURED_VERSIONS = (
    "11.0.0",
    "11.1.0",
    "11.2.0",
    "11.3.2",
    "11.3.10",
    "11.3.20",
    "11.3.25",
    "11.3.43",
    "12.0.0",
    "12.0.5",
    "12.1.0",
    "12.2.0",
    "12.3.0",
    "12.3.6",
)

Version = tuple[int, int, int]


def parse_version(text: str) -> Version:
    """'12.3' -> (12, 3, 0); raises ValueError on anything that is not 1-3 dot-separated ints."""
    parts = str(text).strip().split(".")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a Live version: {text!r}")
    nums = [int(p) for p in parts] + [0] * (3 - len(parts))
    return (nums[0], nums[1], nums[2])


def check_supported(text: str) -> Version:
    """Parse and refuse versions the API record does not describe."""
    version = parse_version(text)
    if not parse_version(OLDEST) <= version <= parse_version(LATEST):
        raise ValueError(f"fake_live emulates Live {OLDEST} to {LATEST}, not {text}")
    return version


def format_version(version: Version) -> str:
    return ".".join(str(n) for n in version)
