"""Names derived from spec names, shared by the emitters."""

from __future__ import annotations


def singular(name: str) -> str:
    """Class name for one item of a list field: `Notes` -> `Note`, `Matches` -> `Match`."""
    for plural, single in (
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("sses", "ss"),
        ("ies", "y"),
    ):
        if name.endswith(plural):
            return name[: -len(plural)] + single
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name
