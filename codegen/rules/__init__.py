"""Cross-field spec rules. Each rule yields problems; `check_all` runs every rule and collects them.

A rule names the file, line and key of what it objects to, so the message can be acted on without
reading these modules. Rules run on whatever loaded, even when other files had problems, so one run
reports everything; a rule that checks "X is declared" stays silent while the declaring file is
itself broken (`LoadedSpecs.complete`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem, processing
from codegen.rules.apps import rule_apps_name_declared_tools
from codegen.rules.basics import (
    rule_bridge_methods_well_formed,
    rule_every_field_described,
    rule_examples_match_schemas,
    rule_names_unique_and_prefixed,
    rule_references_declared,
    rule_required_flag_only_on_input,
    rule_server_checks_on_string_inputs,
    rule_templates_name_known_fields,
    rule_undo_matches_annotations,
)
from codegen.rules.fields import rule_fields_are_valid_schemas, rule_prompt_argument_names
from codegen.rules.prompt_tools import rule_prompt_text_names_declared_tools
from codegen.rules.references import (
    rule_prompt_arguments_truthful,
    rule_prose_names_declared_tools,
    rule_resource_methods_declared,
)
from codegen.rules.templates import rule_summary_renders_examples, rule_templates_parse

Rule = Callable[[LoadedSpecs], Iterator[SpecProblem]]

RULES: tuple[Rule, ...] = (
    rule_names_unique_and_prefixed,
    rule_every_field_described,
    rule_required_flag_only_on_input,
    rule_server_checks_on_string_inputs,
    rule_undo_matches_annotations,
    rule_references_declared,
    rule_bridge_methods_well_formed,
    rule_templates_parse,
    rule_templates_name_known_fields,
    rule_summary_renders_examples,
    rule_fields_are_valid_schemas,
    rule_prompt_argument_names,
    rule_examples_match_schemas,
    rule_resource_methods_declared,
    rule_prose_names_declared_tools,
    rule_prompt_text_names_declared_tools,
    rule_prompt_arguments_truthful,
    rule_apps_name_declared_tools,
)
# Problems the loader finds before any rule runs (named in SpecProblem.rule).
LOADER_RULES = (
    "unknown_file",
    "yaml_syntax",
    "yaml_duplicate_key",
    "yaml_swallowed_key",
    "empty_file",
    "shape",
)
REQUIRED_FILES = {
    "errors": ("specs/errors.yaml", "the error catalogue is missing"),
    "server": ("specs/server.yaml", "the server identity file is missing"),
}


def check_all(specs: LoadedSpecs) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    # A missing required file makes its kind incomplete: its absence is the one problem to report.
    specs.broken |= {kind for kind in REQUIRED_FILES if kind not in specs.present}
    for rule in RULES:
        with processing(f"the spec rule {rule.__name__}"):
            problems.extend(dataclasses.replace(p, rule=rule.__name__) for p in rule(specs))
    for kind, (path, message) in REQUIRED_FILES.items():
        if kind not in specs.present:
            problems.append(SpecProblem(path, 1, "", message, rule="required_files"))
    return problems
