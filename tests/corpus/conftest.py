"""Fixtures for corpus mode: small synthetic collections, a light pipeline, SQLite and PostgreSQL stores."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from unspin.corpus import PipelineSpec, Store, open_store

PG_ENV = "UNSPIN_TEST_PG"

# A fast pipeline built only from stages every process can find in the registry (worker
# processes and Dask workers included): the lexicon baseline and the summary.
LIGHT = PipelineSpec.make(components=("techniques_lexicon", "summary"))

_PHRASES = (
    "The council met on Tuesday to discuss the new harbour budget.",
    "Critics called the plan a total disaster for the town.",
    "Those traitors in the ministry will destroy our nation.",
    "According to the port authority, traffic rose by 4 percent last year.",
    "Residents asked whether the so-called experts had read the report.",
    "Enough is enough, said one shop owner outside the town hall.",
    "The mayor said the work would start in the spring.",
    "Only corrupt elites could support such a shameful scheme.",
    "Engineers expect the bridge to carry 12,000 cars a day.",
    "Patriots must defend our values before it is too late.",
)
SOURCES = ("Harbour Herald", "Valley Voice", "The Daily Lantern")


def make_text(rng: random.Random, sentences: int = 12) -> str:
    return " ".join(rng.choice(_PHRASES) for _ in range(sentences))


def write_corpus(path: Path, n: int, *, seed: int = 7, bad: bool = True) -> list[dict[str, str]]:
    """A JSONL collection of ``n`` synthetic articles (plus, with ``bad``, two broken lines)."""
    rng = random.Random(seed)
    rows = [{"id": f"art{i}", "text": make_text(rng), "title": f"Article number {i}",
             "source": SOURCES[i % len(SOURCES)], "published": f"2021-{1 + i % 4:02d}-1{i % 10}"}
            for i in range(n)]
    with path.open("w", encoding="utf-8") as handle:
        for i, row in enumerate(rows):
            handle.write(json.dumps(row) + "\n")
            if bad and i == n // 2:
                handle.write("{this is not json\n")
                handle.write(json.dumps({"id": "blank", "text": "   "}) + "\n")
    return rows


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    path = tmp_path / "corpus.jsonl"
    return path, write_corpus(path, 40)


def _reset_pg(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS unspin_articles"))
        conn.execute(sa.text("DROP TABLE IF EXISTS unspin_meta"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty results database: a SQLite file, or the PostgreSQL of ``UNSPIN_TEST_PG``."""
    if request.param == "sqlite":
        yield str(tmp_path / "results.sqlite")
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql+psycopg://USER:PW@HOST/DB "
                    "(.ci/run starts a server and sets it)")
    _reset_pg(url)
    yield url
    _reset_pg(url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as opened:
        yield opened


@pytest.fixture(scope="package")
def dask_scheduler() -> Iterator[str]:
    """The address of a local Dask cluster of two worker processes (one thread each)."""
    distributed = pytest.importorskip("distributed", reason="the Dask tests need the batch extra")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address
