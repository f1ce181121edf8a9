"""The CLI: formats, one-line errors with no traceback, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from unspin.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "harbour-bridge.txt"
FAST = ["--disable", "claims", "--disable", "quotes", "--disable", "actors"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_example(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(EXAMPLE), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert data["article"]["id"] == "harbour-bridge"
    assert data["article"]["length"] == len(text)
    assert data["techniques"], "the example is full of techniques"
    for span in data["techniques"]:
        assert text[span["start"]:span["end"]] == span["text"]


def test_analyze_ptc_lines_for_several(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article1.txt").write_text("They are traitors and thugs. Stop the bridge.")
    (tmp_path / "article2.txt").write_text("A calm and factual note about the weather today.")
    code, out, _ = run(["analyze", str(tmp_path), "--format", "ptc", *FAST], capsys)
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines and all(len(parts) == 4 for parts in lines)
    assert {parts[0] for parts in lines} <= {"1", "2"}
    assert all(int(p[2]) < int(p[3]) for p in lines)


def test_analyze_jsonl_streams_one_object_per_article(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "text": "First text."}\n{"id": "b", "text": "Second text."}\n')
    code, out, _ = run(["analyze", str(f), "--format", "json", *FAST], capsys)
    assert code == 0
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a", "b"]


def test_analyze_with_a_helper_process_gives_the_same_lines(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from unspin import pipeline

    f = tmp_path / "in.jsonl"
    texts = ["The reckless mayor wasted 48 million dollars.", "The council met on Monday.",
             "Critics said the plan was a disgrace.", "Everyone knows the elite always lies."]
    f.write_text("".join(json.dumps({"id": f"a{i}", "text": f"{texts[i % 4]} Note {i}."}) + "\n"
                         for i in range(30)))
    pipeline._HELPERS.close()
    try:
        outputs = [run(["analyze", str(f), "-f", "ptc", "--processes", n, *FAST], capsys)
                   for n in ("0", "1", "1")]  # the second run with a helper finds it ready
        assert any(w.ready.is_set() for w in pipeline._HELPERS.workers.values()), "a helper ran"
    finally:
        pipeline._HELPERS.close()
    assert [code for code, _, _ in outputs] == [0, 0, 0]
    assert outputs[0][1] and outputs[1][1] == outputs[0][1] and outputs[2][1] == outputs[0][1]


def test_bad_items_reported_rest_analysed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Plain words.")
    code, out, err = run(["analyze", str(tmp_path / "missing.txt"), str(good), "-f", "json",
                          *FAST], capsys)
    assert code == 1
    assert json.loads(out)["article"]["id"] == "good"
    assert "missing.txt: no such file or folder" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args, expected", [
    (["analyze", "{tmp}/missing.txt"], "no such file or folder"),
    (["analyze", "{tmp}/binary.txt"], "binary file"),
    (["analyze", "{tmp}/empty.txt"], "the input is empty"),
    (["analyze", "{tmp}/emptydir"], "no .txt, .html or .htm files"),
    (["analyze", "{tmp}/bad.jsonl"], "bad.jsonl:1: not valid JSON"),
    (["analyze", "http://127.0.0.1:9/x"], "cannot fetch"),
    (["analyze", "{tmp}/empty.txt", "--format", "xml"], "unknown format 'xml'"),
    (["analyze", "{tmp}/empty.txt", "--disable", "nonsense"], "cannot disable nonsense"),
])
def test_user_mistakes_give_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = subprocess.run([sys.executable, "-m", "unspin", *argv], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("unspin: error:")]
    assert len(errors) == 1


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", "--no-such-option", "x"], capsys)
    assert code == 2
    assert "No such option" in err


def test_classify_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article7.txt").write_text("Stop the bridge. They are traitors. Stop the bridge.")
    template = tmp_path / "template.labels"
    template.write_text("7\t?\t0\t15\n7\t?\t26\t34\n")
    code, out, _ = run(["classify", str(template), "--articles", str(tmp_path)], capsys)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(r[0], r[2], r[3]) for r in rows] == [("7", "0", "15"), ("7", "26", "34")]
    from unspin.taxonomy import TECHNIQUE_IDS
    assert all(r[1] in TECHNIQUE_IDS for r in rows)


def test_evaluate_predictions_against_themselves(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article1.txt").write_text("a" * 100)
    labels = tmp_path / "gold.labels"
    labels.write_text("1\tDoubt\t0\t10\n1\tSlogans\t5\t30\n1\tDoubt\t50\t60\n")
    code, out, _ = run(["evaluate", "--articles", str(tmp_path), "--labels", str(labels),
                        "--predictions", str(labels)], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["SI"]["f1"] == result["FLC"]["f1"] == result["TC"]["f1"] == 1.0


def test_evaluate_a_model_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "article9.txt").write_text("The so-called experts are traitors. Stop the bridge now!")
    labels = tmp_path / "gold.labels"
    labels.write_text("9\tName_Calling,Labeling\t26\t34\n")
    args = ["evaluate", "--articles", str(tmp_path), "--labels", str(labels)]
    code, default, _ = run(args, capsys)
    assert code == 0
    from unspin.components.techniques import default_model_dir
    code, named, _ = run([*args, "--model", str(default_model_dir())], capsys)
    assert code == 0
    assert json.loads(named) == json.loads(default), "the shipped folder named is the default"
    code, out, err = run([*args, "--model", str(tmp_path / "no-model")], capsys)
    assert code == 1 and out == ""
    assert err.startswith("unspin: error: the technique model is missing") and "no-model" in err


@pytest.mark.data
def test_evaluate_ptc_train_against_itself(ptc_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["evaluate", "--articles", str(ptc_dir / "train-articles"),
                        "--labels", str(ptc_dir / "train-labels-TC"),
                        "--predictions", str(ptc_dir / "train-task2-TC.labels")], capsys)
    assert code == 0
    result = json.loads(out)
    assert result["articles"] == 371
    assert result["SI"]["f1"] == pytest.approx(1.0)
    assert result["FLC"]["f1"] == pytest.approx(1.0)
    assert result["TC"]["f1"] == pytest.approx(1.0)


def test_python_dash_m_and_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "unspin", "version"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0
    assert proc.stdout.startswith("unspin ")
