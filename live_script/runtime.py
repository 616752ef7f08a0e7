"""The bridge assembled: context, dispatcher, pump, TCP server and the fast timer.

Framework-free: the control surface class (surface.py) creates one `Runtime` and forwards Live's
calls to `tick()` and `stop()`. Everything here takes the `Live` module and a Song as arguments.
"""

import platform
import traceback

from . import config, dispatch_gen
from .context import ScriptContext
from .dispatch import Dispatcher
from .pump import Pump
from .server import BridgeServer
from .version import PROTOCOL_VERSION, SCRIPT_VERSION

LOOPBACK = "127.0.0.1"
TIMER_MS = 10


class Settings(object):
    """How to serve. `None` fields come from the environment (LIVE_MCP_PORT, LIVE_MCP_CONFIG_DIR)."""

    def __init__(self, port=None, config_dir=None, host=LOOPBACK, timer_ms=TIMER_MS, pump=None):
        self.port = port
        self.config_dir = config_dir
        self.host = host
        self.timer_ms = timer_ms
        # Extra keyword arguments for the Pump (the benchmark's naive baseline uses max_per_drain).
        self.pump = pump or {}

    def resolved_port(self):
        return config.bridge_port() if self.port is None else self.port

    def token_path(self):
        if self.config_dir is None:
            return config.token_path()
        return config.token_path({"LIVE_MCP_CONFIG_DIR": self.config_dir})


class Runtime(object):
    def __init__(self, live, song, application, log, settings=None):
        self.settings = settings or Settings()
        self._log = log
        self.script = ScriptContext(live, song, application, log)
        self.dispatcher = Dispatcher(self.script, dispatch_gen.METHODS)
        self.pump = Pump(self.dispatcher, log, **self.settings.pump)
        self.server = None
        self.port = None
        self.token_path = self.settings.token_path()
        self._timer = None

    def hello_info(self):
        return {
            "live_version": self.script.live_version_text,
            "python_version": platform.python_version(),
            "script_version": SCRIPT_VERSION,
            "protocol_version": PROTOCOL_VERSION,
            "spec_hash": dispatch_gen.SPEC_HASH,
            "methods": self.dispatcher.served_methods(),
        }

    def start(self):
        """Create the token if needed, listen, start the timer. Returns the bound port."""
        token = config.load_or_create_token(self.token_path)
        server = BridgeServer(
            self.settings.host,
            self.settings.resolved_port(),
            token,
            self.hello_info(),
            self.pump.submit,
            self._log,
        )
        self.port = server.start()
        self.server = server
        self._start_timer()
        # The port only; the token never reaches a log line.
        self._log("live-mcp: bridge listening on %s:%d" % (self.settings.host, self.port))
        return self.port

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
            self.pump.drain()
        except Exception:  # logged; the per-request catch is in the pump
            self._log("live-mcp: timer drain failed:\n%s" % traceback.format_exc())

    def tick(self):
        """Called on each Live tick (update_display)."""
        return self.pump.drain()

    def stop(self):
        self.pump.close()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.server is not None:
            self.server.stop()
            self.server = None
