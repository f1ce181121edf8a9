"""The quotes stage: direct quotations and reported speech, with speaker and cue.

Direct quotations come from the quotation marks (``_quotes_marks``). Cues (said, told,
according to, argued, ...) come from a small logistic regression over the spaCy parse, trained
on PolNeAR (``unspin/models/quotes/cues.json.gz``; ``unspin.training.quotes``). A cue's
subject is the speaker; its clausal complement, its object or the quotation it stands next to is
what was said. Pronoun and title speakers ("he", "the senator") are resolved to the actor they
most likely refer to. The cue, quote and speaker models also read how likely each word is part of
a source, a cue or what was said, from a small encoder fine-tuned on PolNeAR to tag them
(``_quotes_tagger``).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from unspin.components._actors_entities import (
    DATELINE,
    TITLE_WORDS,
    cluster_for_span,
    entity_clusters,
    fits_pronoun,
    in_modifier,
    names_people,
    office_holder,
    office_of_something,
    resolve_reference,
)
from unspin.components._given_names import person_shaped
from unspin.components._page_chrome import in_page_chrome
from unspin.components._quotes_features import (
    CUE_NEGATIONS,
    NOUN_CUES,
    QUOTE_CHARS,
    RELATIVES,
    candidate_cues,
    clause_without,
    content_span,
    cue_features,
    headline_subject,
    opens_with_that,
    other_voice,
    pictured,
    quote_features,
    reckoning,
    relative_clause,
    source_span,
    span_of,
    trimmed_span,
)
from unspin.components._quotes_marks import (
    colon_label,
    dash_speaker,
    embedded_posts,
    find_quotations,
    headline_sources,
    interview_answers,
    transcript_turns,
)
from unspin.components._quotes_speakers import SpeakerCandidate, null_features, speaker_candidates
from unspin.components._quotes_tagger import PROBE_KEY, ensure_tagger, probe_bin
from unspin.components.parse import doc_text
from unspin.doc import Attribution, Document, Quote
from unspin.errors import ModelError

__all__ = ["CueModel", "QuoteFinder", "load_cue_model", "load_quote_model", "load_speaker_model",
           "make_quotes"]

DEFAULT_MODEL = "cues.json.gz"
DEFAULT_SPEAKER_MODEL = "speakers.json.gz"
DEFAULT_QUOTE_MODEL = "quotes.json.gz"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "quotes"


@dataclass(slots=True)
class CueModel:
    """A logistic regression over named binary features."""

    bias: float
    weights: dict[str, float]
    threshold: float = 0.5
    # a listwise speaker model: scores compare within a quote's candidates and "nobody" (softmax)
    listwise: bool = False

    def score(self, features: list[str]) -> float:
        return self.probability(self.weight(features))

    def weight(self, features: list[str]) -> float:
        """The summed weight of some features (no bias): part of a score, to add up later."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def probability(self, weight: float) -> float:
        """The probability for features whose summed weight is ``weight``."""
        z = self.bias + weight
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _load(path: str | None, default: str, what: str) -> CueModel:
    try:
        raw = gzip.decompress(Path(path or MODEL_DIR / default).read_bytes())
        data = json.loads(raw)
        return CueModel(float(data["bias"]), dict(data["weights"]), float(data.get("threshold", 0.5)),
                        bool(data.get("listwise", False)))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the quote {what} model {path or default!r} ({exc}); "
                         "reinstall unspin or retrain it with unspin.training.quotes") from None


@lru_cache(maxsize=4)
def load_cue_model(path: str | None = None) -> CueModel:
    """The shipped cue model, or one saved by ``unspin.training.quotes.save_cue_model``."""
    return _load(path, DEFAULT_MODEL, "cue")


@lru_cache(maxsize=4)
def load_speaker_model(path: str | None = None) -> CueModel:
    """The shipped speaker model (scores ``_quotes_speakers`` candidates), or one saved by the trainer."""
    return _load(path, DEFAULT_SPEAKER_MODEL, "speaker")


@lru_cache(maxsize=4)
def load_quote_model(path: str | None = None) -> CueModel:
    """The shipped quote model (is a found quote speech at all?), or one saved by the trainer."""
    return _load(path, DEFAULT_QUOTE_MODEL, "quote")


_STRAY_MARKUP = frozenset('"<>=/')
#: Verbs that can only report speech or writing.
_PLAIN_SPEECH = frozenset({"say", "tell", "add", "write", "state", "declare", "announce", "tweet"})

#: The cue score of "by one estimate", "by the UN's count" (``reckoning``).
_RECKONING_SCORE = 0.9


@dataclass(slots=True)
class _Cue:
    token: Any
    score: float
    source: tuple[tuple[int, int], Any] | None
    content: tuple[int, int] | None
    open_ended: bool = False  # the content is just the rest of the sentence
    sent_start: int = 0  # token offsets of the cue's sentence
    sent_end: int = 0
    colon: bool = False  # the sentence ends with ':' (a quotation may follow it)
    worded: bool = False  # the verb of "as X put it" (``_as_worded``)
    cited: bool = False  # a poll or records the stage found by pattern ("in a CNN poll", ", records show")
    named: bool = False  # a verb of saying kept for its named speaker (``_named_speaker_reports``)


@dataclass(slots=True)
class _Context:
    """What the speaker choice reads besides the quote: quotation mask, cue scores, sentences."""

    mask: list[bool]
    scores: dict[int, float]
    sents: list[Any]
    sent_index: list[int]
    mentions: dict[int, int]  # token index -> mentions of the actor it names
    text: str
    fixed: dict[tuple[int, int], tuple[int, int] | None]  # quotation -> speaker span set by the layout
    cache: dict[str, Any]  # what the speaker candidates keep between quotes
    quoted: list[tuple[int, int]]  # the quotations' character spans, in order


_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def _nominal(token: Any) -> bool:
    """A noun, or a word in a noun's place ("One regular": a noun the tagger called an adjective)."""
    return token.pos_ in ("NOUN", "PROPN", "PRON") or (token.dep_ in _NOUN_ROLES and token.pos_ != "VERB")


