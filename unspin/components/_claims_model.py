"""The check-worthiness scorer: sentence -> probability that it states a checkable fact.

Two models, combined as the model folder says (an average with a stored weight, and a cascade:
the encoder is asked only about sentences whose linear probability lies in a stored band):

* an encoder: MiniLM-L6 fine-tuned as a sentence classifier (mean-pooled token states, one
  logit), exported to int8 ONNX and run with onnxruntime and ``tokenizers`` (``EncoderScorer``);
* a logistic model over two feature blocks, evaluated with numpy only:

* n-grams: sublinear TF-IDF over word 1-2-grams and character 2-5-grams (``analyze``), with the
  vocabulary and idf weights stored in the model;
* parse features: ``_claims_features.sentence_features`` of the sentence's spaCy parse (pooled
  tok2vec vectors, tag shares, entity types), standardised with stored means and scales.

A model is a folder holding ``model.npz`` (arrays) and ``meta.json`` (vocabulary, threshold,
settings, training figures), plus ``encoder.onnx`` and ``tokenizer.json`` when ``meta.json``
has an ``encoder`` entry; all written by ``unspin.training.claims``.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import ModelError

__all__ = ["DEFAULT_MODEL_DIR", "ClaimScorer", "EncoderScorer", "analyze", "load_scorer", "parse_features"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "claims"

_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*|[$€£%]")
_DIGIT_RE = re.compile(r"\d")
_WORD_CACHE_SIZE = 200_000
#: 1 + log(count), the sublinear term frequency, for the counts an n-gram has in one sentence
#: (computed as the loop over counts computed it, so the scores are the same)
_SUBLINEAR_TF = np.array([0.0] + [1.0 + math.log(c) for c in range(1, 256)], dtype=np.float32)


def _words(text: str) -> list[str]:
    # digits collapse to 0 so "1,200" and "3,400" share features
    return [_DIGIT_RE.sub("0", w) for w in _WORD_RE.findall(text.lower().replace("’", "'"))]


def _char_grams(word: str) -> list[str]:
    padded = f" {word} "
    return ["c:" + padded[i : i + n] for n in range(2, min(5, len(padded)) + 1)
            for i in range(len(padded) - n + 1)]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


class EncoderScorer:
    """The fine-tuned sentence encoder: ONNX graph (ids, mask -> one logit) and its tokenizer.

    Each sentence runs alone, unpadded: the int8 graph quantises activations with a range taken
    over the whole input, so padding and neighbours in a batch would move a sentence's score
    (by up to 0.25 in probability, measured), and unpadded runs also cost less CPU. Sentences
    run side by side on ``threads`` threads (onnxruntime releases the GIL), one thread each.
    """

    def __init__(self, onnx_file: Path, tokenizer_file: Path, max_len: int = 64,
                 threads: int | None = None) -> None:
        from unspin.components._onnx import load_tokenizer, onnx_session

        self.max_len = max_len
        self.tokenizer = load_tokenizer(tokenizer_file, max_tokens=max_len)
        self.session = onnx_session(onnx_file)
        self.threads = threads or max(1, min(2, os.cpu_count() or 1))
        self._executor = ThreadPoolExecutor(max_workers=self.threads, thread_name_prefix="unspin-claims")

    def _run(self, ids: list[int]) -> float:
        row = np.array([ids], dtype=np.int64)
        (logit,) = self.session.run(None, {"input_ids": row, "attention_mask": np.ones_like(row)})
        return float(logit.reshape(-1)[0])

    def logits(self, texts: list[str]) -> np.ndarray:
        """One logit per text (positive: check-worthy), which depends on that text alone."""
        rows = [e.ids for e in self.tokenizer.encode_batch(texts)]
        parallel = len(rows) > 1 and self.threads > 1
        runs = self._executor.map(self._run, rows) if parallel else map(self._run, rows)
        return np.fromiter(runs, dtype=np.float32, count=len(rows))

    def predict(self, texts: list[str]) -> np.ndarray:
        """Probability of being check-worthy for each text."""
        return _sigmoid(self.logits(texts))


def analyze(text: str) -> list[str]:
    """The n-gram features of a sentence: ``w:`` word 1-2-grams and ``c:`` character 2-5-grams."""
    words = _words(text)
    feats = ["w:" + w for w in words]
    feats += ["w:" + a + " " + b for a, b in itertools.pairwise(words)]
    for w in words:
        feats.extend(_char_grams(w))
    return feats


class ClaimScorer:
    """Scores sentences for check-worthiness with a trained linear model over its feature blocks."""

    def __init__(self, meta: dict[str, Any], arrays: dict[str, np.ndarray],
                 encoder: EncoderScorer | None = None) -> None:
        self.meta = meta
        self.threshold = float(meta["threshold"])
        self.bias = float(arrays["bias"])
        self.vocab: dict[str, int] = {}
        self._word_cache: dict[str, list[int]] = {}
        if "ngram_vocab" in meta:
            self.vocab = {term: i for i, term in enumerate(meta["ngram_vocab"])}
            self.idf = arrays["ngram_idf"].astype(np.float32)
            self.ngram_weights = arrays["ngram_weights"].astype(np.float32)
        self.dense_weights = arrays.get("dense_weights")
        if self.dense_weights is not None:
            self.dense_mean = arrays["dense_mean"].astype(np.float32)
            self.dense_scale = arrays["dense_scale"].astype(np.float32)
        self.encoder: EncoderScorer | None = encoder
        #: Share of the encoder's probability in the final one (the rest: the linear model's).
        self.encoder_weight = float(meta["encoder"]["weight"]) if encoder is not None else 0.0
        #: Linear probabilities for which the encoder is asked (see ``predict``'s ``cascade``).
        band = meta["encoder"].get("band", (0.0, 1.0)) if encoder is not None else (0.0, 1.0)
        self.band: tuple[float, float] = (float(band[0]), float(band[1]))

    def uses_linear(self, cascade: bool = True) -> bool:
        """Whether ``predict`` reads the linear model: for its share of the average, or to pick
        the sentences the encoder is asked about (``cascade``)."""
        if self.encoder is None or self.encoder_weight < 1.0:
            return True
        return cascade and self.band != (0.0, 1.0)

    def uses_parse(self, cascade: bool = True) -> bool:
        """Whether ``predict`` reads parse features (then pass them, or it parses each text)."""
        return self.dense_weights is not None and self.uses_linear(cascade)

    @classmethod
    def load(cls, model_dir: Path | str = DEFAULT_MODEL_DIR) -> ClaimScorer:
        model_dir = Path(model_dir)
        meta_file, npz_file = model_dir / "meta.json", model_dir / "model.npz"
        if not meta_file.is_file() or not npz_file.is_file():
            raise ModelError(
                f"no claims model in {model_dir} (need meta.json and model.npz); train one with: "
                f"python -m unspin.training.claims --out {model_dir}"
            )
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            with np.load(npz_file) as data:
                arrays = {k: data[k] for k in data.files}
            encoder = None
            if "encoder" in meta:
                settings = meta["encoder"]
                encoder = EncoderScorer(model_dir / settings["file"], model_dir / settings["tokenizer"],
                                        max_len=int(settings.get("max_len", 64)))
            return cls(meta, arrays, encoder)
        # onnxruntime and tokenizers raise their own Exception subclasses for unreadable files
        except Exception as exc:
            raise ModelError(
                f"the claims model in {model_dir} cannot be read ({exc!r}); retrain it with: "
                f"python -m unspin.training.claims --out {model_dir}"
            ) from None

    def _indices(self, text: str) -> list[int]:
        """Vocabulary indices of ``analyze(text)`` (out-of-vocabulary n-grams dropped)."""
        vocab, cache = self.vocab, self._word_cache
        words = _words(text)
        found = [i for i in map(vocab.get, ["w:" + w for w in words]) if i is not None]
        found += [i for i in map(vocab.get, ["w:" + a + " " + b for a, b in itertools.pairwise(words)])
                  if i is not None]
        for w in words:
            grams = cache.get(w)
            if grams is None:
                grams = [i for i in map(vocab.get, _char_grams(w)) if i is not None]
                if len(cache) < _WORD_CACHE_SIZE:
                    cache[w] = grams
            found.extend(grams)
        return found

    def ngram_scores(self, texts: list[str]) -> np.ndarray:
        """The n-gram block's contribution to the logit, without building dense rows."""
        out = np.zeros(len(texts), dtype=np.float32)
        for r, text in enumerate(texts):
            counts = Counter(self._indices(text))
            if not counts:
                continue
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            n = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
            tf = (_SUBLINEAR_TF[n] if n.max() < len(_SUBLINEAR_TF)
                  else np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32))
            vals = tf * self.idf[idx]
            out[r] = float(vals @ self.ngram_weights[idx]) / float(np.linalg.norm(vals))
        return out

    def predict(self, texts: list[str], features: np.ndarray | None = None, cascade: bool = True
                ) -> np.ndarray:
        """Probability of being check-worthy for each sentence (pure; batched).

        ``features``: the ``sentence_features`` rows of the sentences as parsed in their
        article; when the model needs them and none are given, each text is parsed alone.
        ``cascade``: ask the encoder only about the sentences whose linear probability lies in
        ``band`` (the others keep the linear probability, far from the threshold); ``False``
        asks it about every sentence (slower, the most accurate).
        """
        if not texts:
            return np.zeros(0, dtype=np.float32)
        if self.encoder is None:
            return self.linear_predict(texts, features)
        if not self.uses_linear(cascade):
            return self.encoder.predict(texts)
        linear = self.linear_predict(texts, features)
        lo, hi = self.band if cascade else (0.0, 1.0)
        unsure = np.flatnonzero((linear >= lo) & (linear <= hi))
        prob = linear.copy()
        if unsure.size:
            w = self.encoder_weight
            prob[unsure] = w * self.encoder.predict([texts[i] for i in unsure]) + (1.0 - w) * linear[unsure]
        return prob

    def linear_predict(self, texts: list[str], features: np.ndarray | None = None) -> np.ndarray:
        """The linear model's probability alone."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        logit = np.full(len(texts), self.bias, dtype=np.float32)
        if self.vocab:
            logit += self.ngram_scores(texts)
        if self.dense_weights is not None:
            if features is None:
                features = parse_features(texts)
            logit += ((features - self.dense_mean) / self.dense_scale) @ self.dense_weights
        return 1.0 / (1.0 + np.exp(-logit))


def parse_features(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """``sentence_features`` of each text parsed on its own with the pipeline's spaCy model."""
    from unspin.components._claims_features import FEATURE_SIZE, sentence_features
    from unspin.components.parse import load_spacy

    rows = np.zeros((len(texts), FEATURE_SIZE), dtype=np.float32)
    for i, parsed in enumerate(load_spacy().pipe(texts, batch_size=batch_size)):
        rows[i] = sentence_features(parsed[:])
    return rows


@lru_cache(maxsize=4)
def load_scorer(model_dir: str = str(DEFAULT_MODEL_DIR)) -> ClaimScorer:
    """Load (once per process) the claims model in ``model_dir``."""
    return ClaimScorer.load(model_dir)
