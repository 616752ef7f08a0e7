"""Where the token lives, how it is created, and the port setting."""

import os
import stat

import pytest

from live_script.bridge import config


def test_platform_paths():
    home = os.path.expanduser("~")
    assert config.token_path({}, "darwin") == os.path.join(
        home, "Library", "Application Support", "live-mcp", "token"
    )
    assert config.token_path({"APPDATA": "C:/Users/u/AppData/Roaming"}, "win32") == os.path.join(
        "C:/Users/u/AppData/Roaming", "live-mcp", "token"
    )
    assert config.token_path({"XDG_CONFIG_HOME": "/x"}, "linux") == os.path.join(
        "/x", "live-mcp", "token"
    )
    assert config.token_path({}, "linux") == os.path.join(home, ".config", "live-mcp", "token")
    assert config.token_path({"LIVE_MCP_CONFIG_DIR": "/tmp/y"}, "darwin") == os.path.join(
        "/tmp/y", "token"
    )


def test_token_created_once_private_and_reused(tmp_path):
    path = str(tmp_path / "cfg" / "token")
    token = config.load_or_create_token(path)
    assert len(token) == 64 and int(token, 16) >= 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert config.load_or_create_token(path) == token
    assert config.read_token(path) == token


def test_invalid_token_file_replaced(tmp_path):
    path = tmp_path / "token"
    path.write_text("not a token\n")
    token = config.load_or_create_token(str(path))
    assert token != "not a token" and config.read_token(str(path)) == token


def test_port_setting():
    assert config.bridge_port({}) == 48260
    assert config.bridge_port({"LIVE_MCP_PORT": "0"}) == 0
    assert config.bridge_port({"LIVE_MCP_PORT": " 50000 "}) == 50000
    with pytest.raises(ValueError):
        config.bridge_port({"LIVE_MCP_PORT": "70000"})
