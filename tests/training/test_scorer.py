"""The official PTC metrics on small hand-computed cases."""

from __future__ import annotations

import pytest

from unspin.errors import EvaluationError
from unspin.training.evaluate import pair_tc
from unspin.training.ptc import GoldSpan
from unspin.training.scorer import merge_spans, score_flc, score_si, score_tc


def spans(*items: tuple[str, int, int, str | None]) -> dict[str, list[GoldSpan]]:
    out: dict[str, list[GoldSpan]] = {}
    for article, start, end, technique in items:
        out.setdefault(article, []).append(GoldSpan(article, start, end, technique))
    return out


def test_merge_spans_merges_overlaps_but_not_touching() -> None:
    assert merge_spans([(5, 10), (0, 6), (10, 12), (20, 25)]) == [(0, 10), (10, 12), (20, 25)]


def test_si_partial_overlap_credit() -> None:
    gold = spans(("a", 0, 10, None))
    pred = spans(("a", 5, 15, None))
    s = score_si(pred, gold)
    # |s∩t| = 5: precision 5/10, recall 5/10.
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_si_two_predictions_one_gold() -> None:
    gold = spans(("a", 0, 20, None))
    pred = spans(("a", 0, 5, None), ("a", 10, 30, None))
    s = score_si(pred, gold)
    # precision: (5/5 + 10/20) / 2 = 0.75; recall: (5/20 + 10/20) / 1 = 0.75
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.75)


def test_si_ignores_techniques_and_merges_overlapping_gold() -> None:
    gold = spans(("a", 0, 10, "Doubt"), ("a", 5, 20, "Slogans"))
    pred = spans(("a", 0, 20, "Repetition"))
    s = score_si(pred, gold)
    assert (s.precision, s.recall) == (pytest.approx(1.0), pytest.approx(1.0))


def test_si_article_without_predictions_lowers_recall() -> None:
    gold = spans(("a", 0, 10, None), ("b", 0, 10, None))
    pred = spans(("a", 0, 10, None))
    s = score_si(pred, gold)
    assert s.precision == pytest.approx(1.0)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 / 3)


def test_flc_credit_only_where_techniques_match() -> None:
    gold = spans(("a", 0, 10, "Doubt"), ("a", 20, 30, "Slogans"))
    pred = spans(("a", 0, 10, "Doubt"), ("a", 20, 30, "Repetition"))
    s = score_flc(pred, gold)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.per_technique["Doubt"]["f1"] == pytest.approx(1.0)
    assert s.per_technique["Slogans"]["f1"] == 0.0
    assert s.per_technique["Repetition"]["precision"] == 0.0


def test_predictions_for_unknown_articles_are_refused() -> None:
    with pytest.raises(EvaluationError, match="no gold labels"):
        score_si(spans(("zzz", 0, 1, None)), spans(("a", 0, 1, None)))


def test_tc_micro_and_per_technique() -> None:
    s = score_tc(["Doubt", "Doubt", "Slogans", "Repetition"],
                 ["Doubt", "Slogans", "Slogans", "Repetition"])
    assert s.f1 == pytest.approx(0.75)
    assert s.per_technique["Doubt"]["precision"] == pytest.approx(0.5)
    assert s.per_technique["Doubt"]["recall"] == pytest.approx(1.0)
    assert s.per_technique["Slogans"]["f1"] == pytest.approx(2 / 3)


def test_tc_length_mismatch() -> None:
    with pytest.raises(EvaluationError, match="one technique per gold span"):
        score_tc(["Doubt"], ["Doubt", "Slogans"])


def test_pair_tc_same_offsets_different_techniques() -> None:
    gold = spans(("a", 0, 10, "Doubt"), ("a", 0, 10, "Slogans"), ("a", 20, 25, "Repetition"))
    pred = spans(("a", 0, 10, "Slogans"), ("a", 0, 10, "Doubt"))
    p, g = pair_tc(pred, gold)
    assert sorted(zip(p, g, strict=True)) == [("<none>", "Repetition"), ("Doubt", "Doubt"),
                                              ("Slogans", "Slogans")]
