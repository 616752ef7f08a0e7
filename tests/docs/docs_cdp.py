"""Headless Chromium driven over the DevTools protocol, with the standard library only.

`Chromium.start()` launches `chromium --headless --remote-debugging-port=0`, reads the DevTools
WebSocket URL it prints on stderr, and attaches to its page target through a minimal RFC 6455 client
(masked text frames out; text, continuation, ping and close frames in). Enough for navigate, evaluate,
type, screenshot and watching network requests; not a general WebSocket library.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
)
DEVTOOLS_URL = re.compile(rb"DevTools listening on (ws://\S+)")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class WebSocket:
    """A client WebSocket over a plain TCP socket (ws:// only)."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        # No Origin header: Chromium accepts DevTools clients that send none.
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        self.buffer = b""
        self.partial = b""
        head = self._read_until(b"\r\n\r\n")
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"WebSocket upgrade refused: {head[:200]!r}")

    def _read_until(self, marker: bytes) -> bytes:
        while marker not in self.buffer:
            self._fill()
        head, self.buffer = self.buffer.split(marker, 1)
        return head

    def _fill(self) -> None:
        chunk = self.sock.recv(1 << 16)
        if not chunk:
            raise ConnectionError("DevTools connection closed")
        self.buffer += chunk

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send_text(self, text: str) -> None:
        self._send_frame(0x1, text.encode())

    def _parse_frame(self) -> tuple[bool, int, bytes] | None:
        """The next whole frame in the buffer, consumed; None (nothing consumed) if incomplete."""
        buf = self.buffer
        if len(buf) < 2:
            return None
        fin, opcode, n, start = bool(buf[0] & 0x80), buf[0] & 0x0F, buf[1] & 0x7F, 2
        if n == 126:
            if len(buf) < 4:
                return None
            (n,), start = struct.unpack("!H", buf[2:4]), 4
        elif n == 127:
            if len(buf) < 10:
                return None
            (n,), start = struct.unpack("!Q", buf[2:10]), 10
        if len(buf) < start + n:
            return None
        self.buffer = buf[start + n :]
        return fin, opcode, buf[start : start + n]  # a server never masks its frames

    def recv_text(self) -> str:
        """The next text message. A timeout loses nothing: partial data stays buffered."""
        while True:
            frame = self._parse_frame()
            if frame is None:
                self._fill()
                continue
            fin, opcode, payload = frame
            if opcode == 0x9:  # ping
                self._send_frame(0xA, payload)
            elif opcode == 0x8:
                raise ConnectionError("DevTools connection closed")
            elif opcode in (0x0, 0x1):
                self.partial += payload
                if fin:
                    message, self.partial = self.partial, b""
                    return message.decode()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._send_frame(0x8, b"")
        self.sock.close()


class Chromium:
    """One headless Chromium with one page; `call()` sends a DevTools command and waits for it."""

    def __init__(self, binary: str, timeout: float = 20.0) -> None:
        self.binary = binary
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._ids = 0

    def start(self) -> Chromium:
        self.profile = tempfile.mkdtemp(prefix="live-mcp-chromium-")
        # stderr goes to a file: a pipe nobody reads would fill up and stall Chromium.
        self.log = Path(self.profile) / "stderr.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [self.binary, *FLAGS, f"--user-data-dir={self.profile}/data", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        browser_url = self._devtools_url()
        port = urlsplit(browser_url).port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as reply:
            pages = [t for t in json.load(reply) if t["type"] == "page"]
        self.ws = WebSocket(pages[0]["webSocketDebuggerUrl"], self.timeout)
        return self

    def _devtools_url(self) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            found = DEVTOOLS_URL.search(self.log.read_bytes())
            if found:
                return found[1].decode()
            time.sleep(0.05)
        seen = self.log.read_bytes().decode(errors="replace")
        self.stop()
        raise RuntimeError(f"Chromium printed no DevTools URL:\n{seen[-2000:]}")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._ids += 1
        my_id = self._ids
        self.ws.send_text(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv_text())
            if message.get("id") == my_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for_event(self, method: str, seconds: float) -> dict[str, Any]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for event in self.events:
                if event["method"] == method:
                    self.events.remove(event)
                    return event
            self.ws.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                message = json.loads(self.ws.recv_text())
            except TimeoutError:
                break
            finally:
                self.ws.sock.settimeout(self.timeout)
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(f"no {method} within {seconds} s")

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def wait_until(self, expression: str, seconds: float) -> Any:
        """Poll a JavaScript expression until it is truthy; return its value."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"still falsy after {seconds} s: {expression}")

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired", self.timeout)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def requested_urls(self, keep: Callable[[str], bool] = lambda url: True) -> list[str]:
        self.events.extend(self._drain_nowait())
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent" and keep(e["params"]["request"]["url"])
        ]

    def _drain_nowait(self) -> list[dict[str, Any]]:
        drained = []
        self.ws.sock.settimeout(0.2)
        try:
            while True:
                message = json.loads(self.ws.recv_text())
                if "method" in message:
                    drained.append(message)
        except TimeoutError:
            pass
        finally:
            self.ws.sock.settimeout(self.timeout)
        return drained

    def stop(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)
