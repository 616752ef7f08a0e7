"""The README's size table quotes the generated reference's figures (docs/reference/index.md),
so it cannot drift when a spec changes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = r"\| (\d+) \| ([\d,]+) \((\d+)\) \| ([\d,]+) \((\d+)\) \|"


def _row(path: Path, label: str) -> tuple[str, ...]:
    found = re.search(re.escape(f"| {label} ") + FIGURES, path.read_text(encoding="utf-8"))
    assert found, f"{path.name} has no row '{label}'"
    return found.groups()


def test_the_readme_quotes_the_generated_sizes():
    readme, reference = ROOT / "README.md", ROOT / "docs" / "reference" / "index.md"
    assert _row(readme, "live-mcp, default set") == _row(reference, "Served by default")
    assert _row(readme, "live-mcp, `--toolsets all`") == _row(reference, "Every tool")
