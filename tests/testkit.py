"""Small helpers every test ring uses: a free loopback port and a WAV file to load.

Importable from any test module as `testkit` (tests/ holds the root conftest.py, so pytest puts
it on sys.path).
"""

from __future__ import annotations

import socket
import wave


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at the moment of the call."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def silent_wav(path, seconds: float = 2.0, rate: int = 8000, channels: int = 1) -> str:
    """Write a 16-bit WAV of silence; returns its path as a string."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\0\0" * channels * int(seconds * rate))
    return str(path)