class QuoteFinder:
    """Finds quotes in a parsed document (needs ``doc.cache["spacy"]``)."""

    name = "quotes"
    requires: tuple[str, ...] = ("text", "spacy")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, model: str | None = None, threshold: float | None = None,
                 min_words: int = 3, reported: bool = True, direct_threshold: float = 0.15,
                 speaker_model: str | bool | None = None, quote_model: str | bool | None = None,
                 tagger: str | bool | None = None) -> None:
        self.model_path = model
        # None: the shipped attribution tagger; a folder: another one; False: the parse alone (the
        # shipped models were trained with the tagger's features and do worse without them)
        self.tagger = tagger
        # None: the shipped quote model; a path: another one; False: keep every quote found
        self.quote_model = quote_model
        # None: the shipped speaker model; a path: another one; False: the parse rules alone
        self.speaker_model = speaker_model
        self.threshold = threshold
        self.direct_threshold = direct_threshold
        self.min_words = min_words
        self.reported = reported

    @property
    def model(self) -> CueModel:
        return load_cue_model(self.model_path)

    def cues(self, sdoc: Any, mask: list[bool], scores: dict[int, float] | None = None,
             segments: list[tuple[int, int]] | None = None) -> list[_Cue]:
        """The likely cues of a document; ``scores`` (when given) receives every verb's probability.

        ``segments`` are the document's sentences cut at paragraph breaks (``_segments``).
        """
        model = self.model
        threshold = model.threshold if self.threshold is None else self.threshold
        found = []
        for seg_start, seg_end in _segments(sdoc) if segments is None else segments:
            last = seg_end - 1
            while last > seg_start and sdoc[last].is_space:
                last -= 1
            colon = sdoc[last].text == ":"
            bounds = (sdoc[seg_start].idx, sdoc[last].idx + len(sdoc[last].text))
            for token in candidate_cues(sdoc[seg_start:seg_end]):
                if mask[token.i] or _imperative(token, seg_start):
                    continue
                worded = _as_worded(token)
                score = model.score(cue_features(token, mask))
                if reckoning(token) is not None:
                    # the cue model never saw "by one estimate" as a cue (PolNeAR train has six):
                    # the phrase cites its source as surely as "according to" does
                    score = max(score, _RECKONING_SCORE)
                named = score < threshold and _named_speaker_reports(token)
                if named:
                    # "Cole said that Reyes had claimed ...": the tagger marks the words of a report
                    # inside another's as content alone, and the cue model learnt to trust it there
                    score = threshold
                elif score < threshold and _named_report(token):
                    score = threshold  # "a BBC report that the plant would close": the quote model judges it
                elif score < threshold and worded and _beside_quotation(token, mask):
                    score = threshold  # '"a lawful source of income," as a Homeland Security memo put it'
                if scores is not None:
                    scores[token.i] = score
                if score >= min(threshold, self.direct_threshold) and not _labelling(token):
                    content, open_ended = content_span(token, bounds)
                    source = source_span(token)
                    if source is not None and _nobody(source[1]):
                        continue  # "nobody asked for this" reports no one's words
                    found.append(_Cue(token, score, source, content, open_ended,
                                      seg_start, seg_end, colon, worded, named=named))
        return found

    def find(self, sdoc: Any, text: str | None = None) -> tuple[list[tuple[Quote, _Cue | None]], _Context]:
        """The quotes of a parsed document with their cues, before any speaker is chosen.

        ``text`` is ``sdoc.text`` when the caller has it (spaCy rebuilds it on each access).
        """
        text = doc_text(sdoc) if text is None else text
        if self.tagger is not False:
            ensure_tagger(sdoc, self.tagger or None)
        quotations = marks = find_quotations(text)
        mask = [False] * len(sdoc)
        for start, end in quotations:
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    mask[i] = True
        scores: dict[int, float] = {}
        segments = _segments(sdoc)
        segment_of = [0] * len(sdoc)
        for seg_start, seg_end in segments:
            segment_of[seg_start:seg_end] = [seg_start] * (seg_end - seg_start)
        cues = self.cues(sdoc, mask, scores, segments)
        threshold = self.model.threshold if self.threshold is None else self.threshold
        quotations, fixed, headlines = _labelled(text, quotations, self.min_words, _interviewee(sdoc, text))
        used: dict[int, tuple[int, int]] = {}  # cue token -> the quotation it introduces
        found: list[tuple[Quote, _Cue | None]] = []
        for start, end in quotations:
            if (start, end) in fixed:  # the text names the speaker by layout: no cue to look for
                kind = "reported" if (start, end) in headlines else "direct"
                found.append((self._quote(start, end, kind, None), None))
                continue
            if _titled(text, start):
                continue  # "a report titled “Why We Must Act Now”": a title, whoever wrote it
            if _SO_CALLED_BEFORE.search(text, max(0, start - 12), start):
                continue  # "so-called ‘enhanced interrogation techniques’": the writer's scare quote
            cue = self._cue_for(sdoc, text, start, end, cues, used, threshold, segment_of)
            short = self._few_words(text[start:end])
            if (short and (cue is None or cue.score < threshold)
                    and not _sentence_after_quote(text, start, end, found)):
                continue  # a scare quote or a title, not speech
            if cue is not None:
                used[cue.token.i] = (start, end)
            found.append((self._quote(start, end, "direct", cue), cue))
        if self.reported:
            for cue in cues:
                if cue.score < threshold:
                    continue
                quoted = used.get(cue.token.i)
                if quoted is not None and (cue.content is None or cue.open_ended
                                           or (cue.content[0] < quoted[1] and quoted[0] < cue.content[1])) \
                        and not (cue.content is not None and not cue.open_ended
                                 and _mixed(text, quoted, *cue.content)):
                    continue  # the quotation is what it reports
                block = _block_after(sdoc, text, cue, self.min_words) if cue.colon else None
                if block is None and cue.content is None:
                    continue
                start, end = block or cue.content
                if block is None and len(text[start:end].split()) < _MIN_REPORTED_WORDS:
                    continue  # "history will judge us", "she told him": an object, not speech
                overlapping = [(q, c) for q, c in found
                               if q.start < end and start < q.end and not _nested(q, c, cue, start, end)]
                if overlapping and block is None:
                    # "Carson said [he saw no need to change], telling Ann “we tell the truth”":
                    # the report ends where the clause that cues another's quotation begins
                    end = _before_inner_cues(text, start, end, cue, overlapping)
                    overlapping = [(q, c) for q, c in overlapping if q.start < end]
                    if len(text[start:end].split()) < _MIN_REPORTED_WORDS:
                        continue
                if overlapping:
                    if not all(self._title_inside(text, q, start, end, fixed)
                               or (q.kind == "direct" and (q.start, q.end) not in fixed
                                   and not cue.open_ended and _mixed(text, (q.start, q.end), start, end))
                               for q, _ in overlapping):
                        continue
                    # a title or a few words in quotation marks inside what the cue reports
                    # ("the show “The Apprentice” was rigged, according to Cole"), or words quoted
                    # in the middle of the report ("she said the plan had been “scrutinised at
                    # every stage”"): the report wins, and holds them
                    found = [pair for pair in found if pair not in overlapping]
                found.append((self._quote(start, end, "reported" if block is None else "direct", cue), cue))
        if self.quote_model is not False:
            found = self._judged(sdoc, text, found, fixed)
        if self.reported:
            # after the judging, so that a quote the quote model drops ("52 percent ... chose
            # Cole") leaves its clause to the poll that reports it ("In a Marist poll, ...")
            cited = _poll_reports(sdoc, text, found, segment_of, segments)
            cited += _records_reports(sdoc, text, found + cited, segment_of, segments)
            found += cited if self.quote_model is False else self._judged(sdoc, text, cited, fixed)
        found.sort(key=lambda pair: (pair[0].start, pair[0].end))
        # speakers are looked for sentence by sentence too, cut at paragraph breaks like the cues
        sents = [sdoc[seg_start:seg_end] for seg_start, seg_end in segments]
        sent_index = [0] * len(sdoc)
        for n, sent in enumerate(sents):
            sent_index[sent.start:sent.end] = [n] * (sent.end - sent.start)
        mentions: dict[int, int] = {}
        for cluster in entity_clusters(sdoc):
            for m_start, m_end in cluster.mentions:
                span = sdoc.char_span(m_start, m_end, alignment_mode="expand")
                for i in range(span.start, span.end) if span is not None else ():
                    mentions[i] = len(cluster.mentions)
        return found, _Context(mask, scores, sents, sent_index, mentions, text, fixed, {}, marks)

    def _judged(self, sdoc: Any, text: str, found: list[tuple[Quote, _Cue | None]],
                fixed: dict[tuple[int, int], Any]) -> list[tuple[Quote, _Cue | None]]:
        """The quotes the quote model takes for speech, each scored with its probability.

        Quotes whose speaker the layout gives are kept as they are.
        """
        model = load_quote_model(self.quote_model or None)
        kept = []
        for quote, cue in found:
            if (quote.start, quote.end) not in fixed:
                features = self.quote_features(sdoc, text, quote, cue)
                probability = 0.0 if features is None else model.score(features)
                if features is not None and cue is not None and (
                        _finding(cue) or cue.cited or _as_reported(cue.token)):
                    # "..., a new study has found", "figures show", "in a new CNN poll": the model
                    # doubts a document's findings written after them (and never saw a poll cited by
                    # "in", nor "records show" the parser took for a noun), which cite it as surely
                    # as "the study said"
                    probability = max(probability, model.threshold)
                elif quote.kind == "direct" and cue is not None and cue.worded:
                    # '"the operator," as The New Yorker put it': someone's wording, however short
                    probability = max(probability, model.threshold)
                if probability < model.threshold:
                    continue
                quote.score = round(probability, 4)
            kept.append((quote, cue))
        return kept

    @staticmethod
    def quote_features(sdoc: Any, text: str, quote: Quote, cue: _Cue | None) -> list[str] | None:
        """What the quote model reads of one quote found by ``find`` (None: no tokens under it)."""
        quoted = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
        if quoted is None or len(quoted) == 0:
            return None
        if cue is None:
            feats = quote_features(quoted, text, quote.kind, None, None, False, None, None)
        else:
            feats = quote_features(quoted, text, quote.kind, cue.token, cue.score, cue.open_ended,
                                   None if cue.source is None else cue.source[1], cue.content)
        probs = sdoc.user_data.get(PROBE_KEY)
        if probs is not None:  # the attribution tagger's belief in the content, its cue and source
            inside = probs[quoted.start:quoted.end, 2]
            feats += [f"tag_content={probe_bin(float(inside.mean()))}|{quote.kind}",
                      f"tag_content_min={probe_bin(float(inside.min()))}|{quote.kind}"]
            if cue is not None:
                feats.append(f"tag_cue={probe_bin(float(probs[cue.token.i, 1]))}")
                if cue.source is not None:
                    feats.append(f"tag_src={probe_bin(float(probs[cue.source[1].i, 0]))}")
        return feats

    def candidates(self, sdoc: Any, quote: Quote, cue: _Cue | None, context: _Context
                   ) -> list[SpeakerCandidate]:
        """The speaker candidates of one quote found by ``find``, with their features."""
        return speaker_candidates(sdoc, quote.start, quote.end, quote.kind,
                                  None if cue is None else cue.token,
                                  None if cue is None or cue.source is None else cue.source[1],
                                  context.scores, context.mask, context.sent_index, context.sents,
                                  context.mentions, context.text, context.cache)

    def predict(self, sdoc: Any) -> list[Quote]:
        text = doc_text(sdoc)
        found, context = self.find(sdoc, text)
        # a web page's furniture quotes no one ("You also agree to this site's Privacy Policy")
        found = [(quote, cue) for quote, cue in found if not in_page_chrome(text, quote.start)]
        # "Did Greta Thunberg say saving the banks would save the world?" asks, and "Compare that
        # with ...", the writer's bidding, reports nobody: neither is reported speech
        found = [(quote, cue) for quote, cue in found if cue is None or quote.kind != "reported"
                 or not (_asked(cue.token) or _bidding(cue.token) or _supposed(cue.token)
                         or _headline_compound(cue.token))]
        # "who asked not to be named", "spoke on condition of anonymity": terms, not speech
        # (nor is what follows "to be named" in "declined to be named because of company policy")
        found = [(quote, cue) for quote, cue in found
                 if quote.kind != "reported" or not (
                     _ANONYMITY.match(text, quote.start, quote.end)
                     or (cue is not None and _anonymity_term(cue.token))
                     or (cue is not None and _done_to(cue.token, quote)))]
        clusters = entity_clusters(sdoc)
        speakers = None if self.speaker_model is False else load_speaker_model(self.speaker_model)
        static: dict[int, float] = {}
        quotes: list[Quote] = []
        for quote, cue in found:
            source = None
            label = context.fixed.get((quote.start, quote.end))
            if label is not None:
                source = _labelled_source(sdoc, label)
            elif speakers is None:
                source = None if cue is None else cue.source
            else:
                best = None
                weights = []
                candidates = self.candidates(sdoc, quote, cue, context)
                for candidate in candidates:
                    token_weight = static.get(candidate.token.i)
                    if token_weight is None:  # the quote-independent part: once per token
                        token_weight = speakers.weight(candidate.features[:candidate.n_static])
                        static[candidate.token.i] = token_weight
                    weight = token_weight + speakers.weight(candidate.features[candidate.n_static:])
                    weights.append(weight)
                    if best is None or weight > best[0]:
                        best = (weight, candidate.token)
                if best is not None:
                    if speakers.listwise:  # the best candidate's share against the others and "nobody"
                        nobody = speakers.weight(null_features(
                            quote.start, quote.kind, None if cue is None else cue.token, context.scores,
                            text, len(candidates)))
                        top = max(best[0], nobody)
                        share = math.exp(best[0] - top) / (
                            math.exp(nobody - top) + sum(math.exp(w - top) for w in weights))
                    else:
                        share = speakers.probability(best[0])
                    if share >= speakers.threshold:
                        source = _source_of(best[1])
                    if (cue is not None and cue.source is not None and quote.kind == "reported"
                            and (not cue.sent_start <= best[1].i < cue.sent_end
                                 or _outer_reporter(best[1], cue.token, cue.source[1])
                                 or (source is not None and _first_conjunct_subject(best[1], cue.token,
                                                                                    cue.source[1])))
                            and _someone(cue.source[1])):
                        # "Both were accused by Amnesty of ...": the cue's own subject or agent
                        # speaks, not a source of the sentence before, nor one who reports the
                        # cue's clause ("Park argued that ..., one of the people said": Park), nor
                        # the subject of the clause the cue's own is joined to ("Ryan praised the
                        # bill, but he wants to ...": he)
                        source = cue.source
            if (source is None and label is None and quote.kind == "reported" and cue is not None
                    and cue.source is not None and cue.token.lemma_.lower() in _PLAIN_SPEECH
                    and cue.source[1].dep_ == "nsubj" and not context.mask[cue.source[1].i]
                    and _someone(cue.source[1]) and cue.source[1].pos_ != "PRON"):
                # "..., said Batchelder": a name that is the subject of a verb of speech speaks
                # what it reports, though the speaker model, short of other candidates, named nobody
                source = cue.source
            polled = None if label is not None or cue is None else _polled_share(sdoc, text, cue)
            if polled is not None and not context.mask[polled[1].i] and not _other_speaker(cue.token):
                # "Six in 10 say the mayor is doing a poor job", "most said they would not":
                # the share of those asked speaks, not the poll named before, nor nobody (unless
                # another speaks in the sentence: "Obama said, a majority have come to believe")
                source = polled
            if cue is not None and cue.source is not None and (
                    reckoning(cue.token) is not None or _named_report(cue.token) or pictured(cue.token)
                    or cue.cited or cue.named or (quote.kind == "direct" and cue.worded)
                    or (quote.kind == "reported" and other_voice(cue.token))):
                # "by the UN's count", "a BBC report that ...", "footage of Cole asking", "as a
                # memo put it": phrases the speaker model never saw name their source; nor did it
                # see a source set against a report ("..., while nine in 10 said they thought
                # ..."), which the report's content held before
                source = cue.source
            if (label is None and cue is not None and cue.source is not None and quote.kind == "reported"
                    and source is not None and not context.mask[cue.source[1].i]
                    and (_by_agent(cue.token, cue.source[1]) or (
                        source[1].i == cue.token.head.i and _relative_subject(cue.token, cue.source[1])))):
                # the cue's own source speaks where the model named another: the agent of a passive cue
                # ("he was warned by the Russian government that ..."), or the relative word of the
                # clause the cue heads ("Older people, who strongly support Ms Ruiz, ...": its actor is
                # the noun it stands for), not the noun the clause hangs on
                source = cue.source
            if (source is not None and label is None and quote.kind == "reported" and cue is not None
                    and cue.source is not None and cue.source[1].dep_ == "nsubj"
                    and cue.source[1].head.i == cue.token.i
                    and cue.source[1].lower_ in _SOME_OF_THEM and not context.mask[cue.source[1].i]):
                # "Several of his findings contradicted her statements", "many believe Cole has
                # proven ...": the share the cue's own subject names speaks, not a person the
                # speaker model prefers in the sentence (often the one the report is about)
                source = cue.source
            if (source is None and label is None and quote.kind == "reported" and cue is not None
                    and cue.source is not None and cue.token.lower_ == "according"
                    and not context.mask[cue.source[1].i]):
                # "Trump is up 15 points in Florida, according to the polling average": the phrase
                # names its source as surely as "said" does, where the speaker model, which weighs
                # common-noun sources low, named nobody
                source = cue.source
            if cue is not None and label is None:
                lost = _lost_name_subject(cue.token, clusters)
                source = lost if lost is not None else source
                if source is None and quote.kind == "direct":
                    source = _named_beside(sdoc, text, quote, cue.token)
            if source is not None and cue is not None and quote.kind == "reported" and _put_to(cue.token):
                source = None  # "Asked whether she would resign, Cole replied": the question is not hers
            if source is not None and text[source[0][0]:source[0][1]] in _INTERVIEW_LABELS:
                source = None  # the "A" of "A: Because ...": an answer, from whom the text does not say
            if source is not None:
                quote.speaker = self._speaker(sdoc, text, source, clusters, context.quoted)
                if cue is not None and source is cue.source and cue.cited:
                    quote.speaker = _poll_speaker(text, quote.speaker, source[1])
                outer = _reporter(sdoc, quotes, source[1]) if quote.kind == "reported" else None
                if outer is not None:  # "One regular said [she feared ...]": she is the regular
                    quote.speaker = Attribution(name=outer.name, start=quote.speaker.start,
                                                end=quote.speaker.end, actor=outer.actor)
                if quote.speaker.actor is None and quote.kind == "direct":
                    turn = _same_turn(sdoc, context, clusters, quotes, quote, source[1])
                    quote.speaker = turn or quote.speaker
            elif quote.kind == "direct" and cue is None:
                # a quotation that goes on from the one before, without a new cue: same speaker
                quote.speaker = _goes_on(text, quotes, quote)
            dateline = DATELINE.match(text, quote.start, quote.end) if quote.kind == "reported" else None
            if dateline is not None:  # "DHAKA (AP) — The toll rose to 212, the ministry said"
                quote.start = dateline.end()  # (after the speaker is chosen: it is not the AP)
            quotes.append(quote)
        return _without_echoes(quotes)

    def _few_words(self, words: str) -> bool:
        """Whether ``words`` are fewer than ``min_words``: a quotation that short is a title or a
        scare quote, not speech on its own."""
        return len(words.split()) < self.min_words

    def _title_inside(self, text: str, quote: Quote, start: int, end: int,
                      fixed: dict[tuple[int, int], Any]) -> bool:
        """Whether ``quote`` is a short quotation (a title, a scare quote) inside ``[start, end)``."""
        return (quote.kind == "direct" and (quote.start, quote.end) not in fixed
                and start <= quote.start and quote.end <= end
                and (self._few_words(text[quote.start:quote.end]) or _named_in_quotes(text, quote)))

    def _cue_for(self, sdoc: Any, text: str, start: int, end: int, cues: list[_Cue],
                 used: dict[int, Any], threshold: float, segment_of: list[int]) -> _Cue | None:
        """The cue that introduces a quotation: its content overlaps it, or it stands beside it.

        Confident cues first; a weaker one only when no confident cue stands near. A title or a
        few quoted words inside a longer content are not what the cue reports ("According to
        Cole, the show “The Apprentice” was rigged"): the cue keeps its clause.
        """
        best: tuple[tuple[int, float], _Cue] | None = None
        quoted = sdoc.char_span(start, end, alignment_mode="expand")
        if quoted is None or len(quoted) == 0:
            return None
        words = [t for t in quoted if not (t.is_punct or t.is_space)] or list(quoted)
        # the parser often glues a closing mark to the next sentence: its words tell where it lies
        first_sent = segment_of[words[0].i]
        near_sents = {first_sent, segment_of[words[-1].i]}
        follow = quoted.end
        while follow < len(sdoc) and (sdoc[follow].is_space or sdoc[follow].text in QUOTE_CHARS):
            follow += 1
        # "“... regulate?” Vitter demanded.": a cue without content of its own just after the quotation
        after_sent = segment_of[follow] if follow < len(sdoc) else -1
        if follow < len(sdoc) and _BLANK_LINE.search(sdoc[quoted.end - 1:follow].text_with_ws):
            after_sent = -1  # the next paragraph's "Ode disagreed." does not introduce it
        for cue in cues:
            if cue.token.i in used:
                continue
            if cue.source is not None and cue.source[0][0] <= start and end <= cue.source[0][1]:
                continue  # 'Foreign “experts” had claimed': the marks are in who speaks, not what
            if cue.content is not None and cue.content[0] < end and start < cue.content[1]:
                if (self._few_words(text[start:end]) and not cue.open_ended
                        and not self._few_words(f"{text[cue.content[0]:start]} {text[end:cue.content[1]]}")):
                    continue  # a title inside what the cue reports: the cue keeps its clause
                distance = 0
            else:
                # in a sentence of the quotation, or in the one before when that ends with ':'
                if cue.sent_start not in near_sents and not (cue.colon and cue.sent_end == first_sent) \
                        and not (cue.sent_start == after_sent and cue.content is None):
                    continue
                distance = min(abs(cue.token.idx - start), abs(cue.token.idx - end))
                phrase = (cue.token.left_edge.i, cue.token.right_edge.i)
                if cue.worded and (0 <= phrase[0] - quoted.end <= 2
                                              or 0 <= quoted.start - phrase[1] <= 3):
                    distance = -1  # '... is a "lawful source," as a memo put it': its wording, not the
                    # report of a clause that holds it ("members of Congress echo her concerns, ...")
            # ties (two cues whose contents hold the quotation: "The ad uses footage of Cole
            # asking, “...”") go to the cue nearer the quotation
            rank = (int(cue.score < threshold), distance * (1.5 - cue.score),
                    min(abs(cue.token.idx - start), abs(cue.token.idx - end)))
            if best is None or rank < best[0]:
                best = (rank, cue)
        if best is None:
            return None
        # "Carson said he saw no need, telling Ann “we tell the truth”": the clause of its own
        # inside the report that holds the quotation cues it, and the report ends before it
        inner = [c for c in cues if c.token.i not in used and c.score >= threshold
                 and c.content is not None and c.content[0] < end and start < c.content[1]
                 and _clause_inside(c, best[1], start)]
        return inner[-1] if inner else best[1]

    def _quote(self, start: int, end: int, kind: str, cue: _Cue | None) -> Quote:
        cue_attr = None
        score = 0.9 if kind == "direct" else 0.5
        if cue is not None:
            token = cue.token
            cue_end = token.idx + len(token.text)
            name = token.lemma_.lower()
            noun = reckoning(token)
            if token.lower_ == "according":
                cue_end, name = token.idx + len("according to"), "according to"
            elif noun is not None:  # "by the UN's count": the cue runs to its noun
                cue_end, name = noun.idx + len(noun.text), f"by {noun.lemma_.lower()}"
            negation = _negation(token)
            cue_start = token.idx
            if negation is not None:  # "has not commented", "did not immediately respond"
                cue_start, name = negation[0].idx, f"{negation[1]} {name}"
            cue_attr = Attribution(name=name, start=cue_start, end=cue_end)
            score = round(cue.score if kind == "reported" else max(0.9, cue.score), 4)
        return Quote(start, end, kind=kind, cue=cue_attr, score=score)

    def _speaker(self, sdoc: Any, text: str, source: tuple[tuple[int, int], Any], clusters: list[Any],
                 quoted: list[tuple[int, int]]) -> Attribution:
        (start, end), head = source
        line = text.rfind("\n", start, max(start, head.idx))
        if line >= 0:  # a headline or a tweet's date line the parse ran into the sentence is not the source
            start = line + 1
            while start < head.idx and text[start].isspace():
                start += 1
        dateline = DATELINE.match(text, text.rfind("\n", 0, start) + 1)
        if dateline is not None and start < dateline.end() <= head.idx:
            start = dateline.end()  # "CONCORD, N.H. - Sen. Bernie Sanders said": not the place
        for q_start, q_end in quoted:  # a quotation is what is said, never part of who says it
            # (a quoted title of a word or three may be: "“Today” show correspondent Craig Melvin")
            if q_start < end and start < q_end and len(text[q_start:q_end].split()) > 3:
                if head.idx >= q_end:
                    start = q_end
                    while start < head.idx and not text[start].isalnum():
                        start += 1
                elif head.idx < q_start:
                    end = q_start
                    while end > head.idx + len(head.text) and not text[end - 1].isalnum():
                        end -= 1
        start = _after_time(head, _after_stray_noun(head, start))
        while start < head.idx + len(head.text) - 1 and text[start] in _STRAY_MARKUP:
            start += 1  # '... rate it Mostly True.">Sanders said': markup glued to the name
        others = _conjuncts(head)  # "Ann Cole and Tom Reyes said": both speak
        for other in others:
            other_span = trimmed_span(other)
            if other_span is not None and other_span[1] > end:
                end = other_span[1]
        written = " ".join(text[start:end].split())
        if others:  # several speakers: named as written, the actor the first of them
            first = (cluster_for_span(clusters, start, end, text)
                     or resolve_reference(sdoc, head, clusters, quoted))
            return Attribution(name=written, start=start, end=end,
                               actor=None if first is None else first.name)
        cluster = cluster_for_span(clusters, start, end, text)
        if cluster is not None and in_modifier(sdoc, head, cluster, start, end):
            cluster = None  # "the hotel guest in the room next to Paddock": the guest speaks
        if cluster is not None and cluster.type != "person" and not office_of_something(head):
            # "the South Carolina senator said": the senator speaks, not the state before the
            # title; "the Brazilian president" is the one president the text called Brazilian
            adjective = None
            if cluster.type in ("group", "country"):
                adjective = next(text[s:e] for s, e in cluster.mentions if s < end and start < e)
            cluster = office_holder(sdoc, head, clusters, adjective) or cluster
        named = _named_apposition(head)
        if named is not None:  # "Keller's spokesman, Tom Reyes, told ...": the name is the speaker
            cluster = cluster_for_span(clusters, named[0].idx, named[-1].idx + len(named[-1].text), text)
            if cluster is None:  # a name the entity recogniser missed: as written
                return Attribution(name=" ".join(t.text for t in named), start=start, end=end)
        if cluster is None and head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
            # "Smith, who said ...", "a mayor who promised ...": the noun the clause describes
            noun = head.head.head
            while not _nominal(noun) and noun.head.i != noun.i:
                noun = noun.head  # "the report that the council published, which said": the report
            nominal = _nominal(noun)  # not the sentence's verb, climbed to
            cluster = cluster_for_span(clusters, noun.idx, noun.idx + len(noun.text)) if nominal else None
            if cluster is None and nominal:
                cluster = resolve_reference(sdoc, noun, clusters, quoted)
            if cluster is None and nominal:
                # the noun as written, without the clauses that describe it
                described = {t.i for c in noun.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
                words = [t for t in noun.subtree if t.i < head.i and not t.is_punct and t.i not in described]
                written = " ".join(t.text for t in words) or written
        if cluster is None:
            cluster = resolve_reference(sdoc, head, clusters, _with_interrupted(head, quoted))
        if cluster is None and head.lemma_.lower() in _AGENTS:
            boss = _boss(sdoc, head, clusters, quoted)
            if boss is not None:  # "his attorney said ...": the attorney speaks, for him
                return Attribution(name=written, start=start, end=end, actor=boss.name)
        if cluster is None and (written.isupper() or (written[:1].isupper() and len(written.split()) <= 3)):
            # a transcript's "PENCE:" is Mike Pence; "Toensing added", a surname the entity
            # recogniser left untagged there, is the one person of that surname
            cluster = _by_name(written, clusters)
        if cluster is None:
            return Attribution(name=written, start=start, end=end)
        if named is None and len(written.split()) <= 6 and _speaks_for(cluster, head, start, end):
            # "Keller's spokesman said ...": the spokesman speaks, for Keller
            return Attribution(name=written, start=start, end=end, actor=cluster.name)
        return Attribution(name=cluster.name, start=start, end=end, actor=cluster.name)

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.cache.get("spacy")
        if sdoc is None:
            raise ModelError("the quotes stage needs the spaCy parse; enable the 'parse' stage "
                             "before 'quotes'", source=doc.id)
        doc.quotes = self.predict(sdoc)
        return doc


#: Fewest words of reported content: a lone word after a cue is its object, not what was said
#: (on PolNeAR dev, dropping them leaves content F1 at 0.848 and speaker F1 at 0.788).
#: the terms a source speaks on ("asked not to be named"), which report nothing it said
_ANONYMITY = re.compile(r"(?:(?:not )?to be (?:named|identified|quoted)\b|(?:on|under) (?:the )?condition "
                        r"(?:of|that)\b|anonymously\b)", re.IGNORECASE)
_MIN_REPORTED_WORDS = 2


def make_quotes(model: str | None = None, threshold: float | None = None, min_words: int = 3,
                reported: bool = True, speaker_model: str | bool | None = None,
                quote_model: str | bool | None = None, tagger: str | bool | None = None) -> QuoteFinder:
    return QuoteFinder(model=model, threshold=threshold, min_words=min_words, reported=reported,
                       speaker_model=speaker_model, quote_model=quote_model, tagger=tagger)



def _segments(sdoc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences, cut where a paragraph ends inside one (the parser may run over)."""
    out = []
    for sent in sdoc.sents:
        start = sent.start
        for token in sent[:-1]:
            if token.is_space and "\n" in token.text:
                out.append((start, token.i + 1))
                start = token.i + 1
        out.append((start, sent.end))
    return out


def _outer_reporter(candidate: Any, cue: Any, subject: Any) -> bool:
    """Whether the speaker model's pick is the subject of a verb after the cue that reports the
    cue's clause, while the cue has a name of its own for its subject: the one who reports the
    report, not who made it."""
    if subject.pos_ != "PROPN" or subject.dep_ != "nsubj" or subject.head.i != cue.i:
        return False
    verb = next((t for t in candidate.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.i > cue.i and cue in verb.subtree and any(
        c.dep_ == "nsubj" and candidate in c.subtree for c in verb.children)  # "one of the people said"


def _first_conjunct_subject(candidate: Any, cue: Any, subject: Any) -> bool:
    """Whether the speaker model's pick is the subject of the clause the cue's clause is joined
    to, while the cue has a subject of its own ("Cole backed the plan, but Reyes wants to wait"):
    each clause of the pair has its own speaker."""
    return (cue.dep_ == "conj" and subject.dep_ == "nsubj" and subject.head.i == cue.i
            and candidate.i != subject.i and candidate.dep_ in ("nsubj", "nsubjpass")
            and candidate.head.i == cue.head.i)


def _reporter(sdoc: Any, quotes: list[Quote], head: Any) -> Attribution | None:
    """The speaker of the report a pronoun speaks in, where the pronoun stands for them.

    "One regular, who asked not to be named, said she feared ...": "she" is the regular, not the
    woman named before. Only for a speaker the text does not name (a named one is the actor the
    pronoun resolves to anyway, or a person it cannot stand for) whose number the pronoun shares.
    """
    singular = {"he": True, "she": True, "they": False}.get(head.lower_)
    if singular is None or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for outer in reversed(quotes):
        speaker = outer.speaker
        if (outer.kind != "reported" or speaker is None or speaker.actor is not None
                or not outer.start <= head.idx < outer.end):
            continue
        span = sdoc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        root = None if span is None else span.root
        if root is not None and root.lower_ in ("who", "that") and root.head.dep_ == "relcl":
            root = root.head.head  # "One regular, who asked not to be named, said": the regular
        if root is None or not (root.pos_ in ("NOUN", "PROPN", "NUM") or root.dep_ == "nsubj"):
            return None
        if root.pos_ == "NOUN" and not names_people(root):
            return None  # "Her submission to the court noted reports that she claimed ...": not it
        # "One regular" may head on its number, or on "regular" tagged as an adjective
        one = root.tag_ in ("NN", "NNP") or root.lower_ == "one" or (
            root.pos_ == "ADJ" and all(c.lower_ == "one" for c in root.children if c.dep_ == "nummod"))
        return speaker if one == singular else None
    return None


def _without_echoes(quotes: list[Quote]) -> list[Quote]:
    """The quotes less those inside another quote of the same speaker ("Trump said he believes
    X": what he believes is already what he said), which would list one statement twice.

    One sweep per speaker over the quotes by start: a quote is inside another when one before it
    reaches past its end, or to its end from further left. A speakerless quote that is just
    another quote's cue and content ("a report [warning that X]") goes too.
    """
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker is not None:
            by_speaker.setdefault((quote.speaker.actor or quote.speaker.name).lower(), []).append(quote)
    echoes: set[int] = set()
    for group in by_speaker.values():
        reach, reach_start = -1, -1
        for quote in sorted(group, key=lambda q: (q.start, -q.end)):
            if reach > quote.end or (reach == quote.end and reach_start < quote.start):
                echoes.add(id(quote))
            if quote.end > reach:
                reach, reach_start = quote.end, quote.start
    # "a report warning that X": the noun's content is the participle that reports X, which is a
    # quote of its own with the report as its speaker; the noun's would list X twice
    cued_at = {(q.cue.start, q.end) for q in quotes if q.cue is not None and q.kind == "reported"}
    for quote in quotes:
        if quote.kind == "reported" and quote.speaker is None and (quote.start, quote.end) in cued_at:
            echoes.add(id(quote))
    return [q for q in quotes if id(q) not in echoes]


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n\s*")


def _speaks_for(cluster: Any, head: Any, start: int, end: int) -> bool:
    """Whether the source is someone who speaks for the actor ("Keller's spokesman", "American
    officials", "police in Minnesota"): the span names the actor, but not by its head word."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False  # "who", "they": the actor their antecedent names
    inside = [(s, e) for s, e in cluster.mentions if s < end and start < e]
    return bool(inside) and not any(s <= head.idx < e for s, e in inside)


#: Those who speak for someone else: "his lawyer said" is said for him.
_AGENTS = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "counsel", "aide",
                     "adviser", "advisor", "official", "representative", "agent", "envoy"})


def _with_interrupted(head: Any, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``quoted`` (sorted character ranges) and, when the speaker's cue interrupts a clause
    ("President Carter, he added, had faced the same problem"), that clause: what is reported,
    so "he" is not the Carter it names. Overlapping ranges are merged."""
    cue = head.head
    if cue.dep_ != "parataxis" or cue.head.i == cue.i or cue.head.i < cue.i:
        return quoted
    clause = cue.head
    first, last = clause.left_edge, clause.right_edge
    if first.i >= cue.left_edge.i:
        return quoted  # nothing of the clause before the cue
    merged: list[tuple[int, int]] = []
    for start, end in sorted([*quoted, (first.idx, last.idx + len(last.text))]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _boss(sdoc: Any, head: Any, clusters: list[Any], quoted: list[tuple[int, int]]) -> Any | None:
    """The actor a title with a possessive pronoun speaks for: "his lawyer" (him), "its
    spokesman" (the body), "Cardinal O'Malley, whose spokesman said" (the cardinal)."""
    owner = next((c for c in head.children
                  if c.dep_ == "poss" and (c.pos_ == "PRON" or c.lower_ == "whose")), None)
    if owner is None:
        return None
    if owner.lower_ != "whose":
        local = _unnamed_subject(owner, clusters)
        if local is not None:  # "The UN Secretary-General called for ..., his spokesman said"
            return None        # speaks for the secretary-general, not a man named earlier
        boss = resolve_reference(sdoc, owner, clusters, quoted)
        return None if boss is None or boss.type == "place" else boss  # a town has no lawyer
    clause = head.head
    if clause.dep_ != "relcl":
        return None
    noun = clause.head  # the noun the relative clause describes
    return (cluster_for_span(clusters, noun.idx, noun.idx + len(noun.text))
            or resolve_reference(sdoc, noun, clusters, quoted))


def _unnamed_subject(owner: Any, clusters: list[Any]) -> Any | None:
    """The subject, earlier in the sentence, that "his" or "her" stands for when it names no
    person the text knows ("The prime minister will travel ..., her spokeswoman said"), or None."""
    if owner.lower_ not in ("his", "her"):
        return None
    subjects = [t for t in owner.sent if t.i < owner.i and t.dep_ in ("nsubj", "nsubjpass")
                and t.pos_ in ("NOUN", "PROPN")]
    if not subjects:
        return None
    noun = subjects[-1]
    titled = [t for t in noun.doc[noun.left_edge.i:noun.i + 1] if t.lower_ in TITLE_WORDS]
    if not titled or any(t.ent_type_ == "PERSON" for t in noun.doc[noun.left_edge.i:noun.i + 1]):
        return None  # "The talks failed, his spokesman said"; "Prime Minister Ana Ruiz ..., her ..."
    text = doc_text(noun.doc)
    cluster = cluster_for_span(clusters, noun.left_edge.idx, noun.idx + len(noun.text), text)
    return None if cluster is not None and cluster.type == "person" else noun


def _named_apposition(head: Any) -> list[Any] | None:
    """The proper name set beside a common-noun source ("one resident, Ana Ruiz", "Syria's
    president Bashar al-Assad", "That MP, Rebecca Shaw", "a welder named Tomas Vey"), if any;
    "a Democrat" beside it is a description. A name the parser joins to a fronted phrase by a
    comma alone ("Outside court, chief executive Nadia Brook said") is the speaker too."""
    if head.pos_ == "PROPN" and not any(c.dep_ == "det" for c in head.children):
        return None
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("name", "call"):
            named = next((c for c in child.children if c.dep_ in ("oprd", "dobj") and c.pos_ == "PROPN"),
                         None)
            if named is not None:  # "a welder named Tomas Vey"
                return [t for t in named.subtree if t.pos_ == "PROPN"] or [named]
        if (child.dep_ == "conj" and child.pos_ == "PROPN" and head.pos_ == "NOUN"
                and not any(c.dep_ == "cc" for c in head.children)
                and child.doc[child.left_edge.i - 1].text == ","):
            words = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i] or [child]
            if child.ent_type_ == "PERSON" or person_shaped(" ".join(t.text for t in words)):
                return words
        # right after the noun ("president Bashar al-Assad") or set off by a comma ("one
        # resident, Ana Ruiz"): not the "Documents: Muslims ..." of a headline
        if (child.dep_ == "appos" and child.pos_ == "PROPN" and child.i > head.i
                and (child.left_edge.i == head.i + 1 or child.doc[child.left_edge.i - 1].text == ",")
                # "The senator, a Democrat from New Mexico,": what she is, not who
                and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children)):
            words = [t for t in child.subtree if t.pos_ == "PROPN" or (t.is_title and t.i < child.i)]
            words = [t for t in words if child.left_edge.i <= t.i <= child.i]
            return words or [child]
    return None


def _nobody(head: Any) -> bool:
    """A subject that names no speaker: "nobody", "no one", "none of them"."""
    return head.lower_ in ("nobody", "none", "nothing", "neither") or any(
        child.dep_ == "det" and child.lower_ == "no" for child in head.children)


def _after_stray_noun(head: Any, start: int) -> int:
    """Where a plural speaker's span starts once a stray "a <noun>" is cut off: in "..., a decision
    islanders called “a betrayal”", the parser reads "a decision" as part of "islanders"."""
    left = [t for t in head.lefts if t.idx >= start]
    if (head.tag_ in ("NNS", "NNPS") and left and left[0].lower_ in ("a", "an")
            and any(t.dep_ == "compound" and t.tag_ == "NN" for t in left)):
        last = max(t.i for t in left if t.dep_ == "compound" and t.tag_ == "NN")
        return head.doc[last + 1].idx
    return start


def _after_time(head: Any, start: int) -> int:
    """Where a speaker's span starts once a time the parser glued to the front of it is cut off
    ("[Thursday afternoon] Sheriff Jerry Hogrefe stated ...")."""
    before = [t for t in head.doc[head.left_edge.i:head.i] if t.idx >= start]
    cut = 0
    while cut < len(before) and before[cut].ent_type_ in ("DATE", "TIME"):
        cut += 1
    if cut == 0 or (cut < len(before) and before[cut].tag_ == "POS"):
        return start  # "Monday's statement": the day owns it
    return before[cut].idx if cut < len(before) else head.idx


_SENTENCE_QUOTED = re.compile(r"""["'“‘«]?[A-Z][^\n]*[.!?]["'”’»]?""")


def _sentence_after_quote(text: str, start: int, end: int, found: list[tuple[Quote, Any]]) -> bool:
    """Whether a short quotation is a sentence of its own that goes on from the direct quote just
    before it in the paragraph (“We warned them,” said Cole. “Nobody listened.”), not a scare
    quote or a title. A word alone (“Never.”) only after a sentence's end."""
    if not _SENTENCE_QUOTED.fullmatch(text[start:end]):
        return False
    if len(text[start:end].split()) == 1:
        before = text[:start].rstrip()
        if not before or before[-1] not in ".!?\"”’'":
            return False
    last = next((q for q, _ in reversed(found) if q.kind == "direct"), None)
    return last is not None and last.end <= start and "\n" not in text[last.end:start]


#: Auxiliaries that open a yes/no question ("Did she say ...?", "Has he claimed ...?").
_QUESTION_AUX = frozenset({"did", "does", "do", "has", "have", "had", "is", "was", "will", "would"})


def _asked(cue: Any) -> bool:
    """Whether the cue's clause is a yes/no question opening its sentence, or a headline after
    its lead-in ("FACT CHECK: Did Greta Thunberg Say ...?"): an auxiliary first, then the subject,
    and a question mark at the end."""
    sent = cue.sent
    if not sent.text.rstrip().endswith("?"):
        return False
    aux = next((c for c in cue.children if c.dep_ == "aux" and c.lower_ in _QUESTION_AUX), None)
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if aux is None or subject is None or aux.i > subject.i:
        return False
    before = aux.i - 1
    while before >= sent.start and (sent.doc[before].is_space or (sent.doc[before].is_punct
                                    and sent.doc[before].text != ":")):
        before -= 1
    return before < sent.start or sent.doc[before].text == ":"


#: Words that open a supposition ("Suppose you think ...", "Let's say a mayor claims ...").
_SUPPOSING = frozenset({"suppose", "imagine", "assume", "say"})


#: Verbs by which a document reports what it found, and the documents that find.
_FINDING_VERBS = frozenset({"find", "show", "suggest", "reveal", "indicate", "conclude", "confirm",
                            "estimate", "predict", "project"})
_DOCUMENTS = frozenset({
    "study", "report", "survey", "poll", "research", "analysis", "review", "investigation", "audit",
    "inquiry", "figure", "data", "statistic", "census", "paper", "trial", "assessment", "model",
    "forecast", "projection", "record", "document", "evidence", "experiment", "finding", "test",
})


def _done_to(cue: Any, quote: Quote) -> bool:
    """Whether the quote is only the passive subject of a verb that is no saying nor stance ("The
    figures were revised by the statistics office"): what was done to it, not what anyone said."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() in _STANCE_VERBS:
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "agent" for c in cue.children):
        return False
    first, last = subject.left_edge, subject.right_edge
    return quote.start >= first.idx and quote.end <= last.idx + len(last.text)


def _as_reported(token: Any) -> bool:
    """Whether ``token`` is the verb of "as reported by X" or "as stated by X": the phrase cites X
    for its clause as "according to" does (the quote model doubts it, 0.59 at the threshold 0.6)."""
    return (token.pos_ == "VERB" and token.lemma_.lower() in _REPORTING_VERBS
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
            and any(c.dep_ == "agent" for c in token.children))


def _finding(cue: _Cue) -> bool:
    """Whether the cue is a document's finding ("a new study has found", "police figures show",
    "the survey suggests"): a verb of finding whose subject is a study, report, poll or figures."""
    if cue.source is None or cue.token.lemma_.lower() not in _FINDING_VERBS:
        return False
    subject = cue.source[1]
    if any(c.dep_ == "dobj" and c.lower_ == "way" for c in cue.token.children):
        return False  # "another document found its way into the public domain"
    return subject.dep_ == "nsubj" and subject.lemma_.lower() in _DOCUMENTS


def _headline_compound(cue: Any) -> bool:
    """Whether the cue is a plural noun a headline's parse read as a verb after its subject
    ("Ceasefire talks collapse as shelling resumes", "Union claims rise"; ``headline_subject``,
    which the claims stage's sources read too)."""
    subject = cue.doc[cue.i - 1] if cue.i else None
    return subject is not None and subject.dep_ == "nsubj" and subject.head.i == cue.i \
        and headline_subject(cue, subject)


def _supposed(cue: Any) -> bool:
    """Whether the cue lies in a case the writer makes up ("Let's say you think a degree will cost
    $160,000", "Imagine a mayor says ..."): nobody said it."""
    words = [t for t in cue.sent if not t.is_space][:3]  # not inside quotation marks: "“Let’s say ..."
    if words[:2] and words[0].lower_ == "let" and words[1].lower_ in ("'s", "’s", "us"):
        words = words[2:]
    if not words or words[0].lower_ not in _SUPPOSING or words[0].i > cue.i:
        return False
    # "Let’s say they’re at 54,” Manchin said, referring to ...": the supposition was quoted
    return not any(t.text in ('"', "”", "''") for t in cue.doc[words[0].i:cue.i])


def _imperative(token: Any, seg_start: int) -> bool:
    """Whether ``token`` opens its sentence as a bidding without a subject ("A: Look at the
    numbers."): it tells the reader what to do, and reports no one."""
    first = seg_start
    while first < token.i and (token.doc[first].is_punct or token.doc[first].is_space
                               or token.doc[first].text in _INTERVIEW_LABELS):
        first += 1
    return (first == token.i and token.tag_ == "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children))


def _anonymity_term(cue: Any) -> bool:
    """Whether the cue is the verb of a source's terms ("asked not to be named", "declined to be
    identified because of company policy", "not authorised to discuss the talks"): what follows
    it is why, or what the source may not speak of, not what was said."""
    before = [t.lower_ for t in cue.doc[max(0, cue.i - 2):cue.i]]
    if cue.lower_ in ("named", "identified", "quoted") and before == ["to", "be"]:
        return True
    # "who were not authorised to discuss the plans", "not allowed to speak publicly": the verb
    # of leave itself, or the verb it does not allow
    after = [t.lemma_.lower() for t in cue.doc[cue.i + 1:cue.i + 3]]
    if (cue.lemma_.lower() in _LEAVE and any(c.dep_ == "neg" for c in cue.children)
            and after[:1] == ["to"] and after[1:] and after[1] in _UNSAID):
        return True
    leave = cue.doc[cue.i - 2] if cue.i >= 2 else None
    return (cue.lemma_.lower() in _UNSAID and before[-1:] == ["to"] and leave is not None
            and leave.lemma_.lower() in _LEAVE and any(c.dep_ == "neg" for c in leave.children))


#: What a source is not authorised to do, and the verbs of leave, in the terms of its anonymity.
_UNSAID = frozenset({"discuss", "speak", "comment", "talk", "disclose"})
_LEAVE = frozenset({"authorize", "authorise", "authorized", "authorised", "allow", "permit", "clear",
                    "empower"})


#: Verbs that report what someone said or warned, for ``_named_speaker_reports``.
_REPORTING_VERBS = frozenset({"say", "claim", "tell", "argue", "insist", "warn", "allege", "deny", "admit",
                              "state", "announce", "write", "report", "suggest", "assert", "contend"})
#: Verbs whose passive subject is what someone holds or says of it ("the plan was endorsed by ...").
_STANCE_VERBS = _REPORTING_VERBS | frozenset({
    "endorse", "back", "support", "criticize", "criticise", "praise", "condemn", "dispute", "reject",
    "confirm", "approve", "oppose", "call", "describe", "label", "dub", "accuse", "blame", "question",
    "challenge", "applaud", "welcome", "denounce", "recommend", "propose", "predict", "estimate"})


def _named_speaker_reports(token: Any) -> bool:
    """Whether ``token`` is a verb of saying with a clause after it, said by someone named or by
    a group of people ("Tom Reyes had claimed the bridge was unsafe", "he had been warned by
    engineers that ...")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _REPORTING_VERBS:
        return False
    if not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return False
    speakers = [c for c in token.children if c.dep_ == "nsubj"]
    speakers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN"
               or (t.pos_ == "NOUN" and t.tag_ == "NNS") for t in speakers)


def _named_report(token: Any) -> bool:
    """Whether ``token`` is a reporting noun with the name of whose it is written before it and
    a clause opened by "that" after it ("a BBC report that the plant would close", "a New York
    Times report that ..."): the cue model reads only an owner's "'s" as naming one."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in NOUN_CUES or token.dep_ == "ROOT":
        return False  # a root is a verb the parser misread ("Economists at Capital Economics estimate that")
    if not any(c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON") and c.i < token.i
               for c in token.children):
        return False
    return any(c.dep_ in ("acl", "relcl", "ccomp") and c.i > token.i and opens_with_that(c)
               for c in token.children)


#: Verbs of "as X put it", "as the paper called them": X's wording of what is quoted beside it.
_WORDING = frozenset({"put", "call", "describe", "dub", "term", "phrase", "word"})


def _as_worded(token: Any) -> bool:
    """Whether ``token`` is the verb of "as X put it" ('"the operator," as The New Yorker put it',
    'as the memo put it, "a lawful source"'): X's words, though the cue model, which saw the phrase
    a few times, never scores "put" as speech (whether a quotation stands beside it is
    ``_beside_quotation``'s question)."""
    if token.lemma_.lower() not in _WORDING or token.pos_ != "VERB":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in token.children):
        return False  # "as he put it" is left to the model, which resolves pronouns itself
    objects = [c for c in token.children if c.dep_ == "dobj"]
    # "as it put forward a plan": an object that is no pronoun, no wording
    return bool(objects) and all(o.pos_ == "PRON" for o in objects)


def _beside_quotation(token: Any, mask: list[bool]) -> bool:
    """Whether a quotation (``mask``: the tokens inside quotation marks) starts or ends within two
    tokens of the phrase ``token`` heads."""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    near = [i for i in (left - 1, left - 2, right + 1, right + 2) if 0 <= i < len(doc)]
    return any(mask[i] for i in near)


#: What someone is "wanted for" by the police ("Illegal alien wanted for attempted murder").
_WANTED_FOR = frozenset({"murder", "homicide", "manslaughter", "robbery", "theft", "fraud", "assault",
                         "rape", "kidnapping", "arson", "burglary", "trafficking", "questioning",
                         "shooting", "stabbing", "killing", "smuggling", "crime", "crimes", "offences"})


def _labelling(token: Any) -> bool:
    """Whether ``token`` only labels what it is said of, no one's report: a participle naming the
    noun it follows ("the redacted version titled “...”") or "wanted for" a crime ("Illegal
    alien wanted for attempted murder": sought by the police, whatever the tagger says)."""
    lemma = token.lemma_.lower()
    if lemma in ("title", "entitle"):
        return token.tag_ == "VBN" and token.dep_ == "acl"
    return lemma == "want" and any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _WANTED_FOR for g in c.children) for c in token.children)


