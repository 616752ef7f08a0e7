"""`make bench` keeps working: a benchmark that calls a tool its server does not enable, or breaks
in any other way, is caught here rather than on the next run of the whole table. These tests check
that the benchmarks run and report; they assert nothing about speed (that is what `make bench`
prints)."""

from __future__ import annotations

import pytest

import bench.__main__ as runner
from bench import notes_bench, surface_bench


def _rows_named(rows: list[dict]) -> dict[str, dict]:
    return {r["name"]: r for r in rows}


def test_the_surface_benchmark_measures_the_default_set_and_the_whole_catalogue():
    rows = surface_bench.tools_list_rows()
    assert [r["name"].split(" (")[0] for r in rows] == [
        "tools/list characters per tool, default set",
        "tools/list characters per tool, all",
    ]
    assert all(r["value"] > 0 and r["baseline"] == 884 for r in rows)


@pytest.mark.slow
def test_the_notes_benchmark_runs_its_calls_against_a_served_demo():
    rows = _rows_named(notes_bench.run())
    assert len(rows) == 4
    per_note = next(r for name, r in rows.items() if name.startswith("characters per note"))
    assert per_note["ok"] is True  # the compact form is a third of the objects or less


def test_one_failing_benchmark_still_prints_the_others_and_fails_the_run(monkeypatch, capsys):
    good = type(
        "Good", (), {"run": staticmethod(lambda: [{"name": "fine", "value": 1.0, "unit": "s"}])}
    )
    bad = type("Bad", (), {"run": staticmethod(lambda: 1 / 0)})
    modules = {"bench.good_bench": good, "bench.bad_bench": bad}
    monkeypatch.setattr(runner, "MODULES", tuple(modules))
    monkeypatch.setattr(runner.importlib, "import_module", modules.__getitem__)
    assert runner.main([]) == 1
    out, err = capsys.readouterr()
    assert "fine" in out and "1.000 s" in out
    assert "ZeroDivisionError" in err and "failed: bench.bad_bench" in err


@pytest.mark.slow
def test_the_analysis_benchmark_reports_the_first_and_the_warm_measure():
    from bench import analysis_bench

    rows = _rows_named(analysis_bench.run())
    assert len(rows) == 4 and all(r["value"] > 0 for r in rows.values())
