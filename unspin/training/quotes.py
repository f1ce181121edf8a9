"""PolNeAR attributions: reading the corpus, training the cue model, scoring the quotes stage.

PolNeAR (``../shared/data/polnear``) annotates source, cue and content spans of attributions in
US political news (BRAT standoff files; some spans are discontinuous). The quotes stage is
scored like Citron on PARC 3.0: a predicted content counts when it overlaps a gold content
(partial-overlap F1); a predicted speaker counts when it overlaps the gold source of a gold
attribution whose content its quote overlaps.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.components._quotes_features import candidate_cues, cue_features
from unspin.components._quotes_marks import find_quotations
from unspin.errors import EvaluationError, InputNotFoundError

__all__ = [
    "GoldAttribution",
    "PolnearArticle",
    "cue_examples",
    "evaluate_quotes",
    "quote_mask",
    "read_polnear",
    "save_cue_model",
    "score_quotes",
    "train_cue_model",
]

Fragments = list[tuple[int, int]]
# Span text may hold line breaks, so only lines that start like a record are records.
_SPAN_LINE = re.compile(r"T\d+\t")
_EVENT_LINE = re.compile(r"E\d+\t")


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution: source, cue and content, each a list of fragments."""

    source: Fragments = field(default_factory=list)
    cue: Fragments = field(default_factory=list)
    content: Fragments = field(default_factory=list)


@dataclass(slots=True)
class PolnearArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


def _fragments(spec: str) -> Fragments:
    out = []
    for part in spec.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return out


def _read_ann(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if _SPAN_LINE.match(line):
            try:
                ident, spec, _ = line.split("\t", 2)
                kind, _, offsets = spec.partition(" ")
                spans[ident] = (kind, _fragments(offsets))
            except ValueError:
                raise EvaluationError("a malformed BRAT span line; expected "
                                      "'T<n>\\t<Kind> <start> <end>\\t<text>'",
                                      source=f"{path}:{number}") from None
        elif _EVENT_LINE.match(line):
            events.append(line.split("\t", 1)[1])
    out = []
    for event in events:
        attribution = GoldAttribution()
        for arg in event.split()[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ("source", "cue", "content") and ref in spans:
                getattr(attribution, role).extend(spans[ref][1])
        if attribution.content:
            out.append(attribution)
    return out


def read_polnear(folder: str | Path, split: str) -> list[PolnearArticle]:
    """The articles of one split (``train``, ``dev``, ``test``) with one annotator's attributions.

    Articles annotated by several annotators are read once, with the first annotator (by id).
    """
    root = Path(folder) / split
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise InputNotFoundError(f"no PolNeAR split {split!r} here; give the polnear folder "
                                 "holding train/, dev/ and test/ with text/ and attributions/",
                                 source=str(folder))
    annotations: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        annotations.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(annotations.items()):
        text_path = root / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(PolnearArticle(name, text, _read_ann(ann)))
    return articles


def quote_mask(doc: Any) -> list[bool]:
    """For each token of a spaCy doc, whether it lies inside a direct quotation."""
    mask = [False] * len(doc)
    for start, end in find_quotations(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask


def cue_examples(docs: Iterable[Any], articles: Sequence[PolnearArticle]
                 ) -> tuple[list[list[str]], list[int]]:
    """Feature lists and 0/1 labels (the token lies in a gold cue) for every candidate cue."""
    features: list[list[str]] = []
    labels: list[int] = []
    for doc, article in zip(docs, articles, strict=True):
        cue_chars = set()
        for attribution in article.attributions:
            for start, end in attribution.cue:
                cue_chars.update(range(start, end))
        mask = quote_mask(doc)
        for sent in doc.sents:
            for token in candidate_cues(sent):
                features.append(cue_features(token, mask))
                labels.append(int(token.idx in cue_chars))
    return features, labels


def train_cue_model(features: list[list[str]], labels: list[int], *, c: float = 0.5,
                    min_count: int = 2) -> dict[str, Any]:
    """Fit a logistic regression on the cue examples; return its weights as plain data."""
    from collections import Counter

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in features for f in feats)
    rows = [{f: 1 for f in feats if counts[f] >= min_count} for feats in features]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    model.fit(x, np.asarray(labels))
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    return {"bias": round(float(model.intercept_[0]), 4), "weights": weights, "threshold": 0.5}


def save_cue_model(model: dict[str, Any], path: str | Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        json.dump(model, out, sort_keys=True, separators=(",", ":"))


def _overlaps(a: tuple[int, int], fragments: Fragments) -> bool:
    return any(a[0] < e and s < a[1] for s, e in fragments)


def score_quotes(predicted: Sequence[Sequence[Any]], gold: Sequence[PolnearArticle]
                 ) -> dict[str, Any]:
    """Content and speaker precision, recall and F1 with partial-overlap matching.

    ``predicted[i]`` holds the ``Quote`` records found in ``gold[i]``.
    """
    c_tp_pred = c_pred = c_tp_gold = c_gold = 0
    s_tp_pred = s_pred = s_tp_gold = s_gold = 0
    for quotes, article in zip(predicted, gold, strict=True):
        golds = article.attributions
        c_gold += len(golds)
        s_gold += sum(1 for g in golds if g.source)
        for q in quotes:
            c_pred += 1
            hits = [g for g in golds if _overlaps((q.start, q.end), g.content)]
            c_tp_pred += bool(hits)
            if q.speaker is not None:
                s_pred += 1
                span = (q.speaker.start, q.speaker.end)
                s_tp_pred += any(_overlaps(span, g.source) for g in hits)
        for g in golds:
            hits = [q for q in quotes if _overlaps((q.start, q.end), g.content)]
            c_tp_gold += bool(hits)
            if g.source:
                s_tp_gold += any(q.speaker is not None
                                 and _overlaps((q.speaker.start, q.speaker.end), g.source)
                                 for q in hits)

    def prf(tp_pred: int, pred: int, tp_gold: int, total: int) -> dict[str, float]:
        p = tp_pred / pred if pred else 0.0
        r = tp_gold / total if total else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    return {
        "articles": len(gold),
        "gold_attributions": c_gold,
        "predicted_quotes": c_pred,
        "content": prf(c_tp_pred, c_pred, c_tp_gold, c_gold),
        "speaker": prf(s_tp_pred, s_pred, s_tp_gold, s_gold),
    }


def evaluate_quotes(folder: str | Path, split: str = "test", *, threshold: float | None = None,
                    model: str | None = None) -> dict[str, Any]:
    """Run the parse and quotes stages over a PolNeAR split and score them (``score_quotes``)."""
    import time

    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    articles = read_polnear(folder, split)
    if not articles:
        raise EvaluationError(f"the PolNeAR split {split!r} has no annotated articles",
                              source=str(folder))
    finder = QuoteFinder(model=model, threshold=threshold)
    began = time.perf_counter()
    predicted = [finder.predict(sdoc) for sdoc in load_spacy().pipe(a.text for a in articles)]
    result = score_quotes(predicted, articles)
    result["split"] = split
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result
