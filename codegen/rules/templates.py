"""Rules on the str.format templates in the specs: tool summaries, prompt texts, resource URIs and
bridge args must parse, and a summary must render every example result the way the server will."""

from __future__ import annotations

from collections.abc import Iterator

from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem
from codegen.rules.common import format_error, problem, prompts, resources, tools
from live_mcp.summary import FORMAT_ERRORS, format_summary


def rule_templates_parse(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    for spec_file, index, tool in tools(specs):
        if why := format_error(tool.summary):
            yield problem(spec_file, (index, "summary"), f"summary is not a valid template: {why}")
    for spec_file, index, prompt in prompts(specs):
        if why := format_error(prompt.text):
            yield problem(spec_file, (index, "text"), f"text is not a valid template: {why}")
    for spec_file, index, resource in resources(specs):
        if resource.uri_template is not None and (why := format_error(resource.uri_template)):
            yield problem(
                spec_file, (index, "uri_template"), f"uri_template is not a valid template: {why}"
            )
        if resource.uri is not None and ("{" in resource.uri or "}" in resource.uri):
            yield problem(
                spec_file,
                (index, "uri"),
                "a uri with {variables} is a template: write it as uri_template",
            )
        for arg, template in resource.bridge.args.items():
            if why := format_error(template):
                yield problem(
                    spec_file, (index, "bridge", "args", arg), f"not a valid template: {why}"
                )


def rule_summary_renders_examples(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """Format specs ({tempo:d}) only fail on real values: try each example result."""
    for spec_file, index, tool in tools(specs):
        if format_error(tool.summary):
            continue
        for i, example in enumerate(tool.examples):
            if example.result is None or not set(tool.output) <= set(example.result):
                continue  # an example off its schema is reported by rule_examples_match_schemas
            try:
                format_summary(tool.summary, example.result)
            except FORMAT_ERRORS as exc:
                yield problem(
                    spec_file,
                    (index, "summary"),
                    f"summary cannot render example {i}'s result: {type(exc).__name__}: {exc}",
                )
