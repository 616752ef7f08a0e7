"""The analysis toolset through a real MCP client, the real server and bridge, on the fake Live:
key and chords of clips, audio measures of files made here, MIDI files in and out."""

from __future__ import annotations

import base64
import builtins
import math

import mido
import numpy as np
import pyloudnorm
import pytest
import soundfile

pytestmark = pytest.mark.anyio

RATE = 48000


def _undo_depth(host):
    return host.call_on_main(lambda live: live._world.song._undo_depth())


def _tone(pitch, seconds, amplitude=0.3):
    t = np.arange(int(RATE * seconds)) / RATE
    return amplitude * np.sin(2 * np.pi * 440.0 * 2 ** ((pitch - 69) / 12) * t) * np.hanning(len(t))


# -- key and chords -------------------------------------------------------------------------------

PROGRESSION = [(57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62, 65)]  # Am F C G7


async def test_key_and_chords_of_a_clip(session):
    notes = [
        {"pitch": p, "start_time": bar * 4.0, "duration": 4.0}
        for bar, chord in enumerate(PROGRESSION)
        for p in chord
    ]
    notes += [{"pitch": 69, "start_time": 0.0, "duration": 2.0}]  # the tonic, once more
    await session.ok("live_set_notes", {"clip_id": "track:1/clipslot:0/clip", "notes": notes})
    answer = await session.ok(
        "live_analyze_notes", {"clip_ids": ["track:1/clipslot:0/clip"], "per": 2}
    )
    assert answer["note_count"] == len(notes)
    assert answer["key"] in ("A minor", "C major")
    assert [(c["start"], c["length"], c["chord"]) for c in answer["chords"]] == [
        (0.0, 4.0, "Am"),
        (4.0, 4.0, "F"),
        (8.0, 4.0, "C"),
        (12.0, 4.0, "G7"),
    ]


async def test_an_audio_clip_or_a_stale_id_is_a_typed_error(session):
    code, _text = await session.error(
        "live_analyze_notes", {"clip_ids": ["track:0/clipslot:9/clip"]}
    )
    assert code in ("STALE_REFERENCE", "BAD_INPUT")


# -- measuring audio files --------------------------------------------------------------------------


async def test_a_minus_20_dbfs_sine_measures_as_its_reference(session, tmp_path):
    t = np.arange(RATE * 10) / RATE
    sine = 10 ** (-20 / 20) * np.sin(2 * np.pi * 997.0 * t)
    stereo = np.stack([sine, sine], axis=1)
    path = tmp_path / "sine.wav"
    soundfile.write(path, stereo, RATE, subtype="FLOAT")
    answer = await session.ok("live_measure_audio", {"file_path": str(path)})
    # BS.1770: a 1 kHz sine at 0 dBFS in one channel reads -3.01 LUFS; in both, 0 LUFS.
    reference = pyloudnorm.Meter(RATE).integrated_loudness(stereo)
    assert abs(reference - -20.0) < 0.1
    assert abs(answer["integrated_lufs"] - reference) < 0.5
    assert abs(answer["sample_peak_dbfs"] - -20.0) < 0.5
    assert abs(answer["true_peak_dbtp"] - -20.0) < 0.5
    assert abs(answer["crest_factor_db"] - 3.01) < 0.1
    assert answer["correlation"] == 1.0
    assert answer["loudness_range_lu"] < 0.5
    assert answer["sample_rate"] == RATE and answer["channels"] == 2
    assert answer["seconds"] == 10.0
    assert max(answer["bands"], key=lambda b: -999 if b["db"] is None else b["db"])["hz"] == 1000.0
    assert answer["tempo_bpm"] is None  # a steady tone has no beat


