"""The role an article casts an actor in: protagonist, antagonist or innocent, and a fine role.

Each mention is read by a small encoder (the first three layers of all-MiniLM-L6-v2, int8
ONNX): the states of the mention's own tokens in its sentence, where attention has mixed in
how the sentence speaks of it. An actor's vector is the mean over its first mentions; two
multinomial logistic regressions (main role; fine role) turn it into probabilities. Every
sentence is encoded once per document, however many mentions it holds. Trained on
SemEval-2025 Task 10 subtask 1 (``unspin.training.roles``). Files: ``unspin/models/roles/``
(``encoder.onnx``, ``tokenizer.json``, ``roles.npz``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._onnx import load_tokenizer, onnx_session
from unspin.errors import ModelError

__all__ = [
    "FINE_ROLES",
    "MAIN_ROLES",
    "MODEL_DIR",
    "MentionEncoder",
    "RoleModel",
    "load_mention_encoder",
    "load_role_model",
    "mention_contexts",
]

MAIN_ROLES = ("protagonist", "antagonist", "innocent")
FINE_ROLES: dict[str, tuple[str, ...]] = {
    "protagonist": ("guardian", "martyr", "peacemaker", "rebel", "underdog", "virtuous"),
    "antagonist": ("instigator", "conspirator", "tyrant", "foreign adversary", "traitor", "spy",
                   "saboteur", "corrupt", "incompetent", "terrorist", "deceiver", "bigot"),
    "innocent": ("forgotten", "exploited", "victim", "scapegoat"),
}
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "roles"
_MAX_TOKENS = 128
# Half-width of the text kept around a mention in a very long sentence (about 128 tokens in all).
_HALF_WINDOW = 250


def mention_contexts(sdoc: Any, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int] | None]:
    """For each mention ``(start, end)``, the character range of its sentence (None if unaligned).

    A sentence longer than the encoder reads is cut to a window around the mention.
    """
    out: list[tuple[int, int] | None] = []
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            out.append(None)
            continue
        sent = span.sent
        left, right = sent.start_char, sent.end_char
        if right - left > 2 * _HALF_WINDOW + (end - start):
            left = max(left, start - _HALF_WINDOW)
            right = min(right, end + _HALF_WINDOW)
        out.append((left, right))
    return out


class MentionEncoder:
    """The mention vectors: mean encoder state of a mention's tokens within its context."""

    def __init__(self, folder: Path) -> None:
        missing = [f for f in ("encoder.onnx", "tokenizer.json") if not (folder / f).is_file()]
        if missing:
            raise ModelError(f"the role encoder is missing {', '.join(missing)} in {str(folder)!r}; "
                             "reinstall unspin or export it with: unspin evaluate-roles --export-encoder DIR")
        try:
            self.tokenizer = load_tokenizer(folder / "tokenizer.json", max_tokens=_MAX_TOKENS)
            # Sentences are short: one thread per call, and the calls side by side (see encode).
            self.session = onnx_session(folder / "encoder.onnx")
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"cannot load the role encoder in {str(folder)!r} ({exc}); reinstall "
                             "unspin or export it with: unspin evaluate-roles --export-encoder DIR") from None
        self.dim = int(self.session.get_outputs()[0].shape[-1])
        self._executor = ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1)),
                                            thread_name_prefix="unspin-roles")

    def _run(self, ids: list[int]) -> np.ndarray:
        feeds = {"input_ids": np.array([ids], dtype=np.int64),
                 "attention_mask": np.ones((1, len(ids)), dtype=np.int64)}
        return self.session.run(None, feeds)[0][0]

    def encode(self, text: str, spans: Sequence[tuple[int, int]],
               contexts: Sequence[tuple[int, int] | None]) -> np.ndarray:
        """One vector per mention; each distinct context is encoded once. Unaligned mentions: NaN."""
        vectors = np.full((len(spans), self.dim), np.nan, dtype=np.float32)
        unique = sorted({c for c in contexts if c is not None})
        if not unique:
            return vectors
        row_of = {c: i for i, c in enumerate(unique)}
        encodings = self.tokenizer.encode_batch([text[a:b] for a, b in unique])
        # One sentence per call: dynamic int8 quantisation scales activations over the whole
        # input, so a padded batch would make a mention's vector depend on its batch-mates. The
        # calls run on two threads (onnxruntime releases the GIL), longest first.
        order = sorted(range(len(encodings)), key=lambda i: -len(encodings[i].ids))
        done = dict(zip(order, self._executor.map(self._run, [encodings[i].ids for i in order]), strict=True))
        states = [done[i] for i in range(len(encodings))]
        for k, ((start, end), context) in enumerate(zip(spans, contexts, strict=True)):
            if context is None:
                continue
            i = row_of[context]
            lo, hi = start - context[0], end - context[0]
            tokens = [t for t, (a, b) in enumerate(encodings[i].offsets) if b > a and a < hi and b > lo]
            # Cut off by truncation: the sentence's [CLS] state stands in.
            vectors[k] = states[i][tokens].mean(axis=0) if tokens else states[i][0]
        return vectors


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

    def predict_proba(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Main-role and fine-role probabilities, one row per actor vector."""
        z = (np.asarray(x, dtype=np.float32) - self.mean) / self.scale
        return _softmax(z @ self.main_w + self.main_b), _softmax(z @ self.fine_w + self.fine_b)

    def decide(self, main: np.ndarray, fine: np.ndarray) -> tuple[str, str, float]:
        """The main role, the likeliest fine role within it, and the main role's probability."""
        best = int(np.argmax(main))
        role = MAIN_ROLES[best]
        allowed = [i for i, label in enumerate(self.fine_labels) if label in FINE_ROLES[role]]
        fine_role = self.fine_labels[max(allowed, key=lambda i: fine[i])] if allowed else ""
        return role, fine_role, float(main[best])

    def predict(self, vectors: np.ndarray) -> tuple[str, str, float]:
        """One role for an actor from the vectors of its mentions (averaged; NaN rows ignored)."""
        vectors = np.asarray(vectors, dtype=np.float32)
        vectors = vectors[~np.isnan(vectors).any(axis=1)]
        x = vectors.mean(axis=0, keepdims=True) if len(vectors) else self.mean[None, :]
        main, fine = self.predict_proba(x)
        return self.decide(main[0], fine[0])


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=4)
def load_mention_encoder(folder: str | None = None) -> MentionEncoder:
    """The shipped mention encoder, or the one exported into ``folder``."""
    return MentionEncoder(Path(folder) if folder else MODEL_DIR)


@lru_cache(maxsize=4)
def load_role_model(path: str | None = None) -> RoleModel:
    """The shipped role classifiers, or ones saved by ``unspin.training.roles.save_role_model``."""
    file = Path(path) if path else MODEL_DIR / "roles.npz"
    try:
        with np.load(file, allow_pickle=False) as data:
            return RoleModel(data["mean"].astype(np.float32), data["scale"].astype(np.float32),
                             data["main_w"].astype(np.float32), data["main_b"].astype(np.float32),
                             tuple(str(x) for x in data["fine_labels"]),
                             data["fine_w"].astype(np.float32), data["fine_b"].astype(np.float32))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot load the role model {str(file)!r} ({exc}); reinstall unspin or "
                         "retrain it with: unspin evaluate-roles --save PATH") from None
