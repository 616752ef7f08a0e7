"""What a prompt's text leads a model to: every `live_*` tool it names must be declared (a prompt
naming a renamed or folded tool sends the model to a tool no server lists), reported on the very
line of the text that names it; and the toolsets those tools are in, for the prompt's reference
page (a prompt may need tools the default set does not serve)."""

from __future__ import annotations

from collections.abc import Iterator

from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem
from codegen.rules.common import TOOL_WORD, declared, did_you_mean, prompts
from codegen.rules.references import NOT_TOOLS


def named_tools(text: str) -> list[tuple[int, str]]:
    """(line within the text, tool word) for every `live_*` word, in order."""
    return [
        (offset, word)
        for offset, line in enumerate(text.splitlines())
        for word in TOOL_WORD.findall(line)
        if word not in NOT_TOOLS
    ]


def rule_prompt_text_names_declared_tools(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    if not specs.complete("tools"):
        return
    known = declared(specs, "tools", "name")
    for spec_file, index, prompt in prompts(specs):
        path = (index, "text")
        # A block scalar (`text: |`) starts on the line below its key; a one-line text on it.
        first = spec_file.line_of(path) + (1 if "\n" in prompt.text.rstrip("\n") else 0)
        seen = set()
        for offset, word in named_tools(prompt.text):
            if word in known or word in seen:
                continue
            seen.add(word)
            hint = did_you_mean(word, known, quote=False)
            yield SpecProblem(
                spec_file.path,
                first + offset,
                spec_file.label(path),
                f"the prompt's text names {word}, which is not a declared tool{hint}",
            )
