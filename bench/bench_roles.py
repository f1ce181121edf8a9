"""Cost of the actors stage (entities, targets and roles) on the PTC dev articles, apart from the parse.

Parses every article once (the ``parse`` stage, timed for reference), then runs the actors
stage with and without roles over the parsed documents and prints wall and CPU time per
article; the difference is the role model's cost (encoder + classifiers). CPU time is the
steadier figure on a shared machine.

    .venv/bin/python bench/bench_roles.py [--repeat 3] [--limit 75]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir() / "ptc")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    args = parser.parse_args()
    folder = args.data / "dev-articles"
    if not folder.is_dir():
        print(f"skipped: no PTC dev articles at {folder} (set UNSPIN_SHARED_DATA or --data)")
        return 0
    sys.path.insert(0, str(REPO))
    from unspin.components.actors import make_actors
    from unspin.components.parse import make_parser
    from unspin.doc import Article, Document

    files = sorted(folder.glob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    docs = [Document(Article(id=f.stem, text=f.read_text(encoding="utf-8"))) for f in files]
    parse = make_parser()
    parse(Document(Article(id="warm-up", text="Load the model outside the timing.")))
    started = time.perf_counter()
    docs = list(parse.pipe(docs))
    n = len(docs)
    print(f"parse (spaCy, for reference): {n} articles, {n / (time.perf_counter() - started):.1f} articles/s")
    for roles in (False, True):
        stage = make_actors(roles=roles)
        stage(docs[0])  # load the models outside the timing
        for run in range(args.repeat):
            wall0, cpu0 = time.perf_counter(), time.process_time()
            for doc in docs:
                stage(doc)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            actors = sum(len(d.actors) for d in docs)
            with_role = sum(1 for d in docs for a in d.actors if a.role is not None)
            print(f"actors roles={roles} run {run + 1}: {n} articles, {actors} actors ({with_role} with a "
                  f"role); wall {1000 * wall / n:.1f} ms/article, CPU {1000 * cpu / n:.1f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
