"""The role model of the actors stage: mention contexts, the mention encoder, the classifiers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._actors_roles import (
    FINE_ROLES,
    MAIN_ROLES,
    MentionEncoder,
    RoleModel,
    load_mention_encoder,
    load_role_model,
    mention_contexts,
)
from unspin.components.parse import load_spacy
from unspin.errors import ModelError

TEXT = ("The harbour master Ann Cole rescued the fishermen after the storm. "
        "Red Jack and his crew robbed the town and Ann Cole called the police. "
        "Nobody knew where Red Jack went.")


@pytest.fixture(scope="module")
def sdoc():
    return load_spacy()(TEXT)


def _spans(name: str) -> list[tuple[int, int]]:
    out, at = [], TEXT.find(name)
    while at >= 0:
        out.append((at, at + len(name)))
        at = TEXT.find(name, at + 1)
    return out


def test_contexts_are_the_mentions_sentences(sdoc) -> None:
    spans = _spans("Ann Cole") + _spans("Red Jack")
    contexts = mention_contexts(sdoc, spans)
    assert all(c is not None for c in contexts)
    for (start, end), (left, right) in zip(spans, contexts, strict=True):
        assert left <= start < end <= right
        assert TEXT[left:right].strip().endswith(".")
    # the second "Ann Cole" and the first "Red Jack" share one sentence
    assert contexts[1] == contexts[2]


def test_a_very_long_sentence_is_cut_around_the_mention() -> None:
    long = "The council met, " + "and the council talked, " * 60 + "and then Mara Lind resigned."
    doc = load_spacy()(long)
    start = long.index("Mara Lind")
    [context] = mention_contexts(doc, [(start, start + len("Mara Lind"))])
    assert context is not None
    left, right = context
    assert left <= start and right >= start + len("Mara Lind")
    assert right - left < len(long) / 2


def test_each_sentence_is_encoded_once_and_mentions_get_their_own_vectors(sdoc, monkeypatch) -> None:
    encoder = load_mention_encoder()
    spans = _spans("Ann Cole") + _spans("Red Jack")
    contexts = mention_contexts(sdoc, spans)
    seen: list[int] = []
    run = encoder.session.run

    def counting_run(names, feeds):
        seen.append(feeds["input_ids"].shape[0])
        return run(names, feeds)

    monkeypatch.setattr(encoder.session, "run", counting_run)
    vectors = encoder.encode(TEXT, spans, contexts)
    assert sum(seen) == len(set(contexts)) == 3
    assert vectors.shape == (4, encoder.dim) and not np.isnan(vectors).any()
    # two names in one sentence: different tokens, different vectors
    assert not np.allclose(vectors[1], vectors[2])
    # a mention's vector does not depend on what else is in the batch
    alone = encoder.encode(TEXT, spans[:1], contexts[:1])
    np.testing.assert_allclose(alone[0], vectors[0], atol=1e-4)


def test_unaligned_mentions_get_nan_and_are_ignored_by_the_model(sdoc) -> None:
    encoder = load_mention_encoder()
    vectors = encoder.encode(TEXT, [(0, 3)], [None])
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
    with pytest.raises(ModelError, match="evaluate-roles"):
        MentionEncoder(tmp_path)
    with pytest.raises(ModelError, match="evaluate-roles --save"):
        load_role_model(str(tmp_path / "roles.npz"))


def test_shipped_classifiers_fit_the_shipped_encoder() -> None:
    model = load_role_model()
    assert model.mean.shape == (load_mention_encoder().dim,)
    assert set(model.fine_labels) <= {f for fine in FINE_ROLES.values() for f in fine}
