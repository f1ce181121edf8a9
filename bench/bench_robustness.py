"""Memory and time figures for huge inputs: a 10 MB article, a multi-GB JSONL, a huge JSONL line.

Each part runs in its own child process so that its peak RSS is its own:

- ``article``: a 10 MB article given to the default pipeline (refused at ``MAX_CHARS``).
- ``at-limit``: an article of ``MAX_CHARS`` characters analysed whole (slow: minutes).
- ``jsonl``: a JSONL file of ``--jsonl-gb`` GB written to a temp folder and streamed through
  ``read_source`` (every article read, none kept).
- ``sparse``: a sparse ``--jsonl-gb`` GB file with no newline (one huge "line").
- ``pipe``: ``--articles`` articles streamed from JSONL through a light pipeline (language check,
  lexicon techniques, summary) and rendered to JSON, RSS sampled as it goes.
- ``pipe-full``: the same for ``--articles-full`` articles through the default pipeline.

    .venv/bin/python bench/bench_robustness.py [--parts article,jsonl,sparse,pipe,pipe-full]
                                               [--jsonl-gb 2] [--articles 20000]
                                               [--articles-full 1000]
    part at-limit (minutes): --parts at-limit [--disable quotes]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "The harbour board met on Tuesday and agreed to review the mooring fees for next year. "


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def default_pipeline(leave_out: tuple[str, ...] = ()) -> tuple[object, str]:
    """The default pipeline (less ``leave_out``), warmed up; a stage whose model is not built
    here is replaced by its baseline (techniques) or left out, and the figures say so."""
    import unspin

    disable: list[str] = list(leave_out)
    replace: dict[str, str] = {}
    while True:
        nlp = unspin.load(disable, replace=replace)
        doc = nlp.make_doc("A short warm-up text so that every model is loaded before measuring.")
        broken = None
        try:
            for name, component in nlp.components:
                broken = name
                doc = component(doc)
        except unspin.UnspinError:
            if broken == "techniques" and "techniques" not in replace:
                replace["techniques"] = "techniques_lexicon"
            else:
                disable.append(str(broken))
            continue
        note = f"pipeline {'+'.join(nlp.names)}"
        missing = [*replace, *(d for d in disable if d not in leave_out)]
        if missing:
            note += f" (models missing here: {', '.join(missing)})"
        if leave_out:
            note += f" (left out on purpose: {', '.join(leave_out)})"
        return nlp, note


def part_article() -> str:
    from unspin import UnspinError

    nlp, note = default_pipeline()
    base = peak_mb()
    text = SENTENCE * (10_000_000 // len(SENTENCE))
    started = time.perf_counter()
    try:
        nlp(text)  # type: ignore[operator]
        outcome = "analysed"
    except UnspinError as exc:
        outcome = f"refused: {exc}"
    took = time.perf_counter() - started
    return (f"10 MB article ({len(text):,} chars): {outcome[:140]}; {took * 1000:.0f} ms; peak RSS "
            f"{peak_mb():.0f} MB (pipeline loaded: {base:.0f} MB); {note}")


def part_at_limit(leave_out: tuple[str, ...]) -> str:
    from unspin.pipeline import MAX_CHARS

    nlp, note = default_pipeline(leave_out)
    base = peak_mb()
    text = (SENTENCE * (MAX_CHARS // len(SENTENCE) + 1))[:MAX_CHARS]
    started = time.perf_counter()
    doc = nlp(text)  # type: ignore[operator]
    took = time.perf_counter() - started
    return (f"article at the limit ({len(text):,} chars): analysed in {took:.0f} s, "
            f"{len(doc.techniques)} technique spans; peak RSS {peak_mb():.0f} MB (pipeline loaded: "
            f"{base:.0f} MB); {note}")


def write_jsonl(path: Path, size: int) -> int:
    line_text = SENTENCE * 10
    written = lines = 0
    with path.open("wb", buffering=1 << 20) as handle:
        while written < size:
            line = json.dumps({"id": f"a{lines}", "text": line_text}).encode() + b"\n"
            handle.write(line)
            written += len(line)
            lines += 1
    return lines


def part_jsonl(gb: float, folder: Path) -> str:
    from unspin.ingest import read_source

    path = folder / "big.jsonl"
    lines = write_jsonl(path, int(gb * 1e9))
    base = rss_mb()
    started = time.perf_counter()
    count = errors = 0
    for item in read_source(path):
        if isinstance(item, Exception):
            errors += 1
        count += 1
    took = time.perf_counter() - started
    size = path.stat().st_size
    path.unlink()
    return (f"JSONL {size / 1e9:.2f} GB, {lines:,} lines: {count:,} items ({errors} errors) "
            f"streamed in {took:.0f} s ({size / 1e6 / took:.0f} MB/s); RSS {base:.0f} MB before, "
            f"peak {peak_mb():.0f} MB")


def part_sparse(gb: float, folder: Path) -> str:
    from unspin.ingest import read_source

    path = folder / "sparse.jsonl"
    with path.open("wb") as handle:
        handle.truncate(int(gb * 1e9))
    base = rss_mb()
    started = time.perf_counter()
    items = list(read_source(path))
    took = time.perf_counter() - started
    path.unlink()
    return (f"sparse {gb:g} GB file with no newline: {len(items)} item(s): "
            f"{str(items[0])[:110]}; {took:.0f} s; RSS {base:.0f} MB before, peak {peak_mb():.0f} MB")


def part_pipe(articles: int, folder: Path, *, full: bool = False) -> str:
    import unspin
    from unspin.ingest import read_source

    path = folder / "pipe.jsonl"
    write_jsonl(path, articles * len(json.dumps({"id": "a0", "text": SENTENCE * 10})) + articles)
    if full:
        nlp, note = default_pipeline()
    else:
        nlp = unspin.load(components=["language", "techniques", "summary"],
                          replace={"techniques": "techniques_lexicon"})
        note = "pipeline language+techniques_lexicon+summary"
    samples: list[tuple[int, float]] = []
    started = time.perf_counter()
    done = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for doc in nlp.pipe(a for a in read_source(path) if isinstance(a, unspin.Article)):  # type: ignore[attr-defined]
            sink.write(unspin.to_json(doc) + "\n")
            done += 1
            if done % max(1, articles // 10) == 0:
                samples.append((done, rss_mb()))
    took = time.perf_counter() - started
    path.unlink()
    first, last = samples[0], samples[-1]
    return (f"pipe: {done:,} articles streamed to JSON in {took:.0f} s; RSS {first[1]:.0f} MB after "
            f"{first[0]:,}, {last[1]:.0f} MB after {last[0]:,} (peak {peak_mb():.0f} MB); {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", default="article,jsonl,sparse,pipe,pipe-full")
    parser.add_argument("--jsonl-gb", type=float, default=2.0)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--articles-full", type=int, default=1_000)
    parser.add_argument("--disable", default="", help="stages left out of the at-limit part")
    parser.add_argument("--part", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        leave_out = tuple(filter(None, args.disable.split(",")))
        run = {"article": part_article, "at-limit": lambda: part_at_limit(leave_out),
               "jsonl": lambda: part_jsonl(args.jsonl_gb, args.folder),
               "sparse": lambda: part_sparse(args.jsonl_gb, args.folder),
               "pipe": lambda: part_pipe(args.articles, args.folder),
               "pipe-full": lambda: part_pipe(args.articles_full, args.folder, full=True)}[args.part]
        print(run(), flush=True)
        return
    with tempfile.TemporaryDirectory(prefix="unspin-bench-") as folder:
        for part in args.parts.split(","):
            subprocess.run([sys.executable, __file__, "--part", part, "--folder", folder,
                            "--jsonl-gb", str(args.jsonl_gb), "--articles", str(args.articles),
                            "--articles-full", str(args.articles_full), "--disable", args.disable],
                           check=True)


if __name__ == "__main__":
    main()
