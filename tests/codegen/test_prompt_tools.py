"""A prompt leads a model through tools: each tool its text names is declared (else generation
fails on that very line), and its reference page says which toolsets those tools need."""

from __future__ import annotations

import pytest
from codegen_helpers import REAL_SPECS, copy_specs

from codegen.generate import load_ir
from codegen.problems import SpecError
from codegen.rules.prompt_tools import named_tools

REFERENCE = REAL_SPECS.parent / "docs" / "reference" / "prompts.md"


def test_a_prompt_naming_an_unknown_tool_fails_on_that_line(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    prompts = spec_dir / "prompts.yaml"
    text = prompts.read_text()
    assert text.count("live_show_view (arrangement)") == 1
    text = text.replace("live_show_view (arrangement)", "live_show_views (arrangement)")
    prompts.write_text(text)
    line = 1 + text[: text.index("live_show_views")].count("\n")
    with pytest.raises(SpecError) as info:
        load_ir(spec_dir)
    report = info.value.report()
    assert f"specs/prompts.yaml:{line}" in report, report
    assert "build_arrangement.text" in report
    assert "names live_show_views, which is not a declared tool" in report
    assert "did you mean live_show_view" in report


def test_a_folded_tool_named_in_a_prompt_is_caught(tmp_path):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    prompts = spec_dir / "prompts.yaml"
    prompts.write_text(
        prompts.read_text().replace("with live_get_notes,", "with live_set_param,", 1)
    )
    with pytest.raises(SpecError) as info:
        load_ir(spec_dir)
    assert "names live_set_param, which is not a declared tool" in info.value.report()


def test_the_arrangement_prompt_leads_through_the_arrangement_tools_and_batches():
    ir = load_ir(REAL_SPECS)
    prompt = next(p for p in ir.prompts if p.name == "build_arrangement")
    named = {word for _, word in named_tools(prompt.text)}
    assert {
        "live_list_arrangement_clips",
        "live_duplicate_clip_to_arrangement",
        "live_add_cue_point",
        "live_list_cue_points",
        "live_batch",
        "live_undo",
    } <= named
    assert "arrangement" in prompt.toolsets and prompt.extra_toolsets == ("arrangement",)
    humanize = next(p for p in ir.prompts if p.name == "humanize_clip")
    assert humanize.extra_toolsets == ()  # the default set serves it


def test_each_prompt_page_says_which_toolsets_it_needs():
    page = REFERENCE.read_text()
    section = page[page.index("## build_arrangement") :]
    section = section[: section.index("\n## ") if "\n## " in section else len(section)]
    assert "Toolsets it needs:" in section and "`arrangement`" in section
    assert "--toolsets default,arrangement" in section
    assert page.count("Toolsets it needs:") == page.count("\n## ")
