"""How the claims tests read the source the sentence rules find."""

from __future__ import annotations

from unspin.components._claims_source import find_source
from unspin.components.parse import load_spacy


def rules_source(text: str) -> tuple[str, str] | None:
    """The name and the written span of the source ``find_source`` gives the text's first sentence."""
    found = find_source(next(iter(load_spacy()(text).sents)))
    return None if found is None else (found.name, text[found.start : found.end])
