"""Find whom a sentence cites for what it states: "according to X", "X said", "a report by X".

Works on the spaCy parse: the object of "according to" (or of a "per" that opens the sentence or
follows a comma: "Per the Land Registry, ...", "..., per Bloomberg."), the subject of a reporting verb that
governs the sentence, or the agent of "a report/study/figures by/from X" (numbers "from" a name
cite it even where the tagger calls it a place: "data from Moneyfacts"), or the outlet that
published it ("a study [published] in the Lancet" cites the Lancet). Returns an
``Attribution`` whose span covers the attribution phrase and whose name is the cited person or
body (a pronoun is resolved to the nearest earlier named person or organisation).
"""

from __future__ import annotations

import re
from typing import Any

from unspin.components._actors_bodies import BODY_NOUNS
from unspin.components._actors_entities import _demonym_of, entity_clusters, resolve_reference
from unspin.components._countries import is_country
from unspin.components._quotes_features import (
    CUE_NEGATIONS,
    DETERMINERS,
    RECKONINGS,
    headline_nouns,
    headline_subject,
    opens_with_that,
)
from unspin.components.parse import doc_text
from unspin.doc import Attribution, Claim, Quote

__all__ = ["CITING_CUES", "REPORTING_VERBS", "find_source", "sources_from_quotes"]

#: Lemmas of verbs that attribute a statement to someone.
REPORTING_VERBS = frozenset([
    "say", "tell", "report", "claim", "state", "announce", "estimate", "add", "confirm", "deny",
    "insist", "argue", "allege", "assert", "warn", "write", "note", "explain", "reveal", "disclose",
    "acknowledge", "admit", "declare", "testify", "find", "show", "indicate", "suggest", "conclude",
    "predict", "calculate", "count", "record", "tally", "document", "accuse", "charge", "maintain",
    "stress", "emphasise", "emphasize", "point", "mention", "describe", "quote", "cite", "told",
    "forecast", "project", "urge", "demand", "expect",
])
#: Tags of relative pronouns ("which", "who", "that" opening a relative clause).
_RELATIVE_TAGS = frozenset(["WDT", "WP"])
#: Verbs that close a sentence reporting what came before it ("..., figures show.").
_CLOSING_VERBS = frozenset(["say", "show", "report", "find", "indicate", "suggest", "state", "note", "add",
                            "write", "estimate"])
#: What ends the statement such a report closes: a comma, or a closing quotation mark.
_CLOSING_MARKS = frozenset([",", '"', "”", "''", "’"])
#: Verbs whose object is itself the claim: a forecast or an estimate ("Analysts had forecast
#: revenue of €4bn"), cited as much as a clause after "say".
_FORECASTS = frozenset(["forecast", "predict", "project", "estimate", "expect", "calculate"])
_EVIDENCE_NOUNS = frozenset([
    "report", "study", "survey", "poll", "data", "figures", "statistics", "analysis", "investigation",
    "estimate", "estimates", "figure", "statistic", "finding", "findings", "record", "records",
    "review", "research", "census", "audit", "assessment", "count", "tally", "paper", "document",
    "documents", "inquiry", "probe", "results", "statement", "trial", "trials", "polling",
])
# Third-person pronouns resolve to the nearest earlier entity of these labels; first and second
# person ("I", "we", "you") are the text's own voice or its reader, not a cited source.
_PRONOUNS = {"he": ("PERSON",), "she": ("PERSON",), "they": ("ORG", "NORP"), "it": ("ORG",)}
_NOT_SOURCES = frozenset(["i", "we", "you", "me", "us", "one", "this", "that", "which", "who", "what",
                          "it", "there", "some", "many", "others", "anyone", "everyone", "nobody"])


def _no_one(token: Any) -> bool:
    """Whether ``token`` is a word that names no one ("we", "which", "who"), not the acronym of a body
    written the same ("the WHO estimates", "the US said")."""
    return token.lower_ in _NOT_SOURCES and not (token.pos_ == "PROPN" and len(token.text) > 1
                                                 and token.text.isupper())


#: Words the quotes stage may take for a speaker that name no one ("some [calls] ...", "this [shows]").
_NAMES_NO_ONE = frozenset(["some", "this", "what", "there", "one", "these", "those"])
#: The writer's and the reader's voice: a statement in them cites nobody.
_FIRST_PERSON = frozenset(["i", "we", "me", "us", "you", "my", "our", "'s", "’s"])  # "'s": "Let's say"
_LOOKBACK_TOKENS = 120  # how far back a pronoun's antecedent is looked for (a few sentences)
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
#: What evidence comes "from" without anyone behind it being named: a place.
_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: Farthest a cue may lie from its speaker for the source span to cover both.
_NEAR = 120
#: Bodies that take evidence: what "a court heard" or "the inquiry was told" reports is the
#: evidence given to them, and the text cites the body for it (as written: "a court").
_HEARING_BODIES = frozenset(["court", "inquiry", "inquest", "tribunal", "hearing", "jury", "jurors",
                             "trial", "committee", "panel", "commission", "magistrates", "magistrate",
                             "judge", "coroner", "mps", "mp", "peers", "councillors", "lawmakers",
                             "senators"])


#: What a body hears that a clause then states: "The court heard evidence that ...".
_EVIDENCE_HEARD = frozenset(["evidence", "testimony", "claims", "allegations", "submissions", "arguments"])


def _heard_evidence(verb: Any) -> bool:
    """Whether ``verb`` ("heard") has evidence as its object that a clause states ("The court heard
    evidence that the firm had paid ...")."""
    return any(c.dep_ == "dobj" and c.lower_ in _EVIDENCE_HEARD
               and any(g.dep_ in ("acl", "ccomp") and g.pos_ in ("VERB", "AUX") for g in c.children)
               for c in verb.children)


def _hearing_body(verb: Any) -> Any | None:
    """The body a court-style report is given to: the subject of "hear" ("a court heard (that)
    ...") or the passive subject of "tell" ("The court was told that ..."), when it is a body
    that takes evidence (``_HEARING_BODIES``) and no one else is named as telling it."""
    lemma = verb.lemma_.lower()
    if lemma not in ("hear", "tell") or verb.pos_ not in ("VERB", "AUX"):
        return None
    kind = "nsubj" if lemma == "hear" else "nsubjpass"
    subj = next((c for c in verb.children if c.dep_ == kind), None)
    if subj is None or _agent(verb) is not None or (subj.lemma_.lower() not in _HEARING_BODIES
                                                    and subj.lower_ not in _HEARING_BODIES):
        return None
    return subj


def _phrase(token: Any, sent: Any) -> tuple[int, int]:
    """Character range of ``token``'s subtree inside ``sent``, without trailing punctuation,
    relative clauses or appositions."""
    left = max(token.left_edge.i, sent.start)
    doc = token.doc
    for child in token.lefts:
        # "watched the final, broadcaster ITV said": a comma before the noun's own words ends what the
        # parse took into its phrase from the clause before ("a long, cold winter" keeps its adjectives)
        if child.text == "," and child.i >= left and child.i + 1 < token.i \
                and doc[child.i + 1].pos_ in ("NOUN", "PROPN"):
            left = child.i + 1
    right = token.i
    for child in token.rights:
        if _named_by_appos(token, child):
            right = min(_name_end(child), sent.end - 1)
            break
        stop = child.dep_ in ("relcl", "acl", "cc", "conj", "advcl", "appos") or (
            child.dep_ == "punct" and child.tag_ != "HYPH"
        )
        if stop:
            break
        right = min(child.right_edge.i, sent.end - 1)
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ == "cc"):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def _named_by_appos(noun: Any, child: Any) -> bool:
    """Whether ``child`` is the name right after the noun in small letters that describes it, with
    no comma between ("the property website [Rightmove] said", "according to the consultancy
    [Gartner]"): one phrase, cited whole as "the consultancy SovEcon" is; not a name set off by
    commas ("the firm, Acme, said")."""
    first = child.left_edge
    return child.dep_ == "appos" and first.i == noun.i + 1 and noun.pos_ == "NOUN" and noun.is_lower \
        and bool(noun.whitespace_) and (child.pos_ == "PROPN" or child.ent_type_ in _NAME_LABELS) \
        and child.ent_type_ not in ("GPE", "LOC", "NORP") and first.ent_iob_ == "B" and first.is_title


def _name_end(token: Any) -> int:
    """The index of the last word of the name ``token`` is in: its entity's, else its own."""
    i = token.i
    while token.ent_type_ and i + 1 < len(token.doc) and token.doc[i + 1].ent_iob_ == "I":
        i += 1
    return i


def _slice(sent: Any, start: int, end: int) -> str:
    # sent.text builds only the sentence; doc.text would rebuild the whole article each time
    return str(sent.text[start - sent.start_char : end - sent.start_char])


def _resolve(token: Any, sent: Any) -> str:
    """The name behind a pronoun: the actor it refers to (``resolve_reference``), else the closest
    earlier entity of a fitting label in the last few sentences, else the pronoun itself; "" for
    a pronoun that cites nobody."""
    labels = _PRONOUNS.get(token.lower_)
    if labels is None:
        return ""
    if token.lower_ in ("he", "she", "they"):
        cluster = resolve_reference(token.doc, token, entity_clusters(token.doc))
        if cluster is not None:
            return cluster.name
    floor = max(0, sent.start - _LOOKBACK_TOKENS)
    for ent in reversed(token.doc[floor : token.i].ents):
        if ent.label_ in labels and "\n" not in ent.text:
            return ent.text
    body = _body_before(token, floor) if token.lower_ == "it" else None
    return token.text if body is None else body


