"""What the note-editing bridge tests share: the demo beat's clip and readers of its notes."""

from conftest import song_of

CLIP = "track:0/clipslot:0/clip"  # the demo beat: ids 1..8, kick 36, hat 42, snare 38


def notes_of(client, **kwargs):
    return client.call("clip.get_notes", {"clip_id": CLIP, "max_notes": 20000, **kwargs})["notes"]


def by_id(notes):
    return {note["note_id"]: note for note in notes}


def undo(host):
    host.call_on_main(lambda live: song_of(live).undo())
