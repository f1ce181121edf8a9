"""Train and evaluate the check-worthiness model of the claims stage.

Data (read from ``../shared/data`` or ``$UNSPIN_SHARED_DATA``):

* ``checkthat2024-task1-checkworthy-en``: CLEF CheckThat! 2024 task 1, English
  (``train``, ``dev``, ``dev-test``, ``test_gold`` TSV files with Yes/No labels);
* ``claimbuster-spotter``: ClaimBuster sentences (label 1 = check-worthy); almost all of them are
  also in the CheckThat! train split, so only sentence ids not seen there are added.

Training uses ``train`` + ``dev`` + ClaimBuster; the decision threshold is chosen on
``dev-test`` (held out from training); ``test_gold`` is only ever scored, never used to choose.

    python -m unspin.training.claims --out unspin/models/claims
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import EvaluationError, ModelError
from unspin.training.data import default_data_dir

__all__ = [
    "Example",
    "default_data_dir",
    "evaluate_claims",
    "main",
    "prf",
    "read_checkthat",
    "read_claimbuster",
    "train_claims",
]

CHECKTHAT = "checkthat2024-task1-checkworthy-en"
CLAIMBUSTER = "claimbuster-spotter"
SPLITS = ("train", "dev", "dev-test", "test_gold")


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence."""

    id: str
    text: str
    label: int  # 1 = check-worthy


def read_checkthat(data_dir: Path, split: str) -> list[Example]:
    """One split (``train``, ``dev``, ``dev-test`` or ``test_gold``) of CheckThat! 2024 English."""
    if split not in SPLITS:
        raise EvaluationError(f"unknown CheckThat! split {split!r}; choose one of {', '.join(SPLITS)}")
    path = data_dir / CHECKTHAT / f"CT24_checkworthy_english_{split}.tsv"
    if not path.is_file():
        raise EvaluationError(f"{path} not found; point --data at the folder that holds {CHECKTHAT}/")
    examples = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader, None)
        for row in reader:
            # a few rows of the train file are malformed (a label glued to the next id): skip them
            if len(row) >= 3 and row[2].strip() in ("Yes", "No"):
                examples.append(Example(row[0], row[1], int(row[2].strip() == "Yes")))
    return examples


def read_claimbuster(data_dir: Path, exclude_ids: set[str]) -> list[Example]:
    """ClaimBuster sentences whose ids are not in ``exclude_ids`` (deduplicated across files)."""
    folder = data_dir / CLAIMBUSTER
    seen = set(exclude_ids)
    examples = []
    for name in ("train.json", "test.json", "kfold_25ncs.json"):
        path = folder / name
        if not path.is_file():
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            sid = str(item["sentence_id"])
            if sid not in seen:
                seen.add(sid)
                examples.append(Example(sid, item["text"], int(item["label"])))
    return examples


