"""Rules for specs/apps.yaml: every tool a view names is declared, and each view is one of a kind."""

from __future__ import annotations

from collections.abc import Iterator

from codegen.loader import LoadedSpecs
from codegen.problems import SpecProblem
from codegen.rules.common import declared, did_you_mean, problem


def rule_apps_name_declared_tools(specs: LoadedSpecs) -> Iterator[SpecProblem]:
    """A view's opening and called tools exist; a tool opens one view at most; URIs, names and
    bundles are not shared (a bundle is one file, a tool carries one resourceUri)."""
    known = declared(specs, "tools", "name")
    opened: dict[str, str] = {}
    seen: dict[str, set[str]] = {"uri": set(), "name": set(), "bundle": set()}
    for spec_file in specs.of_kind("apps"):
        for index, app in spec_file.items():
            for attr, values in seen.items():
                value = getattr(app, attr)
                if value in values:
                    yield problem(spec_file, (index, attr), f"{attr} {value!r} is declared twice")
                values.add(value)
            for key in ("opened_by", "calls"):
                for i, tool in enumerate(getattr(app, key)):
                    if tool not in known and specs.complete("tools"):
                        hint = did_you_mean(tool, known)
                        yield problem(
                            spec_file, (index, key, i), f"tool {tool!r} is not declared{hint}"
                        )
            for i, tool in enumerate(app.opened_by):
                if tool in opened:
                    yield problem(
                        spec_file,
                        (index, "opened_by", i),
                        f"{tool} already opens the view {opened[tool]}: a tool opens one view",
                    )
                opened.setdefault(tool, app.uri)
