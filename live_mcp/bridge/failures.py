"""What a user reads when the bridge fails: every failure is a ToolFailure with a recovery hint.

In the order a user meets them:
- nothing listening / no token file      -> LIVE_UNAVAILABLE with a hint naming the port and file;
- a method the script in Live lacks      -> UNSUPPORTED, naming the spec mismatch if there is one;
- a read whose connection drops twice    -> LIVE_UNAVAILABLE;
- a write whose answer is lost           -> never re-sent: "may or may not have happened".
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from live_mcp.bridge.connection import HelloInfo
from live_mcp.errors import LIVE_UNAVAILABLE, UNSUPPORTED, ToolFailure

INSTALL_COMMAND = "live-mcp install-script"


def unavailable_hint(port: int) -> str:
    return (
        "Is Ableton Live open, with the 'live_mcp' Control Surface enabled in Preferences > "
        f"Link, Tempo & MIDI? The server looks for it on 127.0.0.1:{port} (change with --port or "
        "LIVE_MCP_PORT). `live-mcp token` shows where the token file is."
    )


def mismatch_text(info: HelloInfo, spec_hash: str) -> str | None:
    """A plain-words explanation when the script was generated from other specs, else None."""
    if not info.spec_hash or info.spec_hash == spec_hash:
        return None
    return (
        "The Remote Script running in Live was generated from different specs than this "
        f"server (script {info.spec_hash[:19]}…, server {spec_hash[:19]}…): the specs "
        f"were regenerated but the script was not reinstalled. Run `{INSTALL_COMMAND}` and "
        "restart Live (or re-select the control surface)."
    )


# -- connecting ---------------------------------------------------------------------------------


def no_token_file(path: Path) -> ToolFailure:
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"No token file at {path}: the Remote Script creates it the first time it runs "
        "inside Live.",
        hint="Install the script with `live-mcp install-script`, enable the 'live_mcp' "
        "Control Surface in Live's Preferences > Link, Tempo & MIDI, then call again.",
    )


def unreachable(host: str, port: int) -> ToolFailure:
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"Cannot reach the live-mcp Remote Script on {host}:{port}.",
        hint=unavailable_hint(port),
    )


def no_handshake(port: int) -> ToolFailure:
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"Something on port {port} accepted the connection but did not answer the "
        "live-mcp handshake.",
        hint=unavailable_hint(port),
    )


def hello_refused(error: Mapping[str, Any]) -> ToolFailure:
    """The handshake's error answer: no free connection, a wrong token, or another error."""
    data = error.get("data") if isinstance(error.get("data"), Mapping) else {}
    if error.get("code") == -32001 or data.get("code") == "UNAUTHORIZED":
        if "no free connection" in str(error.get("message", "")):
            # The cap is full of authenticated clients (docs/bridge-protocol.md).
            return ToolFailure(
                LIVE_UNAVAILABLE,
                "The Remote Script has no free connection: every slot is taken by a "
                "client with the token.",
                hint="Close other live-mcp servers or clients connected to Live, then call again.",
            )
        return ToolFailure(
            LIVE_UNAVAILABLE,
            "The Remote Script refused the token from the token file.",
            hint="The token file was probably recreated after Live started: restart Live "
            "(or re-select the 'live_mcp' control surface) and call again.",
        )
    return ToolFailure.from_jsonrpc(error)


# -- calling ------------------------------------------------------------------------------------


def not_served(info: HelloInfo, method: str, mismatch: str | None) -> ToolFailure:
    hint = mismatch or (
        f"Live {info.live_version} or this version of the Remote Script cannot do this; "
        f"`{INSTALL_COMMAND}` installs the script that matches this server."
    )
    return ToolFailure(
        UNSUPPORTED,
        f"The Remote Script in Live does not serve `{method}`.",
        hint=hint,
    )


def dropped(method: str, port: int) -> ToolFailure:
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"The connection to the Remote Script dropped during {method}.",
        hint=unavailable_hint(port),
    )


def lost_write(method: str) -> ToolFailure:
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"The connection to Live dropped after {method} was sent and before its answer "
        "arrived: the change may or may not have happened. It was not re-sent.",
        hint="Read the current state again (e.g. live_get_song_overview) before deciding "
        "whether to repeat the call.",
    )


def timed_out(method: str, limit: float, port: int, *, sent: bool, write: bool) -> ToolFailure:
    if write and sent:
        return ToolFailure(
            LIVE_UNAVAILABLE,
            f"Live did not answer {method} within {limit:g} s: the change may or may not have "
            "happened. It was not re-sent.",
            hint="Live may be busy (a dialog open, a heavy Set loading). Read the current "
            "state again before deciding whether to repeat the call.",
        )
    return ToolFailure(
        LIVE_UNAVAILABLE,
        f"Live did not answer {method} within {limit:g} s.",
        hint="Live may be busy (a dialog open, a heavy Set loading); call again shortly. "
        + unavailable_hint(port),
    )
