"""Fine-tuning the attribution tagger (``unspin.components._quotes_tagger``) on PolNeAR train.

all-MiniLM-L6-v2 with one linear layer over its token states and three sigmoid outputs: is the
word piece inside an attribution's source, its cue, its content. Trained on windows of 254 word
pieces (each article's windows start at a random offset, so the tagger sees every kind of cut),
binary cross-entropy, AdamW with warm-up and linear decay, bf16 autocast on CPU. Exported to
ONNX and quantised to int8 with the tokenizer beside it. Needs the train extra.

``crossfit_probabilities`` gives the speaker model's trainer the probabilities of each train
article from a tagger that never saw it: a tagger is sure of the sources it was trained on, so
its own train articles would teach the speaker model to trust it too much.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.training._finetune import FineTuneConfig, base_model_path, load_encoder, pad_rows
from unspin.training.export import detach_word_embeddings, export_onnx_int8

__all__ = ["TaggerConfig", "crossfit_probabilities", "export_tagger", "fold_of", "train_tagger",
           "write_tagger"]


@dataclass(slots=True)
class TaggerConfig(FineTuneConfig):
    """The tagger's settings (PolNeAR dev, per-word average precision of sources: 0.869 after one
    epoch, 0.885 after two)."""

    seed: int = 0
    epochs: int = 2
    batch_size: int = 8
    lr_encoder: float = 5e-5
    warmup: float = 0.05
    max_len: int = 254
    #: the pretrained word embeddings, as the claims encoder's: the two ship one matrix
    #: (``unspin.components._onnx``)
    freeze_embeddings: bool = True
    #: windows shorter than this (an article's leading piece before its random offset) are dropped
    min_len: int = 16


def fold_of(n_articles: int, folds: int, seed: int = 0) -> list[int]:
    """The fold of each article: a seeded shuffle dealt round-robin."""
    order = list(range(n_articles))
    random.Random(seed).shuffle(order)
    fold = [0] * n_articles
    for k, i in enumerate(order):
        fold[i] = k % folds
    return fold


def _windows(articles: Sequence[Any], tokenizer: Any, config: TaggerConfig, rng: random.Random
             ) -> list[tuple[list[int], np.ndarray]]:
    from unspin.training.quotes import attribution_labels

    size = config.max_len
    windows = []
    for article in articles:
        encoding = tokenizer.encode(article.text, add_special_tokens=False)
        ids = encoding.ids
        if not ids:
            continue
        labels = attribution_labels(article, np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2))
        shift = rng.randrange(0, size // 2) if len(ids) > size else 0
        starts = ([0] if shift else []) + list(range(shift, len(ids), size))
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(ids)
            if end - start >= config.min_len:
                windows.append((ids[start:end], labels[start:end]))
    return windows


class _Tagger:
    """Built lazily so that importing this module needs no torch."""

    @staticmethod
    def build(base: str) -> Any:
        import torch

        class Tagger(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.encoder, config = load_encoder(base)
                self.head = torch.nn.Linear(config.hidden_size, 3)

            def forward(self, input_ids: Any, attention_mask: Any) -> Any:
                states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
                return self.head(states)

        return Tagger()


def train_tagger(articles: Sequence[Any], config: TaggerConfig | None = None,
                 log: Callable[[str], Any] = print) -> Any:
    """The fine-tuned tagger (a torch module: ids, mask -> (batch, n, 3) logits)."""
    import torch

    from unspin.components._onnx import load_tokenizer

    config = config or TaggerConfig()
    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    base = base_model_path("training the attribution tagger")
    tokenizer = load_tokenizer(Path(base) / "tokenizer.json")
    windows = _windows(articles, tokenizer, config, rng)
    rng.shuffle(windows)
    log(f"attribution tagger: {len(articles)} articles, {len(windows)} windows, "
        f"{sum(len(w[0]) for w in windows)} word pieces")
    model = _Tagger.build(base)
    if config.freeze_embeddings:
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    model.train()
    encoder_params = [p for p in model.encoder.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW([{"params": encoder_params, "lr": config.lr_encoder},
                                   {"params": list(model.head.parameters()), "lr": config.lr_head}],
                                  weight_decay=config.weight_decay)
    bs = config.batch_size
    steps = config.epochs * -(-len(windows) // bs)
    warm = max(1, int(steps * config.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    began = time.time()
    step = 0
    for _ in range(config.epochs):
        order = list(range(len(windows)))
        rng.shuffle(order)
        for i in range(0, len(order), bs):
            batch = [windows[j] for j in order[i:i + bs]]
            ids, mask = pad_rows([[cls_id, *w, sep_id] for w, _ in batch], 0)
            target = torch.zeros((*ids.shape, 3))
            inside = torch.zeros(ids.shape)
            for k, (w, labels) in enumerate(batch):
                target[k, 1:len(w) + 1] = torch.from_numpy(labels)
                inside[k, 1:len(w) + 1] = 1
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=config.bf16):
                logits = model(ids, mask)
            each = torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), target,
                                                                        reduction="none")
            loss = (each.sum(-1) * inside).sum() / (3 * inside.sum())
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            step += 1
            if step % 100 == 0 or step == steps:
                log(f"  step {step}/{steps}, loss {loss.item():.4f}, {time.time() - began:.0f}s")
    model.eval()
    return model


def write_tagger(model: Any, out: str | Path) -> Path:
    """Write the int8 graph (``tagger.onnx``) and its tokenizer into ``out``; returns ``out``."""
    from tokenizers import Tokenizer

    from unspin.components._onnx import SHARED_EMBEDDINGS
    from unspin.components._quotes_tagger import TAGGER_FILE, TOKENIZER_FILE

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        export_onnx_int8(model, Path(tmp) / "tagger.fp32.onnx", out / TAGGER_FILE,
                         {"logits": {0: "batch", 1: "seq"}})
    # the word embeddings, frozen in training, are the claims encoder's: they ship once
    detach_word_embeddings(out / TAGGER_FILE, SHARED_EMBEDDINGS)
    tokenizer = Tokenizer.from_file(str(Path(base_model_path("exporting the tagger")) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    tokenizer.save(str(out / TOKENIZER_FILE))
    return out


def export_tagger(articles: Sequence[Any], out: str | Path, config: TaggerConfig | None = None,
                  log: Callable[[str], Any] = print) -> Path:
    """Train a tagger on ``articles`` and write it into ``out`` (``write_tagger``)."""
    return write_tagger(train_tagger(articles, config, log), out)


def crossfit_probabilities(docs: Sequence[Any], articles: Sequence[Any], folds: int = 2,
                           config: TaggerConfig | None = None, log: Callable[[str], Any] = print
                           ) -> list[np.ndarray]:
    """Each article's word probabilities (``_quotes_tagger.word_probabilities``) from a tagger
    trained on the other folds, int8 as shipped."""
    from unspin.components._quotes_tagger import AttributionTagger, word_probabilities
    from unspin.components.parse import doc_text

    fold = fold_of(len(articles), folds)
    probabilities: list[np.ndarray] = [np.zeros((0, 3), np.float32)] * len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [i for i, f in enumerate(fold) if f == k]
            log(f"tagger for fold {k + 1} of {folds} ({len(held)} articles held out)")
            folder = export_tagger([a for a, f in zip(articles, fold, strict=True) if f != k],
                                   Path(tmp) / f"fold{k}", config, log)
            tagger = AttributionTagger(folder)
            for i in held:
                probabilities[i] = word_probabilities(docs[i], *tagger.token_probabilities(doc_text(docs[i])))
    return probabilities
