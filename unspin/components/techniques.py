"""Technique detection with the trained model: an int8 ONNX MiniLM tagger plus a span classifier.

The encoder runs over token windows of the article that end at a sentence's end (overlapping
only where a sentence is longer than a window allows); a token head gives, for every
token, the probability that it lies inside a technique fragment (any technique, and each of the
14). Runs of likely tokens, widened to whole words, become fragments. A small span classifier
(numpy) names the technique of each fragment from its pooled token states and a few features
(length, whether the fragment recurs in the article). Inference needs only onnxruntime,
tokenizers and numpy; the torch side lives in ``unspin.training.techniques``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._onnx import load_tokenizer, onnx_session
from unspin.doc import Document, TechniqueSpan
from unspin.errors import ConfigError, ModelError
from unspin.explain import explain
from unspin.taxonomy import TECHNIQUE_IDS

__all__ = [
    "MODEL_ENV",
    "N_SPAN_FEATURES",
    "STATES_KEY",
    "Encoded",
    "TechniqueModel",
    "Techniques",
    "clipped_logit",
    "decode_runs",
    "default_model_dir",
    "make_techniques",
    "shared_technique_model",
    "span_features",
    "split_at_blank_lines",
    "stitch_cores",
    "technique_states",
    "token_windows",
    "trim_fragment",
]

#: Environment variable naming a model folder to use instead of the shipped one.
MODEL_ENV = "UNSPIN_TECHNIQUES_MODEL"
MODEL_FILES = ("model.onnx", "tokenizer.json", "heads.npz", "config.json")
N_SPAN_FEATURES = 6
_WORD = re.compile(r"\w")
_QUOTES = "\"“”"
# Words too common to show as the signal of a technique.
_FUNCTION_WORDS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "is",
    "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "he", "she",
    "they", "we", "you", "i", "his", "her", "their", "our", "your", "as", "from", "so", "not", "no",
    "him", "them", "me", "my", "us", "if", "than", "has", "have", "had", "do", "does", "did", "can",
    "could", "will", "would", "shall", "should", "may", "might",
))


# A hyphenated compound ("so-called", "well-known"); bounded, so a text without spaces is not
# read as one long word.
_COMPOUND = re.compile(r"[^\W_]{1,40}(?:[-\u2010\u2011][^\W_]{1,40})+")


def _whole_compounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved out to the edges of a hyphenated compound they fall inside.

    The tokenizer splits "so-called" into three words, so a run of tokens can start or end at
    its hyphen; a reader expects the whole compound.
    """
    for m in _COMPOUND.finditer(text, max(0, start - 100), min(len(text), end + 100)):
        if m.start() < start < m.end():
            start = m.start()
        if m.start() < end < m.end():
            end = m.end()
    return start, end


_ABBREVIATIONS = frozenset(("mr", "mrs", "ms", "dr", "jr", "sr", "st", "prof", "gen", "sen", "rep",
                            "gov", "col", "lt", "sgt", "inc", "co", "ltd", "corp", "etc", "vs", "no"))


def _final_full_stop(text: str, start: int, end: int) -> bool:
    """Whether the fragment ends in a sentence's full stop (8 of the 6,129 PTC train spans do),
    not an abbreviation's ("U.S.", "Mr.")."""
    if end - start < 2 or text[end - 1] != "." or not text[end - 2].isalnum():
        return False
    word = text[start:end - 1].rsplit(None, 1)[-1]
    return "." not in word and word.lower() not in _ABBREVIATIONS and not (len(word) == 1 and word.isupper())


# A preposition or conjunction rarely opens a PTC train span (5 % do) and an article even more
# rarely closes one (0.7 %), but the decoder's runs of tokens opened 8 % and closed 5 % of its
# fragments with one ("of reckless bureaucrats", "a betrayal of every family in").
_OPENING_WORDS = frozenset(("of", "in", "to", "for", "on", "at", "by", "with", "from", "and", "but",
                            "or", "that", "as"))
_CLOSING_WORDS = _OPENING_WORDS | {"the", "a", "an"}
_WORD = re.compile(r"[\w'’-]+")


