"""The pipeline: a sequence of components configured in one place (``DEFAULT_PIPELINE``)."""

from __future__ import annotations

import json
import pickle
import re
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Literal

from unspin._threads import ahead, one_blas_thread, short_gil_turns
from unspin._worker import FramedWorker, WorkerRegistry, may_start_processes, single_process, usable_cores
from unspin.components.base import Component, create, pipe_component
from unspin.doc import Article, Document
from unspin.errors import ConfigError, EmptyInputError, EncodingError, InputError, InputTooLargeError

__all__ = ["DEFAULT_PIPELINE", "MAX_CHARS", "Pipeline", "PipelineSpec", "analyze", "load"]

#: The default pipeline, in order. Disable a stage with ``load(disable=[...])`` or
#: ``--disable NAME``; swap one with ``load(replace={"techniques": "techniques_lexicon"})``.
DEFAULT_PIPELINE: tuple[str, ...] = (
    "language", "parse", "techniques", "claims", "quotes", "actors", "summary",
)

_ALWAYS_THERE = {"text"}

#: Longest article text analysed, in characters: the default pipeline peaks at about 4 GB of
#: memory and takes minutes on a million, so longer texts are refused (``load(max_chars=...)``).
MAX_CHARS = 1_000_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """How to build a pipeline again in another process: the arguments of ``load``."""

    disable: tuple[str, ...] = ()
    components: tuple[str, ...] | None = None
    config_json: str | None = None  # per-component settings as canonical JSON (hashable)
    replace: tuple[tuple[str, str], ...] = ()  # (stage, registered component to run there)

    @classmethod
    def make(cls, disable: Iterable[str] = (), *, components: Sequence[str] | None = None,
             config: Mapping[str, Mapping[str, Any]] | None = None,
             replace: Mapping[str, str] | None = None) -> PipelineSpec:
        """The spec of ``load(disable, components=..., config=..., replace=...)``; ``TypeError``
        when the config is not JSON (a setting that cannot be sent to another process)."""
        return cls(tuple(disable), None if components is None else tuple(components),
                   json.dumps(config, sort_keys=True) if config else None,
                   tuple(sorted((replace or {}).items())))

    def load(self, **kwargs: Any) -> Pipeline:
        """Build the pipeline (``kwargs``: further arguments of ``load``)."""
        config = json.loads(self.config_json) if self.config_json else None
        return load(self.disable, components=self.components, config=config,
                    replace=dict(self.replace), **kwargs)


