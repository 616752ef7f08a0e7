"""`live-mcp install-script`: copy live_script (with its generated dispatch) into Live.

Live loads control surface scripts from the User Library's "Remote Scripts" folder; the folder
name is what Live lists as the Control Surface, hence `live_mcp`. A marker file makes the copy
ours: re-running replaces our own copy (idempotent) and never touches a folder without it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

SCRIPT_FOLDER_NAME = "live_mcp"
MARKER_NAME = ".live-mcp-install.json"


class InstallError(Exception):
    """A reason to refuse, in words meant for the user."""


def default_remote_scripts_dir(platform: str | None = None, home: Path | None = None) -> Path:
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if platform == "darwin":
        return home / "Music" / "Ableton" / "User Library" / "Remote Scripts"
    if platform.startswith("win"):
        return home / "Documents" / "Ableton" / "User Library" / "Remote Scripts"
    raise InstallError(
        "Ableton Live runs on macOS and Windows only; pass --dest with the path of your "
        "User Library's 'Remote Scripts' folder."
    )


def script_source() -> Path:
    import live_script

    return Path(live_script.__file__).resolve().parent


def _spec_hash(source: Path) -> str:
    text = (source / "dispatch_gen.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("SPEC_HASH"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return ""


def install(dest: Path | None = None, source: Path | None = None) -> tuple[Path, str]:
    """Copy the script; return (installed folder, "installed" | "updated" | "unchanged")."""
    source = script_source() if source is None else source
    remote_scripts = default_remote_scripts_dir() if dest is None else Path(dest).expanduser()
    target = remote_scripts / SCRIPT_FOLDER_NAME
    marker = target / MARKER_NAME
    if target.exists() and not marker.exists():
        raise InstallError(
            f"{target} exists and was not installed by live-mcp (no {MARKER_NAME} in it). "
            "Move it away or pass another --dest; nothing was changed."
        )
    spec_hash = _spec_hash(source)
    previous = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None
    remote_scripts.mkdir(parents=True, exist_ok=True)
    # Build the new copy beside the old one and swap, so Live never sees a half-copied folder.
    staging = Path(tempfile.mkdtemp(prefix=".live_mcp-", dir=remote_scripts))
    try:
        fresh = staging / SCRIPT_FOLDER_NAME
        shutil.copytree(source, fresh, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        from live_mcp import __version__

        record = {"installed_by": "live-mcp", "version": __version__, "spec_hash": spec_hash}
        (fresh / MARKER_NAME).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        if target.exists():
            old = staging / "old"
            os.replace(target, old)
        os.replace(fresh, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if previous is None:
        state = "installed"
    elif previous.get("spec_hash") == spec_hash and previous.get("version") == record["version"]:
        state = "unchanged"
    else:
        state = "updated"
    return target, state


def save_settings(port: int | None = None, config_dir: str | None = None) -> tuple[Path, dict]:
    """Merge `port` / `config_dir` into the settings file both sides read (live_script/bridge/config.py):
    Live started from the Dock or Explorer sees no environment variables, so the file is how the
    script and the server agree. Returns (path, the saved settings)."""
    from live_script.bridge import config

    try:
        saved = config.read_settings()
    except config.SettingsError:
        saved = {}  # replaced by what was asked for
    if port is not None:
        saved["port"] = port
    if config_dir is not None:
        saved["config_dir"] = config_dir
    path = config.write_settings(saved.get("port"), saved.get("config_dir"))
    return Path(path), config.read_settings()


ENABLE_TEXT = """\
Now enable it in Live:
  1. Quit and reopen Live if it was running (Live reads Remote Scripts at start-up).
  2. Open the preferences: Live 12: Live > Settings (macOS) or Options > Settings (Windows);
     Live 11: Live > Preferences (macOS) or Options > Preferences (Windows).
  3. In the "Link, Tempo & MIDI" tab, pick "live_mcp" in a free Control Surface slot. Leave its
     Input and Output set to "None".
  4. The script creates its token file on first start; `live-mcp token` shows where."""
