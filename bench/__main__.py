"""`make bench`: run every benchmark and print one table with ratios against baselines measured in the
same run. Benchmarks print numbers; they never fail the test suite.

    python -m bench              all benchmarks
    python -m bench codegen      only the ones whose module name contains "codegen"
"""

from __future__ import annotations

import importlib
import sys
import traceback

MODULES = (
    "bench.codegen_bench",
    "bench.bridge_bench",
    "bench.server_bench",
    "bench.typecheck_bench",
    "bench.sound_bench",
    "bench.surface_bench",
    "bench.notes_bench",
    "bench.policy_bench",
    "bench.racks_bench",
    "bench.audio_bench",
    "bench.apps_bench",
    "bench.meter_bench",
    "bench.ids_bench",
    "bench.analysis_bench",
)


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def print_table(rows: list[dict]) -> None:
    headers = ("benchmark", "value", "baseline", "ratio", "target", "met")
    lines = [
        (
            r["name"],
            _fmt(r["value"], r["unit"]),
            _fmt(r.get("baseline"), r["unit"]),
            f"{r['ratio']:.2f}×" if r.get("ratio") else "",
            r.get("target", ""),
            {True: "yes", False: "NO", None: ""}[r.get("ok")],
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def main(argv: list[str]) -> int:
    wanted = [m for m in MODULES if not argv or any(a in m for a in argv)]
    rows: list[dict] = []
    failed: list[str] = []
    for name in wanted:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"(skipped {name}: {exc})", file=sys.stderr)
            continue
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            rows.extend(module.run())
        except Exception:  # one broken benchmark must not throw away the others' numbers
            traceback.print_exc()
            failed.append(name)
    print_table(rows)
    if failed:
        print(f"failed: {', '.join(failed)} (traceback above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