class Pipeline:
    """Runs its components in order over documents.

    ``pipe`` over many articles can share them with helper processes that each run the same
    pipeline (``processes``, see ``pipe``); this needs ``spec``, how to build the pipeline again,
    which ``load`` gives. A pipeline built by hand from component objects has none and runs in
    this process only.
    """

    #: The article of a ``pipe`` at which it starts its helper processes, if none runs yet.
    START_AFTER = 8
    #: Articles sent to a helper, or analysed here, at a time (the stages batch over them).
    BATCH = 2
    #: How many batches each helper process has in hand at a time.
    AHEAD = 2
    #: Seconds a helper may take over a batch, plus one per thousand characters of its text,
    #: before it is taken as hung: it is killed and the batch is analysed here (the default
    #: pipeline takes well under a second per thousand characters on a 2-core machine).
    HELPER_TIMEOUT_S = 120.0
    #: Most articles done and held for their turn (the output keeps the input order) before this
    #: process stops taking new ones and waits for a helper's answer.
    MAX_HELD = 32

    def __init__(self, components: Sequence[tuple[str, Component]], *, max_chars: int = MAX_CHARS,
                 threaded: bool = True, processes: int | Literal["auto"] = "auto",
                 spec: PipelineSpec | None = None) -> None:
        if processes != "auto" and (isinstance(processes, bool) or not isinstance(processes, int)
                                    or processes < 0):
            raise ConfigError(f"processes must be a whole number of helper processes (0 or more) or "
                              f"\"auto\", not {processes!r}")
        self.components = list(components)
        self.max_chars = max_chars
        #: ``pipe`` runs each stage in a thread of its own, a few documents ahead of the next
        #: (same output; ``False`` runs them one after the other in the caller's thread).
        self.threaded = threaded
        #: Helper processes ``pipe`` shares its articles with ("auto": see ``helper_processes``).
        self.processes = processes
        self.spec = spec
        #: Articles whose analysis came from a helper process (for benches and tests).
        self.analysed_by_helpers = 0
        self._check()

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.components]

    def get(self, name: str) -> Component:
        for n, component in self.components:
            if n == name:
                return component
        raise ConfigError(f"no component {name!r} in this pipeline; it has: {', '.join(self.names)}")

    def _check(self) -> None:
        have = set(_ALWAYS_THERE)
        for name, component in self.components:
            missing = [r for r in component.requires if r not in have]
            if missing:
                raise ConfigError(
                    f"component {name!r} needs {', '.join(missing)}, which no earlier component "
                    f"adds; enable the component that adds it or disable {name!r}"
                )
            have.update(component.assigns)

    def make_doc(self, article: Article | str) -> Document:
        if isinstance(article, str):
            article = Article(id="text", text=article)
        if not article.text.strip():
            raise EmptyInputError("the article text is empty; give a text with some words in it",
                                  source=article.id)
        bad = _SURROGATE.search(article.text)
        if bad is not None:
            raise EncodingError(
                f"the text has a lone surrogate code point U+{ord(bad.group()):04X} at character "
                f"{bad.start()}, which is not valid Unicode; fix the escape (e.g. a \\ud800 in "
                "JSON) that produced it", source=article.id)
        if len(article.text) > self.max_chars:
            raise InputTooLargeError(
                f"the article is {len(article.text):,} characters, over the limit of "
                f"{self.max_chars:,}; split it into smaller articles or raise the limit with "
                "load(max_chars=...)", source=article.id)
        return Document(article=article)

    def __call__(self, article: Article | str) -> Document:
        doc = self.make_doc(article)
        with one_blas_thread():
            for name, component in self.components:
                doc = component(doc)
                doc.ran.append(name)
        return doc

    @property
    def helper_processes(self) -> int:
        """How many helper processes ``pipe`` uses: ``processes``, or for "auto" one fewer than
        the cores (at most 3) from the main process of a machine of 2 cores or more, and none
        in a process that is itself a worker (a batch or server worker: its siblings already
        fill the cores); none without a ``spec``."""
        if self.spec is None:
            return 0
        if self.processes != "auto":
            return int(self.processes)
        if not may_start_processes():
            return 0
        return max(0, min(usable_cores() - 1, 3))

    def pipe(self, articles: Iterable[Article | str | InputError], *,
             errors: Literal["raise", "yield"] = "raise") -> Iterator[Document | InputError]:
        """Analyse many articles in order, letting components batch their work.

        With helper processes (``helper_processes``: by default one on a machine of 2 cores)
        the articles are shared with them, each running this same pipeline, in batches (see
        ``_shared``). Without, and with ``threaded`` (the default), each stage works in a thread
        of its own, a few documents ahead of the next stage. The output is the same either way.

        ``errors="raise"`` stops at the first article that cannot be analysed (empty, over
        the size limit, invalid Unicode). ``errors="yield"`` yields that article's
        ``InputError`` in its place and goes on; errors already in ``articles`` (as the
        readers in ``unspin.ingest`` yield them) pass through in their place too.
        """
        if errors not in ("raise", "yield"):
            raise ConfigError(f"errors must be 'raise' or 'yield', not {errors!r}")
        # Errors wait beside the next good document so that the output keeps the input order.
        before: dict[int, list[InputError]] = {}
        held: list[InputError] = []

        def documents() -> Iterator[Document]:
            for item in articles:
                try:
                    if isinstance(item, InputError):
                        raise item
                    doc = self.make_doc(item)
                except InputError as exc:
                    if errors == "raise":
                        raise
                    held.append(exc)
                    continue
                if held:
                    before[id(doc)] = held[:]
                    held.clear()
                yield doc

        stop = threading.Event()
        stream: Iterable[Document] = documents()
        helpers = self.helper_processes
        if helpers:
            stream = self._shared(stream, helpers)
        else:
            for name, component in self.components:
                stream = _mark(pipe_component(component, stream), name)
                if self.threaded:
                    stream = ahead(stream, stop, name=f"unspin-{name}")
        try:
            with one_blas_thread(), short_gil_turns() if self.threaded and not helpers else nullcontext():
                for doc in stream:
                    yield from before.pop(id(doc), ())
                    yield doc
                yield from held
        finally:
            stop.set()


    def start_helpers(self) -> int:
        """Start the helper processes now, rather than at a ``pipe``'s ``START_AFTER``-th article,
        so that they load their models while this process loads its own (``analyze`` does this
        when given several articles); returns how many there are (0: none, see
        ``helper_processes``)."""
        count = self.helper_processes
        if count and self.spec is not None:
            _HELPERS.retire(lambda key: key[0] == self.spec and key[1] < count)
            for n in range(count):
                _HELPERS.get((self.spec, n))
        return count

    def _shared(self, docs: Iterable[Document], helpers: int) -> Iterator[Document]:
        """The documents analysed, in order, by this process and by ``helpers`` helper processes.

        The articles go in batches of ``BATCH`` (the stages batch their own work over them, as in
        a ``pipe`` of one process). Each helper runs the same pipeline (built from ``spec``) and
        keeps ``AHEAD`` batches in hand; this process analyses the other batches itself, one
        after the other, and holds what it finished until the helpers' answers before it are in.
        Helpers start at the ``START_AFTER``-th article (a short ``pipe`` is over before they
        would be ready; ``start_helpers`` starts them sooner) and are kept for later calls. A
        batch is analysed here when no helper is ready (the first seconds), when another
        ``pipe`` uses them, or when its helper died or failed on it: nothing is lost, and the
        result is the same either way (every stage works on each article alone).
        """
        assert self.spec is not None
        spec = self.spec
        source = iter(docs)
        upcoming: deque[Document] = deque()  # the next batch, read ahead to know how full it is
        taken = 0
        workers: list[FramedWorker] = []
        entries: deque[tuple[list[Document], FramedWorker | None]] = deque()  # batches, input order
        in_hand: dict[int, int] = {}  # worker id -> batches sent, not yet answered

        def fill() -> None:
            while len(upcoming) < self.BATCH and (doc := next(source, None)) is not None:
                upcoming.append(doc)

        def take() -> list[Document]:
            nonlocal taken
            batch = list(upcoming)
            upcoming.clear()
            taken += len(batch)
            fill()
            return batch

        fill()
        try:
            while True:
                if upcoming and not workers and (taken + len(upcoming) >= self.START_AFTER
                                                 or any(k[0] == spec for k in _HELPERS.workers)):
                    workers = _take_helpers(spec, helpers)
                for worker in workers:  # keep every ready helper busy
                    while (upcoming and worker.ready.is_set()
                           and in_hand.get(id(worker), 0) < self.AHEAD):
                        batch = take()
                        articles = [doc.article for doc in batch]
                        if not worker.send(pickle.dumps(articles, protocol=pickle.HIGHEST_PROTOCOL)):
                            entries.append((self._results_here(batch), None))
                            break
                        entries.append((batch, worker))
                        in_hand[id(worker)] = in_hand.get(id(worker), 0) + 1
                while entries and (entries[0][1] is None or entries[0][1].answered()):
                    yield from self._answer(*entries.popleft(), in_hand)
                if upcoming and sum(len(b) for b, _ in entries) < self.MAX_HELD:
                    entries.append((self._results_here(take()), None))
                elif entries:
                    yield from self._answer(*entries.popleft(), in_hand)  # nothing to do here but wait
                else:
                    return
        finally:
            for _batch, worker in entries:  # left early: take the answers already asked for, so
                if worker is not None:  # that the next pipe's answers are its own
                    worker.receive(timeout=self.HELPER_TIMEOUT_S)
            for worker in workers:
                worker.in_use.release()

    def _results_here(self, batch: list[Document]) -> list[Document]:
        """``batch`` analysed in this process, the stages batching their work as in ``pipe``, each
        document's cache emptied as a helper's documents come back."""
        stream: Iterable[Document] = batch
        for name, component in self.components:
            stream = _mark(pipe_component(component, stream), name)
        with single_process():  # no stage starts a process of its own (the parse worker)
            done = list(stream)
        for doc in done:
            doc.cache.clear()
        return done

    def _answer(self, batch: list[Document], worker: FramedWorker | None,
                in_hand: dict[int, int]) -> list[Document]:
        """``batch`` with its helper's analysis, or analysed here if the helper failed on it."""
        if worker is None:
            return batch
        in_hand[id(worker)] -= 1
        data = worker.receive(timeout=self.HELPER_TIMEOUT_S + sum(len(d.text) for d in batch) / 1000)
        done = pickle.loads(data) if data else None
        if not isinstance(done, list) or len(done) != len(batch):  # the helper died, or failed
            return self._results_here(batch)  # here it fails (or not) as it would without helpers
        for doc, theirs in zip(batch, done, strict=True):
            for f in fields(Document):  # the stages' results, on this process's document
                if f.name not in ("article", "cache"):
                    setattr(doc, f.name, getattr(theirs, f.name))
            for f in fields(Article):  # and what they noted on the article (its language)
                setattr(doc.article, f.name, getattr(theirs.article, f.name))
        self.analysed_by_helpers += len(batch)
        return batch


