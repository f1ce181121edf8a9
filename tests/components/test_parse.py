"""The parse stage: one spaCy Doc over exactly the article text, in-process or in workers."""

from __future__ import annotations

import pytest

from unspin.errors import ConfigError
from unspin.pipeline import load

TEXTS = [
    "The council met on Tuesday. Mayor Diane Keller said the bridge would open in May.",
    "Residents signed a petition. \"We were never asked,\" one of them told reporters.",
    "Costs rose by 37 percent, according to the Port Alder Audit Office.",
]


def test_offsets_are_article_offsets() -> None:
    doc = load(components=["parse"])(TEXTS[0])
    parsed = doc.cache["spacy"]
    assert parsed.text == TEXTS[0]
    assert [e.text for e in parsed.ents if e.label_ == "PERSON"] == ["Diane Keller"]


def test_worker_processes_give_the_same_parse() -> None:
    here = [d.cache["spacy"] for d in load(components=["parse"]).pipe(TEXTS)]
    workers = load(components=["parse"], config={"parse": {"n_process": 2, "batch_size": 1}})
    there = [d.cache["spacy"] for d in workers.pipe(TEXTS)]
    assert [d.text for d in there] == TEXTS
    for a, b in zip(here, there, strict=True):
        assert [(t.text, t.tag_, t.dep_, t.head.i) for t in a] == [
            (t.text, t.tag_, t.dep_, t.head.i) for t in b]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents]


def test_bad_process_count() -> None:
    with pytest.raises(ConfigError, match="n_process must be 1 or more"):
        load(components=["parse"], config={"parse": {"n_process": 0}})


def test_a_line_break_starts_a_sentence() -> None:
    # a headline without a full stop: left to itself, the parser ran it into the first sentence
    text = ("Mayor rejects calls to resign over housing scandal\n\nThe mayor of Port Alder, Ann Cole, "
            "has rejected calls to resign.")
    parsed = load(components=["parse"])(text).cache["spacy"]
    assert [s.text.strip() for s in parsed.sents] == [
        "Mayor rejects calls to resign over housing scandal",
        "The mayor of Port Alder, Ann Cole, has rejected calls to resign."]
    rejected = next(t for t in parsed if t.text == "rejected")
    assert all(t.i > 8 for t in rejected.subtree), "the headline is no part of the sentence's tree"
