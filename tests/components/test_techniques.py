"""The trained technique detector: decoding helpers, the shipped model, and its contract."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import numpy as np
import pytest

from unspin.components.techniques import (
    Techniques,
    decode_runs,
    default_model_dir,
    make_techniques,
    sentence_windows,
    span_features,
    split_at_blank_lines,
    stitch_cores,
    token_windows,
    trim_fragment,
)
from unspin.doc import Article, Document
from unspin.errors import ConfigError, ModelError
from unspin.pipeline import load
from unspin.taxonomy import TECHNIQUE_IDS, label_of

TEXT = (
    "The so-called experts at City Hall have betrayed every family in this town. These corrupt "
    "bureaucrats want to destroy our neighbourhoods, and anyone who disagrees is silenced. "
    "Take back our streets! The council met on Tuesday to discuss the budget, which rose by "
    "four percent. Either we stop this plan now or our children will have no future at all. "
    "Take back our streets!"
)


@pytest.fixture(scope="module")
def detector() -> Techniques:
    if not (default_model_dir() / "model.onnx").is_file():
        pytest.skip("the technique model is not in unspin/models/techniques")
    return make_techniques()


def test_windows_cover_every_token_once_in_the_cores() -> None:
    for n in (1, 5, 254, 255, 600, 1001):
        windows = token_windows(n, 254, 192)
        assert windows[0][0] == 0 and windows[-1][1] == n
        assert all(b - a <= 254 for a, b in windows)
        cores = stitch_cores(windows)
        covered = [i for lo, hi in cores for i in range(lo, hi)]
        assert covered == list(range(n))
        assert all(a <= lo <= hi <= b for (a, b), (lo, hi) in zip(windows, cores, strict=True))


def test_bad_window_settings_raise_config_error() -> None:
    with pytest.raises(ConfigError, match="stride"):
        token_windows(10, 8, 0)
    with pytest.raises(ConfigError, match="slack"):
        sentence_windows("a b", np.array([(0, 1), (2, 3)]), 8, 6, 8)


def _word_offsets(text: str) -> np.ndarray:
    return np.array([(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)])


def test_sentence_windows_end_where_a_sentence_ends() -> None:
    text = " ".join(f"Sentence {i} runs on and on and on." for i in range(40))  # 9 tokens each
    offsets = _word_offsets(text)
    windows = sentence_windows(text, offsets, 40, 30, 12)
    assert windows[0][0] == 0 and windows[-1][1] == len(offsets)
    # every window but the last ends after a full stop and the next begins right there
    for (a, b), (c, _) in itertools.pairwise(windows):
        assert text[offsets[b - 1, 0]:offsets[b - 1, 1]] == "." and c == b
        assert 40 - 12 <= b - a <= 40
    assert stitch_cores(windows) == windows


def test_sentence_windows_read_every_token_once_whatever_the_text() -> None:
    rng = random.Random(7)
    pieces = ["a", "bb", "end.", "so!", "why?", "and…", "said.\u201d", "(x)", "\n", "it.'", "k"]
    for _ in range(300):
        text = ""
        for piece in (rng.choice(pieces) for _ in range(rng.randint(1, 700))):
            text += piece if piece == "\n" or not text else " " + piece
        offsets = _word_offsets(text)
        size = rng.choice([254, 40, 9])
        windows = sentence_windows(text, offsets, size, rng.randint(1, size), rng.randint(0, size - 1))
        assert windows[0][0] == 0 and windows[-1][1] == len(offsets)
        assert all(0 < b - a <= size for a, b in windows)
        assert all(a < c <= b for (a, b), (c, _) in itertools.pairwise(windows))
        cores = stitch_cores(windows)
        assert [i for lo, hi in cores for i in range(lo, hi)] == list(range(len(offsets)))


def test_sentence_windows_share_the_text_out_evenly() -> None:
    text = " ".join(f"Sentence {i} runs on and on and on." for i in range(30))  # 270 tokens
    offsets = _word_offsets(text)
    # two windows of 135 tokens, not one of 252 and a tail of 18 with little context
    assert sentence_windows(text, offsets, 254, 192, 64) == [(0, 135), (135, 270)]


def test_sentence_windows_also_end_at_a_line_break_or_a_closing_quote() -> None:
    text = "one two three four\nfive six seven eight nine.\u201d ten eleven twelve"
    offsets = _word_offsets(text)
    assert sentence_windows(text, offsets, 7, 5, 3) == [(0, 4), (4, 11), (11, 14)]


def test_a_sentence_longer_than_the_slack_falls_back_to_overlapping_windows() -> None:
    text = " ".join(f"w{i}" for i in range(600))  # no sentence end anywhere
    offsets = _word_offsets(text)
    assert sentence_windows(text, offsets, 254, 192, 64) == token_windows(600, 254, 192)
    cores = stitch_cores(sentence_windows(text, offsets, 254, 192, 64))
    assert [i for lo, hi in cores for i in range(lo, hi)] == list(range(600))


def test_decode_runs_widens_to_whole_words_and_merges() -> None:
    probs = np.array([0.1, 0.9, 0.2, 0.1, 0.8, 0.7, 0.1])
    word_ids = [0, 1, 1, 2, 3, 4, 5]
    assert decode_runs(probs, word_ids, 0.5) == [(1, 3), (4, 6)]
    assert decode_runs(probs, word_ids, 0.95) == []


def test_runs_are_cut_at_blank_lines_but_not_at_single_line_breaks() -> None:
    text = "Wake up now.\n\nStop it.\nRight now."
    offsets = np.array([(m.start(), m.end()) for m in re.finditer(r"\S+", text)])
    parts = split_at_blank_lines([(0, 7)], offsets, text)
    written = [text[offsets[a, 0]:offsets[b - 1, 1]] for a, b in parts]
    assert written == ["Wake up now.", "Stop it.\nRight now."]
    assert split_at_blank_lines([(3, 7)], offsets, text) == [(3, 7)]


def test_blank_lines_end_a_fragment_in_the_shipped_stage() -> None:
    from unspin.components.techniques import Techniques

    text = ("They are traitors, every last one of them, and they will burn the country down!\n\n"
            "Traitors! Cowards! Liars who hate freedom and hate you, the decent people of this land!")
    spans = Techniques().predict([text])[0]
    assert spans, "the model should flag this text"
    assert all("\n\n" not in text[s.start:s.end] for s in spans)


def test_decode_runs_keep_and_gap() -> None:
    probs = np.array([0.3, 0.35, 0.1, 0.3, 0.9, 0.1, 0.1, 0.1])
    word_ids = list(range(8))
    assert decode_runs(probs, word_ids, 0.25) == [(0, 2), (3, 5)]
    assert decode_runs(probs, word_ids, 0.25, keep=0.5) == [(3, 5)], "a run needs one sure token"
    assert decode_runs(probs, word_ids, 0.25, gap=1) == [(0, 5)], "runs one token apart join"


def test_trim_fragment_drops_stray_punctuation_but_keeps_closed_quotes() -> None:
    text = 'He said " is a betrayal, of all. "Take back our streets!" they chant.'
    start, end = trim_fragment(text, 8, 24)
    assert text[start:end] == "is a betrayal"
    q = text.index('"Take')
    assert trim_fragment(text, q, q + 24) == (q, q + 24)
    assert trim_fragment(text, 0, 1) == (0, 1)


def test_trim_fragment_keeps_hyphenated_words_whole() -> None:
    text = 'The so-called "plan" is a well-known scam - really.'
    called = text.index("called")
    assert text[slice(*trim_fragment(text, called, called + 6))] == "so-called"
    hyphen = text.index("-called")
    assert text[slice(*trim_fragment(text, hyphen, hyphen + 7))] == "so-called"
    known = text.index("known")
    assert text[slice(*trim_fragment(text, known - 7, known + 5))] == "a well-known"
    assert text[slice(*trim_fragment(text, known, known + 10))] == "well-known scam"
    dash = text.index(" - ")
    assert text[slice(*trim_fragment(text, dash - 4, dash))] == "scam", "a spaced dash joins nothing"
    unspaced = "中文" * 30
    assert trim_fragment(unspaced, 3, 5) == (3, 5), "a text without spaces is not one word"


def test_trim_fragment_drops_a_full_stop_but_not_an_abbreviation() -> None:
    for fragment, kept in (("without a public tender.", "without a public tender"),
                           ("sanctions by the U.S.", "sanctions by the U.S."),
                           ("the crony Mr.", "the crony Mr."), ("traitor John F.", "traitor John F.")):
        text = fragment + " Next sentence."
        assert text[slice(*trim_fragment(text, 0, len(fragment)))] == kept


def test_trim_fragment_drops_opening_and_closing_function_words() -> None:
    for fragment, kept in (("of reckless bureaucrats", "reckless bureaucrats"),
                           ("a betrayal of every family in", "a betrayal of every family"),
                           ('and the so-called "plan" of the', 'the so-called "plan"'),
                           ('of "traitors" and', '"traitors"'), ("of", "of")):
        text = fragment + " the town."
        assert text[slice(*trim_fragment(text, 0, len(fragment)))] == kept


def test_core_tokens_keep_the_words_strong_for_the_technique() -> None:
    from unspin.components.techniques import Encoded, core_tokens

    text = "so-called plan is a disgraceful betrayal of families"
    # tokens: so - called plan is a disgraceful betrayal of families; "so-called" is one word
    spans = [(0, 2), (2, 3), (3, 9), (10, 14), (15, 17), (18, 19), (20, 31), (32, 40), (41, 43), (44, 52)]
    k = TECHNIQUE_IDS.index("Loaded_Language")
    probs = np.zeros((len(spans), 15), np.float32)
    probs[:, 1 + k] = [0.02, 0.02, 0.01, 0.0, 0.0, 0.3, 0.9, 0.0, 0.0, 0.0]
    probs[1, 1 + k] = 0.2  # "-" of "so-called": the word stays whole
    encoded = Encoded(text, np.array(spans), [0, 0, 0, 1, 2, 3, 4, 5, 6, 7], np.zeros((10, 4)), probs)
    a, b = core_tokens(encoded, 0, len(spans), k, share=0.1)
    assert text[spans[a][0]:spans[b - 1][1]] == "so-called plan is a disgraceful"
    a, b = core_tokens(encoded, 3, len(spans), k, share=0.1)
    assert text[spans[a][0]:spans[b - 1][1]] == "a disgraceful"
    assert core_tokens(encoded, 6, 7, k) == (6, 7)  # one token: nothing to cut


def test_loaded_language_fragments_are_cut_to_their_core(detector: Techniques, monkeypatch) -> None:
    import unspin.components.techniques as techniques

    text = (Path(__file__).resolve().parents[2] / "examples" / "harbour-bridge.txt").read_text("utf-8")

    def loaded() -> list[str]:
        return [text[s.start:s.end] for s in detector.predict([text])[0] if s.technique == "Loaded_Language"]

    cut = loaded()
    monkeypatch.setattr(techniques, "CORE_TECHNIQUES", frozenset())
    whole = loaded()
    assert len(cut) == len(whole) and cut, "the example has loaded-language fragments"
    assert all(c in w for c, w in zip(cut, whole, strict=True))
    assert any(len(c) < len(w) for c, w in zip(cut, whole, strict=True))
    assert "a disgraceful betrayal" in cut


def test_span_features_see_recurrence() -> None:
    text = "Build the bridge. Nothing else. Build the bridge."
    first = span_features(text, 0, 16)
    second = span_features(text, 32, 48)
    single = span_features(text, 18, 30)
    assert first[2] > 0 and second[2] > 0 and single[2] == 0
    assert second[3] == 1.0 and first[3] == 0.0


def test_missing_model_raises_model_error_saying_what_to_do(tmp_path: Path) -> None:
    component = Techniques(model=tmp_path)
    with pytest.raises(ModelError, match="unspin train"):
        component.predict(["Some text."])


def test_min_score_out_of_range_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="min_score"):
        Techniques(min_score=1.5)


def test_spans_are_valid_scored_and_explained(detector: Techniques) -> None:
    spans = detector.predict([TEXT])[0]
    assert spans, "this text is full of loaded language; the model should find something"
    for s in spans:
        assert 0 <= s.start < s.end <= len(TEXT)
        assert s.technique in TECHNIQUE_IDS
        assert 0.0 <= s.score <= 1.0
        assert s.explanation.startswith(label_of(s.technique) + ":")
        assert "“the”" not in s.explanation and "“of”" not in s.explanation


def test_same_input_same_output(detector: Techniques) -> None:
    first = detector.predict([TEXT])[0]
    second = make_techniques().predict([TEXT])[0]
    assert first == second


def test_min_score_keeps_a_subset(detector: Techniques) -> None:
    every = detector.predict([TEXT])[0]
    cut = sorted(s.score for s in every)[len(every) // 2]
    strict = make_techniques(min_score=cut).predict([TEXT])[0]
    assert all(s.score >= cut for s in strict)
    assert {(s.start, s.end, s.technique) for s in strict} <= {
        (s.start, s.end, s.technique) for s in every}


def test_batched_pipe_matches_one_at_a_time(detector: Techniques) -> None:
    texts = [TEXT, "A quiet report on the weather.", TEXT[:120]]
    docs = [Document(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    piped = [d.techniques for d in detector.pipe(docs)]
    single = [detector(Document(Article(id="x", text=t))).techniques for t in texts]
    assert len(piped) == 3
    for a, b in zip(piped, single, strict=True):
        assert [(s.start, s.end, s.technique) for s in a] == [(s.start, s.end, s.technique) for s in b]
        np.testing.assert_allclose([s.score for s in a], [s.score for s in b], atol=1e-3)


def test_classify_names_a_technique_and_splits_duplicates(detector: Techniques) -> None:
    start = TEXT.index("corrupt bureaucrats")
    span = (start, start + len("corrupt bureaucrats"))
    labels = detector.classify(TEXT, [span, span, (0, 13)])
    assert len(labels) == 3
    assert all(t in TECHNIQUE_IDS and 0.0 <= p <= 1.0 for t, p in labels)
    assert labels[0][0] != labels[1][0], "a repeated span asks for a second technique"
    assert labels[0][1] >= labels[1][1]
    assert detector.classify(TEXT, []) == []


def test_long_article_spans_stay_inside_the_text(detector: Techniques) -> None:
    long_text = " ".join([TEXT] * 12)
    spans = detector.predict([long_text])[0]
    assert spans
    assert all(0 <= s.start < s.end <= len(long_text) for s in spans)
    assert max(s.end for s in spans) > len(long_text) // 2, "windows past the first are decoded"


def test_pipeline_passes_min_score(detector: Techniques) -> None:
    nlp = load(components=["techniques"], config={"techniques": {"min_score": 0.99}})
    doc = nlp(TEXT)
    assert all(s.score >= 0.99 for s in doc.techniques)


def test_score_calibration_maps_scores_and_keeps_their_order(tmp_path: Path) -> None:
    import json

    if not (default_model_dir() / "model.onnx").is_file():
        pytest.skip("the technique model is not in unspin/models/techniques")
    text = ("The so-called experts are corrupt traitors who will destroy everything we love. "
            "Stop them now, before it is too late! Stop them now!")
    scores = {}
    for name, mapping in (("raw", [1.0, 0.0]), ("mapped", [2.0, -1.0])):
        folder = tmp_path / name
        folder.mkdir()
        for f in default_model_dir().iterdir():
            if f.name != "config.json":
                (folder / f.name).symlink_to(f)
        config = json.loads((default_model_dir() / "config.json").read_text("utf-8"))
        config["score_calibration"] = mapping
        (folder / "config.json").write_text(json.dumps(config), "utf-8")
        spans = Techniques(model=folder).predict([text])[0]
        scores[name] = [(s.start, s.end, s.technique, s.score) for s in spans]
    assert scores["raw"], "the text has fragments to score"
    assert [s[:3] for s in scores["raw"]] == [s[:3] for s in scores["mapped"]]
    for (*_, raw), (*_, mapped) in zip(scores["raw"], scores["mapped"], strict=True):
        logit = np.log(max(raw, 1e-4) / (1 - max(raw, 1e-4)))
        assert mapped == pytest.approx(1 / (1 + np.exp(-(2.0 * logit - 1.0))), abs=2e-4)
