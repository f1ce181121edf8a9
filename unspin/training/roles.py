"""SemEval-2025 Task 10 subtask 1 (entity framing): reading it, training and scoring the role model.

Each annotation names an entity mention in a document (start and end offsets, the end
inclusive), its main role (Protagonist, Antagonist, Innocent) and one or more fine roles. A
mention is represented like an actor in the ``actors`` stage: the mean technique-encoder state
of the annotated mention and the other places its name occurs in the document (up to 8), the
document encoded whole as the ``techniques`` stage encodes an article. The model is
scored by cross-validation over documents (a document's mentions stay in one fold; the folds
are fixed by a seed): main-role accuracy (mean and spread over the folds), macro-F1 over the
three main roles (a majority guesser cannot look good on it) and fine-role exact match (the
predicted set of fine roles equals the gold set; the model predicts one fine role).
Hyper-parameters are chosen inside each training fold by an inner cross-validation, never on
the fold being scored.

Which roles are shown: each main role has its own least probability (``choose_thresholds``),
set from out-of-fold predictions of an inner cross-validation: the lowest at which the role,
when predicted, is right at least ``prior + gap * (1 - prior)`` of the time (``prior``: the
role's share of the training mentions), so a shown role closes at least that part of the way
from a guess by frequency to certainty. The outer folds then score the roles shown: coverage,
accuracy and precision per role.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES, RoleModel, harmed, mention_vectors
from unspin.components.techniques import TechniqueModel
from unspin.errors import EvaluationError, InputNotFoundError

__all__ = [
    "C_GRID",
    "DEFAULT_GAP",
    "THRESHOLD_GRID",
    "RoleMention",
    "choose_hyperparameters",
    "choose_thresholds",
    "cross_validate_roles",
    "document_folds",
    "inner_probabilities",
    "macro_f1",
    "occurrences",
    "read_roles",
    "role_vectors",
    "save_role_model",
    "train_role_model",
]

C_GRID = (0.003, 0.01, 0.03, 0.1)
THRESHOLD_GRID = tuple(round(0.15 + 0.05 * k, 2) for k in range(17))  # 0.15 .. 0.95
#: Share of the way from the role's frequency to certainty that a shown role must reach.
DEFAULT_GAP = 0.4
#: Fewest inner out-of-fold predictions a threshold must rest on.
MIN_SUPPORT = 10
_WEIGHTINGS = (False, True)  # class_weight None or "balanced"


@dataclass(slots=True)
class RoleMention:
    document: str
    name: str
    start: int
    end: int  # exclusive
    role: str
    fine_roles: tuple[str, ...]


def read_roles(folder: str | Path) -> tuple[dict[str, str], list[RoleMention]]:
    """The raw documents (by file name) and the subtask-1 mentions of the SemEval-2025 folder."""
    root = Path(folder)
    labels = root / "subtask-1-annotations.txt"
    if not labels.is_file() or not (root / "raw-documents").is_dir():
        raise InputNotFoundError("no SemEval-2025 Task 10 data here; give the folder holding "
                                 "subtask-1-annotations.txt and raw-documents/", source=str(folder))
    mentions = []
    for number, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 6 or parts[4].lower() not in MAIN_ROLES:
            raise EvaluationError("expected 'doc<TAB>name<TAB>start<TAB>end<TAB>main role<TAB>fine "
                                  "role...'", source=f"{labels}:{number}")
        role = parts[4].lower()
        fine = tuple(sorted({f.strip().lower() for f in parts[5:] if f.strip()}))
        mentions.append(RoleMention(parts[0], parts[1], int(parts[2]), int(parts[3]) + 1, role, fine))
    texts = {}
    for name in sorted({m.document for m in mentions}):
        path = root / "raw-documents" / name
        if path.is_file():
            texts[name] = path.read_text(encoding="utf-8")
    return texts, [m for m in mentions if m.document in texts]


def occurrences(text: str, mention: RoleMention, per_mention: int) -> list[tuple[int, int]]:
    """The annotated mention first, then the other places its name occurs (``per_mention`` in all)."""
    spans = [(mention.start, mention.end)]
    at = text.find(mention.name)
    while at >= 0 and len(spans) < per_mention:
        if at != mention.start:
            spans.append((at, at + len(mention.name)))
        at = text.find(mention.name, at + 1)
    return spans


def role_vectors(texts: dict[str, str], mentions: Sequence[RoleMention], model: TechniqueModel | None = None,
                 per_mention: int = 8) -> np.ndarray:
    """One vector per mention: the mean technique-encoder state of its occurrences (as the actors
    stage), then ``harmed`` of those occurrences (1.0 if one is what a verb of violence is done to).

    Each document is encoded once, whole, all its mentions together, and parsed once.
    """
    from unspin.components.parse import load_spacy

    model = model if model is not None else TechniqueModel()
    by_document: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_document[m.document].append(i)
    names = sorted(by_document)
    out: np.ndarray | None = None
    parsed = load_spacy().pipe(texts[n] for n in names)
    for name, encoded, sdoc in zip(names, model.encode([texts[n] for n in names]), parsed, strict=True):
        width = encoded.hidden.shape[1]
        if out is None:
            out = np.zeros((len(mentions), width + 1), dtype=np.float32)
        groups = [occurrences(texts[name], mentions[i], per_mention) for i in by_document[name]]
        vectors = mention_vectors(encoded, [s for group in groups for s in group])
        at = 0
        for i, group in zip(by_document[name], groups, strict=True):
            rows = vectors[at : at + len(group)]
            at += len(group)
            rows = rows[~np.isnan(rows).any(axis=1)]
            out[i, :width] = rows.mean(axis=0) if len(rows) else 0.0
            out[i, width] = harmed(sdoc, group)  # as the actors stage reads it
    return out if out is not None else np.zeros((0, 0), dtype=np.float32)


def _fit(x: np.ndarray, y: np.ndarray, c: float, balanced: bool) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None).fit(x, y)


def _full(model: Any, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights for every class, also those missing from a training fold."""
    w = np.zeros((model.coef_.shape[1], n_classes), dtype=np.float32)
    b = np.full(n_classes, -30.0, dtype=np.float32)
    for k, cls in enumerate(model.classes_):
        w[:, int(cls)] = model.coef_[k] if model.coef_.shape[0] > 1 else model.coef_[0] * k
        b[int(cls)] = model.intercept_[k] if model.intercept_.shape[0] > 1 else model.intercept_[0] * k
    return w, b


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return x.mean(axis=0).astype(np.float32), (x.std(axis=0) + 1e-6).astype(np.float32)


