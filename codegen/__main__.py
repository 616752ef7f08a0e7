"""`python -m codegen`: regenerate everything from specs/, or `--check` that nothing is stale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from codegen import output
from codegen.generate import generate_files
from codegen.problems import SpecError

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print a diff of what is stale and exit 1 if anything is",
    )
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="where outputs go (default: the repo)"
    )
    parser.add_argument(
        "--specs", type=Path, default=None, help="spec folder (default: ROOT/specs)"
    )
    args = parser.parse_args(argv)
    root = args.root.resolve()
    spec_dir = (args.specs or root / "specs").resolve()

    try:
        files = generate_files(spec_dir)
    except SpecError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    result = output.plan(root, files)
    if args.check:
        if result.clean:
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
    changed = len(result.create) + len(result.update) + len(result.delete)
    print(
        f"codegen: {len(files)} files, {changed} changed"
        + (f" ({len(result.delete)} stale deleted)" if result.delete else "")
        + "."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
