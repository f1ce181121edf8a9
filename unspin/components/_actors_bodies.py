"""Bodies named by a common noun ("the city council", "the government", "police") as actors.

spaCy's entities miss the institutions a story names without a proper name, often the very one
it attacks ("the council ignored them"). A noun phrase counts when its head is an institution
noun (``BODY_NOUNS``) made definite by "the", a demonstrative or a possessive ("its board"),
and no named entity is part of it: "the Syrian government", "Russia's army", "the Trump
administration" and "the government of Syria" stay with the entity they name, as before.
Generic phrases ("many companies", "a party") have no such determiner and are left out; so is
a noun used as a modifier ("council meeting"). The classifying words before the noun are part of
the name ("city council", "federal government"); evaluative ones are not ("the corrupt regime"
is "regime"). A bare mention ("the council") joins the nearest earlier mention with the same
head noun, whether a body ("the city council") or an entity ("City Council of Port Alder", the
"Syrian government" of Syria); a later more specific mention names a body first met bare.

Two blocs act in the news although spaCy calls them locations or misses them: "the West" (a
group) and "Europe" (a place); a capitalised "West" heading its phrase is the bloc, not the one
in "West Virginia" or "the West Coast".

A capital that acts or is acted on as a state ("Moscow denied it", "sanctions on Moscow") and
"the Kremlin" join the country's actor when the text names the country; "in Moscow" stays the
city.

The entities' own clusters (``entity_clusters``) are left as they are, since the quotes stage's
speaker model was trained on their mentions; the actors stage reads ``actor_clusters``.
"""

from __future__ import annotations

from bisect import bisect_right
from copy import copy
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LOWER

from unspin.components._actors_entities import (
    COMPANY_WORDS,
    PARTY_NAMES,
    TITLE_WORDS,
    US_STATES,
    EntityCluster,
    entity_clusters,
    is_headline,
    line_at,
    sentence_starts,
)
from unspin.components._actors_groups import speaking_groups
from unspin.components._given_names import is_given_name
from unspin.components._page_chrome import in_page_chrome
from unspin.components.parse import doc_text

__all__ = ["BODY_NOUNS", "actor_clusters", "body_mentions"]

#: Institution nouns (as written, singular and plural) that make a definite phrase an actor.
BODY_NOUNS = frozenset({
    "council", "councils", "government", "governments", "administration", "ministry", "ministries",
    "department", "police", "army", "armies", "military", "navy", "court", "courts", "parliament",
    "senate", "congress", "committee", "committees", "commission", "agency", "agencies",
    "authorities", "regime", "regimes", "party", "parties", "company", "companies", "corporation",
    "firm", "board", "union", "unions", "cabinet", "legislature", "junta", "tribunal", "bureau",
    "opposition", "coalition", "alliance", "organization", "organisation", "authority",
    "airline", "airlines", "carrier", "regulator", "regulators", "watchdog", "service",
})
#: What a public service that is a body does ("the fire service", "the ambulance service"): a
#: "service" is a body only with one of these before it, not "the memorial service".
_SERVICE_KINDS = frozenset({"fire", "rescue", "ambulance", "health", "prison", "probation", "security",
                            "intelligence", "emergency", "civil", "diplomatic", "secret", "weather",
                            "meteorological", "coastguard", "postal", "immigration", "border", "police",
                            "forestry", "park", "parks", "revenue", "tax"})
#: Nouns that say which government's "cabinet" it is ("the war cabinet"); another noun before it
#: makes it a piece of furniture ("the medicine cabinet", "the filing cabinet").
_CABINETS = frozenset({"shadow", "war", "security", "coalition", "kitchen", "government", "unity",
                       "caretaker", "opposition", "party", "state"})
#: Bodies a country's or a city's people form, not its state: a place that owns one ("Britain's
#: largest rail union") is where it is, no name of it; "Russia's army" is Russia's.
_PEOPLES_BODIES = frozenset({"union", "unions", "company", "companies", "corporation", "firm", "airline",
                             "airlines", "carrier"})
#: Nouns for a kind of company by which a story calls one again ("Thames Water ... the utility",
#: "Nvidia ... the chipmaker"): a body only where they refer back to it.
_FIRM_NOUNS = frozenset({"utility", "lender", "insurer", "retailer", "carmaker", "automaker", "chipmaker",
                         "drugmaker", "planemaker", "supermarket", "miner", "broadcaster"})
#: Nouns that are a body only as a bare phrase that refers back to an organisation the text
#: named ("Harbour Trust Bank ... the bank", "Hamas ... the group", "Getafe ... the club"); alone
#: they are too often something else ("the river bank", "the age group", "the golf club").
_REFERRING_NOUNS = frozenset({"bank", "group", "club"}) | frozenset(_FIRM_NOUNS) | frozenset({
    # "Stanford University ... from the university", "Covenant Hospital ... a spokesperson for the
    # hospital", "the Nigeria Centre for Disease Control ... the centre", "Oxfam ... the charity"
    "university", "hospital", "centre", "center", "charity"})
