"""Build the held-out PTC folders in /tmp (article links + gold labels) for `unspin evaluate`.

The held-out ids are those listed in unspin/models/techniques/heldout_ids.txt (written by
`unspin train`); nothing is copied into the repository. Prints the evaluate command to run.

    .venv/bin/python bench/ptc_heldout.py [--data ../shared/data/ptc] [--out /tmp/unspin-heldout]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = default_data_dir() / "ptc"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--out", type=Path, default=Path("/tmp/unspin-heldout"))
    parser.add_argument("--ids", type=Path, default=REPO / "unspin/models/techniques/heldout_ids.txt")
    args = parser.parse_args()
    if not (args.data / "train-articles").is_dir():
        print(f"skipped: no PTC corpus at {args.data} (set UNSPIN_SHARED_DATA or --data)")
        return 0
    ids = [line.strip() for line in args.ids.read_text("utf-8").splitlines() if line.strip()]
    articles = args.out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for old in articles.iterdir():
        old.unlink()
    wanted = set(ids)
    for article_id in ids:
        (articles / f"article{article_id}.txt").symlink_to(
            (args.data / "train-articles" / f"article{article_id}.txt").resolve())
    lines = [line for line in (args.data / "train-task2-TC.labels").read_text("utf-8").splitlines()
             if line.split("\t", 1)[0] in wanted]
    labels = args.out / "labels"
    labels.mkdir(exist_ok=True)
    for old in labels.iterdir():
        old.unlink()
    by_article: dict[str, list[str]] = {i: [] for i in ids}
    for line in lines:
        by_article[line.split("\t", 1)[0]].append(line)
    for article_id, rows in by_article.items():
        (labels / f"article{article_id}.labels").write_text("".join(r + "\n" for r in rows), "utf-8")
    print(f"{len(ids)} held-out articles, {len(lines)} gold spans in {args.out}")
    print(f".venv/bin/unspin evaluate --articles {articles} --labels {labels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
