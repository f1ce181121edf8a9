"""The JSON contract (see ``unspin/schema/unspin.schema.json``): one object per article."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from unspin.doc import Actor, Attribution, Claim, Document, Quantity, Quote, TechniqueSpan
from unspin.taxonomy import label_of

__all__ = ["SCHEMA_VERSION", "load_schema", "to_dict", "to_json"]

SCHEMA_VERSION = "1.2"


def _attribution(a: Attribution | None, text: str) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": a.name, "start": a.start, "end": a.end, "text": text[a.start : a.end],
            "actor": a.actor}


def _quantity(q: Quantity, text: str) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "text": text[q.start : q.end], "kind": q.kind,
            "value": q.value, "unit": q.unit, "qualifier": q.qualifier, "part": q.part}


def _technique(s: TechniqueSpan, text: str) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": text[s.start : s.end],
            "technique": s.technique, "label": label_of(s.technique),
            "score": round(float(s.score), 4), "explanation": s.explanation, "target": s.target}


def _claim(c: Claim, text: str) -> dict[str, Any]:
    return {"start": c.start, "end": c.end, "text": text[c.start : c.end],
            "score": round(float(c.score), 4),
            "quantities": [_quantity(q, text) for q in c.quantities],
            "source": _attribution(c.source, text)}


def _quote(q: Quote, text: str) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "text": text[q.start : q.end], "kind": q.kind,
            "speaker": _attribution(q.speaker, text), "cue": _attribution(q.cue, text),
            "score": round(float(q.score), 4)}


def _actor(a: Actor, text: str) -> dict[str, Any]:
    return {
        "name": a.name, "type": a.type, "aliases": list(a.aliases),
        "mention_count": len(a.mentions),
        "mentions": [{"start": m.start, "end": m.end, "text": text[m.start : m.end]}
                     for m in a.mentions],
        "references": [{"start": m.start, "end": m.end, "text": text[m.start : m.end]}
                       for m in a.references],
        "techniques": list(a.techniques), "quotes": list(a.quotes),
        "role": a.role, "fine_role": a.fine_role,
        "role_score": None if a.role_score is None else round(float(a.role_score), 4),
    }


def to_dict(doc: Document) -> dict[str, Any]:
    """The JSON contract for one analysed document, as plain Python data."""
    text = doc.text
    article = doc.article
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {"id": article.id, "title": article.title, "length": len(text),
                    "source": dict(article.source)},
        "techniques": [_technique(s, text) for s in doc.techniques],
        "claims": [_claim(c, text) for c in doc.claims],
        "quotes": [_quote(q, text) for q in doc.quotes],
        "actors": [_actor(a, text) for a in doc.actors],
        "summary": dict(doc.summary),
        "warnings": list(doc.warnings),
        "pipeline": list(doc.ran),
    }


def to_json(doc: Document, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, shipped inside the package."""
    ref = resources.files("unspin.schema").joinpath("unspin.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))
