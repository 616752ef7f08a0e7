"""`live-mcp install-script` and `live-mcp token`: idempotent, careful, and token-free output."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from live_mcp.cli import main
from live_mcp.install import (
    MARKER_NAME,
    InstallError,
    default_remote_scripts_dir,
    install,
)


def test_install_copies_the_script_with_its_dispatch_and_marker(tmp_path, capsys):
    assert main(["install-script", "--dest", str(tmp_path)]) == 0
    target = tmp_path / "live_mcp"
    assert (target / "__init__.py").is_file()
    assert (target / "dispatch_gen.py").is_file()
    assert (target / "bridge" / "config.py").is_file()
    assert not list(target.rglob("__pycache__"))
    marker = json.loads((target / MARKER_NAME).read_text())
    assert marker["installed_by"] == "live-mcp" and marker["spec_hash"].startswith("sha256:")
    out = capsys.readouterr().out
    assert "installed" in out and "Link, Tempo & MIDI" in out and "live_mcp" in out


def test_install_is_idempotent_and_replaces_stale_files(tmp_path):
    target, first = install(tmp_path)
    (target / "leftover_from_old_version.py").write_text("x = 1\n")
    again, second = install(tmp_path)
    assert (first, second) == ("installed", "unchanged")
    assert again == target
    assert not (target / "leftover_from_old_version.py").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["live_mcp"]  # no staging left behind


def test_install_refuses_a_folder_that_is_not_ours(tmp_path, capsys):
    foreign = tmp_path / "live_mcp"
    foreign.mkdir()
    (foreign / "__init__.py").write_text("# someone else's script\n")
    assert main(["install-script", "--dest", str(tmp_path)]) == 1
    assert "not installed by live-mcp" in capsys.readouterr().err
    assert (foreign / "__init__.py").read_text() == "# someone else's script\n"
    with pytest.raises(InstallError):
        install(tmp_path)


def test_default_destinations_per_platform(tmp_path):
    mac = default_remote_scripts_dir("darwin", tmp_path)
    win = default_remote_scripts_dir("win32", tmp_path)
    assert mac == tmp_path / "Music" / "Ableton" / "User Library" / "Remote Scripts"
    assert win == tmp_path / "Documents" / "Ableton" / "User Library" / "Remote Scripts"
    with pytest.raises(InstallError, match="--dest"):
        default_remote_scripts_dir("linux", tmp_path)


def test_token_command_shows_paths_and_never_a_token(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LIVE_MCP_HTTP_TOKEN", raising=False)
    bridge_token = "ab" * 32
    (tmp_path / "token").write_text(bridge_token + "\n")
    assert main(["token", "--config-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "token") in out and str(tmp_path / "http_token") in out
    assert bridge_token not in out
    assert "$(cat" in out  # the shell reads the file, the terminal never shows the token


def test_token_reveal_http_prints_only_the_http_token(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LIVE_MCP_HTTP_TOKEN", raising=False)
    bridge_token = "ab" * 32
    (tmp_path / "token").write_text(bridge_token + "\n")
    assert main(["token", "--config-dir", str(tmp_path), "--reveal-http"]) == 0
    out = capsys.readouterr().out
    http_token = (tmp_path / "http_token").read_text().strip()
    assert http_token in out and bridge_token not in out
    assert stat.S_IMODE(os.stat(tmp_path / "http_token").st_mode) == 0o600


def test_console_script_entry_point_runs():
    done = subprocess.run(
        [sys.executable, "-m", "live_mcp", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    for command in ("serve", "demo", "install-script", "token"):
        assert command in done.stdout


def test_script_source_is_the_live_script_package():
    from live_mcp.install import script_source

    assert script_source() == Path(__file__).resolve().parents[2] / "live_script"


def test_install_port_writes_the_settings_file_both_sides_read(tmp_path, monkeypatch, capsys):
    from live_mcp.bridge import Bridge, token_file
    from live_script.bridge import config
    from live_script.runtime import Settings

    settings_dir = tmp_path / "settings"
    monkeypatch.setenv("LIVE_MCP_CONFIG_DIR", str(settings_dir))
    monkeypatch.delenv("LIVE_MCP_PORT", raising=False)
    assert main(["install-script", "--dest", str(tmp_path / "rs"), "--port", "48999"]) == 0
    assert "settings.json (port 48999)" in capsys.readouterr().out
    path = settings_dir / "settings.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"port": 48999}
    # Both sides read the same port from it ...
    assert Bridge().port == 48999
    assert Settings().resolved_port() == 48999
    # ... and the environment variable still wins (tests rely on it).
    monkeypatch.setenv("LIVE_MCP_PORT", "48000")
    assert Bridge().port == 48000 and Settings().resolved_port() == 48000

    # The token folder comes from the file too when no environment variable overrides it.
    monkeypatch.delenv("LIVE_MCP_PORT")
    monkeypatch.delenv("LIVE_MCP_CONFIG_DIR")
    home = {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    config.write_settings(config_dir=str(tmp_path / "tokens"), environ=home, platform="linux")
    assert config.token_path(home, "linux") == str(tmp_path / "tokens" / "token")
    assert config.bridge_port(home, "linux") == config.DEFAULT_PORT
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
        assert token_file() == tmp_path / "tokens" / "token"
        assert Settings().token_path() == str(tmp_path / "tokens" / "token")


def test_a_broken_settings_file_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LIVE_MCP_CONFIG_DIR", str(tmp_path))
    monkeypatch.delenv("LIVE_MCP_PORT", raising=False)
    (tmp_path / "settings.json").write_text('{"port": "many"}')
    assert main(["serve", "--timeout", "1"]) == 2
    assert "settings.json: port must be a port number" in capsys.readouterr().err
