"""The role an article casts an actor in: protagonist, antagonist or innocent, and a fine role.

A small multinomial logistic regression over the words around each mention (the mention's own
words are left out, so the model judges how the text speaks of an actor, not who it is),
trained on SemEval-2025 Task 10 subtask 1 (``unspin.training.roles``). Per-mention
probabilities are averaged over an actor's mentions. Weights: ``unspin/models/roles/roles.npz``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import ModelError

__all__ = [
    "FINE_ROLES",
    "MAIN_ROLES",
    "RoleModel",
    "load_role_model",
    "mention_features",
]

MAIN_ROLES = ("protagonist", "antagonist", "innocent")
FINE_ROLES: dict[str, tuple[str, ...]] = {
    "protagonist": ("guardian", "martyr", "peacemaker", "rebel", "underdog", "virtuous"),
    "antagonist": ("instigator", "conspirator", "tyrant", "foreign adversary", "traitor", "spy",
                   "saboteur", "corrupt", "incompetent", "terrorist", "deceiver", "bigot"),
    "innocent": ("forgotten", "exploited", "victim", "scapegoat"),
}
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "roles" / "roles.npz"
_WINDOW = 12


def mention_features(sdoc: Any, start: int, end: int) -> list[str]:
    """Features of one mention ``[start, end)``: nearby lemmas, its syntactic role, its verb."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ["bias"]
    feats = ["bias"]
    first, last = span.start, span.end
    sent = span.sent
    for token in sdoc[max(sent.start, first - _WINDOW) : first]:
        if token.is_alpha and not token.is_stop:
            feats.append(f"L={token.lemma_.lower()}")
    for token in sdoc[last : min(sent.end, last + _WINDOW)]:
        if token.is_alpha and not token.is_stop:
            feats.append(f"R={token.lemma_.lower()}")
    for token in sent:
        if token.is_alpha and not token.is_stop and not first <= token.i < last:
            feats.append(f"S={token.lemma_.lower()}")
    root = span.root
    feats.append(f"dep={root.dep_}")
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "agent"):
        verb = head.head if root.dep_ == "pobj" else head
        feats.append(f"V={verb.lemma_.lower()}|{root.dep_}")
        feats.append(f"V={verb.lemma_.lower()}")
    for child in root.children:
        if child.dep_ in ("amod", "compound", "appos") and not first <= child.i < last:
            feats.append(f"M={child.lemma_.lower()}")
    feats.append(f"ent={root.ent_type_ or 'none'}")
    return feats


@dataclass(slots=True)
class RoleModel:
    """Vocabulary and the weights of the main-role and fine-role classifiers."""

    vocab: dict[str, int]
    main_w: np.ndarray  # (features, 3)
    main_b: np.ndarray
    fine_labels: tuple[str, ...]
    fine_w: np.ndarray  # (features, fine roles)
    fine_b: np.ndarray

    def _x(self, features: list[list[str]]) -> np.ndarray:
        x = np.zeros((len(features), len(self.vocab)), dtype=np.float32)
        for row, feats in enumerate(features):
            for f in set(feats):
                col = self.vocab.get(f)
                if col is not None:
                    x[row, col] = 1.0
        return x

    def predict_proba(self, features: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Main-role and fine-role probabilities, one row per feature list."""
        x = self._x(features)
        return _softmax(x @ self.main_w + self.main_b), _softmax(x @ self.fine_w + self.fine_b)

    def predict(self, features: list[list[str]]) -> tuple[str, str, float]:
        """One role for an actor from the features of its mentions (probabilities averaged)."""
        main, fine = self.predict_proba(features)
        main_p = main.mean(axis=0)
        fine_p = fine.mean(axis=0)
        best = int(np.argmax(main_p))
        role = MAIN_ROLES[best]
        allowed = [i for i, label in enumerate(self.fine_labels) if label in FINE_ROLES[role]]
        fine_role = self.fine_labels[max(allowed, key=lambda i: fine_p[i])] if allowed else ""
        return role, fine_role, float(main_p[best])


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=4)
def load_role_model(path: str | None = None) -> RoleModel:
    """The shipped role model, or one saved by ``unspin.training.roles.save_role_model``."""
    file = Path(path) if path else MODEL_PATH
    try:
        with np.load(file, allow_pickle=False) as data:
            vocab = {str(f): i for i, f in enumerate(data["vocab"])}
            return RoleModel(vocab, data["main_w"].astype(np.float32), data["main_b"].astype(np.float32),
                             tuple(str(x) for x in data["fine_labels"]),
                             data["fine_w"].astype(np.float32), data["fine_b"].astype(np.float32))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot load the role model {str(file)!r} ({exc}); reinstall unspin or "
                         "retrain it with: unspin evaluate-roles --save PATH") from None
