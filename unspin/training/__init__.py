"""Corpus readers, the official PTC scorer, and (behind the ``train`` extra) model training."""

from unspin.training.ptc import GoldSpan, read_ptc_articles, read_ptc_labels
from unspin.training.scorer import Scores, score_flc, score_si, score_tc

__all__ = [
    "GoldSpan",
    "Scores",
    "read_ptc_articles",
    "read_ptc_labels",
    "score_flc",
    "score_si",
    "score_tc",
]
