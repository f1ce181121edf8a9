"""Dense features of a sentence read off the spaCy parse the pipeline already made.

The shared ``tok2vec`` layer of the spaCy pipeline leaves a 96-d vector per token in
``doc.tensor``; pooling it over a sentence costs nothing at run time and carries its syntax
(tense, mood, person). Added to it: the share of each fine part-of-speech tag and which entity
types occur (numbers, dates, money, people, places), the cues ClaimBuster's classic model used.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["ENTITY_LABELS", "FEATURE_SIZE", "TAGS", "sentence_features"]

TAGS: tuple[str, ...] = (
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "HYPH",
    "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP",
    "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "XX", "_SP", "``",
)
ENTITY_LABELS: tuple[str, ...] = (
    "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP", "ORDINAL",
    "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
)
_TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
_ENT_INDEX = {e: i for i, e in enumerate(ENTITY_LABELS)}
_WIDTH = 96
FEATURE_SIZE = 2 * _WIDTH + len(TAGS) + len(ENTITY_LABELS) + 1


def sentence_features(span: Any, ents: Any = None) -> np.ndarray:
    """The dense feature vector of a spaCy span (a sentence), ``FEATURE_SIZE`` floats.

    ``ents``: the span's entities when the caller has them (``span.ents`` scans the whole doc).
    """
    out = np.zeros(FEATURE_SIZE, dtype=np.float32)
    n = len(span)
    if n == 0:
        return out
    tensor = span.doc.tensor
    if tensor is not None and tensor.shape[0] >= span.end and tensor.shape[-1] == _WIDTH:
        block = tensor[span.start : span.end]
        out[:_WIDTH] = block.mean(0)
        out[_WIDTH : 2 * _WIDTH] = block.max(0)
    base = 2 * _WIDTH
    for tok in span:
        i = _TAG_INDEX.get(tok.tag_)
        if i is not None:
            out[base + i] += 1.0 / n
    base += len(TAGS)
    for ent in span.ents if ents is None else ents:
        i = _ENT_INDEX.get(ent.label_)
        if i is not None:
            out[base + i] = 1.0
    out[-1] = math.log1p(n) / 5.0
    return out
