"""Named entities grouped into actors: one canonical name, its aliases as written, its mentions.

spaCy finds the PERSON, ORG, GPE and NORP mentions; they are grouped when one names the same
actor as another: a surname after a full name ("Bashar Al-Assad" ... "Assad"), a known
variant of a country or body ("U.S.", "the United States"), an acronym of a longer name
("FBI", "Federal Bureau of Investigation"). Pronouns and titles are resolved to the nearest
fitting actor before them (``resolve_reference``). Computed once per document and kept in
``doc.cache["entities"]`` so the quotes and actors stages share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ENTITY_TYPES",
    "EntityCluster",
    "cluster_for_span",
    "entity_clusters",
    "resolve_reference",
]

ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}

_VARIANTS: dict[str, str] = {}
for _canonical, _forms in {
    "United States": ("us", "u.s.", "usa", "u.s.a.", "america", "united states",
                      "united states of america", "the us", "the u.s.", "the united states"),
    "United Kingdom": ("uk", "u.k.", "britain", "great britain", "united kingdom"),
    "United Nations": ("un", "u.n.", "united nations"),
    "European Union": ("eu", "e.u.", "european union"),
    "Russia": ("russian federation", "russia"),
    "Soviet Union": ("ussr", "soviet union"),
    "NATO": ("nato", "north atlantic treaty organization"),
    "Democratic Party": ("democratic party", "democrats", "dems"),
    "Republican Party": ("republican party", "gop", "republicans"),
    "Americans": ("american", "americans"),
}.items():
    for _form in _forms:
        _VARIANTS[_form] = _canonical

_TITLE_WORDS = frozenset({
    "president", "vice-president", "senator", "sen.", "governor", "gov.", "minister", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "leader", "chairman",
    "chairwoman", "chair", "director", "ceo", "official", "congressman", "congresswoman",
    "representative", "rep.", "mayor", "judge", "prosecutor", "attorney", "lawyer", "ambassador",
    "general", "commander", "king", "queen", "prince", "premier", "chancellor", "founder", "chief",
    "head", "businessman", "businesswoman", "billionaire", "author", "professor", "doctor", "dr.",
    "analyst", "adviser", "advisor", "manager", "aide", "sheriff", "officer", "pope", "bishop",
    "former",
})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their"})
_STRIP = re.compile(r"^(?:the|a|an)\s+|(?:'s|’s|'|’)$", re.IGNORECASE)


@dataclass(slots=True)
class EntityCluster:
    """One actor: canonical name, type, aliases in order of appearance, mention char spans."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _STRIP.sub("", text).strip(" ,;:")
    return text


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", name.lower()) if w]


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def entity_clusters(sdoc: Any) -> list[EntityCluster]:
    """The actors of a spaCy doc (cached on the doc's ``user_data``)."""
    cached = sdoc.user_data.get("unspin_entities")
    if cached is not None:
        return cached
    clusters: list[EntityCluster] = []
    by_key: dict[str, EntityCluster] = {}
    persons: list[tuple[list[str], EntityCluster]] = []
    text = sdoc.text  # spaCy rebuilds the text on each access
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        written = _clean(ent.text)
        if not written or not any(c.isalpha() for c in written):
            continue
        start, end = ent.start_char, ent.end_char
        at = text.find(written, start, end)
        if at >= 0:  # the mention without "the" or a possessive
            start, end = at, at + len(written)
        key = _VARIANTS.get(written.lower()) or _VARIANTS.get(ent.text.lower().strip())
        cluster = by_key.get((key or written).lower())
        words = _words(written)
        if cluster is None and key is None:
            cluster = _match_person(words, persons, ent.label_)
        if cluster is None and key is None and ent.label_ == "ORG":
            cluster = _match_acronym(written, clusters)
        if cluster is None:
            cluster = EntityCluster(name=key or written, type=ENTITY_TYPES[ent.label_])
            clusters.append(cluster)
        by_key[(key or written).lower()] = cluster
        if ent.label_ == "PERSON":
            persons.append((words, cluster))
            if len(words) > len(_words(cluster.name)) and key is None:
                cluster.name = written
        if written not in cluster.aliases:
            cluster.aliases.append(written)
        cluster.mentions.append((start, end))
        cluster.labels.append(ent.label_)
    for cluster in clusters:
        majority = max(set(cluster.labels), key=cluster.labels.count)
        cluster.type = ENTITY_TYPES[majority]
    sdoc.user_data["unspin_entities"] = clusters
    return clusters


def _match_person(words: list[str], persons: list[tuple[list[str], EntityCluster]],
                  label: str) -> EntityCluster | None:
    """A person named before whose name ends with (or contains) these words: "Assad"."""
    if not words or len(words) > 3:
        return None
    for other_words, cluster in reversed(persons):
        if len(other_words) > len(words) and other_words[-len(words):] == words:
            return cluster
    if label == "PERSON" and len(words) == 2:
        # the surname came first ("Assad ... Bashar Assad"): the full name joins it
        for other_words, cluster in reversed(persons):
            if len(other_words) == 1 and words[-1:] == other_words and len(_words(cluster.name)) == 1:
                return cluster
        if label != "PERSON" and words == other_words:
            return cluster
    return None


def _match_acronym(written: str, clusters: list[EntityCluster]) -> EntityCluster | None:
    for cluster in clusters:
        if cluster.type != "organization":
            continue
        if (written.isupper() and len(written) > 1 and _acronym(cluster.name) == written) or (
                cluster.name.isupper() and _acronym(written) == cluster.name):
            return cluster
    return None


def cluster_for_span(clusters: list[EntityCluster], start: int, end: int) -> EntityCluster | None:
    """The actor with a mention inside (or overlapping) ``[start, end)``, the first one."""
    best: tuple[int, EntityCluster] | None = None
    for cluster in clusters:
        for s, e in cluster.mentions:
            if s < end and start < e and (best is None or s < best[0]):
                best = (s, cluster)
    return None if best is None else best[1]


def resolve_reference(sdoc: Any, head: Any, clusters: list[EntityCluster]) -> EntityCluster | None:
    """The actor a pronoun or a title ("he", "the senator") most likely refers to.

    The nearest actor mentioned before ``head`` within the three preceding sentences, of a
    fitting kind: a person for he/she and titles, any actor for they.
    """
    word = head.lower_
    if word in _PERSON_PRONOUNS or word in _TITLE_WORDS:
        kinds = {"person"}
    elif word in _GROUP_PRONOUNS:
        kinds = {"person", "organization", "country", "group"}
    else:
        return None
    sent_starts = [s.start_char for s in sdoc.sents if s.start_char <= head.idx]
    window = sent_starts[-4] if len(sent_starts) >= 4 else 0
    best: tuple[int, int, EntityCluster] | None = None
    for cluster in clusters:
        if cluster.type not in kinds:
            continue
        for s, _ in cluster.mentions:
            if window <= s < head.idx:
                # prefer persons for "they" only when nothing else fits: rank by distance
                rank = 0 if cluster.type in kinds else 1
                if best is None or (rank, -s) < (best[0], -best[1]):
                    best = (rank, s, cluster)
    return None if best is None else best[2]
