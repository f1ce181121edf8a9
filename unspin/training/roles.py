"""SemEval-2025 Task 10 subtask 1 (entity framing): reading it, training and scoring the role model.

Each annotation names an entity mention in a document (start and end offsets, the end
inclusive), its main role (Protagonist, Antagonist, Innocent) and one or more fine roles. The
model is scored by cross-validation over documents (a document's mentions stay in one fold):
main-role accuracy and fine-role exact match (the predicted set of fine roles equals the gold
set; the model predicts one fine role).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES, RoleModel, mention_features
from unspin.errors import EvaluationError, InputNotFoundError

__all__ = [
    "RoleMention",
    "cross_validate_roles",
    "read_roles",
    "role_features",
    "save_role_model",
    "train_role_model",
]


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


def role_features(texts: dict[str, str], mentions: Sequence[RoleMention], nlp: Any,
                  per_mention: int = 8) -> list[list[list[str]]]:
    """For every mention, the features of each place its name occurs in its document.

    The annotated mention comes first, then the other occurrences of the same name (up to
    ``per_mention`` in all): the actors stage also judges an actor by all its mentions.
    """
    names = sorted({m.document for m in mentions})
    parsed = dict(zip(names, nlp.pipe(texts[n] for n in names), strict=True))
    out = []
    for m in mentions:
        sdoc = parsed[m.document]
        spans = [(m.start, m.end)]
        at = texts[m.document].find(m.name)
        while at >= 0 and len(spans) < per_mention:
            if at != m.start:
                spans.append((at, at + len(m.name)))
            at = texts[m.document].find(m.name, at + 1)
        out.append([mention_features(sdoc, s, e) for s, e in spans])
    return out


def train_role_model(grouped: list[list[list[str]]], mentions: Sequence[RoleMention], *, c: float = 0.3,
                     min_count: int = 2, balanced: bool = True) -> RoleModel:
    """Fit the main-role and fine-role logistic regressions (one row per occurrence)."""
    from sklearn.linear_model import LogisticRegression

    features = [f for group in grouped for f in group]
    mentions = [m for group, m in zip(grouped, mentions, strict=True) for _ in group]
    counts = Counter(f for feats in features for f in set(feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    x = np.zeros((len(features), len(vocab)), dtype=np.float32)
    for row, feats in enumerate(features):
        for f in set(feats):
            if f in vocab:
                x[row, vocab[f]] = 1.0
    main_y = np.array([MAIN_ROLES.index(m.role) for m in mentions])
    main = LogisticRegression(C=c, max_iter=3000, class_weight="balanced" if balanced else None
                              ).fit(x, main_y)
    fine_labels = tuple(sorted({m.fine_roles[0] for m in mentions if m.fine_roles}))
    fine_y = np.array([fine_labels.index(m.fine_roles[0]) if m.fine_roles else 0 for m in mentions])
    fine = LogisticRegression(C=c, max_iter=3000).fit(x, fine_y)
    main_w, main_b = _full(main, len(MAIN_ROLES))
    fine_w, fine_b = _full(fine, len(fine_labels))
    return RoleModel(vocab, main_w, main_b, fine_labels, fine_w, fine_b)


def _full(model: Any, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights for every class, also those missing from a training fold."""
    w = np.zeros((model.coef_.shape[1], n_classes), dtype=np.float32)
    b = np.full(n_classes, -30.0, dtype=np.float32)
    for k, cls in enumerate(model.classes_):
        w[:, int(cls)] = model.coef_[k] if model.coef_.shape[0] > 1 else model.coef_[0] * k
        b[int(cls)] = model.intercept_[k] if model.intercept_.shape[0] > 1 else model.intercept_[0] * k
    return w, b


def cross_validate_roles(features: list[list[list[str]]], mentions: Sequence[RoleMention], *,
                         folds: int = 5, c: float = 0.3, seed: int = 0, balanced: bool = True,
                         min_score: float = 0.6) -> dict[str, Any]:
    """Main-role accuracy and fine-role exact match by cross-validation over documents.

    Also the share of mentions the model commits to at ``min_score`` (below it the actors stage
    leaves the role empty) and its accuracy on those.
    """
    documents = sorted({m.document for m in mentions})
    if len(documents) < folds:
        raise EvaluationError(f"{len(documents)} documents cannot make {folds} folds; use fewer folds")
    order = np.random.default_rng(seed).permutation(len(documents))
    fold_of = {documents[j]: k % folds for k, j in enumerate(order)}
    main_ok = fine_ok = sure = sure_ok = 0
    predicted: Counter[str] = Counter()
    for fold in range(folds):
        train = [i for i, m in enumerate(mentions) if fold_of[m.document] != fold]
        test = [i for i, m in enumerate(mentions) if fold_of[m.document] == fold]
        model = train_role_model([features[i] for i in train], [mentions[i] for i in train], c=c,
                                 balanced=balanced)
        for i in test:
            role, fine, score = model.predict(features[i])
            main_ok += role == mentions[i].role
            fine_ok += (fine,) == mentions[i].fine_roles
            predicted[role] += 1
            if score >= min_score:
                sure += 1
                sure_ok += role == mentions[i].role
    majority = Counter(m.role for m in mentions).most_common(1)[0]
    n = len(mentions)
    return {
        "mentions": n,
        "documents": len(documents),
        "folds": folds,
        "main_role_accuracy": round(main_ok / n, 4),
        "fine_role_exact_match": round(fine_ok / n, 4),
        "majority_baseline": {"role": majority[0], "accuracy": round(majority[1] / n, 4)},
        "predicted_roles": dict(predicted.most_common()),
        "at_min_score": {"min_score": min_score, "coverage": round(sure / n, 4),
                         "main_role_accuracy": round(sure_ok / sure, 4) if sure else 0.0},
        "fine_roles": {role: list(fine) for role, fine in FINE_ROLES.items()},
    }


def save_role_model(model: RoleModel, path: str | Path) -> None:
    """Save the weights compactly (float16) as a ``.npz`` file."""
    vocab = sorted(model.vocab, key=model.vocab.__getitem__)
    np.savez_compressed(path, vocab=np.array(vocab), main_w=model.main_w.astype(np.float16),
                        main_b=model.main_b.astype(np.float32),
                        fine_labels=np.array(model.fine_labels), fine_w=model.fine_w.astype(np.float16),
                        fine_b=model.fine_b.astype(np.float32))
