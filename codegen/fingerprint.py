"""What each output was last generated from, so a no-change `--check` need not regenerate.

After a run that wrote (or verified) every output, the generator records in
`build/codegen-fingerprint.json` the hash of every spec file, of the generator itself (its source,
its templates, every other module of this repository it imported, and the pinned tool versions in
pyproject.toml, which shape the output too) and of each output as written. A later run whose specs, generator and outputs all hash the same, with no stray
generated file beside them, has nothing to do. Anything else (a spec or generator edit, an output
edited by hand or deleted, a stale output) falls back to a full regeneration, which prints the diff.

Standard library only, and only what the check needs: importing pydantic or yaml here would cost
more than the whole check.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from codegen.headers import strays

CACHE = Path("build") / "codegen-fingerprint.json"
FORMAT = 2
CODEGEN_DIR = Path(__file__).resolve().parent
REPO_ROOT = CODEGEN_DIR.parent
# The pins of the tools (ruff, datamodel-code-generator, pydantic) whose behaviour shapes the output.
PINS = "pyproject.toml"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generator_files(outputs: Iterable[str] = ()) -> list[str]:
    """What the running generator is made of, relative to the repository: codegen/ (source and
    templates), every other module of this repository it has imported (live_mcp's summary
    formatter and toolsets, ...), and the pins. Read from the imports, so a module the generator
    comes to use is covered without a list to keep; outputs are not the generator."""
    files = {p for p in CODEGEN_DIR.rglob("*") if p.suffix in (".py", ".j2") and p.is_file()}
    for module in list(sys.modules.values()):
        source = getattr(module, "__file__", None)
        path = Path(source).resolve() if source else None
        if path and path.is_relative_to(REPO_ROOT) and ".venv" not in path.parts:
            files.add(path)
    files.add(REPO_ROOT / PINS)
    skip = set(outputs)
    return sorted(
        rel for rel in (p.relative_to(REPO_ROOT).as_posix() for p in files) if rel not in skip
    )


def generator_hash(files: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for rel in files:
        path = REPO_ROOT / rel
        digest.update(rel.encode() + b"\0")
        digest.update((path.read_bytes() if path.is_file() else b"(missing)") + b"\0")
    return digest.hexdigest()


def spec_hashes(spec_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(spec_dir).as_posix(): _sha(p.read_bytes())
        for p in sorted(spec_dir.rglob("*.yaml"))
        if p.is_file()
    }


def _where(root: Path, spec_dir: Path) -> str:
    try:
        return spec_dir.relative_to(root).as_posix()
    except ValueError:
        return spec_dir.as_posix()


def record(root: Path, spec_dir: Path, files: dict[str, str]) -> None:
    """Remember that `files` (now on disk under root) were generated from spec_dir as it is."""
    made_of = generator_files(files)
    fingerprint = {
        "format": FORMAT,
        "specs_dir": _where(root, spec_dir),
        "generator_files": made_of,
        "generator": generator_hash(made_of),
        "specs": spec_hashes(spec_dir),
        "outputs": {
            rel: {"sha256": _sha(text.encode("utf-8"))} for rel, text in sorted(files.items())
        },
    }
    path = root / CACHE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(fingerprint, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def up_to_date(root: Path, spec_dir: Path) -> int | None:
    """The number of outputs if everything matches the recorded fingerprint, else None."""
    try:
        fingerprint = json.loads((root / CACHE).read_text(encoding="utf-8"))
        outputs: dict[str, dict[str, str]] = fingerprint["outputs"]
        if (
            fingerprint.get("format") != FORMAT
            or fingerprint.get("specs_dir") != _where(root, spec_dir)
            or fingerprint.get("generator") != generator_hash(fingerprint["generator_files"])
            or fingerprint.get("specs") != spec_hashes(spec_dir)
        ):
            return None
        for rel, entry in outputs.items():
            if _sha((root / rel).read_bytes()) != entry["sha256"]:
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no fingerprint, a deleted output, or a damaged file: regenerate
    if strays(root, outputs):
        return None  # a stale generated file the specs no longer produce
    return len(outputs)