def _bidding(cue: Any) -> bool:
    """Whether the cue is a verb in the imperative opening its sentence ("Compare that with the
    ash a coal plant dumps", "Support them if you can"): a bare verb with no subject, nothing but
    punctuation or a conjunction before it."""
    if cue.tag_ != "VB" or cue.dep_ != "ROOT" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in cue.children):
        return False
    before = [t for t in cue.sent if t.i < cue.i and not (t.is_punct or t.is_space)]
    return all(t.dep_ in ("cc", "advmod", "intj") for t in before)


def _put_to(cue: Any) -> bool:
    """Whether a cue reports a question put to someone unnamed ("Asked whether ...", "she was
    asked if ..."): whoever the sentence is about answered it, and did not ask it."""
    if cue.lemma_.lower() not in ("ask", "question", "press") or cue.tag_ not in ("VBN", "VBD"):
        return False
    deps = {child.dep_ for child in cue.children}
    if cue.tag_ == "VBD":
        # the parser often reads an opening "Asked what he would do, Wood laughed" as a past
        # tense; with no subject of its own and first in its sentence, it is the participle
        return cue.i == cue.sent.start and not deps & {"nsubj", "nsubjpass", "agent"}
    passive = bool(deps & {"auxpass", "nsubjpass"}) or (cue.dep_ in ("advcl", "acl") and "aux" not in deps)
    return passive and "agent" not in deps  # not "she has asked", nor "asked by the judge"


