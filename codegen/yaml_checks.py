"""Mistakes YAML itself lets through silently: a key given twice (the parser keeps the last), and a
quoted value that swallowed what was meant as the next key (`'…, required: true'`)."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

KeyPath = tuple[str | int, ...]

# `, key: value` inside a string: the shape a closing quote placed too late leaves behind.
SWALLOWED = re.compile(r",\s*(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*:\s+(?P<value>\S[^,]*)")


@dataclass(frozen=True)
class DuplicateKey:
    path: KeyPath  # the repeated key's path
    line: int  # where it is repeated
    first_line: int  # where it was given first


@dataclass(frozen=True)
class SwallowedKey:
    path: KeyPath  # the string value that holds the key
    key: str
    text: str  # the `, key: value` part as written


def duplicate_keys(node: yaml.Node | None, path: KeyPath = ()) -> Iterator[DuplicateKey]:
    """Every key given twice in one mapping, anywhere in a composed document."""
    if isinstance(node, yaml.MappingNode):
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first:
                yield DuplicateKey((*path, key), line, first[key])
            else:
                first[key] = line
            yield from duplicate_keys(value_node, (*path, key))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from duplicate_keys(item, (*path, index))


def swallowed_keys(data: Any, model: Any, path: KeyPath = ()) -> Iterator[SwallowedKey]:
    """String values of a mapping that contain `, k: v` where `k` is a key this mapping's model
    accepts and the mapping does not have: the quote most likely closed one key too late."""
    target = model_of(model)
    if isinstance(data, dict) and target is not None:
        accepted = set(target.model_fields)
        missing = accepted - set(data)
        for key, value in data.items():
            if isinstance(value, str):
                for found in SWALLOWED.finditer(value):
                    if found["key"] in missing:
                        yield SwallowedKey((*path, key), found["key"], found.group(0).lstrip(", "))
            elif key in accepted:
                yield from swallowed_keys(value, target.model_fields[key].annotation, (*path, key))
    elif isinstance(data, dict):
        value_type = dict_value_type(model)
        for key, value in data.items():
            yield from swallowed_keys(value, value_type, (*path, key))
    elif isinstance(data, list):
        item_type = list_item_type(model)
        for index, item in enumerate(data):
            yield from swallowed_keys(item, item_type, (*path, index))


def _options(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def model_of(annotation: Any) -> type[BaseModel] | None:
    for option in _options(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            return option
    return None


def dict_value_type(annotation: Any) -> Any:
    for option in _options(annotation):
        if typing.get_origin(option) is dict:
            return typing.get_args(option)[1]
    return None


def list_item_type(annotation: Any) -> Any:
    for option in _options(annotation):
        if typing.get_origin(option) is list:
            return typing.get_args(option)[0]
    return None
