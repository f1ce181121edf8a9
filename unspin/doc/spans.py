"""Light span records: character offsets into the article text plus what a stage found there.

Spans never copy the text: ``Document.span_text(span)`` (or ``text[start:end]``) gives the
fragment, so offsets cannot drift from the text they describe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "Attribution",
    "Claim",
    "Mention",
    "Quantity",
    "Quote",
    "Span",
    "TechniqueSpan",
]


@dataclass(slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end}): need 0 <= start < end")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class TechniqueSpan(Span):
    """A fragment that uses a propaganda technique (PTC id), with a score in [0, 1]."""

    technique: str = ""
    score: float = 1.0
    explanation: str = ""
    target: str | None = None  # canonical name of the actor the fragment is aimed at, if any


@dataclass(slots=True)
class Quantity:
    """A number, amount or date found in a claim, normalised."""

    start: int
    end: int
    kind: str  # "number", "money", "percent", "date", "count"
    value: float | str | None
    unit: str | None = None
    qualifier: str | None = None
    part: str | None = None  # of a date: "early", "mid" or "late" ("early 2023", "late March")


@dataclass(slots=True)
class Attribution:
    """Who the text cites for something: a name and the span of the attribution phrase."""

    name: str
    start: int
    end: int
    actor: str | None = None


@dataclass(slots=True)
class Claim(Span):
    """A check-worthy factual statement."""

    score: float = 1.0
    quantities: list[Quantity] = field(default_factory=list)
    source: Attribution | None = None


@dataclass(slots=True)
class Quote(Span):
    """Direct or reported speech, with its speaker and cue."""

    kind: str = "direct"  # "direct" or "reported"
    speaker: Attribution | None = None
    cue: Attribution | None = None
    score: float = 1.0


@dataclass(slots=True)
class Mention(Span):
    """One place an actor is named, or referred to by a pronoun or a title (``Actor.references``)."""

    alias: str = ""


@dataclass(slots=True)
class Actor:
    """A person, organisation, country, other place or group in the text."""

    name: str
    type: str  # "person", "organization", "country", "place" (a city, a state), "group", "other"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    #: where the text refers to it without its name: "she", "his", "the mayor"
    references: list[Mention] = field(default_factory=list)
    techniques: list[int] = field(default_factory=list)  # indices into Document.techniques
    quotes: list[int] = field(default_factory=list)  # indices into Document.quotes
    role: str | None = None  # "protagonist", "antagonist", "innocent"
    fine_role: str | None = None
    role_score: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
