"""What the script knows about the running Live, and what a handler receives.

`ScriptContext` is built once on Live's main thread from the `Live` module the host passed in (the
script never imports `Live` at module level, so two hosts emulating different Live versions can
share one process). `HandlerContext` wraps it for one request and adds the per-request API:

    ctx.live, ctx.song, ctx.application   the Live module, the Song, the Application
    ctx.live_version                      (major, minor, bugfix), e.g. (12, 3, 6)
    ctx.resolve(text, expect, field)      -> ids.Target (obj, kind, path, indices); raises
                                          STALE_REFERENCE / WRONG_TYPE / BAD_INPUT
    ctx.issue(obj, path)                  -> "path@tag", the id to hand out
    ctx.require(version, what)            raises UNSUPPORTED unless Live >= version
    ctx.wrote()                           call after each LOM write that succeeded: a later
                                          failure in the same request then undoes the step
    ctx.later(poll, timeout, on_timeout)  return this to finish on a later tick (see pending.py)
    ctx.log(message)
"""

from . import ids as _ids
from .errors import UNSUPPORTED, BridgeError
from .pending import Pending


def version_text(version):
    """(12, 3, 0) -> "12.3"; (12, 3, 6) -> "12.3.6"."""
    if len(version) > 2 and version[2] == 0:
        version = version[:2]
    return ".".join(str(part) for part in version)


def read_live_version(application):
    return (
        int(application.get_major_version()),
        int(application.get_minor_version()),
        int(application.get_bugfix_version()),
    )


class ScriptContext(object):
    """Session-wide facts and services, shared by every request."""

    def __init__(self, live, song, application, log=None):
        self.live = live
        self.song = song
        self.application = application
        self.live_version = read_live_version(application)
        self.ids = _ids.IdRegistry()
        self.log = log or (lambda message: None)

    @property
    def live_version_text(self):
        return "%d.%d.%d" % self.live_version

    def supports(self, version):
        return tuple(self.live_version) >= tuple(version)

    def unsupported(self, version, what):
        return BridgeError(
            UNSUPPORTED,
            "%s needs Live %s or later; this is Live %s"
            % (what, version_text(version), self.live_version_text),
            needs_version=version_text(version),
        )


class HandlerContext(object):
    """The `ctx` a handler receives: the script context plus this request's state."""

    def __init__(self, script):
        self.script = script
        self.live = script.live
        self.song = script.song
        self.application = script.application
        self.live_version = script.live_version
        self.log = script.log
        self.dirty = False

    def resolve(self, text, expect, field):
        return self.script.ids.resolve(self.song, text, expect, field)

    def issue(self, obj, path):
        return self.script.ids.issue(obj, path)

    def require(self, version, what):
        if not self.script.supports(version):
            raise self.script.unsupported(version, what)

    def wrote(self):
        self.dirty = True

    def later(self, poll, timeout=5.0, on_timeout=None):
        return Pending(poll, timeout, on_timeout)
