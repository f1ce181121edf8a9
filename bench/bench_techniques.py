"""Articles per second and peak memory of technique detection over the 75 PTC dev articles.

Runs `unspin analyze --format ptc` with every stage but `techniques` disabled, as a child
process (model load included), and prints wall time, articles/s and the child's peak RSS.

    .venv/bin/python bench/bench_techniques.py [--repeat 3]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time

from _stage import dev_folder, stage_arguments


def main() -> int:
    args = stage_arguments(__doc__.splitlines()[0], repeat=1).parse_args()
    folder = dev_folder(args.data)
    if folder is None:
        return 0
    n = len(list(folder.glob("*.txt")))
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
