"""The bridge assembled: context, dispatcher, pump, TCP server, Live's log and the fast timer.

Framework-free: the control surface class (surface.py) creates one `Runtime` and forwards Live's
calls to `tick()` and `stop()`. Everything here takes the `Live` module and a Song as arguments.

Restarts: when the port is still taken (the previous instance of the script, or another program),
`start()` does not fail: it says so in Live's log and retries every `bind_retry_ms` on the
Live.Base.Timer (or on Live's ticks where there is no Timer) until the port is free. `stop()` runs
every step even when one raises, so a failing step never leaves the port bound.
"""

import platform
import time
import traceback

from . import dispatch_gen
from .bridge import config
from .bridge.logbook import LiveLog
from .bridge.server import BridgeServer
from .execution import system_methods
from .execution.context import ScriptContext
from .execution.dispatch import Dispatcher
from .execution.pump import Pump
from .version import PROTOCOL_VERSION, SCRIPT_VERSION

LOOPBACK = "127.0.0.1"
TIMER_MS = 10
BIND_RETRY_MS = 1000


class Settings(object):
    """How to serve. `None` port/config_dir come from config (environment, then settings file)."""

    def __init__(
        self,
        port=None,
        config_dir=None,
        host=LOOPBACK,
        timer_ms=TIMER_MS,
        pump=None,
        server=None,
        bind_retry_ms=BIND_RETRY_MS,
    ):
        self.port = port
        self.config_dir = config_dir
        self.host = host
        self.timer_ms = timer_ms
        # Extra keyword arguments for the Pump and the BridgeServer (the benchmarks' baselines:
        # max_per_drain, budget=None; nodelay=False; tests: handshake_seconds).
        self.pump = pump or {}
        self.server = server or {}
        self.bind_retry_ms = bind_retry_ms

    def resolved_port(self):
        return config.bridge_port() if self.port is None else self.port

    def token_path(self):
        if self.config_dir is None:
            return config.token_path()
        return config.token_path({"LIVE_MCP_CONFIG_DIR": self.config_dir})


class Runtime(object):
    def __init__(self, live, song, application, log, settings=None):
        self.settings = settings or Settings()
        # Every part logs through this queue; only tick()/the timer (main thread) write to Live.
        self.log = log if isinstance(log, LiveLog) else LiveLog(log)
        self.script = ScriptContext(live, song, application, self.log)
        # The bridge's own methods (system.describe) beside the generated ones.
        methods = dict(dispatch_gen.METHODS, **system_methods.METHODS)
        self.dispatcher = Dispatcher(self.script, methods)
        self.pump = Pump(self.dispatcher, self.log, **self.settings.pump)
        self.server = None
        self.port = None
        self.token_path = self.settings.token_path()
        self._token = None
        self._timer = None
        self._next_bind = None  # monotonic time of the next bind attempt while the port is busy
        self._bind_failures = 0

    def hello_info(self):
        return {
            "live_version": self.script.live_version_text,
            "python_version": platform.python_version(),
            "script_version": SCRIPT_VERSION,
            "protocol_version": PROTOCOL_VERSION,
            "spec_hash": dispatch_gen.SPEC_HASH,
            "methods": self.dispatcher.served_methods(),
        }

    @property
    def waiting_for_port(self):
        return self._next_bind is not None

    def start(self):
        """Create the token if needed, start the timer, listen. Returns the bound port, or None
        while the port is busy (then binding is retried on the timer)."""
        self._token = config.load_or_create_token(self.token_path)
        self._start_timer()
        port = self._bind()
        self.log.flush()
        return port

    def _bind(self):
        requested = self.settings.resolved_port()
        server = BridgeServer(
            self.settings.host,
            requested,
            self._token,
            self.hello_info(),
            self.pump.submit,
            self.log,
            **self.settings.server,
        )
        try:
            self.port = server.start()
        except OSError as exc:
            self._bind_failures += 1
            retry = self.settings.bind_retry_ms / 1000.0
            self._next_bind = time.monotonic() + retry
            if self._bind_failures == 1:
                self.log(
                    "live-mcp: port %d is busy (%s); retrying every %g s until it is free"
                    % (requested, exc, retry)
                )
            return None
        self.server = server
        self._next_bind = None
        # The port only; the token never reaches a log line.
        self.log(
            "live-mcp: bridge listening on %s:%d%s"
            % (
                self.settings.host,
                self.port,
                " (after %d tries)" % self._bind_failures if self._bind_failures else "",
            )
        )
        return self.port

    def _retry_bind(self):
        if self._next_bind is not None and time.monotonic() >= self._next_bind:
            try:
                self._bind()  # reads the port again: `install-script --port` may have moved it
            except config.SettingsError as exc:
                # The settings became unreadable while the port was busy: keep the retry pace
                # (not every tick) and say why, counted past the first few.
                self._next_bind = time.monotonic() + self.settings.bind_retry_ms / 1000.0
                self.log.error("bind", "live-mcp: cannot retry the bridge port: %s" % exc)

    def _start_timer(self):
        base = getattr(self.script.live, "Base", None)
        if not self.settings.timer_ms or base is None or not hasattr(base, "Timer"):
            return
        # Positional arguments, as the Boost.Python signature declares them:
        # (callback, interval_ms, repeat, start).
        self._timer = base.Timer(self._on_timer, int(self.settings.timer_ms), True, False)
        self._timer.start()

    def _on_timer(self):
        # Live stops a Timer whose callback raises; keep it alive and log instead.
        try:
            self._work()
        except Exception:  # logged (rate-limited); the per-request catch is in the pump
            self.log.error("timer", "live-mcp: timer drain failed:\n%s" % traceback.format_exc())

    def tick(self):
        """Called on each Live tick (update_display). Returns how many requests were answered."""
        return self._work()

    def _work(self):
        try:
            self._retry_bind()
            return self.pump.drain()
        finally:
            self.log.flush()

    def stop(self):
        """Stop every part, each even if another raised; returns the failures (logged)."""
        failures = []
        for name, step in (
            ("pending request", self.pump.close),
            ("timer", self._stop_timer),
            ("server", self._stop_server),
        ):
            try:
                step()
            except Exception:  # the next steps must still run: the port must not stay bound
                failures.append(name)
                self.log("live-mcp: stopping the %s failed:\n%s" % (name, traceback.format_exc()))
        self._next_bind = None
        self.log.flush(final=True)
        return failures

    def _stop_timer(self):
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.stop()

    def _stop_server(self):
        server, self.server = self.server, None
        if server is not None:
            server.stop()
