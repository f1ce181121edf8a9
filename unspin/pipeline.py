"""The pipeline: a sequence of components configured in one place (``DEFAULT_PIPELINE``)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from functools import lru_cache
from typing import Any, Literal

from unspin._threads import ahead, one_blas_thread, short_gil_turns
from unspin.components.base import Component, create, pipe_component
from unspin.doc import Article, Document
from unspin.errors import ConfigError, EmptyInputError, EncodingError, InputError, InputTooLargeError

__all__ = ["DEFAULT_PIPELINE", "MAX_CHARS", "Pipeline", "analyze", "load"]

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


class Pipeline:
    """Runs its components in order over documents."""

    def __init__(self, components: Sequence[tuple[str, Component]], *, max_chars: int = MAX_CHARS,
                 threaded: bool = True) -> None:
        self.components = list(components)
        self.max_chars = max_chars
        #: ``pipe`` runs each stage in a thread of its own, a few documents ahead of the next
        #: (same output; ``False`` runs them one after the other in the caller's thread).
        self.threaded = threaded
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

    def pipe(self, articles: Iterable[Article | str | InputError], *,
             errors: Literal["raise", "yield"] = "raise") -> Iterator[Document | InputError]:
        """Analyse many articles in order, letting components batch their work.

        With ``threaded`` (the default) each stage works in a thread of its own, a few
        documents ahead of the next stage; the output is the same either way.

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
        for name, component in self.components:
            stream = _mark(pipe_component(component, stream), name)
            if self.threaded:
                stream = ahead(stream, stop, name=f"unspin-{name}")
        try:
            with one_blas_thread(), short_gil_turns() if self.threaded else nullcontext():
                for doc in stream:
                    yield from before.pop(id(doc), ())
                    yield doc
                yield from held
        finally:
            stop.set()


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
) -> Pipeline:
    """Build a pipeline.

    ``disable``: names to leave out. ``config``: per-component settings overriding the
    defaults. ``replace``: run another registered component in a stage's place.
    ``components``: the exact list of stages (default ``DEFAULT_PIPELINE``).
    ``threaded``: ``Pipeline.pipe`` runs each stage in a thread of its own (see ``Pipeline``).
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
    return Pipeline(built, max_chars=max_chars, threaded=threaded)


@lru_cache(maxsize=4)
def _cached(disable: tuple[str, ...]) -> Pipeline:
    return load(disable)


def analyze(text: str | Article, *, disable: Iterable[str] = ()) -> Document:
    """Analyse one text with the default pipeline (loaded once and cached)."""
    return _cached(tuple(sorted(disable)))(text)