def _drop_edge_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past a fragment's opening and closing function words (one word stays)."""
    words = list(_WORD.finditer(text, start, end))
    a, b = 0, len(words)
    while a < b - 1 and words[a].group().lower() in _OPENING_WORDS:
        a += 1
    while b - 1 > a and words[b - 1].group().lower() in _CLOSING_WORDS:
        b -= 1
    # cut where the dropped words end or begin: the punctuation trim below then sees what is left
    return (words[a - 1].end() if a else start), (words[b].start() if b < len(words) else end)


def trim_fragment(text: str, start: int, end: int) -> tuple[int, int]:
    """Whole (hyphenated) words, without opening or closing function words, leading/trailing spaces
    and stray punctuation (a quote mark that is not closed inside)."""
    start, end = _drop_edge_words(text, *_whole_compounds(text, start, end))
    while start < end and (text[start] in " \t\n,.;:)]" or (
            text[start] in _QUOTES and not any(c in _QUOTES for c in text[start + 1:end]))):
        start += 1
    while end > start and (text[end - 1] in " \t\n,;:([" or _final_full_stop(text, start, end) or (
            text[end - 1] in _QUOTES and not any(c in _QUOTES for c in text[start:end - 1]))):
        end -= 1
    return start, end


#: Techniques whose fragments are cut down to their core words, and how strong a word must be
#: (a share of the strongest word's probability for the technique) to stay in the core.
#: Gold fragments of both are short (median 3 words in PTC), the decoded runs longer (median 6):
#: "so-called plan is nothing less than a disgraceful betrayal of every family" is Loaded
#: language in "disgraceful betrayal". Chosen on the calibration slice (stop 16): the largest share
#: costing under 0.002 SI F1 there.
CORE_TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
CORE_SHARE = 0.1


def core_tokens(encoded: Encoded, a: int, b: int, k: int, share: float = CORE_SHARE) -> tuple[int, int]:
    """The tokens ``[a2, b2)`` of ``[a, b)`` from the first to the last whose probability for
    technique ``k`` reaches ``share`` of the strongest one's, widened to whole words."""
    p = encoded.probs[a:b, 1 + k]
    if b - a < 2:
        return a, b
    strong = np.flatnonzero(p >= share * float(p.max()))
    lo, hi = a + int(strong[0]), a + int(strong[-1]) + 1
    words = encoded.word_ids
    while lo > a and words[lo] is not None and words[lo - 1] == words[lo]:
        lo -= 1
    while hi < b and words[hi - 1] is not None and words[hi] == words[hi - 1]:
        hi += 1
    return lo, hi


#: ``doc.cache`` key of the encoder's token states (an ``Encoded``), reused by the actors stage.
STATES_KEY = "technique_states"


def default_model_dir() -> Path:
    """The folder of the shipped model (or the one named by ``UNSPIN_TECHNIQUES_MODEL``)."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return Path(override)
    return Path(str(resources.files("unspin").joinpath("models/techniques")))


def token_windows(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of at most ``size`` tokens, starting every ``stride`` tokens."""
    if size <= 0 or not 0 < stride <= size:
        raise ConfigError(f"bad window settings size={size}, stride={stride}; need 0 < stride <= size")
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(start + size, n_tokens)
        out.append((start, end))
        if end >= n_tokens:
            return out
        start += stride


#: Characters that end a sentence when a token ends with them (a closing quote or bracket may follow).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CLOSERS = frozenset("\"'”’)]»")


def _ends_sentence(text: str, offsets: np.ndarray, cut: int) -> bool:
    """Whether a sentence ends (or a line breaks) between token ``cut - 1`` and token ``cut``."""
    last, following = int(offsets[cut - 1, 1]), int(offsets[cut, 0])
    if "\n" in text[last:following]:
        return True
    if following == last and text[following:following + 1] in _CLOSERS:
        return False  # 'done.' before its closing quote: the sentence ends after the quote
    return _SENTENCE_END.search(text[max(0, last - 4):last]) is not None


