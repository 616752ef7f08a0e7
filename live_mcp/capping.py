"""Token discipline: no text payload the server sends is longer than 25,000 characters.

A client pastes text content straight into the model's context, so an unbounded dump (a clip with
10,000 notes) would crowd out everything else. The cap keeps the head of the text and says what
was cut and how to ask for less; structured data stays complete in `structuredContent`.
"""

from __future__ import annotations

TEXT_LIMIT = 25_000


def cap_text(text: str, narrow_hint: str, limit: int = TEXT_LIMIT) -> str:
    """Return `text` unchanged if it fits, else a prefix plus a notice, `limit` chars at most."""
    if len(text) <= limit:
        return text
    notice = (
        f"\n… [truncated: {len(text):,} characters, only the first {{kept:,}} are shown "
        f"(limit {limit:,}). {narrow_hint}]"
    )
    # The notice's own length depends on the number it prints; reserve room for the widest.
    kept = max(0, limit - len(notice.format(kept=limit)))
    return text[:kept] + notice.format(kept=kept)
