"""Training the salience gate of the actors stage (``unspin.components._actors_salience``).

The examples are the actors the actors stage finds in the SemEval-2025 Task 10 subtask-1
documents; an actor is salient when one of its mentions overlaps a mention the annotators gave
a role. A logistic regression over ``SALIENCE_FEATURES`` is scored by cross-validation over
documents; its threshold is the highest that keeps ``MIN_RECALL`` of the salient actors out of
fold, and the model fitted on all documents is written as JSON.

    python -m unspin.training.salience --out unspin/models/roles/salience.json [--data DIR]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._actors_salience import SalienceGate, salience_features
from unspin.training.roles import read_roles

__all__ = ["MIN_RECALL", "THRESHOLDS", "salience_examples", "train_salience_gate"]

#: The thresholds tried.
THRESHOLDS = tuple(round(0.025 * k, 3) for k in range(2, 21))
#: Share of the annotated actors the gate must keep out of fold: a role the annotators gave is
#: hidden at most one time in five.
MIN_RECALL = 0.8


def salience_examples(folder: str | Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, labels (1: salient) and document of every actor in the annotated documents."""
    from unspin.components._actors_bodies import actor_clusters
    from unspin.components.parse import load_spacy

    texts, mentions = read_roles(folder)
    names = sorted(texts)
    rows, labels, documents = [], [], []
    for name, sdoc in zip(names, load_spacy().pipe(texts[n] for n in names), strict=True):
        gold = [(m.start, m.end) for m in mentions if m.document == name]
        clusters = actor_clusters(sdoc)
        if not clusters:
            continue
        rows.append(salience_features(clusters, len(texts[name])))
        labels += [int(any(s < ge and gs < e for s, e in c.mentions for gs, ge in gold)) for c in clusters]
        documents += [name] * len(clusters)
    return np.vstack(rows), np.asarray(labels), documents


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray, Any]:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return mean, scale, model


def _f1(y: np.ndarray, keep: np.ndarray) -> tuple[float, float, float]:
    tp = float((keep & (y == 1)).sum())
    p = tp / keep.sum() if keep.sum() else 0.0
    r = tp / (y == 1).sum() if (y == 1).sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train_salience_gate(folder: str | Path, *, folds: int = 5, seed: int = 0, c: float = 1.0,
                        min_recall: float = MIN_RECALL) -> tuple[SalienceGate, dict[str, Any]]:
    """The gate fitted on all annotated documents, and its out-of-fold figures."""
    x, y, documents = salience_examples(folder)
    names = sorted(set(documents))
    order = np.random.default_rng(seed).permutation(len(names))
    fold_of = {names[i]: k % folds for k, i in enumerate(order)}
    fold = np.asarray([fold_of[d] for d in documents])
    probability = np.zeros(len(y))
    for k in range(folds):
        mean, scale, model = _fit(x[fold != k], y[fold != k], c)
        probability[fold == k] = model.predict_proba((x[fold == k] - mean) / scale)[:, 1]
    table = {t: _f1(y, probability >= t) for t in THRESHOLDS}
    # the highest threshold that still keeps MIN_RECALL of the actors the annotators cast in a role
    threshold = max((t for t in THRESHOLDS if table[t][1] >= min_recall), default=THRESHOLDS[0])
    mean, scale, model = _fit(x, y, c)
    gate = SalienceGate(mean, scale, model.coef_[0].astype(float), float(model.intercept_[0]), threshold)
    p, r, f = table[threshold]
    kept = round(float((probability >= threshold).mean()), 4)
    report = {"actors": len(y), "salient": int(y.sum()), "documents": len(names), "threshold": threshold,
              "out_of_fold": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                              "kept": kept},
              "by_threshold": {str(t): [round(v, 4) for v in table[t]] for t in THRESHOLDS}}
    return gate, report


def main(argv: list[str] | None = None) -> int:
    from unspin.training.data import default_data_dir

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="Where to write salience.json.")
    parser.add_argument("--data", type=Path, default=None,
                        help="The SemEval-2025 Task 10 English folder (default: the shared data folder's).")
    args = parser.parse_args(argv)
    gate, report = train_salience_gate(args.data or default_data_dir() / "semeval2025-task10-en")
    args.out.write_text(json.dumps(gate.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
