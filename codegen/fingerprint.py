"""What each output was last generated from, so a no-change `--check` need not regenerate.

After a run that wrote (or verified) every output, the generator records in
`build/codegen-fingerprint.json` the hash of every spec file, of the generator itself (its source,
its templates and the pinned tool versions in pyproject.toml, which shape the output too) and of each
output as written. A later run whose specs, generator and outputs all hash the same, with no stray
generated file beside them, has nothing to do. Anything else (a spec or generator edit, an output
edited by hand or deleted, a stale output) falls back to a full regeneration, which prints the diff.

Standard library only, and only what the check needs: importing pydantic or yaml here would cost
more than the whole check.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from codegen.headers import GENERATED_GLOBS, is_generated

CACHE = Path("build") / "codegen-fingerprint.json"
FORMAT = 1
CODEGEN_DIR = Path(__file__).resolve().parent
REPO_ROOT = CODEGEN_DIR.parent
# What the generator is made of, beyond codegen/: the summary formatter its rules run, and the
# pins of the tools (ruff, datamodel-code-generator, pydantic) whose behaviour shapes the output.
GENERATOR_EXTRAS = ("live_mcp/summary.py", "pyproject.toml")
SOURCES_IN_HEADER = re.compile(r"^\W*(specs/\S+\.yaml) sha256:", re.MULTILINE)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generator_hash() -> str:
    digest = hashlib.sha256()
    files = sorted(p for p in CODEGEN_DIR.rglob("*") if p.suffix in (".py", ".j2") and p.is_file())
    files += [REPO_ROOT / rel for rel in GENERATOR_EXTRAS if (REPO_ROOT / rel).is_file()]
    for path in files:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
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
    fingerprint = {
        "format": FORMAT,
        "specs_dir": _where(root, spec_dir),
        "generator": generator_hash(),
        "specs": spec_hashes(spec_dir),
        "outputs": {
            rel: {
                "sha256": _sha(text.encode("utf-8")),
                # The specs its header names; none named means it depends on all of them.
                "from": SOURCES_IN_HEADER.findall(text[:4000]),
            }
            for rel, text in sorted(files.items())
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
            or fingerprint.get("generator") != generator_hash()
            or fingerprint.get("specs") != spec_hashes(spec_dir)
        ):
            return None
        for rel, entry in outputs.items():
            if _sha((root / rel).read_bytes()) != entry["sha256"]:
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no fingerprint, a deleted output, or a damaged file: regenerate
    for pattern in GENERATED_GLOBS:
        for path in root.glob(pattern):
            rel = path.relative_to(root).as_posix()
            if rel not in outputs and is_generated(_head(path)):
                return None  # a stale generated file the specs no longer produce
    return len(outputs)


def _head(path: Path) -> str:
    with path.open("rb") as f:
        return f.read(600).decode("utf-8", errors="replace")
