"""The parse stage: one spaCy Doc over exactly the article text, in this process or in a worker."""

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


def _parses(docs: list) -> list:
    return [([(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in d],
             [(e.start_char, e.end_char, e.label_) for e in d.ents], d.tensor.shape) for d in docs]


def _here():  # a parse stage that parses in this process
    return load(components=["parse"], config={"parse": {"worker": False}}, processes=0)


def _ready_parser():  # a parser whose worker process has loaded its model
    from unspin.components.parse import SPACY_MODEL, _worker

    assert _worker(SPACY_MODEL).ready.wait(180), "the parse worker did not start"
    nlp = load(components=["parse"], config={"parse": {"worker": True}}, processes=0)
    return nlp, dict(nlp.components)["parse"]


def test_the_worker_process_gives_the_same_parse() -> None:
    here = [d.cache["spacy"] for d in _here().pipe(TEXTS)]
    nlp, parser = _ready_parser()
    there = [d.cache["spacy"] for d in nlp.pipe(TEXTS * 3)]
    assert parser.parsed_by_worker == 9, "every article went to the worker"
    assert [d.text for d in there] == TEXTS * 3
    assert _parses(there) == _parses(here) * 3


def test_a_pipe_left_early_leaves_the_worker_in_step() -> None:
    nlp, _ = _ready_parser()
    stream = nlp.pipe(TEXTS * 3)
    assert next(stream).text == TEXTS[0]
    stream.close()  # the parses already asked for are taken, not left for the next pipe
    assert [d.cache["spacy"].text for d in nlp.pipe(TEXTS[::-1])] == TEXTS[::-1]


def test_a_worker_that_dies_loses_nothing() -> None:
    from unspin.components.parse import SPACY_MODEL, _worker

    nlp, _ = _ready_parser()
    texts = [f"{t} ({i})" for i in range(4) for t in TEXTS]
    docs = []
    for i, doc in enumerate(nlp.pipe(texts)):
        docs.append(doc)
        if i == 1:
            _worker(SPACY_MODEL).process.kill()
    assert [d.cache["spacy"].text for d in docs] == texts
    assert _parses([d.cache["spacy"] for d in docs]) == _parses(
        [d.cache["spacy"] for d in _here().pipe(texts)])
    assert _worker(SPACY_MODEL).ready.wait(180), "a new worker starts for the next pipe"


def test_a_worker_that_hangs_is_killed_and_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    from unspin.components.parse import SPACY_MODEL, SpacyParser, _worker

    nlp, parser = _ready_parser()
    monkeypatch.setattr(SpacyParser, "TIMEOUT_S", 1.0)
    worker = _worker(SPACY_MODEL)
    os.kill(worker.process.pid, signal.SIGSTOP)  # alive, but answers nothing
    try:
        docs = list(nlp.pipe(TEXTS * 3))
    finally:
        if worker.process.poll() is None:
            os.kill(worker.process.pid, signal.SIGCONT)
    assert [d.cache["spacy"].text for d in docs] == TEXTS * 3
    assert worker.hung and parser.parsed_by_worker == 0


def test_a_short_pipe_starts_no_worker_and_a_long_one_does() -> None:
    from unspin.components.parse import _WORKERS, SPACY_MODEL, _close_workers

    _close_workers()
    nlp = load(components=["parse"], config={"parse": {"worker": True}}, processes=0)
    assert [d.text for d in nlp.pipe(TEXTS * 2)] == TEXTS * 2
    assert SPACY_MODEL not in _WORKERS, "6 articles are parsed here, with no process started for them"
    assert [d.text for d in nlp.pipe(TEXTS * 3)] == TEXTS * 3
    assert SPACY_MODEL in _WORKERS, "the 8th article of a pipe starts the worker"


def test_a_single_article_is_parsed_here() -> None:
    nlp, parser = _ready_parser()
    before = parser.parsed_by_worker
    assert nlp(TEXTS[1]).cache["spacy"].text == TEXTS[1]
    assert parser.parsed_by_worker == before


def test_bad_worker_setting() -> None:
    with pytest.raises(ConfigError, match="parse worker must be true, false or"):
        load(components=["parse"], config={"parse": {"worker": "sometimes"}})


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


def test_a_worker_that_cannot_start_is_tried_twice_then_left(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from unspin.components import parse

    started: list[str] = []

    class Counted(parse._Worker):
        def __init__(self, model: str) -> None:
            started.append(model)
            super().__init__(model)

    parse._close_workers()
    monkeypatch.setattr(parse._REGISTRY, "failed", {})
    monkeypatch.setattr(parse, "_Worker", Counted)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # a process that ends at once
    nlp = load(components=["parse"], config={"parse": {"worker": True}}, processes=0)
    try:
        for _ in range(4):
            assert [d.cache["spacy"].text for d in nlp.pipe(TEXTS * 3)] == TEXTS * 3
            parse._WORKERS[parse.SPACY_MODEL].reader.join(30)  # it has ended and been seen to
        assert len(started) == 2, "two starts, then every pipe parses here"
    finally:
        parse._close_workers()