def sentence_windows(text: str, offsets: np.ndarray, size: int, stride: int, slack: int
                     ) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` of at most ``size`` tokens, cut where a sentence ends.

    Each window is as full as the model's training windows, ending at the sentence end (or line
    break) nearest its ``size`` tokens, within ``slack``; the last two share what is left evenly,
    so that no window is a short tail of the text with little context. The next window starts
    right where one ends, so no token is read twice and none loses the context of its own
    sentence at a window's edge. Where no sentence ends within reach (a very long sentence),
    the window keeps all ``size`` tokens and the next one starts ``stride`` tokens on,
    overlapping it as ``token_windows`` does.
    """
    n_tokens = len(offsets)
    if size <= 0 or not 0 < stride <= size or not 0 <= slack < size:
        raise ConfigError(f"bad window settings size={size}, stride={stride}, slack={slack}; "
                          "need 0 < stride <= size and 0 <= slack < size")
    out: list[tuple[int, int]] = []
    start = 0
    while n_tokens - start > size:
        left = n_tokens - start
        # full windows, as in training, until two are left: those two share the rest evenly
        share = start + (size if left > 2 * size else -(-left // 2))
        reach = range(max(start + 1, share - slack), min(start + size, share + slack) + 1)
        cut = min((c for c in reach if _ends_sentence(text, offsets, c)),
                  key=lambda c: abs(c - share), default=None)
        if cut is not None:
            out.append((start, cut))
            start = cut
        else:
            out.append((start, start + size))
            start += stride
    out.append((start, n_tokens))
    return out


def stitch_cores(windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each window, the tokens it is responsible for: overlaps are split at their middle."""
    cores = []
    for i, (a, b) in enumerate(windows):
        lo = a if i == 0 else (a + windows[i - 1][1]) // 2
        hi = b if i == len(windows) - 1 else (windows[i + 1][0] + b) // 2
        cores.append((lo, hi))
    return cores


def span_features(text: str, start: int, end: int, lowered: str | None = None) -> np.ndarray:
    """Length and recurrence features of the fragment ``text[start:end]`` (float32 vector)."""
    lowered = text.lower() if lowered is None else lowered
    fragment = lowered[start:end].strip()
    n_words = len(fragment.split())
    count = lowered.count(fragment) if fragment else 0
    earlier = fragment != "" and lowered.find(fragment) < start
    return np.array([
        math.log1p(end - start) / 5.0,
        math.log1p(n_words) / 3.0,
        math.log1p(max(count - 1, 0)),
        float(earlier),
        float(fragment.endswith(("?", "!"))),
        float(fragment[:1] in "\"'“‘" or fragment[-1:] in "\"'”’"),
    ], dtype=np.float32)


def decode_runs(probs: np.ndarray, word_ids: Sequence[int | None], threshold: float,
                keep: float = 0.0, gap: int = 0) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` whose probability is at least ``threshold``, widened to whole words.

    Runs at most ``gap`` tokens apart are joined; a run is kept only if its highest
    probability reaches ``keep`` (a low threshold draws the boundaries, ``keep`` decides).
    """
    above = probs >= threshold
    runs: list[tuple[int, int]] = []
    n = len(probs)
    i = 0
    while i < n:
        if not above[i]:
            i += 1
            continue
        j = i
        while j < n and above[j]:
            j += 1
        a, b = i, j
        while a > 0 and word_ids[a] is not None and word_ids[a - 1] == word_ids[a]:
            a -= 1
        while b < n and word_ids[b] is not None and word_ids[b] == word_ids[b - 1]:
            b += 1
        if runs and a <= runs[-1][1] + gap:
            runs[-1] = (runs[-1][0], max(b, runs[-1][1]))
        else:
            runs.append((a, b))
        i = max(j, b)
    return [(a, b) for a, b in runs if float(probs[a:b].max()) >= keep]


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def split_at_blank_lines(runs: Sequence[tuple[int, int]], offsets: np.ndarray, text: str
                         ) -> list[tuple[int, int]]:
    """Token runs cut where a blank line lies between two of their tokens.

    A technique fragment stays inside its paragraph: none of the 5,468 span annotations of
    the PTC train articles crosses a blank line, while a decoded run can bridge one when the
    last words of a paragraph and the first of the next both score high.
    """
    out: list[tuple[int, int]] = []
    for a, b in runs:
        first = a
        for i in range(a + 1, b):
            if _BLANK_LINE.search(text, int(offsets[i - 1, 1]), int(offsets[i, 0])):
                out.append((first, i))
                first = i
        out.append((first, b))
    return out


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def clipped_logit(p: float, eps: float) -> float:
    """``log(p / (1 - p))`` with ``p`` kept within ``[eps, 1 - eps]``: what the Platt scalings read."""
    p = min(max(p, eps), 1 - eps)
    return math.log(p / (1 - p))


def _platt(p: float, a: float, b: float, eps: float) -> float:
    return float(_sigmoid(np.array(a * clipped_logit(p, eps) + b)))


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


@dataclass(slots=True)
class Encoded:
    """One article run through the encoder: tokens, their offsets, states and probabilities."""

    text: str
    offsets: np.ndarray  # (n, 2) character offsets of each token
    word_ids: list[int | None]
    hidden: np.ndarray  # (n, H) token states, each from the window where the token is most central
    probs: np.ndarray  # (n, 15): P(inside any fragment), then P(inside a fragment of technique k)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Tokens overlapping the characters ``[start, end)`` (empty range if none)."""
        a = int(np.searchsorted(self.offsets[:, 1], start, side="right"))
        b = int(np.searchsorted(self.offsets[:, 0], end, side="left"))
        return a, max(a, b)


