"""The one framework-specific module: the object Live calls as a Control Surface.

A plain Remote Script (no _Framework): Live calls `update_display()` about every 100 ms, plus the
MIDI and lifecycle hooks below, which this script does not need beyond the bridge. All work is
forwarded to the framework-free `Runtime`.
"""

import traceback

from .bridge.logbook import LiveLog
from .runtime import Runtime


class LiveMcpSurface(object):
    def __init__(self, c_instance, live, settings=None):
        self._c_instance = c_instance
        self._live = live
        # Called on Live's main thread only: every other thread queues into this log.
        self.log = LiveLog(self._write_log)
        application = live.Application.get_application()
        self.runtime = Runtime(live, c_instance.song(), application, self.log, settings)
        try:
            self.runtime.start()
        except Exception as exc:  # Live must keep running without the bridge
            self.log("live-mcp: bridge not started:\n%s" % traceback.format_exc())
            self.log.flush()
            self._show("live-mcp: bridge not started (%s)" % exc)
            return
        if self.port is None:
            self._show(
                "live-mcp: port %d is busy; retrying until it is free"
                % self.runtime.settings.resolved_port()
            )
        else:
            self._show("live-mcp: listening on 127.0.0.1:%d" % self.port)

    @property
    def port(self):
        """The bridge port once bound (at start, or on a retry while it was busy), else None."""
        return self.runtime.port

    def _write_log(self, message):
        self._c_instance.log_message(message)

    def _show(self, message):
        self._c_instance.show_message(message)

    # Live's calls ------------------------------------------------------------------------------

    def update_display(self):
        try:
            self.runtime.tick()
        except Exception:  # never let Live's tick raise; logged at most a few times, then counted
            self.log.error("tick", "live-mcp: tick failed:\n%s" % traceback.format_exc())
            self.log.flush()

    def disconnect(self):
        self.runtime.stop()

    def refresh_state(self):
        pass

    def build_midi_map(self, midi_map_handle):
        pass

    def receive_midi(self, midi_bytes):
        pass

    def connect_script_instances(self, instanciated_scripts):
        pass

    def can_lock_to_devices(self):
        return False

    def lock_to_device(self, device):
        pass

    def unlock_from_device(self, device):
        pass

    def toggle_lock(self):
        pass

    def suggest_input_port(self):
        return ""

    def suggest_output_port(self):
        return ""

    def suggest_map_mode(self, cc_no, channel):
        return -1

    def port_settings_changed(self):
        pass

    def application(self):
        return self._live.Application.get_application()

    def song(self):
        return self._c_instance.song()
