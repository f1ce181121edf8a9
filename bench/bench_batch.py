"""Benchmark corpus mode: articles per second for 1, 2 and 4 local workers and a local Dask cluster.

The corpus (default 1,000 articles) is the PTC train, dev and test texts read at run time from
../shared/data/ptc (never copied), repeated under distinct ids; without the data it is synthetic
text. Each configuration analyses the whole corpus into a fresh SQLite store (or PostgreSQL with
--db), from a JSONL file, so the figures include reading, worker start-up and storing.

    .venv/bin/python bench/bench_batch.py                       # the default pipeline
    .venv/bin/python bench/bench_batch.py --disable parse ...   # slow stages left out (say so)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from unspin.corpus import DaskEngine, PipelineSpec, make_engine, open_store, run_batch
from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[1]

OUTLETS = ("Outlet A", "Outlet B", "Outlet C", "Outlet D")


def ptc_texts() -> list[str]:
    data = default_data_dir() / "ptc"
    texts = []
    for split in ("train-articles", "dev-articles", "test-articles"):
        folder = data / split
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("article*.txt"))]
    return texts


def synthetic_texts(n: int = 500, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    words = ["the", "council", "said", "that", "new", "bridge", "plan", "was", "a", "disaster",
             "for", "everyone", "and", "those", "corrupt", "officials", "will", "destroy", "our",
             "town", "before", "it", "is", "too", "late", "according", "to", "report", "on",
             "monday", "by", "harbour", "authority", "with", "12,000", "cars", "day"]
    return [". ".join(" ".join(rng.choice(words) for _ in range(rng.randint(8, 25)))
                      for _ in range(rng.randint(15, 60))) + "." for _ in range(n)]


def write_corpus(path: Path, n: int) -> str:
    texts = ptc_texts()
    origin = f"PTC train+dev+test ({len(texts)} texts) repeated"
    if not texts:
        texts, origin = synthetic_texts(), "synthetic texts (the PTC data was not found)"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"bench{i}", "text": texts[i % len(texts)],
                                     "source": OUTLETS[i % len(OUTLETS)],
                                     "published": f"2020-{1 + i % 12:02d}-01"}) + "\n")
    return origin


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once closed)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_one(label: str, engine: Any, spec: PipelineSpec, corpus: Path, db: str,
            chunk_size: int) -> dict[str, Any]:
    load = os.getloadavg()[0]
    cpu = cpu_seconds()
    with open_store(db) as store:
        start = time.perf_counter()
        stats = run_batch([corpus], store, spec=spec, engine=engine, chunk_size=chunk_size)
        seconds = time.perf_counter() - start
        stored = store.count()
    engine.close()
    return {"config": label, "articles": stats.stored + stats.failed, "failed": stats.failed,
            "stored": stored, "seconds": round(seconds, 2),
            "articles_per_s": round((stats.stored + stats.failed) / seconds, 2),
            "cpu_s": round(cpu_seconds() - cpu, 1), "load_before": round(load, 1)}


def reset(db: str) -> None:
    if "://" in db:
        import sqlalchemy as sa

        engine = sa.create_engine(db.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS unspin_articles"))
            conn.execute(sa.text("DROP TABLE IF EXISTS unspin_meta"))
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", default="1,2,4", help="local worker counts to measure")
    parser.add_argument("--dask-workers", type=int, default=2,
                        help="worker processes of the local Dask cluster (0: skip Dask)")
    parser.add_argument("--disable", action="append", default=[], help="leave out a stage")
    parser.add_argument("--replace", action="append", default=[], help="STAGE=COMPONENT")
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument("--db", default=None, help="a PostgreSQL URL (default: fresh SQLite files)")
    args = parser.parse_args()

    replace = dict(value.split("=", 1) for value in args.replace)
    spec = PipelineSpec.make(args.disable, replace=replace)
    pipeline = spec.load()
    with tempfile.TemporaryDirectory(prefix="unspin-bench-") as folder:
        bench(args, spec, pipeline.names, replace, Path(folder))


def bench(args: argparse.Namespace, spec: PipelineSpec, names: list[str], replace: dict[str, str],
          tmp: Path) -> None:
    corpus = tmp / "corpus.jsonl"
    origin = write_corpus(corpus, args.articles)
    print(f"corpus: {args.articles} articles, {origin}; {corpus.stat().st_size / 1e6:.1f} MB JSONL")
    print(f"pipeline: {', '.join(names)}"
          + (f" (disabled: {', '.join(args.disable)})" if args.disable else "")
          + (f" (replaced: {replace})" if replace else ""))
    print(f"machine: {os.cpu_count()} CPU cores; store: {'PostgreSQL' if args.db else 'SQLite'}; "
          f"chunk size {args.chunk_size}")

    results = []
    for n in [int(w) for w in args.workers.split(",") if w.strip()]:
        db = args.db or str(tmp / f"local{n}.sqlite")
        reset(db)
        results.append(run_one(f"local, {n} worker{'s' * (n > 1)}", make_engine("local", workers=n),
                               spec, corpus, db, args.chunk_size))
        print(json.dumps(results[-1]), flush=True)
    if args.dask_workers:
        from distributed import LocalCluster

        cpu = cpu_seconds()
        with LocalCluster(n_workers=args.dask_workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            db = args.db or str(tmp / "dask.sqlite")
            reset(db)
            results.append(run_one(f"dask, local cluster of {args.dask_workers} workers",
                                   DaskEngine(cluster.scheduler_address), spec, corpus, db,
                                   args.chunk_size))
        # The workers' CPU time is known once the cluster has shut them down (start-up included).
        results[-1]["cpu_s"] = round(cpu_seconds() - cpu, 1)
        print(json.dumps(results[-1]), flush=True)

    base = results[0]["articles_per_s"] if results else 0
    print()
    print(f"{'configuration':36} {'articles':>8} {'seconds':>8} {'articles/s':>11} {'speed-up':>9} "
          f"{'CPU s':>7} {'articles/CPU s':>15} {'load':>5}")
    for r in results:
        speedup = r["articles_per_s"] / base if base else 0
        per_cpu = r["articles"] / r["cpu_s"] if r["cpu_s"] else 0
        print(f"{r['config']:36} {r['articles']:>8} {r['seconds']:>8} {r['articles_per_s']:>11} "
              f"{speedup:>8.2f}x {r['cpu_s']:>7} {per_cpu:>15.2f} {r['load_before']:>5}")
        assert r["stored"] == args.articles, f"{r['config']}: stored {r['stored']} of {args.articles}"
    print("\nCPU s: CPU time of the batch and its workers (start-up included); load: the machine's "
          "1-minute load average when the configuration started (others' work included).")


if __name__ == "__main__":
    main()
