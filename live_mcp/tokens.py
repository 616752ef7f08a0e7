"""Where the tokens live, and the HTTP bearer token.

Two secrets, two files, one folder (live_script/bridge/config.py decides the folder):
- `token`      the bridge token. The Remote Script creates it; this server only reads it. No client
               ever needs it, so no command prints it.
- `http_token` the bearer token for `live-mcp serve --http`, created here on first use (0600).
               An HTTP client must send it, so `live-mcp token --reveal-http` prints it on request;
               the default output shows a header that reads the file at paste time instead.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

HTTP_TOKEN_FILE_NAME = "http_token"
HTTP_TOKEN_ENV = "LIVE_MCP_HTTP_TOKEN"
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def config_folder(config_dir: str | os.PathLike[str] | None = None) -> Path:
    from live_script.bridge import config

    if config_dir is not None:
        return Path(config_dir)
    return Path(config.config_dir())


def bridge_token_path(config_dir: str | os.PathLike[str] | None = None) -> Path:
    from live_mcp.bridge import token_file

    return token_file(config_dir)


def http_token_path(config_dir: str | os.PathLike[str] | None = None) -> Path:
    return config_folder(config_dir) / HTTP_TOKEN_FILE_NAME


def load_or_create_http_token(config_dir: str | os.PathLike[str] | None = None) -> str:
    """The HTTP bearer token: LIVE_MCP_HTTP_TOKEN if set, else the file (created 0600 if absent)."""
    from_env = os.environ.get(HTTP_TOKEN_ENV, "").strip()
    if from_env:
        return from_env
    path = http_token_path(config_dir)
    try:
        text = path.read_text(encoding="ascii").strip()
        if _HEX64.fullmatch(text):
            return text
    except OSError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    token = secrets.token_hex(32)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, (token + "\n").encode("ascii"))
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return token


def describe(
    config_dir: str | os.PathLike[str] | None, *, http_port: int, reveal_http: bool
) -> str:
    """The text of `live-mcp token`: paths and how to use them, never a token unless asked."""
    bridge = bridge_token_path(config_dir)
    http = http_token_path(config_dir)
    state = "present" if bridge.exists() else "not created yet (start Live with the script enabled)"
    url = f"http://127.0.0.1:{http_port}/mcp"
    lines = [
        f"Bridge token file: {bridge}  [{state}]",
        "  The Remote Script writes it; `live-mcp serve` reads it. Stdio clients (Claude Desktop,",
        "  Claude Code, Cursor) need nothing from it: paste no token into their config.",
        "",
        f"HTTP bearer token file: {http}"
        + ("" if http.exists() else "  [created on the first `live-mcp serve --http`]"),
        "  Only for `live-mcp serve --http`. Let the shell read the file when you add the server,",
        "  so the token never lands in your terminal history:",
        f'    claude mcp add --transport http ableton-live {url} --header "Authorization: Bearer $(cat "{http}")"',
        "  For a JSON config, put the header in an environment variable, e.g.",
        f'    export LIVE_MCP_HTTP_TOKEN="$(cat "{http}")"',
        '    "headers": {"Authorization": "Bearer ${env:LIVE_MCP_HTTP_TOKEN}"}',
    ]
    if reveal_http:
        lines += [
            "",
            f"HTTP bearer token (keep it secret): {load_or_create_http_token(config_dir)}",
        ]
    else:
        lines += [
            "  `live-mcp token --reveal-http` prints it if your client needs the literal value."
        ]
    return "\n".join(lines)
