"""How many annotated entity mentions of SemEval-2025 Task 10 the actors stage finds.

Each subtask-1 mention (an entity the annotators gave a role) counts as covered when it overlaps
a mention of some actor the stage finds in that article (parse and actors stages, no roles).
Printed: the share covered, then the share covered by an actor of the common-noun bodies
(``_actors_bodies``) alone, and the most frequent uncovered names. Skipped with a message when
the data folder is absent.

    .venv/bin/python bench/bench_actor_coverage.py [--data FOLDER] [--limit 0] [--missed 15]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from unspin.training.data import default_data_dir  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir() / "semeval2025-task10-en")
    parser.add_argument("--limit", type=int, default=0, help="Only the first N documents (0: all).")
    parser.add_argument("--missed", type=int, default=15, help="How many uncovered names to print.")
    args = parser.parse_args()
    if not (args.data / "subtask-1-annotations.txt").is_file():
        print(f"skipped: no SemEval-2025 Task 10 data at {args.data} (set UNSPIN_SHARED_DATA or --data)")
        return 0
    from unspin.doc import Article
    from unspin.pipeline import load
    from unspin.training.roles import read_roles

    texts, mentions = read_roles(args.data)
    names = sorted(texts)[: args.limit or None]
    nlp = load(components=["parse", "actors"], config={"actors": {"roles": False}},
               processes=0)  # the spaCy parse is read back from each document's cache
    started = time.perf_counter()
    found: dict[str, list[tuple[int, int, bool]]] = {}
    for name, doc in zip(names, nlp.pipe(Article(id=n, text=texts[n]) for n in names), strict=True):
        bodies = _body_spans(doc.cache["spacy"])
        found[name] = [(m.start, m.end, (m.start, m.end) in bodies) for actor in doc.actors
                       for m in actor.mentions]
    wall = time.perf_counter() - started
    gold = [m for m in mentions if m.document in found]
    covered = bodies = 0
    missed: Counter[str] = Counter()
    for mention in gold:
        hits = [body for s, e, body in found[mention.document] if s < mention.end and mention.start < e]
        covered += bool(hits)
        bodies += bool(hits) and all(hits)
        if not hits:
            missed[mention.name] += 1
    n = len(gold)
    print(f"{len(names)} documents, {n} annotated mentions, parse + actors in {wall:.1f}s")
    print(f"covered by an actor mention: {covered}/{n} = {covered / max(n, 1):.3f}")
    print(f"covered only by a common-noun body or bloc mention: {bodies}")
    common = missed.most_common(args.missed)
    print("most frequent uncovered:", ", ".join(f"{name} ({k})" for name, k in common))
    return 0


def _body_spans(sdoc: Any) -> set[tuple[int, int]]:
    """The mentions only the common-noun bodies and blocs add (none in a checkout from before them)."""
    try:
        from unspin.components._actors_bodies import actor_clusters
    except ImportError:
        return set()
    return {span for cluster in actor_clusters(sdoc)
            for span, label in zip(cluster.mentions, cluster.labels, strict=True)
            if label in ("BODY", "BLOC")}


if __name__ == "__main__":
    sys.exit(main())
