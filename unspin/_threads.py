"""numpy's BLAS on one thread while unspin works.

The models run on onnxruntime sessions of one thread each, side by side (windows, sentences),
and numpy does the small products around them (span heads, the claims model, the attribution
probe, roles). numpy's OpenBLAS starts a thread per core for a product of a few hundred rows
and leaves it spinning after, so on two cores it took CPU from the sessions running beside it:
the pipeline bench ran at 3.9-4.2 articles/s with it and 4.3-4.6 with BLAS held to one thread.
The limit holds only while a pipeline works on a document, not between the documents it
yields, so the caller's own numpy keeps its threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["one_blas_thread", "one_blas_thread_each"]

T = TypeVar("T")


@lru_cache(maxsize=1)
def _controller() -> Any:
    import numpy  # noqa: F401  (loads its BLAS, which the controller finds only once loaded)
    from threadpoolctl import ThreadpoolController

    # the BLAS libraries loaded by now, numpy's among them (the one unspin's products use)
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS runs on one thread."""
    return _controller().limit(limits=1, user_api="blas")


def one_blas_thread_each(items: Iterable[T]) -> Iterator[T]:
    """``items``, each one computed with BLAS on one thread (the consumer's code between them
    runs without the limit)."""
    iterator = iter(items)
    while True:
        with one_blas_thread():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item
