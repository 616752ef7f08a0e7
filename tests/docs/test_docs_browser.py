"""A real browser on the built site: Playwright driving the system's headless Chromium.

The site is served from 127.0.0.1 on an ephemeral port. Chromium opens a reference page, the test
checks its title, types a tool name into the search box as a person would and waits for it among the
results, saves screenshots under build/docs-screenshots/, opens every reference page looking for
console errors, checks that the navigation lists every spec domain, and that the browser requested
nothing but the local server. Playwright launches the system Chromium (`executable_path`): no browser
is downloaded.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "docs-screenshots"
CONFIG = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
PAGE, TOOL = "reference/song.md", "live_set_song_props"
# The flags a sandboxed, offline machine needs: no background fetches, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


playwright_api = pytest.importorskip("playwright.sync_api")
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


@pytest.fixture(scope="module")
def site_url(built_site) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


class Watched:
    """A page whose requests and console errors are recorded from the first navigation on."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "console",
            lambda message: (
                self.errors.append(f"console: {message.text}") if message.type == "error" else None
            ),
        )
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def off_host(self, site_url: str) -> list[str]:
        local = urlsplit(site_url).netloc
        return [
            url
            for url in self.requests
            if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != local
        ]


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    watched = Watched(browser)
    yield watched
    watched.context.close()


def html(page: str) -> str:
    return page.replace(".md", ".html")


def reference_pages(built_site) -> list[str]:
    return sorted(
        f"reference/{path.name}" for path in (built_site.root / "reference").glob("*.html")
    )


def test_reference_page_title_and_search_in_chromium(site_url, watched, built_site):
    page = watched.page
    page.goto(site_url + html(PAGE))

    # The tab shows the page's title in the navigation, then the site's name.
    nav_entry = page.locator(f"nav.md-nav--primary a.md-nav__link[href$='{Path(html(PAGE)).name}']")
    assert page.title() == f"{nav_entry.first.inner_text().strip()} - {CONFIG['site_name']}"
    assert page.locator(f"[id='{TOOL}']").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "reference-song.png"))

    # Type into the search box as a person would: click it, then key presses.
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(TOOL)
    hit = page.locator(".md-search-result__item", has_text=TOOL).first
    hit.wait_for(timeout=15_000)
    first_link = page.locator(".md-search-result__link").first.get_attribute("href")
    assert urlsplit(page.url).netloc and html(PAGE) in (first_link or "")
    shot = SCREENSHOTS / "reference-search.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    assert watched.off_host(site_url) == [], "the page fetched from outside the site"
    assert watched.errors == []


def test_every_reference_page_opens_without_console_errors(site_url, watched, built_site):
    pages = reference_pages(built_site)
    assert "reference/index.html" in pages and len(pages) > 3
    for name in pages:
        response = watched.page.goto(site_url + name)
        assert response is not None and response.ok, name
        assert watched.page.locator("article h1").count() >= 1, name
    assert watched.errors == []
    assert watched.off_host(site_url) == []


def test_the_nav_lists_every_spec_domain(site_url, watched):
    domains = sorted(path.stem for path in (REPO / "specs" / "tools").glob("*.yaml"))
    watched.page.goto(site_url + "index.html")
    links = watched.page.locator("nav.md-nav--primary a.md-nav__link[href]")
    targets = {
        urlsplit(href).path.rsplit("/", 1)[-1]
        for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    }
    missing = [domain for domain in domains if f"{domain}.html" not in targets]
    assert missing == [], f"the site's navigation does not list: {missing}"
