"""Cost of the quotes stage on the 75 PTC dev articles, apart from the spaCy parse it reuses.

Parses every article once (the ``parse`` stage, timed for reference), then runs the quotes stage
over the parsed documents (quotation marks, the attribution tagger's encoder pass, cue model,
learned speaker choice, the entity clusters it computes for the actors stage) and prints wall
and CPU time per article (numpy's BLAS on one thread, as in the pipeline), quotes found and the
share with a speaker. ``--without-tagger`` leaves the tagger out (the parse alone). CPU time is
the steadier figure on a shared machine.

    .venv/bin/python bench/bench_quotes.py [--repeat 3] [--rules] [--without-tagger]
"""

from __future__ import annotations

import sys
import time

from _stage import parsed_dev_articles, stage_arguments


def main() -> int:
    parser = stage_arguments(__doc__.splitlines()[0])
    parser.add_argument("--rules", action="store_true", help="cue-subject rule, no speaker model")
    parser.add_argument("--without-tagger", action="store_true",
                        help="Leave out the attribution tagger (its encoder pass): the parse alone.")
    args = parser.parse_args()
    docs = parsed_dev_articles(args.data)
    if docs is None:
        return 0
    from unspin._threads import one_blas_thread
    from unspin.components._quotes_tagger import PROBE_KEY
    from unspin.components.parse import make_parser
    from unspin.components.quotes import make_quotes
    from unspin.doc import Article, Document

    n = len(docs)
    parse = make_parser()
    quotes = make_quotes(speaker_model=False if args.rules else None,
                         tagger=False if args.without_tagger else None)
    quotes(parse(Document(Article(id="warm-up", text="“Load the models,” she said."))))
    print(f"speakers: {'cue-subject rule' if args.rules else 'learned speaker model'}")
    for run in range(args.repeat):
        for d in docs:  # what the stage caches on the parse: count it each run
            d.cache["spacy"].user_data.pop("unspin_entities", None)
            d.cache["spacy"].user_data.pop(PROBE_KEY, None)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        with one_blas_thread():  # as the pipeline runs its stages
            docs = [quotes(d) for d in docs]
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        found = sum(len(d.quotes) for d in docs)
        spoken = sum(1 for d in docs for q in d.quotes if q.speaker is not None)
        print(f"quotes run {run + 1}: {n} articles, {found} quotes ({spoken} with a speaker); "
              f"wall {1000 * wall / n:.1f} ms/article = {n / wall:.1f} articles/s; "
              f"CPU {1000 * cpu / n:.1f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
