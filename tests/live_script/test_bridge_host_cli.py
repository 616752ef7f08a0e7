"""`python -m fake_live.host`: one READY line, serves, stops cleanly on SIGTERM and SIGINT."""

import os
import signal
import subprocess
import sys

import pytest
from conftest import BridgeClient

from live_script.bridge import config


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_cli_host(tmp_path, sig):
    env = dict(os.environ, LIVE_MCP_CONFIG_DIR=str(tmp_path / "ignored"))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fake_live.host",
            "--port",
            "0",
            "--live-version",
            "11.3.2",
            "--empty",
            "--config-dir",
            str(tmp_path / "cfg"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("READY port="), line + proc.stderr.read()
        port = int(line.strip().split("=")[1])
        token = config.read_token(str(tmp_path / "cfg" / "token"))
        client = BridgeClient(port, token)
        overview = client.call("song.get_overview")
        assert overview["live_version"] == "11.3.2"
        client.close()
        proc.send_signal(sig)
        out, _err = proc.communicate(timeout=10)
        assert proc.returncode == 0 and out == ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert not (tmp_path / "ignored").exists()