def prf(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the positive class."""
    tp = float(np.sum((gold == 1) & (pred == 1)))
    fp = float(np.sum((gold == 0) & (pred == 1)))
    fn = float(np.sum((gold == 1) & (pred == 0)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _best_threshold(gold: np.ndarray, prob: np.ndarray) -> float:
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    scores = [prf(gold, (prob >= t).astype(int))["f1"] for t in grid]
    return float(grid[int(np.argmax(scores))])


def train_claims(
    data_dir: Path,
    out: Path,
    *,
    c: float = 2.0,
    min_df: int = 3,
    parse_weight: float = 0.2,
    seed: int = 0,
) -> dict[str, Any]:
    """Fit the model, choose its threshold on dev-test, write it to ``out``; return figures.

    ``parse_weight`` scales the standardised parse features against the TF-IDF block (0 leaves
    them out), which sets how strongly the shared regularisation pulls on each block.
    """
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ModelError("training needs scikit-learn; run: pip install -e '.[train]'") from None
    from unspin.components._claims_model import ClaimScorer, analyze, parse_features

    started = time.perf_counter()
    train = read_checkthat(data_dir, "train") + read_checkthat(data_dir, "dev")
    extra = read_claimbuster(data_dir, {e.id for e in train})
    train += extra
    held_out = read_checkthat(data_dir, "dev-test")
    texts = [e.text for e in train]
    labels = np.array([e.label for e in train])

    vectorizer = TfidfVectorizer(analyzer=analyze, min_df=min_df, sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(texts)
    n_grams = matrix.shape[1]
    if parse_weight > 0:
        dense = parse_features(texts)
        mean, scale = dense.mean(0), dense.std(0) + 1e-3
        matrix = hstack([matrix, csr_matrix((dense - mean) / scale * parse_weight)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=seed)
    model.fit(matrix, labels)

    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    meta: dict[str, Any] = {
        "kind": "ngram+parse logistic" if parse_weight > 0 else "ngram logistic",
        "ngram_vocab": vocab,
        "threshold": 0.5,
        "settings": {"c": c, "min_df": min_df, "parse_weight": parse_weight, "seed": seed},
        "trained_on": {"checkthat2024_train_dev": len(train) - len(extra), "claimbuster_extra": len(extra),
                       "positives": int(labels.sum())},
    }
    arrays = {
        "bias": np.array(model.intercept_[0], dtype=np.float32),
        "ngram_idf": vectorizer.idf_.astype(np.float32),
        "ngram_weights": model.coef_[0, :n_grams].astype(np.float32),
    }
    if parse_weight > 0:
        arrays["dense_mean"] = mean.astype(np.float32)
        arrays["dense_scale"] = scale.astype(np.float32)
        arrays["dense_weights"] = (model.coef_[0, n_grams:] * parse_weight).astype(np.float32)
    scorer = ClaimScorer(meta, arrays)
    held_gold = np.array([e.label for e in held_out])
    held_prob = scorer.predict([e.text for e in held_out])
    meta["threshold"] = _best_threshold(held_gold, held_prob)
    meta["dev_test"] = prf(held_gold, (held_prob >= meta["threshold"]).astype(int))

    out.mkdir(parents=True, exist_ok=True)
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(out / "model.npz", **arrays)
    return {
        "examples": len(train),
        "positives": int(labels.sum()),
        "vocabulary": len(vocab),
        "threshold": meta["threshold"],
        "dev_test": meta["dev_test"],
        "seconds": round(time.perf_counter() - started, 1),
        "out": str(out),
    }


def evaluate_claims(
    data_dir: Path, model_dir: Path | None = None, split: str = "test_gold", threshold: float | None = None
) -> dict[str, Any]:
    """P/R/F1 (positive class "Yes") of the shipped (or given) model on a CheckThat! 2024 split."""
    from unspin.components._claims_model import DEFAULT_MODEL_DIR, ClaimScorer

    examples = read_checkthat(data_dir, split)
    scorer = ClaimScorer.load(model_dir or DEFAULT_MODEL_DIR)
    cut = scorer.threshold if threshold is None else threshold
    started = time.perf_counter()
    prob = scorer.predict([e.text for e in examples])
    seconds = time.perf_counter() - started
    gold = np.array([e.label for e in examples])
    result: dict[str, Any] = {"split": split, "sentences": len(examples), "positives": int(gold.sum()),
                              "threshold": cut}
    result.update(prf(gold, (prob >= cut).astype(int)))
    result["sentences_per_second"] = round(len(examples) / max(seconds, 1e-9), 1)
    return result


def main(argv: list[str] | None = None) -> int:
    """``python -m unspin.training.claims``: train the model and print its figures as JSON."""
    from unspin.components._claims_model import DEFAULT_MODEL_DIR

    parser = argparse.ArgumentParser(
        prog="python -m unspin.training.claims", description="Train the claims check-worthiness model."
    )
    parser.add_argument("--data", type=Path, default=None, help="folder holding the corpora")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR, help="model folder to write")
    parser.add_argument("--c", type=float, default=2.0, help="inverse regularisation strength")
    parser.add_argument("--min-df", type=int, default=3, help="drop n-grams seen in fewer sentences")
    parser.add_argument("--parse-weight", type=float, default=0.2,
                        help="weight of the parse features (0: n-grams only)")
    args = parser.parse_args(argv)
    figures = train_claims(args.data or default_data_dir(), args.out, c=args.c, min_df=args.min_df,
                           parse_weight=args.parse_weight)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
