"""No token string in any tool result, resource, prompt or log line."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

import pytest
from mcp import Client

from generated import registry_gen as registry
from live_mcp.logs import REDACTED, RedactTokens
from live_mcp.server import build_server

pytestmark = pytest.mark.anyio


async def test_no_token_anywhere_in_a_full_session(bridge, live_host, caplog):
    token = live_host.read_token()
    assert len(token) == 64
    payloads: list[str] = []
    with caplog.at_level(logging.DEBUG):
        async with Client(build_server(bridge), mode="legacy") as client:
            for spec in registry.TOOLS:
                for example in spec["examples"]:
                    result = await client.call_tool(spec["name"], example["input"])
                    payloads.append(result.model_dump_json())
                bad = await client.call_tool(spec["name"], {"bogus": token})
                payloads.append(bad.model_dump_json())
            for resource in registry.RESOURCES:
                payloads.append((await client.read_resource(resource["uri"])).model_dump_json())
            clip = quote("track:0/clipslot:0/clip", safe="")
            for uri in ("ableton://track/0", f"ableton://clip/{clip}/notes"):
                payloads.append((await client.read_resource(uri)).model_dump_json())
            for prompt in registry.PROMPTS:
                args = {a["name"]: "x" for a in prompt["arguments"]}
                payloads.append((await client.get_prompt(prompt["name"], args)).model_dump_json())
        # A refused handshake (the token file changed under a running Live) says so without
        # echoing either token.
        Path(live_host.token_path).write_text("cd" * 32 + "\n")
        await bridge.aclose()
        async with Client(build_server(bridge), mode="legacy") as client:
            refused = await client.call_tool("live_get_song_overview", {})
            payloads.append(refused.model_dump_json())
    assert refused.is_error and "refused the token" in refused.content[0].text
    everything = "\n".join(payloads)
    assert token not in everything and "cd" * 32 not in everything
    assert "connected to the Remote Script" in caplog.text  # the log did record the session
    assert token not in caplog.text and "cd" * 32 not in caplog.text


def test_log_filter_scrubs_token_shaped_strings_but_not_spec_hashes():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "t=%s h=%s", ("ab" * 32, registry.SPEC_HASH), None
    )
    RedactTokens().filter(record)
    message = record.getMessage()
    assert "ab" * 32 not in message and REDACTED in message
    assert registry.SPEC_HASH in message
