"""The official PTC metrics (SemEval-2020 Task 11; NLP4IF-2019 for FLC).

SI: per article, overlapping spans are merged (techniques ignored); precision is
``sum_{s,t} |s∩t| / |s|`` over predicted spans ``s`` and gold spans ``t`` divided by the number
of predicted spans, recall the same with ``|t|`` over the number of gold spans.
FLC: the same partial-overlap credit, counted only where the techniques match (spans of one
technique merged per article). TC: micro-F1 of one predicted technique per gold span, with
per-technique F1.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from unspin.errors import EvaluationError
from unspin.training.ptc import GoldSpan

__all__ = ["Scores", "merge_spans", "score_flc", "score_si", "score_tc"]


@dataclass(slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    per_technique: dict[str, dict[str, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        if not self.per_technique:
            data.pop("per_technique")
        return data


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping (not merely touching) half-open spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _overlap_sums(pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
                  ) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                p_sum += inter / (pe - ps)
                r_sum += inter / (ge - gs)
    return p_sum, r_sum


def _check_articles(pred: Mapping[str, list[GoldSpan]], gold: Mapping[str, list[GoldSpan]]
                    ) -> None:
    extra = sorted(set(pred) - set(gold))
    if extra:
        shown = ", ".join(extra[:5])
        raise EvaluationError(f"predictions for {len(extra)} article(s) with no gold labels "
                              f"({shown}); score against the matching labels")


def _grouped_score(pred: Mapping[str, list[GoldSpan]], gold: Mapping[str, list[GoldSpan]],
                   key: str | None) -> tuple[float, float, int, int]:
    p_num = r_num = 0.0
    n_pred = n_gold = 0
    for article_id in gold:
        groups_p: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
        groups_g: dict[str | None, list[tuple[int, int]]] = defaultdict(list)
        for s in pred.get(article_id, []):
            groups_p[s.technique if key else None].append((s.start, s.end))
        for s in gold[article_id]:
            groups_g[s.technique if key else None].append((s.start, s.end))
        for group in set(groups_p) | set(groups_g):
            ps = merge_spans(groups_p.get(group, []))
            gs = merge_spans(groups_g.get(group, []))
            a, b = _overlap_sums(ps, gs)
            p_num += a
            r_num += b
            n_pred += len(ps)
            n_gold += len(gs)
    return p_num, r_num, n_pred, n_gold


def score_si(pred: Mapping[str, list[GoldSpan]], gold: Mapping[str, list[GoldSpan]]) -> Scores:
    """Span identification: techniques ignored, overlapping spans merged per article."""
    _check_articles(pred, gold)
    p_num, r_num, n_pred, n_gold = _grouped_score(pred, gold, None)
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    return Scores(p, r, _f1(p, r))


def score_flc(pred: Mapping[str, list[GoldSpan]], gold: Mapping[str, list[GoldSpan]]) -> Scores:
    """Full task: partial-overlap credit only where techniques match; per-technique F1 too."""
    _check_articles(pred, gold)
    p_num, r_num, n_pred, n_gold = _grouped_score(pred, gold, "technique")
    p = p_num / n_pred if n_pred else 0.0
    r = r_num / n_gold if n_gold else 0.0
    per: dict[str, dict[str, float]] = {}
    techniques = {s.technique for v in gold.values() for s in v} | {
        s.technique for v in pred.values() for s in v}
    for t in sorted(x for x in techniques if x):
        sub_p = {a: [s for s in v if s.technique == t] for a, v in pred.items()}
        sub_g = {a: [s for s in v if s.technique == t] for a, v in gold.items()}
        a_num, b_num, np_, ng = _grouped_score(sub_p, sub_g, "technique")
        tp = a_num / np_ if np_ else 0.0
        tr = b_num / ng if ng else 0.0
        per[t] = {"precision": tp, "recall": tr, "f1": _f1(tp, tr), "gold": ng, "predicted": np_}
    return Scores(p, r, _f1(p, r), per)


def score_tc(pred: Sequence[str], gold: Sequence[str]) -> Scores:
    """Technique classification on gold spans: micro-F1 (= accuracy) and per-technique F1."""
    if len(pred) != len(gold):
        raise EvaluationError(f"{len(pred)} predictions for {len(gold)} gold spans; give one "
                              "technique per gold span")
    if not gold:
        raise EvaluationError("no gold spans to classify")
    correct = sum(p == g for p, g in zip(pred, gold, strict=True))
    micro = correct / len(gold)
    per: dict[str, dict[str, float]] = {}
    for t in sorted(set(gold) | set(pred)):
        tp = sum(p == g == t for p, g in zip(pred, gold, strict=True))
        n_p = sum(p == t for p in pred)
        n_g = sum(g == t for g in gold)
        tp_p = tp / n_p if n_p else 0.0
        tp_r = tp / n_g if n_g else 0.0
        per[t] = {"precision": tp_p, "recall": tp_r, "f1": _f1(tp_p, tp_r), "gold": n_g,
                  "predicted": n_p}
    return Scores(micro, micro, micro, per)
