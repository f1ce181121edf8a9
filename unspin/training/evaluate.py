"""``unspin evaluate``: the three official PTC metrics for the pipeline or given predictions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from unspin.doc import Article
from unspin.errors import EvaluationError
from unspin.training.ptc import GoldSpan, read_ptc_articles, read_ptc_labels
from unspin.training.scorer import score_flc, score_si, score_tc

__all__ = ["Classifier", "classify_spans", "evaluate_ptc", "pair_tc", "predict_spans", "technique_pipeline"]


class Classifier(Protocol):
    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]: ...


def pair_tc(pred: Mapping[str, list[GoldSpan]], gold: Mapping[str, list[GoldSpan]]
            ) -> tuple[list[str], list[str]]:
    """Pair predicted and gold techniques that share (article, start, end).

    Several gold spans may share offsets with different techniques; matching ones are paired
    first, so predictions identical to the gold score 1.0. A gold span with no prediction at
    its offsets counts as wrong.
    """
    by_key: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for article_id, spans in pred.items():
        for s in spans:
            if s.technique:
                by_key[(article_id, s.start, s.end)].append(s.technique)
    out_p: list[str] = []
    out_g: list[str] = []
    for article_id, spans in gold.items():
        grouped: dict[tuple[int, int], list[str]] = defaultdict(list)
        for s in spans:
            if s.technique is None:
                raise EvaluationError("TC needs labels with techniques (the TC label format); "
                                      f"article {article_id} has spans without one")
            grouped[(s.start, s.end)].append(s.technique)
        for (start, end), golds in grouped.items():
            preds = list(by_key.get((article_id, start, end), []))
            rest = []
            for g in golds:
                if g in preds:
                    preds.remove(g)
                    out_p.append(g)
                    out_g.append(g)
                else:
                    rest.append(g)
            for g in rest:
                out_p.append(preds.pop(0) if preds else "<none>")
                out_g.append(g)
    return out_p, out_g


def technique_pipeline(model: str | Path | None = None, min_score: float | None = None) -> Any:
    """A pipeline of the technique stage alone: the shipped model, or the one in ``model``."""
    from unspin.pipeline import load

    settings: dict[str, Any] = {}
    if min_score is not None:
        settings["min_score"] = min_score
    if model is not None:
        settings["model"] = str(model)
    return load(components=["techniques"], config={"techniques": settings} if settings else None)


def predict_spans(articles: Mapping[str, Article], *, disable_other: bool = True,
                  min_score: float | None = None, pipeline: Any = None) -> dict[str, list[GoldSpan]]:
    """Run the technique stage (of ``pipeline``, else the default one) over the articles."""
    if pipeline is None:
        pipeline = technique_pipeline(min_score=min_score)
    out: dict[str, list[GoldSpan]] = {}
    for doc in pipeline.pipe(a for a in articles.values() if a.text.strip()):
        out[doc.id] = [GoldSpan(doc.id, s.start, s.end, s.technique) for s in doc.techniques]
    for article_id in articles:
        out.setdefault(article_id, [])
    return out


def classify_spans(articles: Mapping[str, Article], spans: Mapping[str, list[GoldSpan]],
                   classifier: Classifier | None = None) -> dict[str, list[GoldSpan]]:
    """Give each span (technique unknown) the technique the classifier predicts."""
    if classifier is None:
        classifier = technique_pipeline().get("techniques")
    out: dict[str, list[GoldSpan]] = {}
    for article_id, items in spans.items():
        article = articles.get(article_id)
        if article is None:
            raise EvaluationError(f"no article {article_id!r} in the articles folder; give the "
                                  "folder that holds article{article_id}.txt")
        labels = classifier.classify(article.text, [(s.start, s.end) for s in items])
        out[article_id] = [GoldSpan(article_id, s.start, s.end, t)
                           for s, (t, _) in zip(items, labels, strict=True)]
    return out


def evaluate_ptc(articles_dir: str | Path, labels: str | Path,
                 predictions: str | Path | None = None,
                 min_score: float | None = None, model: str | Path | None = None) -> dict[str, Any]:
    """SI, FLC and TC scores (P/R/F1, per-technique F1) as plain data.

    The predictions are read from ``predictions``, else made by the technique model in
    ``model`` (default: the shipped one), which also names the technique of each gold span (TC).
    """
    articles = read_ptc_articles(articles_dir)
    gold = read_ptc_labels(labels)
    missing = sorted(set(gold) - set(articles))
    if missing:
        raise EvaluationError(f"{len(missing)} labelled article(s) are not in {articles_dir} "
                              f"(e.g. {missing[0]}); give the matching articles folder")
    has_techniques = all(s.technique for v in gold.values() for s in v)
    pipeline = None
    if predictions is not None:
        pred = read_ptc_labels(predictions)
        for article_id in gold:
            pred.setdefault(article_id, [])
    else:
        pipeline = technique_pipeline(model, min_score)
        pred = predict_spans({k: articles[k] for k in gold}, pipeline=pipeline)
    result: dict[str, Any] = {
        "articles": len(gold),
        "gold_spans": sum(len(v) for v in gold.values()),
        "predicted_spans": sum(len(v) for v in pred.values()),
        "source": str(predictions) if predictions else "pipeline",
        "SI": score_si(pred, gold).as_dict(),
    }
    if has_techniques:
        result["FLC"] = score_flc(pred, gold).as_dict()
        if predictions is not None:
            p_labels, g_labels = pair_tc(pred, gold)
        else:
            unlabelled = {k: [GoldSpan(k, s.start, s.end) for s in v] for k, v in gold.items()}
            classified = classify_spans(articles, unlabelled, classifier=pipeline.get("techniques"))
            p_labels, g_labels = pair_tc(classified, gold)
        result["TC"] = score_tc(p_labels, g_labels).as_dict()
    return result
