"""The shared word embeddings of the claims encoder and the quotes tagger."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._onnx import EMBEDDING_INPUTS, onnx_session, shared_word_embeddings

MODELS = Path(__file__).resolve().parents[2] / "unspin" / "models"


def test_the_shared_matrix_is_one_int8_table_for_the_whole_vocabulary() -> None:
    shared = shared_word_embeddings()
    assert list(shared) == list(EMBEDDING_INPUTS)
    values, scale, zero = (shared[name] for name in EMBEDDING_INPUTS)
    assert values.shape == (30522, 384) and values.dtype == np.uint8
    assert scale.shape == () and zero.dtype == np.uint8


@pytest.mark.parametrize("graph", ["claims/encoder.onnx", "quotes/tagger.onnx"])
def test_the_graphs_that_share_it_take_it_as_inputs_the_session_feeds(graph: str) -> None:
    import onnxruntime as ort

    raw = ort.InferenceSession(str(MODELS / graph), providers=["CPUExecutionProvider"])
    assert [i.name for i in raw.get_inputs()] == ["input_ids", "attention_mask", *EMBEDDING_INPUTS]
    session = onnx_session(MODELS / graph)
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask"]
    row = np.array([[101, 1996, 3242, 2001, 2701, 1012, 102]], dtype=np.int64)
    first = session.run(None, {"input_ids": row, "attention_mask": np.ones_like(row)})[0]
    again = session.run(None, {"input_ids": row, "attention_mask": np.ones_like(row)})[0]
    assert np.isfinite(first).all() and np.array_equal(first, again)


def test_the_technique_encoder_keeps_its_own_matrix() -> None:
    session = onnx_session(MODELS / "techniques" / "model.onnx")
    assert [i.name for i in session.get_inputs()] == ["input_ids", "attention_mask"]


def test_a_graph_whose_embeddings_moved_in_training_is_not_detached(tmp_path: Path) -> None:
    pytest.importorskip("onnx")
    from unspin.components._onnx import SHARED_EMBEDDINGS
    from unspin.errors import ModelError
    from unspin.training.export import detach_word_embeddings

    copy = tmp_path / "model.onnx"
    copy.write_bytes((MODELS / "techniques" / "model.onnx").read_bytes())
    with pytest.raises(ModelError, match="frozen"):
        detach_word_embeddings(copy, SHARED_EMBEDDINGS)
    assert copy.read_bytes() == (MODELS / "techniques" / "model.onnx").read_bytes()
