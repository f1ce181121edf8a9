"""How well claims name the source the text cites for them, scored on PolNeAR's attributions.

PolNeAR annotates every attribution in its news articles: the source, the cue and the content.
A predicted claim is *attributed* when it overlaps the content of a gold attribution that has
a source. For each claim the pipeline's ``source`` (its span covers the attribution phrase,
e.g. "according to the UN panel" or "the minister said") is right when it overlaps a source
fragment of a gold attribution whose content the claim overlaps. Scores:

- precision: right sources / claims given a source;
- recall: attributed claims given a right source / attributed claims;
- F1 of the two, and the share of claims given a source at all.

The claims themselves are not scored here (PolNeAR does not mark check-worthiness).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unspin.errors import EvaluationError
from unspin.training.quotes import PolnearArticle, overlaps, read_polnear

__all__ = ["evaluate_sources", "score_sources"]


def score_sources(claims: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle]) -> dict[str, Any]:
    """Source precision, recall and F1 of the claims of each article (``Claim`` objects)."""
    if len(claims) != len(gold):
        raise EvaluationError(f"{len(claims)} predicted articles for {len(gold)} gold ones")
    n_claims = with_source = right = attributed = attributed_right = 0
    for predicted, article in zip(claims, gold, strict=True):
        cited = [g for g in article.attributions if g.source]
        for claim in predicted:
            n_claims += 1
            golds = [g for g in cited if overlaps((claim.start, claim.end), g.content)]
            source = claim.source
            ok = source is not None and any(overlaps((source.start, source.end), g.source) for g in golds)
            with_source += source is not None
            right += ok
            if golds:
                attributed += 1
                attributed_right += ok
    precision = right / with_source if with_source else 0.0
    recall = attributed_right / attributed if attributed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(gold),
        "claims": n_claims,
        "claims_with_source": with_source,
        "attributed_claims": attributed,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "source_share": round(with_source / n_claims, 4) if n_claims else 0.0,
    }


def evaluate_sources(folder: str | Path, split: str = "test", *,
                     quote_sources: bool = True) -> dict[str, Any]:
    """Run the parse, claims, quotes and actors stages over a PolNeAR split and score the sources.

    ``quote_sources=False`` keeps the claims stage's own sources only (no quote speakers).
    """
    from unspin.doc import Article
    from unspin.pipeline import load

    articles = read_polnear(folder, split)
    if not articles:
        raise EvaluationError(f"the PolNeAR split {split!r} has no annotated articles", source=str(folder))
    nlp = load(components=["parse", "claims", "quotes", "actors"],
               config={"actors": {"roles": False, "quote_sources": quote_sources}})
    began = time.perf_counter()
    docs = list(nlp.pipe(Article(id=a.name, text=a.text) for a in articles))
    result = score_sources([doc.claims for doc in docs], articles)
    result["split"] = split
    result["quote_sources"] = quote_sources
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result
