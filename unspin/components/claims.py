"""The claims stage: check-worthy factual sentences, their quantities and the source they cite.

Each spaCy sentence is scored by the check-worthiness model (``_claims_model``; trained by
``unspin.training.claims`` on CheckThat! 2024 and ClaimBuster). A sentence at or above the
threshold becomes a ``Claim`` covering the sentence, with its quantities normalised
(``quantities``) and the person or body it is attributed to (``_claims_source``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._claims_features import sentence_features
from unspin.components._claims_model import DEFAULT_MODEL_DIR, ClaimScorer, load_scorer
from unspin.components._claims_source import find_source
from unspin.components.quantities import find_quantities
from unspin.doc import Claim, Document
from unspin.errors import ConfigError, ModelError

__all__ = ["ClaimDetector", "candidate_sentences", "make_claims"]

_MIN_WORDS = 4


def candidate_sentences(parsed: Any) -> list[Any]:
    """The spaCy sentences worth scoring, cut at line breaks and trimmed of outer whitespace.

    Headlines, bylines and fragments under ``_MIN_WORDS`` words are left out, as are questions.
    """
    out = []
    for sent in parsed.sents:
        start = sent.start
        for tok in sent:
            # a paragraph break inside a spaCy sentence separates two statements
            if "\n" in tok.text or "\n" in tok.whitespace_:
                piece = parsed[start : tok.i + (0 if tok.is_space else 1)]
                start = tok.i + 1
                out.extend(_keep(piece))
        if start < sent.end:
            out.extend(_keep(parsed[start : sent.end]))
    return out


def _keep(span: Any) -> list[Any]:
    while len(span) and (span[0].is_space or (span[0].is_punct and span[0].text not in "\"'“‘([")):
        span = span[1:]
    while len(span) and span[-1].is_space:
        span = span[:-1]
    if sum(1 for t in span if t.is_alpha) < _MIN_WORDS:
        return []
    if span.text.rstrip("\"'”’) ").endswith("?"):
        return []
    return [span]


class ClaimDetector:
    """Marks check-worthy factual sentences as claims."""

    name = "claims"
    requires: tuple[str, ...] = ("text", "spacy")
    assigns: tuple[str, ...] = ("claims",)

    def __init__(self, model: str | Path = DEFAULT_MODEL_DIR, threshold: float | None = None) -> None:
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"claims threshold must be between 0 and 1, got {threshold}")
        self.model = str(model)
        self.threshold = threshold

    @property
    def scorer(self) -> ClaimScorer:
        return load_scorer(self.model)

    def predict(self, sentences: list[Any]) -> list[float]:
        """Check-worthiness of each sentence (spaCy spans of parsed articles), in [0, 1]."""
        if not sentences:
            return []
        scorer = self.scorer
        features = np.stack([sentence_features(s) for s in sentences]) if scorer.uses_parse else None
        return [float(p) for p in scorer.predict([s.text for s in sentences], features)]

    def set_annotations(self, doc: Document, sents: list[Any], scores: list[float]) -> None:
        cut = self.scorer.threshold if self.threshold is None else self.threshold
        text = doc.text
        claims = []
        for sent, score in zip(sents, scores, strict=True):
            if score < cut:
                continue
            start, end = sent.start_char, sent.end_char
            claims.append(Claim(start=start, end=end, score=round(score, 4),
                                quantities=find_quantities(sent, text), source=find_source(sent)))
        doc.claims = claims

    def _sentences(self, doc: Document) -> list[Any]:
        parsed = doc.cache.get("spacy")
        if parsed is None:
            raise ModelError(
                "the claims stage needs the spaCy parse in doc.cache['spacy']; run the 'parse' stage first"
            )
        return candidate_sentences(parsed)

    def __call__(self, doc: Document) -> Document:
        sents = self._sentences(doc)
        self.set_annotations(doc, sents, self.predict(sents))
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Document]:
        per_doc = [self._sentences(doc) for doc in batch]
        scores = self.predict([s for sents in per_doc for s in sents])
        offset = 0
        for doc, sents in zip(batch, per_doc, strict=True):
            self.set_annotations(doc, sents, scores[offset : offset + len(sents)])
            offset += len(sents)
            yield doc


def make_claims(model: str | Path = DEFAULT_MODEL_DIR, threshold: float | None = None) -> ClaimDetector:
    return ClaimDetector(model=model, threshold=threshold)