_CUE_FRAME = frozenset({"aux", "auxpass", "neg", "advmod"})


def _negation(cue: Any) -> tuple[Any, str] | None:
    """The first word of a negated cue's verb group and its negation ("has not commented":
    "has", "not"; "didn't say": "did", "not"; "never said": "never", "never"), or None when
    the cue is not negated. A reader of "Park has not commented on the plan" must not see
    "commented" alone."""
    first, negation = cue, None
    at = cue.i - 1
    while at >= 0:
        word = cue.doc[at]
        if word.head.i != cue.i or word.dep_ not in _CUE_FRAME:
            break
        if word.dep_ == "neg":
            negation = word.lower_ if word.lower_ in CUE_NEGATIONS else CUE_NEGATIONS[0]  # "n't": "not"
        first, at = word, at - 1
    if negation is None:
        return None
    while first.dep_ == "advmod" and first.i < cue.i:  # "also never said": the cue starts at "never"
        first = cue.doc[first.i + 1]
    return first, negation


def _conjuncts(head: Any) -> list[Any]:
    """The other speakers joined to a source by "and" ("Ann Cole and Tom Reyes", "Smith, Jones and
    Lee"), nouns and pronouns only."""
    chain: list[Any] = []
    at = head
    while len(chain) < 5:
        at = next((c for c in at.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if at is None:
            break
        chain.append(at)
    joined = any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in (head, *chain) for c in t.children)
    return chain if joined else []


#: What a speaker says, whose "from" or "by" names who says it ("the message from Ann Cole").
_UTTERANCES = NOUN_CUES | frozenset({"words", "letter", "post", "tweet", "note", "reply", "interview",
                                     "speech"})


def _source_of(head: Any) -> tuple[tuple[int, int], Any] | None:
    """The speaker span of a chosen candidate head: its noun phrase as the text writes it; for
    what was said, the name it comes from ("that was the message from Ann Cole": Ann Cole)."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in _UTTERANCES:
        # "the message from Ann Cole", "an interview with the finance minister"
        preps = ("from", "by", "with") if head.lemma_.lower() == "interview" else ("from", "by")
        by = next((grand for child in head.children if child.dep_ == "prep" and child.lower_ in preps
                   for grand in child.children if grand.dep_ == "pobj" and grand.pos_ in ("PROPN", "NOUN")),
                  None)
        if by is None:
            # "according to a speech Senator Ruiz delivered", "a letter the chancellor sent to
            # MPs": the clause that describes what was said names who said it
            by = next((grand for child in head.children
                       if child.dep_ == "relcl" or (child.dep_ == "acl" and relative_clause(child))
                       for grand in child.children if grand.dep_ == "nsubj"
                       and grand.pos_ in ("PROPN", "NOUN", "PRON") and grand.lower_ not in RELATIVES), None)
        head = by if by is not None else head
    if head.dep_ == "appos" and head.head.ent_type_ == "PERSON" and head.ent_type_ != "PERSON":
        # "Senator Lisa Moreno, a Democrat from New Mexico, blamed ...": the apposition says
        # what she is; the name it describes is the speaker
        head = head.head
    span = trimmed_span(head)
    return None if span is None else (span, head)


def _same_turn(sdoc: Any, context: _Context, clusters: list[Any], quotes: list[Quote], quote: Quote,
               head: Any) -> Attribution | None:
    """The named speaker of the direct quote just before, for a "he" or "she" that the three
    sentences before it, all inside the quotation, could not resolve: in “...,” Ann Cole said.
    “... [four sentences] ...,” she added.", she is Ann Cole. Only when the quote starts in
    the sentence after the one that names that speaker, and the text does not show her to be
    of the other gender."""
    if head.lower_ not in ("he", "she"):
        return None
    last = next((q for q in reversed(quotes) if q.kind == "direct"), None)
    if last is None or last.speaker is None or last.speaker.actor is None:
        return None
    before = sdoc.char_span(last.start, max(last.end, last.speaker.end), alignment_mode="expand")
    opening = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if before is None or opening is None or not len(before) or not len(opening):
        return None
    if context.sent_index[opening[0].i] > context.sent_index[before[-1].i] + 1:
        return None
    cluster = next((c for c in clusters if c.name == last.speaker.actor), None)
    if cluster is None or not fits_pronoun(sdoc, clusters, cluster, head.lower_):
        return None
    start, end = quote.speaker.start, quote.speaker.end  # the pronoun, as the text writes it
    return Attribution(name=cluster.name, start=start, end=end, actor=cluster.name)


def _goes_on(text: str, quotes: list[Quote], quote: Quote) -> Attribution | None:
    """The speaker of the direct quote before ``quote`` when it goes on in the same paragraph or
    the next, or when only the writer's questions lie between (an explainer's "Can my rent still
    go up?" before the answer of the expert it quoted last)."""
    last = next((q for q in reversed(quotes) if q.kind == "direct"), None)
    if last is None or last.speaker is None:
        return None
    between = text[last.end:quote.start].split("\n\n")[1:-1]
    if between and not all(p.strip().endswith("?") and not any(m in p for m in QUOTE_CHARS)
                                    for p in between if p.strip()):
        return None
    return last.speaker


def _lost_name_subject(cue: Any, clusters: list[Any]) -> tuple[tuple[int, int], Any] | None:
    """A person's name the parser did not read as the subject right before a cue that has none
    ("Tully said he expected ...", where "Tully" was tagged an adverb), as a source."""
    if cue.i == 0 or cue.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children):
        return None
    before = cue.doc[cue.i - 1]
    if before.pos_ in ("PROPN", "NOUN", "PRON") or not before.text[:1].isupper() or not before.is_alpha:
        return None  # a noun or pronoun there is one the parse already offered the speaker model
    named = cluster_for_span(clusters, before.idx, before.idx + len(before.text))
    if named is None or named.type != "person":
        return None
    return (before.idx, before.idx + len(before.text)), before