#: Nouns by which a story calls a company again only with a word before them that says what it
#: makes or does ("Korvane ... the tech giant", "the games-console maker", "the fund manager"),
#: each with the words it takes (None: any noun or adjective). A body only where they refer back
#: to the one company named; "the giant" or "the manager" alone is none.
_EPITHETS: dict[str, frozenset[str] | None] = {
    "giant": None, "maker": None,
    "manager": frozenset({"fund", "asset", "investment", "wealth", "hedge"}),
    # "Harlow Foods ... the supermarket chain"; not "the supply chain", "the food chain"
    "chain": frozenset({"supermarket", "grocery", "retail", "restaurant", "hotel", "coffee", "pub",
                        "pharmacy", "bakery", "fashion", "clothing", "cinema", "fast-food", "burger",
                        "pizza", "store", "department"}),
}
#: What a kind of firm is called, and the words its name holds ("the airline" is "SkyLark Air").
_AIRLINE_WORDS = frozenset({"air", "airlines", "airline", "airways", "jet", "aviation"})
_TRADE_NAMES: dict[str, frozenset[str]] = {"airline": _AIRLINE_WORDS, "carrier": _AIRLINE_WORDS}
#: Nouns that name a body only with a classifying modifier or an antecedent: "the port
#: authority", not "the authority to decide"; "the organisation" that refers back to the UN.
_MODIFIED_ONLY = frozenset({"authority", "organization", "organisation"})
#: Plurals that alone are the sides of a dispute or any such bodies ("It is for the parties to
#: settle this"), no actor; with a classifier they name one ("the opposition parties").
_GENERIC_PLURALS = frozenset({"parties", "companies", "governments", "councils", "courts", "agencies",
                              "committees", "ministries", "armies", "regimes", "airlines"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Possessives that give a body to a person ("her government", "whose party"): two such phrases
#: may be two bodies. "Its board" and "our government" keep one owner through a text.
_PERSONAL_OWNERS = frozenset({"his", "her", "whose"})
#: A noun in these relations describes another noun ("council meetings", "police groups").
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
#: Adjectives that say which body it is, kept in its name ("the federal government").
_CLASSIFIERS = frozenset({
    "federal", "national", "local", "central", "municipal", "regional", "provincial", "supreme",
    "military", "interim", "transitional", "constitutional", "high", "electoral", "ruling",
    "presidential", "parliamentary", "judicial", "legislative", "executive", "international",
    "communist", "socialist", "state", "district", "county", "city", "appeals", "intelligence",
    "civil",
})
_BODY_TYPE = "organization"
#: The kind of body a bare noun describes ("the firm" is a company), for ``_described_antecedent``.
_DESCRIBED_KINDS = {
    "company": "company", "firm": "company", "corporation": "company", "group": "group", "club": "club",
    "bank": "bank", "ministry": "ministry", "agency": "agency", "party": "party",
    "organization": "organization", "organisation": "organization",
    "regulator": "agency", "watchdog": "agency",  # "Ofcom ... the regulator", "the watchdog"
    "union": "union",  # "Unite said ... The union represents"
    "charity": "charity",  # "Medecins Sans Frontieres said ... The charity warned"
    **dict.fromkeys(_FIRM_NOUNS, "company"),  # "Thames Water ... the utility"
    **dict.fromkeys(_EPITHETS, "company"),  # "Korvane ... the tech giant"
}
#: Words of a name that show the organisation is of a kind ("Harbour Trust Bank" is a bank).
_KIND_WORDS: dict[str, frozenset[str]] = {
    "bank": frozenset({"bank", "bancorp", "banking"}),
    "ministry": frozenset({"ministry"}),
    "agency": frozenset({"agency", "department", "bureau", "service", "commission", "authority", "office",
                         "institute", "organization", "organisation", "administration",
                         # "the Nigeria Centre for Disease Control ... The agency urged"
                         "centre", "center", "centres", "centers", "institutes"}),
    "party": frozenset({"party"}),
}
#: Parties whose names hold no "party" ("Labour ... the party").
_PARTY_NAMES = PARTY_NAMES
#: Words of a name that make an organisation public, civic or a newsroom rather than a company,
#: and no "group" either where they are public ("the company" is not the "Health Ministry").
_PUBLIC_WORDS = frozenset({
    "ministry", "department", "council", "government", "court", "police", "army", "navy", "force",
    "forces", "parliament", "senate", "congress", "assembly", "agency", "bureau", "commission",
    "committee", "administration", "authority", "office", "university", "college", "school",
    "hospital", "party", "church", "nations", "union", "federation", "league", "association",
    "foundation", "institute", "society", "service", "board", "cabinet", "tribunal", "times", "post",
    "news", "journal", "tribune", "herald", "guardian", "telegraph", "gazette", "press", "magazine",
    "regulator", "regulators", "watchdog",
    # "the National Institutes of Health", "the Centers for Disease Control", "the Mayo Clinic"
    "institutes", "centre", "center", "centres", "centers", "clinic", "infirmary",
})
#: Company words that other bodies' names hold as well ("Amnesty International").
_NOT_ONLY_COMPANIES = frozenset({"international", "global", "&", "group", "media", "partners"})
#: Words that make an organisation a civic or political group rather than a state's body.
_STATE_WORDS = _PUBLIC_WORDS - {"union", "federation", "league", "association", "foundation",
                                "institute", "society", "church", "school", "college", "university",
                                "centre", "center", "centres", "centers", "clinic", "infirmary"}
#: A subject or an owner: how a group the text goes on to call "the group" acts.
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
#: A subject, an owner or an object: how a company the text goes on to call "the company" acts
#: or is acted on ("Regulators fined Meta ... The company said it would appeal").
_ACTED_ON_DEPS = _ACTING_DEPS | {"dobj"}
#: The relations of the words a plain "the company" may have: "the", "'s", a preposition.
_PLAIN_DEPS = frozenset({"det", "case", "punct", "prep"})
#: Who speaks for a body named before them ("UN spokesman Erik Dahl said").
_VOICES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "chief",
                     "head", "representative", "envoy"})
#: How many sentences before the one of a bare "the company" its antecedent may be named in.
_DESCRIBED_SENTENCES = 3
#: Entities that own the body they modify; a date or a number ("the 12-member council") does not.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Blocs that act in the news but that spaCy calls locations, not GPEs: name and actor type.
_BLOCS = {"west": ("West", "group"), "europe": ("Europe", "place")}
_KINDS_TO_JOIN = frozenset({"organization", "country", "group", "place"})


@dataclass(slots=True)
class _Found:
    """One body mention: its character span, its head noun and its name as written."""

    start: int
    end: int
    head: str
    name: str
    #: capitalised only as the first word of a sentence ("Police said")
    opens_sentence: bool = False
    #: a body only when it refers back to one ("the authority" after "the Port Authority")
    needs_antecedent: bool = False
    #: "the" and the noun alone, which may refer back to a name ("the company"); not one an
    #: owner, a word or a clause describes ("Trump's party", "the other party", "the party
    #: where it happened"), nor one set beside a name ("the Review Board, the agency ...")
    plain: bool = False

    @property
    def bare(self) -> bool:
        return self.name.lower() == self.head


