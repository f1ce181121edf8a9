"""The actors stage: who is in the text, what techniques aim at them, what they say, their role.

Actors are spaCy's PERSON, ORG, GPE and NORP entities grouped under one canonical name
(``_actors_entities``), with the bodies named by a definite common noun ("the city council",
"the council", "police") and the blocs "the West" and "Europe" (``_actors_bodies``). A
technique span is aimed at an actor when it contains one of its mentions or is attached to one
in the parse ("Assad, the butcher", "the corrupt senator", "Smith is a liar"); the span's
``target`` is then set to the actor's name. Where the text refers to an actor without naming it
("she", "his", "the mayor"; not inside a direct quotation), ``_actors_entities.references``
resolves it, the actor lists it in ``references`` (``references=False`` leaves them out), and a
technique attached to the reference is aimed at the actor. Quotes whose speaker is one of its mentions (or
resolves to it) are linked, and each actor the article makes central (``salience``: the gate in
``_actors_salience``) gets a role from the model in ``_actors_roles`` when the model is
confident enough (each role's own threshold in the role file, or one ``min_role_score`` for
all; else the role stays empty); the role model reads the technique encoder's token states at
the actors' first mentions (left by the techniques stage, else computed here). ``model`` names
a folder with the role file ``roles.npz`` and, if it has one, ``salience.json`` (default:
``unspin/models/roles``).
Techniques and quotes are used when those stages ran; neither is required. A claim that lies
in a quote with a speaker takes that speaker as its source (``quote_sources``; see
``_claims_source.sources_from_quotes``), and quote speakers and claim sources get the actor
they name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unspin.components._actors_bodies import actor_clusters
from unspin.components._actors_entities import (
    EntityCluster,
    cluster_for_span,
    in_modifier,
    mention_tokens,
    references,
)
from unspin.components._actors_roles import harmed, load_role_model, mention_vectors
from unspin.components._actors_salience import load_salience_gate, salience_features
from unspin.components._claims_source import sources_from_quotes
from unspin.components.parse import doc_text
from unspin.components.techniques import technique_states
from unspin.doc import Actor, Attribution, Document, Mention, Quote, TechniqueSpan
from unspin.errors import ModelError

__all__ = ["ActorFinder", "make_actors", "technique_targets"]

_ATTACH_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "attr", "agent",
                          "compound", "dative"})


def technique_targets(sdoc: Any, techniques: list[TechniqueSpan], clusters: list[EntityCluster],
                      refs: Sequence[tuple[EntityCluster, int, int]] = (),
                      said: Sequence[tuple[int, int, EntityCluster | None]] = ()
                      ) -> list[EntityCluster | None]:
    """For each technique span, the actor it is aimed at (or None): one named in it, else one
    attached to it by syntax, by name or by a reference (``refs``: "she", "the mayor"). A
    technique inside a quote (``said``: start and end of each quote, with one of its speakers or
    None) is aimed at an actor its words name, or the one a naming verb names ("called Acosta
    '...'"), never at its speaker: in "She called the plan 'a disgrace'", she says it of the plan.
    """
    named = [(cluster, start, end) for cluster in clusters for start, end in cluster.mentions]
    owner = mention_tokens(sdoc, [*named, *refs])
    out: list[EntityCluster | None] = []
    nears: dict[tuple[tuple[int, int], ...], set[int]] = {}  # the words of each set of quotes
    for technique in techniques:
        around = [(s, e, c) for s, e, c in said if s <= technique.start and technique.end <= e]
        speakers = [c for _, _, c in around if c is not None]
        inside = cluster_for_span(clusters, technique.start, technique.end)
        if inside is not None and inside not in speakers:
            out.append(inside)
            continue
        span = sdoc.char_span(technique.start, technique.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            out.append(None)
            continue
        allowed = owner
        if around:  # said by someone: aimed at whom the words name, or whom they are said of
            key = tuple(sorted({(s, e) for s, e, _ in around}))
            near = nears.get(key)
            if near is None:
                near = nears[key] = _quoted_words(sdoc, key)
            allowed = {i: c for i, c in owner.items() if i in near and c not in speakers}
        out.append(_attached(span, allowed))
    return out


_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
#: Verbs whose object the words after them name: "called Acosta 'a rude person'".
_NAMING_VERBS = frozenset({"call", "label", "brand", "dub", "term", "name", "describe"})
_OWNED = frozenset({"nsubj", "nsubjpass", "dobj"})


def _quoted_words(sdoc: Any, quotes: Sequence[tuple[int, int]]) -> set[int]:
    """The tokens of the quotes (start, end) and of whom their words name (``_named_by``)."""
    near: set[int] = set()
    for start, end in quotes:
        words = sdoc.char_span(start, end, alignment_mode="expand")
        near.update(range(words.start, words.end) if words is not None else ())
    return near | {c.i for t in near for c in sdoc[t].head.children if _named_by(sdoc[t], c)}


def _named_by(word: Any, other: Any) -> bool:
    """Whether quoted words (``word`` one of them) say what ``other``, a word beside them, is:
    the object of a naming verb ("called [Acosta] '...'") or the subject they are said of
    ("said [Cole] is 'a liar'")."""
    if word.head.lemma_ in _NAMING_VERBS and other.dep_ == "dobj":
        return True
    return word.dep_ in ("attr", "acomp", "oprd") and other.dep_ in ("nsubj", "nsubjpass")


def _attached(span: Any, owner: dict[int, EntityCluster]) -> EntityCluster | None:
    """An actor syntactically attached to the span: its head's subject, object, owner, apposition.

    The walk goes up three heads from the span's root; a preposition inside a noun phrase is not
    a step ("her band of [reckless bureaucrats]" reaches "band", then the "Keller" it is joined
    to), one after a verb is ("signed without [a public tender]").
    """
    token = span.root
    steps = [token]
    while len(steps) < 3 and token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.head.pos_ in _NOUNS and token.head.i != token.i:
            token = token.head
        steps.append(token)
    for token in steps:
        if token.i in owner:
            return owner[token.i]
        for child in token.children:
            if child.dep_ in _ATTACH_DEPS and child.i in owner:
                return owner[child.i]
            # "[the council's so-called plan is a betrayal]": the owner of the subject or object
            if child.dep_ in _OWNED:
                for grandchild in child.children:
                    if grandchild.dep_ == "poss" and grandchild.i in owner:
                        return owner[grandchild.i]
            # "the head of X": a preposition between
            if child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.i in owner:
                        return owner[grandchild.i]
    return None


#: Where a place's name stands when the place itself does something or has it done to it.
_ACTING = frozenset({"nsubj", "nsubjpass", "agent"})


def _acts(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a place does something or has it done to it: one of its mentions is a clause's
    subject or agent ("Leeds voted to leave", "Aleppo was shelled"), or the text shows it harmed
    ("Soldiers shelled Ruritania"). Only then is a city or a region an actor that may play a role,
    not where it is only where something happened ("the massacre in Las Vegas", "the Las Vegas
    police")."""
    if harmed(sdoc, cluster.mentions):
        return True
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ in _ACTING:
            return True
    return False


def _worked_on(actor: Actor, cluster: EntityCluster, techniques: Sequence[TechniqueSpan]) -> bool:
    """Whether the article's techniques touch the actor: one is aimed at it, or one of its
    mentions lies inside a technique span. An article casts an actor as an antagonist by how it
    writes about it; the role model alone, reading who the actor is, called a country "antagonist"
    in a plain report of its energy figures and a physicist quoted with approval a "conspirator"."""
    return bool(actor.techniques) or any(t.start <= s and e <= t.end for t in techniques
                                         for s, e in cluster.mentions)


class ActorFinder:
    """Fills ``doc.actors`` (needs the spaCy parse; uses techniques and quotes when present)."""

    name = "actors"
    requires: tuple[str, ...] = ("text", "spacy")
    assigns: tuple[str, ...] = ("actors",)

    def __init__(self, roles: bool = True, role_mentions: int = 8, model: str | None = None,
                 min_role_score: float | None = None, quote_sources: bool = True,
                 salience: bool = True, references: bool = True, role_evidence: bool = True) -> None:
        self.roles = roles
        #: Show "antagonist" only for an actor the article's techniques touch (``_worked_on``), and
        #: "innocent" only for one the text shows on the receiving end of violence (``harmed``).
        self.role_evidence = role_evidence
        self.references = references
        self.salience = salience
        self.quote_sources = quote_sources
        self.min_role_score = min_role_score
        self.role_mentions = role_mentions
        self.model_path = model

    def predict(self, sdoc: Any, techniques: list[TechniqueSpan], quotes: list[Quote],
                doc: Document | None = None) -> tuple[list[Actor], list[EntityCluster | None]]:
        """Actors and the actor each technique aims at; roles need ``doc`` (its encoder states)."""
        clusters = actor_clusters(sdoc)
        # "he" inside a quotation is the speaker's to resolve (the quotes stage does)
        quoted = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
        refs = references(sdoc, clusters, quoted) if self.references else []
        actors: dict[int, Actor] = {}
        text = doc_text(sdoc)
        for cluster in clusters:
            actors[id(cluster)] = Actor(
                name=cluster.name, type=cluster.type, aliases=list(cluster.aliases),
                mentions=[Mention(s, e, alias=text[s:e]) for s, e in cluster.mentions])
        for cluster, s, e in refs:
            actors[id(cluster)].references.append(Mention(s, e, alias=text[s:e]))
        by_name = {cluster.name: cluster for cluster in clusters}
        said: list[tuple[int, int, EntityCluster | None]] = []  # (quote start, end, a speaker)
        for index, quote in enumerate(quotes):
            cluster = _cited(clusters, by_name, quote.speaker, text, sdoc)
            speakers = [] if cluster is None else [cluster]
            for other in _joint_speakers(clusters, quote.speaker, text):
                if other not in speakers:  # "Ann Cole and Tom Reyes said": said by both
                    speakers.append(other)
            for speaker in speakers:
                actors[id(speaker)].quotes.append(index)
                said.append((quote.start, quote.end, speaker))
            if not speakers:
                said.append((quote.start, quote.end, None))
        targets = technique_targets(sdoc, techniques, clusters, refs, said)
        for index, target in enumerate(targets):
            if target is not None:
                actors[id(target)].techniques.append(index)
        if self.roles and clusters and doc is not None:
            self._assign_roles(doc, sdoc, clusters, actors)
        ordered = sorted(actors.values(), key=lambda a: (-len(a.mentions), a.mentions[0].start))
        return ordered, targets

    def _assign_roles(self, doc: Document, sdoc: Any, clusters: list[EntityCluster],
                      actors: dict[int, Actor]) -> None:
        folder = str(self.model_path) if self.model_path else None
        model = load_role_model(str(Path(folder) / "roles.npz") if folder else None)
        groups = [cluster.mentions[: self.role_mentions] for cluster in clusters]
        spans = [span for group in groups for span in group]
        vectors = mention_vectors(technique_states(doc), spans)
        wanted = model.features_after(vectors.shape[1])
        salient = [True] * len(clusters)
        if self.salience:  # an actor the article names in passing is cast in no role
            gate_file = Path(folder) / "salience.json" if folder else None
            gate = load_salience_gate(str(gate_file) if gate_file and gate_file.is_file() else None)
            salient = list(gate.salient(salience_features(clusters, len(doc.text))))
        # the techniques stage ran: its spans say whom the article works on
        evidence = self.role_evidence and "techniques" in doc.ran
        at = 0
        for cluster, group, keep in zip(clusters, groups, salient, strict=True):
            rows = vectors[at : at + len(group)]
            at += len(group)
            if not keep:
                continue
            features = (harmed(sdoc, group),) if wanted == 1 else ()
            # below its threshold a role is wrong too often to show (see the model card)
            if self.min_role_score is None:
                decided = model.predict_shown(rows, features)
            else:
                decided = model.predict(rows, features)
                decided = decided if decided[2] >= self.min_role_score else None
            actor = actors[id(cluster)]
            if decided is not None and evidence and decided[0] == "antagonist" \
                    and not _worked_on(actor, cluster, doc.techniques):
                decided = None
            if decided is not None and evidence and decided[0] == "innocent" \
                    and not harmed(sdoc, cluster.mentions):
                decided = None  # a victim is someone the text shows harmed, not a name the model pities
            if decided is not None and evidence and cluster.type == "place" and not _acts(sdoc, cluster):
                decided = None  # "the shooting in Las Vegas": where it happened plays no part
            if decided is not None:
                actor.role, actor.fine_role, actor.role_score = decided[0], decided[1], round(decided[2], 4)

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.cache.get("spacy")
        if sdoc is None:
            raise ModelError("the actors stage needs the spaCy parse; enable the 'parse' stage "
                             "before 'actors'", source=doc.id)
        doc.actors, targets = self.predict(sdoc, doc.techniques, doc.quotes, doc)
        for technique, target in zip(doc.techniques, targets, strict=True):
            if target is not None:
                technique.target = target.name
        if self.quote_sources:
            sources_from_quotes(doc.claims, doc.quotes, doc.text)
        clusters = actor_clusters(sdoc)
        by_name = {cluster.name: cluster for cluster in clusters}
        text = doc_text(sdoc)
        for who in [q.speaker for q in doc.quotes] + [c.source for c in doc.claims]:
            cluster = _cited(clusters, by_name, who, text, sdoc)
            if cluster is not None and who is not None:
                who.actor = cluster.name
        return doc


def _cited(clusters: list[EntityCluster], by_name: dict[str, EntityCluster],
           who: Attribution | None, text: str, sdoc: Any = None) -> EntityCluster | None:
    """The actor a speaker or cited source stands for: the one named in its span, else the one
    its stage resolved it to (a pronoun's or title's antecedent), else the one of its name. A
    name its stage found outside the span wins over the span's ("Keller's spokesman, Tom Reyes":
    the span is "Keller's spokesman", the speaker Tom Reyes); one that only describes the
    speaker (``in_modifier``, given the parse ``sdoc``) is not it."""
    if who is None:
        return None
    resolved = by_name.get(who.actor) if who.actor is not None else None
    if resolved is not None and not any(s < who.end and who.start < e for s, e in resolved.mentions):
        return resolved
    named = cluster_for_span(clusters, who.start, who.end, text)
    span = None if named is None or sdoc is None else sdoc.char_span(who.start, who.end,
                                                                      alignment_mode="expand")
    root = _nominal_root(span) if span is not None and len(span) else None
    if root is not None:
        # the name the phrase is about, before one that only says where it is from ("Castleford
        # manager Dean Holt": Dean Holt); a place at its root is where the speaker is from
        # ("Former Port Alder, Maine mayor ... Ruth Okafor")
        about = cluster_for_span(clusters, root.idx, root.idx + len(root.text), text)
        named = about if about is not None and about.type != "place" else named
    if root is not None and named is not None and in_modifier(sdoc, root, named, who.start, who.end):
        named = None  # "the hotel guest next to Paddock": the name only says where the guest was
    return named or resolved or by_name.get(who.name)


def _nominal_root(span: Any) -> Any:
    """The noun a source's span is about: its root, or the subject inside it when the span ends
    with the reporting verb ("The minister, speaking in Brussels, said": the minister)."""
    root = span.root
    if root.lower_ == "according":  # "according to the Italian civil protection department"
        to = next((c for c in root.children if c.lower_ == "to"), None)
        noun = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
        if noun is not None and span.start <= noun.i < span.end:
            return noun
    if root.pos_ in ("VERB", "AUX") and root.i == span.end - 1:
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                        and span.start <= c.i < span.end), None)
        return root if subject is None else subject
    return root


