"""`python -m codegen --check` (= `make check`): green on the real specs, red with a diff when stale."""

from __future__ import annotations

from codegen_helpers import REAL_SPECS, copy_specs, run_codegen

from codegen.__main__ import main


def test_check_is_green_on_the_committed_outputs():
    done = run_codegen("--check")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert "up to date" in done.stdout


def test_check_prints_a_diff_and_fails_when_an_output_is_edited(tmp_path, capsys):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0
    registry = tmp_path / "generated" / "registry_gen.py"
    registry.write_text(registry.read_text().replace("Set tempo", "Set tempo (edited by hand)"))
    capsys.readouterr()

    assert main(["--root", str(tmp_path), "--specs", str(spec_dir), "--check"]) == 1
    captured = capsys.readouterr()
    assert "--- a/generated/registry_gen.py" in captured.out
    assert '-        "title": "Set tempo (edited by hand)",' in captured.out
    assert "generated/registry_gen.py" in captured.err


def test_check_fails_when_a_spec_changes_without_regenerating(tmp_path, capsys):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0
    song = spec_dir / "tools" / "song.yaml"
    song.write_text(song.read_text().replace("title: Set tempo", "title: Change tempo"))
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir), "--check"]) == 1
    out = capsys.readouterr().out
    assert '+        "title": "Change tempo",' in out
    assert "docs/reference/song.md" in out


def test_spec_problem_exits_2_without_traceback(tmp_path, capsys):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    song = spec_dir / "tools" / "song.yaml"
    song.write_text(song.read_text().replace("toolset: core", "toolset: nowhere", 1))
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "specs/tools/song.yaml:" in err and "toolset 'nowhere' is not declared" in err
    assert not (tmp_path / "generated").exists(), (
        "nothing may be written when the specs have problems"
    )