class TechniqueModel:
    """The trained files (ONNX encoder, tokenizer, span-head weights, settings) loaded once."""

    def __init__(self, folder: str | Path | None = None) -> None:
        folder = Path(folder) if folder is not None else default_model_dir()
        missing = [f for f in MODEL_FILES if not (folder / f).is_file()]
        if missing:
            raise ModelError(
                f"the technique model is missing {', '.join(missing)} in {folder}; reinstall unspin "
                "(the model ships inside the package), or train one with `unspin train --data "
                f"../shared/data/ptc --out DIR` and set {MODEL_ENV}=DIR, or run the lexicon "
                "baseline with load(replace={'techniques': 'techniques_lexicon'})")
        try:
            self.config: dict[str, Any] = json.loads((folder / "config.json").read_text("utf-8"))
            self.tokenizer = load_tokenizer(folder / "tokenizer.json")
            # Parallelism comes from running windows side by side (see encode), not inside one.
            self.session = onnx_session(folder / "model.onnx")
            with np.load(folder / "heads.npz") as heads:
                self.heads = {k: heads[k].astype(np.float32) for k in heads.files}
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise ModelError(f"the technique model in {folder} cannot be loaded ({exc}); "
                             "reinstall unspin or retrain it with `unspin train`") from None
        self.folder = folder
        self._executor = ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1)),
                                            thread_name_prefix="unspin-techniques")
        self.labels: list[str] = list(self.config.get("labels", TECHNIQUE_IDS))
        self.window = int(self.config.get("window", 256))
        self.stride = int(self.config.get("stride", 192))
        self.slack = int(self.config.get("slack", 0))
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Run the encoder over every window of every text.

        Each window runs alone: the int8 model quantises activations with a range taken over
        the whole input tensor, so batching windows (and their padding) together would make
        one article's result depend on its neighbours in the batch.
        """
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        hidden_size = int(self.heads["span_w1"].shape[0] - N_SPAN_FEATURES) // 3
        hidden = [np.zeros((len(e.ids), hidden_size), np.float32) for e in encodings]
        probs = [np.zeros((len(e.ids), 1 + len(self.labels)), np.float32) for e in encodings]
        offsets = [np.array(e.offsets, dtype=np.int64).reshape(-1, 2) for e in encodings]
        jobs: list[tuple[int, int, int, int, int]] = []
        for t, enc in enumerate(encodings):
            if not enc.ids:
                continue
            if self.slack:
                windows = sentence_windows(texts[t], offsets[t], self.window - 2, self.stride, self.slack)
            else:
                windows = token_windows(len(enc.ids), self.window - 2, self.stride)
            for (a, b), (lo, hi) in zip(windows, stitch_cores(windows), strict=True):
                jobs.append((t, a, b, lo, hi))

        def run(job: tuple[int, int, int, int, int]) -> tuple[np.ndarray, np.ndarray]:
            t, a, b, _, _ = job
            ids = np.array([[self.cls_id, *encodings[t].ids[a:b], self.sep_id]], dtype=np.int64)
            states, logits = self.session.run(None, {"input_ids": ids,
                                                     "attention_mask": np.ones_like(ids)})
            return states, logits

        # One window per run keeps results batch-independent; windows run side by side on the
        # cores (onnxruntime releases the GIL), each session call on one thread.
        results = self._executor.map(run, jobs) if len(jobs) > 1 else map(run, jobs)
        for (t, a, _, lo, hi), (states, logits) in zip(jobs, results, strict=True):
            hidden[t][lo:hi] = states[0, 1 + lo - a:1 + hi - a]
            probs[t][lo:hi] = _sigmoid(logits[0, 1 + lo - a:1 + hi - a])
        return [Encoded(texts[t], offsets[t], list(enc.word_ids), hidden[t], probs[t])
                for t, enc in enumerate(encodings)]

    def span_probs(self, encoded: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities (one row of 14 per span) from the span classifier."""
        if not spans:
            return np.zeros((0, len(self.labels)), np.float32)
        lowered = encoded.text.lower()
        rows = []
        for start, end in spans:
            a, b = encoded.token_range(start, end)
            if b <= a:  # a fragment with no token (only spaces): look at the nearest token
                a = min(a, len(encoded.hidden) - 1)
                b = a + 1
            states = encoded.hidden[a:b]
            rows.append(np.concatenate([states.mean(axis=0), states[0], states[-1],
                                        span_features(encoded.text, start, end, lowered)]))
        x = np.stack(rows).astype(np.float32)
        h = np.maximum(x @ self.heads["span_w1"] + self.heads["span_b1"], 0.0)
        return _softmax(h @ self.heads["span_w2"] + self.heads["span_b2"])


