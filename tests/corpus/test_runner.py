"""Batch runs: everything stored once, bad items recorded, reruns skip, local workers agree."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from unspin.corpus import LocalEngine, PipelineSpec, SerialEngine, Store, content_hash, run_batch
from unspin.corpus.runner import count_items, describe
from unspin.doc import Article
from unspin.errors import ConfigError, ModelError

from .conftest import LIGHT, write_corpus


def _results(store: Store) -> dict[tuple[str, str], dict[str, object] | None]:
    return {(r.id, r.content_hash): r.result for r in store.rows()}


def test_batch_stores_every_article_and_records_bad_items(
        store: Store, corpus: tuple[Path, list[dict[str, str]]]) -> None:
    path, rows = corpus
    stats = run_batch([path], store, spec=LIGHT)
    assert stats.stored == len(rows)
    assert stats.failed == 2
    assert store.count("ok") == len(rows)
    errors = {r.id: r.error or "" for r in store.rows(status="error")}
    broken, blank = f"{path}:{len(rows) // 2 + 2}", f"{path}:{len(rows) // 2 + 3}"
    assert set(errors) == {broken, blank}
    assert "not valid JSON" in errors[broken]
    assert "empty" in errors[blank]
    stored = {r.id: r for r in store.rows(status="ok")}
    for row in rows:
        got = stored[row["id"]]
        assert got.content_hash == content_hash(row["text"])
        assert got.source == row["source"]
        assert got.published == row["published"]
        assert got.words == len(row["text"].split())
        result = got.result
        assert result is not None and result["article"]["id"] == row["id"]
        for span in result["techniques"]:
            assert row["text"][span["start"]:span["end"]] == span["text"]


def test_rerun_skips_everything_already_stored(
        store: Store, corpus: tuple[Path, list[dict[str, str]]]) -> None:
    path, rows = corpus
    run_batch([path], store, spec=LIGHT)
    before = _results(store)
    again = run_batch([path], store, spec=LIGHT)
    assert (again.stored, again.failed, again.skipped) == (0, 0, len(rows) + 2)
    assert _results(store) == before


def test_repeated_and_changed_articles(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dupes.jsonl"
    lines = [{"id": "x", "text": "The first version of the story."},
             {"id": "x", "text": "The first version of the story."},
             {"id": "x", "text": "A corrected version of the story."}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    stats = run_batch([path], store, spec=LIGHT)
    assert (stats.stored, stats.skipped) == (2, 1)
    assert Counter(r.content_hash for r in store.rows()) == {
        content_hash(lines[0]["text"]): 1, content_hash(lines[2]["text"]): 1}


def test_retry_errors_tries_failures_again(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a", "text": ""}\n', encoding="utf-8")
    assert run_batch([path], store, spec=LIGHT).failed == 1
    assert run_batch([path], store, spec=LIGHT).skipped == 1
    path.write_text('{"id": "a", "text": "Now it has words in it."}\n', encoding="utf-8")
    stats = run_batch([path], store, spec=LIGHT, retry_errors=True)
    assert stats.stored == 1
    assert store.count() == 1 and store.count("ok") == 1


def test_local_workers_store_the_same_results_as_one_process(
        tmp_path: Path, corpus: tuple[Path, list[dict[str, str]]]) -> None:
    from unspin.corpus import open_store

    path, _ = corpus
    with open_store(tmp_path / "one.sqlite") as one, open_store(tmp_path / "two.sqlite") as two:
        run_batch([path], one, spec=LIGHT, engine=SerialEngine())
        engine = LocalEngine(2)
        try:
            stats = run_batch([path], two, spec=LIGHT, engine=engine, chunk_size=3, window=10)
        finally:
            engine.close()
        assert stats.stored + stats.failed == one.count()
        assert _results(two) == _results(one)


def test_setup_errors_stop_the_run_instead_of_failing_each_article(
        store: Store, corpus: tuple[Path, list[dict[str, str]]]) -> None:
    from unspin.components.base import register

    class Broken:
        name = "broken"
        requires = ("text",)
        assigns = ("techniques",)

        def __call__(self, doc: object) -> object:
            raise ModelError("the model is missing; install it")

    register("corpus_test_broken")(lambda: Broken())
    with pytest.raises(ModelError, match="model is missing"):
        run_batch([corpus[0]], store, spec=PipelineSpec.make(components=("corpus_test_broken",)))
    assert store.count("ok") == 0
    assert store.count("error") == 2  # only the two unreadable lines are stored as failures


def test_a_bug_in_one_article_is_recorded_and_the_rest_go_on(store: Store) -> None:
    from unspin.components.base import register

    class Fragile:
        name = "fragile"
        requires = ("text",)
        assigns = ("techniques",)

        def __call__(self, doc: Article) -> Article:
            if "boom" in doc.text:
                raise RuntimeError("stage crashed")
            return doc

    register("corpus_test_fragile")(lambda: Fragile())
    items = [Article(id=str(i), text=f"text {i} {'boom' if i == 2 else 'calm'}") for i in range(5)]
    stats = run_batch([], store, items=items,
                      spec=PipelineSpec.make(components=("corpus_test_fragile",)))
    assert (stats.stored, stats.failed) == (4, 1)
    (bad,) = store.rows(status="error")
    assert bad.id == "2" and "RuntimeError: stage crashed" in (bad.error or "")


def test_describe_takes_outlet_and_date_from_the_input() -> None:
    article = Article(id="1", text="a b c", title="T",
                      source={"source": {"name": "Outlet"}, "date": "2021-05-06"})
    record = describe(article, default_source="fallback")
    assert (record.source, record.published, record.words) == ("Outlet", "2021-05-06", 3)
    bare = describe(Article(id="2", text="x", source={"sitename": "Site"}), default_source="Given")
    assert bare.source == "Given"
    assert describe(Article(id="3", text="x", source={"sitename": "Site"})).source == "Site"


def test_count_items(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c.jsonl", 5)
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text("words", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\x00")
    assert count_items([tmp_path / "c.jsonl", folder, tmp_path / "missing.txt"]) == 7 + 3 + 1


def test_bad_sizes_are_config_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        run_batch([], store, chunk_size=0)
    with pytest.raises(ConfigError, match="at least 1"):
        LocalEngine(0)


_JOB = '''
import sys, time
from unspin.corpus import PipelineSpec, make_engine, open_store, run_batch

def main():
    db, source, engine, where, pace = sys.argv[1:6]
    runner = (make_engine("local", workers=int(where)) if engine == "local"
              else make_engine("dask", scheduler=where))
    spec = PipelineSpec.make(components=("techniques_lexicon", "summary"))
    # The pace only slows the storing loop, so that the kill lands in the middle of the run.
    slow = (lambda stats: time.sleep(float(pace))) if float(pace) else None
    with open_store(db) as store:
        stats = run_batch([source], store, spec=spec, engine=runner, chunk_size=1, window=16,
                          on_progress=slow)
    runner.close()
    print(stats.stored, stats.failed, stats.skipped)

if __name__ == "__main__":
    main()
'''


def _kill_mid_run(command: list[str], store: Store, at_least: int, total: int) -> int:
    import os
    import signal
    import subprocess
    import time

    job = subprocess.Popen(command, start_new_session=True, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while store.count() < at_least:
            assert job.poll() is None, f"the batch ended before the kill: {job.communicate()}"
            assert time.monotonic() < deadline, "the batch stored nothing in two minutes"
            time.sleep(0.05)
    finally:
        os.killpg(job.pid, signal.SIGKILL)  # the whole job, its worker processes included
        job.communicate()
    assert job.returncode == -signal.SIGKILL
    stored = store.count()
    assert at_least <= stored < total, "the kill must land in the middle of the run"
    return stored


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_kill_9_mid_run_then_resume_loses_and_duplicates_nothing(
        engine: str, db_url: str, store: Store, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import subprocess
    import sys

    where = "2" if engine == "local" else request.getfixturevalue("dask_scheduler")
    source = tmp_path / "big.jsonl"
    rows = write_corpus(source, 150, seed=11)
    total = len(rows) + 2
    script = tmp_path / "job.py"
    script.write_text(_JOB, encoding="utf-8")
    base = [sys.executable, str(script), db_url, str(source), engine, where]

    before = _kill_mid_run([*base, "0.03"], store, at_least=20, total=total)
    done = subprocess.run([*base, "0"], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    stored, failed, skipped = map(int, done.stdout.split())
    assert skipped == before
    assert stored + failed + skipped == total

    keys = Counter((r.id, r.content_hash) for r in store.rows())
    assert len(keys) == total and set(keys.values()) == {1}, "every article stored exactly once"
    ids = Counter(r.id for r in store.rows(status="ok"))
    assert sorted(ids) == sorted(row["id"] for row in rows) and set(ids.values()) == {1}
    for row in store.rows(status="ok"):
        assert row.result is not None and row.result["article"]["id"] == row.id
