"""The component contract and the registry of component factories."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from unspin.doc import Document
from unspin.errors import ConfigError

__all__ = ["FACTORIES", "Component", "available", "create", "register"]


@runtime_checkable
class Component(Protocol):
    """A pipeline stage.

    ``requires`` names the document fields it reads and ``assigns`` those it fills; the
    pipeline checks that every requirement is assigned by an earlier stage (``text`` is always
    there). ``__call__`` takes the document and returns it.
    """

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def pipe_component(component: Component, docs: Iterable[Document]) -> Iterator[Document]:
    """Run a component over many documents, batched when it offers ``pipe``."""
    pipe = getattr(component, "pipe", None)
    if pipe is not None:
        yield from pipe(docs)
    else:
        for doc in docs:
            yield component(doc)


# name -> "module:factory". The module is imported on first use.
FACTORIES: dict[str, str] = {
    "language": "unspin.components.language:make_language_check",
    "parse": "unspin.components.parse:make_parser",
    "techniques": "unspin.components.techniques:make_techniques",
    "techniques_lexicon": "unspin.components.techniques_lexicon:make_lexicon_techniques",
    "claims": "unspin.components.claims:make_claims",
    "quotes": "unspin.components.quotes:make_quotes",
    "actors": "unspin.components.actors:make_actors",
    "summary": "unspin.components.summary:make_summary",
}

_LOADED: dict[str, Callable[..., Component]] = {}


def register(name: str) -> Callable[[Callable[..., Component]], Callable[..., Component]]:
    """Register a component factory under ``name`` (for plugins and tests)."""

    def decorator(factory: Callable[..., Component]) -> Callable[..., Component]:
        _LOADED[name] = factory
        return factory

    return decorator


def available() -> list[str]:
    """Names of every registered component."""
    return sorted(set(FACTORIES) | set(_LOADED))


def create(name: str, **settings: Any) -> Component:
    """Build the component registered as ``name`` with ``settings`` overriding its defaults."""
    factory = _LOADED.get(name)
    if factory is None:
        target = FACTORIES.get(name)
        if target is None:
            raise ConfigError(
                f"unknown component {name!r}; available components are: {', '.join(available())}"
            )
        module_name, _, attr = target.partition(":")
        factory = getattr(importlib.import_module(module_name), attr)
        _LOADED[name] = factory
    try:
        return factory(**settings)
    except TypeError as exc:
        raise ConfigError(f"bad settings for component {name!r}: {exc}") from None
