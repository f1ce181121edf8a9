"""CPU time per article of the tuned tagger (torch, 2 threads, bf16 autocast and fp32) against the
shipped technique encoder (onnx int8), over the first N PTC dev articles.
Usage: python exp/srctag_cost.py TAGGER.pt [N]"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
import torch
from srctag_lib import load_tagger, tagger_encode

from unspin.training.data import default_data_dir
from unspin.training.quotes import encode_articles

torch.set_num_threads(2)
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
texts = [
    p.read_text(encoding="utf-8")
    for p in sorted((default_data_dir() / "ptc" / "dev-articles").glob("*.txt"))[:n]
]
tok, model = load_tagger(sys.argv[1])
tagger_encode(tok, model, texts[0])  # warm up (the onnx encoder runs last: its idle threads spin)
ntok = sum(len(tok(t, add_special_tokens=False)["input_ids"]) for t in texts)
for label, fn in (
    ("tagger bf16", lambda t: tagger_encode(tok, model, t, bf16=True)),
    ("tagger fp32", lambda t: tagger_encode(tok, model, t, bf16=False)),
    ("technique encoder (onnx int8, shipped)", lambda t: encode_articles([t])),
):
    w, c = time.perf_counter(), time.process_time()
    for t in texts:
        fn(t)
    w, c = time.perf_counter() - w, time.process_time() - c
    print(
        f"{label}: {1000 * w / n:.0f} ms wall, {1000 * c / n:.0f} ms CPU per article "
        f"({n} articles, {ntok / n:.0f} tokens each)",
        flush=True,
    )