async def test_true_peak_sees_the_peak_between_samples(session, tmp_path):
    t = np.arange(RATE * 2) / RATE
    # A quarter of the sample rate, 45 degrees off: every sample sits at 0.707 of the peak.
    wave = 0.5 * np.sin(2 * np.pi * (RATE / 4) * t + math.pi / 4)
    path = tmp_path / "isp.wav"
    soundfile.write(path, wave, RATE, subtype="FLOAT")
    answer = await session.ok("live_measure_audio", {"file_path": str(path)})
    assert abs(answer["sample_peak_dbfs"] - -9.03) < 0.05
    assert abs(answer["true_peak_dbtp"] - -6.02) < 0.5
    assert answer["correlation"] is None  # mono


async def test_a_c_major_scale_is_in_c_major(session, tmp_path):
    scale = np.concatenate([_tone(p, 0.5) for p in (60, 62, 64, 65, 67, 69, 71, 72)])
    path = tmp_path / "scale.flac"
    soundfile.write(path, scale, RATE)
    answer = await session.ok("live_measure_audio", {"file_path": str(path)})
    assert answer["key"] == "C major"


async def test_pink_noise_has_even_octave_bands_and_a_click_track_its_tempo(session, tmp_path):
    n = RATE * 20
    spectrum = np.fft.rfft(np.random.default_rng(7).standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / RATE)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    pink = np.fft.irfft(spectrum, n)
    pink *= 0.25 / np.max(np.abs(pink))
    soundfile.write(tmp_path / "pink.wav", pink, RATE)
    answer = await session.ok("live_measure_audio", {"file_path": str(tmp_path / "pink.wav")})
    levels = [b["db"] for b in answer["bands"] if 63 <= b["hz"] <= 16000]
    assert max(levels) - min(levels) < 1.5, answer["bands"]

    clicks = np.zeros(RATE * 20)
    for start in range(0, len(clicks) - 400, int(RATE * 60 / 128)):
        clicks[start : start + 400] += 0.8 * np.hanning(400)
    soundfile.write(tmp_path / "clicks.wav", clicks, RATE)
    answer = await session.ok("live_measure_audio", {"file_path": str(tmp_path / "clicks.wav")})
    assert abs(answer["tempo_bpm"] - 128.0) < 1.5


async def test_the_picture_reaches_the_model_as_a_png(session, tmp_path):
    path = tmp_path / "scale.wav"
    soundfile.write(path, np.concatenate([_tone(p, 0.3) for p in (60, 64, 67)]), RATE)
    result = await session.client.call_tool(
        "live_measure_audio", {"file_path": str(path), "image": True}
    )
    assert not result.is_error, result.content[0].text
    images = [c for c in result.content if c.type == "image"]
    assert len(images) == 1 and images[0].mime_type == "image/png"
    png = base64.b64decode(images[0].data)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with open(result.structured_content["image_path"], "rb") as file:
        assert file.read() == png


