"""Threads: each pipeline stage in a thread of its own, and numpy's BLAS on one thread.

(Since stop 37 ``Pipeline.pipe`` shares many articles with helper processes by default, each
running the whole pipeline, and uses the stage threads below only without them: with
``processes=0``, or for a pipeline built by hand.)

``Pipeline.pipe`` runs each stage in its own thread, a few documents ahead of the next stage
(``ahead``): while the techniques encoder runs on one article, spaCy parses the next, and the
Python of the claims, quotes and actors stages fills the gaps. spaCy's parser, onnxruntime and
numpy release the GIL for their heavy work, so on two cores the full pipeline went from a mean
of 4.08 to 4.67 PTC dev articles/s (six runs each), with the same output
(``bench/bench_pipeline.py`` against ``--sequential``).

The models run on onnxruntime sessions of one thread each, side by side (windows, sentences),
and numpy does the small products around them (span heads, the claims model, roles).
numpy's OpenBLAS starts a thread per core for a product of a few hundred rows
and leaves it spinning after, so on two cores it took CPU from the sessions running beside it:
the pipeline bench ran at 3.9-4.2 articles/s with it and 4.3-4.6 with BLAS held to one thread.
``Pipeline.__call__`` holds the limit while it works on its document; ``Pipeline.pipe``, whose
stage threads work on while the caller handles the documents it yields, holds it until the
last document is out (or the caller closes the generator).

The stage threads also take shorter turns at the GIL (``short_gil_turns``). A thread coming
back from the encoder (onnxruntime runs without the GIL) waits for the GIL until the thread
running Python (quotes, actors, claims sources) hands it over, which Python asks it to do after
a switch interval of 5 ms: longer than a claims sentence takes in the encoder (about 3 ms), so
a core could sit idle while its encoder thread waited. With 0.5 ms turns the claims encoder
beside a busy Python thread took 8-11 s instead of 11-16 s for 600 sentences, and the pipeline
bench ran at 0.99, 1.43, 1.44 articles/s against 0.94, 0.88, 1.14 (interleaved runs on a
shared machine at a load of 15-30, so slow for all), with the same output.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["ahead", "one_blas_thread", "short_gil_turns"]

T = TypeVar("T")

#: The switch interval of ``short_gil_turns``, in seconds (Python's default: 0.005).
GIL_TURN = 0.0005
_turns_lock = threading.Lock()
_turns_held = 0
_turns_before = 0.0


@lru_cache(maxsize=1)
def _controller() -> Any:
    import numpy  # noqa: F401  (loads its BLAS, which the controller finds only once loaded)
    from threadpoolctl import ThreadpoolController

    # the BLAS libraries loaded by now, numpy's among them (the one unspin's products use)
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS runs on one thread."""
    return _controller().limit(limits=1, user_api="blas")


@contextmanager
def short_gil_turns() -> Iterator[None]:
    """A context in which a thread holding the GIL hands it on after ``GIL_TURN`` seconds.

    The interval is the process's own (``sys.setswitchinterval``): the first context to enter
    sets it and the last to leave puts back what it was.
    """
    global _turns_held, _turns_before
    with _turns_lock:
        if _turns_held == 0:
            _turns_before = sys.getswitchinterval()
            sys.setswitchinterval(min(GIL_TURN, _turns_before))
        _turns_held += 1
    try:
        yield
    finally:
        with _turns_lock:
            _turns_held -= 1
            if _turns_held == 0:
                sys.setswitchinterval(_turns_before)


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