def _body_before(token: Any, floor: int) -> str | None:
    """The nearest body named by a noun before ``token`` ("it") since ``floor``, with its determiner:
    "[The company]'s sales rose 12%, it said" (no named organisation before it); None if none."""
    for noun in reversed(token.doc[max(floor, token.sent.start - _LOOKBACK_TOKENS // 4) : token.i]):
        if noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lower_ in BODY_NOUNS and "\n" not in noun.text:
            det = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in ("the", "this")), None)
            return None if det is None else str(token.doc[det.i : noun.i + 1].text)
    return None


def _name(token: Any, sent: Any) -> str:
    if _no_one(token) and token.lower_ not in _PRONOUNS:
        return ""
    if token.pos_ == "PRON":
        return _resolve(token, sent)
    pollster = _pollster(token, sent) or _polled_by(token) or _asked_in(token, sent)
    if isinstance(pollster, str):
        return pollster
    if pollster is not None:  # "adults polled by Reuters": the pollster speaks for them
        return _agent_name(pollster, sent)
    owner = _evidence_owner(token)
    if owner:  # "the ministry's figures", "Eurostat's latest data": whose they are
        return owner
    if token.lemma_.lower() in _EVIDENCE_NOUNS or token.lower_ in _EVIDENCE_NOUNS:
        # "a report by Amnesty": the body behind the evidence is the source; "police reports
        # from the suburb": a place is where it comes from, so the evidence itself is; what
        # "by" names made the evidence, even where the tagger calls it a place ("data compiled
        # by Bloomberg", "a study by Sweden"), and what "in" names published it ("a study in
        # the Lancet")
        for prep, obj in _backers(token) + _inner_backers(token):
            if prep in ("by", "from", "in"):
                if prep == "from" and _is_place(obj) and not _compiled_by(token, obj):
                    return _slice(sent, _np_start(token), token.idx + len(token))
                return _agent_name(obj, sent)
    start, end = _phrase(token, sent)
    return _slice(sent, start, end)


def _evidence_owner(noun: Any) -> str:
    """The name of whoever owns the evidence ``noun`` by a possessive before it, its maker ("[the
    ministry]'s figures", "[Eurostat]'s latest data", "[the Office for National Statistics]'
    figures"), or "": not a pronoun ("his study", left as it is), a place or a time."""
    if noun.lemma_.lower() not in _MADE_EVIDENCE and noun.lower_ not in _MADE_EVIDENCE:
        return ""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ not in ("NOUN", "PROPN") or owner.ent_type_ in _NOT_OWNERS:
        return ""
    words = [t for t in owner.subtree if not (t.dep_ == "case" and t.head.i == owner.i)]
    return str(owner.doc[words[0].i : words[-1].i + 1].text)


#: Evidence that is numbers someone compiled: whatever name it comes "from" compiled them ("data
#: from Moneyfacts", "figures from Texas": the state's), where a report "from Geneva" was only
#: filed there.
_COMPILED = frozenset(["data", "figures", "figure", "statistics", "numbers", "estimates", "count", "tally",
                       "records"])


def _compiled_by(noun: Any, source: Any) -> bool:
    """Whether ``source``, a name after "from", compiled the numbers ``noun`` ("data from
    Moneyfacts", even where the tagger calls the name a place), not a place in small letters
    ("figures from the suburb")."""
    return noun.lower_ in _COMPILED and source.text[:1].isupper() and source.ent_type_ not in (
        "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY")


def _is_place(token: Any) -> bool:
    """Whether a noun names a place ("Geneva", "the Columbus suburb of Westerville"), not a
    body in it ("the Texas health department")."""
    if token.ent_type_ in _PLACE_LABELS:
        return True
    return (not token.ent_type_ and token.pos_ == "NOUN" and token.lemma_.lower() not in BODY_NOUNS
            and any(c.ent_type_ in _PLACE_LABELS for c in token.children if c.dep_ in ("compound", "amod")))


#: Nouns of evidence whose maker's name may stand before them ("a Reuters/Ipsos poll", "LSEG
#: data", "a Senate report"); a record or a document is about whoever is named before it.
_MADE_EVIDENCE = frozenset(["poll", "polls", "survey", "surveys", "polling", "data", "figures", "statistics",
                            "estimate", "estimates", "report", "study", "analysis", "investigation", "review",
                            "audit", "assessment", "census", "inquiry", "probe", "statement", "research",
                            "trial", "trials",
                            # filed or kept numbers: "the commission's filings show", "its accounts show"
                            "filings", "filing", "records", "documents", "accounts", "projections",
                            "forecasts", "numbers"])
#: Verbs by which a pollster asks people ("economists polled by Reuters", "adults surveyed by Gallup").
_POLLING = frozenset(["poll", "survey", "interview", "question", "canvass", "sample"])
#: What the name before a poll may be without being its maker: where or when it was taken, or
#: whom it asked ("a New Hampshire poll", "a January poll", "a Republican poll").
_NOT_POLLSTERS = ("GPE", "LOC", "DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL")
#: What the owner of evidence may be without being its maker: what a poll's name may be, a place
#: or a time ("Britain's census", "last year's survey"), and a nationality or group as well.
_NOT_OWNERS = (*_NOT_POLLSTERS, "NORP")
#: A group's name ends like a demonym ("Republican", "Democratic", "British"); the tagger also
#: calls some pollsters a group ("an Ipsos survey").
_DEMONYM_RE = re.compile(r"(?:an|ans|ese|ish|ic|i|ch)$")


def _made_evidence(name: str) -> bool:
    """Whether ``name`` is evidence its maker may be named in ("a Reuters/Ipsos poll", "LSEG data")."""
    words = name.split()
    return bool(words) and words[-1].lower() in _MADE_EVIDENCE


def _evidence_of(name: str, backer: str) -> bool:
    """Whether ``name`` is evidence followed by ``backer``, who compiled or published it ("data
    from Moneyfacts", "a study published in the Lancet")."""
    lead = name[: len(name) - len(backer)] if backer and name.endswith(backer) else ""
    return any(w.lower() in _EVIDENCE_NOUNS for w in lead.split()) and lead.rstrip().split()[-1].lower() in (
        "by", "from", "in", "of")


def _names_what_it_describes(name: str, description: str) -> bool:
    """Whether ``name`` is ``description``, a noun phrase in small letters, with the name it
    describes after it ("the consultancy SovEcon" for "the consultancy")."""
    rest = name[len(description):] if name.startswith(description) else ""
    return rest[:1] == " " and rest[1:2].isupper() and description == description.lower()


def _proper(token: Any) -> bool:
    """Whether ``token`` is a proper noun, or an acronym the tagger took for another word ("WHO data
    shows": a pronoun)."""
    return token.pos_ == "PROPN" or (len(token.text) > 1 and token.is_alpha and token.is_upper)


def _pollster(noun: Any, sent: Any) -> str | None:
    """The maker's name written before a poll or other evidence ("a [Reuters/Ipsos] poll", "the
    latest [Washington Post/ABC] poll", "an [Ipsos] survey", "[LSEG] data"), or None ("a new poll",
    "a New Hampshire poll", "a UN panel investigation")."""
    if noun.lower_ not in _MADE_EVIDENCE:
        return None
    first = noun.i
    # "Reuters/Ipsos", "Bank of England", "Office for National Statistics": names joined by a
    # mark or a preposition
    while first - 1 >= sent.start and (_proper(noun.doc[first - 1]) or (
            noun.doc[first - 1].text in ("/", "-", "&", "of", "for") and first - 2 >= sent.start
            and _proper(noun.doc[first - 2]) and first < noun.i)):
        first -= 1
    run = noun.doc[first : noun.i]
    # an acronym the parser made a second subject beside the noun ("WHO data shows") is its maker too
    if not len(run) or any(not (t.head.i == noun.i or first <= t.head.i < noun.i or (
            t.is_upper and t.head.i == noun.head.i and t.dep_ == noun.dep_)) for t in run):
        return None
    if noun.text[:1].isupper() and not any(t.ent_type_ for t in run):
        return None  # "New Poll Shows ...": a headline's capitals, not a name
    if noun.text == "Survey" and (noun.ent_type_, noun.ent_iob_) == ("ORG", "I"):
        return None  # "the U.S. Geological Survey", "the British Antarctic Survey": a body, not its survey
    if any(t.ent_type_ in _NOT_POLLSTERS or (t.ent_type_ == "NORP" and _DEMONYM_RE.search(t.text))
           for t in run):
        return None
    return _slice(sent, run[0].idx, run[-1].idx + len(run[-1]))


def _asked_in(noun: Any, sent: Any) -> str | None:
    """The maker of the poll the people ``noun`` names were asked in: "economists [in a Bloomberg
    survey]", "a majority of economists in a Reuters poll" (the survey's name before it); else None."""
    for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")):
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                poll = next((g for g in prep.children if g.dep_ == "pobj" and g.lower_ in _POLLS), None)
                maker = None if poll is None else _pollster(poll, sent)
                if maker:
                    return maker
    return None


#: The polls people are asked in.
_POLLS = frozenset(["poll", "polls", "survey", "surveys", "polling"])


def _polled_by(noun: Any) -> Any | None:
    """The pollster behind the people ``noun`` names, or whose share it gives: "economists
    [polled by Reuters]", "60% of those [surveyed by Pew]"; else None."""
    for word in (noun, *(g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")):
        for child in word.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in _POLLING:
                agent = _agent(child)
                if agent is not None:
                    return agent
    return None


def _polled(sent: Any) -> Attribution | None:
    """ "Most farmers polled by Reuters expect ...", "Of 1,000 adults surveyed by Gallup, 61% said
    ...": the pollster of the people the clause is about (the subject, or a phrase put before it)
    is the source, not the people, nor a share of them."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    fronted = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "among")
               and subjects and c.i < subjects[0].i]
    for head in subjects + fronted:
        for word in head.subtree:
            if word.dep_ != "acl" or word.tag_ != "VBN" or word.lemma_.lower() not in _POLLING:
                continue
            agent = _agent(word)
            if agent is None or _no_one(agent):
                continue
            end = _phrase(agent, sent)[1]
            return Attribution(name=_agent_name(agent, sent), start=head.left_edge.idx, end=end)
    return None


#: "according to plan", "according to schedule": a manner, not someone cited, when the noun stands bare.
_ACCORDING_IDIOMS = frozenset(["plan", "schedule", "script", "form", "tradition", "custom", "protocol",
                               "procedure", "expectation", "expectations", "design", "instructions"])


#: A measure taken of someone or something, which no one states: "according to his body mass index".
_MEASURES = frozenset(["index", "bmi", "weight", "height", "age", "size", "temperature", "pulse",
                       "measurements", "measurement", "waistline", "waist", "blood", "cholesterol"])


def _own_measure(noun: Any) -> bool:
    """Whether ``noun`` is a measure of whom a possessive pronoun names ("according to his body mass
    index", "according to their age"): a measurement, no one cited (not "the Global Peace Index")."""
    return noun.lower_ in _MEASURES and any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


#: What a rate is "per" ("£60,000 per week", "30 per cent", "per capita"): no one cited.
_RATE_NOUNS = frozenset(["cent", "capita", "annum", "head", "person", "people", "year", "month", "week",
                         "day", "night", "hour", "minute", "second", "unit", "share", "barrel", "litre",
                         "liter", "gallon", "kilo", "kilogram", "tonne", "ton", "mile", "kilometre",
                         "household", "pupil", "student", "patient", "resident", "game", "match", "season"])
#: Who a text cites "per" without a name: "per officials", "per police sources", "per its website".
_CITED_NOUNS = frozenset(["official", "source", "expert", "analyst", "website", "spokesman", "spokeswoman",
                          "spokesperson", "filing", "release", "account", "tracker", "tally", "count"])
#: What a thing is done "per" (as it lays down), not who states it: "per the contract", "per the rules".
_TERMS = frozenset(["rule", "term", "agreement", "contract", "law", "regulation", "deal", "policy",
                    "guidance", "guideline", "requirement", "request", "order", "norm", "recipe",
                    "instruction", "usual", "standard", "treaty", "constitution", "statute", "code", "manual",
                    "arrangement"])
#: What a "per" of attribution follows: nothing (it opens the sentence) or a break in it.
_BEFORE_PER = frozenset([",", "—", "–", "-", "(", ";", ":", "as"])


def _per_source(per: Any, sent: Any) -> Any | None:
    """The object of a "per" that cites it as "according to" does ("Per the Land Registry, ...",
    "..., per Bloomberg."), or None: a rate ("£60,000 per week", "per capita") or a "per" inside
    the clause. It opens the sentence or follows a comma or a dash, and names someone: a name,
    evidence ("per a report by"), a body ("per the ministry"), or whoever it has a determiner for."""
    if per.lower_ != "per" or per.dep_ != "prep" or (
            per.i > sent.start and per.nbor(-1).lower_ not in _BEFORE_PER):
        return None
    obj = next((c for c in per.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() in _RATE_NOUNS or obj.lower_ in _RATE_NOUNS or obj.like_num:
        return None
    lemma = obj.lemma_.lower()
    if lemma in _ACCORDING_IDIOMS or obj.lower_ in _ACCORDING_IDIOMS or lemma in _TERMS:
        return None  # "per the McKinley plan", "per the terms of the deal": how, not who says
    if obj.pos_ == "PROPN" or obj.ent_type_ in _NAME_LABELS or lemma in _EVIDENCE_NOUNS \
            or obj.lower_ in _EVIDENCE_NOUNS or obj.lower_ in BODY_NOUNS or lemma in _CITED_NOUNS \
            or any(c.dep_ in ("det", "poss") for c in obj.children):
        return obj
    return None


def _according_to(sent: Any) -> Attribution | None:
    for tok in sent:
        per = _per_source(tok, sent)
        if per is not None or (tok.lower_ == "according" and tok.i + 1 < sent.end
                               and tok.nbor().lower_ == "to"):
            # "Per the Land Registry, ...": cites its object as "according to" does
            to = tok if per is not None else tok.nbor()
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            if obj.lower_ in _ACCORDING_IDIOMS and not any(True for _ in obj.children):
                continue
            if _own_measure(obj):
                continue
            name = _name(obj, sent)
            if not name:
                continue
            start, end = _phrase(obj, sent)
            behind = sent.text.find(name, end - sent.start_char)
            # "according to figures published by [Eurostat]": the name is the body behind the
            # evidence, further on; a name that is the phrase itself is not looked for again
            if obj.pos_ != "PRON" and behind >= 0 and name not in _slice(sent, start, end):
                end = sent.start_char + behind + len(name)
            # "As per the Met Office": the span takes in its "as"
            at = tok.nbor(-1) if per is not None and tok.i > sent.start and tok.nbor(-1).lower_ == "as" \
                else tok
            return Attribution(name=name, start=at.idx, end=end)
    return None


def _np_start(noun: Any) -> int:
    """Where the noun phrase of ``noun`` begins: its determiner and modifiers ("the latest police
    reports"), not the rest of its subtree (a misparse can hang a whole clause before it)."""
    first = noun
    for child in noun.lefts:
        if child.dep_ in ("det", "compound", "amod", "nummod", "poss", "nmod", "quantmod"):
            first = min(first, child.left_edge, key=lambda t: t.i)
    return first.idx


def _misparsed_verb(noun: Any) -> Any | None:
    """The token before ``noun`` when ``noun`` is a reporting verb the parser took for the head
    of a noun phrase at the end of a clause ("figures from [the ONS show]."), else None."""
    last = noun.i + 1 >= noun.sent.end or noun.nbor().is_punct
    if noun.lemma_.lower() in REPORTING_VERBS and last and any(c.dep_ == "compound" for c in noun.lefts):
        return noun.nbor(-1)
    return None


#: Lemmas of the verbs by which a body puts out evidence ("figures published by Eurostat").
_PUBLISHING = frozenset(["publish", "release", "compile", "issue", "produce", "conduct", "prepare",
                         "collect", "gather", "provide", "present", "carry", "put", "lead", "write",
                         "author", "run"])


#: The prepositions that name who stands behind evidence, the surest first: its author ("a report
#: by Amnesty"), whoever it comes from, whose it is, and whoever published it ("a study [published]
#: in the Lancet").
_BACKER_ORDER = ("by", "from", "of", "in")
#: What a name after "in" may be to have published evidence: a body or a work ("the Lancet",
#: "the New York Times", "JAMA"), not a place, a time or a person.
_OUTLET_LABELS = ("ORG", "WORK_OF_ART", "PRODUCT", "")
#: Nouns in small letters that stand for an outlet named after them ("the journal Science").
_OUTLET_NOUNS = frozenset(["journal", "magazine", "newspaper", "paper", "daily", "weekly", "bulletin"])


def _outlet(prep: Any) -> Any | None:
    """The object of ``prep`` when it is "in" and names where evidence was published: "a study in
    [the Lancet]", "published in [the journal Science]"; None for a place, a time or a common noun
    ("a poll in Iowa", "a survey in March", "research in mice")."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    if obj.lower_ in _OUTLET_NOUNS:
        return obj
    named = obj.pos_ == "PROPN" and obj.text[:1].isupper() and obj.ent_type_ in _OUTLET_LABELS
    return obj if named and not _is_place(obj) else None


def _backers(noun: Any) -> list[tuple[str, Any]]:
    """Who may stand behind the evidence ``noun``, as (preposition, its object): "a report
    [by Amnesty]", "figures [from the ministry]", "data [of the IMF]", "a study in [the Lancet]",
    and the agent or the outlet of a verb of publishing that describes it ("results published
    [by the commission]", "a study published in [the Lancet]")."""
    found = []
    for child in noun.rights:
        if child.lower_ in ("by", "from", "of") and child.dep_ in ("prep", "agent"):
            found += [(child.lower_, c) for c in child.children if c.dep_ == "pobj"][:1]
        # a noun of evidence only: not "on the record in ..."
        elif noun.lower_ in _MADE_EVIDENCE and (outlet := _outlet(child)) is not None:
            found.append(("in", outlet))
        elif child.dep_ == "acl" and child.lemma_.lower() in _PUBLISHING:
            agents = [a for a in child.children if a.dep_ == "agent"]
            found += [("by", c) for a in agents for c in a.children if c.dep_ == "pobj"][:1]
            if noun.lower_ in _MADE_EVIDENCE:
                found += [("in", o) for o in map(_outlet, child.children) if o is not None][:1]
    # "the investigation of the mayor by the auditor": "by" names the author, "of" often the subject
    return sorted(found, key=lambda pair: _BACKER_ORDER.index(pair[0]))


def _inner_backers(noun: Any) -> list[tuple[str, Any]]:
    """Who stands behind the evidence that the evidence ``noun`` is "of", by "by", "from" or "in"
    ("results of a trial published in [the New England Journal of Medicine]", "the findings of a
    survey by [Gallup]")."""
    return [pair for prep, obj in _backers(noun) if prep == "of" and (
        obj.lemma_.lower() in _EVIDENCE_NOUNS or obj.lower_ in _EVIDENCE_NOUNS)
        for pair in _backers(obj) if pair[0] != "of"]


def _named_after(noun: Any, sent: Any, start: int) -> str | None:
    """The name right after ``noun``, the last word of a description in small letters that starts at
    ``start``, which it describes ("data from the federal statistics office [Destatis] showed"),
    or None."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < sent.end else None
    described = _slice(sent, start, noun.idx + len(noun))
    if after is None or after.pos_ != "PROPN" or after.ent_type_ not in _NAME_LABELS:
        return None
    if after.ent_iob_ != "B" or not noun.whitespace_ or noun.pos_ != "NOUN" or described != described.lower():
        return None
    ent = next((e for e in doc.ents if e.start == after.i), None)
    return None if ent is None or ent.end > sent.end else str(ent.text)


def _agent_name(noun: Any, sent: Any) -> str:
    """The name of the body behind evidence ("a report by [Amnesty]"), without a verb misparsed
    into it; the name after a description of it ("the federal statistics office [Destatis]")."""
    start, end = _phrase(noun, sent)
    named = _named_after(noun, sent, start) if end == noun.idx + len(noun) else None
    if named is not None:
        return named
    before = _misparsed_verb(noun)
    if before is None:
        before = _closing_verb_inside(noun, sent, end)
    return _slice(sent, start, _outlet_end(noun, sent, end) if before is None else before.idx + len(before))


def _closing_verb_inside(noun: Any, sent: Any, end: int) -> Any | None:
    """The word before the last of ``noun``'s phrase (ending at ``end``) when that last word is
    the verb of a report closing the sentence that the parser hung inside the name as a noun
    ("figures from the Office for National Statistics [show]."), else None."""
    last = next((t for t in noun.subtree if t.idx + len(t) == end), None)
    if last is None or last.i == noun.i or last.i <= sent.start or last.ent_type_:
        return None
    closes = last.i + 1 >= sent.end or all(t.is_punct or t.is_space for t in noun.doc[last.i + 1 : sent.end])
    if last.lemma_.lower() in _CLOSING_VERBS and closes and last.nbor(-1).ent_type_ in _NAME_LABELS:
        return last.nbor(-1)
    return None


def _outlet_end(noun: Any, sent: Any, end: int) -> int:
    """``end``, or past the name after an outlet in small letters ("the journal [Science]"), which
    the parser may leave out of the noun's phrase."""
    if noun.lower_ not in _OUTLET_NOUNS:
        return end
    doc, last = noun.doc, noun.i
    while last + 1 < sent.end and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
        last += 1
    return max(end, doc[last].idx + len(doc[last]))


def _fronted_in(prep: Any, sent: Any) -> bool:
    """Whether ``prep`` opens the sentence with "In" and a phrase set off by a comma that
    frames its clause ("In a poll released Monday, 40% of voters ..."); not a phrase inside the
    clause ("she trails in the polls"), where the evidence is less often what is cited."""
    if prep.lower_ != "in" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    before = [t for t in prep.doc[sent.start : prep.i] if not (t.is_punct or t.is_space or t.dep_ == "cc")]
    after = prep.right_edge.i + 1
    return not before and after < sent.end and prep.doc[after].text == ","


def _closing_evidence(noun: Any, sent: Any) -> Any | None:
    """The verb of "..., a Harbour/Ipsos poll found on Tuesday." that the parser read as a participle
    on the evidence noun, set beside the clause before: a comma opens the report, which ends the
    sentence; None for anything else ("a record found in the archives" with no comma before)."""
    first = noun.left_edge
    if noun.dep_ != "appos" or first.i <= sent.start or noun.doc[first.i - 1].text != ",":
        return None
    for verb in noun.rights:
        if verb.dep_ == "acl" and verb.lemma_.lower() in _CLOSING_VERBS and _agent(verb) is None:
            rest = [t for t in noun.doc[verb.right_edge.i + 1 : sent.end] if not t.is_space]
            return verb if all(t.is_punct for t in rest) else None
    return None


def _is_evidence(noun: Any) -> bool:
    """Whether ``noun`` is a noun of evidence ("survey", "figures", ``_EVIDENCE_NOUNS``)."""
    return noun.lemma_.lower() in _EVIDENCE_NOUNS or noun.lower_ in _EVIDENCE_NOUNS


def _of_time(token: Any) -> bool:
    """Whether ``token`` says when: a word of a date or time, or a preposition of one ("on [Tuesday]")."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    objects = list(token.children)
    return token.dep_ == "prep" and bool(objects) and all(c.ent_type_ in ("DATE", "TIME") for c in objects)


def _evidence_closing(sent: Any) -> Attribution | None:
    """"Three-quarters of nurses said ..., a survey by the Royal College of Nursing found.": a report
    by evidence that closes the sentence (set off by a comma, nothing but a time or a mark after
    it) cites all it closes, what the people it asked "said" included; None for anything else."""
    doc = sent.doc
    for verb in sent:
        if verb.lemma_.lower() not in _CLOSING_VERBS or verb.pos_ != "VERB" or verb.i == sent.root.i:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or not _is_evidence(subj):
            continue
        opener = subj.left_edge
        rest = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
        if opener.i <= sent.start or doc[opener.i - 1].text not in _CLOSING_MARKS \
                or not all(_of_time(t) for t in rest):
            continue
        name = _name(subj, sent)
        if name:
            return Attribution(name=name, start=_np_start(subj), end=verb.idx + len(verb))
    return None


#: What one says in ("In a statement, ..."): its author is whoever the clause it frames is about.
_SAID_IN = frozenset(["statement", "interview", "speech", "letter", "post", "tweet", "email", "memo"])


def _author_of_statement(noun: Any, prep: Any) -> Any | None:
    """The named subject of the clause that "In a statement ..." (``prep`` and ``noun``) frames,
    who made the statement ("In a statement issued Tuesday, [Hillary Clinton] was more
    circumspect"); None for other evidence ("In a poll released Monday, 40% of voters ...") or a
    subject that names no one."""
    if noun.lower_ not in _SAID_IN:
        return None
    subj = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.ent_type_ not in ("PERSON", "ORG") or subj.pos_ != "PROPN":
        return None
    return subj


def _ended(verb: Any) -> bool:
    """Whether "conclude" or "end" says that something came to an end, with nothing it concludes:
    "news that the Mueller report has concluded and resulted in no new indictments"."""
    return verb.lemma_.lower() in ("conclude", "end", "finish") and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis") for c in verb.children)


def _evidence_agent(sent: Any) -> Attribution | None:
    """ "a report by Amnesty", "figures from the ministry", "a UN panel investigation found" """
    for tok in sent:
        is_evidence = tok.lemma_.lower() in _EVIDENCE_NOUNS or tok.lower_ in _EVIDENCE_NOUNS
        if not is_evidence or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        for prep, obj in _backers(tok):
            # "of" names a body behind evidence ("data of the IMF") but a person is what it is
            # about ("the investigation of the mayor")
            of_ok = obj.ent_type_ in _NAME_LABELS and obj.ent_type_ != "PERSON"
            if (prep == "by" or not _is_place(obj) or _compiled_by(tok, obj)) and (of_ok or prep != "of"):
                start, end = _phrase(obj, sent)
                end = _outlet_end(obj, sent, end)
                return Attribution(name=_agent_name(obj, sent), start=min(_np_start(tok), start), end=end)
        closing = _closing_evidence(tok, sent)
        if closing is not None:
            return Attribution(name=_name(tok, sent), start=_np_start(tok), end=closing.idx + len(closing))
        # "a UN panel investigation found ...": the evidence noun is the subject of a reporting verb
        head = tok.head
        if tok.dep_ == "nsubj" and head.lemma_.lower() in REPORTING_VERBS and not _ended(head):
            start, end = _phrase(tok, sent)
            return Attribution(name=_name(tok, sent), start=start, end=head.idx + len(head))
        if tok.dep_ == "pobj" and _fronted_in(head, sent):
            start, end = _np_start(tok), _phrase(tok, sent)[1]
            author = _author_of_statement(tok, head)
            if author is not None:  # "In a statement issued Tuesday, Hillary Clinton was more circumspect"
                return Attribution(name=_name(author, sent), start=head.idx, end=_phrase(author, sent)[1])
            name = _pollster(tok, sent) or _slice(sent, start, tok.idx + len(tok))
            return Attribution(name=name, start=head.idx, end=end)
    return None


def _name_read_as_relcl(verb: Any, subj: Any, sent: Any) -> bool:
    """Whether "..., the statistics office INE said." is a name after its description that the
    parser read as a relative clause on it: the named subject follows the noun, and the verb
    governs no clause and ends the sentence."""
    if subj.ent_type_ not in _NAME_LABELS or subj.left_edge.i != verb.head.i + 1:
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return False
    rest = [t for t in verb.doc[verb.right_edge.i + 1 : sent.end] if not t.is_space]
    return all(t.is_punct for t in rest)


def _agent(verb: Any) -> Any | None:
    """The object of the "by" phrase of a passive verb ("was reported [by Politico]"), or None."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _governs(verb: Any) -> bool:
    """Whether a reporting verb governs a clause ("X said (that) ..."), hangs off one ("...,
    X said."), or has a forecast as its object ("analysts forecast growth of 2%"). A clause
    without a verb is a small clause ("the council declared itself bankrupt"): an act, not a
    statement."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return True
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return True  # not the clause of a noun: "news that the Mueller report has concluded"
    if any(_that_clause(g) for c in verb.children if c.dep_ == "prep" for o in c.children
           if o.dep_ == "pobj" and o.lemma_.lower() not in _CLAUSE_NOUNS
           for g in o.children if g.dep_ == "acl"):
        return True  # "said in a statement that ...": the parser hung the clause on the statement
    if verb.lemma_.lower() in _FIGURE_REPORTS and any(_holds_figure(c) for c in verb.children
                                                      if c.dep_ == "dobj"):
        return True  # "The CDC reported 300 cases", "the firm announced 500 job cuts"
    if verb.lemma_.lower() == "record" and any(_recorded_measure(c) for c in verb.children
                                               if c.dep_ == "dobj"):
        return True  # "The Met Office recorded 38.7C": a body that measures gives out its reading
    if verb.lemma_.lower() == "find" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _RESEARCHERS
                                             for c in verb.children) \
            and any(_holds_figure(c) for c in verb.children if c.dep_ in ("dobj", "prep")):
        return True  # "Researchers led by Dr Ruiz found the virus in 40% of samples": a finding they report
    return verb.lemma_.lower() in _FORECASTS and any(c.dep_ == "dobj" for c in verb.children)


#: Who finds by research, so that what they find with a figure is a finding they report
#: ("Scientists found traces in 12% of samples"), not a thing come upon ("police found 3kg of cocaine").
_RESEARCHERS = frozenset(["researcher", "scientist", "author", "investigator", "academic", "economist",
                          "epidemiologist", "analyst", "team", "expert", "statistician"])


#: Verbs by which a body gives out a figure as its object ("The CDC reported 300 cases", "The ministry
#: confirmed 12 deaths", "The firm reported a profit of £1.1bn"), citing it as much as a clause would.
_FIGURE_REPORTS = frozenset(["report", "announce", "confirm", "disclose", "count", "tally", "register"])


#: What a team or a player "records" in playing, which states nothing measured: "recorded a 3-0 win".
_RESULTS = frozenset(["win", "victory", "defeat", "draw", "goal", "point", "rebound", "assist",
                      "save", "sheet", "tackle", "finish", "triumph", "success", "century", "double", "hit"])


#: A temperature, which the tagger may call a date ("41.2C").
_TEMPERATURE_RE = re.compile(r"-?\d+(?:\.\d+)?°?[CF]")


def _recorded_measure(noun: Any) -> bool:
    """Whether the object ``noun`` of "record" is a reading or a count that is measured ("recorded
    38.7C", "recorded 48,700 offences"), not the result of a game ("recorded a 3-0 win") nor anything
    a person recorded ("she recorded 30 points"), nor what a report closing the sentence reports
    ("Police recorded 48,700 offences, data from the ONS shows": the ONS's report)."""
    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
    closing = any(t.lower_.removesuffix("s") in _CLOSING_VERBS for t in noun.doc[noun.i + 1 : noun.sent.end])
    if closing or not subjects or subjects[0].ent_type_ == "PERSON" or noun.lemma_.lower() in _RESULTS:
        return False  # a reading the tagger left untagged ("41.2C") is a figure too; a date is none
    return any((t.ent_type_ not in ("DATE", "TIME") or _TEMPERATURE_RE.fullmatch(t.text))
               and (t.like_num or any(c.isdigit() for c in t.text)) for t in noun.subtree)


def _holds_figure(noun: Any) -> bool:
    """Whether the phrase of ``noun`` holds a figure: a number, an amount or a share ("300 cases",
    "a profit of £1.1bn")."""
    return any(t.ent_type_ in _FIGURE_LABELS and (t.like_num or any(c.isdigit() for c in t.text))
               for t in noun.subtree)


#: Nouns whose own content a "that" clause states ("despite the fact that he has said ...", "on the
#: grounds that ..."), which no verb of reporting the noun's phrase hangs on governs.
_CLAUSE_NOUNS = frozenset(["fact", "grounds", "ground", "belief", "hope", "idea", "assumption", "basis",
                           "condition", "understanding", "expectation", "view", "notion", "premise",
                           "claim", "claims", "news", "knowledge", "suggestion", "allegation", "allegations"])


def _that_clause(verb: Any) -> bool:
    """Whether ``verb`` heads a clause opened by "that" ("... that the home served as a camp")."""
    return verb.pos_ in ("VERB", "AUX") and opens_with_that(verb)


def _hung_speaker(verb: Any, sent: Any) -> Any | None:
    """The head of the noun phrase between the last comma and the verb of a report closing the
    sentence that the parser left without a subject, hanging the phrase on a noun before the comma
    ("..., the suspect, Quentin Lamar Smith, ..., the Justice Department for the Southern District
    of Ohio said."), or None."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in _CLOSING_VERBS or verb.i <= sent.start \
            or not all(t.is_punct or t.is_space for t in doc[verb.i + 1 : sent.end]):
        return None
    comma = next((t.i for t in reversed(doc[sent.start : verb.i]) if t.text in _CLOSING_MARKS), None)
    node = doc[verb.i - 1]
    if comma is None or comma + 1 >= verb.i or node.pos_ not in ("NOUN", "PROPN"):
        return None
    while node.head.i != node.i and comma < node.head.i < verb.i:
        node = node.head
    inside = all(t.i == node.i or node in t.ancestors for t in doc[comma + 1 : verb.i])
    return node if inside and node.pos_ in ("NOUN", "PROPN") and not _no_one(node) else None


def _closing_report(verb: Any, subj: Any, sent: Any) -> bool:
    """Whether "..., his aide told reporters." or "..., said the chief executive." is a report
    closing the sentence that the parser joined to the clause before as a conjunct, or hung
    that clause on as an adverbial, or read it as a relative clause on the noun before it: a comma
    opens the report, and the verb governs no clause and ends the sentence (with its subject, when
    that follows it)."""
    # "..., the gang's leader, Tom Bell, who ..., the Crown Prosecution Service said.": read as a
    # relative clause on the noun before the comma, with a subject that is no relative pronoun
    relcl = verb.dep_ == "relcl" and subj.i < verb.i and not any(
        c.tag_ in _RELATIVE_TAGS for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    if (verb.dep_ not in ("conj", "ROOT") and not relcl) or any(c.dep_ in ("ccomp", "xcomp")
                                                                  for c in verb.children):
        return False
    opener = subj.left_edge if subj.i < verb.i else verb
    if opener.i <= sent.start or verb.doc[opener.i - 1].text not in _CLOSING_MARKS:
        return False
    if verb.dep_ == "ROOT" and not any(c.dep_ == "advcl" and c.i < opener.i for c in verb.children):
        return False
    rest = [t for t in verb.doc[verb.right_edge.i + 1 : sent.end] if not t.is_space]
    return all(t.is_punct for t in rest)


def _participle_subject(verb: Any) -> Any | None:
    """The subject of the clause a participle of reporting hangs off, or that a reporting verb
    is a conjunct of: "Clinton attacked Trump, [saying] he ...", "Scott blasted Congress and
    [said] ..." are said by Clinton and by Scott."""
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj")
    purpose = verb.tag_ == "VB" and verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in verb.children)
    if not (participle or purpose or verb.dep_ == "conj") or not _governs(verb):
        return None
    head = verb.head
    kinds = ("nsubj", "nsubjpass") if verb.dep_ == "conj" else ("nsubj",)
    subjects = [c for c in head.children if c.dep_ in kinds] if head.pos_ in ("VERB", "AUX") else []
    return subjects[0] if subjects else None


#: What the parser may hang on a closing report's verb it read as a noun, before the compound words
#: of its subject: "[the] Treasury estimates", "[parliament's] records show".
_SUBJECT_LEFTS = frozenset(["compound", "det", "poss", "amod", "nmod"])


def _compound_subject(verb: Any, sent: Any) -> Attribution | None:
    """ "..., state election records show.", "..., the Treasury estimates.": a report closing the
    sentence whose subject the parser took for compound words on the verb (its last noun read as
    a verb), with the determiner or possessive it hung there too."""
    parts = [c for c in verb.lefts if c.dep_ == "compound"]
    if not parts or parts[-1].i != verb.i - 1 or verb.lemma_.lower() not in _CLOSING_VERBS:
        return None
    first = min((c.left_edge for c in verb.lefts if c.dep_ in _SUBJECT_LEFTS), key=lambda t: t.i)
    rest = [t for t in verb.doc[verb.i + 1 : sent.end] if not t.is_space]
    if first.i <= sent.start or verb.doc[first.i - 1].text not in _CLOSING_MARKS \
            or not all(t.is_punct for t in rest):
        return None
    start, end = first.idx, verb.nbor(-1).idx + len(verb.nbor(-1))
    name = _slice(sent, start, end)
    evidence, makers = parts[-1], [t for t in verb.doc[first.i : verb.i - 1]]
    if evidence.lower_ in _MADE_EVIDENCE and makers and all(t.pos_ == "PROPN" or t.text in ("/", "-", "&")
                                                            for t in makers):
        # "..., LSEG data shows.": the maker named before the evidence, as "Eurostat data showed" cites
        name = _slice(sent, start, makers[-1].idx + len(makers[-1]))
    return Attribution(name=name, start=start, end=verb.idx + len(verb))


def _split_word(token: Any) -> bool:
    """Whether ``token`` is the first half of a hyphenated word the tokenizer split ("co" of "co-author")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


#: Verbs by which a body gives a figure as its estimate: "the ministry put the death toll at 38",
#: "the IMF puts growth at 3.1%", "analysts peg the cost at $2bn".
_PUTTING = frozenset(["put", "peg", "place"])
#: Entity labels of a figure after "at", with "DATE": the tagger may call a bare number a date ("at 38").
_FIGURE_LABELS = frozenset(["CARDINAL", "MONEY", "PERCENT", "QUANTITY"])


#: Prepositions that may go with a figure given "at" without saying where: "over its lifetime", "for
#: the year", "with dozens still missing".
_ALONG_WITH_FIGURE = frozenset(["with", "over", "for"])


#: What a forecaster sees or gives as a figure ("see a 15% chance of a recession").
_ODDS_NOUNS = frozenset(["chance", "chances", "probability", "risk", "odds", "likelihood"])
#: Verbs by which a forecaster states such odds as its own estimate.
_ODDS_VERBS = frozenset(["see", "give", "assign", "attach"])


def _gives_odds(verb: Any) -> bool:
    """Whether ``verb`` states odds with a figure as its subject's estimate: "Economists at Goldman
    Sachs now see a 15% chance of a recession", "the model gives a 60% probability"; not odds
    without a figure ("analysts see a risk of delays") nor what someone saw ("we saw a 15% fall")."""
    if verb.lemma_.lower() not in _ODDS_VERBS or verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _ODDS_NOUNS and any(
        g.like_num or g.ent_type_ == "PERCENT" for g in c.subtree if g.i < c.i) for c in verb.children)


def _puts_at(verb: Any) -> bool:
    """Whether ``verb`` gives its object a figure as an estimate ("at" the figure, any other "on" a time):
    "put the death toll at 38", "peg the deal's value at $4bn"; not "put the plan on hold", "put
    the ball in the net at 3-1", "placed the injured at a school 3 miles away" (the figure must be
    what "at" names), nor "placed the order at noon" (a time is no figure)."""
    if verb.lemma_.lower() not in _PUTTING or verb.pos_ != "VERB" or not any(
            c.dep_ == "dobj" for c in verb.children):
        return False
    preps = [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.pos_ == "ADP")]
    ats = [p for p in preps if p.lower_ == "at"]
    # another preposition may say when ("on Monday"), over what span or for what ("over its lifetime",
    # "for the year") or what goes with it ("with dozens still missing"), not where ("in the net")
    if len(ats) != 1 or not all(p in ats or p.lower_ in _ALONG_WITH_FIGURE or any(
            g.ent_type_ in ("DATE", "TIME") for g in p.children) for p in preps):
        return False
    figure = next((g for g in ats[0].children if g.dep_ == "pobj"), None)
    return figure is not None and any(
        (t.like_num or any(c.isdigit() for c in t.text)) and t.ent_type_ in (*_FIGURE_LABELS, "DATE")
        for t in (figure, *figure.children))


def _set_off_backer(verb: Any, subj: Any) -> Any | None:
    """Who made the evidence ``subj``, named after "by" or "from" set off between it and its verb,
    where the parser hangs the phrase on the verb: "The report, by the Institute for Fiscal
    Studies, found ..."; not a place it comes from ("The study, from Leeds, showed"); else None."""
    if subj.lemma_.lower() not in _EVIDENCE_NOUNS and subj.lower_ not in _EVIDENCE_NOUNS:
        return None
    preps = [c for c in verb.children
             if c.dep_ == "prep" and c.lower_ in ("by", "from") and subj.i < c.i < verb.i]
    for prep in preps:
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "by" or not _is_place(obj) or _compiled_by(subj, obj):
                return obj
    return None


def _reported_within(verb: Any, sent: Any) -> bool:
    """Whether the reporting verb ``verb`` heads what a later report in ``sent`` says, whose
    subject is a source: "Police recorded 48,700 offences, data from the ONS shows." is the
    ONS's report of what the police recorded; also through a report between them ("The Mail reports
    that health workers have recorded ..., the WHO said.")."""
    node = verb
    for _ in range(4):  # a few reports deep at most
        head = node.head
        if node.dep_ != "ccomp" or head.lemma_.lower() not in REPORTING_VERBS \
                or head.pos_ not in ("VERB", "AUX"):
            return False
        if head.i > verb.i:
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return subj is not None and not _no_one(subj) and bool(_name(subj, sent))
        node = head
    return False


#: A forecast's verb in the forms the parser may read as a noun before its object ("The IMF
#: forecast growth of 2%", "The ministry estimates losses of $3bn").
_FORECAST_FORMS = frozenset(["forecast", "forecasts", "predicts", "projects", "estimates", "expects"])


def _forecast_read_as_noun(sent: Any) -> Attribution | None:
    """"The IMF forecast growth of 2% next year": a verb of forecasting the parser read as a noun
    compounded with its object, leaving a sentence without a verb; the name before it is the
    source (as "The IMF forecast that ..." would cite it)."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX") or any(t.pos_ in ("VERB", "AUX") for t in sent if t.i < root.i):
        return None
    for tok in sent:
        if tok.lower_ not in _FORECAST_FORMS or tok.dep_ != "compound" or tok.head.i <= tok.i \
                or tok.i <= sent.start:
            continue
        last = tok.nbor(-1)
        if last.ent_type_ not in _NAME_LABELS and last.tag_ != "NNS":
            return None  # "a weather forecast", "the growth forecast": a forecast, not someone's verb
        first = last
        while first.i - 1 >= sent.start and first.ent_iob_ == "I":
            first = first.nbor(-1)  # the whole name: "the Bank of England forecast"
        det = first.nbor(-1) if first.i > sent.start else None
        start = det.idx if det is not None and det.lower_ in DETERMINERS else first.idx
        return Attribution(name=_slice(sent, first.idx, last.idx + len(last)), start=start,
                           end=tok.idx + len(tok))
    return None


#: A closing verb the parser may read as a noun after its subject, in the plural subject's form
#: ("analysts at Jefferies estimate") or a single one's ("the bank estimates").
_CLOSING_FORMS = {"estimate": False, "estimates": True, "forecast": False, "forecasts": True,
                  "say": False, "says": True, "reckon": False, "reckons": True, "calculate": False,
                  "calculates": True, "predict": False, "predicts": True}


def _closing_read_as_noun(sent: Any) -> Attribution | None:
    """"Losses could top €3bn, analysts at Jefferies estimate.": a verb closing the sentence that the
    parser read as a noun compounded with the name before it; the words since the comma are its
    subject, cited as "..., analysts estimate." is. The subject holds a noun or a name and no verb,
    a plural noun before a plural's form ("analysts ... estimate") and none before a single
    one's, which has a name or a determiner ("the bank estimates", not "industry estimates"), and
    what comes before the comma is a clause."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < 5:
        return None
    verb = words[-1]
    single = _CLOSING_FORMS.get(verb.lower_)
    if single is None or verb.pos_ not in ("NOUN", "PROPN") or verb.i < sent.start + 3:
        return None
    comma = next((t for t in reversed(sent[: verb.i - sent.start]) if t.is_punct), None)
    if comma is None or comma.text != "," or comma.i + 1 >= verb.i or verb.i - comma.i > 8:
        return None
    subject = sent.doc[comma.i + 1 : verb.i]
    if any(t.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ") for t in subject[:1]) \
            or any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("a", "an") for t in subject):
        return None
    plural = any(t.tag_ in ("NNS", "NNPS") for t in subject)
    if not any(t.pos_ in ("NOUN", "PROPN") for t in subject) or plural == single:
        return None
    if single and not any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_LABELS or t.lower_ in DETERMINERS
                          for t in subject):
        return None  # "..., industry estimates.": estimates of a kind, no one's verb
    if not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[sent.start : comma.i]):
        return None
    return Attribution(name=subject.text, start=subject.start_char, end=verb.idx + len(verb))


#: What a noun is to the verb it is an object of ("ordered [the firm] to pay [a farmer]").
_OBJECTS = frozenset(["dobj", "pobj", "dative", "iobj", "obj"])


#: What opens a condition: a reporting verb under it supposes a statement, and cites no one.
_CONDITION_MARKS = frozenset(["if", "unless"])
#: Auxiliaries of what ought to be said, which is not said ("should explain", "must answer"); "could",
#: "might" and "would" are left: as often reported speech ("he would say that ...") as a supposition.
_OUGHT = frozenset(["should", "must", "ought"])
#: An auxiliary before its subject that makes a condition of its clause ("Should Barr announce ...",
#: "Had the minister said ...", "Were officials to confirm ...").
_INVERTED_CONDITION = frozenset(["should", "had", "were"])


def _supposed(verb: Any) -> bool:
    """Whether the reporting ``verb`` states a supposition, not a report: it is in a condition ("If
    the minister says the plant will close, workers will strike"), its auxiliary comes before its
    subject at the start of the clause ("Should Barr announce his intention ..., we would ..."), or
    it says what ought to be said ("The minister must explain why the plant closed")."""
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in _OUGHT for c in verb.children):
        return True  # "The White House should be telling the judge ...": what ought to be said is not said
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.dep_ == "aux" and c.lower_ in _INVERTED_CONDITION and c.i == verb.left_edge.i
               and subjects and c.i < min(subjects) for c in verb.children)


def _speaker(sent: Any) -> Attribution | None:
    """The subject of a reporting verb that governs (part of) the sentence: "X said (that) ...",
    the agent of a passive one ("it was reported by Politico"), the subject of the clause a
    participle of reporting hangs off ("X attacked Y, saying ..."), or of a verb that gives a
    figure as an estimate ("the ministry put the death toll at 38", ``_puts_at``)."""
    for tok in sent:
        puts_at = _puts_at(tok) or _gives_odds(tok)
        body = _hearing_body(tok)
        if body is not None and (_governs(tok) or _heard_evidence(tok)):
            name = _name(body, sent)
            if name:
                start, end = _phrase(body, sent)
                return Attribution(name=name, start=min(start, tok.idx), end=max(end, tok.idx + len(tok)))
        if tok.lemma_.lower() not in REPORTING_VERBS and not puts_at:
            continue
        if _supposed(tok):
            continue  # "Should Barr announce ..., we would ...", "If the minister says ...": no report
        if tok.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in tok.children):
            # '"...," Conway notes.': a closing report the parser read as a noun phrase (one with a
            # subject is read as the verb it is: "..., the IMF forecast on Tuesday.")
            closing = _compound_subject(tok, sent)
            if closing is not None:
                return closing
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and _reported_within(tok, sent):
            continue  # "Police recorded 48,700 offences, data from the ONS shows.": the outer report cites
        if not subjects:
            closing = _compound_subject(tok, sent)
            if closing is not None:
                return closing
            subj = _participle_subject(tok) or _hung_speaker(tok, sent)
            if subj is not None and subj.lower_ not in _FIRST_PERSON:
                name = _name(subj, sent)
                start, end = _phrase(subj, sent)
                if name:
                    if tok.idx - end <= _NEAR:
                        end = tok.idx + len(tok)
                    return Attribution(name=name, start=start, end=end)
            continue
        subj = next((c for c in subjects if c.tag_ not in _RELATIVE_TAGS), subjects[0])
        evidence = [c for c in subjects if c.i > subj.i and c.lemma_.lower() in _EVIDENCE_NOUNS]
        if evidence:
            # "..., with 55% of patients surviving, a study by X found": the parser made the "with"
            # clause's noun a subject too; the evidence nearer the verb is what reports it
            subj = evidence[-1]
        if headline_subject(tok, subj):
            continue  # "Union claims rise in membership": a headline's nouns, no one's claim
        fragment = None
        if _split_word(subj) and subj is not subjects[-1]:
            # "said co-author Dr. Kevin Hainline": the parser split the word and made each half a subject
            fragment, subj = subj, subjects[-1]
        passive = subj.dep_ == "nsubjpass"
        if subj.tag_ in _RELATIVE_TAGS and tok.dep_ == "relcl" and tok.head.dep_ in _OBJECTS \
                and subj.i > sent.start and subj.nbor(-1).text not in (",", "(", "-", "–", "—"):
            # "ordered the firm to pay $412m to a farmer who said its weedkiller caused his cancer":
            # a clause that only picks out whom the sentence's own verb acts on cites him for its
            # own words, not for the sentence ("Senator Hale, who told reporters ..." is set off)
            continue
        if subj.tag_ in _RELATIVE_TAGS and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "entrance polls, which show that ...", "Senator Hale, who told reporters he ...":
            # the relative pronoun stands for the noun the clause describes ("the plant, which is
            # expected to open": what is expected, passive still)
            subj = tok.head
        if passive:
            # "It was reported (by X) that ...": the passive subject is what was reported or whom
            # it was told to; the source is the agent, if named
            agent = _agent(tok)
            if agent is None or _no_one(agent):
                continue
            start, end = _phrase(agent, sent)
            return Attribution(name=_name(agent, sent), start=min(start, tok.idx), end=end)
        if tok.dep_ == "relcl" and _name_read_as_relcl(tok, subj, sent):
            start, end = _np_start(tok.head), _phrase(subj, sent)[1]
            return Attribution(name=_slice(sent, start, end), start=start, end=tok.idx + len(tok))
        if not (puts_at or _governs(tok) or _closing_report(tok, subj, sent)):
            continue
        if subj.text == "." and subj.i > sent.start and not subj.nbor(-1).whitespace_:
            # "the Commerce Dept. said": the parser takes the abbreviation's full stop for the subject
            start, end = _np_start(subj.nbor(-1)), subj.idx + 1
            name = _slice(sent, start, end)
        else:
            backer = _set_off_backer(tok, subj)
            name = _name(subj, sent) if backer is None else _agent_name(backer, sent)
            start, end = _phrase(subj, sent)
            if fragment is not None and fragment.i + 2 == subj.left_edge.i:
                start = fragment.idx
                name = _slice(sent, start, end)
        if not name:
            continue
        named = next((c for c in subjects if c.i == subj.i + 1 and c.ent_type_ in _NAME_LABELS), None)
        if named is not None and subj.pos_ == "NOUN":
            # "the consultancy SovEcon estimated": a name the parser made a second subject of the
            # noun it names
            end = _phrase(named, sent)[1]
            name = _slice(sent, start, end)
        first, last = min(start, tok.idx), max(end, tok.idx + len(tok))
        return Attribution(name=name, start=first, end=last)
    return None


def _as_reported(sent: Any) -> Attribution | None:
    """"As reported by the BBC, ...", "as the ministry confirmed, ...": a reporting verb in an "as"
    clause names its source by its agent or its subject."""
    for tok in sent:
        if tok.lemma_.lower() not in REPORTING_VERBS or not any(
                c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue
        if tok.lemma_.lower() != "tell" and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "as she maintained her lead": an act told in an "as" clause of time
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                     None)
        who = agent or next((c for c in tok.children if c.dep_ == "nsubj"), None)
        name = "" if who is None or _no_one(who) else _name(who, sent)
        if name:
            start, end = _phrase(who, sent)
            first = next(c for c in tok.children if c.dep_ == "mark").idx
            return Attribution(name=name, start=min(first, start), end=max(end, tok.idx + len(tok)))
    return None


#: A word of a line's opening run of capitals ("POLICE SAY NUMBERS ARE RISING", "MINISTER: COSTS
#: WILL DOUBLE"): letters without a lower-case one, with the marks a heading joins them by.
_CAPS_WORD = r"[^\sa-z]*[A-Z][^\sa-z]*(?=\s|$)"
_CAPS_RUN_RE = re.compile(rf"[ \t\"'“‘(]*(?:{_CAPS_WORD}[ \t]+)*{_CAPS_WORD}")
#: The words of such a run that are words (not "–", "&" or a figure).
_CAPS_LETTERS_RE = re.compile(r"[A-Z][A-Z'’.-]*")


def in_caps_heading(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a source's span) lies in a heading written in capitals that opens
    its line: a run of three words or more (two before a colon), glued to the sentence after it on
    the same line ("POLICE SAY NUMBERS ARE RISING Reported burglaries rose ...", "BREAKING NEWS: The
    bank ...") or the whole line with no full stop ("MINISTER: COSTS WILL DOUBLE"). A heading names
    its topic, not whom the text cites; a line wholly in capitals that ends like a sentence is body
    text and keeps its source."""
    line_start = text.rfind("\n", 0, start) + 1
    run = _CAPS_RUN_RE.match(text, line_start)
    if run is None or run.end() < end:
        return False
    words = len(_CAPS_LETTERS_RE.findall(run.group()))
    # two words only as a label before a colon ("BREAKING NEWS:"): "UN OCHA said" is a name
    if words < 2 or (words == 2 and not run.group().endswith(":")):
        return False
    line_end = text.find("\n", run.end())
    rest = text[run.end() : len(text) if line_end < 0 else line_end]
    if rest.strip():
        return any(c.islower() for c in rest)  # sentence-case text after it: a heading glued on
    return not run.group().rstrip(" \"'”’)").endswith((".", "!", "?"))


#: A name that is only a count in figures ("11 More", "2"): a headline's, which names no one.
_COUNT_ONLY_RE = re.compile(r"(?i)\d[\d,.]*(?:\s+more)?")


def find_source(sent: Any) -> Attribution | None:
    """The attribution in the spaCy sentence ``sent``, or None when it cites nobody."""
    found = (_according_to(sent) or _as_reported(sent) or _polled(sent) or _evidence_closing(sent)
             or _speaker(sent) or _forecast_read_as_noun(sent) or _evidence_agent(sent)
             or _closing_read_as_noun(sent))
    if found is None or not any(c.isalnum() for c in found.name) or "\n" in found.name:
        return None
    if _COUNT_ONLY_RE.fullmatch(found.name):
        return None  # "11 More Found In Filthy Compound": a headline's count names no one
    if in_caps_heading(doc_text(sent.doc), found.start, found.end):
        return None
    if _slice(sent, sent.start_char, found.start).endswith(found.name + " "):
        found.start -= len(found.name) + 1  # "[WHO] data shows": the maker the parser split off the subject
    if not sent.start_char <= found.start < found.end <= sent.end_char:
        return None
    if "\n" in sent.text[found.start - sent.start_char : found.end - sent.start_char]:
        return None
    found.name = " ".join(found.name.split())
    return found


#: Cue lemmas by which a text cites someone for a statement: speech and writing ("say",
#: "tweet"), the stances a statement takes ("accuse", "deny", "urge"), thought and judgement
#: ("believe", "conclude"), evidence ("show", "find"), and the aims and positions the text
#: attributes ("plan", "oppose"). A quote PolNeAR-style cues find through another verb ("the
#: officer fired her weapon", "police raided the compound", "crimes he committed") names who
#: acted, not whom the text cites, so its "speaker" is no claim's source. "attack" and "push"
#: are left out: as often a blow as a word; "post" too: as often accounts ("posted a loss of
#: $2m") as a message, which cites through its proposition ("posted that ...") or a quotation.
CITING_CUES = frozenset([
    "according to", "say", "tell", "speak", "talk", "state", "add", "note", "point", "mention",
    "explain", "comment", "remark", "observe", "describe", "call", "label", "brand", "characterize",
    "portray", "frame", "paint", "term", "dub", "liken", "compare", "link", "quote", "cite",
    "reference", "refer", "invoke", "address", "tweet", "retweet", "blog", "email", "text",
    "write", "publish", "release", "issue", "print", "broadcast", "air", "voice", "express",
    "sound", "shout", "testify", "answer", "reply", "respond", "ask", "question", "inquire",
    "wonder", "recall", "recount", "repeat", "echo", "elaborate", "discuss", "weigh", "poke",
    "grill", "report", "announce", "announcement", "statement", "herald", "unveil", "notify",
    "inform", "brief", "remind", "convince", "persuade", "reassure", "assure", "admit",
    "acknowledge", "concede", "confess", "confirm", "deny", "dispute", "reject", "contradict",
    "correct", "clarify", "apologize", "apologise", "insist", "maintain", "contend", "argue",
    "assert", "allege", "claim", "charge", "accuse", "blame", "criticize", "criticise", "condemn",
    "denounce", "slam", "blast", "rail", "decry", "bemoan", "lament", "complain", "protest",
    "object", "praise", "thank", "credit", "warn", "caution", "threaten", "urge", "demand",
    "request", "plead", "appeal", "propose", "suggest", "recommend", "advise", "promise", "pledge",
    "vow", "swear", "guarantee", "predict", "forecast", "project", "expect", "estimate",
    "calculate", "count", "tally", "believe", "think", "feel", "fear", "worry", "hope", "know",
    "suspect", "doubt", "assume", "understand", "see", "consider", "regard", "view", "agree",
    "disagree", "concur", "decide", "determine", "conclude", "find", "rule", "judge", "identify",
    "show", "reveal", "disclose", "indicate", "signal", "hint", "imply", "prove", "demonstrate",
    "document", "detail", "record", "list", "chronicle", "highlight", "emphasize", "emphasise",
    "stress", "underscore", "declare", "proclaim", "pronounce", "joke", "quip", "boast", "brag",
    "tout", "mock", "deride", "dismiss", "scoff", "sneer", "scold", "lecture", "cast", "want",
    "plan", "intend", "aim", "seek", "try", "attempt", "refuse", "decline", "offer", "vote",
    "oppose", "support", "endorse", "back", "favor", "favour", "champion", "embrace", "defend",
    "advocate", "campaign", "lobby", "learn", "hear", "read", "remember", "realize", "realise",
    "recognize", "recognise", "criticism", "accusation", "justify", "lash", "reiterate",
    "reaffirm", "affirm", "outline", "articulate", "speculate", "mull", "chastise", "assail", "rip",
    "repudiate", "downplay", "spar", "balk", "vouch", "applaud", "hail", "congratulate", "welcome",
    "prefer", "float", "allegation", "proposal", "opposition", "decision", "retweete",
]) | {f"by {noun}" for noun in RECKONINGS}  # the quotes stage's "by one estimate", "by the UN's count"
#: How a reported quote's content opens when it is a proposition ("... plans to cut taxes",
#: "... found that ..."), not the object of an act ("... raided the compound").
_PROPOSITION = re.compile(r"(?i)(?:to|that|whether|if|how|why|what|when|where|who|which)\b")


#: Cues whose passive subject is the speaker: "he was quoted as saying", "she was heard to say", and
#: feelings and beliefs, whose participle says what its subject feels ("Protesters were frustrated
#: that ...", "She is convinced that ...").
_QUOTED_AS = frozenset(["quote", "hear", "record", "frustrate", "concern", "worry", "convince", "disappoint",
                        "please", "surprise", "shock", "anger", "alarm", "upset", "trouble", "satisfy",
                        "delight", "encourage", "dismay", "outrage", "stun", "confuse", "persuade",
                        "determine", "resolve", "scare", "frighten", "terrify", "annoy", "irritate"])
#: "he stands accused of ...": a passive of accusing without a form of "be".
_STANDS_ACCUSED = re.compile(r"(?i)\s+(?:stands?|stood|standing)\s+")
#: A form of "be" between a speaker and a cue makes the cue passive ("the firm was ordered to", "he
#: had been told that", "his wives were charged with"): the speaker is whom it was said or done to.
_PASSIVE_BEFORE = re.compile(r"(?i)\s+(?:(?:has|have|had)\s+been|was|were|is|are|been|being|got|gets|get)"
                             r"(?:\s+\w+ly)?\s+")
#: A possessive just before a cue makes the cue a noun with an owner ("the bank's plans", "its
#: statement").
_OWNED = re.compile(r"(?i)(?:\w['’]s|s['’]|\b(?:its|his|her|their|our|my|your))\s*$")


def _verb(cue_name: str) -> str:
    """A cue's verb without its negation ("not say": "say"): who "did not deny" a figure is
    still the one the text cites about it."""
    first, _, rest = cue_name.lower().partition(" ")
    return rest if first in CUE_NEGATIONS and rest else cue_name.lower()


def _told(quote: Quote, text: str) -> bool:
    """Whether the speaker of ``quote`` is whom its passive cue was said to or done to ("The firm
    was ordered to pay ...", "He had been told that ...", "his wives were charged with abuse",
    "he stands accused of ..."), not the one who tells; "he was quoted as saying" is his."""
    cue, speaker = quote.cue, quote.speaker
    if cue is None or speaker is None or _verb(cue.name) in _QUOTED_AS:
        return False
    if not 0 <= cue.start - speaker.end <= 30 or text[cue.start : cue.end].lower().endswith("ing"):
        return False
    between = text[speaker.end : cue.start]
    if _STANDS_ACCUSED.fullmatch(between) and _verb(cue.name) == "accuse":
        return True  # "he stands accused of abusing women": whom the accusation is about
    # "The firm was ordered to pay ...", and any other passive cue ("his wives were charged with
    # abuse", "Police were called to the home"): whom it was done to, not who says anything
    return _PASSIVE_BEFORE.fullmatch(between) is not None


#: Cues of an act of authority over someone ("The court ordered him to pay $2m", "sentenced him to
#: 15 years", "required firms to report"): what they tell is done, not stated, so their subject
#: is whom the text says acted, not whom it cites.
_DIRECTING = frozenset(["order", "instruct", "force", "require", "compel", "oblige", "command", "sentence",
                        "jail", "fine", "ban", "bar", "direct", "authorize", "authorise", "allow", "permit"])


#: A refusal to say anything: "declined to comment", "refused to confirm the figure".
_REFUSALS = frozenset(["decline", "refuse"])
_SAYING_NOTHING = re.compile(r"(?i)to\s+(?:comment|say|discuss|confirm|elaborate|speculate|give|provide|"
                             r"disclose|reveal|be\s+drawn|answer|respond|specify)\b")


def _refusal(quote: Quote, text: str) -> bool:
    """Whether ``quote`` is a refusal to say anything ("A spokesman declined to comment on the job
    cuts, which sources said ..."): it states nothing its speaker could be cited for but the refusal."""
    cue = quote.cue
    return cue is not None and _verb(cue.name) in _REFUSALS and _SAYING_NOTHING.match(
        text[quote.start : quote.end].lstrip(" \"'“‘")) is not None


def _ranks_over(one: tuple[int, Quote], other: tuple[int, Quote], text: str) -> bool:
    """Whether the quote of ``one`` (its overlap with a claim, the quote) gives the claim its source
    rather than ``other``'s: the one overlapping it more, but a refusal to say anything only where no
    other quote says something ("declined to comment on job cuts, which [sources said could reach
    1,000]": the sources; "he declined to comment." alone: he)."""
    refuses, other_refuses = _refusal(one[1], text), _refusal(other[1], text)
    if refuses != other_refuses:
        return other_refuses
    return one[0] > other[0]


def _headline_cue(quote: Quote, text: str) -> bool:
    """Whether the speaker and the cue of ``quote`` are a headline's two nouns right after each
    other ("Union claims rise ...", ``headline_nouns``)."""
    speaker, cue = quote.speaker, quote.cue
    if speaker is None or cue is None or text[speaker.end : cue.start] != " ":
        return False
    line_end = text.find("\n", cue.end)
    rest = text[cue.end : len(text) if line_end < 0 else line_end]
    return headline_nouns(text[speaker.start : speaker.end], text[cue.start : cue.end], rest)


#: Cues with a sense that says nothing, which their content shows: a plea in court ("pleaded
#: guilty to 14 counts", "pleaded not guilty"), a verdict ("found him guilty"), a fall ("declined
#: by 0.4 points", "declined 5%") or turning a thing down ("declined the offer"). Who did it acted,
#: the text cites no one; a refusal to say ("declined to comment", "declined comment") and a plea
#: for something ("pleaded with ministers to ...", "pleaded that ...") still cite.
_NOT_SAYING = {
    "plead": re.compile(r"(?i)(?:not\s+)?(?:guilty|innocent)\b|no\s+contest\b"),
    "decline": re.compile(r"(?i)(?!to\b|that\b|comment|further\s+comment)"),
    # a verdict ("a jury found him guilty of two counts", "found the firm liable"), not a finding
    # that is stated ("found that he was guilty")
    "find": re.compile(r"(?i)(?!that\b)(?:[\w'’-]+\s+){1,4}?(?:not\s+)?(?:guilty|liable)\b"),
}


def _cites(quote: Quote, text: str) -> bool:
    """Whether the speaker of ``quote`` is someone the text cites: a direct quote's, one whose
    cue says, thinks, finds or takes a stance (``CITING_CUES``), or one whose content is a
    proposition; not whoever did what another verb tells ("the officer fired her weapon"), nor whom
    a passive cue was said to ("the firm was ordered to pay"), nor a speaker who does not own the
    noun cue ("the figures complicate the bank's plans to ...": the plans are the bank's)."""
    cue, speaker = quote.cue, quote.speaker
    if cue is not None and speaker is not None and _OWNED.search(text[max(0, cue.start - 8) : cue.start]) \
            and not 0 <= cue.start - speaker.end <= 3:
        return False
    if _told(quote, text) or _headline_cue(quote, text):
        return False
    if quote.kind != "direct" and cue is not None and _verb(cue.name) in _DIRECTING:
        return False
    content = text[quote.start : quote.end].lstrip(" \"'“‘")
    if quote.kind != "direct" and cue is not None and _verb(cue.name) in _NOT_SAYING \
            and _NOT_SAYING[_verb(cue.name)].match(content):
        return False
    if quote.kind == "direct" or cue is None or _verb(cue.name) in CITING_CUES:
        return True
    return bool(_PROPOSITION.match(content))


def _unresolved_it(who: Attribution) -> bool:
    """Whether ``who`` is a bare "it" its stage tied to no actor.

    Only "it": the rules resolve it to the nearest earlier organisation, right in 5 of the 6
    such claims on PolNeAR dev and PTC dev ("Tesco reported ... It said"), while their nearest
    earlier person for an unresolved "he", "she" or "they" was right in 3 of 6, no better than
    leaving the pronoun."""
    return who.actor is None and who.name.strip().lower() == "it"


#: Cues whose speaker disputes or answers what is reported inside their content, not asserts it.
_DISPUTING = frozenset({"dismiss", "deny", "reject", "dispute", "question", "challenge", "contest",
                        "rebut", "refute", "doubt", "mock", "ridicule", "deride", "respond", "seize"})


def _named_for_its_country(speaker: Attribution, text: str) -> bool:
    """Whether the quotes stage named ``speaker`` by the country its span only names a body of
    (as "the French foreign ministry" does): by a national adjective ("The Israeli military
    said": Israel) or by the country's name inside a longer one ("Alzheimer's Research UK said":
    United Kingdom), where the span as written is the source; not a name the span writes whole
    ("Israel said", "The UK said"), nor a pronoun or a noun it resolved ("It said", "the country said")."""
    written = text[speaker.start : speaker.end]
    name = speaker.name.strip()
    if not name or re.search(rf"(?i)(?<!\w){re.escape(name)}(?!\w)", written):
        return False
    words = [re.sub(r"['’]s?$", "", w) for w in re.findall(r"[A-Z][\w.'’&-]*", written)]
    # the first word of a name is no national adjective of it ("Manager Erik" is not named for
    # the country "Erik ten Hag"; "The Saudi foreign ministry" is, for Saudi Arabia)
    if any(_demonym_of(word, name) and (is_country(name) or word.lower() not in name.lower().split())
           for word in words):
        return True
    return is_country(name) and not is_country(written) and any(is_country(word) for word in words)


def _according_to_all(rules: Attribution, claim: Claim, text: str) -> bool:
    """Whether the rules' attribution is an "according to" (or "per") phrase that opens or closes
    ``claim``, citing its whole statement ("According to the WHO, ...", "..., per the WHO.")."""
    if not claim.start <= rules.start < rules.end <= claim.end \
            or not text[rules.start : rules.end].lower().startswith(("according to", "per ", "as per ")):
        return False
    before, after = text[claim.start : rules.start], text[rules.end : claim.end]
    # not one a quotation closes ("... 987 subsidiaries, according to its own website.''"): the quoted
    # speaker's own
    return not before.strip(" (") or not after.strip(" .!)")


def _closes_quote(rules: Attribution, quote: Quote, claim: Claim, text: str) -> bool:
    """Whether the rules' attribution is a report by evidence that closes ``claim`` after all of
    ``quote`` ("[Three-quarters of nurses said they had considered quitting], a survey by the Royal
    College of Nursing found."): what the people it asked said is what the evidence found."""
    speaker = quote.speaker
    if speaker is None or not claim.start <= speaker.start or not (
            quote.end <= rules.start < rules.end <= claim.end):
        return False
    if text[rules.end : claim.end].strip(" .!\"'”’)"):
        return False
    words = re.findall(r"[a-z]+", text[rules.start : rules.end].lower())
    return any(w in _EVIDENCE_NOUNS for w in words) and not text[rules.start : rules.end].lower().startswith(
        ("according", "per ", "as per "))


def _runs_over(quote: Quote, claim: Claim, rules: Attribution) -> bool:
    """Whether the reported ``quote``, whose speaker lies after ``claim``, holds in its content
    the claim's own attribution that the rules found (``rules``): a quote run over two sentences
    ("[Rui Costa said the club had rejected two bids.] \"...\" Costa told reporters")."""
    who = quote.speaker
    return who is not None and who.start >= claim.end and claim.start <= rules.start \
        and quote.start <= rules.start and rules.end <= min(quote.end, claim.end)


def sources_from_quotes(claims: list[Claim], quotes: list[Quote], text: str) -> int:
    """Make the speaker of the quote a claim lies in (the one overlapping it most) its source.

    The quotes stage finds attributions the sentence rules of ``find_source`` miss (a speaker
    named in the sentence before, a cue after a quotation, a pronoun), and where both name a
    source and disagree its learned speaker choice is the right one more often (30 claims
    against 10 on PolNeAR dev). Claims inside no attributed quote keep ``find_source``'s answer,
    as do those whose quote's speaker is an "it" the quotes stage left unresolved (``_unresolved_it``)
    or the evidence whose publisher the rules name ("results published by the commission", "data from
    Moneyfacts", "a study in the Lancet"), or whose own attribution a reported quote run on from the
    next sentence holds (``_runs_over``), or that name their own speaker where the reported quote's
    lies outside them.
    The source span covers the speaker and the cue when they are near each other ("the minister
    said"), else the speaker alone. A quote whose speaker only did something (``_cites``: "the
    officer fired her weapon") gives no source, nor does one spoken by the writer's "I" or "we"
    (outside any quotation). Returns how many claims got their source from a quote.
    """
    cited = 0
    for claim in claims:
        best: tuple[int, Quote] | None = None
        for quote in quotes:
            overlap = min(claim.end, quote.end) - max(claim.start, quote.start)
            if quote.speaker is not None and overlap > 0 and (best is None or _ranks_over(
                    (overlap, quote), best, text)):
                best = (overlap, quote)
        if best is None:
            continue
        # "The minister dismissed [a BBC report that [the plant would close with 400 jobs lost]]":
        # the facts are the inner report's, which holds most of the claim, when the outer speaker
        # only disputes or answers it (one who says it asserts it: "Bamberg said the videos show")
        outer = best[1].cue
        inner = [] if outer is None or _verb(outer.name) not in _DISPUTING else [
                 q for q in quotes if q is not best[1] and q.speaker is not None
                 and best[1].start <= q.start and q.end <= best[1].end and _cites(q, text)
                 and 2 * (min(claim.end, q.end) - max(claim.start, q.start)) >= claim.end - claim.start]
        if inner:
            best = (0, min(inner, key=lambda q: q.end - q.start))
        speaker, cue = best[1].speaker, best[1].cue
        if speaker is None or not _cites(best[1], text):
            continue
        if speaker.name.lower() in _FIRST_PERSON and not any(
                q.kind == "direct" and q.start <= speaker.start < q.end for q in quotes):
            continue  # "As I said, ...": the writer's own voice is no source (a quoted "we" is)
        if speaker.name.lower() in _NAMES_NO_ONE:
            continue  # "some calls into the hotline were ...": a word that names no one
        if in_caps_heading(text, speaker.start, speaker.end):
            continue  # "POLICE SAY NUMBERS ARE RISING Burglaries rose ...": a heading cites no one
        rules = claim.source
        if rules is not None and best[1].kind == "reported" and claim.start <= rules.start \
                and rules.end <= claim.end and not claim.start <= speaker.start < claim.end:
            continue  # "..., the country's health ministry said.": not a speaker the sentence before names
        if rules is not None and _refusal(best[1], text) and not (rules.start < speaker.end
                                                                  and speaker.start < rules.end):
            continue  # "declined to comment on job cuts, which sources said ...": the rules found who says
        if rules is not None and _closes_quote(rules, best[1], claim, text):
            continue  # "Most nurses said ..., a survey by the RCN found.": the evidence cites what they said
        if rules is not None and _according_to_all(rules, claim, text) \
                and not (rules.start < speaker.end and speaker.start < rules.end):
            continue  # "Romania recorded ..., according to the WHO.": the text names whom it cites
        if rules is not None and best[1].kind == "reported" and _runs_over(best[1], claim, rules):
            continue  # "[Rui Costa said the club had ...] \"...\" Costa told": the claim's own speaker
        if rules is not None and _unresolved_it(speaker) and rules.name.lower() != "it":
            continue  # "It said ...": the rules resolved the pronoun, the quotes stage did not
        if rules is not None and rules.start < speaker.end and speaker.start < rules.end \
                and text.find(rules.name, speaker.end, rules.end) >= 0:
            continue  # "results published by the commission": the rules named the body behind the evidence
        if rules is not None and rules.start < speaker.end and speaker.start < rules.end \
                and _made_evidence(speaker.name) and rules.name != speaker.name \
                and rules.name in speaker.name:
            continue  # "a Reuters/Ipsos poll", "LSEG data": the rules named its maker
        if rules is not None and rules.start < speaker.end and speaker.start < rules.end \
                and _names_what_it_describes(rules.name, speaker.name):
            continue  # "the consultancy SovEcon": the rules named whom the speaker only describes
        if rules is not None and _evidence_of(speaker.name, rules.name):
            continue  # "data from Moneyfacts", "a study in the Lancet": the rules named who is behind it
        start, end = speaker.start, speaker.end
        if rules is not None and start < rules.start < end and "," in text[start : rules.start]:
            start = rules.start  # "watched the final, broadcaster ITV said": what comes before the comma
        if cue is not None and max(cue.start - speaker.end, speaker.start - cue.end) <= _NEAR:
            start, end = min(start, cue.start), max(end, cue.end)
        # "The Israeli military said": the body as written, not the country its adjective names
        name = " ".join(text[speaker.start : speaker.end].split()) if _named_for_its_country(speaker, text) \
            else speaker.name
        claim.source = Attribution(name=name, start=start, end=end, actor=speaker.actor)
        cited += 1
    return cited
