"""Cost of the claims stage on the 75 PTC dev articles, apart from the spaCy parse it reuses.

Parses every article once (the ``parse`` stage, timed for reference), then runs the claims stage
over the parsed documents (one model run per article, all its sentences together) and prints
wall and CPU time per article, articles/s, sentences scored and claims found. CPU time is the
steadier figure on a shared machine.

    .venv/bin/python bench/bench_claims.py [--repeat 3] [--model DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _stage import parsed_dev_articles, stage_arguments


def main() -> int:
    parser = stage_arguments(__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="claims model folder (default: shipped)")
    args = parser.parse_args()
    docs = parsed_dev_articles(args.data)
    if docs is None:
        return 0
    from unspin.components.claims import candidate_sentences, make_claims

    n = len(docs)
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
