"""How the actors tests look an actor up in an analysed document."""

from __future__ import annotations

from unspin.doc import Actor, Document


def actor(doc: Document, name: str) -> Actor:
    """The actor named ``name``; the test fails, listing the actors, when there is none."""
    found = [a for a in doc.actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in doc.actors]}"
    return found[0]


def names(doc: Document) -> list[str]:
    """The names of the document's actors, in its order."""
    return [a.name for a in doc.actors]
