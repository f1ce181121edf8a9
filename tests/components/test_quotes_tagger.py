"""The attribution tagger: its files, its reading of word pieces, and the features it adds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.components._quotes_tagger import (
    PROBE_KEY,
    TAGGER_FILE,
    TOKENIZER_FILE,
    ensure_tagger,
    load_tagger,
    probe_bin,
    word_probabilities,
)

TEXT = "Ann Cole said the harbour bridge is unsafe."


def test_a_word_takes_the_highest_probabilities_of_its_word_pieces() -> None:
    from unspin.components.parse import load_spacy

    sdoc = load_spacy()(TEXT)
    # "Cole" is two word pieces ("Co", "le"); "unsafe." has none for its full stop
    pieces = np.array([(0, 3), (4, 6), (6, 8), (9, 13), (14, 17), (18, 25), (26, 32), (33, 35), (36, 42)])
    probs = np.random.default_rng(1).uniform(size=(len(pieces), 3)).astype(np.float32)
    words = word_probabilities(sdoc, pieces, probs)
    assert words.shape == (len(sdoc), 3)
    assert [t.text for t in sdoc][:2] == ["Ann", "Cole"]
    assert np.allclose(words[1], probs[1:3].max(axis=0))
    assert np.allclose(words[0], probs[0])
    assert np.allclose(words[-1], 0.0), "the full stop has no word piece"
    assert word_probabilities(sdoc, pieces[:0], probs[:0]).shape == (len(sdoc), 3)


def test_probe_bins_cover_zero_to_one() -> None:
    bins = [probe_bin(p) for p in (0.0, 0.05, 0.2, 0.4, 0.6, 0.8, 0.99)]
    assert bins == ["0", "1", "2", "3", "4", "5", "6"]


def test_the_shipped_tagger_tells_a_speaker_from_what_was_said() -> None:
    from unspin.components.parse import load_spacy

    text = "Ann Cole said the ferry fares are far too high. “They must fall,” she added."
    sdoc = load_spacy()(text)
    ensure_tagger(sdoc)
    probs = sdoc.user_data[PROBE_KEY]
    assert probs.shape == (len(sdoc), 3) and ((probs >= 0) & (probs <= 1)).all()
    word = {t.text: t.i for t in sdoc}
    assert probs[word["Cole"], 0] > 0.5 > probs[word["fares"], 0], "the speaker's name is a source"
    assert probs[word["said"], 1] > 0.5 > probs[word["fares"], 1], "the verb of saying is the cue"
    assert probs[word["fares"], 2] > 0.5 > probs[word["Cole"], 2], "what she said is the content"
    assert probs[word["fall"], 2] > 0.5
    before = probs.copy()
    ensure_tagger(sdoc)  # probabilities already there are kept
    assert sdoc.user_data[PROBE_KEY] is not None and np.array_equal(sdoc.user_data[PROBE_KEY], before)


def test_a_long_text_is_read_in_windows_and_every_piece_gets_probabilities() -> None:
    tagger = load_tagger()
    sentence = "The minister said the harbour bridge would reopen in May after repairs. "
    text = sentence * 60  # about 900 word pieces: four windows
    offsets, probs = tagger.token_probabilities(text)
    assert len(offsets) > 600 and probs.shape == (len(offsets), 3)
    assert (probs.max(axis=1) > 0).all(), "no piece is left without a window"
    said = [i for i, (a, b) in enumerate(offsets) if text[a:b] == "said"]
    assert min(probs[said, 1]) > 0.5, "each window finds its cue"
    assert tagger.token_probabilities("")[1].shape == (0, 3)


def test_probe_features_speak_for_a_candidate_but_its_silence_is_no_evidence() -> None:
    from unspin.components._quotes_speakers import speaker_candidates
    from unspin.components.parse import load_spacy

    sdoc = load_spacy()(TEXT)
    said = next(t for t in sdoc if t.text == "said")
    quote = TEXT.index("the harbour"), len(TEXT) - 1
    sents = list(sdoc.sents)

    def cole_features() -> list[str]:
        found = speaker_candidates(sdoc, *quote, "reported", said, None, {}, [False] * len(sdoc),
                                   [0] * len(sdoc), sents, {})
        return [f for c in found if c.token.text == "Cole" for f in c.features if f.startswith("probe_")]

    assert cole_features() == [], "no probabilities, no features"
    probs = np.zeros((len(sdoc), 3), np.float32)
    probs[:, 0] = 0.6
    sdoc.user_data[PROBE_KEY] = probs
    assert sorted(cole_features()) == ["probe_src=4", "probe_src_np=4", "probe_src|pos=4|PROPN"]
    sdoc.user_data[PROBE_KEY] = np.full((len(sdoc), 3), 0.01, np.float32)
    assert cole_features() == [], "a source the tagger does not see is left to the parse"


def test_cue_and_quote_features_read_the_tagger() -> None:
    from unspin.components._quotes_features import cue_features
    from unspin.components.parse import load_spacy

    sdoc = load_spacy()(TEXT)
    said = next(t for t in sdoc if t.text == "said")
    assert not [f for f in cue_features(said, [False] * len(sdoc)) if f.startswith("tag_")]
    sdoc.user_data[PROBE_KEY] = np.full((len(sdoc), 3), 0.9, np.float32)
    assert {"tag_cue=6", "tag_cue|inq=6|False"} <= set(cue_features(said, [False] * len(sdoc)))


@pytest.mark.parametrize("missing", [TAGGER_FILE, TOKENIZER_FILE])
def test_a_missing_tagger_file_is_one_clear_error(tmp_path: Path, missing: str) -> None:
    from unspin.components._quotes_tagger import AttributionTagger
    from unspin.errors import ModelError

    folder = tmp_path / "tagger"
    folder.mkdir()
    models = Path(__file__).resolve().parents[2] / "unspin" / "models" / "quotes"
    for name in (TAGGER_FILE, TOKENIZER_FILE):
        if name != missing:
            (folder / name).write_bytes((models / name).read_bytes())
    with pytest.raises(ModelError, match="attribution tagger") as caught:
        AttributionTagger(folder)
    assert "unspin train-quotes" in str(caught.value)