def body_mentions(sdoc: Any, text: str) -> list[_Found]:
    """The definite common-noun body mentions of a spaCy doc (whose text is ``text``), in order."""
    out = []
    for token in _tokens_among(sdoc, BODY_NOUNS | _REFERRING_NOUNS | frozenset(_EPITHETS)):
        if token.lower_ in _EPITHETS:
            epithet = _epithet(token, text)
            if epithet is not None:
                out.append(epithet)
            continue
        if token.pos_ not in ("NOUN", "PROPN") or _tagged(token) or in_page_chrome(text, token.idx):
            continue  # nor one in the page's furniture ("Related: Police chief resigns")
        if token.dep_ in _MODIFIER_DEPS or not _definite(token) or _names_entity(token) or _in_title(token) \
                or _predicate(token):
            continue
        if any(c.dep_ == "poss" and c.lower_ in _PERSONAL_OWNERS for c in token.children):
            continue  # "her government", "whose party": as many bodies as owners, none named
        # a Title-Case headline parses into long false compounds ("Warrants Show Police")
        first = token.i if is_headline(line_at(text, token.idx)) else _name_start(token)
        if token.lower_ == "service" and not any(t.lower_ in _SERVICE_KINDS for t in sdoc[first:token.i]):
            continue  # "the memorial service", "the service was held": no body
        if token.lower_ == "cabinet" and any(t.is_lower and t.pos_ == "NOUN" and t.lower_ not in _CABINETS
                                             for t in sdoc[first:token.i]):
            continue  # "access to the medicine cabinet", "the filing cabinet": furniture
        by_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        referring = token.lower_ in _REFERRING_NOUNS
        if referring and (first != token.i or not by_the or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children)):
            continue  # "the food bank", "the group of people", "this group": no name of the text's
        start, end = sdoc[first].idx, token.idx + len(token.text)
        out.append(_Found(start, end, token.lower_, " ".join(t.text for t in sdoc[first:token.i + 1]),
                          sdoc[first].is_sent_start,
                          referring or (first == token.i and token.lower_ in _MODIFIED_ONLY),
                          by_the and _plain(token)))
    return out


def _epithet(token: Any, text: str) -> _Found | None:
    """A company called again by what it makes or does ("The tech giant said", "the Xbox
    maker"): "the", the words ``_EPITHETS`` allow and the noun, with nothing else but a
    possessive ending or a preposition; a body only where it refers back to one company."""
    if token.pos_ != "NOUN" or token.dep_ in _MODIFIER_DEPS or _predicate(token) or token.dep_ == "appos" \
            or in_page_chrome(text, token.idx):
        return None
    allowed = _EPITHETS[token.lower_]
    words = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "amod")]
    if not words or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if allowed is not None and not all(c.lower_ in allowed for c in words):
        return None
    if any(c.lower_ in ("other", "another", "same") for c in words) or not all(
            c.dep_ in _PLAIN_DEPS | {"compound", "amod"} and not (c.dep_ == "prep" and c.lower_ == "of")
            for c in token.children):
        return None
    first = min(c.i for c in words)
    doc = token.doc
    return _Found(doc[first].idx, token.idx + len(token.text), token.lower_,
                  " ".join(t.text for t in doc[first:token.i + 1]), doc[first - 1].is_sent_start, True, True)


def _called_person(sdoc: Any, found: _Found) -> bool:
    """Whether the text set the noun of an epithet beside a person's name before it ("Marcus
    Delvecchio, a former hedge fund manager,"): then "the fund manager" is that person, no firm."""
    for token in sdoc:
        if token.idx >= found.start:
            return False
        if token.lower_ == found.head and token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            return True
    return False


def _predicate(token: Any) -> bool:
    """Whether a body noun only says what its clause's subject is ("his party was now the main
    opposition"), no body of its own; not in a cleft ("it was the council that ...")."""
    return token.dep_ == "attr" and not any(c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "this", "that")
                                            for c in token.head.children)


def _tagged(token: Any) -> bool:
    """Whether a token lies in an entity the actors read as one: any but an organisation written
    without a capital but for its article ("the health ministry said", "The ministry later
    raised", which the recogniser tags and the entities leave out, as they leave out every name
    in lower case), read here as a body noun's phrase."""
    if not token.ent_type_:
        return False
    if token.ent_type_ != "ORG":
        return True
    doc = token.doc
    first, last = token.i, token.i + 1
    while doc[first].ent_iob_ == "I":
        first -= 1
    while last < len(doc) and doc[last].ent_iob_ == "I":
        last += 1
    return any(c.isupper() for t in doc[first:last] if t.lower_ not in ("the", "a", "an") for c in t.text)


def _plain(token: Any) -> bool:
    """Whether a body noun stands with no more than its article, a possessive ending and a
    preposition other than "of" ("the company's", "the party in power"), and beside no name."""
    if token.dep_ == "appos":
        return False
    return all(c.dep_ in _PLAIN_DEPS and not (c.dep_ == "prep" and c.lower_ == "of")
               for c in token.children)


def _tokens_among(sdoc: Any, words: frozenset[str] | dict[str, Any]) -> list[Any]:
    """The tokens written as one of ``words`` (any case), found on the lower-case ids at once:
    a Python loop over every token costs more than the rest of the stage's search."""
    ids = np.fromiter((sdoc.vocab.strings[w] for w in words), dtype=np.uint64, count=len(words))
    return [sdoc[int(i)] for i in np.flatnonzero(np.isin(sdoc.to_array(LOWER), ids))]


def _definite(token: Any) -> bool:
    """Made definite by "the", a demonstrative or a possessive; "police" needs none."""
    if token.lower_ == "police":
        return not any(c.dep_ == "det" and c.lower_ not in _DEFINITE for c in token.children)
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in token.children)


def _names_entity(token: Any) -> bool:
    """Whether a named entity is part of the phrase ("Russia's army", "the government of Syria")
    or follows it as its name ("the company Baillie Gifford", "the newspaper The Guardian"). A
    place that owns a body of its people, not of its state ("Britain's largest rail union"),
    is where the body is, no name of it."""
    if _named_next(token) is not None or _named_before(token) is not None:
        return True
    for child in token.children:
        if child.dep_ == "poss" and child.ent_type_ == "GPE" and token.lower_ in _PEOPLES_BODIES:
            continue
        if child.i < token.i and any(t.ent_type_ in _NAMED and _tagged(t) for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                g.dep_ == "pobj" and g.ent_type_ in _NAMED for g in child.children):
            return True
    return False


