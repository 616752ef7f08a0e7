"""The Markdown tool reference under docs/reference/: an index, one page per tool domain, resources,
prompts and the error catalogue."""

from __future__ import annotations

from codegen.headers import markdown_header
from codegen.ir import ProjectIR
from codegen.render import render

REFERENCE_DIR = "docs/reference"


def emit_docs(ir: ProjectIR) -> dict[str, str]:
    def page(template: str, sources, **context) -> str:
        return render(template, ir=ir, header=markdown_header(sources, ir.spec_hash), **context)

    pages = {
        f"{REFERENCE_DIR}/index.md": page(
            "docs_index.md.j2", ir.sources_of("tools", "resources", "prompts", "toolsets")
        ),
        f"{REFERENCE_DIR}/resources.md": page("docs_resources.md.j2", ir.sources_of("resources")),
        f"{REFERENCE_DIR}/prompts.md": page("docs_prompts.md.j2", ir.sources_of("prompts")),
        f"{REFERENCE_DIR}/errors.md": page("docs_errors.md.j2", ir.sources_of("errors", "tools")),
    }
    for domain in ir.domains:
        sources = (domain.source, *ir.sources_of("errors"))
        pages[f"{REFERENCE_DIR}/{domain.name}.md"] = page(
            "docs_domain.md.j2", sources, domain=domain
        )
    return pages
