"""Articles per second and peak memory of the full default pipeline over the 75 PTC dev articles.

Loads the default pipeline once (load time printed apart), analyses every article with
``Pipeline.pipe`` and prints articles/s and the peak RSS of each process. By default ``pipe``
shares the articles with helper processes (``--processes``, "auto": one on a machine of 2 cores),
each running the whole pipeline; with ``--processes 0`` everything runs in this process and the
bench also prints the busy time of each stage (without its waits for the stage before), the
stages running in threads of their own as ``Pipeline.pipe`` runs them (``--sequential``: one
after the other, in one thread). When the trained technique model is not installed, it says so
and runs the lexicon baseline in its place (``--lexicon`` forces that).

    .venv/bin/python bench/bench_pipeline.py [--repeat 2] [--processes auto|0|1|2] [--lexicon]
        [--sequential] [--parse-worker auto|yes|no]
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from _stage import dev_folder, stage_arguments


class _Timed:
    """Wraps a component and adds up the time spent in it (also when it batches with ``pipe``)."""

    def __init__(self, name: str, component: Any, totals: dict[str, float]) -> None:
        self.name, self.component, self.totals = name, component, totals
        self.requires, self.assigns = component.requires, component.assigns

    def __call__(self, doc: Any) -> Any:
        started = time.perf_counter()
        out = self.component(doc)
        self.totals[self.name] += time.perf_counter() - started
        return out

    def pipe(self, docs: Iterable[Any]) -> Iterator[Any]:
        from unspin.components.base import pipe_component

        stream = pipe_component(self.component, self._waited(docs))
        while True:
            started = time.perf_counter()
            try:
                doc = next(stream)
            except StopIteration:
                return
            finally:
                self.totals[self.name] += time.perf_counter() - started
            yield doc

    def _waited(self, docs: Iterable[Any]) -> Iterator[Any]:
        """``docs``, with the time spent waiting for them taken off this stage's clock."""
        upstream = iter(docs)
        while True:
            started = time.perf_counter()
            try:
                doc = next(upstream)
            except StopIteration:
                return
            finally:
                self.totals[self.name] -= time.perf_counter() - started
            yield doc


def _worker_rss_mb(parser: Any) -> float:
    """The parse worker's peak RSS (VmHWM), in MB; 0 where it cannot be read."""
    from unspin.components.parse import _WORKERS

    worker = _WORKERS.get(getattr(parser, "model", ""))
    return _peak_rss_mb(worker.process.pid) if worker is not None else 0.0


def _helpers_rss_mb() -> list[float]:
    """The peak RSS of each pipeline helper process, in MB."""
    from unspin.pipeline import _HELPERS

    return [_peak_rss_mb(worker.process.pid) for worker in _HELPERS.workers.values()]


