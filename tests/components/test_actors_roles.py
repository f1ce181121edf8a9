"""The role model of the actors stage: mention vectors from the technique encoder, the classifiers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._actors_roles import (
    FINE_ROLES,
    MAIN_ROLES,
    RoleModel,
    load_role_model,
    mention_vectors,
    technique_states,
)
from unspin.components.techniques import STATES_KEY, Encoded, make_techniques
from unspin.doc import Article, Document
from unspin.errors import ModelError

TEXT = ("The harbour master Ann Cole rescued the fishermen after the storm. "
        "Red Jack and his crew robbed the town and Ann Cole called the police. "
        "Nobody knew where Red Jack went.")


def _spans(name: str) -> list[tuple[int, int]]:
    out, at = [], TEXT.find(name)
    while at >= 0:
        out.append((at, at + len(name)))
        at = TEXT.find(name, at + 1)
    return out


def test_roles_reuse_the_states_the_techniques_stage_left() -> None:
    doc = make_techniques()(Document(Article(id="t", text=TEXT)))
    left = doc.cache[STATES_KEY]
    assert isinstance(left, Encoded) and left.text == TEXT
    assert technique_states(doc) is left


def test_without_the_techniques_stage_the_article_is_encoded_once_here() -> None:
    doc = Document(Article(id="t", text=TEXT))
    first = technique_states(doc)
    assert technique_states(doc) is first
    stage_states = make_techniques()(Document(Article(id="u", text=TEXT))).cache[STATES_KEY]
    np.testing.assert_allclose(first.hidden, stage_states.hidden, atol=1e-5)


def test_mentions_get_their_own_vectors() -> None:
    encoded = technique_states(Document(Article(id="t", text=TEXT)))
    spans = _spans("Ann Cole") + _spans("Red Jack")
    vectors = mention_vectors(encoded, spans)
    assert vectors.shape == (4, encoded.hidden.shape[1]) and not np.isnan(vectors).any()
    # two names in one sentence: different tokens, different vectors
    assert not np.allclose(vectors[1], vectors[2])
    # a mention's vector is the mean state of its own tokens
    a, b = encoded.token_range(*spans[0])
    np.testing.assert_allclose(vectors[0], encoded.hidden[a:b].mean(axis=0), rtol=1e-6)


def test_mentions_without_tokens_get_nan_and_are_ignored_by_the_model() -> None:
    encoded = technique_states(Document(Article(id="t", text=TEXT)))
    vectors = mention_vectors(encoded, [(3, 3)])
    assert np.isnan(vectors).all()
    role, fine, score = load_role_model().predict(vectors)
    assert role in MAIN_ROLES and fine in FINE_ROLES[role] and 0.0 < score <= 1.0


def _toy_model(dim: int = 4) -> RoleModel:
    main_w = np.zeros((dim, 3), dtype=np.float32)
    main_w[0, 0] = main_w[1, 1] = main_w[2, 2] = 5.0
    fine_labels = ("corrupt", "guardian", "victim")
    fine_w = np.zeros((dim, 3), dtype=np.float32)
    fine_w[0, 1] = fine_w[1, 0] = fine_w[2, 2] = 5.0
    return RoleModel(np.zeros(dim, np.float32), np.ones(dim, np.float32), main_w, np.zeros(3, np.float32),
                     fine_labels, fine_w, np.zeros(3, np.float32))


def test_model_averages_mentions_and_keeps_the_fine_role_within_the_main_role() -> None:
    model = _toy_model()
    role, fine, score = model.predict(np.array([[1, 0, 0, 0], [0.6, 0.4, 0, 0]], dtype=np.float32))
    assert role == "protagonist" and fine == "guardian" and score > 0.5
    # fine probabilities favour "corrupt", but the main role is innocent: its fine role is chosen
    main = np.array([0.1, 0.2, 0.7])
    assert model.decide(main, np.array([0.8, 0.1, 0.1])) == ("innocent", "victim", 0.7)


def test_missing_model_files_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="evaluate-roles --save"):
        load_role_model(str(tmp_path / "roles.npz"))


def test_shipped_classifiers_fit_the_technique_encoder() -> None:
    model = load_role_model()
    encoded = technique_states(Document(Article(id="t", text=TEXT)))
    assert model.mean.shape == (encoded.hidden.shape[1],)
    assert set(model.fine_labels) <= {f for fine in FINE_ROLES.values() for f in fine}
