"""Exporting a fine-tuned torch encoder to ONNX and its dynamic int8 twin (needs the train extra)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

__all__ = ["export_onnx_int8"]


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
