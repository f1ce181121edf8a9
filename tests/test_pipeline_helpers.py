"""Pipeline.pipe sharing its articles with helper processes (``processes``): same output, in
order, nothing lost when a helper dies, fails to start or is left mid-pipe."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from unspin import _worker as _worker_module
from unspin import pipeline as pipeline_module
from unspin._worker import HELPER_ENV
from unspin.components.base import register
from unspin.doc import Article, Document
from unspin.errors import ConfigError, EmptyInputError
from unspin.pipeline import Pipeline, load
from unspin.render.json import to_dict

LIGHT = {"components": ["techniques_lexicon", "summary"]}

TEXTS = [
    "The corrupt elite always lies to you, and everyone knows it. Stop the tax now.",
    "The council approved the budget on Monday. The mayor said it was a fair deal.",
    "Shocking! These reckless bureaucrats wasted 48 million dollars of your money.",
    "Critics said the plan was rushed. Supporters said it would create 300 jobs.",
]


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"{TEXTS[i % len(TEXTS)]} Item {i}.") for i in range(n)]


@pytest.fixture(autouse=True)
def _no_helpers_left() -> Iterator[None]:
    pipeline_module._HELPERS.close()
    yield
    pipeline_module._HELPERS.close()


def _ready_helper(nlp: Pipeline) -> None:
    """Start the pipeline's first helper and wait until it has loaded its pipeline."""
    assert nlp.spec is not None
    worker = pipeline_module._HELPERS.get((nlp.spec, 0))
    assert worker.ready.wait(180), "the helper process did not start"


def test_the_helpers_give_the_same_output_in_order() -> None:
    from unspin.components import parse

    articles = _articles(24)
    alone = [to_dict(d) for d in load(processes=0).pipe(articles)]
    nlp = load(processes=1)
    _ready_helper(nlp)
    parse._close_workers()
    shared = list(nlp.pipe(_articles(24)))
    assert not parse._WORKERS, "with helpers, this process parses its share itself"
    assert nlp.analysed_by_helpers > 0, "the helper analysed some of the articles"
    assert nlp.analysed_by_helpers < len(articles), "and this process the others"
    assert [d.id for d in shared] == [a.id for a in articles]
    assert [to_dict(d) for d in shared] == alone
    assert all(d.ran == nlp.names for d in shared)


def test_a_helper_that_dies_loses_nothing() -> None:
    nlp = load(processes=1, **LIGHT)
    _ready_helper(nlp)
    expected = [to_dict(d) for d in load(processes=0, **LIGHT).pipe(_articles(40))]
    out = []
    for n, doc in enumerate(nlp.pipe(_articles(40))):
        if n == 5:
            pipeline_module._HELPERS.get((nlp.spec, 0)).process.kill()  # type: ignore[arg-type]
        out.append(to_dict(doc))
    assert out == expected
    nlp.analysed_by_helpers = 0
    _ready_helper(nlp)  # a new helper starts for the next pipe
    assert [to_dict(d) for d in nlp.pipe(_articles(40))] == expected
    assert nlp.analysed_by_helpers > 0


def test_a_pipe_left_early_leaves_the_helper_in_step() -> None:
    nlp = load(processes=1, **LIGHT)
    _ready_helper(nlp)
    stream = nlp.pipe(_articles(30))
    first = [next(stream) for _ in range(3)]
    stream.close()
    assert [d.id for d in first] == ["a0", "a1", "a2"]
    again = list(nlp.pipe(_articles(30)))
    assert [d.id for d in again] == [f"a{i}" for i in range(30)]
    assert [d.summary for d in again] == [to_dict(d)["summary"] for d in load(processes=0, **LIGHT)
                                          .pipe(_articles(30))]


def test_errors_keep_their_place_with_helpers() -> None:
    nlp = load(processes=1, **LIGHT)
    _ready_helper(nlp)
    items: list[Article] = _articles(20)
    items.insert(11, Article(id="empty", text="  "))
    out = list(nlp.pipe(items, errors="yield"))
    assert isinstance(out[11], EmptyInputError) and out[11].source == "empty"
    assert [d.id for d in out if isinstance(d, Document)] == [f"a{i}" for i in range(20)]


