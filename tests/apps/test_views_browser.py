"""The MCP Apps views in a real browser, against the real server on the fake Live.

A test host page (tests/apps/host.js: the official ext-apps AppBridge, bundled here with the pinned
esbuild) embeds each view in a sandboxed iframe under the spec's default CSP and forwards the view's
tool calls to a real MCP client connected in-process to the real server, its real bridge and the
Remote Script on the fake Live. Each test does what a person would (click a scene, select and
delete a note, drag a fader) and reads the result back with the model's own tools. Screenshots go
to build/apps-screenshots/. Playwright drives the system Chromium; nothing is downloaded.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from mcp import Client

from live_mcp.server import build_server
from tests.docs.test_docs_browser import CHROMIUM_ARGS, find_chromium

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "apps-screenshots"
ESBUILD = REPO / "node_modules" / ".bin" / "esbuild"

playwright = pytest.importorskip("playwright.async_api")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.anyio,
    pytest.mark.skipif(
        find_chromium() is None, reason="chromium is not installed (`make chromium`)"
    ),
    pytest.mark.skipif(
        not ESBUILD.exists(), reason="node_modules missing: `npm ci` (the test host is bundled)"
    ),
]


@pytest.fixture(scope="module")
def host_script() -> str:
    done = subprocess.run(
        [str(ESBUILD), "tests/apps/host.js", "--bundle", "--format=esm", "--log-level=warning"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.replace("</script", "<\\/script")


def _wire(result) -> dict:
    return result.model_dump(by_alias=True, mode="json", exclude_none=True)


class Host:
    """One browser page hosting a view, and the MCP client its calls go through."""

    def __init__(self, client: Client, page) -> None:
        self.client, self.page = client, page
        self.requests: list[str] = []
        self.errors: list[str] = []

    async def open(self, tool: str, arguments: dict) -> tuple[dict, object]:
        """Call the tool as the model would, find its view, and open it with the result."""
        listed = {t.name: t for t in (await self.client.list_tools()).tools}
        uri = listed[tool].meta["ui"]["resourceUri"]
        read = await self.client.read_resource(uri)
        html = read.contents[0].text
        result = await self.client.call_tool(tool, arguments)
        assert not result.is_error, result.content[0].text
        await self.page.evaluate(
            "([html, args, result]) => window.openView(html, args, result)",
            [html, arguments, _wire(result)],
        )
        return result.structured_content, self.page.frame_locator("iframe#view")

    async def call(self, tool: str, arguments: dict) -> dict:
        result = await self.client.call_tool(tool, arguments)
        assert not result.is_error, result.content[0].text
        return result.structured_content

    async def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await self.page.locator("iframe#view").screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
async def host(bridge, host_script):
    from playwright.async_api import async_playwright

    async with Client(build_server(bridge), mode="legacy") as client, async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = await browser.new_page(viewport={"width": 1080, "height": 680})
        h = Host(client, page)
        page.on("request", lambda r: h.requests.append(r.url))
        page.on("pageerror", lambda e: h.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and h.errors.append(m.text))

        async def call_tool(name: str, arguments: dict) -> dict:
            return _wire(await client.call_tool(name, arguments))

        await page.expose_function("mcpCallTool", call_tool)
        await page.set_content(
            f'<!doctype html><html><body style="margin:8px;background:#111">'
            f'<script type="module">{host_script}</script></body></html>'
        )
        await page.wait_for_function("typeof window.openView === 'function'")
        yield h
        await browser.close()
    # The views load nothing: no request left the page (the host page itself is set inline).
    assert [u for u in h.requests if not u.startswith(("about:", "data:"))] == []
    assert h.errors == []


async def test_clicking_a_scene_fires_it(host):
    await host.call("live_set_clip_props", {"clip_id": "track:0/clipslot:0/clip", "color_index": 9})
    await host.call("live_set_track_props", {"track_id": "track:1", "color_index": 20})
    before = await host.call("live_get_session_grid", {})
    assert before["clips"][0][0]["state"] == "stopped"
    _, view = await host.open("live_get_song_overview", {})
    await view.locator('[data-scene="0"]').wait_for()
    await host.shot("session-before")
    await view.locator('[data-scene="0"]').click()
    await view.locator('[data-clip="0/0"].playing').wait_for()
    after = await host.call("live_get_session_grid", {})
    assert after["clips"][0][0]["state"] == "playing"
    assert after["clips"][1][0]["state"] == "playing"
    await host.shot("session")
    # The track's stop button stops it, through live_stop_track_clips.
    await view.locator('[data-stop="0"]').click()
    await view.locator('[data-clip="0/0"].stopped').wait_for()
    assert (await host.call("live_get_session_grid", {}))["clips"][0][0]["state"] == "stopped"
    assert await host.page.evaluate("window.viewLog") == [
        "live_get_session_grid",
        "live_fire_scene",
        "live_get_session_grid",
        "live_stop_track_clips",
        "live_get_session_grid",
    ]


async def test_deleting_a_selected_note_removes_it(host):
    clip = "track:0/clipslot:0/clip"
    result, view = await host.open("live_get_notes", {"clip_id": clip})
    victim = result["notes"][0]["note_id"]
    count = result["count"]
    await view.locator(f'[data-note-id="{victim}"]').click()
    await view.locator(f'[data-note-id="{victim}"].selected').wait_for()
    context = await host.page.evaluate("window.modelContext")
    assert context[-1]["structuredContent"]["selected_note_ids"] == [victim]
    assert f"note {victim}:" in context[-1]["content"][0]["text"]
    await host.shot("clip-selected")
    await view.locator("#delete").click()
    await view.locator("#status", has_text="Deleted 1 note(s)").wait_for()
    after = await host.call("live_get_notes", {"clip_id": clip})
    assert after["count"] == count - 1
    assert victim not in [n["note_id"] for n in after["notes"]]
    await host.shot("clip")
    # One undo brings it back: the edit was one undo step.
    await host.call("live_undo", {})
    assert (await host.call("live_get_notes", {"clip_id": clip}))["count"] == count


async def test_dragging_a_fader_sets_the_db_the_mixer_reads(host):
    before, view = await host.open("live_get_mixer", {})
    assert before["tracks"][0]["volume"]["db"] == pytest.approx(0.0, abs=0.05)
    fader = view.locator('[data-fader="track:0"]')
    box = await fader.bounding_box()
    x = box["x"] + box["width"] / 2
    await host.page.mouse.move(x, box["y"] + box["height"] * 0.28)
    await host.page.mouse.down()
    await host.page.mouse.move(x, box["y"] + box["height"] * 0.45, steps=6)
    await host.page.mouse.up()
    await view.locator("#status", has_text="volume →").wait_for()
    shown = await view.locator('[data-db="track:0"]').inner_text()
    wanted = float(re.match(r"(-?\d+\.\d) dB", shown)[1])
    assert -40 < wanted < -3
    after = await host.call("live_get_mixer", {})
    assert after["tracks"][0]["volume"]["db"] == pytest.approx(wanted, abs=0.15)
    # A send: Bass into return A, dragged to 70% of its travel (-6.3 dB on the view's law).
    send = view.locator('[data-slider="track:1:send:0"]')
    box = await send.bounding_box()
    y = box["y"] + box["height"] / 2
    await host.page.mouse.move(box["x"] + 2, y)
    await host.page.mouse.down()
    await host.page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=5)
    await host.page.mouse.up()
    await view.locator("#status", has_text="track:1: send A").wait_for()
    sends = (await host.call("live_get_mixer", {}))["tracks"][1]["sends"]
    assert sends[0]["db"] == pytest.approx(-70 * (1 - 0.7) ** 2, abs=0.6)
    await host.shot("mixer")
