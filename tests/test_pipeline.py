"""Pipeline.pipe over many articles: order, batching and articles that cannot be analysed."""

from __future__ import annotations

import sys

import pytest

from unspin.doc import Article, Document
from unspin.errors import ConfigError, EmptyInputError, EncodingError, InputNotFoundError, InputTooLargeError
from unspin.pipeline import load

GOOD = "The council approved the new budget on Monday after a long debate."


def _articles() -> list[Article | InputNotFoundError]:
    return [
        Article(id="empty-first", text="   "),
        Article(id="a", text=GOOD),
        InputNotFoundError("no such file or folder; check the path", source="missing.txt"),
        Article(id="surrogate", text="bad \ud800 text"),
        Article(id="b", text=GOOD + " Critics said it was rushed."),
        Article(id="too-long", text="word " * 60),
    ]


def test_pipe_yields_errors_in_place_and_goes_on() -> None:
    pipeline = load(components=["language", "parse"], max_chars=200)
    out = list(pipeline.pipe(_articles(), errors="yield"))
    kinds = [type(x).__name__ if not isinstance(x, Document) else x.id for x in out]
    assert kinds == ["EmptyInputError", "a", "InputNotFoundError", "EncodingError", "b",
                     "InputTooLargeError"]
    assert all(doc.ran == ["language", "parse"] for doc in out if isinstance(doc, Document))
    assert out[0].source == "empty-first" and out[5].source == "too-long"


def test_pipe_matches_one_by_one_analysis() -> None:
    pipeline = load(components=["language", "parse", "techniques"],
                    replace={"techniques": "techniques_lexicon"})
    texts = [f"Article {i}: the corrupt elite always lies, and everyone knows it." for i in range(20)]
    piped = list(pipeline.pipe(texts))
    single = [pipeline(t) for t in texts]
    spans = [[(s.start, s.end, s.technique) for s in d.techniques] for d in piped]
    assert spans == [[(s.start, s.end, s.technique) for s in d.techniques] for d in single]
    assert any(spans)


@pytest.mark.parametrize(("bad", "error"), [
    (Article(id="e", text=""), EmptyInputError),
    (Article(id="s", text="\udfff"), EncodingError),
    (Article(id="l", text="x" * 300), InputTooLargeError),
])
def test_pipe_raises_by_default(bad: Article, error: type[Exception]) -> None:
    pipeline = load(components=["language"], max_chars=200)
    with pytest.raises(error):
        list(pipeline.pipe([Article(id="ok", text=GOOD), bad]))


def test_pipe_rejects_an_unknown_errors_mode() -> None:
    with pytest.raises(ConfigError, match="'raise' or 'yield'"):
        list(load(components=["language"]).pipe([GOOD], errors="skip"))  # type: ignore[arg-type]


class _BlasThreads:
    """A component that records how many threads numpy's BLAS may use while it runs."""

    name = "blas"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, doc: Document) -> Document:
        self.seen.append(_blas_threads())
        return doc


def _blas_threads() -> int:
    """The threads numpy's own BLAS may use (scipy, loaded by other tests, brings another)."""
    from threadpoolctl import threadpool_info

    return max((p["num_threads"] for p in threadpool_info()
                if p["user_api"] == "blas" and "numpy" in p["filepath"]), default=1)


@pytest.mark.parametrize("threaded", [True, False])
def test_components_run_with_one_blas_thread_and_the_caller_gets_its_own_back(threaded: bool) -> None:
    from unspin.pipeline import Pipeline

    before = _blas_threads()
    probe = _BlasThreads()
    pipeline = Pipeline([("blas", probe)], threaded=threaded)
    pipeline(Article(id="a", text=GOOD))
    assert _blas_threads() == before
    between = []
    for _ in pipeline.pipe([Article(id="b", text=GOOD), Article(id="c", text=GOOD)]):
        between.append(_blas_threads())  # the stages may still be working on later articles
    assert probe.seen == [1, 1, 1]
    assert between == [1, 1] and _blas_threads() == before


