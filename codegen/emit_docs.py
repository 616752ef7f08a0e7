"""The Markdown tool reference under docs/reference/: an index, one page per tool domain, resources,
prompts and the error catalogue."""

from __future__ import annotations

from codegen.budget import budgets_for_docs
from codegen.headers import header_lines, markdown_header
from codegen.ir.model import ProjectIR
from codegen.problems import processing
from codegen.render import render

REFERENCE_DIR = "docs/reference"
# The site's address and repository links, which mkdocs.yml inherits (`INHERIT:`), so that
# specs/server.yaml is the one place they are set.
SITE_CONFIG = "mkdocs.site.yml"
# The nav file mkdocs-literate-nav reads for the Reference section (`nav: - Reference: reference/`).
NAV_FILE = "SUMMARY.md"


def nav_pages(ir: ProjectIR) -> list[tuple[str, str]]:
    """(title, page) of every reference page, in the order the site's nav lists them."""
    return [
        ("Overview", "index.md"),
        *((domain.title, f"{domain.name}.md") for domain in ir.domains),
        ("Resources", "resources.md"),
        ("Prompts", "prompts.md"),
        ("Error codes", "errors.md"),
    ]


def emit_docs(ir: ProjectIR) -> dict[str, str]:
    def page(template: str, sources, **context) -> str:
        return render(template, ir=ir, header=markdown_header(sources), **context)

    pages = {
        f"{REFERENCE_DIR}/index.md": page(
            "docs_index.md.j2",
            ir.sources_of("tools", "resources", "prompts", "toolsets"),
            **budgets_for_docs(),
        ),
        f"{REFERENCE_DIR}/resources.md": page(
            "docs_resources.md.j2", ir.sources_of("resources", "apps")
        ),
        f"{REFERENCE_DIR}/prompts.md": page("docs_prompts.md.j2", ir.sources_of("prompts")),
        f"{REFERENCE_DIR}/errors.md": page("docs_errors.md.j2", ir.sources_of("errors", "tools")),
    }
    for domain in ir.domains:
        with processing(f"{domain.source.path} (its reference page)"):
            # A page that lists every tool's name (live_batch's enum of batchable tools) is
            # generated from every tool spec, and its header says so.
            lists_tools = any(tool.lists_tools for tool in domain.tools)
            own = ir.sources_of("tools") if lists_tools else (domain.source,)
            sources = (*own, *ir.sources_of("errors"))
            pages[f"{REFERENCE_DIR}/{domain.name}.md"] = page(
                "docs_domain.md.j2", sources, domain=domain
            )
    pages[f"{REFERENCE_DIR}/{NAV_FILE}"] = page(
        "docs_nav.md.j2", ir.sources_of("tools"), pages=nav_pages(ir)
    )
    if ir.server.site_url:
        pages[SITE_CONFIG] = _site_config(ir)
    return pages


def _site_config(ir: ProjectIR) -> str:
    """site_url, and the repository as a footer link. Not `repo_url`: the theme would then ask
    GitHub's API for the repository's stars on every page view, and the site fetches nothing."""
    server = ir.server
    lines = [f"# {line}" for line in header_lines(ir.sources_of("server"))]
    lines.append(f"site_url: {server.site_url}")
    if server.repository:
        lines += [
            "extra:",
            "  social:",
            "    - icon: fontawesome/brands/github",
            f"      link: {server.repository}",
            "      name: Source repository",
        ]
    return "\n".join(lines) + "\n"
