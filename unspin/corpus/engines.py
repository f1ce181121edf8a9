"""Where a batch's analysis runs: in this process, in local worker processes, or on a Dask cluster.

Every engine loads the pipeline once per process that analyses (once per worker), takes small
tasks (a few articles each) from a lazy stream, keeps only a bounded number in flight, and gives
back each task's outcomes as soon as it finishes (in any order). Storing is left to the caller.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from unspin.doc import Article
from unspin.errors import ConfigError, InputError, UnspinError
from unspin.pipeline import PipelineSpec

__all__ = [
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "Outcome",
    "PipelineSpec",
    "SerialEngine",
    "analyse_articles",
    "make_engine",
]

#: One article's outcome: (the JSON contract, None) or (None, the error message).
Outcome = tuple[dict[str, Any] | None, str | None]
Tag = TypeVar("Tag")


def analyse_articles(pipeline: Any, articles: Sequence[Article]) -> list[Outcome]:
    """Analyse ``articles``; one outcome each, in order.

    An article that cannot be analysed (an ``InputError``, or a bug in a stage) gets its error as
    its outcome and the others go on; an ``UnspinError`` about the setup (a missing model, a bad
    setting) is raised, since it would fail every article alike.
    """
    from unspin.render.json import to_dict

    try:
        results = list(pipeline.pipe(articles, errors="yield"))
        if len(results) == len(articles):
            return [(None, r.message) if isinstance(r, InputError) else (to_dict(r), None)
                    for r in results]
    except Exception:  # a stage failed on some article: retried one by one below
        pass
    outcomes: list[Outcome] = []
    for article in articles:
        try:
            outcomes.append((to_dict(pipeline(article)), None))
        except InputError as exc:
            outcomes.append((None, exc.message))
        except UnspinError:
            raise  # a missing model or a bad setting fails every article alike: stop the run
        except Exception as exc:  # a bug in a stage must not stop a run of a million articles
            outcomes.append((None, f"analysis failed: {type(exc).__name__}: {exc}"))
    return outcomes


class Engine(Protocol):
    """Runs tasks ``(tag, articles)`` and yields ``(tag, outcomes)`` as each finishes."""

    name: str
    workers: int

    def run(self, spec: PipelineSpec, tasks: Iterable[tuple[Tag, list[Article]]]
            ) -> Iterator[tuple[Tag, list[Outcome]]]: ...

    def close(self) -> None: ...


class SerialEngine:
    """Analyses in this process (``--workers 1``)."""

    name = "local"
    workers = 1

    def __init__(self, *, spec: PipelineSpec | None = None, pipeline: Any = None) -> None:
        # A pipeline the caller already built for ``spec`` is reused rather than built again.
        self._loaded: tuple[PipelineSpec, Any] | None = (
            (spec, pipeline) if spec is not None and pipeline is not None else None)

    def run(self, spec: PipelineSpec, tasks: Iterable[tuple[Tag, list[Article]]]
            ) -> Iterator[tuple[Tag, list[Outcome]]]:
        if self._loaded is None or self._loaded[0] != spec:
            self._loaded = (spec, spec.load(processes=0))
        pipeline = self._loaded[1]
        for tag, articles in tasks:
            yield tag, analyse_articles(pipeline, articles)

    def close(self) -> None:
        self._loaded = None


# --- local worker processes ----------------------------------------------------------------

_WORKER_PIPELINE: Any = None
_WORKER_ERROR: BaseException | None = None


def _init_worker(spec: PipelineSpec) -> None:
    global _WORKER_PIPELINE, _WORKER_ERROR
    import signal

    # Ctrl-C is the parent's to handle: it stops handing out work and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _WORKER_PIPELINE = spec.load(processes=0)
    except Exception as exc:  # reported by the first task, where the parent sees it
        _WORKER_ERROR = exc


def _analyse_in_worker(articles: list[Article]) -> list[Outcome]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return analyse_articles(_WORKER_PIPELINE, articles)


class LocalEngine:
    """Worker processes on this machine (started with ``spawn``), each loading the pipeline once."""

    name = "local"

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {workers}")
        self.workers = workers
        self._pool: Any = None
        self._spec: PipelineSpec | None = None

    def _executor(self, spec: PipelineSpec) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None or self._spec != spec:
            self.close()
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker, initargs=(spec,))
            self._spec = spec
        return self._pool

    def run(self, spec: PipelineSpec, tasks: Iterable[tuple[Tag, list[Article]]]
            ) -> Iterator[tuple[Tag, list[Outcome]]]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pool = self._executor(spec)
        pending: dict[Any, Tag] = {}
        stream = iter(tasks)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * self.workers:
                task = next(stream, None)
                if task is None:
                    exhausted = True
                    break
                pending[pool.submit(_analyse_in_worker, task[1])] = task[0]
            if not pending:
                return
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                tag = pending.pop(future)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    self._pool = None
                    raise UnspinError("a worker process died (out of memory, or killed); rerun "
                                      "the same command to resume: stored articles are kept, "
                                      "or use fewer --workers") from None
                yield tag, outcomes

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


# --- Dask distributed ------------------------------------------------------------------------

_DASK_PIPELINES: dict[PipelineSpec, Any] = {}
_DASK_LOCK = threading.Lock()


def _analyse_on_dask(spec: PipelineSpec, articles: list[Article]) -> list[Outcome]:
    # Runs inside a Dask worker process: the pipeline is built once per process and reused by
    # every task (and every thread) of that worker.
    with _DASK_LOCK:
        pipeline = _DASK_PIPELINES.get(spec)
        if pipeline is None:
            pipeline = _DASK_PIPELINES[spec] = spec.load(processes=0)
    return analyse_articles(pipeline, articles)


class DaskEngine:
    """Tasks on a Dask distributed cluster; results come back here to be stored."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, client: Any = None,
                 connect_timeout: float = 20.0) -> None:
        if client is None and not scheduler:
            raise ConfigError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        self._own_client = client is None
        self.scheduler = scheduler
        if client is None:
            try:
                from distributed import Client
            except ImportError:
                raise ConfigError("--engine dask needs the batch extra; install it with "
                                  "pip install 'unspin[batch]'") from None
            try:
                client = Client(scheduler, timeout=f"{connect_timeout}s", set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); check "
                                  "the address (tcp://HOST:8786) and that the scheduler is "
                                  "running") from None
        self.client = client

    @property
    def workers(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def run(self, spec: PipelineSpec, tasks: Iterable[tuple[Tag, list[Article]]]
            ) -> Iterator[tuple[Tag, list[Outcome]]]:
        from distributed import as_completed

        limit = 2 * self.workers + 2
        tags: dict[str, Tag] = {}
        stream = iter(tasks)

        def submit() -> Any:
            task = next(stream, None)
            if task is None:
                return None
            future = self.client.submit(_analyse_on_dask, spec, task[1], pure=False)
            tags[future.key] = task[0]
            return future

        first = [f for f in (submit() for _ in range(limit)) if f is not None]
        if not first:
            return
        queue = as_completed(first, loop=self.client.loop)
        for future in queue:
            tag = tags.pop(future.key)
            try:
                outcomes = future.result()
            except UnspinError:
                raise
            except Exception as exc:  # a lost worker, a cancelled task: the cluster's trouble
                raise UnspinError(f"a task failed on the Dask cluster ({type(exc).__name__}: "
                                  f"{exc}); check the workers, then rerun the same command to "
                                  "resume: stored articles are kept") from None
            finally:
                future.release()
            yield tag, outcomes
            nxt = submit()
            if nxt is not None:
                queue.add(nxt)

    def close(self) -> None:
        if self._own_client:
            self.client.close()


def make_engine(engine: str = "local", *, workers: int = 1, scheduler: str | None = None) -> Engine:
    """The engine named on the command line: ``local`` (``workers`` processes) or ``dask``."""
    if engine == "local":
        if scheduler:
            raise ConfigError("--scheduler is only used with --engine dask")
        return SerialEngine() if workers == 1 else LocalEngine(workers)
    if engine == "dask":
        return DaskEngine(scheduler)
    raise ConfigError(f"unknown engine {engine!r}; choose local or dask")
