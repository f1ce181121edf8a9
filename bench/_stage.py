"""What the PTC dev benches share: their options, the articles folder, and one parse of them."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# This checkout's unspin, not the one an environment has installed (run from a worktree of
# another commit, a bench measures that commit's code).
sys.path.insert(0, str(REPO))

from unspin.training.data import default_data_dir  # noqa: E402


def stage_arguments(description: str, repeat: int = 3) -> argparse.ArgumentParser:
    """The options every PTC dev bench takes: ``--data`` (the PTC folder) and ``--repeat``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=default_data_dir() / "ptc")
    parser.add_argument("--repeat", type=int, default=repeat)
    return parser


def dev_folder(data: Path) -> Path | None:
    """The PTC dev articles folder under ``data``, or None (with a note) when it is absent."""
    folder = data / "dev-articles"
    if not folder.is_dir():
        print(f"skipped: no PTC dev articles at {folder} (set UNSPIN_SHARED_DATA or --data)")
        return None
    return folder


def parsed_dev_articles(data: Path, limit: int = 0) -> list[Any] | None:
    """The PTC dev articles as parsed documents (the parse timed and printed), or None if absent."""
    folder = dev_folder(data)
    if folder is None:
        return None
    from unspin.components.parse import make_parser
    from unspin.doc import Article, Document

    files = sorted(folder.glob("*.txt"))[: limit or None]
    docs = [Document(Article(id=f.stem, text=f.read_text(encoding="utf-8"))) for f in files]
    parse = make_parser()
    parse(Document(Article(id="warm-up", text="Load the model outside the timing.")))
    started = time.perf_counter()
    docs = list(parse.pipe(docs))
    wall = time.perf_counter() - started
    tokens = sum(len(d.cache["spacy"]) for d in docs)
    print(f"parse (spaCy, for reference): {len(docs)} articles, {tokens} tokens in {wall:.2f}s = "
          f"{len(docs) / wall:.1f} articles/s")
    return docs