def _named_next(token: Any) -> Any | None:
    """The named entity's first token right after a body noun that it names ("the company
    [Baillie Gifford]", "the firm [Acme Holdings]"), or set beside it after a comma ("Britain's
    largest rail union, the [RMT],"), or None."""
    doc = token.doc
    at = token.i + 1
    beside = at < len(doc) and doc[at].text == ","
    at += beside
    while at < len(doc) and doc[at].lower_ == "the" and doc[at].ent_iob_ != "B":
        at += 1  # "the newspaper The Guardian", its article outside the entity
    if at >= len(doc) or doc[at].ent_iob_ != "B" or doc[at].ent_type_ not in _NAMED:
        return None
    name = doc[at : at + 1]
    while name.end < len(doc) and doc[name.end].ent_iob_ == "I":
        name = doc[at : name.end + 1]
    if beside:  # set beside the noun, not the next of a list ("the union, the RMT and Aslef")
        return doc[at] if name.root.dep_ == "appos" and name.root.head.i == token.i \
            and not any(c.dep_ in ("conj", "cc") for c in name.root.children) else None
    return doc[at] if name.root.head.i == token.i or token.head.i == name.root.i else None


def _named_before(token: Any, untagged: bool = False) -> Any | None:
    """The named entity's token that a body noun after it is set beside ("[Gavi], the vaccine
    alliance, said"), or None; with ``untagged``, also a capitalised word the recogniser left
    untagged, which may be an actor all the same ("Unite, the union,": ``_cued_bodies``)."""
    head = token.head
    if token.dep_ != "appos" or head.i >= token.i \
            or (head.ent_type_ not in _NAMED and not (untagged and head.text[:1].isupper())) or any(
            c.dep_ in ("conj", "cc") for t in (token, head) for c in t.children):
        return None  # not one of a list ("Putin, Lavrov, the Russian government, ...")
    return head


def _in_title(token: Any) -> bool:
    """Part of a formal title: "Chairman of the Board" (a capitalised title word, then "of")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    title = prep.head
    return title.text[:1].isupper() and title.lower_ in TITLE_WORDS


def _name_start(token: Any) -> int:
    """The first token of the name: the classifying words right before the noun."""
    first = token.i
    doc = token.doc
    while first > 0:
        before = doc[first - 1]
        if before.head.i != token.i and not (before.head.i == first and (
                before.dep_ == "compound" or (before.dep_ == "amod" and before.lower_ in _CLASSIFIERS))):
            break  # "the state's civil defence agency": "civil" qualifies "defence"
        noun = before.dep_ == "compound" and before.pos_ in ("NOUN", "PROPN")
        if not noun and not (before.dep_ in ("amod", "compound") and before.lower_ in _CLASSIFIERS):
            break
        first -= 1
    return first


def actor_clusters(sdoc: Any) -> list[EntityCluster]:
    """The actors of a spaCy doc: the entities' clusters (copied) and the common-noun bodies.

    Cached on the doc's ``user_data`` apart from ``entity_clusters``, which stay as they are.
    """
    cached = sdoc.user_data.get("unspin_actors")
    if cached is not None:
        return cached
    clusters = [_copied(cluster) for cluster in entity_clusters(sdoc)]
    text = doc_text(sdoc)
    described = _named_bodies(sdoc, clusters)
    clusters = _capitals_as_states(sdoc, clusters)
    joinable = [c for c in clusters if c.type in _KINDS_TO_JOIN]
    bodies: list[EntityCluster] = []
    # a noun set beside an untagged name is that name's already ("Unite, the union,")
    taken = {m for c in clusters for m, label in zip(c.mentions, c.labels, strict=True) if label == "BODY"}
    for found in body_mentions(sdoc, text):
        if (found.start, found.end) in taken:
            continue
        if found.head in _EPITHETS:  # "the tech giant": the one company named before, else none
            if _called_person(sdoc, found):
                continue  # "Delvecchio, a former hedge fund manager, ... the fund manager": him
            cluster = _described_antecedent(found, joinable + bodies, sdoc)
        elif found.bare:
            cluster = (_antecedent(found, joinable + bodies, text)
                       or _described_antecedent(found, joinable + bodies, sdoc))
        else:  # "Britain's largest rail union said", after "..., the RMT,": the RMT
            cluster = (described.get(found.name.lower()) or _specific(found, bodies)
                       or _described_letters(found, joinable, sdoc))
        if cluster is None and (found.needs_antecedent or (found.bare and found.head in _GENERIC_PLURALS)):
            continue
        if cluster is None:
            cluster = EntityCluster(name=_common(found), type=_BODY_TYPE)
            bodies.append(cluster)
        if found.name not in cluster.aliases:
            cluster.aliases.append(found.name)
        cluster.mentions.append((found.start, found.end))
        cluster.labels.append("BODY")
    clusters = _join_capitalised_nouns(clusters, bodies, text)
    for cluster in (*clusters, *bodies):
        order = sorted(range(len(cluster.mentions)), key=lambda i: cluster.mentions[i])
        cluster.mentions = [cluster.mentions[i] for i in order]
        cluster.labels = [cluster.labels[i] for i in order]
    clusters.extend(bodies)
    clusters.extend(_blocs(sdoc))
    clusters.extend(speaking_groups(sdoc, _token_owners(sdoc, clusters)))
    sdoc.user_data["unspin_actors"] = clusters
    return clusters


def _token_owners(sdoc: Any, clusters: list[EntityCluster]) -> dict[int, EntityCluster]:
    """The actor of each token in an actor's mention."""
    out: dict[int, EntityCluster] = {}
    for cluster in clusters:
        for start, end in cluster.mentions:
            span = sdoc.char_span(start, end, alignment_mode="expand")
            out.update(dict.fromkeys(range(span.start, span.end), cluster) if span is not None else {})
    return out


#: Body nouns that the recogniser calls an organisation when written with a capital ("the
#: Council would review it") and that then refer back like the noun in lower case; not those that
#: are a country's own body named alone as often ("Congress", "Parliament", "the Senate").
_CAPITALISED_NOUNS = frozenset({
    "council", "court", "government", "police", "ministry", "department", "committee", "commission",
    "agency", "board", "authority", "tribunal", "bureau", "cabinet", "company", "firm"})


