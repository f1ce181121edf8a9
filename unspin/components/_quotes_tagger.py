"""How likely each word is part of an attribution's source, cue and content, read by a tagger.

The speaker model sees the spaCy parse around a quote; a small encoder that has read the
whole article says more about a word in context. ``tagger.onnx`` is all-MiniLM-L6-v2 fine-tuned
on PolNeAR train as a token tagger with three sigmoid outputs (inside a source, a cue, a
content), exported to ONNX and quantised to int8 (``unspin.training.quotes_tagger``). It reads
the article in overlapping windows, each run alone on one thread and the windows side by side.

Each spaCy token gets the highest probabilities among its word pieces. They travel in
``sdoc.user_data[PROBE_KEY]`` (one row per token: source, cue, content), so the feature functions,
shared with the trainer, need no new arguments; without them those features are left out.

On PolNeAR dev the tagger's per-word average precision for sources is 0.87, where a probe on the
technique encoder's states (what the speaker model read before) had 0.70; the price is a
second encoder pass over the article (``bench/bench_pipeline.py`` states the speed).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._onnx import load_tokenizer, onnx_session
from unspin.components.parse import doc_text
from unspin.errors import ModelError

__all__ = ["PROBE_KEY", "TAGGER_FILE", "TOKENIZER_FILE", "AttributionTagger", "attach_tagger",
           "ensure_tagger", "load_tagger", "probe_bin", "word_probabilities"]

TAGGER_FILE = "tagger.onnx"
TOKENIZER_FILE = "tokenizer.json"
#: ``sdoc.user_data`` key of the (n_tokens, 3) probabilities: source, cue, content
PROBE_KEY = "unspin_attribution_probe"
#: word pieces per window, without [CLS] and [SEP], and how far apart windows start: each piece
#: takes the probabilities of the window where it is most central. On PolNeAR dev, windows cut at
#: sentence ends without overlap (as the technique encoder reads) gave speaker F1 0.8257, these 0.8283.
_WINDOW, _STRIDE = 254, 192
_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "quotes"


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class AttributionTagger:
    """The tagger's ONNX graph and its tokenizer, loaded once."""

    def __init__(self, folder: str | Path | None = None) -> None:
        folder = Path(folder) if folder is not None else _MODEL_DIR
        try:
            self.tokenizer = load_tokenizer(folder / TOKENIZER_FILE)
            self.session = onnx_session(folder / TAGGER_FILE)
        except Exception as exc:  # onnxruntime and tokenizers raise their own types
            raise ModelError(f"cannot load the attribution tagger in {str(folder)!r} ({exc}); reinstall "
                             "unspin or retrain it with `unspin train-quotes`") from None
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        self._executor = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)),
                                            thread_name_prefix="unspin-quotes-tagger")

    def token_probabilities(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Word-piece character offsets (n, 2) and probabilities (n, 3): source, cue, content."""
        from unspin.components.techniques import stitch_cores, token_windows

        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
        probs = np.zeros((len(encoding.ids), 3), np.float32)
        if not encoding.ids:
            return offsets, probs
        ids = encoding.ids
        windows = token_windows(len(ids), _WINDOW, _STRIDE)

        def run(window: tuple[int, int]) -> np.ndarray:
            a, b = window
            x = np.array([[self.cls_id, *ids[a:b], self.sep_id]], dtype=np.int64)
            return self.session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]

        results = self._executor.map(run, windows) if len(windows) > 1 else map(run, windows)
        for (a, _), (lo, hi), logits in zip(windows, stitch_cores(windows), results, strict=True):
            probs[lo:hi] = _sigmoid(logits[1 + lo - a:1 + hi - a])
        return offsets, probs


@lru_cache(maxsize=2)
def load_tagger(folder: str | None = None) -> AttributionTagger:
    """The shipped tagger, or one written by ``unspin.training.quotes_tagger`` into ``folder``."""
    return AttributionTagger(folder)


def word_probabilities(sdoc: Any, offsets: np.ndarray, probs: np.ndarray) -> np.ndarray:
    """(len(sdoc), 3): for each spaCy token, the highest probabilities among its word pieces."""
    out = np.zeros((len(sdoc), 3), dtype=np.float32)
    if len(probs) == 0 or len(sdoc) == 0:
        return out
    starts = np.fromiter((t.idx for t in sdoc), dtype=np.int64, count=len(sdoc))
    ends = starts + np.fromiter((len(t.text) for t in sdoc), dtype=np.int64, count=len(sdoc))
    first = np.searchsorted(offsets[:, 1], starts, side="right")
    last = np.searchsorted(offsets[:, 0], ends, side="left")
    words = np.flatnonzero(last > first)
    if len(words):
        # one reduceat over [first, last) pairs; the stretches between the pairs are dropped
        bounds = np.empty(2 * len(words), dtype=np.int64)
        bounds[0::2], bounds[1::2] = first[words], last[words]
        padded = np.vstack([probs, np.zeros((1, probs.shape[1]), dtype=np.float32)])
        out[words] = np.maximum.reduceat(padded, bounds, axis=0)[0::2]
    return out


def attach_tagger(sdoc: Any, tagger: AttributionTagger) -> None:
    """Put the tagger's probabilities of ``sdoc``'s words where the quote features look for them."""
    sdoc.user_data[PROBE_KEY] = word_probabilities(sdoc, *tagger.token_probabilities(doc_text(sdoc)))


def ensure_tagger(sdoc: Any, folder: str | None = None) -> None:
    """Attach the tagger's probabilities to ``sdoc`` unless it has them."""
    if PROBE_KEY not in sdoc.user_data:
        attach_tagger(sdoc, load_tagger(folder))


def probe_bin(p: float) -> str:
    """A probability as one of seven bins, the form the linear models read it in."""
    for n, edge in enumerate((0.05, 0.15, 0.3, 0.5, 0.7, 0.85)):
        if p < edge:
            return str(n)
    return "6"
