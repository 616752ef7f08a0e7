"""Where live-mcp keeps its per-user files, the settings file both sides read, and the token.

Stdlib only and free of Live: the MCP server imports this module too, so both sides agree on one
path and one port. Live started from the Dock or Explorer sees no shell environment, so the
settings live in a file, `settings.json` in the per-user folder (written by
`live-mcp install-script --port N [--config-dir DIR]`):

    {"port": 48261, "config_dir": "/path/of/the/token/folder"}

Precedence, the same on both sides: an explicit argument, then the environment variables
(`LIVE_MCP_PORT`, `LIVE_MCP_CONFIG_DIR`; tests and the demo use them), then the settings file,
then the defaults. `LIVE_MCP_CONFIG_DIR` moves the whole folder, settings file included.
"""

import binascii
import json
import os
import secrets
import sys

APP_DIR_NAME = "live-mcp"
TOKEN_FILE_NAME = "token"
SETTINGS_FILE_NAME = "settings.json"
DEFAULT_PORT = 48260
TOKEN_BYTES = 32


class SettingsError(ValueError):
    """The settings file (or an environment variable) holds something unusable."""


def base_dir(environ=None, platform=None):
    """The folder of the settings file: LIVE_MCP_CONFIG_DIR, else the per-user folder."""
    environ = os.environ if environ is None else environ
    override = environ.get("LIVE_MCP_CONFIG_DIR")
    if override:
        return override
    return _platform_dir(environ, sys.platform if platform is None else platform)


def settings_path(environ=None, platform=None):
    return os.path.join(base_dir(environ, platform), SETTINGS_FILE_NAME)


def read_settings(environ=None, platform=None):
    """The settings file's {"port", "config_dir"} (either may be missing); {} without a file."""
    path = settings_path(environ, platform)
    try:
        with open(path, "r") as handle:
            text = handle.read()
    except (IOError, OSError):
        return {}
    try:
        data = json.loads(text) if text.strip() else {}
    except ValueError as exc:
        raise SettingsError("%s is not valid JSON (%s); fix or delete it" % (path, exc)) from exc
    if not isinstance(data, dict):
        raise SettingsError('%s must hold a JSON object like {"port": 48260}' % path)
    settings = {}
    if data.get("port") is not None:
        settings["port"] = _checked_port(data["port"], "%s: port" % path)
    if data.get("config_dir") is not None:
        if not isinstance(data["config_dir"], str) or not data["config_dir"]:
            raise SettingsError("%s: config_dir must be a folder path" % path)
        settings["config_dir"] = os.path.expanduser(data["config_dir"])
    return settings


def write_settings(port=None, config_dir=None, environ=None, platform=None):
    """Write the settings file (folder 0700, file 0600, atomically); return its path."""
    data = {}
    if port is not None:
        data["port"] = _checked_port(port, "port")
    if config_dir is not None:
        data["config_dir"] = os.path.abspath(os.path.expanduser(config_dir))
    path = settings_path(environ, platform)
    _write_private(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
    return path


def config_dir(environ=None, platform=None):
    """The folder of the token (not created): LIVE_MCP_CONFIG_DIR, else the settings file's
    config_dir, else the per-user folder."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    override = environ.get("LIVE_MCP_CONFIG_DIR")
    if override:
        return override
    chosen = read_settings(environ, platform).get("config_dir")
    return chosen or _platform_dir(environ, platform)


def _platform_dir(environ, platform):
    if platform == "darwin":
        return os.path.join(os.path.expanduser("~"), "Library", "Application Support", APP_DIR_NAME)
    if platform.startswith("win"):
        base = environ.get("APPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Roaming")
        return os.path.join(base, APP_DIR_NAME)
    base = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, APP_DIR_NAME)


def token_path(environ=None, platform=None):
    return os.path.join(config_dir(environ, platform), TOKEN_FILE_NAME)


def bridge_port(environ=None, platform=None):
    """The bridge port: LIVE_MCP_PORT if set (0 = any free port), else the settings file's,
    else the default."""
    environ = os.environ if environ is None else environ
    raw = environ.get("LIVE_MCP_PORT", "").strip()
    if raw:
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError("LIVE_MCP_PORT must be a number 0..65535, got %r" % raw) from None
        return _checked_port(value, "LIVE_MCP_PORT")
    return read_settings(environ, platform).get("port", DEFAULT_PORT)


def _checked_port(value, what):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 65535:
        raise SettingsError("%s must be a port number 0..65535, got %r" % (what, value))
    return value


def _is_token(text):
    if len(text) != 2 * TOKEN_BYTES:
        return False
    try:
        binascii.unhexlify(text)
    except (binascii.Error, ValueError):
        return False
    return True


def read_token(path=None):
    """The token in the token file, or None when there is no valid one."""
    path = token_path() if path is None else path
    try:
        with open(path, "r") as handle:
            text = handle.read().strip()
    except (IOError, OSError):
        return None
    return text if _is_token(text) else None


def load_or_create_token(path=None):
    """Read the token, creating the folder (0700) and file (0600) with a fresh one when missing."""
    path = token_path() if path is None else path
    token = read_token(path)
    if token is not None:
        return token
    token = secrets.token_hex(TOKEN_BYTES)
    _write_private(path, token + "\n")
    return token


def _write_private(path, text):
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder, 0o700)
    if folder:
        os.chmod(folder, 0o700)
    # Write to a private temp file and rename: a reader never sees a half-written or
    # world-readable file, and an invalid old file is replaced atomically.
    tmp = "%s.%d.tmp" % (path, os.getpid())
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
