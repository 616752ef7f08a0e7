"""The one Jinja environment every template renders in, with its filters registered in one place."""

from __future__ import annotations

import pprint
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


def pyrepr(value: Any) -> str:
    """A Python literal for a value; ruff formats it afterwards."""
    return pprint.pformat(value, sort_dicts=False, width=100)


def pytuple(value: Any) -> str:
    return pyrepr(tuple(value))


def squash(text: str) -> str:
    """Fold YAML's folded-scalar whitespace into single spaces."""
    return " ".join(str(text).split())


def cell(text: Any) -> str:
    """Text safe inside a Markdown table cell: no line breaks, pipes escaped."""
    return squash(str(text)).replace("|", "\\|")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("codegen", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,
    )
    env.filters.update(pyrepr=pyrepr, pytuple=pytuple, squash=squash, cell=cell)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
