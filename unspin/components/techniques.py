"""Technique detection. Until the trained model lands this is the lexicon baseline."""

from __future__ import annotations

from unspin.components.techniques_lexicon import LexiconTechniques

__all__ = ["make_techniques"]


def make_techniques(min_score: float = 0.0) -> LexiconTechniques:
    return LexiconTechniques(min_score=min_score)
