"""Cost of the claims stage on the 75 PTC dev articles, apart from the spaCy parse it reuses.

Parses every article once (the ``parse`` stage, timed for reference), then runs the claims stage
over the parsed documents (one model run per article, all its sentences together) and prints
wall and CPU time per article, articles/s, sentences scored and claims found. CPU time is the
steadier figure on a shared machine.

    .venv/bin/python bench/bench_claims.py [--repeat 3] [--model DIR]
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
    default_data = default_data_dir() / "ptc"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", type=Path, default=None, help="claims model folder (default: shipped)")
    args = parser.parse_args()
    folder = args.data / "dev-articles"
    if not folder.is_dir():
        print(f"skipped: no PTC dev articles at {folder} (set UNSPIN_SHARED_DATA or --data)")
        return 0
    sys.path.insert(0, str(REPO))
    from unspin.components.claims import candidate_sentences, make_claims
    from unspin.components.parse import make_parser
    from unspin.doc import Article, Document

    files = sorted(folder.glob("*.txt"))
    docs = [Document(Article(id=f.stem, text=f.read_text(encoding="utf-8"))) for f in files]
    parse = make_parser()
    parse(Document(Article(id="warm-up", text="Load the model outside the timing.")))
    started = time.perf_counter()
    docs = list(parse.pipe(docs))
    parse_wall = time.perf_counter() - started
    n = len(docs)
    print(f"parse (spaCy, for reference): {n} articles in {parse_wall:.2f}s = "
          f"{n / parse_wall:.1f} articles/s")

    claims = make_claims() if args.model is None else make_claims(model=args.model)
    claims(docs[0])  # load the model outside the timing
    scorer = claims.scorer
    print(f"model: {scorer.meta.get('kind')} (encoder weight {scorer.encoder_weight}, "
          f"threshold {scorer.threshold})")
    sentences = sum(len(candidate_sentences(d.cache["spacy"])) for d in docs)
    for run in range(args.repeat):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        docs = [claims(d) for d in docs]
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        found = sum(len(d.claims) for d in docs)
        sourced = sum(1 for d in docs for c in d.claims if c.source is not None)
        print(f"claims run {run + 1}: {n} articles, {sentences} sentences scored, {found} claims "
              f"({sourced} with a source); wall {1000 * wall / n:.1f} ms/article = {n / wall:.1f} "
              f"articles/s; CPU {1000 * cpu / n:.1f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
