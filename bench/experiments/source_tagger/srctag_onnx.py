"""Export the tagger to ONNX, quantise it (dynamic int8, as the shipped encoder), and measure its
time per PTC dev article and its dev AP. Usage: python exp/srctag_onnx.py TAGGER.pt"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # srctag_lib beside this file
import numpy as np
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from sklearn.metrics import average_precision_score
from srctag_lib import load_tagger, parsed, tagger_word_probs, windowed_encode, word_labels

from unspin.training.data import default_data_dir
from unspin.training.quotes import read_polnear

torch.set_num_threads(2)
tok, model = load_tagger(sys.argv[1])
x = torch.tensor([[101] + [2000] * 30 + [102]])
torch.onnx.export(
    model,
    (x, torch.ones_like(x)),
    "/tmp/srctag/tagger.onnx",
    input_names=["ids", "mask"],
    output_names=["logits"],
    dynamic_axes={"ids": {0: "b", 1: "n"}, "mask": {0: "b", 1: "n"}},
    opset_version=17,
    dynamo=False,
)
quantize_dynamic("/tmp/srctag/tagger.onnx", "/tmp/srctag/tagger.int8.onnx", weight_type=QuantType.QInt8)
so = ort.SessionOptions()
so.intra_op_num_threads = 1
sess = ort.InferenceSession("/tmp/srctag/tagger.int8.onnx", so, providers=["CPUExecutionProvider"])


def _run_int8(ids):
    x = np.array([ids], dtype=np.int64)
    z = sess.run(None, {"ids": x, "mask": np.ones_like(x)})[0]
    return (1 / (1 + np.exp(-z)))[0]


def encode(text):
    return windowed_encode(tok, text, _run_int8)


texts = [
    p.read_text(encoding="utf-8")
    for p in sorted((default_data_dir() / "ptc" / "dev-articles").glob("*.txt"))[:20]
]
encode(texts[0])
w, c = time.perf_counter(), time.process_time()
for t in texts:
    encode(t)
print(
    f"tagger onnx int8 (1 thread): {50 * (time.perf_counter() - w):.0f} ms wall, "
    f"{50 * (time.process_time() - c):.0f} ms CPU per article",
    flush=True,
)
arts = read_polnear(str(default_data_dir() / "polnear"), "dev")
docs = parsed("dev", arts)
ps = [tagger_word_probs(d, encode(a.text)) for d, a in zip(docs, arts, strict=False)]
keep = [np.array([not tk.is_space for tk in d]) for d in docs]
y = np.concatenate([word_labels(d, a)[k] for d, a, k in zip(docs, arts, keep, strict=False)])
p = np.concatenate([x[k] for x, k in zip(ps, keep, strict=False)])
print(
    "tagger onnx int8 dev AP",
    [round(average_precision_score(y[:, j], p[:, j]), 3) for j in range(3)],
    flush=True,
)
