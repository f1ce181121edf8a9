"""Loading the ONNX encoders that ship with unspin: one way to open a session and a tokenizer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["load_tokenizer", "onnx_session"]


def onnx_session(path: Path) -> Any:
    """An onnxruntime CPU session that runs on one thread per call.

    unspin gets its parallelism by running calls side by side (windows, sentences), which keeps
    int8 outputs independent of what else is in a batch; idle threads never spin, so they leave
    the cores to other work and other processes. Raises the loader's own errors (``OSError``,
    ``RuntimeError``...): each caller turns them into a ``ModelError`` that names its model.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def load_tokenizer(path: Path, *, max_tokens: int | None = None) -> Any:
    """A ``tokenizers`` tokenizer without padding, truncated at ``max_tokens`` when given."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    if max_tokens is None:
        tokenizer.no_truncation()
    else:
        tokenizer.enable_truncation(max_tokens)
    return tokenizer
