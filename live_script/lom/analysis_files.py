"""Path checks for the analysis tools' files: audio to measure, MIDI files to read or write.

One rule for both ends: the server checks these before anything happens (live_mcp.input_checks)
and the Remote Script's handlers for the same methods check again. Stdlib only, Python 3.7.
"""

import os

from ..errors import bad_input
from .audio_files import absolute_path, checked_audio_path

# What the server's measure reads (libsndfile): not the compressed formats Live also imports.
MEASURED_EXTENSIONS = (".aif", ".aiff", ".flac", ".wav")
MIDI_EXTENSIONS = (".mid", ".midi")


def _extension(real, path, field, allowed, what):
    extension = os.path.splitext(real)[1].lower()
    if extension not in allowed:
        raise bad_input(
            "%s: %r is not %s (extension %r)" % (field, path, what, extension),
            field=field,
            hint="Give a %s file." % ", ".join(allowed),
        )


def checked_measured_audio(path, field="file_path"):
    real = checked_audio_path(path, field)
    _extension(real, path, field, MEASURED_EXTENSIONS, "a WAV, AIFF or FLAC file")
    return real


def checked_midi_file(path, field="file_path"):
    """The real path of an existing, readable .mid file; BAD_INPUT otherwise."""
    real = absolute_path(path, field)
    if not os.path.isfile(real):
        raise bad_input(
            "%s: no file at %r" % (field, path),
            field=field,
            hint="Check the path and its spelling.",
        )
    _extension(real, path, field, MIDI_EXTENSIONS, "a MIDI file")
    if not os.access(real, os.R_OK):
        raise bad_input(
            "%s: %r is not readable" % (field, path),
            field=field,
            hint="Check the file's permissions.",
        )
    return real


def checked_new_midi_file(path, field="file_path"):
    """An absolute .mid path that does not exist yet, in an existing writable folder."""
    real = absolute_path(path, field)
    _extension(real, path, field, MIDI_EXTENSIONS, "a MIDI file")
    if os.path.lexists(path) or os.path.lexists(real):
        raise bad_input(
            "%s: %r already exists" % (field, path), field=field, hint="Give a new file name."
        )
    folder = os.path.dirname(real)
    if not os.path.isdir(folder):
        raise bad_input(
            "%s: no folder %r" % (field, folder), field=field, hint="Create the folder first."
        )
    if not os.access(folder, os.W_OK):
        raise bad_input(
            "%s: cannot write in %r" % (field, folder),
            field=field,
            hint="Choose a writable folder.",
        )
    return real
