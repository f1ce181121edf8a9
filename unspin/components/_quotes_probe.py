"""How likely each word is part of an attribution's source (and cue, and content), read from
the technique encoder's token states.

The speaker model sees the spaCy parse around a quote. The fine-tuned MiniLM of the
``techniques`` stage has already read the whole article, and its token states say more about a
word in context: a small network over them (one hidden layer, three sigmoid outputs for
source, cue and content, trained together on PolNeAR train by ``unspin.training.quotes``) gives
every word those probabilities, and the speaker model reads the source one as binned features
of each candidate (``_quotes_speakers``). The cue and quote models do not read the probe: with
its cue and content features as well, PolNeAR dev scored the same (speaker F1 0.808 either
way), but short texts lost plain attributions ("According to the Harbour Authority, ...": the
network reads a lone sentence less well than an article).

It costs no encoder pass when the techniques stage has run (its states are in ``doc.cache``);
the quotes stage encodes the article itself otherwise. The probabilities of a parsed document
travel in ``sdoc.user_data[PROBE_KEY]`` (one row per spaCy token: source, cue, content), so the
feature functions, shared with the trainer, need no new arguments; without them the features are
left out. File: ``unspin/models/quotes/probe.npz``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from unspin.components.parse import doc_text
from unspin.errors import ModelError

if TYPE_CHECKING:
    from unspin.components.techniques import Encoded

__all__ = ["PROBE_FILE", "PROBE_KEY", "AttributionProbe", "attach_probe", "ensure_probe", "load_probe",
           "probe_bin", "word_probabilities"]

PROBE_FILE = "probe.npz"
#: ``sdoc.user_data`` key of the (n_tokens, 3) probabilities: source, cue, content
PROBE_KEY = "unspin_attribution_probe"
_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "quotes"
_SQRT_2_OVER_PI = float(np.sqrt(2.0 / np.pi))


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, as the trainer's ``torch.nn.GELU(approximate="tanh")``.

    Written in place step by step: ``x ** 3`` on float32 took 16 ms for an article's tokens,
    more than the rest of the quotes stage; this takes 0.3.
    """
    inner = x * x
    inner *= 0.044715
    inner += 1.0
    inner *= x
    inner *= _SQRT_2_OVER_PI
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


@dataclass(slots=True)
class AttributionProbe:
    """Standardisation and the two layers of the network."""

    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def token_probabilities(self, hidden: np.ndarray) -> np.ndarray:
        """(n_tokens, 3) probabilities: source, cue, content, for each encoder token."""
        if len(hidden) == 0:
            return np.zeros((0, 3), dtype=np.float32)
        x = (hidden.astype(np.float32) - self.mean) / self.scale
        z = _gelu(x @ self.w1 + self.b1) @ self.w2 + self.b2
        return (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Write an ``.npz`` that ``load_probe`` reads; the same probe gives the same bytes (the
        archive's time stamps are fixed, where ``np.savez`` writes the clock's)."""
        arrays = {"mean": self.mean, "scale": self.scale, "w1": self.w1, "b1": self.b1, "w2": self.w2,
                  "b2": self.b2}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(entry, "w") as out:
                    np.lib.format.write_array(out, np.asarray(array), allow_pickle=False)


@lru_cache(maxsize=2)
def load_probe(path: str | None = None) -> AttributionProbe:
    """The shipped probe, or one saved by ``AttributionProbe.save``."""
    where = Path(path) if path else _MODEL_DIR / PROBE_FILE
    try:
        with np.load(where) as data:
            return AttributionProbe(*(data[k].astype(np.float32) for k in
                                      ("mean", "scale", "w1", "b1", "w2", "b2")))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the attribution probe {str(where)!r} ({exc}); reinstall "
                         "unspin or retrain it with `unspin train-quotes`") from None


def word_probabilities(sdoc: Any, encoded: Encoded, probe: AttributionProbe) -> np.ndarray:
    """(len(sdoc), 3): for each spaCy token, the highest probabilities among its encoder tokens."""
    probs = probe.token_probabilities(encoded.hidden)
    out = np.zeros((len(sdoc), 3), dtype=np.float32)
    if len(probs) == 0 or len(sdoc) == 0:
        return out
    starts = np.fromiter((t.idx for t in sdoc), dtype=np.int64, count=len(sdoc))
    ends = starts + np.fromiter((len(t.text) for t in sdoc), dtype=np.int64, count=len(sdoc))
    first = np.searchsorted(encoded.offsets[:, 1], starts, side="right")
    last = np.searchsorted(encoded.offsets[:, 0], ends, side="left")
    words = np.flatnonzero(last > first)
    if len(words):
        # one reduceat over [first, last) pairs; the stretches between the pairs are dropped
        bounds = np.empty(2 * len(words), dtype=np.int64)
        bounds[0::2], bounds[1::2] = first[words], last[words]
        padded = np.vstack([probs, np.zeros((1, probs.shape[1]), dtype=np.float32)])
        out[words] = np.maximum.reduceat(padded, bounds, axis=0)[0::2]
    return out


def attach_probe(sdoc: Any, encoded: Encoded, probe: AttributionProbe) -> None:
    """Put the probabilities of ``sdoc``'s words where the quote features look for them."""
    sdoc.user_data[PROBE_KEY] = word_probabilities(sdoc, encoded, probe)


def ensure_probe(sdoc: Any, path: str | None = None, encoded: Encoded | None = None) -> None:
    """Attach the probe's probabilities to ``sdoc`` unless it has them, encoding its text when
    no states are given."""
    if PROBE_KEY in sdoc.user_data:
        return
    probe = load_probe(path)
    if encoded is None or encoded.text != doc_text(sdoc):
        from unspin.components.techniques import shared_technique_model

        encoded = shared_technique_model().encode([doc_text(sdoc)])[0]
    attach_probe(sdoc, encoded, probe)


def probe_bin(p: float) -> str:
    """A probability as one of seven bins, the form the linear models read it in."""
    for n, edge in enumerate((0.05, 0.15, 0.3, 0.5, 0.7, 0.85)):
        if p < edge:
            return str(n)
    return "6"
