"""`python -m codegen`: regenerate everything from specs/, or `--check` that nothing is stale.

Exit status: 0 done (or up to date), 1 `--check` found stale outputs, 2 the specs have problems
(each printed as `file:line: key: message`; nothing written), 3 an internal error of the generator.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Only the standard library and the fingerprint are imported up front: when nothing changed, that
# is all a run needs. The generator proper (pydantic, yaml, jinja2, …) loads only when it must run.
from codegen import fingerprint

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write no output; print a diff of what is stale and exit 1 if anything is",
    )
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="where outputs go (default: the repo)"
    )
    parser.add_argument(
        "--specs", type=Path, default=None, help="spec folder (default: ROOT/specs)"
    )
    parser.add_argument(
        "--no-fingerprint",
        action="store_true",
        help=f"regenerate even if {fingerprint.CACHE} says nothing changed",
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    spec_dir = (args.specs or root / "specs").resolve()

    if not args.no_fingerprint:
        count = fingerprint.up_to_date(root, spec_dir)
        if count is not None:
            print(f"codegen: {count} generated files are up to date (fingerprint matches).")
            return 0
    return _run(root, spec_dir, check=args.check)


def _run(root: Path, spec_dir: Path, *, check: bool) -> int:
    from codegen import output
    from codegen.generate import generate_files
    from codegen.problems import SpecError, processing_notes

    try:
        files = generate_files(spec_dir)
    except SpecError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    except Exception as exc:
        import traceback

        where = " <- ".join(processing_notes(exc)) or "the specs in general"
        traceback.print_exc()
        print(
            f"codegen: internal error in the generator itself (not a mistake in the specs) while "
            f"processing {where}: {type(exc).__name__}: {exc}. Please report it.",
            file=sys.stderr,
        )
        return 3
    result = output.plan(root, files)
    if check:
        if result.clean:
            fingerprint.record(root, spec_dir, files)
            print(f"codegen: {len(files)} generated files are up to date.")
            return 0
        sys.stdout.write("\n".join(result.diffs))
        stale = result.create + result.update + result.delete
        print(
            f"\ncodegen: {len(stale)} generated file(s) are stale: {', '.join(stale)}. Run `make generate`.",
            file=sys.stderr,
        )
        return 1
    output.write(root, files, result)
    fingerprint.record(root, spec_dir, files)
    changed = len(result.create) + len(result.update) + len(result.delete)
    print(
        f"codegen: {len(files)} files, {changed} changed"
        + (f" ({len(result.delete)} stale deleted)" if result.delete else "")
        + "."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
