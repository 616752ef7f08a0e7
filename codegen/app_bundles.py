"""The MCP Apps views, bundled: `make apps` builds them, `make check` says when one is stale.

Each view of specs/apps.yaml has its sources in apps/<bundle>/ (index.html, main.js, style.css)
and shares apps/shared/. `--build` bundles main.js with esbuild (pinned in package.json, with the
official `@modelcontextprotocol/ext-apps`) and inlines it and the CSS into ONE self-contained file,
live_mcp/views/<bundle>.html, committed like generated code: a view loads nothing at run time.

Its second line records a hash of the sources (every file of both folders, and the pinned versions
of the two npm packages), so `--check` compares hashes and needs no Node: a changed source with an
unbuilt bundle fails it, naming the view and the command that rebuilds it.

    python -m codegen.app_bundles --build     # needs node_modules (npm ci)
    python -m codegen.app_bundles --check     # exit 1 when a bundle is stale or missing
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES = "apps"
SHARED = "shared"
OUT_DIR = "live_mcp/views"
# The npm packages whose versions a bundle depends on (their code is inlined).
PINNED = ("@modelcontextprotocol/ext-apps", "esbuild")
HEADER = re.compile(r"^<!-- live-mcp view (?P<bundle>\w+): sources (?P<hash>sha256:[0-9a-f]{64})")
SCRIPT_SLOT, STYLE_SLOT = "<!-- script -->", "<!-- style -->"


def bundles(root: Path) -> list[str]:
    """The view folders under apps/ (every folder but shared/), sorted."""
    base = root / SOURCES
    return sorted(p.name for p in base.iterdir() if p.is_dir() and p.name != SHARED)


def _files(root: Path, bundle: str) -> list[Path]:
    folders = (root / SOURCES / SHARED, root / SOURCES / bundle)
    return sorted(
        (p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file()),
        key=lambda p: p.relative_to(root).as_posix(),
    )


def source_hash(root: Path, bundle: str) -> str:
    """sha256 over each source's path and bytes, then the pinned npm versions."""
    digest = hashlib.sha256()
    for path in _files(root, bundle):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    package = json.loads((root / "package.json").read_text())
    pins = package.get("devDependencies", {})
    for name in PINNED:
        digest.update(f"{name}@{pins.get(name, 'missing')}\n".encode())
    return "sha256:" + digest.hexdigest()


def header(bundle: str, digest: str) -> str:
    return (
        f"<!-- live-mcp view {bundle}: sources {digest}. Built by `make apps` from "
        f"apps/{bundle}/ and apps/shared/. DO NOT EDIT. -->"
    )


def recorded_hash(html_path: Path) -> str | None:
    if not html_path.is_file():
        return None
    with html_path.open(encoding="utf-8") as f:
        f.readline()  # <!doctype html>
        match = HEADER.match(f.readline())
    return match["hash"] if match else None


def stale(root: Path) -> list[str]:
    """A line per view whose committed bundle does not match its sources."""
    problems = []
    for bundle in bundles(root):
        out = root / OUT_DIR / f"{bundle}.html"
        recorded, wanted = recorded_hash(out), source_hash(root, bundle)
        if recorded is None:
            problems.append(f"{out.relative_to(root)}: missing or without its sources header")
        elif recorded != wanted:
            problems.append(
                f"{out.relative_to(root)}: stale (built from {recorded[:19]}…, "
                f"sources are {wanted[:19]}…)"
            )
    return problems


def _esbuild(root: Path, entry: Path) -> str:
    binary = root / "node_modules" / ".bin" / "esbuild"
    if not binary.exists():
        raise SystemExit("esbuild is not installed: run `npm ci` (or `make apps`, which does)")
    done = subprocess.run(
        [
            str(binary),
            str(entry.relative_to(root)),
            "--bundle",
            "--minify",
            "--format=esm",
            "--target=es2020",
            "--legal-comments=none",
            "--charset=ascii",
            "--log-level=warning",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"esbuild failed on {entry.relative_to(root)}:\n{done.stderr}")
    return done.stdout


def build_one(root: Path, bundle: str) -> str:
    """The view's self-contained HTML: its index.html with the bundled script and CSS inlined."""
    folder = root / SOURCES / bundle
    page = (folder / "index.html").read_text(encoding="utf-8")
    css = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (root / SOURCES / SHARED / "base.css", folder / "style.css")
        if p.is_file()
    )
    script = _esbuild(root, folder / "main.js").replace("</script", "<\\/script")
    for slot in (SCRIPT_SLOT, STYLE_SLOT):
        if page.count(slot) != 1:
            raise SystemExit(f"apps/{bundle}/index.html must hold {slot} exactly once")
    page = page.replace(STYLE_SLOT, f"<style>\n{css}</style>")
    page = page.replace(SCRIPT_SLOT, f'<script type="module">{script}</script>')
    doctype, _, rest = page.partition("\n")
    if doctype.strip().lower() != "<!doctype html>":
        raise SystemExit(f"apps/{bundle}/index.html must start with <!doctype html>")
    return f"{doctype}\n{header(bundle, source_hash(root, bundle))}\n{rest}"


def build(root: Path) -> list[str]:
    written = []
    (root / OUT_DIR).mkdir(parents=True, exist_ok=True)
    for bundle in bundles(root):
        out = root / OUT_DIR / f"{bundle}.html"
        out.write_text(build_one(root, bundle), encoding="utf-8")
        written.append(f"{out.relative_to(root)} ({out.stat().st_size // 1024} KB)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.app_bundles", description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--build", action="store_true", help="bundle every view (needs npm ci)")
    mode.add_argument("--check", action="store_true", help="exit 1 if a bundle is stale")
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.build:
        for line in build(root):
            print(f"apps: wrote {line}")
        return 0
    problems = stale(root)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print("apps: rebuild the views with `make apps`.", file=sys.stderr)
        return 1
    print(f"apps: {len(bundles(root))} view bundles are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