_FRAME_POS = frozenset({"CCONJ", "SCONJ", "ADV", "ADP", "DET", "PRON", "AUX", "PART", "INTJ"})


def _named_beside(sdoc: Any, text: str, quote: Quote, cue: Any) -> tuple[tuple[int, int], Any] | None:
    """Who a quotation's cue names right beside it where the parse gave no one ("“Go back to
    Univision,” Trump barked", with "Trump" read as part of the verb; "“...,” Ramos, 58, told AFP";
    "“...,” said the 46-year-old"): a name of a few capitalised words between the closing mark and
    the cue (an age may follow it), or a short noun phrase after a cue that follows the mark and
    ends the clause. None when anything else stands there."""
    between = text[quote.end:cue.idx]
    if cue.idx < quote.end or "\n" in between or len(between) > 60:
        return None
    span = sdoc.char_span(quote.end, cue.idx, alignment_mode="expand") if between.strip() else None
    words = [] if span is None else [t for t in span if not (t.is_punct or t.is_space)]
    if words:
        if words[-1].like_num and len(words) > 1:  # "Ramos, 58, told"
            words = words[:-1]
        # capitalised words, whatever the tagger made of them ('Trump shot back', 'Trump' a verb),
        # but no word of a sentence's frame ('Then Cole said')
        if len(words) > 4 or not all(t.is_alpha and t.text[:1].isupper() and t.pos_ not in _FRAME_POS
                                     for t in words):
            return None
    else:
        after = []
        for t in sdoc[cue.i + 1:cue.sent.end]:
            if t.is_punct and t.text not in "-–":
                break
            after.append(t)
        stop = cue.i + 1 + len(after)
        if not after or len(after) > 6 or stop >= len(sdoc) or sdoc[stop].text not in (".", ",", ";"):
            return None
        if after[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ") or not any(
                t.pos_ in ("NOUN", "PROPN") for t in after):
            return None
        words = after
    head = words[-1]
    return (words[0].idx, head.idx + len(head.text)), head