@lru_cache(maxsize=1)
def shared_technique_model() -> TechniqueModel:
    """The default technique model, loaded once for the stages that read its states."""
    return TechniqueModel()


def technique_states(doc: Document) -> Encoded:
    """The technique encoder's token states of ``doc``: those the techniques stage left, else new.

    The actors stage (roles) reads them.
    """
    encoded = doc.cache.get(STATES_KEY)
    if not isinstance(encoded, Encoded) or encoded.text != doc.text:
        encoded = shared_technique_model().encode([doc.text])[0]
        doc.cache[STATES_KEY] = encoded
    return encoded


class Techniques:
    """The ``techniques`` stage: fragments that use a propaganda technique, with scores."""

    name = "techniques"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("techniques",)

    def __init__(self, min_score: float = 0.0, model: str | Path | None = None) -> None:
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"min_score must be between 0 and 1, not {min_score}")
        self.min_score = min_score
        self.model_dir = model
        self._model: TechniqueModel | None = None

    @property
    def model(self) -> TechniqueModel:
        if self._model is None:
            self._model = TechniqueModel(self.model_dir)
        return self._model

    def predict(self, texts: Sequence[str]) -> list[list[TechniqueSpan]]:
        """Technique spans for each text (pure: nothing is written on documents)."""
        model = self.model
        return [self._spans(e) for e in model.encode(texts)]

    def _spans(self, encoded: Encoded, threshold: float | None = None,
               multi: float | None = None) -> list[TechniqueSpan]:
        model = self.model
        cfg = model.config
        threshold = float(cfg.get("threshold", 0.5)) if threshold is None else threshold
        multi = float(cfg.get("multi_label", 1.0)) if multi is None else multi
        keep = float(cfg.get("keep", 0.0))
        gap = int(cfg.get("gap", 0))
        a_cal, b_cal = cfg.get("calibration", [1.0, 0.0])
        a_score, b_score = cfg.get("score_calibration", [1.0, 0.0])
        text = encoded.text
        runs = []
        decoded = decode_runs(encoded.probs[:, 0], encoded.word_ids, threshold, keep, gap)
        for a, b in split_at_blank_lines(decoded, encoded.offsets, text):
            start, end = trim_fragment(text, int(encoded.offsets[a, 0]), int(encoded.offsets[b - 1, 1]))
            if _WORD.search(text[start:end]):
                runs.append((a, b, start, end))
        if not runs:
            return []
        tech = model.span_probs(encoded, [(s, e) for _, _, s, e in runs])
        spans: list[TechniqueSpan] = []
        for (a, b, start, end), p in zip(runs, tech, strict=True):
            found = _platt(float(encoded.probs[a:b, 0].mean()), a_cal, b_cal, 1e-6)
            ranked = np.argsort(-p)
            for rank, k in enumerate(ranked[:3]):
                if rank > 0 and p[k] < multi:
                    break
                score = found * float(p[k])
                if (a_score, b_score) != (1.0, 0.0):  # calibrated to P(inside a gold fragment of it)
                    score = _platt(score, a_score, b_score, 1e-4)
                score = round(score, 4)
                if score < self.min_score:
                    continue
                technique = model.labels[int(k)]
                ka, kb, kstart, kend = a, b, start, end
                if technique in CORE_TECHNIQUES:
                    ka, kb = core_tokens(encoded, a, b, int(k))
                    kstart, kend = trim_fragment(text, int(encoded.offsets[ka, 0]),
                                                 int(encoded.offsets[kb - 1, 1]))
                    if not _WORD.search(text[kstart:kend]):
                        ka, kb, kstart, kend = a, b, start, end
                cues = self._cues(encoded, ka, kb, int(k), technique, kstart, kend)
                spans.append(TechniqueSpan(kstart, kend, technique=technique, score=score,
                                           explanation=explain(technique, text[kstart:kend], cues)))
        spans.sort(key=lambda s: (s.start, s.end, -s.score))
        return spans

    def _cues(self, encoded: Encoded, a: int, b: int, k: int, technique: str, start: int,
              end: int) -> list[str]:
        if technique == "Repetition":
            fragment = encoded.text[start:end].strip().lower()
            count = encoded.text.lower().count(fragment)
            if count > 1:
                return [f"this wording occurs {count} times in the article"]
        # The words inside the fragment that the technique's token head scores highest.
        words: dict[int, tuple[float, int, int]] = {}
        for i in range(a, b):
            w = encoded.word_ids[i]
            if w is None:
                continue
            p = float(encoded.probs[i, 1 + k])
            s, e = int(encoded.offsets[i, 0]), int(encoded.offsets[i, 1])
            best, ws, we = words.get(w, (p, s, e))
            words[w] = (max(best, p), min(ws, s), max(we, e))
        ranked = sorted(words.values(), key=lambda v: -v[0])
        cues = [encoded.text[s:e] for _, s, e in ranked
                if _WORD.search(encoded.text[s:e]) and encoded.text[s:e].lower() not in _FUNCTION_WORDS]
        return cues[:2]

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        """The most likely technique of each given fragment, with its probability.

        Several copies of the same offsets mean the fragment carries several techniques: the
        n-th copy gets the n-th most likely one.
        """
        if not spans:
            return []
        encoded = self.model.encode([text])[0]
        unique = sorted(set(spans))
        probs = dict(zip(unique, self.model.span_probs(encoded, unique), strict=True))
        seen: dict[tuple[int, int], int] = {}
        out = []
        for span in spans:
            rank = seen.get(span, 0)
            seen[span] = rank + 1
            p = probs[span]
            k = int(np.argsort(-p)[min(rank, len(p) - 1)])
            out.append((self.model.labels[k], round(float(p[k]), 4)))
        return out

    def __call__(self, doc: Document) -> Document:
        self._analyse([doc])
        return doc

    def pipe(self, docs: Iterable[Document], batch_articles: int = 2) -> Iterator[Document]:
        """Analyse documents in small groups (their texts are tokenised together).

        Small groups let the stages after this one start early: with 2 articles (and the parse
        stage's 4) the two cores were busy 93 % of the run on the PTC dev articles, against 90 %
        with 8 and 16, for the same output.
        """
        group: list[Document] = []
        for doc in docs:
            group.append(doc)
            if len(group) >= batch_articles:
                yield from self._run(group)
                group = []
        if group:
            yield from self._run(group)

    def _run(self, group: list[Document]) -> Iterator[Document]:
        self._analyse(group)
        yield from group

    def _analyse(self, docs: Sequence[Document]) -> None:
        for doc, encoded in zip(docs, self.model.encode([d.text for d in docs]), strict=True):
            doc.techniques = self._spans(encoded)
            # The token states also tell the actors stage how the text speaks of each actor.
            doc.cache[STATES_KEY] = encoded


def make_techniques(min_score: float = 0.0, model: str | None = None) -> Techniques:
    """The trained technique detector (``model``: a folder made by ``unspin train``)."""
    return Techniques(min_score=min_score, model=model)
