"""PolNeAR reading and the partial-overlap scoring of the quotes stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.doc import Attribution, Quote
from unspin.errors import InputNotFoundError
from unspin.training.quotes import GoldAttribution, PolnearArticle, read_polnear, score_quotes

TEXT = "Ann Cole said the bridge is unsafe. “It must close,” she added.\nThe end."


def _write_split(root: Path) -> None:
    (root / "test" / "text").mkdir(parents=True)
    (root / "test" / "attributions").mkdir(parents=True)
    (root / "test" / "text" / "paper_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    q = TEXT.index("“It")
    ann = [
        "T1\tSource 0 8\tAnn Cole",
        "T2\tCue 9 13\tsaid",
        "T3\tContent 14 34\tthe bridge is unsafe",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        f"T4\tContent {q} {q + 5};{q + 6} {q + 16}\t“It must close,”",
        "T5\tSource 53 56\tshe",
        "E2\tAttribution:T4 Content:T4 Source:T5",
    ]
    for annotator in ("aaaa", "bbbb"):
        (root / "test" / "attributions" / f"paper_2016-01-01_bridge_{annotator}.ann").write_text(
            "\n".join(ann) + "\n", encoding="utf-8")


def test_read_polnear_reads_discontinuous_spans_once_per_article(tmp_path: Path) -> None:
    _write_split(tmp_path)
    articles = read_polnear(tmp_path, "test")
    assert len(articles) == 1, "an article annotated twice is read once"
    article = articles[0]
    assert article.text == TEXT
    first, second = article.attributions
    assert [TEXT[s:e] for s, e in first.source] == ["Ann Cole"]
    assert [TEXT[s:e] for s, e in first.content] == ["the bridge is unsafe"]
    assert len(second.content) == 2 and second.cue == []


def test_read_polnear_missing_split_says_what_to_give(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="train/, dev/ and test/"):
        read_polnear(tmp_path, "test")


def test_scores_use_partial_overlap_for_content_and_speaker() -> None:
    gold = [PolnearArticle("a", TEXT, [
        GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(14, 34)]),
        GoldAttribution(source=[(53, 56)], content=[(36, 52)]),
    ])]
    predicted = [[
        Quote(20, 34, kind="reported", speaker=Attribution("Ann Cole", 4, 8)),  # both right
        Quote(36, 40, kind="direct", speaker=Attribution("Ann Cole", 0, 8)),  # wrong speaker
        Quote(60, 65, kind="reported"),  # no such attribution
    ]]
    result = score_quotes(predicted, gold)
    assert result["content"]["precision"] == round(2 / 3, 4)
    assert result["content"]["recall"] == 1.0
    assert result["speaker"]["precision"] == 0.5
    assert result["speaker"]["recall"] == 0.5


def test_polnear_test_split_is_readable(shared_data: Path) -> None:
    folder = shared_data / "polnear"
    if not folder.is_dir():
        pytest.skip(f"needs PolNeAR at {folder}")
    articles = read_polnear(folder, "test")
    assert len(articles) == 84
    for article in articles:
        for attribution in article.attributions:
            for start, end in attribution.content + attribution.source:
                assert 0 <= start < end <= len(article.text)


def test_evaluate_quotes_command_prints_the_scores(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from unspin.cli.app import main

    _write_split(tmp_path)
    assert main(["evaluate-quotes", "--data", str(tmp_path), "--split", "test"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 1 and result["gold_attributions"] == 2
    assert 0.0 <= result["content"]["f1"] <= 1.0 and 0.0 <= result["speaker"]["f1"] <= 1.0


def test_evaluate_quotes_command_reports_a_missing_folder(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli.app import main

    assert main(["evaluate-quotes", "--data", str(tmp_path / "none")]) == 1
    assert "no PolNeAR split" in capsys.readouterr().err


def test_speaker_errors_count_every_attribution_with_a_source_once() -> None:
    from unspin.components.parse import load_spacy
    from unspin.training.quotes import OUTCOMES, format_speaker_errors, speaker_errors

    gold = [PolnearArticle("a", TEXT, [
        GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(14, 34)]),
        GoldAttribution(source=[(53, 56)], content=[(36, 52)]),
        GoldAttribution(content=[(57, 64)]),  # no source: not counted
    ])]
    predicted = [[
        Quote(14, 34, kind="reported", speaker=Attribution("Ann Cole", 0, 8)),  # right
        Quote(36, 52, kind="direct", speaker=Attribution("Ann Cole", 0, 8)),  # wrong speaker
    ]]
    table = speaker_errors(predicted, gold, [load_spacy()(TEXT)])
    assert table["all"]["ok"] == 1 and table["all"]["wrong speaker"] == 1
    assert sum(table["all"][o] for o in OUTCOMES) == 2
    assert table["source: pronoun"]["wrong speaker"] == 1, "'she' is a pronoun source"
    assert table["cue: none"]["wrong speaker"] == 1 and table["cue: verb"]["ok"] == 1
    assert table["predicted speakers"]["right"] == 1 and table["predicted speakers"]["wrong"] == 1
    text = format_speaker_errors(table)
    assert text.splitlines()[1].startswith("all") and "speaker recall" in text


def test_evaluate_quotes_command_prints_the_error_table(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli.app import main

    _write_split(tmp_path)
    assert main(["evaluate-quotes", "--data", str(tmp_path), "--split", "test", "--errors"]) == 0
    out = capsys.readouterr().out
    assert "speaker recall" in out and "\nall " in out


def test_evaluate_quotes_defaults_to_the_shared_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from unspin.cli.app import main

    _write_split(tmp_path / "polnear")
    monkeypatch.setenv("UNSPIN_SHARED_DATA", str(tmp_path))
    assert main(["evaluate-quotes", "--split", "test"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


def test_learned_speakers_beat_the_cue_subject_rule_on_polnear_dev(shared_data: Path) -> None:
    """On 20 dev articles, the shipped speaker model scores above the rules it replaced."""
    from unspin.components.parse import load_spacy
    from unspin.components.quotes import QuoteFinder

    folder = shared_data / "polnear"
    if not (folder / "dev").is_dir():
        pytest.skip(f"needs PolNeAR's dev split at {folder / 'dev'}")
    articles = read_polnear(folder, "dev")[::4][:20]
    docs = list(load_spacy().pipe(a.text for a in articles))
    learned = score_quotes([QuoteFinder().predict(d) for d in docs], articles)
    rules = score_quotes([QuoteFinder(speaker_model=False).predict(d) for d in docs], articles)
    # the speakers decide only which quotes repeat another of the same speaker (and are left out)
    assert learned["content"]["recall"] == pytest.approx(rules["content"]["recall"], abs=0.01)
    assert learned["speaker"]["f1"] > rules["speaker"]["f1"]
    assert learned["speaker"]["precision"] > rules["speaker"]["precision"]


def test_evaluate_quotes_models_folder_must_hold_the_trained_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli.app import main

    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "cues.json.gz").write_bytes(b"")
    assert main(["evaluate-quotes", "--data", str(tmp_path), "--models", str(tmp_path / "models")]) == 1
    err = capsys.readouterr().err
    assert "tagger.onnx" in err and "unspin train-quotes --out DIR" in err and "Traceback" not in err


def test_citron_scores_match_spans_exactly_and_count_shared_tokens() -> None:
    import spacy

    from unspin.training.quotes import citron_scores

    text = "Ann Cole said the fares will fall soon. Tom Reyes agreed."
    gold = [PolnearArticle("a", text, [GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(14, 38)])])]
    doc = spacy.blank("en")(text)
    exact = [[Quote(14, 38, kind="reported", speaker=Attribution("Ann Cole", 0, 8),
                    cue=Attribution("say", 9, 13))]]
    result = citron_scores(exact, gold, [doc])
    assert all(v == {"precision": 1.0, "recall": 1.0, "f1": 1.0} for v in result.values())
    # the surname alone: no exact source, half the source tokens; a second quote with no cue
    partial = [[Quote(14, 27, kind="reported", speaker=Attribution("Ann Cole", 4, 8),
                      cue=Attribution("say", 9, 13)),
                Quote(40, 56, kind="reported", speaker=Attribution("Tom Reyes", 40, 49))]]
    result = citron_scores(partial, gold, [doc])
    assert result["cue_exact"]["precision"] == 0.5 and result["cue_exact"]["recall"] == 1.0
    assert result["source_exact"]["f1"] == 0.0
    assert result["source_overlap"]["recall"] == 0.5  # "Cole" of "Ann Cole"
    assert result["content_overlap"]["precision"] == round(3 / 6, 4)  # "the fares will" of 6 tokens


def test_speech_scores_leave_out_attitudes_and_acts() -> None:
    from unspin.components.parse import load_spacy
    from unspin.training.quotes import speech_scores

    text = "Ann Cole said the fares will fall. Tom Reyes fears a strike. The port closed."
    said = GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(14, 33)])
    fears = GoldAttribution(source=[(35, 44)], cue=[(45, 50)], content=[(51, 59)])
    gold = [PolnearArticle("a", text, [said, fears])]
    doc = load_spacy()(text)
    quotes = [[Quote(14, 33, kind="reported", speaker=Attribution("Ann Cole", 0, 8)),
               Quote(51, 59, kind="reported", speaker=Attribution("the port", 60, 68)),
               Quote(60, 76, kind="reported", speaker=Attribution("Tom Reyes", 35, 44))]]
    result = speech_scores(quotes, gold, [doc])
    # the fear is no speech: neither its gold nor the quote over it counts; the last quote
    # overlaps no gold and counts against precision
    assert result["gold_attributions"] == 1
    assert result["speaker"] == {"precision": 0.5, "recall": 1.0, "f1": round(2 * 0.5 / 1.5, 4)}