async def test_the_picture_s_waveform_follows_the_file(session, tmp_path):
    """Silence, then a tone: the wave is drawn only over the right half (one read of the file)."""
    from PIL import Image

    from live_mcp import audio_png

    path = tmp_path / "half.wav"
    soundfile.write(path, np.concatenate([np.zeros(RATE), _tone(69, 1.0, amplitude=0.9)]), RATE)
    result = await session.client.call_tool(
        "live_measure_audio", {"file_path": str(path), "image": True}
    )
    assert not result.is_error, result.content[0].text
    image = Image.open(result.structured_content["image_path"]).convert("RGB")
    row = audio_png.WAVE_HEIGHT // 2 - 10  # above the axis, inside a loud wave
    left = {image.getpixel((x, row)) for x in range(0, audio_png.WIDTH // 2 - 2)}
    middle = audio_png.WIDTH * 3 // 4  # the tone's loudest part (it fades in and out)
    right = {image.getpixel((x, row)) for x in range(middle - 60, middle + 60)}
    assert left == {audio_png.BACKGROUND} and right == {audio_png.WAVE}


async def test_missing_or_non_audio_files_are_bad_input(session, bridge, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not audio")
    fake_wav = tmp_path / "fake.wav"
    fake_wav.write_text("not audio either")
    for path in ("/no/such/file.wav", str(text), "relative.wav", str(fake_wav)):
        code, message = await session.error("live_measure_audio", {"file_path": path})
        assert code == "BAD_INPUT", message
    assert "analysis.measure_audio" not in bridge.sent  # measured in the server


async def test_without_the_extra_the_measure_names_it(session, tmp_path, monkeypatch):
    path = tmp_path / "s.wav"
    soundfile.write(path, _tone(60, 0.5), RATE)
    real_import = builtins.__import__

    def no_pyloudnorm(name, *args, **kwargs):
        if name == "pyloudnorm":
            raise ImportError("No module named 'pyloudnorm'", name="pyloudnorm")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyloudnorm)
    code, message = await session.error("live_measure_audio", {"file_path": str(path)})
    assert code == "UNSUPPORTED"
    assert "live-mcp[analysis]" in message


# -- MIDI files ------------------------------------------------------------------------------------


async def _clip_notes(session, clip_id):
    """(pitch, start tick, end tick, velocity) at 480 ticks per beat, the export's resolution."""
    answer = await session.ok("live_get_notes", {"clip_id": clip_id})
    return sorted(
        (
            n["pitch"],
            round(n["start_time"] * 480),
            round((n["start_time"] + n["duration"]) * 480),
            n["velocity"],
        )
        for n in answer["notes"]
        if not n["mute"]
    )


async def test_export_then_import_keeps_every_note_to_the_tick(session, live_host, tmp_path):
    source = "track:1/clipslot:0/clip"
    notes = [
        {
            "pitch": 40 + i % 20,
            "start_time": i * 0.37,
            "duration": 0.1 + (i % 7) * 0.29,
            "velocity": float(30 + i * 3 % 97),
        }
        for i in range(40)
    ]
    await session.ok("live_set_notes", {"clip_id": source, "notes": notes})
    path = tmp_path / "bass.mid"
    depth = _undo_depth(live_host)
    exported = await session.ok("live_export_midi", {"clip_id": source, "file_path": str(path)})
    assert exported["note_count"] == 40 and path.exists()
    assert _undo_depth(live_host) == depth  # the Set is unchanged

    imported = await session.ok(
        "live_import_midi", {"file_path": str(path), "target": "track:1/clipslot:3"}
    )
    assert _undo_depth(live_host) == depth + 1  # one undo step: the new clip with its notes
    assert imported["note_count"] == 40
    assert imported["length"] % 4 == 0
    assert await _clip_notes(session, imported["clip_id"]) == await _clip_notes(session, source)

    # And into an existing clip: its notes replaced, one undo step.
    replaced = await session.ok(
        "live_import_midi", {"file_path": str(path), "target": "track:0/clipslot:0/clip"}
    )
    assert _undo_depth(live_host) == depth + 2
    assert await _clip_notes(session, replaced["clip_id"]) == await _clip_notes(session, source)


async def test_exporting_over_an_existing_file_is_refused(session, tmp_path):
    path = tmp_path / "there.mid"
    path.write_bytes(b"keep me")
    code, _ = await session.error(
        "live_export_midi", {"clip_id": "track:0/clipslot:0/clip", "file_path": str(path)}
    )
    assert code == "BAD_INPUT" and path.read_bytes() == b"keep me"


def _conductor_file(path):
    """Type 1: a conductor track (3/4, 90 then 140 BPM) and a named part."""
    midi = mido.MidiFile(type=1, ticks_per_beat=96)
    conductor = mido.MidiTrack()
    conductor.append(mido.MetaMessage("time_signature", numerator=3, denominator=4, time=0))
    conductor.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(90), time=0))
    conductor.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(140), time=96 * 3))
    part = mido.MidiTrack()
    part.append(mido.MetaMessage("track_name", name="Lead", time=0))
    for i, pitch in enumerate((60, 62, 64, 65)):
        part.append(mido.Message("note_on", note=pitch, velocity=80 + i, time=0 if i == 0 else 48))
        part.append(mido.Message("note_on", note=pitch, velocity=0, time=96 * 2 - 48))
    midi.tracks += [conductor, part]
    midi.save(path)