#: An interview's labels, which the speaker model may take for a name ("A: Because ...").
_INTERVIEW_LABELS = frozenset({"Q", "A", "Q.", "A."})


def _interviewee(sdoc: Any, text: str) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """An interview's answers ("Q: ... A: ...", ``interview_answers``) and whom they are from: the
    one person the text names before the first question (the span of that name's last mention
    there), or None when it names nobody or several."""
    first, answers = interview_answers(text)
    if not answers:
        return [], None
    named = []  # for each person named before the first question, those mentions
    for cluster in entity_clusters(sdoc):
        before = [m for m in cluster.mentions if m[1] <= first] if cluster.type == "person" else []
        if before:
            named.append(before)
    return answers, (named[0][-1] if len(named) == 1 else None)


_WORDS = re.compile(r"\w+")


def _labelled(text: str, quotations: list[tuple[int, int]], min_words: int,
              interview: tuple[list[tuple[int, int]], tuple[int, int] | None] = ([], None),
              ) -> tuple[list[tuple[int, int]], dict[tuple[int, int], tuple[int, int]], set[tuple[int, int]]]:
    """Quotations split at transcript turns ("PENCE: ..."), and the speakers the layout gives.

    A quotation holding turns keeps only what comes before the first; each turn becomes a
    quotation of its own, spoken by its label, unless it holds quotations (those take the label).
    An interview's answers ("A: ...") are quotations of the person it interviews, where the text
    names one person before its first question (``_interviewee``), else of nobody the layout says.
    A quotation followed by a dash and a name ("... ” ― Ann Cole") is spoken by that name, and so
    is a post embedded with its author's name and handle (``embedded_posts``). A
    headline "Poll: Clinton leads" is a quote of its own, from "Poll" (returned in the last set:
    reported, not direct, speech).
    """
    turns = transcript_turns(text)
    fixed: dict[tuple[int, int], tuple[int, int] | None] = {}
    kept: list[tuple[int, int]] = []
    for start, end in quotations:
        inside = [label for label, _ in turns if start <= label[0] < end]
        if not inside:
            kept.append((start, end))
        elif len(text[start:inside[0][0]].split()) >= min_words:
            kept.append((start, _trim(text, start, inside[0][0])))
    for label, (c_start, c_end) in turns:
        held = [q for q in kept if c_start <= q[0] < c_end]
        # a turn that only quotes ("PENCE: “...”") speaks through its quotation; one that says more
        # ("ANNAND: My colleague told cabinet, “We have the money.”") is the label's quote, and
        # the quotation inside it is left to its own cue
        outside = text[c_start:c_end]
        for q_start, q_end in held:
            outside = outside.replace(text[q_start:q_end], " ")
        says_more = len(_WORDS.findall(outside)) >= min_words + 1
        for q in held if not says_more else ():
            fixed[q] = label
        if held and says_more:
            c_end = max(c_end, *(q_end for _, q_end in held))  # its closing mark is the turn's too
        if (not held and not any(q[0] < c_end and c_start < q[1] for q in kept)) or (held and says_more):
            kept.append((c_start, c_end))
            fixed[(c_start, c_end)] = label
    answers, interviewee = interview
    for answer in answers:
        if not any(q[0] < answer[1] and answer[0] < q[1] for q in kept):
            kept.append(answer)
            # an answer is speech by its layout, whoever gives it: the quote model does not judge it
            # (None: the text names no one person before the questions, so the speaker is looked for)
            fixed[answer] = interviewee
    for label, (p_start, p_end) in embedded_posts(text):
        # a post embedded with its author's name ("... — Ann Cole (@anncole) May 3, 2024") is
        # hers, word for word, quotations and all; one a quotation runs across is left alone
        overlapping = [q for q in kept if q[0] < p_end and p_start < q[1]]
        if any(q[0] < p_start or q[1] > p_end or q in fixed for q in overlapping):
            continue
        kept = [q for q in kept if q not in overlapping]
        kept.append((p_start, p_end))
        fixed[(p_start, p_end)] = label
    for q in kept:
        if q not in fixed:
            name = dash_speaker(text, q[1]) or colon_label(text, *q)
            if name is not None:
                fixed[q] = name
    headlines: set[tuple[int, int]] = set()
    for label, (c_start, c_end) in headline_sources(text):
        overlapping = [q for q in kept if q[0] < c_end and c_start < q[1]]
        # a quotation inside the headline ("Pence: Trump Was ‘Mocking’ Clinton") is part of what it
        # reports; one that is the headline's claim ("Trump: “We will win”") keeps its own cue
        if (c_start, c_end) in fixed or any(q[0] <= c_start or q[1] > c_end or q in fixed
                                            for q in overlapping):
            continue
        kept = [q for q in kept if q not in overlapping]
        kept.append((c_start, c_end))
        fixed[(c_start, c_end)] = label
        headlines.add((c_start, c_end))
    return sorted(kept), fixed, headlines


