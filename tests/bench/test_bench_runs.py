"""`make bench` keeps working: a benchmark that calls a tool its server does not enable, or breaks
in any other way, is caught here rather than on the next run of the whole table. These tests check
that the benchmarks run and report; they assert nothing about speed (that is what `make bench`
prints)."""

from __future__ import annotations

import pytest

import bench.__main__ as runner
from bench import audio_bench, notes_bench, surface_bench


def _rows_named(rows: list[dict]) -> dict[str, dict]:
    return {r["name"]: r for r in rows}


def test_the_surface_benchmark_measures_what_the_model_reads_and_the_full_entries():
    rows = surface_bench.tools_list_rows()
    assert [r["name"].split(" (")[0] for r in rows] == [
        "model-visible characters, default set total",
        "model-visible characters per tool, default set",
        "model-visible characters per tool, all",
        "full tools/list characters per tool, default set",
        "full tools/list characters per tool, all",
    ]
    assert all(r["value"] > 0 for r in rows)
    # Beside the peers' figures, measured the same way.
    assert [r["baseline"] for r in rows[1:3]] == [699, 599]
    assert rows[0]["ok"] is True and rows[2]["ok"] is True and rows[4]["ok"] is True
    # The model reads less than the client receives.
    assert rows[1]["value"] < rows[3]["value"] and rows[2]["value"] < rows[4]["value"]


@pytest.mark.slow
def test_the_notes_benchmark_runs_its_calls_against_a_served_demo():
    rows = _rows_named(notes_bench.run())
    assert len(rows) == 4
    per_note = next(r for name, r in rows.items() if name.startswith("characters per note"))
    assert per_note["ok"] is True  # the compact form is a third of the objects or less


def test_the_audio_benchmark_lists_500_warp_markers_against_a_served_demo():
    (listing,) = audio_bench.run()
    assert listing["name"].startswith("live_list_warp_markers, 500 markers")
    assert listing["value"] > 0 and listing["baseline"] > 0


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


def test_the_apps_benchmark_renders_its_piano_roll():
    from bench import apps_bench

    rows = apps_bench.png_rows()
    assert [r["unit"] for r in rows] == ["ms", "KB"] and all(r["value"] > 0 for r in rows)


def test_the_ids_benchmark_reports_the_cost_of_following_a_moved_id():
    from bench import ids_bench

    rows = _rows_named(ids_bench.run())
    extra = next(r for name, r in rows.items() if "moved - unmoved" in name)
    assert extra["unit"] == "ms" and extra["target"] == "<= 1 ms" and extra["ok"] is not None
    assert all(r["value"] > 0 for name, r in rows.items() if "moved - unmoved" not in name)


@pytest.mark.slow
def test_the_analysis_benchmark_reports_the_first_and_the_warm_measure():
    from bench import analysis_bench

    rows = _rows_named(analysis_bench.run())
    assert len(rows) == 4 and all(r["value"] > 0 for r in rows.values())
