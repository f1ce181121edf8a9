"""Faults: ``unspin batch`` killed with kill -9 at random points, a full disk, a read-only database.

Each run is the real command in a child process (its worker processes included), on a small
collection of made-up articles, with a fast pipeline (the lexicon baseline, no spaCy parse).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy", reason="corpus mode needs the batch extra")

FAST = ["--replace", "techniques=techniques_lexicon", "--disable", "parse", "--disable", "claims",
        "--disable", "quotes", "--disable", "actors", "--no-progress"]
_VOCABULARY = ("the council met on tuesday to discuss harbour budget critics called plan a total "
               "disaster traitors in ministry will destroy our nation everyone knows it enough is "
               "enough mayor said work would start spring")
WORDS = _VOCABULARY.split()


def write_corpus(path: Path, n: int, words: int = 120, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    ids = [f"a{i}" for i in range(n)]
    with path.open("w", encoding="utf-8") as handle:
        for ident in ids:
            text = " ".join(rng.choice(WORDS) for _ in range(words)) + "."
            handle.write(json.dumps({"id": ident, "text": text}) + "\n")
    return ids


def batch(source: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "unspin", "batch", str(source), "--db", str(db), *FAST, *extra]


def counts(db: Path, *, immutable: bool = False) -> tuple[int, int]:
    """(rows, distinct article ids) in the store, read without the batch's code."""
    if not db.exists():
        return 0, 0
    uri = f"file:{db}?mode=ro" + ("&immutable=1" if immutable else "")
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as conn:
        try:
            return conn.execute("SELECT count(*), count(DISTINCT id) FROM unspin_articles").fetchone()
        except sqlite3.OperationalError:  # the tables are not created yet
            return 0, 0


def integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db, timeout=30)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.slow
def test_batch_killed_repeatedly_at_random_points_stores_each_article_once(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    ids = write_corpus(source, 6000)
    db = tmp_path / "results.sqlite"
    rng = random.Random(8)
    mid_run = 0
    for kill in range(1, 7):
        before, _ = counts(db)
        job = subprocess.Popen(batch(source, db, "-j", "2", "--chunk-size", "4"),
                               start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while counts(db)[0] <= before and job.poll() is None:  # wait for some progress
            assert time.monotonic() < deadline, "the batch stored nothing in two minutes"
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.5))  # then a random point in the run
        if job.poll() is not None:
            job.communicate()
            break
        os.killpg(job.pid, signal.SIGKILL)  # the command and its worker processes
        job.communicate()
        rows, distinct = counts(db)
        assert integrity(db) == "ok"
        assert rows == distinct, f"an article stored twice after kill {kill}"
        mid_run += rows < len(ids)
    assert mid_run >= 3, "most kills must land in the middle of the run"

    done = subprocess.run(batch(source, db, "-j", "2"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with contextlib.closing(sqlite3.connect(db)) as conn:
        stored = [row[0] for row in conn.execute("SELECT id FROM unspin_articles")]
    assert sorted(stored) == sorted(ids), "every article stored exactly once"
    assert integrity(db) == "ok"


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A small RAM file system at ``path`` (needs root; skips the test otherwise)."""
    path.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (a real full disk / read-only file system)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_full_disk_is_a_clear_error_and_the_store_stays_consistent(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    ids = write_corpus(source, 400, words=300)
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    with tmpfs(tmp_path / "small", "256k") as small:
        db = small / "results.sqlite"
        done = subprocess.run(batch(source, db, "-j", "1"), capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 1
        assert "disk is full" in done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
        rows, distinct = counts(db)
        assert 0 < rows < len(ids) and rows == distinct
        assert integrity(db) == "ok"
        for file in small.iterdir():  # move the store to a disk with room, then resume
            shutil.copy2(file, roomy / file.name)
    db = roomy / "results.sqlite"
    done = subprocess.run(batch(source, db, "-j", "1"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with contextlib.closing(sqlite3.connect(db)) as conn:
        stored = [row[0] for row in conn.execute("SELECT id FROM unspin_articles")]
    assert sorted(stored) == sorted(ids)


def _digest(folder: Path) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.iterdir()))).hexdigest()


def test_read_only_database_is_a_clear_error_and_left_untouched(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    write_corpus(source, 30)
    first = tmp_path / "first.jsonl"
    write_corpus(first, 5)
    if os.geteuid() == 0:  # root ignores file permissions: use a read-only file system
        ctx: contextlib.AbstractContextManager[Path] = tmpfs(tmp_path / "ro", "4m")
    else:
        (tmp_path / "ro").mkdir()
        ctx = contextlib.nullcontext(tmp_path / "ro")
    with ctx as folder:
        db = folder / "results.sqlite"
        done = subprocess.run(batch(first, db, "-j", "1"), capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        if os.geteuid() == 0:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            for file in folder.iterdir():
                file.chmod(0o444)
            folder.chmod(0o555)
        digest = _digest(folder)
        try:
            done = subprocess.run(batch(source, db, "-j", "1"), capture_output=True, text=True,
                                  timeout=300)
        finally:
            if os.geteuid() != 0:
                folder.chmod(0o755)
        assert done.returncode == 1
        assert "unspin: error:" in done.stderr and "database" in done.stderr
        assert "Traceback" not in done.stderr
        assert _digest(folder) == digest, "the read-only store was changed"
        assert counts(db, immutable=True) == (5, 5)
