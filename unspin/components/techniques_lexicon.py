"""A clearly named lexicon baseline for technique detection (no learning).

It marks words and phrases from small hand-written lists and text that recurs in the article.
It exists as a fallback and a reference point for the trained model; it is not accurate.
"""

from __future__ import annotations

import re
from collections import Counter

from unspin.doc import Document, TechniqueSpan
from unspin.explain import explain

__all__ = ["LEXICON", "LexiconTechniques", "make_lexicon_techniques"]

LEXICON: dict[str, tuple[str, ...]] = {
    "Loaded_Language": (
        "outrageous", "disgusting", "shameful", "disgraceful", "horrific", "evil", "vile",
        "sinister", "brutal", "despicable", "appalling", "heinous", "atrocious", "radical",
        "extremist", "scandalous", "reckless", "corrupt", "treacherous", "insane", "pathetic",
    ),
    "Name_Calling,Labeling": (
        "traitor", "traitors", "thug", "thugs", "puppet", "crook", "liar", "liars", "tyrant",
        "dictator", "globalist", "globalists", "elitist", "elites", "snowflake", "mob",
    ),
    "Exaggeration,Minimisation": (
        "the worst", "the greatest", "never before", "of all time", "in history", "unprecedented",
        "only a few", "just a tiny", "total disaster", "completely destroyed",
    ),
    "Doubt": ("so-called", "allegedly", "supposedly", "can we trust", "is it really"),
    "Flag-Waving": ("patriot", "patriots", "our nation", "our country", "true americans",
                    "our people", "our values"),
    "Appeal_to_fear-prejudice": ("will destroy", "threat to our", "invasion", "overrun",
                                 "catastrophe", "before it is too late"),
    "Black-and-White_Fallacy": ("either with us or", "there is no alternative", "the only option",
                                "no other choice"),
    "Thought-terminating_Cliches": ("it is what it is", "enough is enough", "end of story",
                                    "that's just the way it is", "it's common sense"),
    "Slogans": ("make america great again", "lock her up", "build the wall", "drain the swamp"),
    "Bandwagon,Reductio_ad_hitlerum": ("everyone knows", "everybody knows", "like the nazis",
                                       "hitler"),
    "Appeal_to_Authority": ("experts agree", "scientists say", "according to experts"),
    "Causal_Oversimplification": ("all because of", "the sole reason", "simply because"),
    "Whataboutism,Straw_Men,Red_Herring": ("what about", "but what about"),
}

_PATTERNS = {
    technique: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len,
                                                                               reverse=True))
                          + r")\b", re.IGNORECASE)
    for technique, phrases in LEXICON.items()
}
_PHRASE = re.compile(r"[A-Za-z][A-Za-z'\- ]{10,60}[A-Za-z]")


class LexiconTechniques:
    """Lexicon baseline: listed cue phrases, plus word sequences repeated in the text."""

    name = "techniques_lexicon"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("techniques",)

    def __init__(self, min_score: float = 0.0) -> None:
        self.min_score = min_score

    def predict(self, text: str) -> list[TechniqueSpan]:
        spans: list[TechniqueSpan] = []
        for technique, pattern in _PATTERNS.items():
            for m in pattern.finditer(text):
                spans.append(TechniqueSpan(m.start(), m.end(), technique=technique, score=0.5,
                                           explanation=explain(technique, m.group(0),
                                                               [m.group(0)])))
        spans.extend(self._repetitions(text))
        spans = [s for s in spans if s.score >= self.min_score]
        spans.sort(key=lambda s: (s.start, s.end, s.technique))
        return spans

    def _repetitions(self, text: str) -> list[TechniqueSpan]:
        sentences = [m for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
        counts = Counter(m.group(0).strip().lower() for m in sentences if len(m.group(0)) > 12)
        out = []
        seen_first: set[str] = set()
        for m in sentences:
            key = m.group(0).strip().lower()
            if counts.get(key, 0) > 1:
                if key not in seen_first:
                    seen_first.add(key)
                    continue  # the first occurrence is the statement, later ones repeat it
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                end = m.start() + len(m.group(0).rstrip())
                out.append(TechniqueSpan(start, end, technique="Repetition", score=0.6,
                                         explanation=explain("Repetition", text[start:end],
                                                             ["said again earlier in the text"])))
        return out

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        """A technique for each given span: a lexicon hit inside it, else the commonest class."""
        out = []
        for start, end in spans:
            fragment = text[start:end]
            best = ("Loaded_Language", 0.3)
            if text.lower().count(fragment.lower().strip()) > 1 and len(fragment.strip()) > 2:
                best = ("Repetition", 0.5)
            else:
                for technique, pattern in _PATTERNS.items():
                    if pattern.search(fragment):
                        best = (technique, 0.5)
                        break
            out.append(best)
        return out

    def __call__(self, doc: Document) -> Document:
        doc.techniques = self.predict(doc.text)
        return doc


def make_lexicon_techniques(min_score: float = 0.0) -> LexiconTechniques:
    return LexiconTechniques(min_score=min_score)