def _join_capitalised_nouns(clusters: list[EntityCluster], bodies: list[EntityCluster],
                            text: str) -> list[EntityCluster]:
    """An entity named only by a capitalised body noun ("The city council voted ... the Council
    would review it") joins the actor of the nearest earlier mention with that head noun, as the
    noun in lower case does (``_antecedent``); left alone where no such mention comes before it."""
    out = []
    for cluster in clusters:
        words = {alias.lower() for alias in cluster.aliases}
        if cluster.type != _BODY_TYPE or len(words) != 1 or not words <= _CAPITALISED_NOUNS \
                or set(cluster.labels) != {"ORG"}:
            out.append(cluster)
            continue
        start, end = min(cluster.mentions)
        head = next(iter(words))
        others = [c for c in (*clusters, *bodies) if c is not cluster and c.type in _KINDS_TO_JOIN]
        owner = _antecedent(_Found(start, end, head, text[start:end]), others, text)
        if owner is None:
            out.append(cluster)
            continue
        owner.mentions.extend(cluster.mentions)
        owner.labels.extend(cluster.labels)
        owner.aliases.extend(a for a in cluster.aliases if a not in owner.aliases)
    return out


#: Capitals the news names a state by ("Moscow denied ...", "talks with Beijing"), with the
#: names of their country. Left out: capitals whose country is disputed or ambiguous
#: ("Jerusalem", "Brussels": Belgium or the EU), and those that are as often a person's name or
#: another country's city ("Sofia", "Victoria", "Wellington", "Santiago", "Tripoli", "Kingston").
_CAPITALS: dict[str, frozenset[str]] = {
    city: frozenset(countries.split("|")) for city, countries in {
        "moscow": "russia|russian federation", "kremlin": "russia|russian federation",
        "washington": "united states|u.s.|us|usa|america|united states of america",
        "kyiv": "ukraine", "kiev": "ukraine", "beijing": "china", "tehran": "iran",
        "damascus": "syria", "london": "britain|united kingdom|uk|u.k.|great britain",
        "paris": "france", "berlin": "germany", "ankara": "turkey|türkiye",
        "pyongyang": "north korea", "seoul": "south korea", "tokyo": "japan",
        "riyadh": "saudi arabia", "baghdad": "iraq", "kabul": "afghanistan",
        "caracas": "venezuela", "havana": "cuba", "minsk": "belarus", "warsaw": "poland",
        "budapest": "hungary", "new delhi": "india", "islamabad": "pakistan", "cairo": "egypt",
        "ottawa": "canada", "canberra": "australia", "rome": "italy", "madrid": "spain",
        "athens": "greece", "stockholm": "sweden", "helsinki": "finland", "oslo": "norway",
        "copenhagen": "denmark", "tallinn": "estonia", "riga": "latvia", "vilnius": "lithuania",
        "baku": "azerbaijan", "yerevan": "armenia", "tbilisi": "georgia", "chisinau": "moldova",
        "belgrade": "serbia", "pristina": "kosovo", "vienna": "austria", "prague": "czech republic|czechia",
        "bratislava": "slovakia", "bucharest": "romania", "lisbon": "portugal", "dublin": "ireland",
        "astana": "kazakhstan", "tashkent": "uzbekistan", "bishkek": "kyrgyzstan", "dushanbe": "tajikistan",
        "amman": "jordan", "beirut": "lebanon", "doha": "qatar", "abu dhabi": "united arab emirates|uae",
        "muscat": "oman", "sanaa": "yemen", "khartoum": "sudan", "addis ababa": "ethiopia",
        "asmara": "eritrea", "nairobi": "kenya", "kampala": "uganda", "kigali": "rwanda",
        "kinshasa": "democratic republic of congo|democratic republic of the congo|drc|dr congo",
        "abuja": "nigeria", "accra": "ghana", "dakar": "senegal", "bamako": "mali",
        "niamey": "niger", "ouagadougou": "burkina faso", "algiers": "algeria", "rabat": "morocco",
        "tunis": "tunisia", "pretoria": "south africa", "harare": "zimbabwe", "hanoi": "vietnam",
        "bangkok": "thailand", "manila": "philippines|the philippines", "jakarta": "indonesia",
        "kuala lumpur": "malaysia", "dhaka": "bangladesh", "kathmandu": "nepal", "colombo": "sri lanka",
        "naypyidaw": "myanmar", "taipei": "taiwan", "brasilia": "brazil", "buenos aires": "argentina",
        "bogota": "colombia", "managua": "nicaragua", "mexico city": "mexico",
        "mogadishu": "somalia", "juba": "south sudan", "n'djamena": "chad", "quito": "ecuador",
        "montevideo": "uruguay", "asuncion": "paraguay", "nicosia": "cyprus", "valletta": "malta",
        "ljubljana": "slovenia", "zagreb": "croatia", "sarajevo": "bosnia|bosnia and herzegovina",
        "skopje": "north macedonia", "tirana": "albania", "podgorica": "montenegro", "bern": "switzerland",
        "luanda": "angola", "maputo": "mozambique", "lusaka": "zambia", "lilongwe": "malawi",
        "windhoek": "namibia", "gaborone": "botswana", "freetown": "sierra leone", "monrovia": "liberia",
        "conakry": "guinea", "yaounde": "cameroon", "ashgabat": "turkmenistan", "ulaanbaatar": "mongolia",
        "vientiane": "laos", "phnom penh": "cambodia",
    }.items()
}
#: US states whose name in a text shows it is about the states, so "Washington" may be one
#: ("Washington's Attorney General"); "New York" and "Georgia" are as often a city or a country.
_OTHER_STATES = US_STATES - {"washington", "new york", "georgia"}
#: Relations in which a capital acts or is acted on as a state: its subject, owner, object.
_STATE_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj", "dative"})
#: Prepositions before a capital that stands for its state ("talks with Moscow", "sanctions on
#: Tehran"), where "in Moscow" or "to Moscow" is the city.
_STATE_PREPOSITIONS = frozenset({"with", "against", "on", "by", "toward", "towards", "between", "for"})


