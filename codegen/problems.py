"""Spec problems: collected as values and reported together, each with its file, line and key.

And the one thing that is not a spec problem: an internal error of the generator, which says what it
was processing when it happened (`processing`), so the report names the spec even then.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

NOTE = "codegen was processing: "


@dataclass(frozen=True, order=True)
class SpecProblem:
    file: str
    line: int
    key: str
    message: str
    # Which rule found it (for the tests' coverage of every rule); not part of the report.
    rule: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class SpecError(Exception):
    """Raised once, after loading and checking, when any spec problem was found."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} spec problem(s)")

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} problem(s) in the specs; nothing was generated.")
        return "\n".join(lines)


@contextmanager
def processing(what: str) -> Iterator[None]:
    """Label an unexpected exception with what the generator was working on (innermost first)."""
    try:
        yield
    except SpecError:
        raise
    except Exception as exc:
        exc.add_note(NOTE + what)
        raise


def processing_notes(exc: BaseException) -> list[str]:
    return [n.removeprefix(NOTE) for n in getattr(exc, "__notes__", ()) if n.startswith(NOTE)]
