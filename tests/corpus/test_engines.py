"""Engines: one process, local worker processes and Dask give the same outcomes; setup errors stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.corpus import (
    DaskEngine,
    LocalEngine,
    PipelineSpec,
    SerialEngine,
    Store,
    make_engine,
    open_store,
    run_batch,
)
from unspin.corpus import engines as engines_module
from unspin.corpus.engines import analyse_articles
from unspin.doc import Article
from unspin.errors import ConfigError, UnspinError

from .conftest import LIGHT, write_corpus


def _loaded_pipelines() -> dict[PipelineSpec, int]:
    return {spec: id(pipeline) for spec, pipeline in engines_module._DASK_PIPELINES.items()}


def _results(store: Store) -> dict[tuple[str, str], object]:
    return {(r.id, r.content_hash): (r.status, r.result, r.error) for r in store.rows()}


def test_make_engine_checks_its_options() -> None:
    assert isinstance(make_engine("local", workers=1), SerialEngine)
    local = make_engine("local", workers=3)
    assert isinstance(local, LocalEngine) and local.workers == 3
    with pytest.raises(ConfigError, match="needs --scheduler"):
        make_engine("dask")
    with pytest.raises(ConfigError, match="only used with --engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="unknown engine 'spark'"):
        make_engine("spark")


def test_unreachable_scheduler_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        DaskEngine("tcp://127.0.0.1:1", connect_timeout=1)


def test_analyse_articles_keeps_order_and_isolates_failures() -> None:
    pipeline = LIGHT.load()
    articles = [Article(id="a", text="Those traitors lie."), Article(id="b", text="   "),
                Article(id="c", text="A calm note.")]
    outcomes = analyse_articles(pipeline, articles)
    assert [o[0]["article"]["id"] if o[0] else None for o in outcomes] == ["a", None, "c"]
    assert outcomes[1][1] is not None and "empty" in outcomes[1][1]


def test_a_bad_pipeline_in_worker_processes_stops_the_run(tmp_path: Path) -> None:
    engine = LocalEngine(2)
    try:
        with open_store(tmp_path / "x.sqlite") as store, pytest.raises(ConfigError, match="unknown"):
            run_batch([], store, items=[Article(id="1", text="words here")], engine=engine,
                      spec=PipelineSpec.make(components=("no_such_component",)))
    finally:
        engine.close()


@pytest.mark.slow
def test_dask_stores_the_same_results_as_one_process(
        dask_scheduler: str, db_url: str, store: Store, tmp_path: Path,
        corpus: tuple[Path, list[dict[str, str]]]) -> None:
    path, rows = corpus
    engine = DaskEngine(dask_scheduler)
    try:
        stats = run_batch([path], store, spec=LIGHT, engine=engine, chunk_size=4)
        loaded = engine.client.run(_loaded_pipelines)
        extra = tmp_path / "extra.jsonl"
        write_corpus(extra, 12, seed=99, bad=False)
        more = run_batch([extra], store, spec=LIGHT, engine=engine, chunk_size=1)
        again = engine.client.run(_loaded_pipelines)
    finally:
        engine.close()
    assert (stats.stored, stats.failed, more.stored) == (len(rows), 2, 12)
    # The pipeline is built once per worker process and reused by every later task.
    assert len(loaded) == 2
    assert all(LIGHT in per_worker for per_worker in loaded.values())
    assert again == loaded
    with open_store(tmp_path / "serial.sqlite") as serial:
        run_batch([path, extra], serial, spec=LIGHT)
        assert _results(store) == _results(serial)


@pytest.mark.slow
def test_a_failing_dask_task_is_one_unspin_error(dask_scheduler: str, tmp_path: Path) -> None:
    engine = DaskEngine(dask_scheduler)
    broken = PipelineSpec(config_json="{not json")  # fails in the worker, outside any article
    try:
        with open_store(tmp_path / "x.sqlite") as store, pytest.raises(
                UnspinError, match=r"task failed on the Dask cluster .*JSONDecodeError"):
            run_batch([], store, items=[Article(id="1", text="some words")], engine=engine,
                      spec=broken)
    finally:
        engine.close()


_PROBE = ("(__import__('os').getpid(), "
          "id(__import__('unspin.corpus.engines', fromlist=['_'])._WORKER_PIPELINE))")


def test_local_workers_build_the_pipeline_once_each(tmp_path: Path,
                                                    corpus: tuple[Path, list[dict[str, str]]]
                                                    ) -> None:
    engine = LocalEngine(2)
    try:
        with open_store(tmp_path / "x.sqlite") as store:
            run_batch([corpus[0]], store, spec=LIGHT, engine=engine, chunk_size=2)
        probes = [engine._pool.submit(eval, _PROBE) for _ in range(12)]
        seen = [probe.result() for probe in probes]
    finally:
        engine.close()
    pids = {pid for pid, _ in seen}
    assert 1 <= len(pids) <= 2
    for pid in pids:
        assert len({ident for p, ident in seen if p == pid}) == 1
    assert all(ident != id(None) for _, ident in seen)
