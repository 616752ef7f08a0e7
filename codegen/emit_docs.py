"""The Markdown tool reference under docs/reference/: an index, one page per tool domain, resources,
prompts and the error catalogue."""

from __future__ import annotations

from codegen.headers import markdown_header
from codegen.ir import ProjectIR
from codegen.problems import processing
from codegen.render import render

REFERENCE_DIR = "docs/reference"
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
        return render(template, ir=ir, header=markdown_header(sources, ir.spec_hash), **context)

    pages = {
        f"{REFERENCE_DIR}/index.md": page(
            "docs_index.md.j2", ir.sources_of("tools", "resources", "prompts", "toolsets")
        ),
        f"{REFERENCE_DIR}/resources.md": page(
            "docs_resources.md.j2", ir.sources_of("resources", "apps")
        ),
        f"{REFERENCE_DIR}/prompts.md": page("docs_prompts.md.j2", ir.sources_of("prompts")),
        f"{REFERENCE_DIR}/errors.md": page("docs_errors.md.j2", ir.sources_of("errors", "tools")),
    }
    for domain in ir.domains:
        with processing(f"{domain.source.path} (its reference page)"):
            sources = (domain.source, *ir.sources_of("errors"))
            pages[f"{REFERENCE_DIR}/{domain.name}.md"] = page(
                "docs_domain.md.j2", sources, domain=domain
            )
    pages[f"{REFERENCE_DIR}/{NAV_FILE}"] = page(
        "docs_nav.md.j2", ir.sources_of("tools"), pages=nav_pages(ir)
    )
    return pages
