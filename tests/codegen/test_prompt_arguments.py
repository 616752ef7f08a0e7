"""A prompt's required arguments are exactly those its text uses and that have no default: the server
fills a missing optional argument with its default or with nothing, so anything else either leaves a
hole in the text or asks the user for what the prompt can do without."""

from __future__ import annotations

import pytest
from codegen_helpers import REAL_SPECS

from codegen.generate import load_ir
from codegen.rules.common import format_fields
from generated import registry_gen

PROMPTS = load_ir(REAL_SPECS).prompts


@pytest.mark.parametrize("prompt", PROMPTS, ids=[p.name for p in PROMPTS])
def test_required_is_used_without_default(prompt):
    used = format_fields(prompt.text)
    required = {a.name for a in prompt.arguments if a.required}
    assert required == {a.name for a in prompt.arguments if a.name in used and a.default is None}
    assert {a.name for a in prompt.arguments} == used, "every argument is used, and only those"


def test_the_registry_publishes_the_same_required_flags():
    published = {
        p["name"]: {a["name"] for a in p["arguments"] if a["required"]}
        for p in registry_gen.PROMPTS
    }
    assert published == {p.name: {a.name for a in p.arguments if a.required} for p in PROMPTS}


def test_humanize_clip_requires_the_clip_and_describes_it_plainly():
    humanize = next(p for p in PROMPTS if p.name == "humanize_clip")
    clip = next(a for a in humanize.arguments if a.name == "clipId")
    assert clip.required
    assert clip.description == "The clip's id, from live_list_clips."
