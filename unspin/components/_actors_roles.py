"""The role an article casts an actor in: protagonist, antagonist or innocent, and a fine role.

Each mention is read through the token states of the technique model's encoder (the fine-tuned
MiniLM of the ``techniques`` stage, run over the whole article): the mean state of the
mention's tokens, where attention has mixed in how the text speaks of it. The actors stage
takes those states from ``doc.cache`` when the techniques stage ran, so roles cost no extra
encoder pass; otherwise it encodes the article itself. An actor's vector is the mean over its
first mentions; two multinomial logistic regressions (main role; fine role) turn it into
probabilities. A role is shown only when its probability reaches that role's own threshold
(``RoleModel.thresholds``, chosen by cross-validation so that a shown role is right clearly more
often than its share of the data would give): the common role (antagonist) needs more evidence
than the rare ones, and a rare role can be shown when it is likely enough without being the
likeliest. Trained on SemEval-2025 Task 10 subtask 1 (``unspin.training.roles``). File:
``unspin/models/roles/roles.npz``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components.techniques import Encoded, _softmax
from unspin.errors import ModelError

__all__ = [
    "FINE_ROLES",
    "LEGACY_MIN_SCORE",
    "MAIN_ROLES",
    "MODEL_DIR",
    "RoleModel",
    "harmed",
    "load_role_model",
    "mention_vectors",
]

MAIN_ROLES = ("protagonist", "antagonist", "innocent")
FINE_ROLES: dict[str, tuple[str, ...]] = {
    "protagonist": ("guardian", "martyr", "peacemaker", "rebel", "underdog", "virtuous"),
    "antagonist": ("instigator", "conspirator", "tyrant", "foreign adversary", "traitor", "spy",
                   "saboteur", "corrupt", "incompetent", "terrorist", "deceiver", "bigot"),
    "innocent": ("forgotten", "exploited", "victim", "scapegoat"),
}
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "roles"
#: The one threshold of role files saved before per-role thresholds.
LEGACY_MIN_SCORE = 0.6


#: Verbs of violence or force whose object the text presents as on the receiving end. Not
#: "arrest" or "detain": a suspect arrested is no victim in a crime report.
_HARM_VERBS = frozenset({
    "kill", "shoot", "murder", "attack", "injure", "wound", "abuse", "assault", "bomb", "target",
    "torture", "rape", "execute", "massacre", "strike", "hit", "harm", "threaten", "persecute",
    "oppress", "starve", "displace", "invade", "occupy", "shell",
})


def harmed(sdoc: Any, spans: Sequence[tuple[int, int]]) -> float:
    """1.0 when one of the mentions is what a verb of violence is done to ("police shot Jean",
    "Jean was killed", "attacks on Ukraine"), else 0.0: on the 686 SemEval-2025 mentions, 14 of
    the 21 so treated are innocent, against 62 of the 629 others. The role model reads it beside
    the encoder states."""
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in _HARM_VERBS:
            return 1.0
        if (root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in ("on", "against")
                and root.head.head.lemma_ in _HARM_VERBS):
            return 1.0
    return 0.0


def mention_vectors(encoded: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """One vector per mention ``(start, end)``: the mean state of its tokens (NaN if it has none)."""
    out = np.full((len(spans), encoded.hidden.shape[1]), np.nan, dtype=np.float32)
    for k, (start, end) in enumerate(spans):
        a, b = encoded.token_range(start, end)
        if b > a:
            out[k] = encoded.hidden[a:b].mean(axis=0)
    return out


@dataclass(slots=True)
class RoleModel:
    """Standardisation and the weights of the main-role and fine-role classifiers."""

    mean: np.ndarray  # (dim,)
    scale: np.ndarray  # (dim,)
    main_w: np.ndarray  # (dim, 3)
    main_b: np.ndarray
    fine_labels: tuple[str, ...]
    fine_w: np.ndarray  # (dim, fine roles)
    fine_b: np.ndarray
    #: The least main-role probability at which each role (in ``MAIN_ROLES`` order) is shown.
    thresholds: np.ndarray = field(default_factory=lambda: np.full(3, LEGACY_MIN_SCORE, np.float32))

    def predict_proba(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Main-role and fine-role probabilities, one row per actor vector."""
        z = (np.asarray(x, dtype=np.float32) - self.mean) / self.scale
        return _softmax(z @ self.main_w + self.main_b), _softmax(z @ self.fine_w + self.fine_b)

    def _with_fine(self, role: str, fine: np.ndarray, score: float) -> tuple[str, str, float]:
        allowed = [i for i, label in enumerate(self.fine_labels) if label in FINE_ROLES[role]]
        fine_role = self.fine_labels[max(allowed, key=lambda i: fine[i])] if allowed else ""
        return role, fine_role, score

    def decide(self, main: np.ndarray, fine: np.ndarray) -> tuple[str, str, float]:
        """The likeliest main role, the likeliest fine role within it, and the main role's probability."""
        best = int(np.argmax(main))
        return self._with_fine(MAIN_ROLES[best], fine, float(main[best]))

    def decide_shown(self, main: np.ndarray, fine: np.ndarray) -> tuple[str, str, float] | None:
        """The role to show, or None: among the roles whose probability reaches their threshold,
        the one furthest above it (the common role needs more evidence than a rare one)."""
        margin = np.asarray(main, dtype=np.float64) - self.thresholds
        best = int(np.argmax(margin))
        return self._with_fine(MAIN_ROLES[best], fine, float(main[best])) if margin[best] >= 0 else None

    def features_after(self, state_width: int) -> int:
        """How many actor-level features the model reads after an encoder state of this width
        (1, ``harmed``, for the shipped model; 0 for role files of stop 18 and before)."""
        return int(self.mean.shape[0]) - state_width

    def _actor_proba(self, vectors: np.ndarray, features: Sequence[float] = ()
                     ) -> tuple[np.ndarray, np.ndarray]:
        vectors = np.asarray(vectors, dtype=np.float32)
        vectors = vectors[~np.isnan(vectors).any(axis=1)]
        width = self.mean.shape[0] - len(features)
        state = vectors.mean(axis=0) if len(vectors) else self.mean[:width]
        x = np.concatenate([state, np.asarray(features, dtype=np.float32)])[None, :]
        main, fine = self.predict_proba(x)
        return main[0], fine[0]

    def predict(self, vectors: np.ndarray, features: Sequence[float] = ()) -> tuple[str, str, float]:
        """The likeliest role of an actor from the vectors of its mentions (averaged; NaN rows
        ignored) and its actor-level ``features`` (``harmed``; none for a model without them)."""
        return self.decide(*self._actor_proba(vectors, features))

    def predict_shown(self, vectors: np.ndarray, features: Sequence[float] = ()
                      ) -> tuple[str, str, float] | None:
        """The role to show for an actor (``decide_shown``), or None when no role is sure enough."""
        return self.decide_shown(*self._actor_proba(vectors, features))


@lru_cache(maxsize=4)
def load_role_model(path: str | None = None) -> RoleModel:
    """The shipped role classifiers, or ones saved by ``unspin.training.roles.save_role_model``."""
    file = Path(path) if path else MODEL_DIR / "roles.npz"
    try:
        with np.load(file, allow_pickle=False) as data:
            thresholds = (data["thresholds"].astype(np.float32) if "thresholds" in data.files
                          else np.full(len(MAIN_ROLES), LEGACY_MIN_SCORE, np.float32))
            if thresholds.shape != (len(MAIN_ROLES),):
                raise ValueError(f"{thresholds.shape[0]} thresholds for {len(MAIN_ROLES)} roles")
            return RoleModel(data["mean"].astype(np.float32), data["scale"].astype(np.float32),
                             data["main_w"].astype(np.float32), data["main_b"].astype(np.float32),
                             tuple(str(x) for x in data["fine_labels"]),
                             data["fine_w"].astype(np.float32), data["fine_b"].astype(np.float32),
                             thresholds)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot load the role model {str(file)!r} ({exc}); reinstall unspin or "
                         "retrain it with: unspin evaluate-roles --save PATH") from None