def _trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“"):
        end -= 1
    return end


def _labelled_source(sdoc: Any, label: tuple[int, int]) -> tuple[tuple[int, int], Any] | None:
    span = sdoc.char_span(label[0], label[1], alignment_mode="expand")
    return None if span is None or len(span) == 0 else (label, span[-1])


def _block_after(sdoc: Any, text: str, cue: _Cue, min_words: int) -> tuple[int, int] | None:
    """The paragraph a cue ending its paragraph with ':' introduces ("Limbaugh added:"), unquoted."""
    last = cue.sent_end - 1
    while last > cue.sent_start and sdoc[last].is_space:
        last -= 1
    after = sdoc[last].idx + 1
    line_end = text.find("\n", after)
    if line_end < 0 or text[after:line_end].strip():
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    if start >= len(text) or text[start] in QUOTE_CHARS:
        return None  # a quotation: the quotation marks give it
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if len(text[start:end].split()) >= min_words else None


def _by_name(written: str, clusters: list[Any]) -> Any | None:
    """The actor a name written without an entity mention stands for: the one with that name or
    alias, else the one person whose surname it is (none when two share it)."""
    word = written.lower().removesuffix("’s").removesuffix("'s")
    for cluster in clusters:
        if any(n.lower() == word for n in (cluster.name, *cluster.aliases)):
            return cluster
    persons = [c for c in clusters if c.type == "person" and any(
        n.lower().split()[-1:] == [word] for n in (c.name, *c.aliases))]
    return persons[0] if len(persons) == 1 else None


# words before a quotation that make it a name or a title: "called the “Crossroads of America”"
_TITLED_BEFORE = re.compile(r"\b(?:titled|entitled)\s+$", re.IGNORECASE)
_NAMING_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|called|dubbed|named|nicknamed|titled|"
                            r"entitled|so-called|known as)\s+)$", re.IGNORECASE)


#: "so-called" before a quotation: the writer's scare quote, whatever its length, never speech (the
#: cue model read "called" in it as a cue, and the subject of the clause as its speaker).
_SO_CALLED_BEFORE = re.compile(r"\bso[-\s]called\s+$", re.IGNORECASE)


def _titled(text: str, start: int) -> bool:
    """Whether the quotation at ``start`` follows "titled" or "entitled": a title, not speech."""
    return _TITLED_BEFORE.search(text, max(0, start - 12), start) is not None


def _named_in_quotes(text: str, quote: Quote) -> bool:
    """Whether a quotation of a few capitalised words is a name or a title that the words before
    it name ("called the “Crossroads of America” by residents", "the film “Lost in the Dust”"),
    not speech: six words at most, no sentence's end inside."""
    quoted = text[quote.start:quote.end]
    words = _WORDS.findall(quoted)
    if words and words[0][:1].isupper() and _titled(text, quote.start):
        return True  # "a report titled “The Russian Government’s Coordinated Efforts to ...”": any length
    if not 0 < len(words) <= 6 or not words[0][:1].isupper() or re.search(r"[.!?]", quoted):
        return False
    return _NAMING_BEFORE.search(text, max(0, quote.start - 12), quote.start) is not None


def _nested(quote: Quote, quote_cue: _Cue | None, cue: _Cue, start: int, end: int) -> bool:
    """Whether a reported attribution sits inside another's content, or holds it in its own
    ("Cole said that Reyes claimed ..."): both are quotes, each with its own speaker."""
    if quote.kind != "reported" or quote_cue is None:
        return False
    inner = quote.start <= cue.token.idx < quote.end
    outer = start <= quote_cue.token.idx < end
    return inner or outer


def _clause_inside(inner: _Cue, outer: _Cue, before: int) -> bool:
    """Whether ``inner`` heads a clause of its own ("..., telling Ann", "..., adding") inside what
    ``outer`` reports, before the offset ``before``; one naming a noun ("a statement saying")
    is not."""
    token = inner.token
    return (inner.token.i != outer.token.i and outer.content is not None
            and outer.content[0] < token.left_edge.idx and token.idx < before
            and token.idx < outer.content[1] and token.dep_ in ("advcl", "conj")
            and token.head.pos_ in ("VERB", "AUX") and token.head.i > outer.token.i)


def _before_inner_cues(text: str, start: int, end: int, cue: _Cue,
                       overlapping: list[tuple[Quote, _Cue | None]]) -> int:
    """Where a reported content ``[start, end)`` ends when a quotation inside it has its own cue
    inside it too (``_clause_inside``): just before that cue's clause, so the two quotes do not
    overlap. ``end`` when there is no such cue."""
    cut = min((inner.token.left_edge.idx for quote, inner in overlapping
               if inner is not None and _clause_inside(inner, cue, quote.start)), default=end)
    if cut == end:
        return end
    # "wrote that she had "followed the rules" [but] did not want ...": the conjunction goes too
    kept = _TRAILING_CONJUNCTION.sub("", text[start:cut].rstrip(" ,;:—–-\n"))
    return start + len(kept.rstrip(" ,;:—–-\n"))


