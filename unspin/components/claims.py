"""The claims stage: check-worthy factual sentences, their quantities and the source they cite.

Each spaCy sentence is scored by the check-worthiness model (``_claims_model``: a fine-tuned
MiniLM encoder, asked only about the sentences a cheap linear model is unsure of; trained by
``unspin.training.claims`` on CheckThat! 2024 and ClaimBuster); the sentences of an article go
through the model in one call. A sentence at or above the threshold becomes a ``Claim``
covering the sentence, with its quantities normalised (``quantities``) and the person or body
it is attributed to (``_claims_source``).
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

import numpy as np

from unspin.components._actors_entities import DATELINE
from unspin.components._claims_features import sentence_features
from unspin.components._claims_model import DEFAULT_MODEL_DIR, ClaimScorer, load_scorer
from unspin.components._claims_source import find_source
from unspin.components._page_chrome import in_page_chrome
from unspin.components.quantities import find_quantities, glued_full_stop
from unspin.doc import Claim, Document
from unspin.errors import ConfigError, ModelError

__all__ = ["ClaimDetector", "candidate_sentences", "make_claims"]

_MIN_WORDS = 4
_SENTENCE_ENDS = tuple(".!?…:;\"'”’)]")


def candidate_sentences(parsed: Any) -> list[Any]:
    """The spaCy sentences worth scoring, cut at line breaks and trimmed of outer whitespace.

    Headlines and headings (a line that does not end like a sentence), bylines and fragments
    under ``_MIN_WORDS`` words are left out, as are questions and the lines of a web page's
    furniture (``_page_chrome``: "Completing this poll grants you access to ...").
    """
    text = parsed.text
    out = []
    carry = None  # the start of a piece spaCy cut off before the rest of its sentence
    for sent in parsed.sents:
        start = sent.start if carry is None else carry
        carry = None
        for tok in sent:
            # a paragraph break inside a spaCy sentence separates two statements
            if "\n" in tok.text or "\n" in tok.whitespace_:
                piece = parsed[start : tok.i + (0 if tok.is_space else 1)]
                start = tok.i + 1
                out.extend(_keep(piece, whole_line=True))
            elif _glued_stop(tok, sent):
                out.extend(_keep(parsed[start : tok.i + 1]))
                start = tok.i + 1
        if start < sent.end:
            last = parsed[sent.end - 1]
            if sent.end < len(parsed) and not last.is_space and "\n" not in last.whitespace_ \
                    and not last.text.endswith(_SENTENCE_ENDS):
                carry = start  # "Arsenal | have completed the signing ...": one sentence spaCy cut in two
                continue
            out.extend(_keep(parsed[start : sent.end]))
    if carry is not None:
        out.extend(_keep(parsed[carry:]))
    kept = []
    for span in out:
        if not in_page_chrome(text, span.start_char):
            kept.append(span)
            continue
        # furniture glued to the front of a sentence ("... Best Price: $5.99 (as of 09:30 EDT -
        # Details) And this right after ..."): the sentence after it stays
        rest = next((t.i for t in span if not in_page_chrome(text, t.idx) and t.is_alpha), None)
        if rest is not None:
            kept.extend(_keep(parsed[rest:span.end]))
    return kept


#: Marks that open a quotation.
_OPENING_QUOTES = frozenset(['"', "“"])


def _glued_stop(tok: Any, sent: Any) -> bool:
    """Whether ``tok`` ends a sentence by a full stop the tokeniser glued to it, which spaCy then
    missed before a quotation ("... bids of €80m and €90m. \"He is worth it,\" Costa said.": "m."
    read as an abbreviation), where a capitalised word opens the quotation, or before a capitalised
    word where ``tok`` is an amount with its unit glued on ("above 40C. More than 450 ...")."""
    if len(tok.text) < 2 or not tok.text.endswith(".") or not tok.whitespace_ or tok.i + 1 >= sent.end:
        return False
    if glued_full_stop(tok) and tok.nbor(1).is_title and tok.nbor(1).is_alpha:
        return True  # "... temperatures above 40C. More than 450 firefighters ...": one sentence in spaCy's
    if tok.i + 2 >= sent.end:
        return False
    mark, word = tok.nbor(1), tok.nbor(2)
    return mark.text in _OPENING_QUOTES and not mark.whitespace_ and word.is_title


def _keep(span: Any, whole_line: bool = False) -> list[Any]:
    while len(span) and (span[0].is_space or (span[0].is_punct and span[0].text not in "\"'“‘([")):
        span = span[1:]
    dateline = DATELINE.match(span.text + " A") if len(span) else None  # " A": one cut off after it
    if dateline is not None:  # "WASHINGTON (AP) — The Senate voted ...": the claim starts after it
        after = span.start_char + dateline.end()
        span = span[next((t.i - span.start for t in span if t.idx >= after), len(span)):]
    while len(span) and span[-1].is_space:
        span = span[:-1]
    if sum(1 for t in span if t.is_alpha) < _MIN_WORDS:
        return []
    if whole_line and not span.text.endswith(_SENTENCE_ENDS):
        return []  # a headline or heading
    if span.text.rstrip("\"'”’) ").endswith("?"):
        return []
    return [span]


#: Verbs that link a subject to how it is judged: "Side effects were rare", "The results seem striking".
_LINKING_VERBS = frozenset(["be", "seem", "appear", "remain", "look", "sound", "prove", "feel"])
#: What a sentence that only judges its subject is made of: the subject's noun phrase, the linking
#: verb and the adjectives, with the adverbs, negation and conjunctions between them.
_JUDGING_DEPS = frozenset(["ROOT", "nsubj", "det", "amod", "compound", "poss", "case", "acomp", "conj", "cc",
                           "advmod", "neg", "aux", "punct"])
_MAX_JUDGING_WORDS = 10
#: Adjectives that judge or only vaguely size what they are said of ("rare", "striking", "mild"), not
#: states a record could settle ("The files are downloadable", "The road is closed", "He is dead").
_JUDGING_ADJECTIVES = frozenset([
    "rare", "common", "frequent", "uncommon", "mild", "severe", "moderate", "minor", "major", "modest",
    "striking", "remarkable", "impressive", "disappointing", "encouraging", "promising", "worrying",
    "troubling", "alarming", "concerning", "shocking", "surprising", "stunning", "dramatic",
    "good", "bad", "great", "poor", "excellent", "terrible", "awful", "fine",
    "important", "crucial", "vital", "essential", "serious", "clear", "obvious", "real",
    "strong", "weak", "robust", "solid", "true", "false", "wrong", "right", "correct", "incorrect",
    "easy", "difficult", "hard", "simple", "complex", "complicated", "different", "similar",
    "interesting", "relevant", "irrelevant", "unclear", "uncertain", "mixed", "limited", "small", "large",
    "high", "low", "huge", "tiny", "unprecedented", "unusual",
    "extensive", "devastating", "substantial", "considerable", "enormous", "overwhelming",
    "staggering", "disturbing", "astonishing",
])


def _bare_judgement(span: Any) -> bool:
    """Whether the sentence only says how something unnamed is judged ("Side effects were rare.", "The
    results were striking."): a linking verb and adjectives, with no number, name or date and nothing
    the judgement is measured on ("rare among the vaccinated" names a group, "rose 4%" a change), which
    gives a fact-checker nothing to check. The adjectives must be ones that judge or only vaguely
    size (``_JUDGING_ADJECTIVES``), not a state ("The road is closed"); a comparison is no bare
    judgement ("Debt has never been higher", "The water is cleaner now")."""
    words = [t for t in span if not t.is_space and not t.is_punct]
    if not words or len(words) > _MAX_JUDGING_WORDS:
        return False
    root = span.root
    judged = [c for c in root.children if c.dep_ == "acomp"]
    if _judging_participle(root):
        judged = [root]  # "The results were striking": the parser read the adjective as a verb in -ing
    elif root.lemma_.lower() not in _LINKING_VERBS or not judged:
        return False
    if any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") for t in words):
        return False  # "Debt has never been higher": a comparison, which a record may settle
    adjectives = judged + [c for a in judged for c in a.conjuncts]
    if any(a.lower_ not in _JUDGING_ADJECTIVES for a in adjectives):
        return False  # "The files are downloadable": a state, which may be checked
    return all(not t.ent_type_ and not t.like_num and t.pos_ != "PROPN" and t.dep_ in _JUDGING_DEPS
               for t in words)


def _judging_participle(root: Any) -> bool:
    """Whether a sentence's root is a judging adjective in -ing after "be" that the parser read as a
    verb ("The results were striking", "The impact was devastating"), with no object."""
    return root.tag_ == "VBG" and root.lower_ in _JUDGING_ADJECTIVES and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in root.children) and not any(
        c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "prt", "dative") for c in root.children)


def _entities(spans: list[Any]) -> list[list[Any]]:
    """The entities inside each span, reading each document's entity list once."""
    cache: dict[int, tuple[list[Any], list[int]]] = {}
    out = []
    for span in spans:
        doc = span.doc
        if id(doc) not in cache:
            ents = list(doc.ents)
            cache[id(doc)] = (ents, [e.start for e in ents])
        ents, starts = cache[id(doc)]
        i = bisect.bisect_left(starts, span.start)
        inside = []
        while i < len(ents) and ents[i].start < span.end:
            if ents[i].end <= span.end:
                inside.append(ents[i])
            i += 1
        out.append(inside)
    return out


class ClaimDetector:
    """Marks check-worthy factual sentences as claims."""

    name = "claims"
    requires: tuple[str, ...] = ("text", "spacy")
    assigns: tuple[str, ...] = ("claims",)

    def __init__(self, model: str | Path = DEFAULT_MODEL_DIR, threshold: float | None = None,
                 cascade: bool = True) -> None:
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise ConfigError(f"claims threshold must be between 0 and 1, got {threshold}")
        self.model = str(model)
        self.threshold = threshold
        #: Ask the encoder only about sentences the linear model is unsure of (``False``: all).
        self.cascade = cascade

    @property
    def scorer(self) -> ClaimScorer:
        return load_scorer(self.model)

    def predict(self, sentences: list[Any]) -> list[float]:
        """Check-worthiness of each sentence (spaCy spans of parsed articles), in [0, 1]."""
        if not sentences:
            return []
        scorer = self.scorer
        features = None
        if scorer.uses_parse(self.cascade):
            ents = _entities(sentences)
            features = np.stack([sentence_features(s, e) for s, e in zip(sentences, ents, strict=True)])
        return [float(p) for p in scorer.predict([s.text for s in sentences], features, cascade=self.cascade)]

    def set_annotations(self, doc: Document, sents: list[Any], scores: list[float]) -> None:
        cut = self.scorer.threshold if self.threshold is None else self.threshold
        text = doc.text
        claims = []
        kept = [(sent, score) for sent, score in zip(sents, scores, strict=True)
                if score >= cut and not _bare_judgement(sent)]
        ents = _entities([sent for sent, _ in kept])
        for (sent, score), sent_ents in zip(kept, ents, strict=True):
            claims.append(Claim(start=sent.start_char, end=sent.end_char, score=round(score, 4),
                                quantities=find_quantities(sent, text, sent_ents), source=find_source(sent)))
        doc.claims = claims

    def _sentences(self, doc: Document) -> list[Any]:
        parsed = doc.cache.get("spacy")
        if parsed is None:
            raise ModelError(
                "the claims stage needs the spaCy parse in doc.cache['spacy']; run the 'parse' stage first"
            )
        return candidate_sentences(parsed)

    def __call__(self, doc: Document) -> Document:
        # No ``pipe``: one model run per article keeps an article's scores independent of its
        # batch (the int8 encoder's activation ranges are taken per run).
        sents = self._sentences(doc)
        self.set_annotations(doc, sents, self.predict(sents))
        return doc


def make_claims(model: str | Path = DEFAULT_MODEL_DIR, threshold: float | None = None,
                cascade: bool = True) -> ClaimDetector:
    return ClaimDetector(model=model, threshold=threshold, cascade=cascade)
