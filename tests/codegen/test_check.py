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
    registry.write_text(
        registry.read_text().replace("Set song properties", "Set song properties (edited by hand)")
    )
    capsys.readouterr()

    assert main(["--root", str(tmp_path), "--specs", str(spec_dir), "--check"]) == 1
    captured = capsys.readouterr()
    assert "--- a/generated/registry_gen.py" in captured.out
    assert '-        "title": "Set song properties (edited by hand)",' in captured.out
    assert "generated/registry_gen.py" in captured.err


def test_check_fails_when_a_spec_changes_without_regenerating(tmp_path, capsys):
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 0
    song = spec_dir / "tools" / "song.yaml"
    song.write_text(song.read_text().replace("title: Set song properties", "title: Change tempo"))
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


def test_the_issues_first_mistakes_are_all_reported_in_one_run(tmp_path):
    """A type typo, a pattern that is no regular expression and an unclosed summary brace, in three
    files: one run of the real command names all three, exits 2, prints no traceback."""
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    edits = {
        "tools/song.yaml": ("tempo: {type: number, minimum", "tempo: {type: numbr, minimum"),
        "tools/tracks.yaml": ('"^track:\\\\d+(@\\\\d+)?$"', '"^track:(\\\\d+$"'),
        "tools/devices.yaml": (
            '"Inserted {name} at {device_id}"',
            '"Inserted {name at {device_id}"',
        ),
    }
    for rel, (old, new) in edits.items():
        path = spec_dir / rel
        assert old in path.read_text(), rel
        path.write_text(path.read_text().replace(old, new, 1))
    done = run_codegen("--root", str(tmp_path), "--specs", str(spec_dir))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert (
        "specs/tools/song.yaml:83: live_set_song_props.input.tempo.type: unknown type 'numbr'"
        in done.stderr
    )
    assert (
        "live_duplicate_track.input.track_id.pattern: pattern is not a valid regular" in done.stderr
    )
    assert "live_insert_device.summary: summary is not a valid template" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["specs"]


def test_an_internal_error_says_so_and_names_the_spec(tmp_path, capsys, monkeypatch):
    from codegen import emit_docs

    real_page = emit_docs.render

    def broken_render(template, **context):
        if template == "docs_domain.md.j2" and context["domain"].name == "tracks":
            raise KeyError("a bug in the generator")
        return real_page(template, **context)

    monkeypatch.setattr(emit_docs, "render", broken_render)
    spec_dir = copy_specs(REAL_SPECS, tmp_path)
    assert main(["--root", str(tmp_path), "--specs", str(spec_dir)]) == 3
    err = capsys.readouterr().err
    assert "internal error in the generator itself (not a mistake in the specs)" in err
    assert "specs/tools/tracks.yaml (its reference page)" in err
    assert "codegen.emit_docs.emit_docs" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["specs"]