def train_role_model(x: np.ndarray, mentions: Sequence[RoleMention], *, c: float = 0.01,
                     balanced: bool = False, thresholds: np.ndarray | None = None) -> RoleModel:
    """Fit the main-role and fine-role logistic regressions on standardised mention vectors.

    The fine-role model sees one row per (mention, fine role), so a mention with two fine roles
    teaches both.
    """
    x = np.asarray(x, dtype=np.float32)
    mean, scale = _standardise(x)
    z = (x - mean) / scale
    main_y = np.array([MAIN_ROLES.index(m.role) for m in mentions])
    main_w, main_b = _full(_fit(z, main_y, c, balanced), len(MAIN_ROLES))
    fine_labels = tuple(sorted({f for m in mentions for f in m.fine_roles}))
    rows = [(i, fine_labels.index(f)) for i, m in enumerate(mentions) for f in m.fine_roles]
    if len({label for _, label in rows}) >= 2:
        fine_w, fine_b = _full(_fit(z[[i for i, _ in rows]], np.array([k for _, k in rows]), c, False),
                               len(fine_labels))
    else:  # one fine role (or none) in the training data: it is always the answer
        fine_w = np.zeros((x.shape[1], max(1, len(fine_labels))), dtype=np.float32)
        fine_b = np.zeros(max(1, len(fine_labels)), dtype=np.float32)
        fine_labels = fine_labels or ("",)
    model = RoleModel(mean, scale, main_w, main_b, fine_labels, fine_w, fine_b)
    if thresholds is not None:
        model.thresholds = np.asarray(thresholds, dtype=np.float32)
    return model


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Mean F1 over the three main roles (a role never predicted nor gold counts 0)."""
    scores = []
    for role in MAIN_ROLES:
        tp = sum(g == p == role for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == role != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == role != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


def document_folds(mentions: Sequence[RoleMention], folds: int, seed: int) -> np.ndarray:
    """The fold of each mention: documents shuffled by ``seed`` and dealt round the folds."""
    documents = sorted({m.document for m in mentions})
    if len(documents) < folds:
        raise EvaluationError(f"{len(documents)} documents cannot make {folds} folds; use fewer folds")
    order = np.random.default_rng(seed).permutation(len(documents))
    fold_of = {documents[j]: k % folds for k, j in enumerate(order)}
    return np.array([fold_of[m.document] for m in mentions])


def _main_scores(x: np.ndarray, mentions: Sequence[RoleMention], fold: np.ndarray, c: float,
                 balanced: bool) -> tuple[float, float]:
    """Accuracy and macro-F1 of the main-role model over the given folds (out-of-fold)."""
    gold = [m.role for m in mentions]
    predicted = [""] * len(mentions)
    for k in np.unique(fold):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        mean, scale = _standardise(x[train])
        model = _fit((x[train] - mean) / scale, np.array([MAIN_ROLES.index(gold[i]) for i in train]),
                     c, balanced)
        for i, label in zip(test, model.predict((x[test] - mean) / scale), strict=True):
            predicted[i] = MAIN_ROLES[int(label)]
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return accuracy, macro_f1(gold, predicted)


def choose_hyperparameters(x: np.ndarray, mentions: Sequence[RoleMention], *, folds: int = 4,
                           seed: int = 1) -> tuple[float, bool]:
    """C and class balancing with the best mean of accuracy and macro-F1 by inner cross-validation.

    The mean of the two keeps a model that answers "antagonist" to everything from winning on
    accuracy alone, and one that over-predicts the rare roles from winning on macro-F1 alone.
    """
    fold = document_folds(mentions, min(folds, len({m.document for m in mentions})), seed)
    best: tuple[float, float, bool] | None = None
    for c in C_GRID:
        for balanced in _WEIGHTINGS:
            accuracy, f1 = _main_scores(x, mentions, fold, c, balanced)
            score = (accuracy + f1) / 2
            if best is None or score > best[0] + 1e-9:
                best = (score, c, balanced)
    assert best is not None
    return best[1], best[2]


def inner_probabilities(x: np.ndarray, mentions: Sequence[RoleMention], *, c: float, balanced: bool,
                        folds: int = 4, seed: int = 1) -> np.ndarray:
    """Out-of-fold main-role probabilities of every mention (folds over its documents)."""
    fold = document_folds(mentions, min(folds, len({m.document for m in mentions})), seed)
    out = np.zeros((len(mentions), len(MAIN_ROLES)))
    for k in np.unique(fold):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        model = train_role_model(x[train], [mentions[i] for i in train], c=c, balanced=balanced)
        out[test] = model.predict_proba(x[test])[0]
    return out


def choose_thresholds(probabilities: np.ndarray, gold: Sequence[str], *, gap: float = DEFAULT_GAP,
                      min_support: int = MIN_SUPPORT) -> np.ndarray:
    """Per main role, the lowest probability of it at which it is right often enough.

    "Often enough": of the mentions whose probability of the role reaches the threshold (at
    least ``min_support`` of them, in out-of-fold ``probabilities``), the share that have that
    role, less one standard error (so a threshold that looks good on a handful of mentions
    does not win by luck), is at least ``prior + gap * (1 - prior)``. A role that never gets
    there is not shown (threshold above 1).
    """
    if not 0.0 <= gap <= 1.0:
        raise EvaluationError(f"gap {gap} is not a share; give a number from 0 to 1")
    probabilities = np.asarray(probabilities, dtype=np.float64)
    y = np.array([MAIN_ROLES.index(g) for g in gold])
    out = np.full(len(MAIN_ROLES), 1.01, dtype=np.float32)
    for r in range(len(MAIN_ROLES)):
        prior = float(np.mean(y == r)) if len(y) else 0.0
        target = prior + gap * (1.0 - prior)
        for threshold in THRESHOLD_GRID:
            shown = probabilities[:, r] >= threshold
            n = int(shown.sum())
            precision = float(np.mean(y[shown] == r)) if n else 0.0
            if n >= min_support and precision - math.sqrt(precision * (1 - precision) / n) >= target:
                out[r] = threshold
                break
    return out


def _shown_scores(gold: Sequence[str], shown: Sequence[str | None]) -> dict[str, Any]:
    """Coverage, accuracy and per-role precision of the roles shown (None: no role shown)."""
    mask = np.array([s is not None for s in shown])
    correct = np.array([g == s for g, s in zip(gold, shown, strict=True)])
    per_role = {}
    for role in MAIN_ROLES:
        as_role = np.array([s == role for s in shown])
        per_role[role] = {"shown": int(as_role.sum()),
                          "precision": round(float(correct[as_role].mean()), 4) if as_role.any() else None}
    return {"coverage": round(float(mask.mean()), 4),
            "main_role_accuracy": round(float(correct[mask].mean()), 4) if mask.any() else 0.0,
            "per_role": per_role}


def cross_validate_roles(x: np.ndarray, mentions: Sequence[RoleMention], *, folds: int = 5,
                         seed: int = 0, min_scores: Sequence[float] = (0.5, 0.6, 0.7, 0.8),
                         tune: bool = True, c: float = 0.01, balanced: bool = False,
                         gap: float = DEFAULT_GAP,
                         log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Main-role accuracy (mean, per fold), macro-F1 and fine-role exact match over document folds.

    With ``tune`` the hyper-parameters are chosen on each training fold by
    ``choose_hyperparameters``; else ``c`` and ``balanced`` are used throughout. Also the share
    of mentions the model commits to at each of ``min_scores`` (below it the actors stage leaves
    the role empty) and its accuracy on those; and the roles shown with per-role thresholds
    (``choose_thresholds`` with ``gap``, set on each training fold's inner out-of-fold
    predictions): coverage, accuracy, and per role how many are shown and how many of those are right.
    """
    x = np.asarray(x, dtype=np.float32)
    fold = document_folds(mentions, folds, seed)
    gold = [m.role for m in mentions]
    predicted = [""] * len(mentions)
    scores = np.zeros(len(mentions))
    shown: list[str | None] = [None] * len(mentions)
    fine_ok = 0
    per_fold: list[dict[str, Any]] = []
    for k in range(folds):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        train_mentions = [mentions[i] for i in train]
        if tune:
            c_k, balanced_k = choose_hyperparameters(x[train], train_mentions, seed=seed + 1)
        else:
            c_k, balanced_k = c, balanced
        inner = inner_probabilities(x[train], train_mentions, c=c_k, balanced=balanced_k, seed=seed + 1)
        thresholds = choose_thresholds(inner, [m.role for m in train_mentions], gap=gap)
        model = train_role_model(x[train], train_mentions, c=c_k, balanced=balanced_k, thresholds=thresholds)
        main, fine = model.predict_proba(x[test])
        ok = 0
        for row, i in enumerate(test):
            role, fine_role, score = model.decide(main[row], fine[row])
            predicted[i], scores[i] = role, score
            decided = model.decide_shown(main[row], fine[row])
            shown[i] = decided[0] if decided is not None else None
            ok += role == gold[i]
            fine_ok += (fine_role,) == mentions[i].fine_roles
        per_fold.append({"fold": k, "mentions": len(test), "main_role_accuracy": round(ok / len(test), 4),
                         "main_role_macro_f1": round(macro_f1([gold[i] for i in test],
                                                              [predicted[i] for i in test]), 4),
                         "c": c_k, "balanced": balanced_k,
                         "thresholds": dict(zip(MAIN_ROLES, (round(float(t), 2) for t in thresholds),
                                                strict=True))})
        if log is not None:
            log(f"fold {k + 1}/{folds}: accuracy {ok / len(test):.3f} (C={c_k}, balanced={balanced_k})")
    n = len(mentions)
    accuracies = [f["main_role_accuracy"] for f in per_fold]
    majority = Counter(gold).most_common(1)[0]
    correct = np.array([g == p for g, p in zip(gold, predicted, strict=True)])
    abstention = []
    for threshold in min_scores:
        abstention.append({"min_score": threshold, **_shown_scores(
            gold, [p if s >= threshold else None for p, s in zip(predicted, scores, strict=True)])})
    return {
        "mentions": n,
        "documents": len({m.document for m in mentions}),
        "folds": folds,
        "seed": seed,
        "main_role_accuracy": round(float(correct.mean()), 4),
        "main_role_accuracy_folds": {"mean": round(float(np.mean(accuracies)), 4),
                                     "std": round(float(np.std(accuracies)), 4),
                                     "min": min(accuracies), "max": max(accuracies)},
        "main_role_macro_f1": round(macro_f1(gold, predicted), 4),
        "fine_role_exact_match": round(fine_ok / n, 4),
        "majority_baseline": {"role": majority[0], "accuracy": round(majority[1] / n, 4),
                              "macro_f1": round(macro_f1(gold, [majority[0]] * n), 4)},
        "predicted_roles": dict(Counter(predicted).most_common()),
        "at_min_score": abstention,
        "shown_with_role_thresholds": {"gap": gap, **_shown_scores(gold, shown)},
        "per_fold": per_fold,
        "fine_roles": {role: list(fine) for role, fine in FINE_ROLES.items()},
    }


def save_role_model(model: RoleModel, path: str | Path) -> None:
    """Save the classifiers compactly (float16 weights) as a ``.npz`` file."""
    np.savez_compressed(path, mean=model.mean, scale=model.scale, main_w=model.main_w.astype(np.float16),
                        main_b=model.main_b.astype(np.float32), fine_labels=np.array(model.fine_labels),
                        fine_w=model.fine_w.astype(np.float16), fine_b=model.fine_b.astype(np.float32),
                        thresholds=model.thresholds.astype(np.float32))