class _SwitchInterval:
    """A component that records the interpreter's switch interval while it runs."""

    name = "turns"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.seen: list[float] = []

    def __call__(self, doc: Document) -> Document:
        self.seen.append(sys.getswitchinterval())
        return doc


@pytest.mark.parametrize("threaded", [True, False])
def test_a_threaded_pipe_takes_short_gil_turns_and_puts_the_interval_back(threaded: bool) -> None:
    from unspin._threads import GIL_TURN
    from unspin.pipeline import Pipeline

    before = sys.getswitchinterval()
    probe = _SwitchInterval()
    pipeline = Pipeline([("turns", probe)], threaded=threaded)
    inner = [sys.getswitchinterval() for _ in pipeline.pipe([Article(id="a", text=GOOD)])]
    pipeline(Article(id="b", text=GOOD))
    expected = min(GIL_TURN, before) if threaded else before
    assert probe.seen == [expected, before] and inner == [expected]
    assert sys.getswitchinterval() == before


class _Record:
    """A component that notes the thread and the order it sees documents in."""

    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ()

    def __init__(self, name: str, fail_on: str = "") -> None:
        self.name, self.fail_on = name, fail_on
        self.seen: list[tuple[str, str]] = []

    def __call__(self, doc: Document) -> Document:
        import threading

        if doc.id == self.fail_on:
            raise RuntimeError(f"{self.name} cannot take {doc.id}")
        self.seen.append((doc.id, threading.current_thread().name))
        return doc


def _staged(threaded: bool, fail_on: str = "") -> tuple[object, list[_Record]]:
    from unspin.pipeline import Pipeline

    stages = [_Record("first"), _Record("second", fail_on=fail_on)]
    return Pipeline([(s.name, s) for s in stages], threaded=threaded), stages


def test_threaded_pipe_runs_each_stage_in_its_own_thread_and_keeps_the_order() -> None:
    pipeline, (first, second) = _staged(threaded=True)
    ids = [f"a{i}" for i in range(30)]
    out = list(pipeline.pipe([Article(id=i, text=GOOD) for i in ids]))  # type: ignore[attr-defined]
    assert [d.id for d in out] == ids and all(d.ran == ["first", "second"] for d in out)
    assert [i for i, _ in first.seen] == ids and [i for i, _ in second.seen] == ids
    assert {t for _, t in first.seen} == {"unspin-first"} and {t for _, t in second.seen} == {"unspin-second"}


def test_sequential_pipe_runs_the_stages_in_the_callers_thread() -> None:
    import threading

    pipeline, stages = _staged(threaded=False)
    list(pipeline.pipe([Article(id="a", text=GOOD)]))  # type: ignore[attr-defined]
    assert {t for s in stages for _, t in s.seen} == {threading.current_thread().name}


@pytest.mark.parametrize("threaded", [True, False])
def test_an_error_in_a_stage_reaches_the_caller_after_the_documents_before_it(threaded: bool) -> None:
    pipeline, _ = _staged(threaded=threaded, fail_on="a3")
    got: list[str] = []
    with pytest.raises(RuntimeError, match="second cannot take a3"):
        for doc in pipeline.pipe([Article(id=f"a{i}", text=GOOD) for i in range(6)]):  # type: ignore[attr-defined]
            got.append(doc.id)
    assert got == ["a0", "a1", "a2"]


def test_leaving_a_threaded_pipe_early_ends_its_stage_threads() -> None:
    import gc
    import threading
    import time

    def stage_threads() -> list[str]:
        return [t.name for t in threading.enumerate() if t.name in ("unspin-first", "unspin-second")]

    pipeline, _ = _staged(threaded=True)
    stream = pipeline.pipe(Article(id=f"a{i}", text=GOOD) for i in range(1000))  # type: ignore[attr-defined]
    assert next(stream).id == "a0"
    assert sorted(stage_threads()) == ["unspin-first", "unspin-second"]  # waiting to hand on more
    stream.close()
    del stream
    gc.collect()
    deadline = time.monotonic() + 5
    while stage_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not stage_threads()