def test_a_short_pipe_starts_no_helper() -> None:
    nlp = load(processes=1, **LIGHT)
    list(nlp.pipe(_articles(Pipeline.START_AFTER - 1)))
    assert not pipeline_module._HELPERS.workers, "a short pipe is done before a helper would be"
    list(nlp.pipe(_articles(Pipeline.START_AFTER)))
    assert pipeline_module._HELPERS.workers, "the START_AFTER-th article starts the helper"


def test_helpers_started_ahead_take_the_first_articles() -> None:
    nlp = load(processes=1, **LIGHT)
    assert nlp.start_helpers() == 1
    _ready_helper(nlp)
    out = list(nlp.pipe(_articles(3)))  # shorter than START_AFTER: the helpers run already
    assert [d.id for d in out] == ["a0", "a1", "a2"]
    assert nlp.analysed_by_helpers > 0
    assert load(processes=0, **LIGHT).start_helpers() == 0
    other = load(components=["techniques_lexicon"], processes=1)
    assert other.start_helpers() == 1
    assert [key[0] for key in pipeline_module._HELPERS.workers] == [other.spec], \
        "the idle helper of the pipeline before is ended"


@register("helpers_test_only_here")
def _only_here() -> object:
    """A component registered in this process only: a helper cannot build a pipeline with it."""

    class Counted:
        requires: tuple[str, ...] = ("text",)
        assigns: tuple[str, ...] = ("summary",)

        def __call__(self, doc: Document) -> Document:
            doc.summary = {"words": len(doc.text.split())}
            return doc

    return Counted()


def test_a_helper_that_cannot_start_is_tried_twice_then_left() -> None:
    nlp = load(components=["helpers_test_only_here"], processes=1)
    for _ in range(4):
        out = list(nlp.pipe(_articles(12)))
        assert [d.summary["words"] for d in out] == [len(a.text.split()) for a in _articles(12)]
        worker = pipeline_module._HELPERS.workers[(nlp.spec, 0)]  # type: ignore[index]
        worker.reader.join(60)  # it has ended and been seen to
    assert nlp.analysed_by_helpers == 0
    assert pipeline_module._HELPERS.failed[(nlp.spec, 0)] == 2, "two starts, then no more"


def test_which_pipelines_have_helpers(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load(processes=0).helper_processes == 0
    assert load(processes=2, **LIGHT).helper_processes == 2
    components = load(components=["summary"], processes=0).components
    assert Pipeline(components, processes=2).helper_processes == 0, "built by hand: no spec to send"
    monkeypatch.setattr(_worker_module.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert load(**LIGHT).helper_processes == 1, "auto: one helper on two cores"
    monkeypatch.setattr(_worker_module.os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    assert load(**LIGHT).helper_processes == 0, "auto: none on one core"
    monkeypatch.setattr(_worker_module.os, "sched_getaffinity", lambda _pid: set(range(16)), raising=False)
    assert load(**LIGHT).helper_processes == 3, "auto: at most three"
    monkeypatch.setenv(HELPER_ENV, "1")
    assert load(**LIGHT).helper_processes == 0, "a helper has no helpers of its own"


@pytest.mark.parametrize("bad", [-1, "two", 1.5, True])
def test_a_bad_processes_setting_is_refused(bad: object) -> None:
    with pytest.raises(ConfigError, match="processes must be"):
        load(processes=bad, **LIGHT)  # type: ignore[arg-type]


def test_a_helper_that_hangs_is_killed_and_its_batch_analysed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal

    nlp = load(processes=1, **LIGHT)
    _ready_helper(nlp)
    monkeypatch.setattr(Pipeline, "HELPER_TIMEOUT_S", 1.0)
    worker = pipeline_module._HELPERS.get((nlp.spec, 0))  # type: ignore[arg-type]
    os.kill(worker.process.pid, signal.SIGSTOP)  # alive, but answers nothing
    try:
        out = [to_dict(d) for d in nlp.pipe(_articles(20))]
    finally:
        if worker.process.poll() is None:
            os.kill(worker.process.pid, signal.SIGCONT)
    assert out == [to_dict(d) for d in load(processes=0, **LIGHT).pipe(_articles(20))]
    assert worker.hung and worker.process.wait(10) is not None, "the hung helper was killed"
    assert nlp.analysed_by_helpers == 0
