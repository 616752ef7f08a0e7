"""The built site against the specs: every declared name has its anchor, no undeclared tool is
mentioned, and no page pulls a script, stylesheet or font from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"
GUIDE = "add-a-tool.md"

# A tool name as a word of text; `views.live_rejected` (an attribute in code) is not a mention.
TOOL_WORD = re.compile(r"(?<![.\w])live_[a-z0-9_]+")
INLINE_TAGS = {
    "a",
    "abbr",
    "b",
    "code",
    "em",
    "i",
    "kbd",
    "mark",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
}
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)
CSS_URL = re.compile(r"""(?:url\(\s*|@import\s+)["']?([^"')\s;]+)""", re.I)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def tools_by_domain() -> dict[str, list[str]]:
    return {
        path.stem: [tool["name"] for tool in load(path)]
        for path in sorted((SPECS / "tools").glob("*.yaml"))
    }


def declared_tools() -> set[str]:
    return {name for names in tools_by_domain().values() for name in names}


def all_keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(map(str, node)) | {k for value in node.values() for k in all_keys(value)}
    if isinstance(node, list):
        return {k for item in node for k in all_keys(item)}
    return set()


def not_tools() -> set[str]:
    """`live_*` words that are not tool names: fields in the specs (live_version) and packages."""
    fields = {key for path in SPECS.rglob("*.yaml") for key in all_keys(load(path))}
    packages = {p.parent.name for p in REPO.glob("*/__init__.py")}
    return fields | packages


def ids_of(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))


def built_pages(site) -> list[Path]:
    return sorted(site.root.rglob("*.html"))


def test_the_build_is_clean(built_site):
    assert "WARNING" not in built_site.log, built_site.log
    for page in ("index.md", "getting-started.md", "architecture.md", GUIDE, "security.md"):
        assert built_site.page(page).is_file(), page
    assert built_site.page("bridge-protocol.md").is_file()


@pytest.mark.parametrize("domain", sorted(tools_by_domain()))
def test_every_tool_has_its_anchor_on_its_domain_page(built_site, domain):
    page = built_site.page(f"reference/{domain}.md")
    assert page.is_file(), f"no reference page for specs/tools/{domain}.yaml"
    missing = set(tools_by_domain()[domain]) - ids_of(page.read_text(encoding="utf-8"))
    assert not missing, f"{page.name} has no anchor for {sorted(missing)}"


def test_every_domain_is_in_the_sites_navigation(built_site):
    """The Reference nav is generated from the specs: no domain is missing, none is listed twice."""
    home = built_site.page("index.md").read_text(encoding="utf-8")
    nav = re.findall(r'href="reference/([a-z0-9_]+)\.html" class="md-nav__link', home)
    domains = sorted(tools_by_domain())
    assert sorted(set(nav) & set(domains)) == domains
    assert len(nav) == len(set(nav))


@pytest.mark.parametrize(
    ("spec", "key", "page"),
    [
        ("resources.yaml", "name", "reference/resources.md"),
        ("prompts.yaml", "name", "reference/prompts.md"),
        ("errors.yaml", "code", "reference/errors.md"),
    ],
)
def test_every_resource_prompt_and_error_code_has_its_anchor(built_site, spec, key, page):
    names = {entry[key] for entry in load(SPECS / spec)}
    assert names
    missing = names - ids_of(built_site.page(page).read_text(encoding="utf-8"))
    assert not missing, f"{page} has no anchor for {sorted(missing)}"


class PageText(HTMLParser):
    """The text a reader sees (no attributes, so no anchor ids), blocks kept apart by spaces."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in INLINE_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def text_of(page: Path) -> str:
    parser = PageText()
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def test_no_page_mentions_an_undeclared_tool(built_site):
    declared, allowed = declared_tools(), not_tools()
    guide_tool = re.search(r"^- name: (live_\w+)$", (REPO / "docs" / GUIDE).read_text(), re.M)[1]
    assert guide_tool not in declared, "the guide's example must be a tool the specs lack"
    unknown = {}
    for page in built_pages(built_site):
        words = set(TOOL_WORD.findall(text_of(page))) - declared - allowed
        # The stem of a glob over tool names (`live_delete_*` in a policy) names no tool itself.
        words = {
            w for w in words if not (w.endswith("_") and any(d.startswith(w) for d in declared))
        }
        if page == built_site.page(GUIDE):
            words.discard(guide_tool)  # the one tool the guide adds; it is not declared (yet)
        if words:
            unknown[str(page.relative_to(built_site.root))] = sorted(words)
    assert not unknown, f"pages name tools the specs do not declare: {unknown}"


class AssetRefs(HTMLParser):
    """Every URL a page loads as a resource (not plain <a> links, which load nothing)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        for name in ("src", "srcset", "data", "poster"):
            if attr.get(name):
                self.urls.append(attr[name])
        # A canonical link names the page's published address; a browser loads nothing from it.
        if tag == "link" and attr.get("href") and attr.get("rel") != "canonical":
            self.urls.append(attr["href"])
        if attr.get("style"):
            self.urls += CSS_URL.findall(attr["style"])

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls += CSS_URL.findall(data)


def test_no_page_loads_anything_from_the_network(built_site):
    offenders = {}
    for page in built_pages(built_site):
        parser = AssetRefs()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [url for url in parser.urls if EXTERNAL.match(url)]
        if external:
            offenders[str(page.relative_to(built_site.root))] = external
    for sheet in sorted(built_site.root.rglob("*.css")):
        external = [u for u in CSS_URL.findall(sheet.read_text()) if EXTERNAL.match(u)]
        if external:
            offenders[str(sheet.relative_to(built_site.root))] = external
    assert not offenders, f"external scripts, stylesheets, fonts or images: {offenders}"
