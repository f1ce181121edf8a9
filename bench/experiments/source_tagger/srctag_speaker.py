"""Retrain only the speaker model with other word probabilities in place of the probe's, then
score PolNeAR dev (and test). Cue and quote models: the shipped ones (they do not read the probe).
Usage: python exp/srctag_speaker.py TAGGER.pt OUTDIR [--control] [--test]
  --control: also retrain with the shipped probe's probabilities (same harness) and score it."""

import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
import numpy as np
import torch
from srctag_lib import load_tagger, parsed, tagger_encode, tagger_word_probs

from unspin.components._quotes_probe import PROBE_KEY, load_probe, word_probabilities
from unspin.components.quotes import QuoteFinder, load_speaker_model
from unspin.training.data import default_data_dir
from unspin.training.quotes import (
    encode_articles,
    read_polnear,
    save_cue_model,
    score_quotes,
    speaker_groups,
    train_listwise_model,
)

torch.set_num_threads(2)
POL = str(default_data_dir() / "polnear")
SHIPPED = Path(__file__).resolve().parents[3] / "unspin" / "models" / "quotes"
tagger_path, out = sys.argv[1], Path(sys.argv[2])
control, do_test = "--control" in sys.argv, "--test" in sys.argv
out.mkdir(parents=True, exist_ok=True)
tok, model = load_tagger(tagger_path)


def probs(split, arts, docs, which):
    cache = Path(f"/tmp/srctag/{which}probs_{split}.npz")
    if cache.exists():
        with np.load(cache) as d:
            return [d[f"arr_{i}"] for i in range(len(docs))]
    t = time.time()
    if which == "tag":
        res = [tagger_word_probs(d, tagger_encode(tok, model, a.text))
               for d, a in zip(docs, arts, strict=False)]
    else:
        probe = load_probe()
        encoded = encode_articles([a.text for a in arts])
        res = [word_probabilities(d, e, probe) for d, e in zip(docs, encoded, strict=False)]
    np.savez(cache, *res)
    print(f"{which} probabilities of {split}: {time.time() - t:.0f}s", flush=True)
    return res


def attach(docs, ps):
    for d, p in zip(docs, ps, strict=False):
        d.user_data[PROBE_KEY] = p


def train(which, path):
    arts = read_polnear(POL, "train")
    t = time.time()
    docs = parsed("train", arts)
    print(f"train parsed {time.time() - t:.0f}s", flush=True)
    attach(docs, probs("train", arts, docs, which))
    finder = QuoteFinder(speaker_model=False)  # shipped cue and quote models
    groups = speaker_groups(docs, arts, finder)
    model_ = train_listwise_model(groups, l2=1.0)
    model_["threshold"] = 0.3
    save_cue_model(model_, path)
    load_speaker_model.cache_clear()
    print(f"speaker model ({which}): {len(groups)} quotes -> {path}", flush=True)


def score(split, which, speaker_model):
    arts = read_polnear(POL, split)
    docs = parsed(split, arts)
    attach(docs, probs(split, arts, docs, which))
    finder = QuoteFinder(speaker_model=speaker_model)
    r = score_quotes([finder.predict(d) for d in docs], arts)
    s, c = r["speaker"], r["content"]
    print(
        f"{split} {which} speaker={speaker_model}: content F1 {c['f1']:.4f}  speaker P {s['precision']:.4f} "
        f"R {s['recall']:.4f} F1 {s['f1']:.4f}",
        flush=True,
    )


for f in ("cues.json.gz", "quotes.json.gz", "probe.npz"):
    shutil.copy(SHIPPED / f, out / f)
score("dev", "prb", None)  # the shipped models in this harness (expect 0.8157)
train("tag", str(out / "speakers.json.gz"))
score("dev", "tag", str(out / "speakers.json.gz"))
if control:
    train("prb", str(out / "speakers_probe.json.gz"))
    score("dev", "prb", str(out / "speakers_probe.json.gz"))
if do_test:
    score("test", "prb", None)
    score("test", "tag", str(out / "speakers.json.gz"))
