"""The analysis service behind the HTTP app: one pipeline per worker, requests run in threads.

The pipeline is built and warmed once when the worker starts. Its components are not promised
to be thread-safe, so one lock serialises the model while ingestion (HTML extraction, URL
fetching) runs outside it; ``max_queue`` bounds how many requests wait for the lock and a
request that times out while waiting is dropped before it reaches the model.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial

import anyio
import anyio.to_thread

from unspin.api.settings import Settings
from unspin.components.base import Component, pipe_component
from unspin.doc import Article, Document
from unspin.errors import ConfigError, EmptyInputError, InputTooLargeError, UnspinError
from unspin.ingest import article_from_bytes, article_from_html, fetch_url
from unspin.pipeline import Pipeline, load

__all__ = ["AnalysisTimeout", "Analyzer", "ArticleInput", "Overloaded"]

_WARM_UP_TEXT = ("The council said on Monday that the new bridge will open in May. Critics "
                 "called the plan a disgrace, but everyone knows it must be built.")


class AnalysisTimeout(UnspinError):
    """A request that did not finish within the service's time limit."""


class Overloaded(UnspinError):
    """More requests waiting for the model than the service allows."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as a client sends it: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    id: str | None = None
    title: str | None = None


class Analyzer:
    """Holds the worker's pipeline and runs analyses off the event loop, within limits."""

    def __init__(self, pipeline: Pipeline, settings: Settings | None = None) -> None:
        self.pipeline = pipeline
        self.settings = settings or Settings()
        self._lock = threading.Lock()
        self._queue: anyio.Lock | None = None
        self._waiting = 0
        self.ready = False

    @classmethod
    def build(cls, settings: Settings) -> Analyzer:
        """Build the pipeline the settings describe (models load on warm-up)."""
        return cls(load(settings.disable, config=settings.config, replace=settings.replace),
                   settings)

    @property
    def names(self) -> list[str]:
        return self.pipeline.names

    def warm_up(self) -> None:
        """Run once on a short text so that every model is loaded before the first request."""
        with self._lock:
            self.pipeline(Article(id="warm-up", text=_WARM_UP_TEXT))
        self.ready = True

    # Choosing stages -------------------------------------------------------------------

    def stages(self, components: Sequence[str] | None) -> list[tuple[str, Component]]:
        """The pipeline's stages needed for ``components`` (and what they require), in order."""
        if components is None:
            return list(self.pipeline.components)
        unknown = [c for c in components if c not in self.names]
        if unknown:
            raise ConfigError(f"unknown component(s) {', '.join(map(repr, unknown))}; this "
                              f"service runs: {', '.join(self.names)}")
        wanted = set(components)
        providers = {field: name for name, comp in self.pipeline.components for field in comp.assigns}
        for name, comp in reversed(self.pipeline.components):
            if name in wanted:
                wanted.update(providers[r] for r in comp.requires if r in providers)
        return [(n, c) for n, c in self.pipeline.components if n in wanted]

    # Ingesting -------------------------------------------------------------------------

    def to_article(self, item: ArticleInput) -> Article:
        """Turn a client's input into an article (fetching a URL); raises ``InputError``."""
        ident = item.id if item.id is not None else "text"
        limit = self.settings.max_text_chars
        if item.text is not None:
            if len(item.text) > limit:
                raise InputTooLargeError(f"the text is {len(item.text):,} characters, over the "
                                         f"limit of {limit:,}; send a shorter text", source=ident)
            text = item.text.replace("\r\n", "\n").replace("\r", "\n")
            if not text.strip():
                raise EmptyInputError("the text is empty; give a text with some words in it",
                                      source=ident)
            article = Article(id=ident, text=text, title=item.title,
                              source={"origin": "request", "format": "text"})
        elif item.html is not None:
            article = article_from_html(item.html, id=ident, source={"origin": "request"})
        else:
            assert item.url is not None
            data, ctype, final = fetch_url(item.url, self.settings.fetch_limits)
            article = article_from_bytes(data, id=item.id if item.id is not None else item.url,
                                         source=final, url=final,
                                         kind="html" if "html" in ctype else None,
                                         max_bytes=self.settings.fetch_max_bytes)
        if item.title is not None:
            article.title = item.title
        if len(article.text) > limit:
            raise InputTooLargeError(f"the article text is {len(article.text):,} characters, "
                                     f"over the limit of {limit:,}; send a shorter article",
                                     source=article.id)
        return article

    # Running ---------------------------------------------------------------------------

    def run(self, articles: Sequence[Article], stages: Sequence[tuple[str, Component]],
            min_score: float | None = None) -> list[Document | UnspinError]:
        """Analyse articles with the given stages (blocking; call it from a worker thread).

        Batched first; if one article makes a stage raise an ``UnspinError``, each is run alone
        so that the error is reported in that article's place only.
        """
        try:
            return list(self._run(articles, stages, min_score))
        except UnspinError as exc:
            if len(articles) == 1:
                return [exc]
        results: list[Document | UnspinError] = []
        for article in articles:
            try:
                results.extend(self._run([article], stages, min_score))
            except UnspinError as exc:
                results.append(exc)
        return results

    def _run(self, articles: Sequence[Article], stages: Sequence[tuple[str, Component]],
             min_score: float | None) -> list[Document]:
        docs: Iterable[Document] = (self.pipeline.make_doc(a) for a in articles)
        for name, component in stages:
            docs = _stage(pipe_component(component, docs), name,
                          min_score if name == "techniques" else None)
        return list(docs)

    async def analyze(self, items: Sequence[ArticleInput], *, components: Sequence[str] | None = None,
                      min_score: float | None = None, timings: dict[str, float] | None = None
                      ) -> list[Document | UnspinError]:
        """Ingest and analyse ``items`` within the time limit; one result or error per item.

        ``timings``, when given, receives the seconds spent ingesting, waiting for the model
        and analysing (``ingest``, ``queue``, ``analysis``).
        """
        stages = self.stages(components)
        timings = {} if timings is None else timings
        try:
            with anyio.fail_after(self.settings.timeout):
                return await self._analyze(items, stages, min_score, timings)
        except TimeoutError:
            raise AnalysisTimeout(f"the analysis did not finish within {self.settings.timeout:g} s; "
                                  "send a shorter text or fewer documents, or try again later") from None

    async def _analyze(self, items: Sequence[ArticleInput], stages: list[tuple[str, Component]],
                       min_score: float | None, timings: dict[str, float]
                       ) -> list[Document | UnspinError]:
        results: list[Document | UnspinError | None] = [None] * len(items)
        started = time.perf_counter()

        async def ingest(index: int, item: ArticleInput) -> None:
            try:
                if item.url is not None or item.html is not None:
                    results[index] = await anyio.to_thread.run_sync(
                        partial(self.to_article, item), abandon_on_cancel=True)
                else:
                    results[index] = self.to_article(item)
            except UnspinError as exc:
                results[index] = exc

        async with anyio.create_task_group() as group:
            for index, item in enumerate(items):
                group.start_soon(ingest, index, item)
        timings["ingest"] = time.perf_counter() - started
        articles = [r for r in results if isinstance(r, Article)]
        if articles:
            docs = iter(await self._run_locked(articles, stages, min_score, timings))
            results = [next(docs) if isinstance(r, Article) else r for r in results]
        return [r for r in results if r is not None]

    async def _run_locked(self, articles: list[Article], stages: list[tuple[str, Component]],
                          min_score: float | None, timings: dict[str, float]
                          ) -> list[Document | UnspinError]:
        # Requests queue on the event loop (no thread held while waiting); the thread lock
        # only matters after a timeout abandoned a thread that is still running the model.
        if self._queue is None:
            self._queue = anyio.Lock()
        if self._waiting >= self.settings.max_queue:
            raise Overloaded(f"{self._waiting} requests are already waiting for the model; "
                             "try again in a moment")
        self._waiting += 1
        waited = time.perf_counter()
        try:
            await self._queue.acquire()
        finally:
            self._waiting -= 1
        timings["queue"] = time.perf_counter() - waited
        cancelled = threading.Event()

        def work() -> list[Document | UnspinError]:
            with self._lock:
                if cancelled.is_set():  # the client's time ran out before the model was free
                    return []
                started = time.perf_counter()
                try:
                    return self.run(articles, stages, min_score)
                finally:
                    timings["analysis"] = time.perf_counter() - started

        try:
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
        except BaseException:
            cancelled.set()
            raise
        finally:
            self._queue.release()


def _stage(docs: Iterable[Document], name: str, min_score: float | None) -> Iterable[Document]:
    for doc in docs:
        doc.ran.append(name)
        if min_score is not None:
            # Filter before later stages run: actors refer to technique spans by index.
            doc.techniques = [s for s in doc.techniques if s.score >= min_score]
        yield doc
