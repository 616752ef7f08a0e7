"""Where live-mcp keeps its per-user files, and the bridge token.

Stdlib only and free of Live: the MCP server imports this module too, so both sides agree on one
path. `LIVE_MCP_CONFIG_DIR` overrides the folder (tests and the demo use a temporary one).
"""

import binascii
import os
import secrets
import sys

APP_DIR_NAME = "live-mcp"
TOKEN_FILE_NAME = "token"
DEFAULT_PORT = 48260
TOKEN_BYTES = 32


def config_dir(environ=None, platform=None):
    """The per-user config folder for this platform (not created)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    override = environ.get("LIVE_MCP_CONFIG_DIR")
    if override:
        return override
    if platform == "darwin":
        return os.path.join(os.path.expanduser("~"), "Library", "Application Support", APP_DIR_NAME)
    if platform.startswith("win"):
        base = environ.get("APPDATA") or os.path.join(os.path.expanduser("~"), "AppData", "Roaming")
        return os.path.join(base, APP_DIR_NAME)
    base = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, APP_DIR_NAME)


def token_path(environ=None, platform=None):
    return os.path.join(config_dir(environ, platform), TOKEN_FILE_NAME)


def bridge_port(environ=None):
    """The bridge port: LIVE_MCP_PORT if set (0 = any free port), else the default."""
    environ = os.environ if environ is None else environ
    raw = environ.get("LIVE_MCP_PORT", "").strip()
    if not raw:
        return DEFAULT_PORT
    port = int(raw)
    if not 0 <= port <= 65535:
        raise ValueError("LIVE_MCP_PORT must be 0..65535, got %d" % port)
    return port


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
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder, 0o700)
    if folder:
        os.chmod(folder, 0o700)
    token = secrets.token_hex(TOKEN_BYTES)
    # Write to a private temp file and rename: a reader never sees a half-written or
    # world-readable token, and an invalid old file is replaced atomically.
    tmp = "%s.%d.tmp" % (path, os.getpid())
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (token + "\n").encode("ascii"))
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return token
