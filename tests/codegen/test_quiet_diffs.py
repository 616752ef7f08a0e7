"""Quiet diffs: a generated file's header names and hashes only the specs it is made from, so adding
a spec domain changes only the outputs that list every tool, and adds the domain's own page."""

from __future__ import annotations

import shutil

from codegen_helpers import REAL_SPECS, REPO, copy_specs

from codegen.generate import generate_files

NEW_DOMAIN = REPO / "tests" / "data" / "colors.yaml"

# The outputs that list every tool (or every batchable one, as live_batch's page does).
LIST_EVERY_TOOL = {
    "generated/models_gen.py",
    "generated/registry_gen.py",
    "live_script/dispatch_gen.py",
    "live_script/stubs_gen.py",
    "manifest.json",
    "docs/tools.json",
    "docs/reference/index.md",
    "docs/reference/SUMMARY.md",
    "docs/reference/errors.md",
    "docs/reference/batch.md",
}


def test_adding_a_domain_changes_only_the_files_that_list_every_tool(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    before = generate_files(spec_dir)
    shutil.copy2(NEW_DOMAIN, spec_dir / "tools" / "colors.yaml")
    after = generate_files(spec_dir)

    added = set(after) - set(before)
    changed = {rel for rel in before if after.get(rel) != before[rel]}
    assert added == {"docs/reference/colors.md"}
    assert changed == LIST_EVERY_TOOL
    # Every other domain's page is byte for byte the same, header included.
    untouched = [rel for rel in before if rel.startswith("docs/reference/") and rel not in changed]
    assert "docs/reference/song.md" in untouched and "docs/reference/notes.md" in untouched


def test_a_domain_page_header_names_only_its_own_spec_and_the_errors():
    files = generate_files(REAL_SPECS)
    head = files["docs/reference/song.md"][:600]
    named = {line.split(" sha256:")[0] for line in head.splitlines() if " sha256:" in line}
    assert named == {"specs/tools/song.yaml", "specs/errors.yaml"}
    assert "spec hash" not in head


def test_editing_one_domain_leaves_the_other_domain_pages_alone(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    before = generate_files(spec_dir)
    song = spec_dir / "tools" / "song.yaml"
    song.write_text(song.read_text(encoding="utf-8") + "\n# a comment changes the file's hash\n")
    after = generate_files(spec_dir)
    changed = {rel for rel in before if after[rel] != before[rel]}
    assert "docs/reference/song.md" in changed
    assert changed <= LIST_EVERY_TOOL | {"docs/reference/song.md"}
    other_domains = [
        rel
        for rel in before
        if rel.startswith("docs/reference/")
        and rel not in LIST_EVERY_TOOL
        and rel != "docs/reference/song.md"
    ]
    assert len(other_domains) > 5
    assert all(after[rel] == before[rel] for rel in other_domains)
