"""Loading the ONNX encoders that ship with unspin: one way to open a session and a tokenizer.

The claims encoder and the quotes stage's attribution tagger are both all-MiniLM-L6-v2 fine-tuned
with the word-embedding matrix left as pretrained, so their int8 matrices are the same bytes
(11.7 MB each). It ships once, in ``models/shared/word_embeddings.npz``; their graphs take it as
three inputs (``EMBEDDING_INPUTS``), which ``onnx_session`` feeds on every run
(``unspin.training.export.detach_word_embeddings`` makes such a graph). The technique encoder,
whose embeddings were fine-tuned, keeps its own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from unspin.errors import ModelError

__all__ = ["EMBEDDING_INPUTS", "SHARED_EMBEDDINGS", "load_tokenizer", "onnx_session",
           "shared_word_embeddings"]

#: The graph inputs of a detached word-embedding matrix: int8 values, scale, zero point.
EMBEDDING_INPUTS = ("encoder.embeddings.word_embeddings.weight_quantized",
                    "encoder.embeddings.word_embeddings.weight_scale",
                    "encoder.embeddings.word_embeddings.weight_zero_point")
SHARED_EMBEDDINGS = Path(__file__).resolve().parents[1] / "models" / "shared" / "word_embeddings.npz"


@lru_cache(maxsize=1)
def shared_word_embeddings() -> dict[str, Any]:
    """The shared word-embedding matrix as the graph inputs that take it (loaded once)."""
    import numpy as np

    try:
        with np.load(SHARED_EMBEDDINGS) as data:
            return {name: data[name.rsplit(".", 1)[-1]] for name in EMBEDDING_INPUTS}
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the shared word embeddings {str(SHARED_EMBEDDINGS)!r} ({exc}); "
                         "reinstall unspin") from None


class _Session:
    """An onnxruntime session that feeds the shared word embeddings to a graph that takes them."""

    def __init__(self, session: Any) -> None:
        self._session = session
        names = {i.name for i in session.get_inputs()}
        self._shared = shared_word_embeddings() if EMBEDDING_INPUTS[0] in names else {}

    def get_inputs(self) -> list[Any]:
        """The graph's own inputs (ids, mask), without the shared matrix."""
        return [i for i in self._session.get_inputs() if i.name not in EMBEDDING_INPUTS]

    def run(self, outputs: Any, feed: dict[str, Any]) -> Any:
        return self._session.run(outputs, {**feed, **self._shared} if self._shared else feed)


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
    return _Session(ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"]))


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