def _capitals_as_states(sdoc: Any, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """Join a capital's mentions that stand for its state ("Moscow denied it", "Moscow's
    response", "sanctions on Moscow") to the country's actor, when the text names the country;
    "the Kremlin" always. Its other mentions ("in Moscow") stay the city (a place, also where
    the entity recogniser called it a person); a capital left with none is dropped."""
    countries = [c for c in clusters if c.type == "country"]
    if not countries:
        for cluster in clusters:  # "a paediatrician in Bamako", which the recogniser calls a body
            if cluster.type == "organization" and cluster.name.lower() in _CAPITALS.keys() - {"kremlin"} \
                    and all(_in_place_at(sdoc, m) for m in cluster.mentions):
                cluster.type = "place"
        return clusters
    # "Washington" is the state as well: where the text names another US state, leave it alone
    us_states = any(c.type == "place" and c.name.lower() in _OTHER_STATES for c in clusters)
    kept: list[EntityCluster] = []
    for cluster in clusters:
        key = cluster.name.lower().removeprefix("the ")
        names = _CAPITALS.get(key)
        if key == "washington" and (us_states or cluster.type == "person"):
            names = None  # and the entity recogniser takes "Kyiv" for a person at times
        country = None if names is None else next(
            (c for c in countries if any(n.lower().removeprefix("the ") in names
                                         for n in (c.name, *c.aliases))), None)
        if country is None:
            kept.append(cluster)
            continue
        stay: list[int] = []
        for i, (start, end) in enumerate(cluster.mentions):
            span = sdoc.char_span(start, end, alignment_mode="expand")
            # a capital the recogniser called a body acts as its state, unless it is where something
            # is ("the bishops of Buenos Aires"); "the Kremlin" is never a place
            body = span is not None and cluster.type == "organization" and (
                key == "kremlin" or not _in_place(span.root))
            after = doc_text(sdoc)[end:end + 60].lstrip(" ,").lower()
            if span is None or doc_text(sdoc)[start:end].isupper() or not (body or _as_state(span.root)) \
                    or any(after.startswith(n.lower()) for n in (country.name, *country.aliases)):
                stay.append(i)  # "WASHINGTON —": a dateline; "Monrovia, Liberia": the city
                continue
            country.mentions.append((start, end))
            country.labels.append(cluster.labels[i])
            written = " ".join(doc_text(sdoc)[start:end].split())
            if written not in country.aliases:
                country.aliases.append(written)
        if stay:
            cluster.mentions = [cluster.mentions[i] for i in stay]
            cluster.labels = [cluster.labels[i] for i in stay]
            if cluster.type == "person" or (cluster.type == "organization" and key != "kremlin"):
                cluster.type = "place"  # what stays is where something is ("in Bamako")
            kept.append(cluster)
    return kept  # the mentions moved are put in order with the others by ``actor_clusters``


def _in_place_at(sdoc: Any, mention: tuple[int, int]) -> bool:
    """``_in_place`` for a mention given as (start, end) characters."""
    span = sdoc.char_span(*mention, alignment_mode="expand")
    return span is not None and len(span) > 0 and _in_place(span.root)


def _in_place(token: Any) -> bool:
    """Whether a capital's word is the city something is in or of ("in Lyon", "the Archbishop of
    Buenos Aires", "the Buenos Aires bishops")."""
    return token.dep_ == "compound" or (
        token.dep_ == "pobj" and token.head.lower_ in ("of", "in", "at", "from", "near", "to"))


def _as_state(token: Any) -> bool:
    """Whether a capital's word acts or is acted on in its sentence, as a state does."""
    while token.dep_ == "conj" and token.head.i != token.i:  # "Moscow and Beijing have ..."
        token = token.head
    if token.dep_ in _STATE_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _STATE_PREPOSITIONS


def _named_bodies(sdoc: Any, clusters: list[EntityCluster]) -> dict[str, EntityCluster]:
    """Give each entity a body noun that names it ("the company Baillie Gifford", "Gavi, the
    vaccine alliance,") as a mention, so that a later "the company" refers to it; an entity so
    described as a body is no person. Returns the entity of each phrase so set beside a name
    with the classifying words before its noun ("rail union" of "Britain's largest rail union,
    the RMT"), in lower case, for a later mention of the phrase alone to join."""
    described: dict[str, EntityCluster] = {}
    owner = {start: cluster for cluster in clusters for start, _ in cluster.mentions}
    for token in _tokens_among(sdoc, BODY_NOUNS | _REFERRING_NOUNS):
        if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ or not _definite(token):
            continue
        named = _named_next(token)
        cluster = None if named is None else owner.get(named.idx)
        before = _named_before(token, untagged=True) if named is None else None
        if before is not None:  # "Gavi, the vaccine alliance,": the mention that holds its head
            cluster = next((c for c in clusters for s, e in c.mentions if s <= before.idx < e
                            and c.type != "person"), None)
        if cluster is None or (cluster.type == "person" and _has_given_name(cluster.name)):
            continue  # "The firm Ellingstad works for" (parsed as one phrase): Susan Ellingstad
        cluster.mentions.append((token.idx, token.idx + len(token.text)))
        cluster.labels.append("BODY")
        if cluster.type == "person" or (cluster.type == "place" and token.lower_ not in _PLACE_BODIES):
            cluster.type = _BODY_TYPE  # "the water regulator Ofwat", which the recogniser calls a place
        first = _name_start(token)
        if first < token.i:
            described.setdefault(" ".join(t.lower_ for t in sdoc[first:token.i + 1]), cluster)
    return described


#: Body nouns by which a text may call a place's own government ("Ruritania, the regime,"): a
#: place set beside one stays a place; beside another ("the water regulator Ofwat") it is a body.
_PLACE_BODIES = frozenset({"council", "councils", "government", "governments", "administration", "authority",
                           "authorities", "regime", "regimes", "police"})


def _has_given_name(name: str) -> bool:
    """Whether a name opens with a common given name ("Susan Ellingstad", not "Baillie Gifford")."""
    words = name.split()
    return len(words) > 1 and is_given_name(words[0])


def _blocs(sdoc: Any) -> list[EntityCluster]:
    """The blocs that spaCy calls locations or misses ("the West", "Europe"): one actor each.

    A capitalised word of ``_BLOCS`` heading its phrase is the bloc; in a name it modifies
    ("West Virginia", "the West Coast") or one spaCy labels otherwise ("Kanye West") it is not.
    """
    found: dict[str, EntityCluster] = {}
    for token in _tokens_among(sdoc, _BLOCS):
        kind = _BLOCS[token.lower_]
        if not token.text[:1].isupper() or token.ent_type_ not in ("", "LOC") or token.dep_ in _MODIFIER_DEPS:
            continue
        cluster = found.setdefault(kind[0], EntityCluster(name=kind[0], type=kind[1]))
        if token.text not in cluster.aliases:
            cluster.aliases.append(token.text)
        cluster.mentions.append((token.idx, token.idx + len(token.text)))
        cluster.labels.append("BLOC")
    return list(found.values())


def _common(found: _Found) -> str:
    """The name in lower case where only its place at a sentence's start capitalised it."""
    words = found.name.split(" ")
    if found.opens_sentence and all(w.islower() for w in words[1:]) and words[0][1:].islower():
        return found.name[0].lower() + found.name[1:]
    return found.name


def _copied(cluster: EntityCluster) -> EntityCluster:
    """A copy whose lists can grow without touching the entities' cache."""
    twin = copy(cluster)
    twin.aliases, twin.mentions = list(cluster.aliases), list(cluster.mentions)
    twin.labels = list(cluster.labels)
    return twin


def _specific(found: _Found, bodies: list[EntityCluster]) -> EntityCluster | None:
    """The body of this name, else one met bare so far ("the council" ... "the city council"),
    which takes this more specific name."""
    key = found.name.lower()
    for cluster in bodies:
        if cluster.name.lower() == key:
            return cluster
    for cluster in reversed(bodies):
        if cluster.name.lower() == found.head:
            cluster.name = _common(found)
            return cluster
    return None


def _antecedent(found: _Found, clusters: list[EntityCluster], text: str) -> EntityCluster | None:
    """The actor of the nearest earlier mention with the bare mention's head noun as its head
    (an organisation for "the bank" and "the group": not the "West Bank")."""
    best: tuple[int, EntityCluster] | None = None
    for cluster in clusters:
        if found.head in _REFERRING_NOUNS and cluster.type != _BODY_TYPE:
            continue
        for start, end in cluster.mentions:
            if start < found.start and (best is None or start > best[0]) \
                    and _same_head(found.head, text[start:end]):
                best = (start, cluster)
    return None if best is None else best[1]


def _same_head(head: str, written: str) -> bool:
    """Whether a mention is headed by this noun: its last word, or the word before "of" ("City
    Council of Port Alder"); "police" also names a "Police Department", not a "police union"; "the
    airline" a name ending in "Air" or "Airways" (``_TRADE_NAMES``)."""
    words = written.lower().replace("-", " ").split()
    if head == "police" and words[-1:] != ["union"]:
        # not the "Independent Office for Police Conduct", a body that watches the police
        return any(w == head and (i == 0 or words[i - 1] not in ("for", "of")) for i, w in enumerate(words))
    if head in _TRADE_NAMES and len(words) > 1 and words[-1] in _TRADE_NAMES[head]:
        return True  # "SkyLark Air ... the airline"
    if words[-1:] == [head]:
        return True
    return any(w in ("of", "for") and i > 0 and words[i - 1] == head and head not in words[:i - 1]
               for i, w in enumerate(words))  # "Centre for Disease Control ... the centre"


def _described_antecedent(found: _Found, clusters: list[EntityCluster], sdoc: Any) -> EntityCluster | None:
    """The one organisation of the kind a bare noun describes ("Norvale Mining Ltd ... the
    company", "the FDA ... the agency", "Labour ... the party") named in its sentence or the
    ``_DESCRIBED_SENTENCES`` before it; None where there is none or more than one. Only a plain
    "the company" (``_plain``: "Trump's party" is not Labour, nor is "the other party"); a
    group only where it acts there as a subject or an owner ("Hamas fired ...": "the group" of
    people the text does not name is no other's); a company whose name does not say it is one
    also where it is acted on as an object ("fined Meta"), or where its shares are held (``_held``)."""
    kind = _DESCRIBED_KINDS.get(found.head)
    if kind is None or not found.plain:
        return None
    window = _window_start(sdoc, found.start)
    near = [c for c in clusters
            if _of_kind(c, kind) and not _described_otherwise(c, kind, doc_text(sdoc))
            and any(window <= s < found.start for s, _ in c.mentions)
            and not _co_argument(sdoc, found, c)]
    if len(near) != 1 or _listed_beside(sdoc, found, near[0]):
        return None
    deps = _ACTING_DEPS if kind in ("group", "union", "charity") else _ACTED_ON_DEPS \
        if kind == "company" and not _names_company(near[0]) else None
    if not any(window <= s < found.start
               and (_stands(sdoc, s, e, deps) or (kind == "company" and _held(sdoc, s, e)))
               for s, e in near[0].mentions):
        return None
    return near[0]


#: A verb's subject and objects: two of them are two things ("Ofwat ordered the firm to repay
#: customers": the firm is not Ofwat, which would be "itself").
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})


