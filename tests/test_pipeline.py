"""Pipeline.pipe over many articles: order, batching and articles that cannot be analysed."""

from __future__ import annotations

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


def test_components_run_with_one_blas_thread_and_the_caller_keeps_its_own() -> None:
    from unspin.pipeline import Pipeline

    before = _blas_threads()
    probe = _BlasThreads()
    pipeline = Pipeline([("blas", probe)])
    pipeline(Article(id="a", text=GOOD))
    between = []
    for _ in pipeline.pipe([Article(id="b", text=GOOD), Article(id="c", text=GOOD)]):
        between.append(_blas_threads())
    assert probe.seen == [1, 1, 1]
    assert between == [before, before] and _blas_threads() == before