_JOINED = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")


def _joint_speakers(clusters: list[EntityCluster], who: Attribution | None, text: str) -> list[EntityCluster]:
    """The actors a speaker span names one by one with "and" ("Ann Cole, Tom Reyes and Lee
    Park"): the one named in each of its parts, unless a place. A span of one part names none here."""
    if who is None:
        return []
    cuts = [(m.start(), m.end()) for m in _JOINED.finditer(text, who.start, who.end)]
    found: list[EntityCluster] = []
    if cuts:
        starts, ends = [who.start] + [e for _, e in cuts], [s for s, _ in cuts] + [who.end]
        for start, end in zip(starts, ends, strict=True):
            cluster = cluster_for_span(clusters, start, end, text)
            # "Former San Antonio, Texas mayor and ...": a place is where a speaker is from
            if cluster is not None and cluster.type != "place" and cluster not in found:
                found.append(cluster)
    return found


def make_actors(roles: bool = True, role_mentions: int = 8, model: str | None = None,
                min_role_score: float | None = None, quote_sources: bool = True,
                salience: bool = True, references: bool = True, role_evidence: bool = True) -> ActorFinder:
    return ActorFinder(roles=roles, role_mentions=role_mentions, model=model,
                       min_role_score=min_role_score, quote_sources=quote_sources, salience=salience,
                       references=references, role_evidence=role_evidence)
