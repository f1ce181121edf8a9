"""How the quantities tests read the quantities of a short text, sentence by sentence."""

from __future__ import annotations

from typing import Any

from unspin.components.quantities import find_quantities
from unspin.doc import Article, Document


def found(parser: Any, text: str) -> dict[str, tuple]:
    """Each quantity of ``text`` as written, with its kind, value, unit and qualifier."""
    sdoc = parser(Document(Article(id="q", text=text))).cache["spacy"]
    return {text[q.start : q.end]: (q.kind, q.value, q.unit, q.qualifier)
            for sent in sdoc.sents for q in find_quantities(sent, text)}