def _helpers_cpu_s() -> float:
    """The CPU time the pipeline helper processes have used so far, in seconds."""
    from unspin.pipeline import _HELPERS

    total = 0.0
    for worker in _HELPERS.workers.values():
        try:
            stat = Path(f"/proc/{worker.process.pid}/stat").read_text(encoding="ascii")
            fields = stat.rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def _peak_rss_mb(pid: int) -> float:
    """A process's peak RSS (VmHWM), in MB; 0 where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = stage_arguments(__doc__.splitlines()[0], repeat=1)
    parser.add_argument("--lexicon", action="store_true", help="Use the lexicon technique baseline.")
    parser.add_argument("--parse-worker", choices=("auto", "yes", "no"), default=None,
                        help="Parse in a process of its own (config parse.worker; auto: on 2+ cores); "
                        "default: the pipeline's own default.")
    parser.add_argument("--processes", choices=("auto", "0", "1", "2", "3"), default="auto",
                        help="Helper processes Pipeline.pipe shares the articles with (auto: one on 2 "
                        "cores); "
                        "0 runs everything here and prints each stage's time.")
    parser.add_argument("--sequential", action="store_true",
                        help="Run the stages one after the other in one thread (Pipeline threaded=False).")
    args = parser.parse_args()
    folder = dev_folder(args.data)
    if folder is None:
        return 0
    from unspin.errors import ModelError
    from unspin.pipeline import Pipeline, load
    from unspin.training.ptc import read_ptc_articles

    articles = list(read_ptc_articles(folder).values())
    replace = {"techniques": "techniques_lexicon"} if args.lexicon else {}
    config = {} if args.parse_worker is None else {
        "parse": {"worker": {"yes": True, "no": False}.get(args.parse_worker, "auto")}}
    started = time.perf_counter()
    processes: Any = "auto" if args.processes == "auto" else int(args.processes)
    nlp = load(replace=replace, config=config, processes=processes)
    try:
        nlp(articles[0])  # loads every model once
    except ModelError as exc:
        print(f"note: {exc}\nnote: running the lexicon technique baseline instead")
        replace = {"techniques": "techniques_lexicon"}
        nlp = load(replace=replace, config=config, processes=processes)
        nlp(articles[0])
    print(f"pipeline: {', '.join(nlp.names)}{' (techniques = lexicon baseline)' if replace else ''}")
    print(f"load and first article: {time.perf_counter() - started:.2f}s")
    words = sum(len(a.text.split()) for a in articles)
    if nlp.helper_processes:
        return _bench_with_helpers(nlp, articles, words, args.repeat)
    for run in range(args.repeat):
        totals: dict[str, float] = defaultdict(float)
        timed = Pipeline([(name, _Timed(name, component, totals)) for name, component in nlp.components],
                         threaded=not args.sequential)
        worker_before = getattr(dict(nlp.components).get("parse"), "parsed_by_worker", 0)
        started = time.perf_counter()
        docs = list(timed.pipe(articles))
        wall = time.perf_counter() - started
        counts = {k: sum(len(getattr(d, k)) for d in docs)
                  for k in ("techniques", "claims", "quotes", "actors")}
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parser = dict(nlp.components).get("parse")
        by_worker = getattr(parser, "parsed_by_worker", 0) - worker_before
        print(f"run {run + 1}: {len(docs)} articles ({words} words) in {wall:.2f}s = "
              f"{len(docs) / wall:.2f} articles/s, peak RSS {peak_mb:.0f} MB"
              + (f" (and the parse worker's {_worker_rss_mb(parser):.0f} MB; it parsed {by_worker} of "
                 f"{len(docs)})" if getattr(parser, "uses_worker", False) else ""))
        print(f"  stage seconds{'' if args.sequential else ' (each in its own thread, overlapping)'}: "
              + ", ".join(f"{k} {totals[k]:.2f}" for k in nlp.names))
        print("  found: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"CPUs visible: {os.cpu_count()}")
    return 0


def _bench_with_helpers(nlp: Any, articles: list[Any], words: int, repeat: int) -> int:
    """Whole-pipeline runs, the articles shared with the helper processes (no stage times: the
    stages run in several processes)."""
    for run in range(repeat):
        before, helper_cpu = nlp.analysed_by_helpers, _helpers_cpu_s()
        started, cpu = time.perf_counter(), time.process_time()
        docs = list(nlp.pipe(articles))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        helper_cpu = _helpers_cpu_s() - helper_cpu
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        helpers = ", ".join(f"{mb:.0f}" for mb in _helpers_rss_mb())
        counts = {k: sum(len(getattr(d, k)) for d in docs)
                  for k in ("techniques", "claims", "quotes", "actors")}
        print(f"run {run + 1}: {len(docs)} articles ({words} words) in {wall:.2f}s = {len(docs) / wall:.2f} "
              f"articles/s; {nlp.analysed_by_helpers - before} of {len(docs)} analysed by "
              f"{nlp.helper_processes} helper process(es); CPU-s {cpu:.1f} here, {helper_cpu:.1f} in the "
              f"helpers; peak RSS {peak_mb:.0f} MB here and {helpers or '-'} MB in the helpers")
        print("  found: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"CPUs visible: {os.cpu_count()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