def _start_helper(key: tuple[PipelineSpec, int]) -> FramedWorker:
    return FramedWorker("unspin._pipe_worker", first=pickle.dumps(key[0]), name="unspin-pipeline-helper")


#: The helper processes, by (spec, number): the n-th helper of a pipeline built from a spec.
_HELPERS: WorkerRegistry[tuple[PipelineSpec, int]] = WorkerRegistry(_start_helper)


def _take_helpers(spec: PipelineSpec, count: int) -> list[FramedWorker]:
    """The helpers of ``spec`` that no other ``pipe`` is using (held until released), started
    if they are not running yet. Idle helpers of other pipelines are ended first: each holds a
    whole pipeline in memory, and a process rarely switches back and forth between pipelines."""
    _HELPERS.retire(lambda key: key[0] == spec and key[1] < count)
    taken = []
    for n in range(count):
        worker = _HELPERS.get((spec, n))
        if worker.in_use.acquire(blocking=False):
            taken.append(worker)
    return taken


def _mark(docs: Iterable[Document], name: str) -> Iterator[Document]:
    for doc in docs:
        doc.ran.append(name)
        yield doc


def load(
    disable: Iterable[str] = (),
    *,
    config: Mapping[str, Mapping[str, Any]] | None = None,
    replace: Mapping[str, str] | None = None,
    components: Sequence[str] | None = None,
    max_chars: int = MAX_CHARS,
    threaded: bool = True,
    processes: int | Literal["auto"] = "auto",
) -> Pipeline:
    """Build a pipeline.

    ``disable``: names to leave out. ``config``: per-component settings overriding the
    defaults. ``replace``: run another registered component in a stage's place.
    ``components``: the exact list of stages (default ``DEFAULT_PIPELINE``).
    ``threaded``: ``Pipeline.pipe`` runs each stage in a thread of its own (see ``Pipeline``).
    ``processes``: helper processes that ``Pipeline.pipe`` shares many articles with, each
    running this pipeline ("auto": see ``Pipeline.helper_processes``; 0: none).
    """
    names = list(components if components is not None else DEFAULT_PIPELINE)
    disabled = set(disable)
    unknown = disabled - set(names)
    if unknown:
        raise ConfigError(
            f"cannot disable {', '.join(sorted(unknown))}: not in the pipeline "
            f"({', '.join(names)})"
        )
    config = config or {}
    replace = replace or {}
    built: list[tuple[str, Component]] = []
    for name in names:
        if name in disabled:
            continue
        built.append((name, create(replace.get(name, name), **dict(config.get(name, {})))))
    try:
        spec: PipelineSpec | None = PipelineSpec.make(sorted(disabled), components=components, config=config,
                                                      replace=replace)
    except TypeError:  # a setting that is not JSON cannot go to a helper process
        spec = None
    return Pipeline(built, max_chars=max_chars, threaded=threaded, processes=processes, spec=spec)


@lru_cache(maxsize=4)
def _cached(disable: tuple[str, ...]) -> Pipeline:
    return load(disable)


def analyze(text: str | Article, *, disable: Iterable[str] = ()) -> Document:
    """Analyse one text with the default pipeline (loaded once and cached)."""
    return _cached(tuple(sorted(disable)))(text)
