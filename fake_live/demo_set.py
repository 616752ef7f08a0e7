"""The Sets a fresh fake Live opens with: the demo Set, or Live's default empty Set.

Both are built through the same code paths scripts use, then the undo history is reset by the
caller, so a fresh Set has nothing to undo.
"""

from __future__ import annotations

from .device.catalog import BY_NAME, KIT_909

SCENE_COUNT = 8
LOCATORS = ((0.0, "Intro"), (32.0, "Verse"))
SCENE_NAMES = ("Intro", "Verse", "Chorus", "Verse 2", "Bridge", "Chorus 2", "Break", "Outro")
RETURNS = (("A-Reverb", "Reverb"), ("B-Delay", "Delay"))
# The groove pool the demo Set was saved with: (name, base, timing, random, velocity).
GROOVES = (("Swing 16-58", 3, 100.0, 0.0, 0.0), ("MPC 8-62", 1, 80.0, 5.0, 20.0))

# (pitch, start, duration, velocity): kick on every beat, snare on 2 and 4, two off-beat hats.
BEAT = (
    (36, 0.0, 0.25, 110),
    (42, 0.5, 0.25, 80),
    (36, 1.0, 0.25, 110),
    (38, 1.0, 0.25, 100),
    (36, 2.0, 0.25, 110),
    (42, 2.5, 0.25, 80),
    (36, 3.0, 0.25, 110),
    (38, 3.0, 0.25, 100),
)
BASSLINE = ((36, 0.0, 0.5, 100), (36, 1.5, 0.5, 90), (43, 2.0, 0.5, 100), (41, 3.0, 1.0, 95))
KEYS_CHORDS = (
    (60, 0.0, 4.0, 80),
    (64, 0.0, 4.0, 80),
    (67, 0.0, 4.0, 80),
    (57, 4.0, 4.0, 80),
    (60, 4.0, 4.0, 80),
    (64, 4.0, 4.0, 80),
)


def _add_notes(world, clip, notes) -> None:
    spec = world.cls["MidiNoteSpecification"]
    clip.add_new_notes(tuple(spec(p, s, d, v) for p, s, d, v in notes))


def _base(world) -> None:
    song = world.song
    for i in range(SCENE_COUNT):
        song.create_scene(i)
    for name, device in RETURNS:
        track = song._create_return_track(name)
        track._add_device(BY_NAME[device], 0)


def build_demo_set(world) -> None:
    song = world.song
    _base(world)
    for scene, name in zip(song.scenes, SCENE_NAMES, strict=True):
        scene.name = name

    drums = song.create_midi_track(-1)
    drums.name = "Drums"
    drums._add_device(BY_NAME["Drum Rack"], 0, None, KIT_909)  # pads: kick, snare, closed hat
    beat = drums.clip_slots[0].create_clip(4.0)
    beat.name = "Beat"
    _add_notes(world, beat, BEAT)

    bass = song.create_midi_track(-1)
    bass.name = "Bass"
    bass._add_device(BY_NAME["Operator"], 0)
    line = bass.clip_slots[0].create_clip(4.0)
    line.name = "Bassline"
    _add_notes(world, line, BASSLINE)

    # The bass filter opens over the clip: a clip envelope on Operator's Filter Freq.
    cutoff = bass.devices[0].parameters[1]
    line._envelopes.create(cutoff)._replace(((0.0, 0.35), (4.0, 0.85)))

    keys = song.create_midi_track(-1)
    keys.name = "Keys"
    keys._add_device(BY_NAME["Electric"], 0)
    intro = keys._new_arrangement_clip(0.0, 8.0, name="Keys Intro")
    _add_notes(world, intro, KEYS_CHORDS)

    for groove in GROOVES:
        song.groove_pool._add(*groove)

    # Locators, added the way Live does it: at the song position.
    for time, name in LOCATORS:
        song.current_song_time = time
        song.set_or_delete_cue()
        song.cue_points[-1].name = name
    song.current_song_time = 0.0

    song.view.selected_track = drums
    song.view.selected_scene = song.scenes[0]


def build_default_set(world) -> None:
    """Live's default Set: two MIDI and two audio tracks, two returns, eight scenes."""
    song = world.song
    _base(world)
    for _ in range(2):
        song.create_midi_track(-1)
    for _ in range(2):
        song.create_audio_track(-1)
    song.view.selected_track = song.tracks[0]
