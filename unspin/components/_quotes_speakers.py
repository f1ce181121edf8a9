"""Speaker candidates of a quote and their features, for the learned speaker choice.

A quote's speaker is one noun phrase near it: the subject of its cue ("X said"), the agent of
a passive cue ("was told by X"), the object of "according to X", a possessor ("X's claim"), a
name after a dash ("- X") or before a colon ("X:"), or a name or pronoun in the sentence
before a quote that stands alone. Every noun-phrase head in the quote's sentences and the
sentence before is a candidate; a logistic regression over the features below (trained on
PolNeAR, ``unspin.training.quotes``) scores them and the quotes stage keeps the best one.
Shared by the stage and its trainer so both read the parse the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unspin.components._actors_entities import DATELINE
from unspin.components._quotes_features import bucket
from unspin.components._quotes_tagger import PROBE_KEY, probe_bin
from unspin.components.parse import doc_text

__all__ = ["SpeakerCandidate", "null_features", "speaker_candidates"]

_HEAD_POS = frozenset({"PROPN", "NOUN", "PRON"})
_NOT_HEADS = frozenset({"compound", "amod", "nmod", "det", "npadvmod", "nummod", "quantmod"})
_DASHES = frozenset({"-", "--", "—", "–", "―"})
_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "take", "make"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "who", "which", "that", "one"})


@dataclass(slots=True)
class SpeakerCandidate:
    """One noun-phrase head that may be a quote's speaker, with the features that describe it.

    The first ``n_static`` features depend on the token alone, not on the quote: a caller
    scoring many quotes may sum their weights once per token.
    """

    token: Any
    features: list[str]
    n_static: int = 0


def _score_bin(score: float | None) -> str:
    if score is None:
        return "none"
    return "hi" if score >= 0.6 else "mid" if score >= 0.3 else "lo" if score >= 0.1 else "vlo"


def speaker_candidates(sdoc: Any, start: int, end: int, kind: str, cue: Any | None,
                       rule_source: Any | None, cue_scores: dict[int, float],
                       quote_mask: list[bool], sent_index: list[int], sents: list[Any],
                       mentions: dict[int, int], text: str | None = None,
                       cache: dict[str, Any] | None = None) -> list[SpeakerCandidate]:
    """Candidate speaker heads for the quote ``[start, end)`` (character offsets).

    ``cue`` is the cue token the stage chose (or None), ``rule_source`` the head its parse
    rules give as source (or None), ``cue_scores`` the cue model's probability of every verb,
    ``sent_index`` each token's sentence number, ``sents`` the sentences and ``mentions`` how
    often the actor a token names is mentioned in the document (by token index); ``text`` is
    ``sdoc.text``, given by callers that have it (spaCy rebuilds it on each access); ``cache``,
    one dict per document, keeps what does not depend on the quote between calls.
    """
    quoted = sdoc.char_span(start, end, alignment_mode="expand")
    if quoted is None or len(quoted) == 0:
        return []
    cache = {} if cache is None else cache
    q_first, q_last = quoted.start, quoted.end - 1
    s_first, s_last = sent_index[q_first], sent_index[q_last]
    window = {s_first - 1, s_first, s_last, s_last + 1}
    if cue is not None:
        window.add(sent_index[cue.i])
    window = {s for s in window if 0 <= s < len(sents)}
    text = doc_text(sdoc) if text is None else text
    between_paragraph = text.rfind("\n", 0, start)
    heads = cache.setdefault("heads", {})
    static = cache.setdefault("static", {})
    candidates = []
    if "datelines" not in cache:  # "WASHINGTON -- President Obama said": a place, never the speaker
        cache["datelines"] = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
    datelines = cache["datelines"]
    for n in sorted(window):
        if n not in heads:
            heads[n] = [t for t in sents[n] if ((t.pos_ in _HEAD_POS and t.dep_ not in _NOT_HEADS)
                                                or _one_of(t))
                        and any(c.isalpha() for c in t.text)
                        and not any(s <= t.idx < e for s, e in datelines)]
        # the cue is never its own source ("Economists at Capital Economics estimate that ...",
        # where the parser made the cue a noun over the whole sentence)
        candidates += [t for t in heads[n] if not q_first <= t.i <= q_last and (cue is None or t.i != cue.i)]
    before = sorted((t for t in candidates if t.i < q_first), key=lambda t: -t.i)
    after = sorted((t for t in candidates if t.i > q_last), key=lambda t: t.i)
    rank = {t.i: n for n, t in enumerate(before)} | {t.i: n for n, t in enumerate(after)}
    cue_score = None if cue is None else cue_scores.get(cue.i)
    quote_feature = f"quote={kind}|{_score_bin(cue_score) if cue is not None else 'nocue'}"
    cue_lemma = "" if cue is None else cue.lemma_.lower()
    after_colon = text[max(0, start - 40):start].rstrip().endswith(":")  # "Caddell continued:" then it
    out: list[SpeakerCandidate] = []
    for t in candidates:
        if t.i not in static:
            static[t.i] = _static_features(t, sdoc, cue_scores, quote_mask, mentions)
        token_feats, dash_before, colon_after, head_score = static[t.i]
        feats = list(token_feats)
        side = "before" if t.i < q_first else "after"
        sent = sent_index[t.i]
        where = "same" if s_first <= sent <= s_last else "prev" if sent < s_first else "next"
        distance = q_first - t.i if side == "before" else t.i - q_last
        r = bucket(rank[t.i], (0, 1, 2))
        feats += ["bias", f"kind={kind}", quote_feature,
                  f"side={side}|{where}", f"dist={bucket(distance, (2, 4, 8, 15, 30))}|{side}",
                  f"rank={r}|{side}|{where}", f"rank|kind={r}|{side}|{kind}",
                  f"dep|side={t.dep_}|{side}|{where}", f"pos|rank={t.pos_}|{r}|{side}",
                  f"ent|side={t.ent_type_ or '-'}|{side}|{where}"]
        if text.rfind("\n", 0, t.idx) != between_paragraph:
            feats.append(f"other_paragraph|{side}")
        if rule_source is not None and t.i == rule_source.i:
            feats += ["rule", f"rule|kind={kind}", f"rule|pos={t.pos_}"]
            if after_colon:
                feats.append("rule|after_colon")
        if after_colon:
            feats.append(f"after_colon|{side}|{where}")
        head = t.head
        if cue is not None and head.i == cue.i:
            feats += [f"cue_child={t.dep_}", f"cue_child|kind={t.dep_}|{kind}",
                      f"cue_child|lemma={t.dep_}|{cue_lemma}"]
        elif cue is not None and head.head.i == cue.i:
            feats.append(f"cue_grandchild={t.dep_}|{head.dep_}|{head.lower_ if head.pos_ == 'ADP' else ''}")
        else:
            feats.append(f"head_score={_score_bin(head_score)}|{t.dep_}")
        if cue is None:
            feats.append(f"nocue|head_score={_score_bin(head_score)}|{t.dep_}")
        if dash_before:
            feats.append(f"dash_before|{side}")
        if colon_after:
            feats.append(f"colon_after|{side}")
        out.append(SpeakerCandidate(t, feats, len(token_feats)))
    return out


def _one_of(token: Any) -> bool:
    """Whether a number word is the subject it heads ("[one] of them said", "[two] of the
    officials said"): the speaker is the one, not the group after "of"."""
    return token.pos_ == "NUM" and token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def null_features(start: int, kind: str, cue: Any | None, cue_scores: dict[int, float], text: str,
                  n_candidates: int) -> list[str]:
    """Features of "nobody named here", the option a listwise speaker model weighs against the candidates.

    They describe the quote alone: its kind, its cue's lemma and score, a colon before it, and
    how many candidates it has.
    """
    cue_score = None if cue is None else cue_scores.get(cue.i)
    score = _score_bin(cue_score) if cue is not None else "nocue"
    after_colon = text[max(0, start - 40):start].rstrip().endswith(":")
    feats = ["null", f"null|kind={kind}", f"null|quote={kind}|{score}", f"null|after_colon={after_colon}",
             f"null|n={bucket(n_candidates, (0, 2, 5, 10, 20))}"]
    if cue is not None:
        feats.append(f"null|cue={cue.lemma_.lower()}")
    return feats


def _static_features(t: Any, sdoc: Any, cue_scores: dict[int, float], quote_mask: list[bool],
                     mentions: dict[int, int]) -> tuple[list[str], bool, bool, float | None]:
    """The features of a candidate that do not depend on the quote, and three facts for the rest."""
    seen = bucket(mentions.get(t.i, 0), (0, 1, 3, 8))
    feats = [f"pos={t.pos_}", f"ent={t.ent_type_ or '-'}", f"dep={t.dep_}",
             f"dep|hpos={t.dep_}|{t.head.pos_}", f"mentions={seen}|{t.pos_}"]
    word = t.lower_
    head = t.head
    if t.pos_ == "PRON":
        feats.append(f"pron={word if word in _PRONOUNS else 'other'}")
        if word == "it" and head.lemma_.lower() in _EXPLETIVE_HEADS:
            feats.append("it_expletive")
    elif t.pos_ == "NOUN":
        feats.append(f"noun={t.lemma_.lower()}")
    if head.pos_ in ("VERB", "AUX"):
        feats.append(f"head_lemma|dep={head.lemma_.lower()}|{t.dep_}")
    if quote_mask[t.i]:
        feats.append("in_other_quote")
    if t.dep_ == "pobj":
        feats.append(f"prep={head.lower_}|{head.head.lemma_.lower()}")
    if t.dep_ == "poss":
        feats.append(f"poss_of={head.lemma_.lower()}")
    head_score = cue_scores.get(head.i)
    if t.ent_type_ == "PERSON" and (head_score or 0.0) >= 0.3:
        feats.append("person_of_cue")
    first, last = t.left_edge.i, t.right_edge.i
    probs = sdoc.user_data.get(PROBE_KEY)
    if probs is not None:
        # the tagger may speak for a candidate, but its silence is no evidence: it can miss unusual
        # sources ("the Harbour Authority said"), where the parse alone must decide
        own, phrase = float(probs[t.i, 0]), float(probs[first:last + 1, 0].max())
        if own >= 0.05:
            feats.append(f"probe_src={probe_bin(own)}")
        if phrase >= 0.05:
            feats += [f"probe_src_np={probe_bin(phrase)}", f"probe_src|pos={probe_bin(phrase)}|{t.pos_}"]
    dash_before = first > 0 and sdoc[first - 1].text in _DASHES
    colon_after = last + 1 < len(sdoc) and sdoc[last + 1].text == ":"
    return feats, dash_before, colon_after, head_score
