"""Which actors an article casts in a role at all: a salience gate before the role model.

The role model (``_actors_roles``) was trained on the entities the SemEval-2025 annotators chose
to label, nearly all of them central to their story; asked about every actor of an article, it
gives the minor ones (a city named once, a union quoted in passing) a role as readily as the
main ones. The gate is a logistic regression over how the article treats the actor (how often
and how early it names it, its share of all mentions, how many actors the article has, the
actor's type) that says how likely the annotators would have labelled it; below its threshold
the actor gets no role. Trained on the same SemEval documents (``unspin.training.salience``).
File: ``unspin/models/roles/salience.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import ModelError

__all__ = ["SALIENCE_FEATURES", "SalienceGate", "load_salience_gate", "salience_features"]

_TYPES = ("person", "organization", "country", "place", "group", "other")
#: The gate's features, in column order.
SALIENCE_FEATURES = ("log_mentions", "mention_share", "first_position", "log_actors",
                     *(f"type_{t}" for t in _TYPES))
GATE_FILE = Path(__file__).resolve().parents[1] / "models" / "roles" / "salience.json"


def salience_features(clusters: Sequence[Any], text_length: int) -> np.ndarray:
    """One row of ``SALIENCE_FEATURES`` per actor (``EntityCluster``: ``type`` and ``(start, end)``
    mentions)."""
    total = sum(len(c.mentions) for c in clusters) or 1
    rows = []
    for cluster in clusters:
        mentions = len(cluster.mentions)
        first = min((s for s, _ in cluster.mentions), default=0)
        rows.append([math.log1p(mentions), mentions / total, first / max(1, text_length),
                     math.log1p(len(clusters))] + [float(cluster.type == t) for t in _TYPES])
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(SALIENCE_FEATURES))


@dataclass(slots=True, frozen=True)
class SalienceGate:
    """Standardisation, weights and bias of the gate, and the probability an actor must reach."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = (features - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(z @ self.weights + self.bias)))

    def salient(self, features: np.ndarray) -> np.ndarray:
        return self.probability(features) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        return {"features": list(SALIENCE_FEATURES), "mean": self.mean.round(6).tolist(),
                "scale": self.scale.round(6).tolist(), "weights": self.weights.round(6).tolist(),
                "bias": round(float(self.bias), 6), "threshold": round(float(self.threshold), 4)}


@lru_cache(maxsize=4)
def load_salience_gate(path: str | None = None) -> SalienceGate:
    """The shipped gate, or one written by ``unspin.training.salience``."""
    file = Path(path) if path else GATE_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if tuple(data["features"]) != SALIENCE_FEATURES:
            raise ValueError("its features are not this version's")
        return SalienceGate(np.asarray(data["mean"], float), np.asarray(data["scale"], float),
                            np.asarray(data["weights"], float), float(data["bias"]), float(data["threshold"]))
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise ModelError(f"cannot load the salience gate {str(file)!r} ({exc}); reinstall unspin or "
                         "retrain it with: python -m unspin.training.salience --out PATH") from None
