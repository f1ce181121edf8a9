"""Groups of people a story lets speak without naming them ("the researchers said", "the local
officials warned") as actors of type group.

A quote's speaker is often such a group, and a reader asks who said it: "the researchers" are
the story's own researchers, not researchers at large. A plural noun for people (``names_people``)
made definite by "the", "these" or "those" counts where it is the subject of a verb of saying
(``_SAYING``), and no named entity or body is part of its phrase ("US officials", "Africa CDC
officials", "officials at the WHO" speak for the entity, and are its). The group is named by
its noun and the nouns and classifying words before it ("health officials", "researchers"); the
text's other definite mentions of that noun join it ("the researchers found ... the researchers
said"), a bare one the nearest group named before it. Bare plurals ("Officials said") and
singulars ("one official said") make none: they are people at large, or one person.
"""

from __future__ import annotations

from typing import Any

from unspin.components._actors_entities import EntityCluster, names_people
from unspin.components._page_chrome import in_page_chrome
from unspin.components.parse import doc_text

__all__ = ["speaking_groups"]

#: Lemmas of the verbs by which a story lets a group speak.
_SAYING = frozenset({
    "say", "tell", "write", "warn", "add", "argue", "claim", "report", "find", "conclude", "note",
    "explain", "insist", "deny", "confirm", "announce", "urge", "estimate", "state", "suggest",
    "predict", "caution", "acknowledge", "admit", "stress", "believe", "allege", "contend", "testify"})
_DEFINITE = frozenset({"the", "these", "those"})
#: Entity labels that make a phrase an entity's ("US officials", "Kremlin officials").
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Adjectives that say which group it is, kept in its name ("local officials", "senior doctors");
#: others describe it ("the angry protesters" are "protesters").
_CLASSIFYING = frozenset({
    "local", "federal", "national", "state", "regional", "municipal", "senior", "junior", "medical",
    "military", "public", "health", "foreign", "international", "independent", "chief", "elected"})
#: Plurals for people at large, not a group the story follows ("the people", "the public").
_AT_LARGE = frozenset({"people", "persons", "individuals", "others", "adults", "children", "kids", "men",
                       "women", "citizens", "humans", "folks"})


def speaking_groups(sdoc: Any, owner: dict[int, EntityCluster]) -> list[EntityCluster]:
    """The groups that speak in a spaCy doc, with all their definite mentions. ``owner``: the
    actor of each token in another actor's mention. A bare mention after one tied to an
    organisation or a country ("Researchers at Stanford University found ... The researchers
    said", "US officials ... the officials") is that actor's: it gets the mention, no group."""
    text = doc_text(sdoc)
    candidates = [t for t in sdoc if t.i not in owner and _group_noun(t, text)]
    speaking = {t.lemma_.lower() for t in candidates if _speaks(t)}
    ties = _ties(sdoc, owner, speaking)
    groups: dict[str, EntityCluster] = {}
    last: dict[str, EntityCluster] = {}  # the group of each noun named most recently
    for token in candidates:
        lemma = token.lemma_.lower()
        if lemma not in speaking:
            continue
        first = _name_start(token)
        span = (token.doc[first].idx, token.idx + len(token.text))
        tied = ties.get(lemma)
        if first == token.i and tied is not None and tied[0] < token.i and last.get(lemma) is None:
            tied[1].mentions.append(span)  # "the researchers" of Stanford University
            tied[1].labels.append("GROUP")
            continue
        name = " ".join(t.lower_ for t in token.doc[first:token.i + 1])
        group = groups.get(name)
        if group is None and first == token.i:  # "the officials": the group named so before
            group = last.get(lemma) or next(
                (g for key, g in groups.items() if key.split()[-1] == token.lower_), None)
        if group is None:
            group = groups[name] = EntityCluster(name=name, type="group")
        last[lemma] = group
        written = text[span[0]:span[1]]
        if written not in group.aliases:
            group.aliases.append(written)
        group.mentions.append(span)
        group.labels.append("GROUP")
    return list(groups.values())


#: The actors a group's own noun may be tied to ("Researchers at Stanford University").
_TYING_TYPES = frozenset({"organization", "country"})


def _ties(sdoc: Any, owner: dict[int, EntityCluster],
          lemmas: set[str]) -> dict[str, tuple[int, EntityCluster]]:
    """For each of the nouns ``lemmas``, its first plural phrase tied to an organisation or a
    country by a name before it or after a preposition ("US officials", "researchers at Stanford
    University"): the noun's index and that actor."""
    out: dict[str, tuple[int, EntityCluster]] = {}
    for token in sdoc:
        lemma = token.lemma_.lower()
        if lemma not in lemmas or lemma in out or token.tag_ != "NNS":
            continue
        for child in token.children:
            if child.i > token.i and child.dep_ != "prep":
                continue
            tied = next((owner[t.i] for t in child.subtree if t.i in owner
                         and owner[t.i].type in _TYING_TYPES), None)
            if tied is not None:
                out[lemma] = (token.i, tied)
                break
    return out


def _group_noun(token: Any, text: str) -> bool:
    """Whether a token heads a definite plural phrase for people that names no entity."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.lower_ in _AT_LARGE or not names_people(token):
        return False
    if token.dep_ in ("compound", "amod", "nmod", "poss") or in_page_chrome(text, token.idx):
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
        return False
    for child in token.children:
        if child.dep_ == "poss" or (child.i < token.i and any(t.ent_type_ in _NAMED for t in child.subtree)):
            return False  # "the council's lawyers", "the US officials": the entity's
        if child.dep_ == "prep" and any(t.ent_type_ in _NAMED for t in child.subtree):
            return False  # "the officials at the WHO", "the researchers from Stanford"
    return True


def _speaks(token: Any) -> bool:
    """Whether the phrase is the subject of a verb of saying ("the researchers said", "the
    researchers, who ..., wrote")."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in _SAYING


def _name_start(token: Any) -> int:
    """The first word of the group's name: the nouns and classifying words right before its
    noun ("health officials", "local officials"), not a number nor a describing word."""
    first = token.i
    while first > 0:
        word = token.doc[first - 1]
        if word.head.i != token.i and word.head.i != first:
            break
        if (word.dep_ == "compound" and word.pos_ == "NOUN") or word.lower_ in _CLASSIFYING:
            first -= 1
            continue
        break
    return first
