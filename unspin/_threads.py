"""Threads: each pipeline stage in a thread of its own, and numpy's BLAS on one thread.

``Pipeline.pipe`` runs each stage in its own thread, a few documents ahead of the next stage
(``ahead``): while the techniques encoder runs on one article, spaCy parses the next, and the
Python of the claims, quotes and actors stages fills the gaps. spaCy's parser, onnxruntime and
numpy release the GIL for their heavy work, so on two cores the full pipeline went from a mean
of 4.08 to 4.67 PTC dev articles/s (six runs each), with the same output
(``bench/bench_pipeline.py`` against ``--sequential``).

The models run on onnxruntime sessions of one thread each, side by side (windows, sentences),
and numpy does the small products around them (span heads, the claims model, the attribution
probe, roles). numpy's OpenBLAS starts a thread per core for a product of a few hundred rows
and leaves it spinning after, so on two cores it took CPU from the sessions running beside it:
the pipeline bench ran at 3.9-4.2 articles/s with it and 4.3-4.6 with BLAS held to one thread.
``Pipeline.__call__`` holds the limit while it works on its document; ``Pipeline.pipe``, whose
stage threads work on while the caller handles the documents it yields, holds it until the
last document is out (or the caller closes the generator).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["ahead", "one_blas_thread"]

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


def ahead(items: Iterable[T], stop: threading.Event, *, size: int = 8, name: str = "unspin-stage"
          ) -> Iterator[T]:
    """``items``, computed in a thread of their own up to ``size`` items ahead of the consumer.

    The items keep their order; an exception raised while computing them is raised here, in
    its place. Setting ``stop`` (the consumer is gone) ends the thread at its next item, and it
    closes ``items`` itself, in the thread that ran them.
    """
    slots: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=size)

    def offer(entry: tuple[bool, Any]) -> bool:
        while not stop.is_set():
            try:
                slots.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not offer((True, item)):
                    return
        except BaseException as exc:  # handed to the consumer, raised there
            offer((False, exc))
            return
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()
        offer((False, None))

    threading.Thread(target=work, name=name, daemon=True).start()
    while True:
        try:
            ok, value = slots.get(timeout=0.1)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        if ok:
            yield value
        elif value is None:
            return
        else:
            raise value
