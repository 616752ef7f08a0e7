"""Run the unchanged live_script Remote Script on a fake Live, in a plain Python process.

    python -m fake_live.host [--port 0] [--tick-ms 100] [--timer-ms 10] [--live-version 12.3.6]
                             [--empty] [--config-dir DIR]

prints exactly one line ``READY port=<port>`` on stdout once the bridge serves, and stops cleanly on
SIGTERM/SIGINT. In-process (tests, the MCP server's ``--demo``)::

    with FakeHost(version="12.3.6", demo=True, port=0, tick=0.1, timer=0.01, config_dir=d) as host:
        host.port, host.token_path
        host.call_on_main(lambda live: live.Application.get_application().get_document().tempo)

One thread plays Live's main thread: it creates the control surface, then every ``tick`` seconds
runs Live's per-tick work (``live._tick()``, which lands browser loads) and the surface's
``update_display()``, fires the fake's Timers every ``timer`` seconds, and runs ``call_on_main``
functions between ticks. The LOM is touched on that thread only.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import fake_live
import live_script
from live_script.runtime import Settings

# `import Live` inside create_instance reads sys.modules: hold this while a host's fake is there,
# so hosts emulating different Live versions can start side by side in one process.
_INSTALL_LOCK = threading.Lock()


class FakeCInstance:
    """The `c_instance` Live hands a Remote Script: the parts a plain script uses."""

    def __init__(self, live: Any, echo_log: bool = False) -> None:
        self._live = live
        self._echo = echo_log
        self.messages: list[str] = []
        self.log: list[str] = []

    def song(self):
        return self._live.Application.get_application().get_document()

    def show_message(self, message: str) -> None:
        # The c_instance is Live's too: main thread only, like every Live object.
        self._live._world.check_thread("c_instance", "show_message")
        self.messages.append(str(message))

    def log_message(self, message: str) -> None:
        self._live._world.check_thread("c_instance", "log_message")
        self.log.append(str(message))
        if self._echo:
            print(message, file=sys.stderr, flush=True)

    def request_rebuild_midi_map(self) -> None:
        pass

    def send_midi(self, midi_event_bytes) -> None:
        pass

    def instance_identifier(self) -> int:
        return 0


class HostError(RuntimeError):
    pass


class FakeHost:
    def __init__(
        self,
        version: str = fake_live.LATEST,
        demo: bool = True,
        port: int | None = 0,
        tick: float = 0.1,
        timer: float | None = 0.01,
        config_dir: str | os.PathLike | None = None,
        pump_options: dict | None = None,
        echo_log: bool = False,
        server_options: dict | None = None,
        wait_for_port: bool = False,
        bind_retry_ms: int = 1000,
        edition: str = "Suite",
        browser_items: int = 0,
        running_clock: bool = False,
    ) -> None:
        self.version = version
        self.edition = edition
        self.demo = demo
        self.browser_items = browser_items  # a synthetic Samples library (tests, benchmarks)
        # True: song time runs with the wall clock while playing (recordings end on their own).
        self.running_clock = running_clock
        self.tick = float(tick)
        self.timer = float(timer) if timer else 0.0
        self._settings = Settings(
            port=port,
            config_dir=None if config_dir is None else os.fspath(config_dir),
            timer_ms=round(self.timer * 1000),
            pump=pump_options,
            server=server_options,
            bind_retry_ms=bind_retry_ms,
        )
        # True: a busy port is not a start failure; the script retries binding on its Timer.
        self._wait_for_port = wait_for_port
        self._echo = echo_log
        self.live: Any = None
        self.c_instance: FakeCInstance | None = None
        self.surface: Any = None
        self.port: int | None = None
        self.token_path: str = self._settings.token_path()
        self.ticks = 0
        self.errors: list[BaseException] = []  # raised by the fake's per-tick work
        self._calls: queue.Queue = queue.Queue()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ------------------------------------------------------------------------------
    def start(self) -> FakeHost:
        if self._thread is not None:
            raise HostError("host already started")
        self._thread = threading.Thread(target=self._main, name="fake-live-main", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            self._thread.join(5)
            raise HostError(f"fake Live host did not start: {self._failure!r}") from self._failure
        return self

    def stop(self) -> None:
        """Stop the main thread (the surface disconnects there). Raises HostError if anything
        touched a Live object off the main thread meanwhile, even if that error was caught."""
        if self._thread is None:
            return
        self._stop.set()
        self._wake.set()
        self._thread.join(10)
        self._thread = None
        violations = self.live._world.thread_violations if self.live is not None else []
        if violations:
            raise HostError(
                f"{len(violations)} Live access(es) off the main thread, first: {violations[0]}"
            )

    def __enter__(self) -> FakeHost:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def read_token(self) -> str:
        with open(self.token_path) as handle:
            return handle.read().strip()

    # --- main thread ----------------------------------------------------------------------------
    def call_on_main(self, fn: Callable[[Any], Any], timeout: float = 10.0) -> Any:
        """Run ``fn(live)`` on the host's main thread between ticks; return or raise its outcome."""
        if threading.current_thread() is self._thread:
            return fn(self.live)
        if self._thread is None or self._stop.is_set():
            raise HostError("host is not running")
        done = threading.Event()
        box: dict[str, Any] = {}
        self._calls.put((fn, box, done))
        self._wake.set()
        if not done.wait(timeout):
            raise HostError("the main thread did not run the call in time")
        if "error" in box:
            raise box["error"]
        return box["value"]

    def _main(self) -> None:
        try:
            self._create()
        except BaseException as exc:  # reported to start()'s caller
            self._failure = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop()
        finally:
            self._run_calls()
            self.surface.disconnect()

    def _create(self) -> None:
        self.live = fake_live.make_live(
            version=self.version,
            demo=self.demo,
            edition=self.edition,
            browser_items=self.browser_items,
        )
        self.c_instance = FakeCInstance(self.live, self._echo)
        with _INSTALL_LOCK:
            saved = {k: v for k, v in sys.modules.items() if k == "Live" or k.startswith("Live.")}
            self.live._install()
            try:
                self.surface = live_script.create_instance(self.c_instance, self._settings)
            finally:
                self.live._uninstall()
                sys.modules.update(saved)
        self.port = self.surface.port
        if self.port is None and not (
            self._wait_for_port and self.surface.runtime.waiting_for_port
        ):
            self.surface.disconnect()
            raise HostError("the bridge did not start: " + " | ".join(self.c_instance.log[-3:]))

    def _loop(self) -> None:
        start = time.monotonic()
        next_tick = start
        next_timer = start
        while not self._stop.is_set():
            now = time.monotonic()
            self._run_calls()
            if now >= next_tick:
                try:
                    self.live._tick()
                except Exception as exc:  # Live's own work failing must not stop its main loop
                    self.errors.append(exc)
                if self.running_clock:
                    self.live._world.recorder.follow(now)
                self.surface.update_display()
                self.ticks += 1
                # A late tick is not made up for: Live's display tick does not burst either.
                next_tick = max(next_tick + self.tick, now)
            if self.timer:
                if now >= next_timer:
                    self.live._scheduler.run_due(time.monotonic() - start)
                    next_timer = max(next_timer + self.timer, now)
                wake_at = min(next_tick, next_timer)
            else:
                wake_at = next_tick
            delay = wake_at - time.monotonic()
            if delay > 0:
                self._wake.wait(delay)
                self._wake.clear()

    def _run_calls(self) -> None:
        while True:
            try:
                fn, box, done = self._calls.get_nowait()
            except queue.Empty:
                return
            try:
                box["value"] = fn(self.live)
            except BaseException as exc:  # handed back to the caller's thread
                box["error"] = exc
            done.set()


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m fake_live.host", description="Run live_script on a fake Live."
    )
    parser.add_argument("--port", type=int, default=None, help="0 = any free port")
    parser.add_argument("--tick-ms", type=float, default=100.0)
    parser.add_argument("--timer-ms", type=float, default=10.0, help="0 = no Live.Base.Timer")
    parser.add_argument("--live-version", default=fake_live.LATEST)
    parser.add_argument("--empty", action="store_true", help="Live's default Set, not the demo")
    parser.add_argument("--config-dir", default=None, help="where the token file goes")
    parser.add_argument("--log", action="store_true", help="echo the script's log to stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    host = FakeHost(
        version=args.live_version,
        demo=not args.empty,
        port=args.port,
        tick=args.tick_ms / 1000.0,
        timer=args.timer_ms / 1000.0,
        config_dir=args.config_dir,
        echo_log=args.log,
    )
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        host.start()
    except HostError as exc:
        print(str(exc), file=sys.stderr, flush=True)
        return 1
    print(f"READY port={host.port}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        host.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
