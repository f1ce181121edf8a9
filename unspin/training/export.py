"""Exporting a fine-tuned torch encoder to ONNX and its dynamic int8 twin (needs the train extra)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

__all__ = ["detach_word_embeddings", "export_onnx_int8"]


def export_onnx_int8(model: Any, fp32: Path, int8: Path, outputs: dict[str, dict[int, str]]) -> None:
    """Write ``model`` (``input_ids``, ``attention_mask`` -> ``outputs``) to ``fp32``, then ``int8``.

    ``outputs`` maps each output name to its dynamic axes (e.g. ``{"hidden": {0: "batch", 1:
    "seq"}}``). The model is put in eval mode first, or dropout stays in the graph; weights are
    quantised per channel, which keeps MiniLM's token states close to fp32 (cosine 0.99).
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}, **outputs}
    # The TorchScript exporter needs only onnx (the dynamo one needs onnxscript); it warns that
    # it is legacy, and the tracer warns about shape-dependent branches in the encoder.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", torch.jit.TracerWarning)
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(model, (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=list(outputs), opset_version=17, dynamo=False, dynamic_axes=axes)
    quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8)


def detach_word_embeddings(path: Path, shared: Path) -> None:
    """Take the word-embedding matrix out of the int8 graph at ``path`` (rewritten in place): the
    graph then reads it from three inputs (``unspin.components._onnx.EMBEDDING_INPUTS``), which
    the runtime feeds from ``shared``. The matrix must be the one in ``shared`` (a model fine-tuned
    with its word embeddings frozen); ``shared`` is written when it does not exist yet.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    from unspin.components._onnx import EMBEDDING_INPUTS
    from unspin.errors import ModelError

    model = onnx.load(str(path))
    found = {i.name: i for i in model.graph.initializer if i.name in EMBEDDING_INPUTS}
    if len(found) != len(EMBEDDING_INPUTS):
        raise ModelError(f"{path} has no int8 word-embedding matrix to detach", source=str(path))
    arrays = {name.rsplit(".", 1)[-1]: numpy_helper.to_array(found[name]) for name in EMBEDDING_INPUTS}
    if shared.is_file():
        with np.load(shared) as data:
            if any(not np.array_equal(data[k], v) for k, v in arrays.items()):
                raise ModelError(f"the word embeddings of {path} differ from the shared ones in {shared}: "
                                 "train with the word embeddings frozen", source=str(path))
    else:
        shared.parent.mkdir(parents=True, exist_ok=True)
        np.savez(shared, **arrays)
    for name in EMBEDDING_INPUTS:
        model.graph.initializer.remove(found[name])
        tensor = found[name]
        model.graph.input.append(helper.make_tensor_value_info(name, tensor.data_type, list(tensor.dims)))
    onnx.save(model, str(path))
