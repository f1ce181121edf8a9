"""Cost of the actors stage (entities, targets and roles) on the PTC dev articles, apart from the parse.

Parses every article once (the ``parse`` stage, timed for reference) and runs the techniques
stage over them (timed for reference: the roles read the token states it leaves), then runs
the actors stage with and without roles and prints wall and CPU time per article; the
difference is the role model's cost. ``--without-techniques`` leaves the states out, so the
actors stage encodes each article itself (its cost when the techniques stage is disabled).
CPU time is the steadier figure on a shared machine.

    .venv/bin/python bench/bench_roles.py [--repeat 3] [--limit 75] [--without-techniques]
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from _stage import parsed_dev_articles, stage_arguments


def main() -> int:
    parser = stage_arguments(__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N articles (0: all).")
    parser.add_argument("--without-techniques", action="store_true",
                        help="Do not run the techniques stage first: the actors stage encodes each article.")
    args = parser.parse_args()
    docs = parsed_dev_articles(args.data, args.limit)
    if docs is None:
        return 0
    from unspin.components.actors import make_actors
    from unspin.components.techniques import STATES_KEY, make_techniques

    n = len(docs)
    if not args.without_techniques:
        techniques = make_techniques()
        techniques(docs[0])
        started = time.perf_counter()
        docs = list(techniques.pipe(docs))
        print(f"techniques (for reference): {n / (time.perf_counter() - started):.1f} articles/s")
        for doc in docs:
            doc.ran.append("techniques")  # as the pipeline marks it: the actors stage reads its spans
    for roles in (False, True):
        stage = make_actors(roles=roles)
        stage(docs[0])  # load the models outside the timing
        for run in range(args.repeat):
            if args.without_techniques:
                for doc in docs:
                    doc.cache.pop(STATES_KEY, None)
            wall0, cpu0 = time.perf_counter(), time.process_time()
            for doc in docs:
                stage(doc)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            actors = sum(len(d.actors) for d in docs)
            shown = Counter(a.role for d in docs for a in d.actors if a.role is not None)
            print(f"actors roles={roles} run {run + 1}: {n} articles, {actors} actors "
                  f"({sum(shown.values())} with a role: {dict(shown.most_common())}); "
                  f"wall {1000 * wall / n:.1f} ms/article, CPU {1000 * cpu / n:.1f} ms/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
