"""Articles per second and peak memory of technique detection over the 75 PTC dev articles.

Runs `unspin analyze --format ptc` with every stage but `techniques` disabled, as a child
process (model load included), and prints wall time, articles/s and the child's peak RSS.

    .venv/bin/python bench/bench_techniques.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = default_data_dir() / "ptc"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    folder = args.data / "dev-articles"
    if not folder.is_dir():
        print(f"skipped: no PTC dev articles at {folder} (set UNSPIN_SHARED_DATA or --data)")
        return 0
    n = len(list(folder.glob("*.txt")))
    sys.path.insert(0, str(REPO))
    from unspin.pipeline import DEFAULT_PIPELINE

    disable = [x for name in DEFAULT_PIPELINE if name != "techniques" for x in ("--disable", name)]
    command = [sys.executable, "-m", "unspin", "analyze", str(folder), "--format", "ptc", *disable]
    print("command:", " ".join(command[2:]))
    for run in range(args.repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stderr.strip())
            return result.returncode
        spans = sum(1 for line in result.stdout.splitlines() if line.strip())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        peak_mb = after.ru_maxrss / 1024
        # On a shared machine wall time depends on the neighbours; CPU seconds much less so.
        print(f"run {run + 1}: {n} articles in {wall:.2f}s = {n / wall:.1f} articles/s, "
              f"{spans} spans, peak RSS {peak_mb:.0f} MB (largest child so far); "
              f"CPU {cpu:.1f}s = {n / (cpu / os.cpu_count()):.1f} articles/s if the "
              f"{os.cpu_count()} cores were free")
    return 0


if __name__ == "__main__":
    sys.exit(main())
