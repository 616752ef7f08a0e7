"""A real browser on the built site: headless Chromium, driven over the DevTools protocol.

The site is served from 127.0.0.1 on an ephemeral port; Chromium opens a reference page, the test
checks its title, types a tool name into the search box and waits for it among the results, saves
screenshots under build/docs-screenshots/, and checks that the browser requested nothing but the
local server.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from docs_cdp import Chromium, find_chromium

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "docs-screenshots"
CONFIG = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
PAGE, TOOL = "reference/song.md", "live_set_tempo"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="chromium is not installed (`make chromium` installs Debian's package as root)",
    ),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site_url(built_site) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def browser() -> Iterator[Chromium]:
    chromium = Chromium(find_chromium()).start()  # type: ignore[arg-type]
    try:
        yield chromium
    finally:
        chromium.stop()


def nav_title(page: str, nav: object = None) -> str | None:
    """The title mkdocs.yml's nav gives a page: what the browser tab must show."""
    for item in CONFIG["nav"] if nav is None else nav:
        for title, value in item.items():
            if value == page:
                return title
            found = None if isinstance(value, str) else nav_title(page, value)
            if found:
                return found
    return None


def test_reference_page_title_and_search_in_chromium(site_url, browser):
    browser.call("Network.enable")
    browser.call("Page.enable")
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=1280,
        height=900,
        deviceScaleFactor=1,
        mobile=False,
    )
    url = site_url + PAGE.replace(".md", ".html")
    browser.navigate(url)

    assert browser.evaluate("document.title") == f"{nav_title(PAGE)} - {CONFIG['site_name']}"
    assert browser.evaluate(f"!!document.getElementById('{TOOL}')")
    browser.screenshot(SCREENSHOTS / "reference-song.png")

    # Type into the search box as a person would: focus it, then key events insert the text.
    browser.evaluate("document.querySelector('label.md-search__icon, label[for=__search]').click()")
    browser.evaluate("document.querySelector('input.md-search__input').focus()")
    browser.call("Input.insertText", text=TOOL)
    found = browser.wait_until(
        "Array.from(document.querySelectorAll('.md-search-result__item'))"
        f".map(e => e.textContent).filter(t => t.includes('{TOOL}')).length",
        seconds=15,
    )
    assert found >= 1
    first_link = browser.evaluate("document.querySelector('.md-search-result__link').href")
    assert urlsplit(first_link).path.endswith("/" + PAGE.replace(".md", ".html"))
    shot = browser.screenshot(SCREENSHOTS / "reference-search.png")
    assert shot.stat().st_size > 10_000

    local = urlsplit(site_url).netloc
    elsewhere = browser.requested_urls(
        lambda u: not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != local
    )
    assert not elsewhere, f"the page fetched from outside the site: {elsewhere}"
