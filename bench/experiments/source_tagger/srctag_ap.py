"""Per-word average precision (source, cue, content) on a PolNeAR split: the tuned tagger vs the
shipped probe, over the same spaCy words (whitespace tokens left out).
Usage: python exp/srctag_ap.py TAGGER.pt [split] [n_articles]"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
import numpy as np
import torch
from sklearn.metrics import average_precision_score
from srctag_lib import load_tagger, parsed, tagger_encode, tagger_word_probs, word_labels

from unspin.components._quotes_probe import load_probe, word_probabilities
from unspin.training.data import default_data_dir
from unspin.training.quotes import encode_articles, read_polnear

torch.set_num_threads(2)
split = sys.argv[2] if len(sys.argv) > 2 else "dev"
arts = read_polnear(str(default_data_dir() / "polnear"), split)
if len(sys.argv) > 3:
    arts = arts[: int(sys.argv[3])]
t = time.time()
docs = parsed(split, arts) if len(sys.argv) <= 3 else parsed(split + "_sub", arts)
print(f"parsed {len(docs)} in {time.time() - t:.0f}s", flush=True)
tok, model = load_tagger(sys.argv[1])
t = time.time()
tag = [tagger_word_probs(d, tagger_encode(tok, model, a.text)) for d, a in zip(docs, arts, strict=False)]
print(f"tagger {time.time() - t:.0f}s", flush=True)
t = time.time()
probe = load_probe()
encoded = encode_articles([a.text for a in arts])
prb = [word_probabilities(d, e, probe) for d, e in zip(docs, encoded, strict=False)]
print(f"probe (encoder + probe) {time.time() - t:.0f}s", flush=True)
np.savez(f"/tmp/srctag/wordprobs_{split}.npz", *[x for pair in zip(tag, prb, strict=False) for x in pair])
keep = [np.array([not tk.is_space for tk in d]) for d in docs]
y = np.concatenate([word_labels(d, a)[k] for d, a, k in zip(docs, arts, keep, strict=False)])
for name, ps in (("tagger", tag), ("probe", prb)):
    p = np.concatenate([x[k] for x, k in zip(ps, keep, strict=False)])
    aps = [average_precision_score(y[:, j], p[:, j]) for j in range(3)]
    print(
        f"{name}: AP source {aps[0]:.3f} cue {aps[1]:.3f} content {aps[2]:.3f}  ({len(y)} words; "
        f"positives {y.mean(0).round(3).tolist()})",
        flush=True,
    )