async def test_import_honours_the_signature_and_picks_a_track_by_name(session, tmp_path):
    path = tmp_path / "lead.mid"
    _conductor_file(path)
    answer = await session.ok(
        "live_import_midi",
        {"file_path": str(path), "midi_track": "Lead", "target": "track:1/clipslot:2"},
    )
    assert answer["signature"] == "3/4" and answer["tempo"] == 90.0
    assert answer["midi_track"] == "Lead" and answer["note_count"] == 4
    # Notes every two beats, each 1.5 beats long: the last ends on beat 7.5, in bar 3 of 3/4.
    assert answer["length"] == 9.0
    notes = await session.ok("live_get_notes", {"clip_id": answer["clip_id"]})
    assert [(n["pitch"], n["start_time"], n["duration"]) for n in notes["notes"]] == [
        (60, 0.0, 1.5),
        (62, 2.0, 1.5),
        (64, 4.0, 1.5),
        (65, 6.0, 1.5),
    ]


async def test_a_malformed_file_or_track_changes_nothing(session, live_host, bridge, tmp_path):
    broken = tmp_path / "broken.mid"
    broken.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x02\x00\x60MTrk\x00\x00\xff\xff\x90")
    good = tmp_path / "lead.mid"
    _conductor_file(good)
    depth = _undo_depth(live_host)
    sent = len(bridge.sent)
    cases = [
        {"file_path": str(broken), "target": "track:1/clipslot:2"},
        {"file_path": str(good), "midi_track": "Nope", "target": "track:1/clipslot:2"},
        {"file_path": str(good), "midi_track": 7, "target": "track:1/clipslot:2"},
        {"file_path": str(good), "midi_track": 0, "target": "track:1/clipslot:2"},  # no notes
        {"file_path": str(tmp_path / "none.mid"), "target": "track:1/clipslot:2"},
    ]
    for args in cases:
        code, message = await session.error("live_import_midi", args)
        assert code == "BAD_INPUT", message
    assert bridge.sent[sent:] == []  # nothing reached Live
    assert _undo_depth(live_host) == depth
    # An occupied slot is Live's refusal, rolled back whole: still no undo step.
    code, _ = await session.error(
        "live_import_midi", {"file_path": str(good), "target": "track:1/clipslot:0"}
    )
    assert code == "LIVE_REJECTED"
    assert _undo_depth(live_host) == depth


async def test_a_batch_refuses_the_tools_the_server_runs(session, bridge, tmp_path):
    path = tmp_path / "s.wav"
    soundfile.write(path, _tone(60, 0.5), RATE)
    sent = len(bridge.sent)
    steps = [{"tool": "live_measure_audio", "arguments": {"file_path": str(path)}}]
    code, message = await session.error("live_batch", {"steps": steps})
    assert code == "BAD_INPUT" and "on its own" in message
    assert bridge.sent[sent:] == []


async def test_to_chord_turns_a_bass_line_into_chords_named_back(session, live_host):
    clip = "track:1/clipslot:0/clip"
    roots = [{"pitch": p, "start_time": i * 4.0, "duration": 4.0} for i, p in enumerate((57, 53))]
    await session.ok("live_set_notes", {"clip_id": clip, "notes": roots})
    depth = _undo_depth(live_host)
    answer = await session.ok(
        "live_transform_notes",
        {
            "clip_id": clip,
            "transform": "to_chord",
            "chord": "diatonic",
            "root": 0,
            "scale": [0, 2, 4, 5, 7, 9, 11],
        },
    )
    assert answer["added"] == 4 and len(answer["note_ids"]) == 4
    assert _undo_depth(live_host) == depth + 1
    named = await session.ok("live_analyze_notes", {"clip_ids": [clip], "per": 4})
    assert [c["chord"] for c in named["chords"]] == ["Am", "F"]
