"""Check a path a tool hands to Live as an audio file, before Live is asked to open it.

The check runs in the Remote Script, on the machine where Live opens the file, so "exists" means
what Live will see. Live's own refusal of a file it cannot decode stays Live's to give
(LIVE_REJECTED); what is plainly wrong with the path is BAD_INPUT, with the reason.
Stdlib only, Python 3.7.
"""

import os

from ..errors import bad_input

# The formats Live imports (Live manual, "Sample Files"): WAV, AIFF, FLAC, Ogg Vorbis, MP3, and
# AAC/ALAC in .m4a/.mp4 containers.
AUDIO_EXTENSIONS = (".aif", ".aiff", ".flac", ".m4a", ".mp3", ".mp4", ".ogg", ".wav")


def absolute_path(path, field):
    """The symlink-resolved path of an absolute `path`; BAD_INPUT for a relative one."""
    if not os.path.isabs(path):
        raise bad_input(
            "%s must be an absolute path, not %r" % (field, path),
            field=field,
            hint="Give the full path.",
        )
    return os.path.realpath(path)


def checked_audio_path(path, field="file_path"):
    """The absolute, symlink-resolved path of an existing regular audio file; BAD_INPUT otherwise."""
    real = absolute_path(path, field)
    if not os.path.exists(real):
        raise bad_input(
            "%s: no file at %r" % (field, path),
            field=field,
            hint="Check the path and its spelling.",
        )
    if not os.path.isfile(real):
        raise bad_input(
            "%s: %r is not a regular file" % (field, path),
            field=field,
            hint="Give the path of one audio file.",
        )
    extension = os.path.splitext(real)[1].lower()
    if extension not in AUDIO_EXTENSIONS:
        raise bad_input(
            "%s: %r does not look like an audio file (extension %r)" % (field, path, extension),
            field=field,
            hint="Live imports %s files." % ", ".join(AUDIO_EXTENSIONS),
        )
    if not os.access(real, os.R_OK):
        raise bad_input(
            "%s: %r is not readable" % (field, path),
            field=field,
            hint="Check the file's permissions.",
        )
    return real
