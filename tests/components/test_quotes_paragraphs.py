"""The quotes stage across paragraph breaks, and its listwise speaker choice."""

from __future__ import annotations

import pytest

from unspin.components._quotes_features import content_span
from unspin.components._quotes_speakers import null_features
from unspin.components.quotes import _segments, load_speaker_model
from unspin.doc import Article


@pytest.fixture(scope="module")
def vocab():
    from unspin.components.parse import load_spacy

    return load_spacy().vocab


def _run_over_doc(vocab):
    """ "Cole said the bridge is unsafe" + a paragraph break + "Reyes left", parsed as one sentence."""
    from spacy.tokens import Doc

    words = ["Cole", "said", "the", "bridge", "is", "unsafe", "\n\n", "Reyes", "left", "."]
    spaces = [True, True, True, True, True, False, False, True, False, False]
    # the parser ran the sentence over the break: "left" hangs in the clause "said" reports
    heads = [1, 1, 3, 4, 1, 4, 5, 8, 4, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "dep", "nsubj", "conj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "SPACE", "PROPN", "VERB", "PUNCT"]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               sent_starts=[True] + [False] * 9)


def test_segments_cut_a_sentence_at_a_paragraph_break(vocab) -> None:
    doc = _run_over_doc(vocab)
    assert len(list(doc.sents)) == 1
    segments = [doc[a:b].text.strip() for a, b in _segments(doc)]
    assert segments == ["Cole said the bridge is unsafe", "Reyes left."]


def test_content_stays_inside_the_cue_paragraph(vocab) -> None:
    doc = _run_over_doc(vocab)
    said = doc[1]
    (start, end), _ = content_span(said)
    assert "Reyes" in doc.text[start:end], "without bounds the clause runs over the break"
    (start, end), _ = content_span(said, (0, doc[5].idx + len(doc[5].text)))
    assert doc.text[start:end] == "the bridge is unsafe"


def test_cue_in_the_next_paragraph_does_not_claim_a_quotation(nlp) -> None:
    text = ("Ann Cole opened the harbour bridge on Monday. “It is the safest crossing we have ever built”\n\n"
            "Tom Reyes says the ferry fares are far too high for families.")
    doc = nlp(Article(id="t", text=text))
    reported = [q for q in doc.quotes if "ferry fares" in text[q.start:q.end]]
    assert reported and reported[0].cue is not None and reported[0].cue.name == "say"
    speaker = reported[0].speaker
    assert speaker is not None and text[speaker.start:speaker.end] == "Tom Reyes"
    direct = next(q for q in doc.quotes if "safest crossing" in text[q.start:q.end])
    assert direct.cue is None or direct.cue.start < text.index("\n\n")


def test_listwise_speaker_model_is_shipped() -> None:
    model = load_speaker_model()
    assert model.listwise and any(name.startswith("null|") for name in model.weights)


def test_null_features_describe_the_quote_alone() -> None:
    feats = null_features(10, "direct", None, {}, "Cole said: “We will win.”", 3)
    assert feats[0] == "null" and "null|kind=direct" in feats and "null|quote=direct|nocue" in feats
    assert "null|after_colon=True" in feats
    assert null_features(0, "reported", None, {}, "x", 0) != null_features(0, "reported", None, {}, "x", 30)


@pytest.fixture(scope="module")
def nlp():
    from unspin.pipeline import load

    return load(components=["parse", "quotes", "actors"])


def test_cue_just_after_a_quotation_in_its_own_sentence_introduces_it(nlp) -> None:
    text = ("“Why is the harbour bridge still closed to every truck in the county?” Tom Reyes demanded.\n\n"
            "The hearing ended at noon.")
    doc = nlp(Article(id="t", text=text))
    quote = next(q for q in doc.quotes if "harbour bridge" in text[q.start:q.end])
    assert quote.cue is not None and quote.cue.name == "demand"
    assert quote.speaker is not None and text[quote.speaker.start:quote.speaker.end] == "Tom Reyes"


def test_clause_after_the_cue_is_what_it_reports(nlp) -> None:
    text = "The harbour bridge is closed to trucks; the council says it will reopen in May."
    doc = nlp(Article(id="t", text=text))
    said = [q for q in doc.quotes if q.cue is not None and q.cue.name == "say"]
    assert said and text[said[0].start:said[0].end] == "it will reopen in May"
    assert said[0].speaker is not None and text[said[0].speaker.start:said[0].speaker.end] == "the council"
