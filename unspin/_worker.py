"""A helper process that answers framed requests in order: the parse worker and the pipeline worker.

Each is a plain subprocess (``python -m MODULE ARGS``), so it never imports the caller's
``__main__`` as ``multiprocessing``'s spawn would. Requests go to its standard input and answers
come from its standard output, in the same order, each as a frame: an 8-byte big-endian length,
then that many bytes. The process writes one empty frame once it is ready (its models loaded);
the end of its input ends it. Its own error output goes nowhere: a process that dies is seen as
gone (``broken``) and its callers do the work themselves.
"""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import multiprocessing
import os
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar

__all__ = ["HELPER_ENV", "FramedWorker", "WorkerRegistry", "may_start_processes", "one_process_only",
           "read_frame", "single_process", "usable_cores", "write_frame"]

#: Set in a pipeline helper process's environment: it analyses its articles itself.
HELPER_ENV = "UNSPIN_PIPELINE_HELPER"
_SINGLE: contextvars.ContextVar[bool] = contextvars.ContextVar("unspin_single_process", default=False)
_LENGTH = struct.Struct(">Q")
K = TypeVar("K", bound=Hashable)


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@contextlib.contextmanager
def single_process() -> Iterator[None]:
    """A context in which the stages start no helper processes of their own (``may_start_processes``
    is False): the main process's share of a ``pipe`` that has pipeline helpers already."""
    token = _SINGLE.set(True)
    try:
        yield
    finally:
        _SINGLE.reset(token)


def one_process_only() -> bool:
    """Whether no stage may start a process here, whatever its settings: in a pipeline helper, or
    inside ``single_process``."""
    return _SINGLE.get() or bool(os.environ.get(HELPER_ENV))


def may_start_processes() -> bool:
    """Whether work here may go to helper processes that "auto" settings start: not where
    ``one_process_only``, nor in a process that is itself a worker (of ``batch``, ``serve`` or
    Dask: its siblings fill the cores already)."""
    return not one_process_only() and multiprocessing.parent_process() is None


def read_frame(stream: BinaryIO) -> bytes | None:
    """The next frame's bytes, or None at the end of the stream."""
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    data = stream.read(size)
    return data if len(data) == size else None


def write_frame(stream: BinaryIO, data: bytes) -> None:
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


class FramedWorker:
    """One helper process, ``python -m module *args``, and a thread that reads its answers.

    ``first``: a frame sent before any request (what the process needs to get ready, such as the
    pipeline to build). ``in_use`` is for callers that let one user at a time send requests.
    """

    def __init__(self, module: str, *args: str, first: bytes | None = None,
                 name: str = "unspin-worker") -> None:
        env = dict(os.environ)
        here = str(Path(__file__).resolve().parents[1])  # this unspin, wherever it is imported from
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        self.ready = threading.Event()
        self.results: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.in_use = threading.Lock()
        self.broken = False
        self.hung = False  # gave no answer in time and was killed (``receive``)
        if first is not None and not self._write(first):
            self.broken = True
        self.reader = threading.Thread(target=self._read, name=name, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stdout = self.process.stdout
        assert stdout is not None
        if read_frame(stdout) is not None:
            self.ready.set()
            while (data := read_frame(stdout)) is not None:
                self.results.put(data)
        self.broken = True
        self.results.put(None)

    def _write(self, data: bytes) -> bool:
        try:
            assert self.process.stdin is not None
            write_frame(self.process.stdin, data)
        except (OSError, ValueError):  # the process is gone
            self.broken = True
            return False
        return True

    def send(self, data: bytes) -> bool:
        """Send a request; False when the process is not ready yet, or gone."""
        if self.broken or not self.ready.is_set():
            return False
        return self._write(data)

    def answered(self) -> bool:
        """Whether an answer (or the news that the process is gone) is waiting to be received."""
        return self.hung or not self.results.empty()

    def receive(self, timeout: float | None = None) -> bytes | None:
        """The answer to the oldest request sent, or None if the process died first. With a
        ``timeout`` (seconds), a process that gives no answer in that time is taken as hung:
        it is killed, and None is the answer (its callers do that work themselves)."""
        if self.hung or (self.broken and self.results.empty()):
            return None  # a hung process's late answers must not pass for later requests
        try:
            return self.results.get(timeout=timeout)
        except queue.Empty:
            self.hung = self.broken = True
            with contextlib.suppress(OSError):
                self.process.kill()
            return None

    def close(self) -> None:
        """End the process: it ends at the end of its input, and is killed if it does not within
        10 s, or at once if it is still getting ready (nothing to wait for)."""
        if not self.ready.is_set():
            with contextlib.suppress(OSError):
                self.process.kill()
        with contextlib.suppress(OSError):
            self.process.stdin.close()  # type: ignore[union-attr]
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        with contextlib.suppress(OSError):
            self.process.stdout.close()  # type: ignore[union-attr]


class WorkerRegistry(Generic[K]):
    """Helper processes kept for the life of this process, one per key, each started on first use.

    A process that died is started again on the next ``get`` (once no caller holds it); one
    that ended before it was ready counts as a failed start, and after ``max_failed`` of those a
    key gets no new process: ``get`` hands back the broken one, whose callers work without it.
    """

    def __init__(self, start: Callable[[K], FramedWorker], max_failed: int = 2) -> None:
        self.start = start
        self.max_failed = max_failed
        self.workers: dict[K, FramedWorker] = {}
        self.failed: dict[K, int] = {}
        self._lock = threading.Lock()
        atexit.register(self.close)

    def get(self, key: K) -> FramedWorker:
        with self._lock:
            worker = self.workers.get(key)
            if worker is None or (worker.broken and not worker.in_use.locked()):
                if worker is not None:
                    if not worker.ready.is_set() and self.failed.get(key, 0) < self.max_failed:
                        self.failed[key] = self.failed.get(key, 0) + 1
                    if self.failed.get(key, 0) >= self.max_failed:
                        return worker  # broken: its callers do the work themselves
                    worker.close()
                worker = self.workers[key] = self.start(key)
            return worker

    def retire(self, keep: Callable[[K], bool]) -> None:
        """End the processes that no caller holds and whose key ``keep`` refuses."""
        with self._lock:
            for key, worker in list(self.workers.items()):
                if not keep(key) and worker.in_use.acquire(blocking=False):
                    worker.close()
                    del self.workers[key]
                    worker.in_use.release()

    def close(self) -> None:
        """End every process (at exit, or to start afresh)."""
        with self._lock:
            for worker in self.workers.values():
                worker.close()
            self.workers.clear()
