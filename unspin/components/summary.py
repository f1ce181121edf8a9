"""The summary stage: how much of the text is technique, and which techniques dominate."""

from __future__ import annotations

from collections import Counter
from typing import Any

from unspin.doc import Attribution, Document
from unspin.taxonomy import label_of

__all__ = ["Summarizer", "make_summary", "summarize"]


def _covered(spans: list[tuple[int, int]]) -> int:
    """Characters covered by the union of the spans."""
    total, last = 0, -1
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            total += end - start
            last = end
    return total


#: Speakers the text does not name: an unresolved pronoun is nobody in particular.
_UNNAMED = frozenset({"he", "she", "it", "they", "i", "we", "you", "one", "him", "her", "them", "us", "me",
                      "this", "that", "who", "which", "someone", "somebody", "anyone", "everyone"})


#: Words that open the phrase of a speaker the text does not name ("a spokesman", "one official",
#: "every true patriot").
_SOMEONE = frozenset({"a", "an", "another", "one", "some", "someone", "somebody", "every", "each", "any",
                      "many", "most", "few", "no"})


def _named(speaker: Attribution) -> str | None:
    """The name a speaker counts under among the speakers: its actor, else its name as written;
    None for an unresolved pronoun ("he", a "'s" from "Let's") or an indefinite phrase ("a
    mayor", "another official"), which may be anyone."""
    if speaker.actor:
        return speaker.actor
    name = speaker.name.strip()
    if name.lower() in _UNNAMED or not any(c.isalpha() for c in name) or name[:1] in "'’":
        return None
    if name.split()[0].lower() in _SOMEONE:
        return None  # "a mayor", "another official": someone the text does not name
    return name


def summarize(doc: Document, top: int = 5) -> dict[str, Any]:
    """The summary of ``doc``: technique coverage and counts, claims and their sources, quotes and
    the named speakers (an unresolved "he" counts as a quote with a speaker, but names no one),
    actors, roles and the most targeted actors."""
    text = doc.text
    counts = Counter(s.technique for s in doc.techniques)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))  # ties by name, in both lists
    covered = _covered([(s.start, s.end) for s in doc.techniques])
    words = len(text.split())
    sourced = sum(1 for c in doc.claims if c.source is not None)
    spoken = [q for q in doc.quotes if q.speaker is not None]
    speakers = Counter(name for name in (_named(q.speaker) for q in spoken if q.speaker) if name)
    roles = Counter(a.role for a in doc.actors if a.role)
    targeted = sorted(
        (a for a in doc.actors if a.techniques), key=lambda a: (-len(a.techniques), a.name)
    )
    return {
        "characters": len(text),
        "words": words,
        "technique_count": len(doc.techniques),
        "technique_share": round(covered / len(text), 4) if text else 0.0,
        "techniques_per_1000_words": round(1000 * len(doc.techniques) / words, 2) if words else 0.0,
        "technique_counts": dict(ranked),
        "dominant_techniques": [{"technique": t, "label": label_of(t), "count": n} for t, n in ranked[:top]],
        "claim_count": len(doc.claims),
        "claims_with_source_share": round(sourced / len(doc.claims), 4) if doc.claims else 0.0,
        "quote_count": len(doc.quotes),
        "direct_quote_count": sum(1 for q in doc.quotes if q.kind == "direct"),
        "reported_quote_count": sum(1 for q in doc.quotes if q.kind == "reported"),
        "quotes_with_speaker_share": round(len(spoken) / len(doc.quotes), 4) if doc.quotes else 0.0,
        "speaker_count": len(speakers),
        "top_speakers": [{"name": name, "quotes": n} for name, n in speakers.most_common(top)],
        "actor_count": len(doc.actors),
        "role_counts": {role: roles[role] for role in ("protagonist", "antagonist", "innocent")},
        "most_targeted_actors": [
            {"name": a.name, "techniques": len(a.techniques),
             "technique_counts": dict(Counter(doc.techniques[i].technique for i in a.techniques
                                              if i < len(doc.techniques)).most_common()),
             "role": a.role, "fine_role": a.fine_role}
            for a in targeted[:top]
        ],
        "warnings": list(doc.warnings),
    }


class Summarizer:
    """Fills ``doc.summary`` from everything the earlier stages found."""

    name = "summary"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("summary",)

    def __init__(self, top: int = 5) -> None:
        self.top = top

    def __call__(self, doc: Document) -> Document:
        doc.summary = summarize(doc, self.top)
        return doc


def make_summary(top: int = 5) -> Summarizer:
    return Summarizer(top=top)
