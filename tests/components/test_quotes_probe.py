"""The attribution probe: its file, its reading of encoder tokens, and the features it adds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._quotes_probe import (
    PROBE_KEY,
    AttributionProbe,
    attach_probe,
    load_probe,
    probe_bin,
    word_probabilities,
)
from unspin.components.techniques import Encoded

TEXT = "Ann Cole said the harbour bridge is unsafe."


def _probe(width: int, seed: int = 0) -> AttributionProbe:
    rng = np.random.default_rng(seed)
    return AttributionProbe(np.zeros(width, np.float32), np.ones(width, np.float32),
                            rng.normal(size=(width, 5)).astype(np.float32), np.zeros(5, np.float32),
                            rng.normal(size=(5, 3)).astype(np.float32), np.zeros(3, np.float32))


def _encoded(text: str, pieces: list[tuple[int, int]], hidden: int = 4) -> Encoded:
    rng = np.random.default_rng(1)
    return Encoded(text=text, offsets=np.array(pieces, dtype=np.int64), word_ids=list(range(len(pieces))),
                   hidden=rng.normal(size=(len(pieces), hidden)).astype(np.float32),
                   probs=np.zeros((len(pieces), 15), np.float32))


def test_probe_file_round_trip_gives_the_same_probabilities(tmp_path: Path) -> None:
    probe = _probe(4)
    probe.save(tmp_path / "probe.npz")
    loaded = load_probe(str(tmp_path / "probe.npz"))
    states = np.random.default_rng(2).normal(size=(6, 4)).astype(np.float32)
    p = loaded.token_probabilities(states)
    assert p.shape == (6, 3) and ((p > 0) & (p < 1)).all()
    assert np.allclose(p, probe.token_probabilities(states))
    probe.save(tmp_path / "again.npz")
    assert (tmp_path / "again.npz").read_bytes() == (tmp_path / "probe.npz").read_bytes()
    assert probe.token_probabilities(states[:0]).shape == (0, 3)


def test_a_word_takes_the_highest_probabilities_of_its_encoder_tokens() -> None:
    from unspin.components.parse import load_spacy

    sdoc = load_spacy()(TEXT)
    # "Cole" is two encoder tokens ("Co", "le"); "unsafe." has none for its full stop
    pieces = [(0, 3), (4, 6), (6, 8), (9, 13), (14, 17), (18, 25), (26, 32), (33, 35), (36, 42)]
    encoded = _encoded(TEXT, pieces)
    probe = _probe(4)
    token_p = probe.token_probabilities(encoded.hidden)
    words = word_probabilities(sdoc, encoded, probe)
    assert words.shape == (len(sdoc), 3)
    assert [t.text for t in sdoc][:2] == ["Ann", "Cole"]
    assert np.allclose(words[1], token_p[1:3].max(axis=0))
    assert np.allclose(words[0], token_p[0])
    assert np.allclose(words[-1], 0.0), "the full stop has no encoder token"


def test_probe_bins_cover_zero_to_one() -> None:
    bins = [probe_bin(p) for p in (0.0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.99)]
    assert bins == ["0", "1", "2", "3", "4", "5", "6"]


def _constant_probe(width: int, source: float) -> AttributionProbe:
    """A probe that gives every token the same source probability (cue and content 0.5)."""
    logit = float(np.log(source / (1.0 - source)))
    return AttributionProbe(np.zeros(width, np.float32), np.ones(width, np.float32),
                            np.zeros((width, 5), np.float32), np.zeros(5, np.float32),
                            np.zeros((5, 3), np.float32), np.array([logit, 0.0, 0.0], np.float32))


def test_probe_features_speak_for_a_candidate_but_its_silence_is_no_evidence() -> None:
    from unspin.components._quotes_speakers import speaker_candidates
    from unspin.components.parse import load_spacy

    sdoc = load_spacy()(TEXT)
    said = next(t for t in sdoc if t.text == "said")
    quote = TEXT.index("the harbour"), len(TEXT) - 1
    sents = list(sdoc.sents)
    pieces = [(t.idx, t.idx + len(t.text)) for t in sdoc]

    def cole_features() -> list[str]:
        found = speaker_candidates(sdoc, *quote, "reported", said, None, {}, [False] * len(sdoc),
                                   [0] * len(sdoc), sents, {})
        return [f for c in found if c.token.text == "Cole" for f in c.features if f.startswith("probe_")]

    assert cole_features() == [], "no probabilities, no features"
    attach_probe(sdoc, _encoded(TEXT, pieces), _constant_probe(4, 0.6))
    assert sdoc.user_data[PROBE_KEY].shape == (len(sdoc), 3)
    assert sorted(cole_features()) == ["probe_src=4", "probe_src_np=4", "probe_src|pos=4|PROPN"]
    attach_probe(sdoc, _encoded(TEXT, pieces), _constant_probe(4, 0.01))
    assert cole_features() == [], "a source the probe does not see is left to the parse"


def test_a_missing_probe_file_is_one_clear_error(tmp_path: Path) -> None:
    from unspin.errors import ModelError

    with pytest.raises(ModelError, match="attribution probe"):
        load_probe(str(tmp_path / "none.npz"))