def _co_argument(sdoc: Any, found: _Found, cluster: EntityCluster) -> bool:
    """Whether a body noun and one of the actor's mentions are two arguments of one verb
    ("[Ofwat] ordered [the firm] to repay customers", "the firm was fined by [Ofwat]"): then the
    noun names another body."""
    span = sdoc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in _ARGUMENTS:
        return False
    root = span.root
    verb = root.head.head if root.dep_ == "agent" else root.head
    for start, end in cluster.mentions:
        mention = sdoc.char_span(start, end, alignment_mode="expand")
        if mention is None or not len(mention) or mention.root.i == root.i:
            continue
        other = mention.root
        if other.dep_ == "pobj" and other.head.dep_ == "agent":  # "fined by Ofwat"
            other = other.head
        head = other.head.head if other.dep_ == "agent" else other.head
        if other.dep_ in _ARGUMENTS and head.i == verb.i:
            return True
    return False


#: Kinds of body that are not companies: a noun set beside a name of one of them ("the water
#: regulator Ofwat", "Unite, the union,") says "the company" is another.
_PUBLIC_KINDS = frozenset({"agency", "ministry", "party", "union"})


def _described_otherwise(cluster: EntityCluster, kind: str, text: str) -> bool:
    """Whether a body noun set beside the actor's name says it is of another kind than ``kind``
    ("the water regulator Ofwat ... the firm": Ofwat is an agency, no company; its "regulator"
    is one of its mentions, labelled "BODY")."""
    kinds = {_DESCRIBED_KINDS.get(text[s:e].lower().split()[-1]) for (s, e), label
             in zip(cluster.mentions, cluster.labels, strict=True) if label == "BODY"}
    kinds -= {None, "organization", "group"}
    if not kinds or kind in kinds:
        return False
    return bool(kinds & _PUBLIC_KINDS) != (kind in _PUBLIC_KINDS) or (
        kind in _PUBLIC_KINDS and not kinds <= {kind})


