"""How the quotes tests look a quote's speaker up in an analysed document."""

from __future__ import annotations

from unspin.doc import Document


def speaker_of(doc: Document, text: str, words: str) -> tuple[str, str | None]:
    """The speaker span text and actor of the quote whose text holds ``words``."""
    quotes = [q for q in doc.quotes if words in text[q.start:q.end]]
    assert quotes, f"no quote holds {words!r}: {[text[q.start:q.end] for q in doc.quotes]}"
    speaker = quotes[0].speaker
    assert speaker is not None, f"the quote holding {words!r} has no speaker"
    return text[speaker.start:speaker.end], speaker.actor


def speakers(doc: Document, text: str) -> dict[str, str | None]:
    """Each quote's text, with the text of its speaker span (None for a quote with no speaker)."""
    return {text[q.start:q.end]: None if q.speaker is None else text[q.speaker.start:q.speaker.end]
            for q in doc.quotes}
