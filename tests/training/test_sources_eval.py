"""Scoring claim sources against PolNeAR attributions, and the evaluate-sources command."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.doc import Attribution, Claim
from unspin.training.data import default_data_dir
from unspin.training.quotes import GoldAttribution, PolnearArticle
from unspin.training.sources import evaluate_sources, score_sources

TEXT = ("Ann Cole said the bridge carries 40,000 cars a day. Traffic rose 12 percent in 2023. "
        "The council spent $3 million on repairs, officials said.")


def _gold() -> PolnearArticle:
    first = TEXT.index("the bridge")
    last = TEXT.index("The council")
    return PolnearArticle("bridge", TEXT, [
        GoldAttribution(source=[(0, 8)], cue=[(9, 13)], content=[(first, TEXT.index(". Traffic"))]),
        GoldAttribution(source=[(TEXT.index("officials"), TEXT.index(" said."))], cue=[],
                        content=[(last, TEXT.index(", officials"))]),
    ])


def _claim(sentence: str, source: tuple[int, int] | None) -> Claim:
    start = TEXT.index(sentence)
    cited = None if source is None else Attribution(name=TEXT[source[0]:source[1]], start=source[0],
                                                    end=source[1])
    return Claim(start, start + len(sentence), source=cited)


def test_sources_are_scored_against_the_attributions_a_claim_lies_in() -> None:
    officials = TEXT.index("officials")
    claims = [
        _claim("Ann Cole said the bridge carries 40,000 cars a day.", (0, 13)),          # right
        _claim("Traffic rose 12 percent in 2023.", (0, 8)),                                # no gold: wrong
        _claim("The council spent $3 million on repairs, officials said.", None),         # missed
    ]
    result = score_sources([claims], [_gold()])
    assert result["claims"] == 3 and result["claims_with_source"] == 2
    assert result["attributed_claims"] == 2
    assert result["precision"] == 0.5 and result["recall"] == 0.5 and result["f1"] == 0.5
    claims[2].source = Attribution(name="officials", start=officials, end=officials + 14)
    result = score_sources([claims], [_gold()])
    assert result["precision"] == round(2 / 3, 4) and result["recall"] == 1.0


def test_scoring_needs_one_prediction_per_article() -> None:
    from unspin.errors import EvaluationError

    with pytest.raises(EvaluationError, match="predicted articles"):
        score_sources([], [_gold()])


def test_evaluate_sources_command_on_a_tiny_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from unspin.cli import main

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "paper_2016-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    first, end = TEXT.index("the bridge"), TEXT.index(". Traffic")
    (tmp_path / "dev" / "attributions" / "paper_2016-01-01_bridge_aaaa.ann").write_text(
        f"T1\tSource 0 8\tAnn Cole\nT2\tCue 9 13\tsaid\nT3\tContent {first} {end}\tx\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    assert main(["evaluate-sources", "--data", str(tmp_path), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert '"attributed_claims"' in out and '"quote_sources": true' in out
    assert main(["evaluate-sources", "--data", str(tmp_path / "missing")]) == 1


def test_quote_speakers_raise_source_recall_on_polnear_dev() -> None:
    folder = default_data_dir() / "polnear"
    if not (folder / "dev" / "text").is_dir():
        pytest.skip(f"needs the PolNeAR corpus under {folder}; set UNSPIN_SHARED_DATA")
    rules = evaluate_sources(folder, "dev", quote_sources=False)
    both = evaluate_sources(folder, "dev")
    assert both["recall"] > rules["recall"] + 0.2
    assert both["f1"] > rules["f1"] and both["precision"] > 0.75