_TRAILING_CONJUNCTION = re.compile(r"\s+(?:and|but|or|yet)$", re.IGNORECASE)


def _mixed(text: str, quotation: tuple[int, int], start: int, end: int) -> bool:
    """Whether a quotation is quoted in the middle of a report ``[start, end)``: it opens inside
    it, after words of the report other than "that", and its first word is in lower case ("the
    scheme had been “scrutinised at every stage”")."""
    q_start, _ = quotation
    if not start < q_start < end:
        return False
    before = [w for w in re.findall(r"\w+", text[start:q_start]) if w.lower() != "that"]
    first = re.search(r"\w", text[q_start:q_start + 8])
    return len(before) >= 2 and first is not None and first.group().islower()


#: Bare quantifiers that, as a cue's subject, name some of a group as its source ("many said").
_SOME_OF_THEM = frozenset({"many", "several", "most", "some", "few"})
_SOMEONE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "who"})


#: Verbs by which a share of those polled gives its view ("Six in 10 say", "most want").
_POLLED_VIEWS = frozenset({"say", "tell", "believe", "think", "want", "expect", "favor", "favour",
                           "support", "oppose", "prefer", "agree", "disagree", "approve", "disapprove",
                           "feel", "worry", "fear", "rate", "trust"})
#: Words that name a share of people on their own ("most said", "half believe").
_SHARE_WORDS = frozenset({"most", "half", "majority", "minority", "third", "thirds", "quarter", "quarters",
                          "fifth", "fifths", "percent", "%", "many", "few", "some", "none", "all"})


def _share_of_people(head: Any) -> bool:
    """Whether a cue's subject is a share of those asked: "Six in 10", "about 4 in 10", "43
    percent", "a majority", "most" (alone or "of voters"), a bare number ("43 said the same");
    not "Most Americans" (a group named, which the speaker model weighs itself)."""
    if head.dep_ != "nsubj":
        return False
    lower = head.lower_
    if head.like_num or head.pos_ == "NUM":
        ins = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "out", "of")]
        return not any(c.dep_ in ("compound", "amod") for c in head.children) and (
            bool(ins) or not any(c.dep_ == "prep" for c in head.children))
    if lower not in _SHARE_WORDS:
        return False
    if lower in ("many", "few", "some", "none", "all") and not any(c.dep_ == "prep" for c in head.children):
        return False  # "many say": anyone at all, no share of a poll
    return not any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in head.children)


_NUMBER_WORDS = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_OF_WHOM = r"(?:\s+of\s+(?:the\s+|all\s+)?[\w’'-]+(?:\s+voters)?)?"
#: A share of those polled written just before its verb, which the parser did not make its
#: subject ("About 4 in 10 say", "one in four said" after "and", "Less than a third agreed").
_SHARE_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))((?:(?:about|around|roughly|nearly|almost|only|just|over|under|some|"
    r"more than|fewer than|less than|at least)\s+)?"
    r"(?:" + _NUMBER_WORDS + r"\s+(?:in|out of)\s+" + _NUMBER_WORDS
    + r"|\d+(?:\.\d+)?\s?(?:percent|per cent|%)" + _OF_WHOM
    + r"|(?:a|one|two)\s+(?:third|thirds|quarter|quarters|fifth|fifths)" + _OF_WHOM
    + r"|half" + _OF_WHOM + r"|(?:a|the)\s+(?:slim\s+|clear\s+|large\s+|vast\s+)?(?:majority|minority)"
    + _OF_WHOM + r"))\s+$", re.IGNORECASE)


def _polled_share(sdoc: Any, text: str, cue: _Cue) -> tuple[tuple[int, int], Any] | None:
    """The share of those polled that a verb of view reports, as its source: the cue's subject
    when that is a share ("43 percent said"), else a share written just before the verb when the
    parser gave the verb no subject ("About 4 in 10 say they want ...": "4 in 10" was a number
    the verb governed, and the speaker model named the poll or no one)."""
    token = cue.token
    if token.lemma_.lower() not in _POLLED_VIEWS:
        return None
    if cue.source is not None:
        return cue.source if _share_of_people(cue.source[1]) else None
    sent_start = token.sent.start_char
    match = _SHARE_BEFORE.search(text, sent_start, token.idx)
    if match is None:
        return None
    span = sdoc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if span is None or span.end != token.i:
        return None
    return (match.start(1), match.end(1)), span[-1]


def _other_speaker(cue: Any) -> bool:
    """Whether another verb of plain speech in the cue's sentence has a speaker of its own that is
    no share of those polled ("Obama said, a majority have come to believe ...")."""
    return any(t.lemma_.lower() in _PLAIN_SPEECH and t.i != cue.i
               and any(c.dep_ in ("nsubj", "nsubjpass") and not _share_of_people(c)
                       and c.lower_ not in RELATIVES for c in t.children)
               for t in cue.sent)


_POLL_NOUNS = frozenset({"poll", "survey", "average"})
_POLL_MARKS = frozenset({"a", "an", "same", "latest", "new", "recent"})


def _poll_of(token: Any) -> Any | None:
    """The poll an "in a poll" phrase cites for the clause it hangs on ("In a Des Moines Register
    poll, Cruz had a 10-point lead", "Clinton led Sanders 2-1 in an NBC News poll"): a named or
    particular poll, not "in the polls" (PolNeAR train annotates the generic phrase about one time
    in six, a particular one 39 times in 63)."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    poll = next((c for c in token.children if c.dep_ == "pobj"), None)
    if poll is None or poll.lemma_.lower() not in _POLL_NOUNS or poll.tag_ != "NN":
        return None
    particular = any(c.lower_ in _POLL_MARKS for c in poll.children) or any(
        t.dep_ in ("compound", "nmod") or t.ent_type_ for t in poll.subtree if t.i < poll.i)
    return poll if particular else None


def _poll_reports(sdoc: Any, text: str, found: list[tuple[Quote, _Cue | None]], segment_of: list[int],
                  segments: list[tuple[int, int]]) -> list[tuple[Quote, _Cue]]:
    """Reported quotes of the clauses an "in a poll" phrase cites (``_poll_of``), the poll their
    source, where no quote found already covers the clause."""
    ends = dict(segments)
    reports = []
    for token in sdoc:
        poll = _poll_of(token)
        if poll is None:
            continue
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "a 24-point lead ... in a CNN poll": the clause of the lead
        content = clause_without(verb, token)
        source = trimmed_span(poll)
        if content is None or source is None or len(text[content[0]:content[1]].split()) < 3:
            continue
        if any(q.start < content[1] and content[0] < q.end for q, _ in found):
            continue
        seg = segment_of[token.i]
        cue = _Cue(token, _RECKONING_SCORE, (source, poll), content, False, seg, ends.get(seg, seg + 1),
                   cited=True)
        reports.append((Quote(content[0], content[1], kind="reported", cue=Attribution(
            name="in", start=token.idx, end=token.idx + 2), score=_RECKONING_SCORE), cue))
    return reports


def _poll_speaker(text: str, speaker: Attribution, poll: Any) -> Attribution:
    """A poll's speaker named as written ("the RealClearPolitics average of New Hampshire polls"),
    its actor the body named before the poll's noun ("a CNN national poll": CNN), not a place the
    poll covers, which the entity lookup would take for the source."""
    written = " ".join(text[speaker.start:speaker.end].split())
    actor = speaker.actor if speaker.actor and speaker.actor in text[speaker.start:poll.idx] else None
    return Attribution(name=written, start=speaker.start, end=speaker.end, actor=actor)


#: ", records show." and ", F.A.A. records show, ...": documents cited after what they show, which
#: the parser often reads as a noun ("show") or as the subject of the next clause.
_RECORDS_SHOW = re.compile(
    r",\s+((?:[\w.’'/-]+\s+){0,8}?(?:records|documents|data|figures|filings|reports|results|statistics|"
    r"tallies|estimates))\s+(show|showed|shows|suggest|suggested|indicate|indicated)(?=[.,;)])")


_JOINS = frozenset({"and", "but"})  # ", records show, and experts say ...": what follows is another's


def _records_reports(sdoc: Any, text: str, found: list[tuple[Quote, _Cue | None]], segment_of: list[int],
                     segments: list[tuple[int, int]]) -> list[tuple[Quote, _Cue]]:
    """Reported quotes of what documents cited after a comma show ("He sold it in 2010, records
    show."), the documents their source: the sentence before the comma, or what follows a second
    comma ("During that time, records show, [the jet flew 200 hours]"), unless a quote found
    already covers it."""
    ends = dict(segments)
    reports = []
    for match in _RECORDS_SHOW.finditer(text):
        verb = sdoc.char_span(*match.span(2), alignment_mode="expand")
        named = sdoc.char_span(*match.span(1), alignment_mode="expand")
        if verb is None or named is None:
            continue
        seg = segment_of[verb[0].i]
        seg_end = ends.get(seg, seg + 1)
        start, end = sdoc[seg].idx, match.start()
        after = (match.end() + 1, sdoc[seg_end - 1].idx + len(sdoc[seg_end - 1].text))
        rest = text[after[0]:after[1]].split()
        if text[match.end():match.end() + 1] == "," and len(rest) >= 3 and rest[0].lower() not in _JOINS:
            start, end = after  # "During the same stretch, F.A.A. records show, [the jet has flown ...]"
        content = span_of(list(sdoc.char_span(start, end, alignment_mode="contract") or []))
        if content is None or len(text[content[0]:content[1]].split()) < 3:
            continue
        source = (match.span(1), named[-1])
        own = [c for q, c in found if c is not None and c.token.i == verb[0].i and q.kind == "reported"]
        for c in own:  # the cue model found it, and the quote model would doubt it: as above
            c.cited, c.source = True, source
        if own or any(q.start < content[1] and content[0] < q.end for q, _ in found):
            continue
        cue = _Cue(verb[0], _RECKONING_SCORE, source, content, False, seg, seg_end, cited=True)
        reports.append((Quote(content[0], content[1], kind="reported", cue=Attribution(
            name=verb[0].lemma_.lower(), start=verb[0].idx, end=verb[0].idx + len(verb[0].text)),
            score=_RECKONING_SCORE), cue))
    return reports


def _by_agent(cue: Any, source: Any) -> bool:
    """Whether a cue's source is the agent of the passive cue ("was warned by the ministry")."""
    return source.dep_ == "pobj" and source.head.dep_ == "agent" and source.head.head.i == cue.i


def _relative_subject(cue: Any, subject: Any) -> bool:
    """Whether a cue's subject is the relative pronoun of the clause the cue heads ("who said")."""
    return (cue.dep_ == "relcl" and subject.dep_ == "nsubj" and subject.head.i == cue.i
            and subject.lower_ in ("who", "that", "which"))


def _someone(head: Any) -> bool:
    """Whether a cue's source is someone: a name, a named body or a personal pronoun."""
    return (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or head.lower_ in _SOMEONE_PRONOUNS)