def _listed_beside(sdoc: Any, found: _Found, cluster: EntityCluster) -> bool:
    """Whether a body noun is listed with one of the actor's mentions ("MGM or the union"): then
    it is another body."""
    span = sdoc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    listed = {t.i for t in span.root.conjuncts}
    return any(t.i in listed for s, e in cluster.mentions
               for t in sdoc.char_span(s, e, alignment_mode="expand") or ())


def _window_start(sdoc: Any, start: int) -> int:
    """Where the sentences in which a body a noun at ``start`` describes may be named begin: its
    own and the ``_DESCRIBED_SENTENCES`` before it."""
    starts = sentence_starts(sdoc)
    before = starts[: bisect_right(starts, start)]
    return before[-1 - _DESCRIBED_SENTENCES] if len(before) > _DESCRIBED_SENTENCES else 0


def _described_letters(found: _Found, clusters: list[EntityCluster], sdoc: Any) -> EntityCluster | None:
    """The one agency known only by its letters named in the sentences before a public body's
    noun that says what it does in lower case ("NASA ... the space agency", "Ofcom ... the media
    regulator"); its letters say nothing of it, so its kind does. None where the text names no
    such agency or more than one ("the FBI and NASA ... the space agency")."""
    if _DESCRIBED_KINDS.get(found.head) != "agency" or found.name != found.name.lower() \
            or any(w in _CLASSIFIERS for w in found.name.split()):
        return None  # "the state agency" says where it governs, not what it does
    for cluster in clusters:
        if found.name in cluster.aliases and _known_by_letters(cluster):
            return cluster  # "the space agency" again
    window = _window_start(sdoc, found.start)
    near = [c for c in clusters if c.type == _BODY_TYPE and _known_by_letters(c)
            and any(window <= s < found.start for s, _ in c.mentions)]
    if len(near) != 1 or not any(window <= s < found.start and _stands(sdoc, s, e, None)
                                 for s, e in near[0].mentions):
        return None
    return near[0]


def _known_by_letters(cluster: EntityCluster) -> bool:
    """Whether an organisation is named only by its letters ("NASA", "Ofcom" is not), and no
    company's."""
    names = [n for n in (cluster.name, *cluster.aliases) if n != n.lower()]  # not "space agency"
    return bool(names) and all(n.isupper() and n.isalpha() and 2 <= len(n) <= 6 for n in names)


#: What investors hold of a company ("shares in Korvane", "Korvane's stock").
_HOLDINGS = frozenset({"share", "stock", "bond"})


def _held(sdoc: Any, start: int, end: int) -> bool:
    """Whether the organisation named at ``start``-``end`` is one whose shares are held ("Shares
    in Korvane Semiconductor fell", "shares of Meta", "Nvidia shares"): a company, though it acts
    in no clause."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in _HOLDINGS:
        return True  # "Nvidia shares jumped 8%"
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "of") \
        and root.head.head.lemma_.lower() in _HOLDINGS


def _stands(sdoc: Any, start: int, end: int, deps: frozenset[str] | None) -> bool:
    """Whether the mention at ``start``-``end`` names the body itself, not a thing it modifies
    ("a GAO report"), and, given ``deps``, stands in one of them ("Hamas fired", "Hamas's")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "Hamas and Islamic Jihad said"
        root = root.head
    if root.dep_ == "compound" and root.head.lower_ in _VOICES:
        return True  # "UN spokesman Erik Dahl said": the body speaks through its spokesman
    return root.dep_ not in _MODIFIER_DEPS if deps is None else root.dep_ in deps


def _of_kind(cluster: EntityCluster, kind: str) -> bool:
    """Whether an actor's names show it may be the body a bare noun of this kind describes:
    a bank, a ministry, an agency (also one known by letters: "the FDA") or a party by the words
    of its name (``_KIND_WORDS``); a company by a company's word ("Ltd", "Mining") or by a name
    that is no public body's, newsroom's or acronym's; a group by any name but a state body's."""
    if cluster.type != _BODY_TYPE and not (kind == "party" and cluster.type == "group"):
        return False
    names = {cluster.name, *cluster.aliases}
    words = {w.strip(".,'’").lower() for name in names for w in name.replace("-", " ").split()}
    letters = any(_lettered(name) for name in names)
    if kind == "party":
        return "party" in words or any(n.lower().removeprefix("the ") in _PARTY_NAMES for n in names)
    if kind == "agency":
        hit = words & _KIND_WORDS[kind]
        if hit == {"administration"} and all(len(n.split()) < 3 for n in names):
            return False  # "the Trump administration" is no agency; "Food and Drug Administration" is
        return bool(hit) or (letters and not words & COMPANY_WORDS)
    if kind in _KIND_WORDS:
        return bool(words & _KIND_WORDS[kind])
    if kind == "group":
        return not words & _STATE_WORDS
    if kind in ("union", "charity"):  # "Unite ... the union", "MSF ... the charity": no state body, no firm
        return not words & _STATE_WORDS and not _names_company(cluster)
    if kind == "club":  # "Getafe have sacked their coach ... The club said": no public body nor firm
        return not words & _PUBLIC_WORDS and not _names_company(cluster) and not letters
    if kind == "organization":  # "the UN ... the organisation"; not a company's
        return not _names_company(cluster)
    if _names_company(cluster):
        return True
    return not letters and not words & _PUBLIC_WORDS


def _lettered(name: str) -> bool:
    """Whether a body's name is its letters ("CDC"), or a place's name and then its letters
    ("Africa CDC", "Nigeria CDC"): the letters are the body's own name either way."""
    *place, letters = name.split()
    return letters.isupper() and letters.isalpha() and 2 <= len(letters) <= 6 and len(place) <= 2 \
        and all(w[:1].isupper() and not w.isupper() for w in place)


def _names_company(cluster: EntityCluster) -> bool:
    """Whether a name says it is a company's ("Norvale Mining Ltd"), and no public body's."""
    words = {w.strip(".,'’").lower() for name in (cluster.name, *cluster.aliases)
             for w in name.replace("-", " ").split()}
    return bool(words & (COMPANY_WORDS - _NOT_ONLY_COMPANIES)) and not words & _PUBLIC_WORDS
