"""Training the quote cue and speaker models: examples, the fit, the saved files."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.training.quotes import read_polnear, save_cue_model, train_cue_model, train_quote_models

TEXTS = [
    ("Ann Cole said the harbour bridge is unsafe for trucks. “It must close before winter,” she added.",
     [("Ann Cole", "said", "the harbour bridge is unsafe for trucks"),
      ("she", None, "“It must close before winter,”")]),
    ("Tom Reyes argued that the ferry fares are far too high. The ferry left at noon.",
     [("Tom Reyes", "argued", "that the ferry fares are far too high")]),
    ("The council told reporters that the harbour will reopen in May. Boats waited outside.",
     [("The council", "told", "that the harbour will reopen in May")]),
]


def _write_split(root: Path, split: str = "train") -> None:
    (root / split / "text").mkdir(parents=True)
    (root / split / "attributions").mkdir(parents=True)
    for n, (text, attributions) in enumerate(TEXTS * 4):
        name = f"paper_2016-01-0{n % 9 + 1}_story{n}"
        (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines, t = [], 0
        for k, (source, cue, content) in enumerate(attributions):
            args = []
            for role, words in (("Source", source), ("Cue", cue), ("Content", content)):
                if words is None:
                    continue
                start = text.index(words)
                t += 1
                lines.append(f"T{t}\t{role} {start} {start + len(words)}\t{words}")
                args.append(f"{role}:T{t}")
            lines.append(f"E{k + 1}\tAttribution:T{t} " + " ".join(args))
        (root / split / "attributions" / f"{name}_aaaa.ann").write_text("\n".join(lines) + "\n",
                                                                       encoding="utf-8")


def test_attribution_labels_mark_the_encoder_tokens_inside_each_part() -> None:
    import numpy as np

    from unspin.training.quotes import GoldAttribution, PolnearArticle, attribution_labels

    text = "Ann Cole said the bridge is unsafe."
    article = PolnearArticle("a", text, [GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(14, 34)])])
    offsets = np.array([(0, 3), (4, 8), (9, 13), (14, 17), (18, 24), (25, 27), (28, 34), (34, 35)])
    labels = attribution_labels(article, offsets)
    assert labels.tolist() == [[1, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1], [0, 0, 1],
                               [0, 0, 1], [0, 0, 0]]


def test_saved_model_bytes_depend_only_on_the_model(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from unspin.components.quotes import load_cue_model

    features = [["bias", "l=say"], ["bias", "l=eat"]] * 5
    labels = [1, 0] * 5
    model = train_cue_model(features, labels, c=1.0, min_count=1)
    save_cue_model(model, tmp_path / "a.json.gz")
    save_cue_model(model, tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    loaded = load_cue_model(str(tmp_path / "a.json.gz"))
    assert loaded.score(["bias", "l=say"]) > 0.5 > loaded.score(["bias", "l=eat"])


def test_train_quote_models_writes_the_models_the_stage_can_load(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    _write_split(tmp_path / "polnear")
    messages: list[str] = []
    result = train_quote_models(tmp_path / "polnear", tmp_path / "out", log=messages.append)
    assert result["articles"] == len(TEXTS) * 4
    assert result["speaker_examples"] > 0 and result["cue_examples"] > 0
    assert messages and "parsing" in messages[0]
    assert result["quote_examples"] > 0
    assert (tmp_path / "out" / "tagger.onnx").is_file() and (tmp_path / "out" / "tokenizer.json").is_file()
    finder = QuoteFinder(model=str(tmp_path / "out" / "cues.json.gz"),
                         speaker_model=str(tmp_path / "out" / "speakers.json.gz"),
                         quote_model=str(tmp_path / "out" / "quotes.json.gz"),
                         tagger=str(tmp_path / "out"))
    article = read_polnear(tmp_path / "polnear", "train")[0]
    quotes = finder.predict(load_spacy()(article.text))
    assert any(q.speaker is not None for q in quotes), "a model trained on these texts names a speaker"


def test_train_quotes_command_reports_a_missing_folder(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli.app import main

    assert main(["train-quotes", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "out")]) == 1
    assert "no PolNeAR split" in capsys.readouterr().err


def test_listwise_model_puts_each_quote_on_its_right_member() -> None:
    pytest.importorskip("scipy")
    from unspin.components.quotes import CueModel
    from unspin.training.quotes import train_listwise_model

    # each group: two candidates and "nobody"; the subject of the cue is right, unless the quote has no cue
    spoken = ([["cue_child=nsubj", "pos=PROPN"], ["dep=dobj", "pos=NOUN"], ["null", "null|kind=reported"]],
              [1, 0, 0])
    unspoken = ([["dep=pobj", "pos=PROPN"], ["dep=dobj", "pos=NOUN"], ["null", "null|kind=direct"]],
                [0, 0, 1])
    data = train_listwise_model([spoken] * 6 + [unspoken] * 6, l2=0.1)
    assert data["listwise"] is True
    model = CueModel(data["bias"], data["weights"], listwise=True)
    for feats, labels in (spoken, unspoken):
        weights = [model.weight(member) for member in feats]
        assert weights.index(max(weights)) == labels.index(1)
    assert train_listwise_model([spoken] * 6 + [unspoken] * 6, l2=0.1) == data, "the fit is deterministic"


def test_cue_model_of_one_class_is_its_constant_answer() -> None:
    from unspin.components.quotes import CueModel

    data = train_cue_model([["bias", "l=say"], ["bias", "l=tell"]], [1, 1])
    model = CueModel(data["bias"], data["weights"])
    assert data["weights"] == {} and model.score(["l=eat"]) > 0.99


def test_tagger_folds_are_seeded_and_even() -> None:
    from unspin.training.quotes_tagger import fold_of

    folds = fold_of(11, 3)
    assert folds == fold_of(11, 3), "the same articles go to the same fold each time"
    assert sorted(folds.count(k) for k in range(3)) == [3, 4, 4]
    assert fold_of(11, 3, seed=1) != folds
