"""The corpus commands end to end: unspin batch, export and report (SQLite, PostgreSQL, Dask)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.cli import main
from unspin.pipeline import DEFAULT_PIPELINE

# The lexicon baseline and the summary only: fast, and independent of shipped models.
LIGHT_ARGS = ["--replace", "techniques=techniques_lexicon", "--no-progress"]
for _stage in DEFAULT_PIPELINE:
    if _stage not in ("techniques", "summary"):
        LIGHT_ARGS += ["--disable", _stage]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_batch_export_report(db_url: str, corpus: tuple[Path, list[dict[str, str]]],
                             tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, rows = corpus
    code, _, err = run(["batch", str(path), "--db", db_url, "--workers", "1", *LIGHT_ARGS], capsys)
    assert code == 1, "two lines of the input are broken"
    assert f"{len(rows)} analysed and stored, 2 failed" in err

    code, _, err = run(["batch", str(path), "--db", db_url, "-j", "2", *LIGHT_ARGS], capsys)
    assert code == 0, err
    assert f"0 analysed and stored, 0 failed (stored with their error), {len(rows) + 2} skipped" in err

    code, out, err = run(["export", "--db", db_url], capsys)
    assert code == 0, err
    exported = [json.loads(line) for line in out.splitlines()]
    assert sorted(e["id"] for e in exported if e["status"] == "ok") == sorted(r["id"] for r in rows)

    report = tmp_path / "dash.html"
    code, _, err = run(["report", "--db", db_url, "--by", "month", "--output", str(report)], capsys)
    assert code == 0, err
    page = report.read_text(encoding="utf-8")
    for month in {r["published"][:7] for r in rows}:
        assert f"<h2>Month: {month}</h2>" in page


@pytest.mark.slow
def test_batch_on_dask(dask_scheduler: str, tmp_path: Path,
                       corpus: tuple[Path, list[dict[str, str]]],
                       capsys: pytest.CaptureFixture[str]) -> None:
    path, rows = corpus
    db = str(tmp_path / "dask.sqlite")
    code, _, err = run(["batch", str(path), "--db", db, "--engine", "dask", "--scheduler",
                        dask_scheduler, *LIGHT_ARGS], capsys)
    assert code == 1 and f"{len(rows)} analysed and stored, 2 failed" in err
    out = tmp_path / "spans.csv"
    code, _, err = run(["export", "--db", db, "--format", "csv", "--per", "span", "-o", str(out)],
                       capsys)
    assert code == 0 and "rows to" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) > len(rows)


@pytest.mark.parametrize(("args", "message"), [
    (["export", "--db", "{tmp}/missing.sqlite"], "no such database file"),
    (["report", "--db", "{tmp}/missing.sqlite"], "no such database file"),
    (["batch", "x.txt", "--db", "{tmp}/r.sqlite", "--engine", "dask"], "needs --scheduler"),
    (["batch", "x.txt", "--db", "{tmp}/r.sqlite", "--replace", "techniques"], "not STAGE=COMPONENT"),
    (["batch", "x.txt", "--db", "{tmp}/r.sqlite", "--disable", "nope"], "cannot disable nope"),
    (["export", "--db", "{tmp}/r.sqlite", "--format", "parquet"], "binary format"),
])
def test_mistakes_are_one_line_errors(args: list[str], message: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    if args[0] == "export" and "parquet" in args:
        from unspin.corpus import open_store

        open_store(tmp_path / "r.sqlite").close()
    code, _, err = run([a.replace("{tmp}", str(tmp_path)) for a in args], capsys)
    assert code == 1
    assert err.startswith("unspin: error:") and message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
