"""The role model of the actors stage: mention vectors from the technique encoder, the classifiers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin import load
from unspin.components._actors_roles import (
    FINE_ROLES,
    LEGACY_MIN_SCORE,
    MAIN_ROLES,
    RoleModel,
    load_role_model,
    mention_vectors,
)
from unspin.components.techniques import STATES_KEY, Encoded, make_techniques, technique_states
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
    assert model.mean.shape == (encoded.hidden.shape[1] + 1,), "the encoder state, then harmed"
    assert model.features_after(encoded.hidden.shape[1]) == 1
    assert set(model.fine_labels) <= {f for fine in FINE_ROLES.values() for f in fine}


def test_harmed_is_what_a_verb_of_violence_is_done_to() -> None:
    from unspin.components._actors_roles import harmed
    from unspin.components.parse import make_parser

    text = ("Police shot Ann Cole on Monday. Tom Reyes attacked the plan. Troops launched attacks "
            "on Leeds, and Cole was later wounded. Police arrested Lee Park.")
    sdoc = make_parser()(Document(Article(id="t", text=text))).cache["spacy"]

    def at(word: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return start, start + len(word)

    assert harmed(sdoc, [at("Ann Cole")]) == 1.0  # the object of "shot"
    assert harmed(sdoc, [at("Tom Reyes")]) == 0.0  # the one who attacks
    assert harmed(sdoc, [at("Leeds")]) == 1.0  # "attacks on Leeds"
    assert harmed(sdoc, [at("Cole", 1)]) == 1.0  # "Cole was wounded"
    assert harmed(sdoc, [at("Lee Park")]) == 0.0  # a suspect arrested is no victim
    assert harmed(sdoc, []) == 0.0


def test_a_role_file_without_actor_features_still_reads_the_state_alone() -> None:
    model = _toy_model()
    width = model.mean.shape[0]
    assert model.features_after(width) == 0
    vectors = np.zeros((2, width), dtype=np.float32)
    assert model.predict(vectors) == model.predict(vectors, ())


def test_a_role_is_shown_when_it_reaches_its_own_threshold() -> None:
    model = _toy_model()
    model.thresholds = np.array([0.5, 0.9, 0.3], dtype=np.float32)
    fine = np.array([0.2, 0.3, 0.5])
    # antagonist is likeliest but below its 0.9; innocent clears its 0.3
    assert model.decide_shown(np.array([0.1, 0.55, 0.35]), fine) == ("innocent", "victim", 0.35)
    assert model.decide(np.array([0.1, 0.55, 0.35]), fine)[0] == "antagonist"
    # two roles clear their thresholds: the one furthest above it wins
    assert model.decide_shown(np.array([0.55, 0.0, 0.45]), fine)[0] == "innocent"
    assert model.decide_shown(np.array([0.05, 0.93, 0.02]), fine)[0] == "antagonist"
    assert model.decide_shown(np.array([0.3, 0.5, 0.2]), fine) is None
    vectors = np.array([[0.0, 2.0, 0.0, 0.0]], dtype=np.float32)
    assert model.predict(vectors)[0] == "antagonist"
    shown = model.predict_shown(vectors)
    assert shown is not None and shown[0] == "antagonist" and shown[2] >= 0.9


def _save(model: RoleModel, path: Path, thresholds: bool = True) -> None:
    arrays = {"mean": model.mean, "scale": model.scale, "main_w": model.main_w, "main_b": model.main_b,
              "fine_labels": np.array(model.fine_labels), "fine_w": model.fine_w, "fine_b": model.fine_b}
    if thresholds:
        arrays["thresholds"] = model.thresholds
    np.savez(path, **arrays)


def test_role_files_without_thresholds_keep_the_old_single_threshold(tmp_path: Path) -> None:
    _save(_toy_model(), tmp_path / "old.npz", thresholds=False)
    loaded = load_role_model(str(tmp_path / "old.npz"))
    np.testing.assert_allclose(loaded.thresholds, [LEGACY_MIN_SCORE] * 3, rtol=1e-6)
    bad = _toy_model()
    bad.thresholds = np.array([0.5, 0.5], dtype=np.float32)
    _save(bad, tmp_path / "bad.npz")
    with pytest.raises(ModelError, match="2 thresholds for 3 roles"):
        load_role_model(str(tmp_path / "bad.npz"))


def test_shipped_thresholds_ask_more_of_the_common_role() -> None:
    thresholds = load_role_model().thresholds
    assert thresholds.shape == (3,) and ((thresholds > 0.0) & (thresholds <= 1.01)).all()
    # antagonist is 70 % of the training mentions: showing it takes more than a rare role
    antagonist = MAIN_ROLES.index("antagonist")
    assert thresholds[antagonist] > min(t for i, t in enumerate(thresholds) if i != antagonist)


def test_the_actors_stage_shows_roles_by_the_model_thresholds(tmp_path: Path) -> None:
    model = load_role_model()
    for name, value in (("never", 1.01), ("always", 0.0)):
        (tmp_path / name).mkdir()
        copy = RoleModel(model.mean, model.scale, model.main_w, model.main_b, model.fine_labels,
                         model.fine_w, model.fine_b, np.full(3, value, dtype=np.float32))
        _save(copy, tmp_path / name / "roles.npz")
    never = load(components=["parse", "actors"], config={"actors": {"model": str(tmp_path / "never")}})
    doc = never(Article(id="t", text=TEXT))
    assert doc.actors and all(a.role is None and a.role_score is None for a in doc.actors)
    always = load(components=["parse", "actors"], config={"actors": {"model": str(tmp_path / "always")}})
    doc = always(Article(id="t", text=TEXT))
    assert doc.actors and all(a.role in MAIN_ROLES and a.fine_role in FINE_ROLES[a.role] for a in doc.actors)
    # a single min_role_score still overrides the model's thresholds
    forced = load(components=["parse", "actors"],
                  config={"actors": {"model": str(tmp_path / "never"), "min_role_score": 0.0}})
    assert all(a.role in MAIN_ROLES for a in forced(Article(id="t", text=TEXT)).actors)


def test_actor_features_follow_the_averaged_state() -> None:
    model = _toy_model()  # width 4: a state of 3, then one actor feature
    model.main_w[3, 2] = 9.0  # the feature pulls towards innocent
    vectors = np.array([[0, 0, 0], [0, 0, 0]], dtype=np.float32)
    assert model.features_after(3) == 1
    assert model.predict(vectors, (1.0,))[0] == "innocent"
    assert model.predict(vectors, (0.0,))[0] != "innocent"
