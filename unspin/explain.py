"""Plain-language explanations of technique spans."""

from __future__ import annotations

from collections.abc import Sequence

from unspin.taxonomy import technique

__all__ = ["explain"]


def explain(technique_id: str, fragment: str, cues: Sequence[str] = ()) -> str:
    """One sentence on what the technique is, and one on what in this fragment signals it."""
    t = technique(technique_id)
    what = f"{t.label}: {t.definition}"
    cues = [c.strip() for c in cues if c and c.strip()]
    if cues:
        shown = ", ".join(f"“{c}”" for c in cues[:3])
        return f"{what} Signal here: {shown}."
    return what
