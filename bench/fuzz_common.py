"""Shared driver of the atheris fuzz scripts (bench/fuzz_*.py): bounded time, crash files kept.

Each script defines ``one_input(data: bytes)``, which raises ``AssertionError`` (or lets any
non-``UnspinError`` exception escape) when unspin misbehaves. ``run(one_input)`` fuzzes it with
atheris (coverage-guided, libFuzzer) for ``--seconds``; with ``--replay FILE...`` it runs the
saved inputs once each (how a crash becomes a regression test). Without atheris installed it
falls back to random inputs for the same time, and says so.

    .venv/bin/python bench/fuzz_html.py --seconds 60 [--corpus DIR] [--artifacts DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

__all__ = ["instrumented", "run"]

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


def instrumented(*packages: str) -> AbstractContextManager[object]:
    """Import ``packages`` inside this to give atheris their coverage (a no-op without it)."""
    try:
        import atheris
    except ImportError:
        return nullcontext()
    return atheris.instrument_imports(include=list(packages))


def _random_inputs(seeds: Iterable[bytes], seconds: float, one_input: Callable[[bytes], None]) -> int:
    rng = random.Random(0)
    pool = list(seeds) or [b""]
    deadline = time.monotonic() + seconds
    runs = 0
    while time.monotonic() < deadline:
        data = bytearray(rng.choice(pool))
        for _ in range(rng.randint(1, 8)):
            op = rng.randrange(4)
            pos = rng.randint(0, len(data))
            if op == 0:
                data[pos:pos] = rng.randbytes(rng.randint(1, 16))
            elif op == 1 and data:
                del data[pos : pos + rng.randint(1, 16)]
            elif op == 2:
                other = rng.choice(pool)
                data[pos:pos] = other[: rng.randint(0, len(other))]
            elif data:
                data[min(pos, len(data) - 1)] = rng.randrange(256)
        one_input(bytes(data))
        runs += 1
    return runs


def run(one_input: Callable[[bytes], None], *, name: str, seeds: Iterable[bytes] = ()) -> None:
    parser = argparse.ArgumentParser(description=f"Fuzz {name} for a bounded time.")
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of inputs to start from and to grow (default: a temp folder)")
    parser.add_argument("--artifacts", type=Path, default=Path("fuzz-artifacts"),
                        help="where a crashing input is written")
    parser.add_argument("--replay", type=Path, nargs="*", default=None,
                        help="run these saved inputs once each and exit")
    parser.add_argument("--no-atheris", action="store_true", help="use the random fallback")
    args = parser.parse_args()
    seeds = list(seeds)

    if args.replay is not None:
        for path in args.replay:
            one_input(path.read_bytes())
        print(f"{name}: replayed {len(args.replay)} input(s) without a crash")
        return

    try:
        if args.no_atheris:
            raise ImportError
        import atheris
    except ImportError:
        started = time.monotonic()
        runs = _random_inputs(seeds, args.seconds, one_input)
        took = time.monotonic() - started
        print(f"{name}: atheris not used; random mutation fallback ran {runs} inputs in "
              f"{took:.1f} s ({runs / took:.0f}/s) without a crash")
        return

    import tempfile

    corpus = args.corpus or Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(seeds):
        (corpus / f"seed-{i}").write_bytes(seed)
    args.artifacts.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], str(corpus), f"-max_total_time={args.seconds}",
            f"-artifact_prefix={args.artifacts}{os.sep}", "-rss_limit_mb=4096", "-timeout=30",
            "-print_final_stats=1"]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()
