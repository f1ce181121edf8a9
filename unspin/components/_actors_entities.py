"""Named entities grouped into actors: one canonical name, its aliases as written, its mentions.

spaCy finds the PERSON, ORG, GPE and NORP mentions; they are grouped when one names the same
actor as another: a surname after a full name ("Bashar Al-Assad" ... "Assad"), a known
variant of a country or body ("U.S.", "the United States"), an acronym of a longer name
("FBI", "Federal Bureau of Investigation"), a state named by its adjective ("the Syrian
government" is Syria when the text names Syria). Pronouns are resolved to the nearest fitting
actor before them, titles to the person the text gave that title (``resolve_reference``).
Computed once per document and kept in
``doc.cache["entities"]`` so the quotes and actors stages share it.

Named entities are not all the actors: ``_actors_bodies.actor_clusters`` adds, for the actors
stage, the bodies a story names by a definite common noun ("the city council" ... "the
council", "police") and the blocs spaCy calls locations ("the West"), on copies of these
clusters, which stay as they are for the quotes stage.

spaCy's small model errs in known ways, mended before grouping (``entity_spans``):
- in a Title-Case headline every capitalised run looks like a name ("Assad Regime Bombs Aleppo
  Again", "Judge Denies Bail"): a headline entity is kept only where its words name an actor of
  the body (cut down to those words, "Assad"), else dropped ("Denies");
- a name cut at a capitalised preposition ("Doctors [Without Borders]") is extended to the
  capitalised words before it, as an organisation;
- the department in a title ("Secretary of [State]") is not an actor;
- the author named in a byline ("By Tom Hadley") and the place and agency of a dateline
  ("WASHINGTON (Reuters) -") are not actors of the story;
- a force named after two places is one body ("Avon and Somerset Police", "Police Scotland");
- a name the text writes as a disease's ("Marburg virus") is no actor where it names the disease;
- a name ends with its paragraph, and with its line before a word that is no name ("Honorius I."
  before a line that opens "Would ...");
- the pronouns after a name tell a body from a person ("Morgan Stanley cut its forecast",
  "Dominic Thiem won his tenth title"), and a common word capitalised only because it opens a
  sentence or stands in a headline is no person ("Turnout fell sharply").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, IS_ALPHA, IS_UPPER, LOWER, ORTH, POS, SENT_START
from spacy.symbols import NOUN, PROPN

from unspin.components._countries import COUNTRY_NAMES, is_country
from unspin.components._given_names import (
    PARTICLES,
    given_name_gender,
    is_given_name,
    is_surname,
    person_shaped,
    without_accents,
)
from unspin.components._page_chrome import in_page_chrome
from unspin.components._quotes_marks import transcript_turns
from unspin.components.parse import doc_text
from unspin.errors import ModelError

__all__ = [
    "COMPANY_WORDS",
    "DATELINE",
    "ENTITY_TYPES",
    "PARTY_NAMES",
    "TITLE_WORDS",
    "US_STATES",
    "EntityCluster",
    "accused_person",
    "cluster_for_span",
    "entity_clusters",
    "entity_spans",
    "fits_pronoun",
    "in_modifier",
    "is_accused_reference",
    "is_headline",
    "line_at",
    "mention_tokens",
    "names_people",
    "office_holder",
    "office_of_something",
    "references",
    "resolve_reference",
    "sentence_starts",
]

#: spaCy's label -> actor type; a GPE that names a country (``is_country``) is a "country"
ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group"}

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
    "Democratic Party": ("democratic party", "democrats", "dems", "democrat", "democratic"),
    "Republican Party": ("republican party", "gop", "republicans", "republican"),
    "Americans": ("american", "americans"),
    # central banks as markets news shortens them ("Fed chair Jerome Powell")
    "Federal Reserve": ("fed", "the fed", "federal reserve", "us federal reserve", "federal reserve board"),
    "Bank of England": ("boe", "bank of england"),
}.items():
    for _form in _forms:
        _VARIANTS[_form] = _canonical
#: US states as news agencies abbreviate them ("Amalia, N.M.", "Sen. Ann Cole, D-Calif."); the
#: ones that are also common words or titles ("Ind.", "Miss.", "La.", "Wash.") are left out, and
#: "Ga.", since "Georgia" alone is taken for the country.
for _state, _short in (
        ("Alabama", "ala."), ("Arizona", "ariz."), ("Arkansas", "ark."), ("California", "calif."),
        ("Colorado", "colo."), ("Connecticut", "conn."), ("Delaware", "del."), ("Florida", "fla."),
        ("Illinois", "ill."), ("Kansas", "kan."), ("Kentucky", "ky."),
        ("Maryland", "md."), ("Massachusetts", "mass."), ("Michigan", "mich."), ("Minnesota", "minn."),
        ("Missouri", "mo."), ("Montana", "mont."), ("Nebraska", "neb."), ("Nevada", "nev."),
        ("New Hampshire", "n.h."), ("New Jersey", "n.j."), ("New Mexico", "n.m."), ("New York", "n.y."),
        ("North Carolina", "n.c."), ("North Dakota", "n.d."), ("Oklahoma", "okla."), ("Oregon", "ore."),
        ("Pennsylvania", "pa."), ("Rhode Island", "r.i."), ("South Carolina", "s.c."),
        ("South Dakota", "s.d."), ("Tennessee", "tenn."), ("Vermont", "vt."), ("Virginia", "va."),
        ("West Virginia", "w.va."), ("Wisconsin", "wis."), ("Wyoming", "wyo.")):
    _VARIANTS[_short] = _state
#: Two-letter postal codes of US states, read only when written in capitals ("Houston, TX"); the
#: ones that are also words or stand for something else as often ("IN", "OR", "ME", "OK", "HI",
#: "LA", "MD", "CO", "AR", "ID", "MS", "GA", "DE", "AL", "MO", "NE", "WA", "AK") are left out.
_POSTAL = {
    "AZ": "Arizona", "CA": "California", "CT": "Connecticut", "FL": "Florida", "IA": "Iowa",
    "IL": "Illinois", "KS": "Kansas", "KY": "Kentucky", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MT": "Montana", "NC": "North Carolina", "ND": "North Dakota",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NV": "Nevada", "NY": "New York",
    "OH": "Ohio", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia",
    "VT": "Vermont", "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming",
}
#: The US states' names, in lower case.
US_STATES = frozenset(name.lower() for name in _POSTAL.values())

#: Words of a person's title or office ("the senator", "Secretary of State").
TITLE_WORDS = frozenset({
    "president", "vice-president", "senator", "sen.", "governor", "gov.", "minister", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "leader", "chairman",
    "chairwoman", "chair", "director", "ceo", "official", "congressman", "congresswoman",
    "representative", "rep.", "mayor", "judge", "prosecutor", "attorney", "lawyer", "ambassador",
    "general", "commander", "king", "queen", "prince", "premier", "chancellor", "founder", "chief",
    "head", "businessman", "businesswoman", "billionaire", "author", "professor", "doctor", "dr.",
    "analyst", "adviser", "advisor", "manager", "aide", "sheriff", "officer", "pope", "bishop",
    "former", "treasurer", "councillor", "councilor", "cllr", "cllr.", "detective", "sergeant",
    "constable", "inspector", "superintendent", "captain", "colonel", "coach", "chef", "rabbi", "imam",
    "reverend", "pastor", "archbishop", "cardinal", "economist", "organiser", "organizer", "deputy",
})
#: What a leader's name heads ("the Trump administration", "the Cole campaign"): a body of its own.
_TEAMS = frozenset({"administration", "campaign", "presidency", "regime"})

#: Departments that follow "<title> of" as part of the title, not as an actor of their own.
_DEPARTMENTS = frozenset({
    "state", "defense", "defence", "justice", "health", "energy", "interior", "commerce", "labor",
    "labour", "education", "treasury", "agriculture", "transportation", "homeland security",
    "veterans affairs", "housing", "foreign affairs", "home affairs", "finance", "war", "staff",
})
#: Nouns after a national adjective that make it the state ("the Syrian government"), the
#: state's armed or official arms, or what the state does ("the Russian invasion", "Iranian
#: missiles"); not its people ("Russian civilians") or goods ("Russian oil").
_STATE_NOUNS = frozenset({
    "government", "regime", "administration", "army", "military", "forces", "troops", "authorities",
    "officials", "ministry", "navy", "leadership", "state", "junta", "cabinet", "parliament",
    "soldier", "intelligence", "diplomat", "embassy", "side", "invasion", "aggression", "attack",
    "offensive", "occupation", "withdrawal", "strike", "airstrike", "missile", "shelling",
    "bombardment", "meddling", "interference", "propaganda", "effort", "operation", "war",
    "campaign", "plan", "policy", "strategy", "threat", "demand", "proposal", "response", "decision",
    "sanction", "artillery", "unit", "drone", "jet", "warplane", "warship", "tank", "aircraft",
    "gunboat", "battalion", "brigade", "police", "coastguard", "spokesman", "spokeswoman",
    "spokesperson", "president", "minister", "premier", "ambassador", "envoy", "counterpart", "leader",
    "king", "prince", "emir", "monarch", "prosecutor", "court", "regulator", "investigator", "chancellor",
    # read as lemmas: the plurals above ("forces", "officials") are their singular here
    "force", "troop", "authority", "official",
})
#: National adjectives whose country name is not a prefix of them.
_DEMONYMS = {
    "american": "united states", "british": "united kingdom", "french": "france", "turkish": "turkey",
    "dutch": "netherlands", "lebanese": "lebanon", "swiss": "switzerland", "spanish": "spain",
    "greek": "greece", "polish": "poland", "afghan": "afghanistan", "filipino": "philippines",
    "danish": "denmark", "swedish": "sweden", "norwegian": "norway", "finnish": "finland",
    "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england", "thai": "thailand",
    "emirati": "united arab emirates", "kuwaiti": "kuwait", "portuguese": "portugal",
    # not the island of Dominica, whose name it opens: news means the republic
    "dominican": "dominican republic",
}
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their"})
#: The kinds of actor "its" may stand for.
_ITS_KINDS = frozenset({"organization", "country", "place", "group"})
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
#: Courtesy titles before a surname, with the gender they give it ("Mr Lee", "Ms. Lee").
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(Mr|Mrs|Ms|Miss|MR|MRS|MS)\.?[ \t\u00a0]+$")
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
    text = " ".join(text.replace("\xad", "").split())  # and no soft hyphen ("Honorius\xad I")
    previous = None
    while previous != text:
        previous = text
        text = _STRIP.sub("", text).strip(" ,;:\"“”«»()[]/").lstrip("'‘")
    return text


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _key(name: str) -> str:
    """A name as the actors are filed under it: lower case, one kind of apostrophe ("O’Rourke")."""
    return name.lower().replace("’", "'")


def _words(name: str) -> list[str]:
    """The words of a name, lower case, without a generational suffix ("Jr.", "III")."""
    words = [w for w in re.split(r"[\s\-,]+", _key(name)) if w]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


#: An acronym written with full stops ("W.H.O.", "N.A.A.C.P.").
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,8}")


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _is_acronym(word: str) -> bool:
    """Whether a word is an acronym in capitals ("CIA", "FBI"), not a regnal number ("III")."""
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper() and not _ROMAN.fullmatch(word)


_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _headlines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written in Title Case (a title, a headline, a crosshead),
    also a short one set apart as a paragraph of its own and ending with a full stop
    ("Gender Equality.", "Examining the U.N.'s Record on Urgent Global Challenges."), and of the
    Title Case lead-in of a paragraph before a colon ("Veto Power Impedes Peace Efforts: ...")."""
    ranges = []
    at = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        alone = (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())
        lead = _LEAD_IN.match(line)
        if is_headline(line) or (alone and _section_title(line)):
            ranges.append((at, at + len(line)))
        elif lead is not None and len(lead.group(1).split()) >= 4 and is_headline(lead.group(1)) \
                and all(w[0].isupper() for w in _HEADLINE_WORD.findall(lead.group(1)) if len(w) >= 4):
            # four words at least: "President Donald Trump: ..." is a transcript's speaker; and
            # every long one in capitals: "Health Secretary Lucy Brennan said: ..." is a sentence
            ranges.append((at, at + len(lead.group(1))))
        at += len(line) + 1
    return ranges


def _title_lines(text: str) -> list[tuple[int, int]]:
    """The headlines (``_headlines``) and the first line where it stands alone without a full
    stop, a title in sentence case ("Veltrix and Norsam agree $12bn merger")."""
    ranges = _headlines(text)
    first = text.split("\n", 1)[0]
    rest = text[len(first):]
    if first.strip() and first.rstrip()[-1] not in ".!?\"”'’:" and rest.startswith("\n") \
            and (ranges[:1] != [(0, len(first))]) and (rest[1:2] in ("\n", "") or len(first.split()) <= 12):
        ranges = sorted([(0, len(first)), *ranges])
    return ranges


def _section_title(line: str) -> bool:
    """A paragraph of a few words, every long one capitalised, with or without a full stop
    ("Gender Equality.", "Examining the U.N.'s Record on Urgent Global Challenges.")."""
    words = _HEADLINE_WORD.findall(line)
    return 0 < len(words) <= 12 and all(w[0].isupper() or w in _TITLE_SMALL_WORDS for w in words)


#: The small words a title leaves in lower case.
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to",
                                "for", "by", "with", "from", "as", "vs", "vs."})


#: A paragraph's lead-in before a colon, as a feature writes a crosshead into its paragraph.
_LEAD_IN = re.compile(r"^([^:.!?\n]{3,90}):\s")


def is_headline(line: str) -> bool:
    """Whether one line is written in Title Case, as a title, a headline or a crosshead is."""
    words = [w for w in _HEADLINE_WORD.findall(line) if len(w) >= 4]
    capitals = sum(w[0].isupper() for w in words)
    # a headline has no full stop at its end; a body sentence full of names has one
    ends = line.rstrip(" \t\r\"'”’)]").endswith(".")
    return len(words) >= 3 and len(line.split()) <= 30 and capitals >= 0.8 * len(words) and not ends


_BYLINE = re.compile(r"^[ \t]*(?i:by|written by|words by)[ \t]+[A-Z][^\n.!?]{0,80}$", re.MULTILINE)


#: A dateline opening a paragraph: "WASHINGTON (Reuters) -", "KYIV, Ukraine (AP) —", "GENEVA -",
#: and the colon form of the Indian press ("NEW DELHI: The Union Cabinet ...", "MUMBAI, Jan 5:").
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{2,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,30})?"
                      r"(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*[-–—]|:)[ \t]+(?=[A-Z\"“‘'])", re.MULTILINE)


#: A live blog's time opening a paragraph: "10:42 GMT", "9.15am", "14:05 BST".
_TIMESTAMP = re.compile(r"^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?))?"
                        r"(?:[ \t]+(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT|CT|MT|IST|JST|AEST))?\b",
                        re.MULTILINE)


#: A dateline's parts: the place in capitals ("KARSA") and the region or country after its comma
#: ("Armenia"), up to the agency's brackets, the dash or the colon.
_DATELINE_PARTS = re.compile(r"[ \t]*([A-Z][A-Z.'’ -]*?)[ \t]*(?:,[ \t]*([A-Z][\w.'’ -]*?))?"
                             r"[ \t]*(?:\(|[-–—]|:)")


def _datelines(text: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """The place and the region (None where there is none) of each dateline, as character ranges:
    "KARSA, Armenia —" gives those of "KARSA" and "Armenia"."""
    out = []
    for found in DATELINE.finditer(text):
        parts = _DATELINE_PARTS.match(text, found.start(), found.end())
        if parts is not None:
            out.append((parts.span(1), parts.span(2) if parts.group(2) else None))
    return out


def _bylines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that sign the piece ("By Tom Hadley": its author is no actor)
    and of the datelines that open a paragraph ("WASHINGTON (Reuters) -": place and agency of the
    filing, not of the story), and a live blog's times ("10:42 GMT")."""
    signed = [(m.start(), m.end()) for m in _BYLINE.finditer(text) if len(m.group().split()) <= 10]
    return signed + [(m.start(), m.end()) for m in (*DATELINE.finditer(text), *_TIMESTAMP.finditer(text))]


_LAWS = frozenset({"amendment", "act", "constitution", "law", "bill", "treaty", "convention"})
#: The last words of a law's name, which the recogniser takes for an organisation's ("the Proceeds
#: of Crime Act"); not "Law" or "Convention", which end a school's or a party's meeting's name.
_LAW_NAMES = frozenset({"act", "amendment", "bill", "treaty"})
#: Lower-case words that belong inside a person's name ("Ludwig van Beethoven", "Osama bin Laden").
_NAME_PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "ben", "van", "von", "der", "den", "de", "da", "di", "del", "della",
    "du", "dos", "das", "la", "le",
})
#: Particles, written in lower case, that the recogniser may leave out of a name with the rest
#: after them ("[Erik] ten Hag"); "ten" and "ter" only there, as a number word is no particle.
_PARTICLES_AFTER = _NAME_PARTICLES | {"ten", "ter"}
#: The small words, in lower case, inside the names of places and bodies of other languages
#: ("Rio Grande do Sul", "Banco do Brasil", "Castilla y León" is not read).
_PLACE_PARTICLES = frozenset({"do", "da", "de", "del", "dos", "das", "di", "della", "von", "van", "der"})
#: Platforms, outlets and agencies that spaCy's small model takes for a person when written
#: alone ("posted it on Twitter", "Infowars ran it"); a full personal name in the text still wins
#: ("Andrew Breitbart" ... "Breitbart").
#: Parties named by one word or two (lower case), which the recogniser may call a person ("Labour").
PARTY_NAMES = frozenset({
    "labour", "conservatives", "tories", "democrats", "republicans", "gop", "liberal democrats",
    "lib dems", "greens", "snp", "ukip", "likud", "fidesz", "anc", "bjp", "cdu", "spd", "afd",
})
#: Parties named by one word, and where such a word, untagged, stands as the party ("Labour won",
#: "a defeat for Labour"), not as a modifier ("Labour costs", "the Labour leader").
_ONE_WORD_PARTIES = frozenset(name for name in PARTY_NAMES if " " not in name)
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "agent"})
_OUTLETS = frozenset({
    "twitter", "facebook", "youtube", "instagram", "google", "reddit", "tiktok", "telegram",
    "whatsapp", "snapchat", "linkedin", "gab", "parler", "wikileaks", "wikipedia", "infowars",
    "breitbart", "reuters", "bloomberg", "politico", "axios", "buzzfeed", "huffpost", "salon",
    "vox", "mediaite", "netflix", "microsoft",
})
#: Trade blocs and groups of states named by one word, which the recogniser calls a place or
#: leaves untagged ("Leaders of Mercosur", "Ecowas threatened to intervene"): an organisation.
_BLOCS = frozenset({
    "mercosur", "mercosul", "asean", "opec", "ecowas", "caricom", "apec", "brics", "comesa", "sadc",
    "igad", "nato", "g7", "g20", "g-7", "g-20", "aukus", "celac", "unasur", "efta",
    "opec+",  # one token, which the recogniser never tags ("after Opec+ agreed to cut output")
})
#: News agencies whose name a photo caption or credit writes just before a person's
#: ("Reuters Clinton whispers to ..."): not part of the name.
_AGENCIES = frozenset({"reuters", "ap", "afp", "getty", "epa", "upi", "bloomberg"})
#: A picture's credit ("AP Photo/Jose Luis Magana", "[Photo by Jan Kranendonk]", "Image:
#: Reuters"), from the agency before it to the end of its brackets or line: its names are no actors.
_CREDIT = re.compile(r"(?:\b[A-Z][\w.&]*[ \t]+)?\b(?:Photo|Photograph|Image|Picture|Screenshot)s?"
                     r"(?:[ \t]*(?:/|:|\bby\b|\bcredit\b)|[ \t]+(?:courtesy|via)\b)[^\n)\]]{0,60}")
#: Names spaCy's small model takes for actors that are texts, laws, diseases, files or ideas.
_NOT_ACTORS = frozenset({
    "gospel", "gospels", "bible", "quran", "qur'an", "koran", "torah", "talmud", "shariah", "sharia",
    "eucharist", "communion", "holy communion", "ebola", "covid", "covid-19", "pdf", "usb", "dui",
    "notice", "god", "creator", "satan", "truth", "faith", "brexit",
})
#: A generational suffix or regnal number ends a name; any other word in capitals is an acronym.
_ROMAN = re.compile(r"[IVX]+")
#: A country's formal name ("the Republic of Vostrana", "Kingdom of Marrosh", "Islamic Republic of
#: Iran"): the country its last words name. Not "Democratic Republic of Congo", nor "Republic of
#: China", "Korea" or "Congo", which name another state than the short name (``_STATE_FORM_OTHER``).
_STATE_FORM = re.compile(
    r"(?:(?:Islamic|People['’]s|Federal|Socialist|Arab|Hashemite|Federative|Plurinational|Bolivarian)[ \t]+)?"
    r"(Republic|Kingdom|State|Principality|Sultanate|Emirate|Grand[ \t]+Duchy)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")
_STATE_FORM_OTHER = frozenset({"china", "korea", "congo"})
#: The formal words a recogniser may file as an organisation's ("Kingdom of Marrosh"): still a state.
_STATE_FORM_ORG = frozenset({"Republic", "Kingdom", "Principality", "Sultanate", "Emirate"})
#: Common nouns for a place whose name follows "of" ("the border town of Dalmek", "the village of
#: Tesh"): that name is a place, whatever the recogniser called it.
_PLACE_KINDS = frozenset({
    "town", "village", "city", "province", "region", "district", "port", "county", "hamlet",
    "municipality", "township", "island", "enclave", "state", "territory", "emirate", "governorate",
    "prefecture", "oblast",
})
#: Prepositions of a destination or a location ("diverted to Rotterdam and Hamburg").
_PLACE_PREPS = frozenset({"to", "in", "from", "at", "via", "near", "into", "through"})
#: Country abbreviations that open an organisation's name ("UK Biobank", "US Steel").
_COUNTRY_CODES = frozenset({"UK", "U.K.", "US", "U.S.", "USA"})
#: The last words of a body's name that say which country it serves ("Water UK", "Sport England").
_SERVED_COUNTRIES = _COUNTRY_CODES | {"England", "Scotland", "Wales"}
#: Last words of a state's own bodies, which the text names beside its country ("US Senate",
#: "UK Parliament"): the country and the body stay apart.
_STATE_BODY_WORDS = frozenset({
    "senate", "congress", "parliament", "army", "navy", "treasury", "office", "department",
    "ministry", "patrol", "police", "embassy", "government", "court", "reserve", "bureau", "agency",
    "commission", "service", "forces", "force", "marines", "military", "administration", "cabinet",
    "guard", "command", "labour", "conservatives", "democrats", "republicans", "house",
})
#: Portfolios named before a minister's title ("Transport Minister Jonas Holm"): no body of their own.
_PORTFOLIOS = frozenset({
    "transport", "transportation", "health", "finance", "defence", "defense", "foreign", "interior",
    "justice", "education", "energy", "environment", "agriculture", "trade", "home", "culture",
    "housing", "economy", "treasury", "immigration", "tourism", "communications", "industry",
    "sports", "sport", "information", "fisheries", "development", "infrastructure", "commerce",
    "employment", "welfare", "security", "climate", "digital", "technology", "science", "research",
    "state", "works", "water", "mines", "petroleum", "aviation", "brexit", "press",
})
#: The titles a portfolio is written before ("Health Secretary", "Trade Commissioner").
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner", "spokesman", "spokeswoman",
                               "spokesperson", "secretary-general", "minister's", "ministers"})
#: Nouns for a role, besides ``TITLE_WORDS``, before a name set off by commas ("the union's
#: chief negotiator, Per Aasen,").
_ROLE_NOUNS = frozenset({"negotiator", "envoy", "mediator", "campaigner", "activist", "researcher",
                         "scientist", "expert", "owner", "founder", "editor", "reporter", "lawmaker",
                         "legislator", "vice-chair", "deputy", "counsel", "strategist", "boss", "surgeon",
                         "nurse", "paramedic", "midwife"})


def _split_entity(sdoc: Any, label: str, first: int, last: int, persons: set[str],
                  owners: dict[str, str]) -> list[tuple[str, int, int]]:
    """One entity as the actors it names (label, first token, end token): a person and a body
    joined by "&" ("Beto O'Rourke & Democrats"); a person or place named on its own elsewhere and
    what it owns ("Trump’s White House"), a law dropped ("Acosta’s Fifth Amendment"). "Special
    Counsel’s Office" and "Johnson & Johnson" stay whole."""
    joint = next((t.i for t in sdoc[first:last] if t.lower_ in ("&", "and") and t.dep_ == "cc"), None)
    if (label == "ORG" and joint is not None and first < joint < last - 1
            and _key(_clean(sdoc[first:joint].text)) in persons):
        return [("PERSON", first, joint), ("ORG", joint + 1, last)]
    if joint is not None and label == "ORG" and first < joint < last - 2 and sdoc[joint + 1].text == "The":
        # "The Intercept and The New Yorker": a second "The" opens a second name
        return [(label, first, joint), (label, joint + 1, last)]
    owned = next((t.i for t in sdoc[first + 1:last - 1] if t.tag_ == "POS" or t.text in ("'s", "’s")), None)
    owner = _key(_clean(sdoc[first:owned].text)) if owned is not None else ""
    if owned is None or owner not in owners:
        return [(label, first, last)]
    parts = [(owners[owner], first, owned)]
    if sdoc[last - 1].lemma_.lower() not in _LAWS:  # a person's own thing is no person
        parts.append(("ORG" if label == "PERSON" else label, owned + 1, last))
    return parts


def entity_spans(sdoc: Any, text: str | None = None) -> list[tuple[str, int, int]]:
    """spaCy's entities of the kinds in ``ENTITY_TYPES``, as (label, start, end), errors mended.

    Body entities come first, in text order, then the headline ones (matched against the body).
    A national adjective before a state noun gets the label ``NORP_STATE`` and the noun in its span.
    """
    text = doc_text(sdoc) if text is None else text
    headlines = _headlines(text)
    titles = _title_lines(text)
    bylines = _bylines(text)
    body: list[tuple[str, int, int]] = []
    held: list[tuple[str, int, int]] = []
    persons: set[str] = set()  # the names the text gives a person, once at least
    owners: dict[str, str] = {}  # names the text gives a person or a place, once at least
    for ent in sdoc.ents:
        if ent.label_ not in ("PERSON", "GPE"):
            continue
        key = _key(_clean(ent.text))
        owners.setdefault(key, ent.label_)
        if ent.label_ == "PERSON":
            persons.add(key)
            if len(_words(ent.text)) > 1:  # "Trump’s" after "Donald Trump"
                owners.setdefault(_words(ent.text)[-1], "PERSON")
    credits = [(m.start(), m.end()) for m in _CREDIT.finditer(text)]
    later: list[tuple[str, int, int]] = []  # mentions filed after the entity they follow
    labels = [label for label, _ in transcript_turns(text)]
    for start, end in labels:  # "DANA KROLL:", "GOVERNOR ELLISON:": a person, whatever the recogniser says
        words = text[start:end].split()
        while len(words) > 1 and (words[0].lower() in TITLE_WORDS or words[0].lower() in _PERSON_TITLES):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if text[start:end] not in _ROLE_LABELS and words[0] not in ("UNIDENTIFIED", "AUDIENCE"):
            body.append(("PERSON", start, end))
    names = [(first, last) for first, last in (*_missed_names(sdoc), *_apposed_names(sdoc),
                                               *_unlisted_names(sdoc))
             if not any(s <= sdoc[first].idx < e for s, e in (*bylines, *credits, *headlines))]
    places = _place_keys(sdoc)
    coded = _coded_bodies(sdoc)  # "[UK] [Biobank]": ORG start -> the country code's token
    placed = _placed_acronyms(sdoc)  # "Africa [CDC]", "[Asia CDC]": entity start -> the place's token
    for first, last in names:
        while last - first > 2 and (sdoc[first].lower_ in TITLE_WORDS or sdoc[first].lower_ in _HONORIFICS
                                    or _role_before_name(sdoc, first, last)):
            first += 1  # "director, Dr Ruth Evans,": the name without its title
        start, end = sdoc[first].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)
        body.append(("PERSON", start, end))
        persons.add(_key(_clean(text[start:end])))
    laws: set[str] = set()  # the abbreviations of the laws named ("IEEPA")
    described: set[str] = set()  # names set beside a noun for a body ("Gavi, the vaccine alliance,")
    absorbed: set[int] = set()  # first tokens of entities that end a name cut before them
    # "[Scottish] [Labour]", "a [Liberal] [Democrat]": a party's name the recogniser cut in two
    branches = {second.start: first.start for first, second in pairwise(sdoc.ents)
                if _party_halves(first, second)}
    diseases = _disease_names(sdoc)
    called = _called_by_pronoun(sdoc)
    persons.update(sdoc.user_data.get("unspin_called_alone", ()))  # "Djokovic, 36, said he"
    joint = _joint_bodies(sdoc)  # "Avon and [Somerset Police]": entity start -> the whole name
    absorbed.update(i for start, (t, _) in joint.items() for i in range(t, start) if sdoc[i].ent_iob_ == "B")
    # a match report: a club is also who plays whom without a score ("who play Napoli on Monday")
    fixtures = _MATCH_SCORE.search(text) is not None
    clubs = _clubs_by_initials(sdoc)
    town_clubs: set[str] = set()  # clubs named "X Town" or "X City" ("Eastfield Town")
    for first, last in clubs:
        body.append(("ORG", sdoc[first].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)))
    names.extend(clubs)
    opening = _opening_bodies(sdoc)
    cued = [(f, e) for f, e in _cued_bodies(sdoc, persons)
            if not any(f < e2 and f2 < e for f2, e2 in opening)
            and not any(s <= sdoc[f].idx < e2 for s, e2 in (*bylines, *credits, *headlines))]
    absorbed.update(f for f, _ in cued if sdoc[f].ent_iob_ == "B")  # "[Bavarian] Nordic, the company,"
    # "[Bavarian] [Ostholm], the German firm,": the nation's adjective opens the named body
    nation_opened = [(e.start - 1, e.end) for e in sdoc.ents if e.label_ in ("PERSON", "GPE")
                     and e.start > 0 and e.end < len(sdoc) and sdoc[e.end].text == ","
                     and _nation_opens_name(sdoc[e.start - 1], e.root) and _described_as_body(e)]
    opened_by_nation = {f + 1: f for f, _ in nation_opened}
    absorbed.update(opened_by_nation.values())
    # "Shares in [Bavarian] [Ostholm] rose": the company's name each time after, not the people
    nation_named = _nation_named(sdoc, [(f, e) for f, e in cued if sdoc[f].ent_iob_ == "B"] + nation_opened)
    absorbed.update(i for start, end in nation_named.items() for i in range(start + 1, end)
                    if sdoc[i].ent_iob_ == "B")
    for first, last in (*opening, *cued, *_workplaces(sdoc), *_untagged_clubs(sdoc, text)):
        body.append(("ORG", sdoc[first].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)))
    for side, first, last in _untagged_sides(sdoc, text, persons):  # "Leeds beat Burnley 3-1"
        body.append((side, sdoc[first].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)))
    for first in _untagged_countries(sdoc):  # "Uruguay wants to leave", "intervene in Niger" (a date)
        if not any(s <= sdoc[first].idx < e for s, e in (*bylines, *credits, *headlines)):
            body.append(("GPE", sdoc[first].idx, sdoc[first].idx + len(sdoc[first].text)))
    for party in _written(sdoc, _ONE_WORD_PARTIES):  # "Labour won the by-election": left untagged
        if party.ent_iob_ == "O" and party.text[:1].isupper() and party.dep_ in _PARTY_DEPS \
                and not any(s <= party.idx < e for s, e in (*bylines, *credits, *headlines)):
            body.append(("ORG", party.idx, party.idx + len(party.text)))
    for bloc in _written(sdoc, _BLOCS):  # "Leaders of Mercosur", "Ecowas threatened": left untagged
        if bloc.ent_iob_ == "O" and bloc.text[:1].isupper() \
                and not any(s <= bloc.idx < e for s, e in (*bylines, *credits, *headlines)):
            body.append(("ORG", bloc.idx, bloc.idx + len(bloc.text)))
    for ent in sdoc.ents:
        # a location is no actor, but for a club named after its city ("lost 1-0 to Bayern Munich"),
        # a place the recogniser calls a building ("beat Port Vale 3-2"; not "at Edgeley Park") or
        # a product ("Leeds drew 1-1 with Burnley")
        club = ent.label_ in _CLUB_LABELS and _club_in_match(sdoc, ent.start, ent.end) and not (
            ent.label_ == "FAC" and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "at")  # the ground
        force = _force_of_place(sdoc, ent)  # "Police Scotland", which the recogniser calls a place
        if (ent.label_ not in ENTITY_TYPES and not club and force is None and ent.start not in placed) \
                or (ent.start in placed.values() and ent.start not in placed) \
                or any(s <= ent.start_char < e for s, e in (*bylines, *credits)):
            continue
        if any(first < ent.end and ent.start < last for first, last in names) or any(
                s < ent.end_char and ent.start_char < e for s, e in labels):
            continue  # "[Councillor Jamal] [Washington]": the name the recogniser cut up is read whole
        if ent.label_ != "NORP" and not any(c.isupper() for c in ent.text) and not ent.text.startswith("@"):
            continue  # a name is written with a capital: "marijuana", "n’t", "et al." are none
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].tag_ == "NNS" and ent[0].is_sent_start \
                and names_people(ent[0]):
            continue  # "Campaigners say ...": a plural noun opening the sentence, nobody's name
        if sum(c.isalpha() for c in ent.text) < 2 or in_page_chrome(text, ent.start_char):
            continue  # "D.", and a web page's furniture ("Email *", "Privacy Policy", a poll's question)
        if ent.start in absorbed:
            continue  # "Ursula von der [Leyen]": read with the name it ends
        label, first, last = ent.label_, ent.start, ent.end
        if first in nation_named:
            label, last = "ORG", nation_named[first]
        broken = _line_break(sdoc, ent)
        if broken is not None and broken > first and not _within(ent.start_char, titles):
            # "the anathema of [Honorius I.\nWould] Saint Francis": a name ends with its line; not
            # one that runs from a title into the story ("... scrap [Biden's\n\nDeSantis] brags"),
            # whose headline part is matched against the body's names
            last = broken
        if last - first > 1 and sdoc[last - 1].lower_ in ("of", "for") and last < len(sdoc) \
                and sdoc[last].ent_iob_ == "B" and sdoc[last].ent_type_ in ("GPE", "ORG") \
                and not any(t.lower_ in TITLE_WORDS for t in sdoc[first:last]):
            # "[The City of] [Oakland]": a name the recogniser cut at its preposition; not "[Border
            # Security Force of] [Kurds]", a people, nor a title ("Archbishop Metropolitan of [Riga]")
            absorbed.add(last)
            last += 1
            while last < len(sdoc) and sdoc[last].ent_iob_ == "I":
                last += 1
        seat = last
        while label == "NORP" and seat < len(sdoc) and seat - last < 2 and sdoc[seat].ent_iob_ == "O" \
                and sdoc[seat].pos_ == "PROPN" and sdoc[seat].text[:1].isupper() \
                and sdoc[seat - 1].whitespace_:
            seat += 1  # "the [Anglican] Diocese of [Leeds]": the recogniser's people, then the body's noun
        if label in ("ORG", "NORP") and seat + 1 < len(sdoc) and sdoc[seat - 1].lower_ in _SEATED_BODIES \
                and sdoc[seat - 1].text[:1].isupper() and sdoc[seat].lower_ == "of" and sdoc[seat].is_lower \
                and sdoc[seat + 1].ent_iob_ == "B" and (sdoc[seat + 1].ent_type_ in ("GPE", "LOC") or (
                    sdoc[seat + 1].ent_type_ in ("ORG", "PERSON", "FAC")
                    and (seat + 2 >= len(sdoc) or sdoc[seat + 2].ent_iob_ != "I"))):
            # "[the Catholic Archdiocese] of [Melbourne]": a body named with the place of its seat
            absorbed.add(seat + 1)
            label, last = "ORG", seat + 2
            while last < len(sdoc) and sdoc[last].ent_iob_ == "I":
                last += 1
        if last - first > 2 and sdoc[last - 1].lower_ in _DATE_ENDS:
            # "beat [Villa at Old Trafford on Boxing Day]": the name ends at its first preposition
            cut = [t.i for t in sdoc[first + 1:last - 1] if t.lower_ in ("at", "on", "in") and t.is_lower]
            last = cut[0] if cut else last
        if label in ("ORG", "PERSON", "GPE") and last - first == 1 and last < len(sdoc) \
                and sdoc[last].ent_iob_ == "O" and sdoc[last].pos_ == "PROPN" and _name_word(sdoc[last]) \
                and sdoc[first].whitespace_ and (_key(sdoc[last].text) in persons
                                                 or _player_side(sdoc, first, last + 1, persons)):
            label, last = "PERSON", last + 1  # "[Novak] Djokovic beat ... Djokovic said": a name cut
            # short, so "Alcaraz will face [Novak] Djokovic"
        if label == "PERSON" and last - first > 1 and sdoc[last - 1].lower_ in _NAME_PARTICLES \
                and last < len(sdoc) and _name_word(sdoc[last]) and sdoc[first].lower_ not in _NAME_PARTICLES:
            absorbed.add(last)  # the recogniser cut the name after its particles
            last += 1
        elif label == "PERSON" and last + 1 < len(sdoc) and sdoc[last].text in _PARTICLES_AFTER \
                and sdoc[last].whitespace_ and _name_word(sdoc[last + 1]) and sdoc[last + 1].pos_ == "PROPN":
            absorbed.add(last + 1)  # "[Erik] ten Hag": the recogniser cut the name before its particles
            last += 2
        elif label in ("GPE", "NORP", "ORG") and last + 1 < len(sdoc) \
                and sdoc[last].text in _PLACE_PARTICLES and sdoc[last - 1].whitespace_ \
                and sdoc[last].whitespace_ and _name_word(sdoc[last + 1]) \
                and sdoc[last + 1].pos_ == "PROPN" and sdoc[last + 1].ent_type_ in ("", *ENTITY_TYPES):
            # "[Rio Grande] do [Sul]", "Banco do Brasil": a name the recogniser cut at its particle
            absorbed.add(last + 1)
            last += 2
            while last < len(sdoc) and sdoc[last].ent_iob_ == "I":
                last += 1
            label = "GPE" if label == "NORP" else label
        if ent.start in branches.values():
            continue  # filed with its party
        before_name = ent.end < len(sdoc) and sdoc[ent.end].ent_type_ == "PERSON"
        if ent.label_ == "PERSON" and (len(ent) > 1 or before_name) \
                and all(t.lower_ in TITLE_WORDS or t.lower_ in _NAME_TITLES for t in ent):
            # "[Emir Sheikh] Tamim bin Hamad Al Thani", "Professor [Dame] [Jenny Harries]": titles
            # alone name nobody ("Pope" does)
            continue
        if first in branches:
            first, label = branches[first], "ORG"
        elif first in joint:
            (first, last), label = joint[first], "ORG"
        elif force is not None:
            first, label = force, "ORG"
        elif ent.start in placed:
            first, label = placed[ent.start], "ORG"
        while last - first > 1 and (_SCORE.fullmatch(sdoc[last - 1].text) or (
                last - first > 3 and sdoc[last - 3].like_num and sdoc[last - 2].text in _DASHES
                and sdoc[last - 1].like_num)):
            # "beat [Bayer Leverkusen 2-1]": the score is no part of the name
            last -= 1 if _SCORE.fullmatch(sdoc[last - 1].text) else 3
        while last - first > 1 and last < len(sdoc) \
                and sdoc[last].lower_ in _OFFICES_OPENED_BY.get(sdoc[last - 1].lower_, ()):
            last -= 1  # "[Fulton County District] Attorney Fani Willis": no word of the place
        if last - first > 2 and sdoc[last - 1].lower_ in _SCALE_WORDS and sdoc[last - 2].like_num:
            # "fined [Apple 1.8 billion] euros": the amount is no part of the name
            last -= 2
            while last - first > 1 and (sdoc[last - 1].like_num or sdoc[last - 1].is_currency):
                last -= 1
        if last - first > 1 and label in ("PERSON", "ORG", "GPE") and sdoc[first].text[:1].isupper() \
                and _firm_noun(sdoc[first].lower_) and sdoc[first + 1].text[:1].isupper():
            first, label = first + 1, "ORG"  # "Retailer Tesco raised its forecast": the trade, then the name
        if label in ("ORG", "GPE", "PERSON") and last < len(sdoc) and sdoc[last].text in _TOWN_CLUB_ENDS \
                and sdoc[last].ent_type_ not in ENTITY_TYPES and sdoc[last].pos_ == "PROPN" and (
                    sdoc[first:last + 1].text in town_clubs or _club_in_match(sdoc, first, last + 1, fixtures)
                    or _before_player(sdoc, first, last + 1)):
            # "drew 1-1 against Eastfield Town": the club, not the town; so each time after
            absorbed.add(last)  # and no club of its own where the recogniser tags "[Town 2-0]"
            label, last = "ORG", last + 1
            town_clubs.add(sdoc[first:last].text)
        if label in ("GPE", "PERSON", "ORG") and first > 0 and sdoc[first - 1].text in _CLUB_OPENERS \
                and sdoc[first - 1].ent_iob_ == "O" and sdoc[first - 1].whitespace_ \
                and (sdoc[first - 1].is_sent_start or first < 2 or not sdoc[first - 2].text[:1].isupper()):
            first, label = first - 1, "ORG"  # "Athletic [Bilbao]", "Inter [Milan]": a club's name
        if label in ("PERSON", "GPE", "NORP") and last - first == 1 and sdoc[first].lower_ in _BLOCS:
            label = "ORG"  # "Mercosur", a trade bloc the recogniser calls a place
        elif label in ("PERSON", "GPE") and _club_name(sdoc[first:last].text):
            label = "ORG"  # "Ashford Town FC", which the recogniser may call a person
        elif label == "NORP" and is_country(_clean(sdoc[first:last].text)):
            label = "GPE"  # "Brazil beat [Argentina] 2-0", which the recogniser may call a people
        elif label == "NORP" and last - first == 1 and sdoc[first].lower_ in _CLUB_WORDS \
                and any(len(e) > 1 and e[-1].text == sdoc[first].text for e in sdoc.ents):
            label = "ORG"  # "Blackmoor Rovers won 3-0 ... Rovers are top": the club's last word, no people
        elif label in ("ORG", "PERSON", "GPE") and _ground(sdoc, label, first, last, fixtures, text):
            label = "GPE"  # "lost 1-0 at Old Trafford", "won 3-0 at Anfield": the ground, a place
        elif label in ("GPE", "PERSON") and last - first <= 3 and _before_player(sdoc, first, last) \
                and not is_country(_clean(sdoc[first:last].text)) and _key(_clean(ent.text)) not in US_STATES:
            label = "ORG"  # "Barcelona defender Ronald Araujo": the club; not "Brazil coach Dorival Junior"
            if first > 0 and sdoc[first - 1].pos_ == "PROPN" and sdoc[first - 1].head.i == first \
                    and sdoc[first - 1].text[:1].isupper() and not sdoc[first - 1].ent_type_:
                first -= 1  # "[Real] Madrid"
        elif label in ("ORG", "GPE", "PERSON") and last - first == 1 \
                and _player_side(sdoc, first, last, persons):
            label = "PERSON"  # "Djokovic beat [Alcaraz] in the final": a player, not a club
        elif label != "NORP" and _club_in_match(sdoc, first, last, fixtures) \
                and not _player(sdoc, label, first, last, persons) \
                and not is_country(_clean(sdoc[first:last].text)):
            label = "ORG"  # "Lyon won 2-1", "Real Madrid beat Manchester City 3-2": a club
            if first > 0 and sdoc[first - 1].pos_ == "PROPN" and sdoc[first - 1].head.i == first \
                    and sdoc[first - 1].text[:1].isupper() and not sdoc[first - 1].ent_type_:
                first -= 1  # "[Real] Madrid"
        if label == "ORG" and ent.root.dep_ == "amod" and ent.root.head.is_lower \
                and names_people(ent.root.head) and all(t.pos_ in ("ADJ", "PROPN", "CCONJ") for t in ent):
            continue  # "disenfranchise [Black and Latino] voters": which voters, no body
        if _key(_clean(ent.text)) in diseases and _names_disease(sdoc, ent):
            continue  # "cases of Marburg virus", "Marburg spreads through contact": no actor
        if _key(_clean(ent.text)) in _NOT_ACTORS or ent.start in coded.values() \
                or _portfolio(sdoc, first, last):
            continue  # a code read with the body it opens; "[Transport] Minister Jonas Holm"
        if label == "ORG" and _level_word(sdoc, first, last):
            continue  # "State officials said": which officials, no body's name
        if label in ("ORG", "GPE", "PERSON") and last - first > 1 and sdoc[last - 1].lower_ in _EVENT_ENDS \
                and sdoc[last - 1].text[:1].isupper():
            continue  # "won the Wells Fargo Championship", "the Japanese Grand Prix": an event, no actor
        if last - first == 1 and sdoc[first].text in _POST_NOMINALS and first > 0 \
                and (sdoc[first - 1].ent_type_ == "PERSON" or (
                    sdoc[first - 1].pos_ == "PROPN" and _name_word(sdoc[first - 1]))):
            continue  # "Judge Peter Blair KC", "Jess Phillips MP": letters after a name, no body
        if label in ("ORG", "PERSON") and last - first == 1 and sdoc[first].dep_ == "compound" \
                and sdoc[first].head.i == first + 1 and sdoc[first].head.is_lower \
                and sdoc[first].head.lemma_.lower() in _PEOPLE_OF_A_PLACE:
            label = "GPE"  # "A Bristol man was jailed": where he is from
        if label == "NORP" and last - first == 1 and _part_of_a_place(sdoc[first]):
            label = "GPE"  # "on the edge of Harlow": a town, which the recogniser may call a people
        if label == "PERSON" and first > 0 and _bought(sdoc, first, last):
            label = "ORG"  # "agreed to buy Activision Blizzard": a company
        if label == "PERSON" and last - first > 1 and sdoc[first].text in ("Les", "Los", "Las"):
            label = "ORG"  # "Les Republicains": a plural article opens no person's name
        if label in ("PERSON", "ORG", "NORP") and _key(_clean(ent.text)) in places:
            label = "GPE"  # "the border town of Dalmek", "diverted to Rotterdam and Hamburg"
        first = coded.get(first, first)
        opened = next((t.i for t in sdoc[first + 1:last] if t.text == "("), None)
        if opened is not None and not any(t.text == ")" for t in sdoc[opened:last]):
            # "the World Health Organization (WHO" cut before a bracket it does not close; the
            # acronym inside is another mention of the body
            if label == "ORG" and opened + 1 < last and _is_acronym(sdoc[opened + 1].text):
                acronym = sdoc[opened + 1]
                later.append(("ORG", acronym.idx, acronym.idx + len(acronym.text)))
            last = opened
        if sdoc[first].pos_ in ("ADP", "CCONJ") and sdoc[first].text[:1].isupper():
            # "Doctors [Without Borders]": the name began at the capitalised words before
            while first > 0 and sdoc[first - 1].text[:1].isupper() and not sdoc[first - 1].is_sent_start \
                    and sdoc[first - 1].is_alpha:
                first -= 1
            if first == ent.start:
                continue
            label = "ORG"
        while label == "PERSON" and last - first > 1 and (
                sdoc[first].lower_ in TITLE_WORDS or sdoc[first].lower_.rstrip("s") in TITLE_WORDS
                or sdoc[first].lower_ in _HONORIFICS
                or (sdoc[first].lower_ in _PORTFOLIOS and sdoc[first + 1].lower_ in TITLE_WORDS)
                or (sdoc[first].is_lower and sdoc[first].is_alpha and sdoc[first].text not in _NAME_PARTICLES)
                or sdoc[first].lower_ in _AGENCIES or _role_before_name(sdoc, first, last)):
            # "Officers Anthony Morelli", "Senator Laura Whitfield"; a verb glued on ("vowing to
            # [kick Acosta] out"), an agency's credit before the name ("Reuters Clinton whispers");
            # a role that opens the sentence ("Striker Kofi Mensah", "Nutritionist Mark Cole")
            first += 1
        if label == "PERSON" and first == ent.start:
            while first > 0 and ent.start - first < 3 and _initial(sdoc[first - 1]):
                first -= 1  # "Chief Justice [D Y] Chandrachud": the initials the Indian press writes bare
        named_for = _named_for(sdoc, last) if label in ("PERSON", "GPE", "ORG") else None
        if named_for is not None:
            label, last = "ORG", named_for  # "[St Thomas'] Hospital": the hospital, not the saint
        if label == "PERSON" and last - first > 1 and sdoc[last - 1].lower_ in _INSTITUTION_WORDS:
            label = "ORG"  # "Manchester Magistrates' Court", which the recogniser may call a person
        elif label == "PERSON" and last - first > 1 and sdoc[last - 1].lower_ in _TOWN_ENDS \
                and not is_surname(sdoc[last - 1].text, 0.002):
            label = "GPE"  # "arrested in Hoffman Estates", "Colorado Springs"; not "Carla Hills"
        elif label == "PERSON" and last - first > 1 and sdoc[last - 1].lower_ in _STREET_ENDS and (
                not is_surname(sdoc[last - 1].text, 0.002) or _after_street_prep(sdoc[first:last])):
            # "has lived on Mill Lane since 1998", "closed Harbour Road": a street; not "Nathan Lane said"
            label = "GPE"
        if label in ("PERSON", "ORG") and _natural_feature(sdoc, first, last):
            label = "GPE"  # "the River Wend burst its banks", "Lake Varna": a river or a lake is a place
        if label == "PERSON" and last - first > 1 and sdoc[last - 1].lower_ in COMPANY_WORDS \
                and not is_surname(sdoc[last - 1].text, 0.002) and sdoc[last - 1].text[:1].isupper():
            label = "ORG"  # "Greenfield Homes said it was disappointed"; not "David Steel"
        if label == "ORG" and _key(_clean(sdoc[first:last].text)).upper() in laws:
            continue  # the law's abbreviation ("... Powers Act (IEEPA)")
        if label == "ORG" and last - first > 1 and sdoc[last - 1].lower_ in _LAW_NAMES \
                and sdoc[last - 1].text[0].isupper() and not any(t.tag_ == "POS" for t in sdoc[first:last]):
            laws.add(_acronym(_clean(sdoc[first:last].text)))
            continue  # "the Proceeds of Crime Act": a law, no actor ("Acosta's Fifth Amendment" is split)
        if label == "PERSON" and last - first > 1 and _is_acronym(sdoc[first].text) and len(sdoc[first]) > 2 \
                and not any(t.is_upper for t in sdoc[first + 1:last]):
            label = "ORG"  # "the journal JAMA Neurology": a body's letters open it, not a person's name
        if label == "PERSON" and last - first == 1 and _camel_case(sdoc[first].text):
            label = "ORG"  # "SpaceX and Boeing are building", "PayPal": a brand's capital inside the word
        if label in ("PERSON", "ORG") and last - first == 1 and sdoc[first].tag_ in ("VBG", "VBN") \
                and sdoc[first].is_sent_start:
            continue  # "Defending, Michael Brandt said ...": a verb that opens a sentence, no name
        if label == "PERSON" and last - first == 1 and _affiliation(sdoc, first):
            label = "ORG"  # "Lando Norris of McLaren was fifth": the team, not a second person
        if label in ("PERSON", "GPE") and last < len(sdoc) and sdoc[last].text == "," \
                and _described_as_body(sdoc[first:last]) \
                and not is_country(_clean(sdoc[first:last].text)):
            label = "ORG"  # "Gavi, the vaccine alliance, said"
            first = opened_by_nation.get(first, first)
            described.add(_key(_clean(sdoc[first:last].text)))
        if label in ("GPE", "ORG") and _described_as_person(sdoc[first:last]):
            label = "PERSON"  # "Cardoso, a former Citibank executive, replaces ..."
        if label in ("PERSON", "ORG") and _described_as_place(sdoc[first:last]):
            label = "GPE"  # "the capital of the region, Velmora,", "Velmora, the regional capital,"
        if label in ("GPE", "ORG") and _person_by_kin(sdoc, first, last):
            label = "PERSON"  # "the torture of detainee Abu Zubaydah", "his wife, Candace,"
        if label == "GPE" and 2 <= last - first <= 3 and _aged(sdoc, last) \
                and is_given_name(sdoc[first].text):
            label = "PERSON"  # "Subhanah Wahhaj, 35, and Lucas Morton, 40, are charged"
        if label == "PERSON" and last - first == 1 and _address_of(sdoc, first):
            label = "GPE"  # "at HMP Elmley, on the Isle of Sheppey, Kent"
        called_as = called.get(_key(_clean(sdoc[first:last].text)))
        if label == "ORG" and last - first == 1 and called_as != "ORG" and _after_club_position(sdoc, first) \
                and not sdoc[first].is_upper and sdoc[first].lower_ not in COMPANY_WORDS | _CLUB_WORDS:
            label = "PERSON"  # "Real Madrid forward Rodrygo": a player known by one name
        elif label == "ORG" and called_as != "ORG" and last - first > 2 and sdoc[first].lower_ == "the" \
                and _is_demonym(sdoc[first + 1].lower_) and is_given_name(sdoc[first + 2].text) \
                and _shaped_as_name(sdoc[first + 2:last], persons):
            label, first = "PERSON", first + 2  # "The Argentine Alejandro Garnacho has been linked"
        elif label == "ORG" and called_as != "ORG" and (_titled_name(sdoc, first, last) or (
                (called_as == "PERSON" or _scorer(sdoc[first:last]))
                and _shaped_as_name(sdoc[first:last], persons))):
            # "the airline's chief executive, Marcus Vell,": a title's holder is a person; "Novak
            # Djokovic won his tenth title": a name the text calls "he"; not
            # "Morgan Stanley cut its forecast", a bank
            label = "PERSON"
        if label in ("ORG", "PERSON") and last - first > 1 and sdoc[last - 1].lower_ in _STREET_ENDS \
                and sdoc[last - 1].text[:1].isupper() and _after_street_prep(sdoc[first:last]):
            label = "GPE"  # "stabbed on Call Lane": a street, where it happened; not "Downing Street said"
        if label in ("GPE", "PERSON") and last - first > 1 and sdoc[last - 1].text[:1].isupper() \
                and sdoc[last - 1].lower_ in (_INSTITUTION_ENDS if label == "PERSON" else
                                              _INSTITUTION_WORDS | _INSTITUTION_ENDS) \
                and called_as != "PERSON":
            label = "ORG"  # "West Yorkshire Police said", "Bristol Crown Court": a body, no place nor person
        if label in ("GPE", "PERSON") and (sdoc[last - 1].text in _SERVED_COUNTRIES or (
                label == "PERSON" and last - first > 1 and is_country(sdoc[last - 1].text)
                and not is_given_name(sdoc[first].text))):  # "Amnesty Kenya"; not "Michael Jordan"
            # "Water [UK]", "[Kidney Care UK]", "Sport [England]": a body named for the country it serves
            words = first
            while words > 0 and sdoc[words - 1].dep_ == "compound" and sdoc[words - 1].head.i == last - 1 \
                    and sdoc[words - 1].pos_ == "PROPN" and sdoc[words - 1].ent_iob_ == "O" \
                    and _name_word(sdoc[words - 1]) and sdoc[words - 1].lower_ not in TITLE_WORDS:
                words -= 1
            if words < first and words > 1 and sdoc[words - 1].tag_ == "POS" and _name_word(sdoc[words - 2]) \
                    and sdoc[words - 2].ent_iob_ == "O" and words <= sdoc[words - 2].head.i < last:
                words -= 2  # "Alzheimer's Research UK"
            if words < first or (label == "PERSON" and last - first > 1
                                 and not person_shaped(sdoc[first:last - 1].text)):
                first, label = words, "ORG"
        if label == "PERSON" and last - first > 1 and _is_acronym(sdoc[last - 1].text):
            # "disgraced [Obama CIA] director": the person and the agency named beside them
            body.append(("ORG", sdoc[last - 1].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)))
            last -= 1
        if label == "PERSON" and last - first > 2 and sdoc[last - 2:last].text.lower() == "white house":
            label = "ORG"  # "the George W. Bush White House": the administration, a body of its own
        if (first >= 2 and sdoc[first - 1].lower_ == "of" and sdoc[first - 2].lower_ in TITLE_WORDS
                and ent.text.lower() in _DEPARTMENTS):
            continue  # "Secretary of State"
        if label == "PERSON" and last - first == 1 and _national_adjective(sdoc, first, persons):
            label = "NORP"  # "his Azerbaijani counterpart": a national adjective, no person
        elif label == "GPE" and last - first == 1 and last < len(sdoc) and sdoc[last].pos_ == "NOUN" \
                and _is_demonym(sdoc[first].lower_):
            label = "NORP"  # "Ukrainian officials said": the people's adjective, not a place
        if label == "NORP" and last < len(sdoc) and (
                sdoc[last].lemma_.lower() in _STATE_NOUNS or sdoc[last].lower_ in _STATE_NOUNS):
            label, last = "NORP_STATE", last + 1
        elif label == "NORP" and _office_after(sdoc, last) is not None:
            # "Armenian Foreign Minister Ararat Mirzoyan", "the Lebanese Prime Minister"
            label, last = "NORP_STATE", _office_after(sdoc, last)
        elif label == "NORP" and _describes_thing(sdoc[last - 1]):
            continue  # "American history", "British publications": no mention of the people
        elif label == "NORP" and _describes_named_person(sdoc[last - 1]):
            continue  # "Malaysian financier Jho Low": the person's nationality, no mention of the people
        elif label == "NORP" and last - first == 1 and _one_of_a_people(sdoc[first]):
            continue  # "Ancelotti praised the Frenchman": a person the text names, not the people
        elif (label in ("PERSON", "ORG") and last < len(sdoc) and sdoc[last].lower_ in _TEAMS
              and sdoc[last].pos_ == "NOUN" and sdoc[last - 1].tag_ != "POS"):
            label, last = "ORG", last + 1  # "the Trump administration": a body, not the person
        # "Avon and Somerset Police" is one body, whoever else the text calls Avon
        parts = [(label, first, last)] if ent.start in joint or named_for is not None else _split_entity(
            sdoc, label, first, last, persons, owners)
        for label, first, last in parts:
            start, end = sdoc[first].idx, sdoc[last - 1].idx + len(sdoc[last - 1].text)
            inside = any(s <= start < e for s, e in headlines)
            (held if inside else body).append((label, start, end))
    if described:  # "Common Cause, a nonpartisan group, ... Common Cause Georgia": the body each time
        body = [("ORG" if label == "PERSON" and _of_described(_key(_clean(text[s:e])), described)
                 and not person_shaped(_clean(text[s:e])) else label, s, e) for label, s, e in body]
    out = sorted(body, key=lambda found: found[1])  # in text order, the labels and mended names too
    out.extend(later)
    body_names = [(_words(_clean(text[s:e])), label) for label, s, e in body]
    for _label, start, end in held:
        cut = _headline_name(text, start, end, body_names)
        if cut is not None:
            out.append(cut)
    return out


#: Nouns for a body named with the place of its seat after "of" ("the Diocese of Leeds", "the
#: University of Ruvania"), which the recogniser may cut before the "of".
_SEATED_BODIES = frozenset({"archdiocese", "diocese", "eparchy", "archeparchy", "synod", "patriarchate",
                            "bishopric", "presbytery", "church", "university", "college", "polytechnic",
                            "academy", "council"})


#: The recogniser's labels for no actor under which it may file a club in a match ("lost 1-0 to
#: [Bayern Munich]", "[Leeds] drew 1-1").
_CLUB_LABELS = frozenset({"LOC", "FAC", "PRODUCT", "WORK_OF_ART"})
#: Last words of a date the recogniser may read into a name before it ("... on Boxing Day").
_DATE_ENDS = frozenset({
    "day", "eve", "christmas", "easter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "weekend", "night", "morning", "afternoon", "evening",
})
#: Offices of two words whose first word the recogniser may read into the place before them
#: ("Fulton County District Attorney", "Ohio State Senator"), by their first word.
_OFFICES_OPENED_BY: dict[str, frozenset[str]] = {
    "district": frozenset({"attorney", "judge"}),
    "state": frozenset({"attorney", "senator", "sen.", "representative", "rep.", "treasurer", "auditor"}),
    "attorney": frozenset({"general"}),
}
#: Words for the size of an amount that the recogniser may read into a name before it.
_SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion", "bn", "m"})
#: Words before a title that say which office of a state it is, besides ``_PORTFOLIOS``.
_OFFICE_RANKS = frozenset({"prime", "deputy", "vice", "crown"})


def _office_after(sdoc: Any, i: int) -> int | None:
    """The end token of a state's office written from token ``i`` on, right after its national
    adjective: one or two portfolio or rank words, then a title or a state noun ("Foreign
    Minister", "Deputy Defence Minister", "foreign ministry"), or None. A rank's title is the
    state's only before its holder's name ("Lebanese Prime Minister Omar Haddad"); alone it
    refers to the person ("The Estonian prime minister said")."""
    end = i
    while end < min(len(sdoc), i + 2) and sdoc[end].lower_ in _PORTFOLIOS | _OFFICE_RANKS:
        end += 1
    if end == i or end >= len(sdoc):
        return None
    title = sdoc[end]
    if not (title.lower_ in _PORTFOLIO_TITLES or title.lemma_.lower() in _STATE_NOUNS):
        return None
    ranked = any(t.lower_ in _OFFICE_RANKS for t in sdoc[i:end])
    named = end + 1 < len(sdoc) and sdoc[end + 1].pos_ == "PROPN" and sdoc[end + 1].text[:1].isupper()
    return end + 1 if named or not ranked else None


#: Last words of names of places and institutions that may start with a given name ("Grace
#: Church", "Victoria Station"): such a name is no person's.
_PLACE_WORDS = frozenset({
    "station", "church", "street", "road", "avenue", "park", "hall", "house", "centre", "center",
    "college", "university", "school", "hospital", "bridge", "square", "airport", "stadium", "museum",
    "gallery", "theatre", "theater", "bank", "group", "company", "fund", "foundation", "institute",
    "times", "post", "news", "press", "herald", "journal", "tribune", "gazette", "island", "lake",
    "river", "county", "city", "town", "valley", "beach", "bay", "point", "falls", "springs", "heights",
})


_HE_SHE = _PERSON_PRONOUNS | {"himself", "herself"}
_IT = frozenset({"its", "itself"})


def _called_by_pronoun(sdoc: Any) -> dict[str, str]:
    """Names of two or three words the recogniser called an organisation, as ``_key`` files them,
    with the label the text's pronouns give them: "PERSON" where "he" or "she" refers back to them
    ("Novak Djokovic won his tenth title", "Ann Cole, who ..."), "ORG" where "its" does or "which"
    ("Morgan Stanley cut its forecast") or where people work "at" them ("analysts at Morgan
    Stanley"); names with both or neither are left out. The pronoun is the first one after the
    name, in its sentence or, for a subject, the next, with no other name between (computed
    once per document)."""
    cached = sdoc.user_data.get("unspin_called")
    if cached is not None:
        return cached
    votes: dict[str, set[str]] = {}
    table = None  # the tokens' words and parts of speech, when first needed
    alone: set[str] = set()  # the surnames that say a name is a person's, written alone
    for ent in sdoc.ents if sdoc.has_annotation("DEP") else ():
        if ent.label_ != "ORG" or not 2 <= len(ent) <= 3:
            continue
        found = "PERSON" if _aged(sdoc, ent.end) else _pronoun_after(sdoc, ent)
        if found is None and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "at" \
                and ent.root.head.head.pos_ == "NOUN":
            found = "ORG"
        surname = ent[-2] if ent[-1].tag_ == "POS" else ent[-1]  # "Unai Emery's side"
        if found is None and surname.text[:1].isupper():
            if table is None:
                table = sdoc.to_array([ORTH, POS])
            at = np.flatnonzero((table[:, 0] == sdoc.vocab.strings[surname.text]) & (table[:, 1] == PROPN))
            if _surname_called_person(sdoc, ent, [int(i) for i in at]):
                found = "PERSON"  # "Novak Djokovic reached the final ... Djokovic, 36, said he"
                alone.add(_key(surname.text))
        if found is not None:
            votes.setdefault(_key(_clean(ent.text)), set()).add(found)
    out = {key: next(iter(found)) for key, found in votes.items() if len(found) == 1}
    sdoc.user_data["unspin_called_alone"] = alone
    sdoc.user_data["unspin_called"] = out
    return out


def _surname_called_person(sdoc: Any, ent: Any, at: Sequence[int]) -> bool:
    """Whether the last word of a name, written alone after it (untagged, or as a one-word
    organisation), is set beside an age ("Djokovic, 36,") or taken up by "he" or "she". ``at``:
    the tokens that write that word as a proper noun."""
    for i in at:
        token = sdoc[i]
        if i < ent.end or not (token.ent_iob_ == "O" or (
                token.ent_type_ == "ORG" and token.ent_iob_ == "B"
                and not (token.i + 1 < len(sdoc) and sdoc[token.i + 1].ent_iob_ == "I"))):
            continue
        if _aged(sdoc, token.i + 1) or _pronoun_after(sdoc, sdoc[token.i:token.i + 1]) == "PERSON":
            return True
    return False


def _aged(sdoc: Any, i: int) -> bool:
    """Whether an age set off by commas follows a name that ends before token ``i`` ("Djokovic, 36,")."""
    return i + 2 < len(sdoc) and sdoc[i].text == "," and sdoc[i + 1].is_digit and len(sdoc[i + 1].text) <= 3 \
        and 0 < int(sdoc[i + 1].text) < 120 and sdoc[i + 2].text == ","


def _pronoun_after(sdoc: Any, ent: Any) -> str | None:
    """"PERSON" or "ORG" as the first pronoun after ``ent`` refers to it (``_called_by_pronoun``)."""
    if ent.end < len(sdoc) and sdoc[ent.end].text == ",":
        after = sdoc[ent.end + 1] if ent.end + 1 < len(sdoc) else None
        if after is not None and after.lower_ == "who":
            return "PERSON"
        if after is not None and after.lower_ == "which":
            return "ORG"
    sentence = ent.root.sent
    end = sentence.end
    if ent.root.dep_ in ("nsubj", "nsubjpass") and end < len(sdoc):
        end = sdoc[end].sent.end  # a subject is who the next sentence's "he" is, too
    for token in sdoc[ent.end:end]:
        if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return None  # another name between: the pronoun may be its
        if token.pos_ == "NOUN" and (token.lower_ in TITLE_WORDS or token.lemma_.lower() in _PERSON_NOUNS
                                     or token.lemma_.lower() in _KIN):
            return None  # "Goldman Sachs fired the trader after he ...": he is the trader
        if token.pos_ != "PRON":
            continue
        if token.lower_ in _HE_SHE:
            return "PERSON"
        if token.lower_ in _IT or (token.lower_ == "it" and token.dep_ == "nsubj" and ent.root.dep_ == "nsubj"
                                   and token.head.dep_ == "ccomp" and token.head.head.i == ent.root.head.i):
            return "ORG"  # "Pfizer said it would cut prices": the subject of what it said
    return None


def _scorer(span: Any) -> bool:
    """Whether a name of a given name and a word of no dictionary is the subject of "scored" or
    "netted" ("Alejandro Garnacho scored in the second half"): a player, not a brand."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ("score", "net") \
        and (is_given_name(span[0].text) or (len(span) > 1 and not _in_dictionary(span[0].lower_))) \
        and not _in_dictionary(span[-1].lower_)  # "Mikel Oyarzabal scored twice": no word of the dictionary


def _shaped_as_name(span: Any, persons: Collection[str]) -> bool:
    """Whether a name of two or three words is written as a person's: each word capitalised (an
    owner's "'s" aside: "Unai Emery's side"), a given name first or a name the text gives a
    person alone last (``persons``: "Novak Djokovic ... Djokovic said") or no word of the
    dictionary, and the last word ending no place's, body's or club's name ("Morgan Stanley Bank")."""
    tokens = [t for t in span if t.tag_ != "POS"]
    words = [t.text for t in tokens]
    last = words[-1].lower() if words else ""
    return 2 <= len(words) <= 3 and all(_name_word(t) for t in tokens) \
        and (is_given_name(words[0]) or _key(words[-1]) in persons
             or not any(_in_dictionary(t.lower_) for t in tokens)) \
        and last not in _PLACE_WORDS and last not in COMPANY_WORDS and last not in _CLUB_WORDS \
        and last not in _INSTITUTION_WORDS


#: Nouns after a name that make it a disease's ("Marburg virus", "Lassa fever", "Lyme disease").
_DISEASE_NOUNS = frozenset({"virus", "fever", "disease", "flu", "syndrome"})
#: Nouns after a disease's name that still speak of the disease ("the Marburg outbreak").
_DISEASE_CONTEXT = _DISEASE_NOUNS | {"outbreak", "outbreaks", "case", "cases", "vaccine", "vaccines",
                                     "infection", "infections", "epidemic", "strain", "patient", "patients"}


def _disease_names(sdoc: Any) -> set[str]:
    """The names (as ``_key`` files them) the text writes as a disease's: right before "virus",
    "fever", "disease" ("Marburg virus", "Parkinson's disease"), or with that word inside the
    entity ("[Marburg Virus]")."""
    out: set[str] = set()
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_TYPES and ent.label_ != "LOC":
            continue
        words = list(ent)
        after = ent.end + (ent.end < len(sdoc) and sdoc[ent.end].tag_ == "POS")
        if len(words) > 1 and words[-1].lower_ in _DISEASE_NOUNS:
            words = words[:-1]
        elif not (after < len(sdoc) and sdoc[after].lower_ in _DISEASE_NOUNS):
            continue
        out.add(_key(_clean(" ".join(t.text for t in words))))
    return out


def _names_disease(sdoc: Any, ent: Any) -> bool:
    """Whether an entity whose name the text writes as a disease's (``_disease_names``) stands
    for the disease here: before a word of the disease ("Marburg virus", "the Marburg outbreak"),
    or a lone word that is no country and stands nowhere as a place ("Marburg spreads through
    contact"; not "a lab in Marburg")."""
    after = ent.end + (ent.end < len(sdoc) and sdoc[ent.end].tag_ == "POS")
    if ent[-1].lower_ in _DISEASE_NOUNS or (after < len(sdoc) and sdoc[after].lower_ in _DISEASE_CONTEXT):
        return True
    if len(ent) > 1 or ent.label_ == "NORP" or is_country(_clean(ent.text)):
        return False  # "Spanish flu" leaves "Spanish officials" to the Spanish
    return not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in _PLACE_PREPS)


#: The last words of a local body's name that may open with two places joined by "and"
#: ("Avon and Somerset Police", "Devon and Cornwall Constabulary", "Kensington and Chelsea Council").
_JOINT_BODY_ENDS = frozenset({"police", "constabulary", "council"})


def _joint_bodies(sdoc: Any) -> dict[int, tuple[int, int]]:
    """Local bodies named after two places joined by "and" that the recogniser cut at the "and"
    ("Avon and [Somerset Police]", "[Avon] and Somerset Police", with "Avon" a person or
    nothing), and long names of public bodies cut into pieces (``_fragments_before``): first
    token of the entity -> first and end token of the whole name. The word before
    the "and" is a capitalised proper noun that ends no longer name ("Tom Reyes and Kent Police"
    are two); the words after it, when the recogniser left them untagged, one and the body's word."""
    out: dict[int, tuple[int, int]] = {}
    for ent in sdoc.ents:
        end = sdoc[ent.end - 1]
        if ent.label_ not in ("ORG", "GPE", "PERSON", "LOC"):
            continue
        if end.lower_ in _JOINT_BODY_ENDS and end.text[:1].isupper() and ent.start >= 2 \
                and sdoc[ent.start - 1].lower_ in ("and", "&") and _joins_body(sdoc[ent.start - 2]):
            out[ent.start] = (ent.start - 2, ent.end)
        elif len(ent) == 1 and ent.end + 2 < len(sdoc) and sdoc[ent.end].lower_ in ("and", "&") \
                and _joins_body(ent[0]) and all(t.ent_iob_ == "O" for t in sdoc[ent.end:ent.end + 3]) \
                and _name_word(sdoc[ent.end + 1]) and sdoc[ent.end + 2].lower_ in _JOINT_BODY_ENDS \
                and sdoc[ent.end + 2].text[:1].isupper():
            out[ent.start] = (ent.start, ent.end + 3)
        elif end.lower_ in _AGENCY_ENDS and end.text[:1].isupper():
            first = _fragments_before(sdoc, ent)
            if first is not None:
                out[ent.start] = (first, ent.end)
    return out


#: Last words of a public body's long name ("... Regulatory Agency").
_AGENCY_ENDS = frozenset({"agency", "authority", "commission", "administration", "department", "service",
                          "office", "institute", "board", "executive", "council"})
#: Words that join the parts of a body's long name ("Medicines and Healthcare products").
_NAME_JOINERS = frozenset({"and", "&", "of", "for"})


def _fragments_before(sdoc: Any, ent: Any) -> int | None:
    """The first token of a body's long name that the recogniser cut into pieces before its last
    entity ("[Medicines] and [Healthcare] products [Regulatory Agency]"): the words right before
    it, back to the sentence's start or a word of none of these kinds: capitalised, a joining
    word or a lower-case noun between capitalised words; among them another entity, a joining
    word and a lower-case noun or "of" or "for"; else None."""
    first = ent.start
    while first > 0 and not sdoc[first].is_sent_start:
        t = sdoc[first - 1]
        if not (_name_word(t) or t.lower_ in _NAME_JOINERS or (
                t.pos_ == "NOUN" and t.is_lower and t.i > 0 and _name_word(sdoc[t.i - 1])
                and _name_word(sdoc[t.i + 1]))):
            break
        first -= 1
    while first < ent.start and not _name_word(sdoc[first]):
        first += 1  # "... and [Healthcare]": a name opens with a capitalised word
    words = sdoc[first:ent.start]
    if not any(t.ent_iob_ == "B" for t in words) or not any(t.lower_ in _NAME_JOINERS for t in words):
        return None
    # a lower-case noun or "of" or "for" shows one long name, not two ("Tom Reyes and Kent Council")
    long_name = any((t.is_lower and t.pos_ == "NOUN") or t.lower_ in ("of", "for") for t in words)
    return first if long_name else None


def _joins_body(place: Any) -> bool:
    """Whether a word before "and X Police" may be the first place of the body's name: a
    capitalised proper noun, not the end of a name of more words."""
    before = place.doc[place.i - 1] if place.i > 0 else None
    return place.pos_ == "PROPN" and _name_word(place) and place.ent_iob_ != "I" \
        and not (before is not None and _name_word(before) and not before.is_sent_start)


#: Capitalised nouns that open a national or regional body's name before its place ("Police
#: Scotland"), which the recogniser reads as the place alone or as a location.
_FORCE_WORDS = frozenset({"Police"})


def _force_of_place(sdoc: Any, ent: Any) -> int | None:
    """The first token of a body named by "Police" and its place ("Police Scotland"), where the
    recogniser tagged the place alone ("Police [Scotland]") or the whole as a location; else None."""
    if ent.label_ not in ("GPE", "LOC"):
        return None
    if ent.label_ == "LOC" and len(ent) > 1 and ent[0].text in _FORCE_WORDS:
        return ent.start
    if ent.start > 0 and sdoc[ent.start - 1].text in _FORCE_WORDS and sdoc[ent.start - 1].ent_iob_ == "O":
        return ent.start - 1
    return None


def _line_break(sdoc: Any, ent: Any) -> int | None:
    """The token at which an entity runs past the end of its paragraph, or of its line into a word
    that is no proper noun ("[Honorius I. | Would]", the bar a line break; not "George H.W. |
    Bush" in a text written a sentence a line, which breaks its lines at any full stop), or None."""
    for t in ent[:-1]:
        gap = t.text if t.is_space else t.whitespace_
        if "\n\n" in gap or ("\n" in gap and sdoc[t.i + 1].pos_ != "PROPN"):
            return t.i if t.is_space else t.i + 1
    return None


def _place_keys(sdoc: Any) -> set[str]:
    """The names (as ``_key`` files them) the text uses as a place's: one after "the town of",
    "the village of" ("the border town of Dalmek"), and a lone word the recogniser called a
    person, no given name, that the text lists with a place after "to" or "in" ("cargo is
    diverted to Rotterdam and Hamburg")."""
    keys: set[str] = set()
    for ent in sdoc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        first = ent.start + (sdoc[ent.start].lower_ == "the")
        kind = sdoc[first - 2] if first >= 2 else None
        after_kind = kind is not None and sdoc[first - 1].lower_ == "of" and kind.lower_ in _PLACE_KINDS \
            and kind.is_lower
        listed = ent.label_ == "PERSON" and len(ent) == 1 and not is_given_name(ent.text) \
            and _listed_with_place(ent.root)
        if after_kind or listed:
            keys.add(_key(_clean(ent.text)))
    return keys


def _listed_with_place(token: Any) -> bool:
    """Whether a word is joined by "and" or "or" to a place the recogniser found, in a phrase
    after a preposition of place ("to Rotterdam and Hamburg")."""
    if not any(c.ent_type_ == "GPE" for c in token.conjuncts):
        return False
    top = token
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return top.dep_ == "pobj" and top.head.lower_ in _PLACE_PREPS


def _coded_bodies(sdoc: Any) -> dict[int, int]:
    """Organisations whose name opens with a country's abbreviation, which the recogniser cut off
    as the country ("[UK] [Biobank]"): first token of the organisation -> first token of the code.
    Not a state's own body ("US Senate", "UK Parliament"): that is the country's and its body."""
    out: dict[int, int] = {}
    for code, body in pairwise(sdoc.ents):
        if (code.label_ == "GPE" and code.text in _COUNTRY_CODES and body.label_ == "ORG"
                and body.start == code.end and sdoc[body.start].text[:1].isupper()
                and sdoc[body.end - 1].lower_ not in _STATE_BODY_WORDS):
            out[body.start] = code.start
    return out


#: The parts of the world a body may serve and be named for ("Africa CDC"), besides countries.
_REGIONS = frozenset({"africa", "asia", "europe", "oceania", "americas", "caribbean", "pacific",
                      "latin america", "south asia", "east africa", "west africa", "southern africa",
                      "middle east", "gulf", "arab"})


def _placed_acronyms(sdoc: Any) -> dict[int, int]:
    """Bodies named by a place and then an acronym ("Africa CDC", "Nigeria CDC") where the
    recogniser tagged the acronym alone, or the whole as a location: first token of the entity
    (the acronym's, or the location's) -> first token of the place. The place is a country, a
    part of the world (``_REGIONS``) or a name the text tags a place; not a country's code ("US
    FDA", the country's body under its own name)."""
    out: dict[int, int] = {}
    placed = None
    for ent in sdoc.ents:
        acronym = sdoc[ent.end - 1]
        whole = ent.label_ in ("LOC", "GPE", "FAC", "PERSON")  # the place and the acronym tagged as one
        if not (whole or ent.label_ == "ORG") or not acronym.is_upper or not acronym.is_alpha \
                or len(acronym) < 3 or acronym.text in _COUNTRY_CODES \
                or (ent.label_ == "ORG" and len(ent) > 1) or len(ent) > 4 \
                or (acronym.dep_ == "compound" and not _staff_of(acronym)):
            continue  # not "the Ukraine NATO bid", whose place and acronym both say which bid
        end = ent.end - 1 if whole else ent.start  # the place ends before the acronym
        # "Africa CDC officials": the parser may hang the place on the officials, beside the acronym
        heads = {acronym.i, acronym.head.i} if acronym.dep_ == "compound" else {acronym.i}
        first = end
        while first > 0 and end - first < 3 and sdoc[first - 1].pos_ == "PROPN" \
                and sdoc[first - 1].dep_ == "compound" and sdoc[first - 1].head.i in heads \
                and sdoc[first - 1].text[:1].isupper() and not sdoc[first - 1].is_upper \
                and sdoc[first - 1].whitespace_ and (whole or sdoc[first - 1].ent_type_ != "ORG"):
            first -= 1
        if first == end or (whole and first != ent.start):
            continue
        if placed is None:
            placed = {_key(_clean(e.text)) for e in sdoc.ents if e.label_ in ("GPE", "LOC")}
        place = _key(_clean(sdoc[first:end].text))
        if is_country(sdoc[first:end].text) or place in _REGIONS or place in placed:
            out[ent.start] = first
    return out


def _staff_of(acronym: Any) -> bool:
    """Whether an acronym before a noun is the body whose people that noun names ("Africa CDC
    officials", "Nigeria CDC spokesman"), not one of a thing's modifiers ("the Ukraine NATO bid")."""
    return acronym.head.pos_ == "NOUN" and acronym.head.i > acronym.i and names_people(acronym.head)


def _portfolio(sdoc: Any, first: int, last: int) -> bool:
    """Whether the entity ``sdoc[first:last]`` is only the portfolio of a minister's title
    ("[Transport] Minister Jonas Holm", "[Health Secretary] Ann Cole"): no body of its own."""
    words = [t.lower_ for t in sdoc[first:last]]
    if words and words[-1] in _PORTFOLIO_TITLES:
        words = words[:-1]
    elif last >= len(sdoc) or sdoc[last].lower_ not in _PORTFOLIO_TITLES:
        return False
    return bool(words) and all(w in _PORTFOLIOS or w == "and" for w in words)


def _apposed_names(sdoc: Any) -> list[tuple[int, int]]:
    """Names the recogniser missed that the text sets off by commas after a title or a role
    ("The union's chief negotiator, Per Aasen, was blunter"): two or three capitalised words,
    none of another kind of entity, as (first token, end token)."""
    found: list[tuple[int, int]] = []
    for comma in sdoc:
        if comma.text != "," or comma.i == 0:
            continue
        role = sdoc[comma.i - 1]
        if role.pos_ != "NOUN" or not role.is_lower or (role.lower_ not in TITLE_WORDS
                                                        and role.lower_ not in _ROLE_NOUNS):
            continue
        first = end = comma.i + 1
        while end < min(len(sdoc), first + 3) and sdoc[end].is_alpha and sdoc[end].text[:1].isupper() \
                and not sdoc[end].is_upper and not sdoc[end].is_sent_start \
                and sdoc[end].ent_type_ in ("", "PERSON"):
            end += 1
        if end - first < 2 or end >= len(sdoc) or sdoc[end].text not in (",", ".", ";"):
            continue
        if any(e.label_ == "PERSON" and e.start == first and e.end == end for e in sdoc.ents):
            continue  # the recogniser found it itself
        if any(sdoc[i].lower_ in TITLE_WORDS or sdoc[i].lower_ in _PERSON_TITLES for i in range(first, end)):
            continue  # "the leader, Prime Minister Cole": a title, read as one elsewhere
        found.append((first, end))
    return found


#: Words for a level or a kind of government that a sentence's first word or a heading may
#: capitalise before the people or the things of it ("State officials", "Federal agents",
#: "County records"): no body's name alone.
_LEVEL_WORDS = _PLACE_KINDS | {"federal", "national", "local", "municipal", "provincial", "regional",
                               "government", "public"}


#: Last words of a sporting event's name ("the Wells Fargo Championship", "the Ryder Cup").
_EVENT_ENDS = frozenset({"championship", "championships", "cup", "open", "masters", "prix", "olympics",
                         "tournament", "trophy", "invitational", "marathon", "slam"})
#: Letters written after a person's name for an office or an honour ("Peter Blair KC").
_POST_NOMINALS = frozenset({"KC", "QC", "MP", "MEP", "MSP", "MLA", "OBE", "MBE", "CBE", "KBE", "DBE", "JP",
                            "SC", "PhD", "FRS"})
#: Nouns for a person that a town's name describes before them ("a Bristol man", "a Leeds teenager").
_PEOPLE_OF_A_PLACE = frozenset({"man", "woman", "boy", "girl", "teenager", "teen", "couple", "family",
                                "mother", "father", "grandmother", "grandfather", "pensioner", "schoolboy",
                                "schoolgirl", "toddler", "baby", "mum", "dad", "youth"})
#: Verbs and nouns whose object is a company bought ("agreed to buy Activision Blizzard").
_BUY_VERBS = frozenset({"buy", "acquire", "purchase"})
_BUY_NOUNS = frozenset({"takeover", "acquisition", "purchase", "stake", "bid", "buyout"})


#: Nouns for a part of a place, before "of" and its name ("the edge of Harlow").
_PLACE_PARTS = frozenset({"edge", "outskirts", "centre", "center", "heart", "suburb", "suburbs", "north",
                          "south", "east", "west", "streets", "outside", "middle"})


def _part_of_a_place(token: Any) -> bool:
    """Whether a one-word name, no people's adjective, is a town's by where it stands: after "of"
    and a noun for a part of a place ("on the edge of Harlow", "the outskirts of Dunmore")."""
    if _country_adjective(token.lower_) or token.lower_.endswith("s") or token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_PARTS


def _bought(sdoc: Any, first: int, last: int) -> bool:
    """Whether the name ``sdoc[first:last]`` is a company bought or bid for: the object of "buy"
    or "acquire" right after it, or after "takeover of", "stake in", "bid for"; not a name shaped
    as a person's."""
    before = sdoc[first - 1]
    if before.lemma_.lower() not in _BUY_VERBS and before.lower_ not in ("of", "in", "for"):
        return False  # most names are no company bought: the verb or preposition comes right before
    span = sdoc[first:last]
    root = span.root
    if person_shaped(span.text):
        return False
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in _BUY_VERBS
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "in", "for") \
        and root.head.head.lemma_.lower() in _BUY_NOUNS


def _level_word(sdoc: Any, first: int, last: int) -> bool:
    """Whether a one-word entity is a level of government written with a capital before a
    common noun it describes ("State officials said", "City workers"): no actor."""
    token = sdoc[first]
    return last - first == 1 and token.lower_ in _LEVEL_WORDS and token.dep_ in ("compound", "amod", "nmod") \
        and token.head.i > token.i and token.head.pos_ == "NOUN" and token.head.is_lower


def _titled_name(sdoc: Any, first: int, last: int) -> bool:
    """Whether the entity ``sdoc[first:last]`` the recogniser called an organisation names a person:
    set beside a person's title ("the airline's chief executive, Marcus Vell", "Councillor Ann
    Hale"), or a common given name and one more capitalised word that ends no place or
    institution's name ("Daniel Fairbourne showed no emotion")."""
    words = [t.text for t in sdoc[first:last]]
    if not 2 <= len(words) <= 3 or not all(w[0].isupper() for w in words):
        return False  # "the President, the Congress, ...": one word is no personal name
    if all(_initial(t) and "." not in t.text for t in sdoc[first:last - 1]) and is_surname(words[-1]):
        return True  # "the plea filed by S Kumar"; not "J.P. Morgan", written with full stops
    root = sdoc[first:last].root
    if root.dep_ == "appos" and root.head.lower_ in TITLE_WORDS:
        return True
    if first > 0 and sdoc[first - 1].lower_ in TITLE_WORDS and sdoc[first - 1].dep_ == "compound" \
            and words[-1].lower() not in _PLACE_WORDS | _INSTITUTION_WORDS:
        return True  # not "Rabbi [Jonathan Sacks Foundation]"
    if _after_club_position(sdoc, first) and words[-1].lower() not in _PLACE_WORDS | _INSTITUTION_WORDS \
            and words[-1].lower() not in COMPANY_WORDS | _CLUB_WORDS:
        return True  # "Real Madrid forward [Vinicius Junior]"
    return (len(words) == 2 and all(w.isalpha() and w[0].isupper() and not w.isupper() for w in words)
            and is_given_name(words[0], 0.1) and words[1].lower() not in _PLACE_WORDS
            and words[1].lower() not in COMPANY_WORDS and words[1].lower() not in _CLUB_WORDS
            and words[1].lower() not in _INSTITUTION_WORDS)  # "Victoria Police said": a force


def _missed_names(sdoc: Any) -> list[tuple[int, int]]:
    """Personal names the entity recogniser cut up or took for something else: two or three
    capitalised proper nouns, a given name first and a common surname last (``person_shaped``),
    that no single PERSON entity holds ("[Councillor Jamal] [Washington]" as a body and a state),
    as (first token, end token). One the recogniser read whole as a place is left to it
    ("Virginia Beach"), unless a title comes right before it ("Mayor Helen Park")."""
    ents = sdoc.ents  # each read builds a tuple of new spans
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(sdoc) - 1:
        token = sdoc[i]
        titled = _titled_run(sdoc, i)
        if titled is not None:
            if not any(e.label_ == "PERSON" and e.start <= i and titled <= e.end for e in ents):
                found.append((i, titled))
            i = titled
            continue
        if not (token.pos_ == "PROPN" and token.is_alpha and token.text[0].isupper()
                and is_given_name(token.text)):
            i += 1
            continue
        end = i + 1
        if _hyphened_given(sdoc, i):
            end = i + 3  # "Jan-Christian Dreesen": a given name the tokeniser cut at its hyphen
        limit = min(len(sdoc), end + 2)
        while end < limit and sdoc[end].pos_ == "PROPN" and sdoc[end].text[:1].isupper() \
                and sdoc[end].text.replace("-", "").replace("'", "").isalpha() \
                and sdoc[end].text not in _POST_NOMINALS and not _title_before_name(sdoc, end):
            end += 1  # "[Franklin County] Judge Teresa Alvarado": a title opens the next name
        # "Prosecutor Helen Arkwright KC told the court": letters after a name say it is a person's
        lettered = end < len(sdoc) and sdoc[end].text in _POST_NOMINALS and _name_word(sdoc[end - 1])
        if end == i + 1 and _particles_then_name(sdoc, end):
            end = _particles_then_name(sdoc, end)  # "Rubén del Campo", "Ursula von der Leyen"
        run = sdoc[i:end]
        if end - i < 2 or not (person_shaped(run.text) or lettered or (
                end - i > 3 and _hyphened_given(sdoc, i) and (_surname_like(sdoc[end - 1].text) or (
                    _speaks(run) and not _body_word(sdoc[end - 1].text))))):
            i += 1
            continue
        covering = [e for e in ents if e.start < end and i < e.end]
        whole = len(covering) == 1 and covering[0].start <= i and end <= covering[0].end
        place = whole and covering[0].label_ in ("GPE", "LOC", "FAC") and not _after_title_word(sdoc, i)
        if not place and not (whole and covering[0].label_ == "PERSON") and not (
                whole and covering[0].label_ == "ORG" and covering[0].start == i
                and not (_hyphened_given(sdoc, i) and _speaks(run))):
            # a body the recogniser read whole is left to it; not "Anne-Marie Trevelyan said"
            found.append((i, end))
        i = end
    return found


def _title_before_name(sdoc: Any, i: int) -> bool:
    """Whether token ``i`` is a title written before a person's capitalised name ("Judge Teresa")."""
    return sdoc[i].lower_ in _NAME_TITLES and i + 1 < len(sdoc) and sdoc[i + 1].pos_ == "PROPN" \
        and sdoc[i + 1].text[:1].isupper()


def _speaks(span: Any) -> bool:
    """Whether the name ``span`` is the subject of a verb of saying or thinking ("... said")."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _PERSON_VERBS


def _surname_like(word: str) -> bool:
    """Whether a capitalised word after a hyphened given name may be a surname: a common one, or
    no dictionary word, country, company's or club's word ("Jan-Christian Dreesen")."""
    return is_surname(word) or (not _in_dictionary(word.lower()) and not _body_word(word))


def _body_word(word: str) -> bool:
    """Whether a capitalised word is a country's name or a word that ends a company's or a club's."""
    return is_country(word) or word.lower() in COMPANY_WORDS | _CLUB_WORDS


def _hyphened_given(sdoc: Any, i: int) -> bool:
    """Whether a given name at ``sdoc[i]`` goes on with a hyphen and a second given name the
    tokeniser split off ("Jan-Christian", "Anne-Marie"), before a capitalised proper noun."""
    if i + 3 >= len(sdoc) or sdoc[i].whitespace_ or sdoc[i + 1].text not in ("-", "\u2010") \
            or sdoc[i + 1].whitespace_:
        return False
    second = sdoc[i + 2]
    return second.is_alpha and second.text[:1].isupper() and is_given_name(second.text) \
        and sdoc[i + 3].pos_ == "PROPN" and sdoc[i + 3].text[:1].isupper()


#: Titles that, written with a capital right before a name, make it a person's whatever the
#: recogniser called it ("Councillor Maya Osei", read as a work of art; "Justice J B Pardiwala").
_NAME_TITLES = frozenset({
    "president", "senator", "sen.", "governor", "gov.", "mayor", "judge", "rep.", "representative",
    "congressman", "congresswoman", "minister", "secretary", "ambassador", "sheriff", "chancellor",
    "pope", "king", "queen", "prince", "princess", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
    "councillor", "councilor", "cllr", "cllr.", "justice", "commissioner", "magistrate", "inspector",
    "detective",
    "professor", "prof.", "sir", "dame", "lord", "lady", "alderman", "premier", "general", "bishop",
    "archbishop", "cardinal", "monsignor", "msgr", "msgr.", "fr.", "rev.", "reverend", "emir", "sheikh",
    "sheikha", "sultan", "baroness", "baron", "crown"})


def _role_before_name(sdoc: Any, first: int, last: int) -> bool:
    """Whether the entity's first word is a role written before a full name ("Striker Kofi
    Mensah", "Nutritionist Mark Cole", "Dr Ruth Evans"): "Dr" without its full stop or a role
    noun, or, opening the sentence, an agent noun ("-er", "-ist", ...) that is no given name
    ("Carter Page", "Taylor Swift" keep theirs), with two name words after it."""
    word = sdoc[first].lower_
    if last - first < 3:
        return False
    if word in ("dr", "prof", "prof.") or word in _ROLE_NOUNS:
        return True
    return (sdoc[first].is_sent_start and word.endswith(_AGENT_ENDINGS) and word not in _THING_NOUNS
            and len(word) > 4 and not is_given_name(sdoc[first].text) and not is_surname(sdoc[first].text))


def _particles_then_name(sdoc: Any, i: int) -> int:
    """The end token of one or two surname particles from token ``i`` and the capitalised word
    after them ("del Campo", "von der Leyen"), or 0."""
    end = i
    while end < min(len(sdoc), i + 2) and sdoc[end].text in PARTICLES:
        end += 1
    if end == i or end >= len(sdoc) or not sdoc[end].text[:1].isupper() or not sdoc[end].is_alpha:
        return 0
    return end + 1


def _titled_run(sdoc: Any, i: int) -> int | None:
    """The end token of a personal name starting at token ``i`` right after a capitalised title
    ("Councillor [Maya Osei]", "Justice [J B Pardiwala]", "Ms [Nair]"), or None: two or three
    capitalised proper nouns (one after "Mr", "Ms", "Dr"), or bare initials then one, none of
    them a title or a word that ends a place's, body's or club's name ("Judge Rotenberg Center",
    "President Obama Administration")."""
    title = sdoc[i - 1] if i > 0 else None
    if title is None or title.lower_ not in _NAME_TITLES or not title.text[:1].isupper() \
            or title.pos_ not in ("NOUN", "PROPN") or title.is_sent_end:
        return None
    end = i
    while end < min(len(sdoc), i + 3) and _initial(sdoc[end]):
        end += 1
    initials = end - i
    limit = end + 1 if initials else i + 3
    while end < min(len(sdoc), limit) and sdoc[end].pos_ == "PROPN" and sdoc[end].text[:1].isupper() \
            and not sdoc[end].like_num and not sdoc[end].is_upper \
            and re.sub("[-'’]", "", sdoc[end].text).isalpha():
        end += 1
    words = [t.lower_ for t in sdoc[i + initials:end]]
    # after "Mr", "Ms", "Dr" a surname alone is a person ("Ms Nair said", which the recogniser
    # may take for a work's title after a closing quotation mark)
    fewest = 1 if title.lower_ in _HONORIFICS or title.lower_ in ("dr", "dr.") else 2
    if end - i < fewest or not words or any(
            w in TITLE_WORDS or w in _NAME_TITLES or w in _PLACE_WORDS or w in COMPANY_WORDS
            or w in _CLUB_WORDS or w in _TEAMS or w in _PORTFOLIOS or w in _INSTITUTION_WORDS
            for w in words):  # "Crown Prosecution Service" is a body
        return None
    return end


#: Nouns of a person's work set beside a name ("Cardoso, a former Citibank executive,"); not
#: those a body may be too ("MGM Resorts International, the owner of Mandalay Bay,", "the
#: market leader", "the official sponsor").
_PERSON_APPOSITIVES = (TITLE_WORDS | _ROLE_NOUNS | {"executive", "banker", "politician", "diplomat"}) - {
    "owner", "founder", "leader", "head", "chief", "former", "official", "general", "deputy", "manager",
    "author", "editor", "expert", "chair"}


def _described_as_person(span: Any) -> bool:
    """Whether a name the recogniser called a place or a body is set beside a noun of a person's
    work or office ("Cardoso, a former Citibank executive, replaces ..."): then it is a person's."""
    if span[-1].lower_ in COMPANY_WORDS or span[-1].lower_ in _PLACE_WORDS:
        return False
    root = span.root
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_APPOSITIVES and c.i >= span.end
               and any(d.dep_ in ("det", "poss") for d in c.children) for c in root.children)


#: Nouns for a person by kin or by custody that a name is set beside or after ("his wife,
#: Candace,", "detainee Abu Zubaydah"): a name there is a person's, whatever the recogniser says.
_KIN_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower",
    "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance", "fiancé", "grandson", "granddaughter",
    "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece", "cousin", "stepson", "stepdaughter",
    "detainee", "inmate", "prisoner", "suspect", "defendant", "toddler", "schoolboy", "schoolgirl"})


def _person_by_kin(sdoc: Any, first: int, last: int) -> bool:
    """Whether a name the recogniser called a place or a body is a person's by a noun of kin or
    custody before it ("detainee Abu Zubaydah") or set beside it ("his wife, Candace,",
    "Candace, his wife,"). Not by "who" after it: "Apple, who makes the iPhone" is written too."""
    span = sdoc[first:last]
    if span[-1].lower_ in COMPANY_WORDS or span[-1].lower_ in _PLACE_WORDS or is_country(span.text):
        return False
    root = span.root
    before = sdoc[first - 1] if first > 0 else None
    if before is not None and before.is_lower and before.lemma_.lower() in _KIN_NOUNS \
            and before.dep_ == "compound" and first <= before.head.i < last:
        return True
    if root.dep_ == "appos" and root.head.i < first and root.head.lemma_.lower() in _KIN_NOUNS:
        return True
    return any(c.dep_ == "appos" and c.i >= last and c.lemma_.lower() in _KIN_NOUNS for c in root.children)


def _address_of(sdoc: Any, i: int) -> bool:
    """Whether a one-word name the recogniser called a person is set after a place as the larger
    place it lies in ("the Isle of Sheppey, Kent", "Elmley, Kent"): a place, no person."""
    token = sdoc[i]
    head = token.head
    return token.dep_ == "appos" and head.i < i and head.ent_type_ in ("GPE", "LOC") \
        and sdoc[i - 1].text == ","


def _affiliation(sdoc: Any, i: int) -> bool:
    """Whether the one word at token ``i`` follows a person's full name and "of" ("Lando Norris of
    [McLaren]", "Nick Hale of [Deloitte]"): what they belong to, no person, unless it is a given
    name or a country (which the recogniser tags a place)."""
    token = sdoc[i]
    if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.i != i - 1 or i < 3:
        return False
    name = sdoc[i - 2]
    return name.ent_type_ == "PERSON" and name.ent_iob_ == "I" and not is_given_name(token.text) \
        and not is_country(token.text) and token.text[:1].isupper()


#: Nouns for a body set beside its name ("Gavi, the vaccine alliance,").
_BODY_APPOSITIVES = frozenset({
    "alliance", "company", "firm", "group", "charity", "agency", "organisation", "organization", "union",
    "bank", "coalition", "network", "association", "foundation", "institute", "club", "carmaker",
    "drugmaker", "retailer", "lender", "insurer", "broadcaster", "publisher", "airline", "manufacturer",
    "startup", "regulator", "watchdog", "movement", "militia", "conglomerate", "consultancy", "operator",
    "service", "platform", "app", "chain", "supermarket", "giant", "maker", "provider", "developer",
    "utility", "newspaper", "channel", "brand", "studio", "fund", "exchange", "party", "university",
    "hospital", "team", "outlet",
})


def _of_described(key: str, described: Collection[str]) -> bool:
    """Whether a name's key is, or opens with, a name set beside a noun for a body ("Common Cause
    Georgia" after "Common Cause, a nonpartisan group,")."""
    return any(key == name or key.startswith(name + " ") for name in described)


def _described_as_body(span: Any) -> bool:
    """Whether a name the recogniser called a person or a place is set beside a noun for a body
    after it ("Gavi, the vaccine alliance, said ...") or before it ("Russia's propaganda outlet,
    RT,"): then it is the body's."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in _BODY_APPOSITIVES and c.i >= span.end
           and any(d.dep_ == "det" for d in c.children) for c in span.root.children):
        return True
    # "Russia's primary propaganda outlet, RT, has ...": the noun before, the name its apposition
    head = span.root.head
    return span.root.dep_ == "appos" and head.i < span.start and head.lemma_.lower() in _BODY_APPOSITIVES \
        and any(d.dep_ in ("det", "poss") for d in head.children)


#: Nouns for a settlement or a region that a place's name is set beside ("the capital, Velmora,").
_PLACE_APPOSITIVES = frozenset({"town", "city", "village", "capital", "region", "province", "county",
                                "district", "island", "hometown", "suburb", "country", "port"})


def _described_as_place(span: Any) -> bool:
    """Whether a name the recogniser called a person or a body is set beside a noun for a town or
    a region, before it ("The company's home town, Port Alder,") or after it ("Velmora, the
    regional capital,"): then it is the place's. Not one shaped as a person's name."""
    if person_shaped(span.text):
        return False
    root = span.root
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_APPOSITIVES and c.i >= span.end
           and any(d.dep_ in ("det", "poss") for d in c.children) for c in root.children):
        return True
    head = root.head
    return root.dep_ == "appos" and head.i < span.start and head.lemma_.lower() in _PLACE_APPOSITIVES \
        and any(d.dep_ in ("det", "poss") for d in head.children)


#: A word with a capital inside it after a run of small letters ("SpaceX", "PayPal", "OpenAI"),
#: and the openings after which a person's name has one ("McDonald", "DeSantis", "LeBron").
_CAMEL = re.compile(r"([A-Z][a-z]+)[A-Z][A-Za-z]*")
_CAPITAL_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "Del", "Della", "La", "Le", "Van", "Von",
                               "Fitz", "St"})


def _camel_case(word: str) -> bool:
    """Whether a lone name is written as a brand's, a capital inside it (``_CAMEL``), not after an
    opening that persons' names have ("McDonald", "DeSantis")."""
    found = _CAMEL.fullmatch(word)
    return found is not None and found.group(1) not in _CAPITAL_PREFIXES


def _initial(token: Any) -> bool:
    """Whether a token is a name's initial, with or without its full stop ("D", "Y.")."""
    letter = token.text.removesuffix(".")
    return len(letter) == 1 and letter.isalpha() and letter.isupper() and token.pos_ == "PROPN"


def _national_adjective(sdoc: Any, i: int, persons: Collection[str]) -> bool:
    """Whether the lone word ``sdoc[i]`` the recogniser called a person is a country's adjective
    before a noun ("his Azerbaijani counterpart"): no given name, no surname of a person the
    text names in full ("Mark Cuban ... Cuban said"), and the adjective of a listed country."""
    token = sdoc[i]
    if i + 1 >= len(sdoc) or sdoc[i + 1].pos_ != "NOUN" or not sdoc[i + 1].is_lower \
            or is_given_name(token.text) or any(key.endswith(" " + token.lower_) for key in persons):
        return False
    return _country_adjective(token.lower_)


def _country_adjective(word: str) -> bool:
    """Whether a lower-case word of five letters or more reads as a listed country's adjective."""
    return len(word) > 4 and any(_demonym_of(word, country) for country in COUNTRY_NAMES
                                 if country[:1] == word[:1] or word in _DEMONYMS)


def _is_demonym(word: str) -> bool:
    """Whether a lower-case word is the adjective of a listed country ("ukrainian", "azerbaijani")."""
    return not is_country(word) and _country_adjective(word)


def _after_title_word(sdoc: Any, i: int) -> bool:
    """Whether token ``i`` follows a personal title written as one ("Mayor Helen Park",
    "the former senator Grace Hill"): a name so introduced is a person's, not a place's."""
    if i == 0:
        return False
    title = sdoc[i - 1]
    return (title.lower_ in TITLE_WORDS or title.lower_ in _PERSON_TITLES) and title.pos_ in ("NOUN", "PROPN")


def _headline_name(text: str, start: int, end: int, body_names: list[tuple[list[str], str]]
                   ) -> tuple[str, int, int] | None:
    """The longest run of a headline entity's words that names (or ends) an entity of the body."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s\-]+", text[start:end])]
    words = [_clean(text[s:e]).lower() for s, e in tokens]
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            for names, label in body_names:
                if names and len(names) >= size and names[-size:] == run:
                    return label, tokens[i][0], tokens[i + size - 1][1]  # trimmed when filed (_mention)
    return None


#: Nouns for people that a national or religious adjective describes as the group's own
#: ("the American people", "British voters", "Muslim families"); before another noun the
#: adjective describes a thing ("American history", "the British press") and names no actor.
_PEOPLE_NOUNS = frozenset({
    "people", "public", "citizen", "voter", "taxpayer", "worker", "family", "child", "kid", "woman",
    "man", "girl", "boy", "friend", "hero", "patriot", "student", "youth", "population", "nation",
    "electorate", "consumer", "resident", "community", "immigrant", "migrant", "refugee", "civilian",
    "veteran", "farmer", "parent", "mother", "father", "worshipper", "believer", "majority",
    "minority", "person", "individual", "adult", "teenager", "neighbour", "neighbor", "victim",
    "prisoner", "hostage", "national", "descent", "origin", "country", "ally", "enemy", "service",
    "agency", "jury", "intermediary", "counterpart", "colleague", "agent", "opponent", "dissident",
    "correspondent", "client", "patient", "participant", "servant", "defendant", "descendant",
    "militant", "protestant", "elite", "oligarch", "troop", "crew", "team", "side", "camp",
})
#: Agent nouns by their ending ("invaders", "nationalists", "historians"), but for these things.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ite", "eer")
_THING_NOUNS = frozenset({
    "border", "order", "paper", "sector", "factor", "center", "centre", "water", "number", "letter",
    "computer", "monitor", "headquarter", "matter", "corner", "error", "chapter", "register",
    "corridor", "meteor", "mirror", "interior", "exterior", "layer", "carrier", "cancer", "anchor",
    "terror", "horror", "honor", "honour", "favor", "favour", "labor", "labour", "flavor", "vapor",
    "theater", "theatre", "charter", "quarter", "winter", "summer", "budget", "manner", "banner",
    "poster", "filter", "cluster", "meter", "metre", "tower", "river", "shelter", "trailer", "liter",
})
#: Parties' adjectives ("Democratic senators", "the Republican plan") keep naming the party.
_PARTY_WORDS = frozenset({"democratic", "democrat", "republican", "gop", "communist", "socialist",
                          "conservative", "liberal", "labour", "tory", "tories"})


def _describes_thing(token: Any) -> bool:
    """Whether a national, ethnic or religious word is an adjective before a noun that names no
    people ("American history", "British publications"). Before people ("Russian invaders",
    "European countries") or an office it stays ("the French president": the titles read it to
    tell that president from the text's own); "member" and "power" count as people."""
    head = token.head
    lemma = head.lemma_.lower()
    if not (token.dep_ in ("amod", "compound", "nmod") and head.i > token.i and head.pos_ == "NOUN"
            and token.lower_ not in _PARTY_WORDS):
        return False
    if {lemma, head.lower_} & (_PEOPLE_NOUNS | TITLE_WORDS):
        return False
    return not (lemma.endswith(_AGENT_ENDINGS) and lemma not in _THING_NOUNS and len(lemma) > 4)


def names_people(token: Any) -> bool:
    """Whether a common noun names people ("residents", "a nurse", "the negotiator"), not things."""
    lemma = token.lemma_.lower()
    if {lemma, token.lower_} & (_PEOPLE_NOUNS | TITLE_WORDS | _ROLE_NOUNS):
        return True
    return lemma.endswith(_AGENT_ENDINGS) and lemma not in _THING_NOUNS and len(lemma) > 4


def _describes_named_person(token: Any) -> bool:
    """Whether a national adjective is part of what a named person is, before the name ("Malaysian
    financier Jho Low", "the Turkish journalist Ahmet Altan", "American tennis star Serena
    Williams"): its noun is in lower case and a person's name comes right after it. A party's
    adjective still names the party ("Republican opponent Brian Kemp")."""
    head = token.head
    if token.lower_ in _PARTY_WORDS or token.dep_ not in ("amod", "compound", "nmod") or head.i <= token.i \
            or head.pos_ != "NOUN" \
            or not head.is_lower or head.i + 1 >= len(token.doc):
        return False
    after = token.doc[head.i + 1]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B" and after.pos_ == "PROPN"


#: Endings of the national words that, after "the", are the whole people ("the French", "the
#: Chinese", "the Swiss", "the British"), not one of them.
_WHOLE_PEOPLE_ENDINGS = ("ese", "ish", "ch", "ss", "s")


def _one_of_a_people(token: Any) -> bool:
    """Whether a national word stands alone for one person after "the" or "a" ("the Frenchman
    said", "praised the Serbian", "a Briton", "the Serbian's work rate"): a noun of its own,
    singular, none of the words that stand for the whole people ("the French", "the Chinese",
    "the Americans")."""
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "poss") \
            or token.tag_ == "NNPS" or token.lower_.endswith(_WHOLE_PEOPLE_ENDINGS) \
            or token.lower_ in _PARTY_WORDS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children) \
        and not any(c.dep_ in ("compound", "amod") for c in token.children)


def _demonym_of(adjective: str, country: str) -> bool:
    """Whether a national adjective names this country ("Syrian" Syria, "French" France)."""
    adjective, country = adjective.lower().rstrip("s"), country.lower()
    if adjective in _DEMONYMS:  # "Dominican": the republic, not Dominica, whose name it starts with
        return _DEMONYMS[adjective] == country
    if country.startswith(adjective + " "):
        return True
    common = 0
    for a, c in zip(adjective, country, strict=False):
        if a != c:
            break
        common += 1
    return common >= 4 and common >= len(country) - 1


def entity_clusters(sdoc: Any) -> list[EntityCluster]:
    """The actors of a spaCy doc (cached on the doc's ``user_data``)."""
    cached = sdoc.user_data.get("unspin_entities")
    if cached is not None:
        return cached
    clusters: list[EntityCluster] = []
    by_key: dict[str, EntityCluster] = {}
    persons: list[tuple[list[str], EntityCluster]] = []
    text = doc_text(sdoc)
    states: list[tuple[int, int]] = []
    armed: set[int] = set()  # the places whose national adjective names a state ("Kostrovian forces")
    called = _called_by_pronoun(sdoc)
    for label, start, end in entity_spans(sdoc, text):
        if label == "NORP_STATE":
            states.append((start, end))
            continue
        _add(clusters, by_key, persons, text, label, start, end, called)
    regions = [_clean(text[r[0]:r[1]]) for _place, r in _datelines(text) if r is not None] if states else []
    for start, end in states:
        words = text[start:end].split()[:-1]  # "North Korean" of "North Korean regime"
        while len(words) > 1 and words[-1].lower() in _PORTFOLIOS | _OFFICE_RANKS:
            words.pop()  # "Armenian" of "Armenian Foreign Minister", "Lebanese Prime Minister"
        adjective = _clean(" ".join(words))
        country = next((c for c in clusters if c.type == "place" and _demonym_of(adjective, c.name)), None)
        # a country the list does not know, named by a dateline's region ("KARSA, Ostrenia —")
        listed = None if country is not None else _listed_country(adjective) or next(
            (r for r in regions if _demonym_of(adjective, r)), None)
        if listed is not None:  # "The Armenian government" in a text that never names Armenia
            country = by_key.get(_key(listed)) or EntityCluster(name=listed, type="place")
            if _key(listed) not in by_key:
                clusters.append(country)
                by_key[_key(listed)] = country
            # "American officials said": they speak for the state, named as written by the quotes
            voice = _voice_noun(text[start:end].split()[-1])
            _mention(country, text, start, start + len(adjective) if voice else end, "GPE")
            armed.add(id(country))
        elif country is None:  # no state of that name in the text: the adjective alone, as before
            _add(clusters, by_key, persons, text, "NORP", start, start + len(adjective))
        else:
            _mention(country, text, start, end, "GPE")
            armed.add(id(country))
    _dateline_regions(clusters, by_key, text)
    clusters = _join_surnames_written_first(_join_persons_called_bodies(_join_handles(clusters)))
    heads = _title_lines(text)  # the headline lines, read twice below
    clusters = _join_last_words(_join_companies_called_persons(clusters, heads))
    clusters = _join_departments(_join_short_forms(_join_first_words(clusters, sdoc)))
    for cluster in clusters:
        cluster.type = ENTITY_TYPES[_kind(cluster, text)]
        if cluster.type == "place" and any(is_country(name) for name in (cluster.name, *cluster.aliases)):
            cluster.type = "country"
        if any(_state_form(alias, "GPE") == cluster.name for alias in cluster.aliases):
            cluster.type = "country"  # "the Republic of Vostrana" ... "Vostrana"
        if cluster.type == "place" and id(cluster) in armed and _key(cluster.name) not in US_STATES:
            cluster.type = "country"  # "Kostrovia ... Kostrovian forces": a state the list may not know
        if cluster.type in ("person", "place") and any(w.lower() in _LEAGUE_WORDS for name in (
                cluster.name, *cluster.aliases) for w in _words(name)):
            cluster.type = "organization"  # "La Liga", "Serie A", "the Premier League": a league is a body
        if cluster.type == "group" and _words(cluster.name)[-1:] == ["party"]:
            cluster.type = "organization"  # "Democrats ... the Democratic Party": named as the party, a body
        if cluster.type == "person":
            cluster.name = _full_name(cluster, text) or cluster.name
    _bodies_by_agreement(sdoc, clusters)
    _places_that_vote(sdoc, clusters, text)
    _clubs_called_places(sdoc, clusters, text)
    clusters = _places_called_persons(sdoc, clusters, text)
    _dateline_places(clusters, text)
    _untagged_surnames(sdoc, clusters)
    _untagged_bodies(sdoc, clusters, text)
    _untagged_short_forms(sdoc, clusters)
    clusters = _peoples_called_persons([c for c in clusters if not _common_word(c, text)])
    # after the plurals joined their people ("The Houthi movement ... The Houthis said")
    clusters = [c for c in clusters if not _names_a_thing(sdoc, c) and not _names_a_weapon(sdoc, c)
                and not _names_a_price(sdoc, c, text) and not _names_an_idea(c)]
    kept = []
    for cluster in clusters:
        if _common_noun_named(sdoc, cluster, heads):
            continue  # "Chipmaker shares slide", "Striker's late goal sends Rovers top"
        called = _capitalised_word(sdoc, cluster, heads) if sdoc.has_annotation("DEP") else None
        if called == "":
            continue  # "Turnout fell sharply": a word of the dictionary opening a sentence
        if called is None and _person_called_body(sdoc, cluster):
            cluster.type = "person"  # "Guardiola said his side ...", "Oyarzabal scored for Spain"
        if called == "ORG" or (called is None and (_body_by_pronoun(sdoc, cluster)
                                                   or _firm_by_its(sdoc, cluster)
                                                   or _shares_beside(sdoc, cluster))):
            cluster.type = "organization"
        kept.append(cluster)
    clusters = kept
    for cluster in clusters:
        if cluster.name.isupper() and len(cluster.name) > 4:  # "WASHINGTON" written as a heading
            written = next((a for a in cluster.aliases if not a.isupper()), None)
            # a person named only in a transcript's labels ("DANA KROLL:") as a name is written
            cluster.name = written or (cluster.name.title() if cluster.type == "person" else cluster.name)
        if cluster.name.startswith("@") and cluster.type in ("place", "country", "group"):
            # "an @ECCHRBerlin complaint", "@Jerickaduncan": an account of a person or a body the
            # text does not say, no place nor people
            cluster.type = "other"
        if cluster.type == "organization":
            _own_s(sdoc, cluster, text)
        order = sorted(range(len(cluster.mentions)), key=lambda i: cluster.mentions[i])
        cluster.mentions = [cluster.mentions[i] for i in order]
        cluster.labels = [cluster.labels[i] for i in order]
    sdoc.user_data["unspin_entities"] = clusters
    return clusters


#: Words of a league's name, in its languages: a name with one is a body's, which the recogniser
#: calls a person ("La Liga said") or a place.
_LEAGUE_WORDS = frozenset({"league", "liga", "laliga", "ligue", "bundesliga", "eredivisie", "serie", "lega"})


def _own_s(sdoc: Any, cluster: EntityCluster, text: str) -> None:
    """Name a body whose name ends in "'s" as written ("Sainsbury's", "McDonald's", "Ben &
    Jerry's"), which the mentions' cleaning cuts as a possessive: where one mention's "'s" is
    followed by no word it could own ("Sainsbury's said", "Rivals Sainsbury's and Asda")."""
    for start, end in cluster.mentions:
        if text[end:end + 2] not in ("'s", "’s") or text[start:end] != cluster.name:
            continue
        after = sdoc.char_span(end, end + 2)
        if after is None or len(after) != 1 or after[0].i + 1 >= len(sdoc):
            continue
        owned = sdoc[after[0].i + 1]
        if owned.pos_ in ("VERB", "AUX", "CCONJ", "ADP") or (owned.pos_ == "PUNCT" and owned.text in ",.;:"):
            cluster.name += text[end:end + 2]
            if cluster.name not in cluster.aliases:
                cluster.aliases.append(cluster.name)
            return


#: Nouns for what a body says, publishes, sells or is made of: a name before one ("a Westbury
#: report", "Norsam shares") is the body that has it, an actor.
_OWNED_THINGS = frozenset({
    "report", "statement", "study", "survey", "poll", "data", "figure", "analysis", "announcement",
    "release", "document", "memo", "email", "letter", "post", "tweet", "video", "website", "site",
    "account", "page", "share", "stock", "price", "profit", "revenue", "sale", "result", "employee",
    "staff", "member", "executive", "board", "investigation", "probe", "inquiry", "ruling", "verdict",
    "lawsuit", "suit", "deal", "bid", "offer", "vote", "election", "contract", "chief", "boss", "owner",
    # a body of its own ("the Senate panel", "Treasury undersecretary")
    "panel", "committee", "subcommittee", "department", "office", "division", "branch", "undersecretary",
})


def _names_a_thing(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a one-word name the recogniser called a body is written once, only to say which
    thing a common noun is ("the failed Brookside monorail"): what the thing is named after is no
    actor. Not letters ("a CNN report"), an outlet, nor a name before what a body says, owns or
    is made of ("a Westbury report", "Norsam shares", "Westbury officials"). A product named
    before its maker is none either, however written ("the iPhone maker")."""
    if cluster.type != "organization" or len(cluster.mentions) != 1 \
            or len(_words(cluster.name)) != 1 or _key(cluster.name) in _OUTLETS:
        return False
    span = sdoc.char_span(*cluster.mentions[0], alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].dep_ not in ("compound", "nmod"):
        return False
    head = span[0].head  # the tagger may call a rare noun a proper one ("monorail")
    if head.i < span[0].i or head.pos_ not in ("NOUN", "PROPN") or not head.is_lower:
        return False
    if head.i == span[0].i + 1 and head.lower_.endswith("maker"):
        return True
    if not cluster.name[1:].islower():
        return False
    lemma = head.lemma_.lower()
    if {lemma, head.lower_} & (_PEOPLE_NOUNS | TITLE_WORDS | _STATE_NOUNS | _OWNED_THINGS):
        return False
    return not (lemma.endswith(_AGENT_ENDINGS) and lemma not in _THING_NOUNS and len(lemma) > 4)


#: Words after a name that make it a price's or a market index's ("Brent crude", "the Nasdaq
#: Composite", "FTSE 100 futures"), and verbs for how such a price moves ("Brent rose 2%").
_PRICE_WORDS = frozenset({"crude", "futures", "index", "composite", "average", "blend", "benchmark"})
#: Market indices and price benchmarks news names alone ("the Hang Seng fell 2%", "West Texas
#: Intermediate settled at $70"), with no word for a price after them.
_INDEX_NAMES = frozenset({"hang seng", "ftse", "nikkei", "dax", "kospi", "sensex", "nifty", "stoxx",
                          "euro stoxx", "cac", "west texas intermediate", "wti", "nasdaq", "topix"})
_PRICE_MOVES = frozenset({"rise", "fall", "gain", "lose", "slip", "climb", "drop", "rally", "slide", "tumble",
                          "jump", "surge", "edge", "close", "end", "trade", "settle", "sink", "dip", "shed",
                          "add", "hit", "touch", "reach", "open"})


def _names_a_price(sdoc: Any, cluster: EntityCluster, text: str) -> bool:
    """Whether an organisation's name is only ever a price's or an index's: written once at least
    before a word for one, tagged or not ("Brent crude futures rose", "the FTSE 100 index"), a
    number of its name aside, or named as one of ``_INDEX_NAMES`` ("Hang Seng"), and where
    tagged only as what moves ("Brent has risen 10% this year"): no actor. ``text``: the doc's text."""
    if cluster.type != "organization":
        return False
    price = rf"\b{re.escape(cluster.name)}(?:[ \t]+\d+)?[ \t]+(?:{'|'.join(_PRICE_WORDS)})\b"
    if cluster.name.lower().removeprefix("the ") not in _INDEX_NAMES and not re.search(price, text):
        return False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        after = span.end + (span.end < len(sdoc) and sdoc[span.end].like_num)
        if after < len(sdoc) and sdoc[after].lower_ in _PRICE_WORDS:
            continue
        mover = sdoc[after] if span.end < after < len(sdoc) else span.root.head
        if mover.lemma_.lower() not in _PRICE_MOVES or (after == span.end and span.root.dep_ != "nsubj"):
            return False
    return True


#: Nouns for arms that a weapon's name is written before ("the Patriot batteries", "Abrams tanks").
_WEAPON_NOUNS = frozenset({
    "battery", "missile", "launcher", "interceptor", "tank", "jet", "fighter", "helicopter", "drone",
    "rocket", "howitzer", "rifle", "warship", "submarine", "bomber", "warhead", "torpedo", "system",
    "handgun", "pistol", "gun", "revolver", "shotgun",
})


#: Endings of the one-word names of a doctrine, a process or a fear ("Islamisation",
#: "Islamophobia", "Zionism"), which the recogniser calls bodies; no actors. Not a scandal's
#: "-gate" ("Russiagate"), which ends as many towns' names ("Margate", "Harrogate").
_IDEA_ENDINGS = ("ism", "isation", "ization", "phobia")


def _names_an_idea(cluster: EntityCluster) -> bool:
    """Whether each name of an actor is one word for an idea, a process or a fear
    (``_IDEA_ENDINGS``), not written in capitals ("ISM" may be a body's letters)."""
    names = (cluster.name, *cluster.aliases)
    return all(len(_words(n)) == 1 and len(n) > 6 and not n.isupper() and n.lower().endswith(_IDEA_ENDINGS)
               for n in names)


def _names_a_weapon(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a one-word name the recogniser called a person is only ever written before a noun
    for arms ("the Patriot batteries", "more Abrams tanks"): a weapon system, no actor."""
    if cluster.type != "person" or len(_words(cluster.name)) != 1:
        return False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].dep_ not in ("compound", "nmod", "amod"):
            return False
        head = span[0].head
        if head.i <= span[0].i or head.lemma_.lower() not in _WEAPON_NOUNS \
                or any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM") for t in sdoc[span[0].i + 1:head.i]):
            return False
    return True


def _listed_country(adjective: str) -> str | None:
    """The listed country a national adjective names ("Armenian": Armenia; "British": United
    Kingdom), as news writes its name, or None where it names none or more than one."""
    low = adjective.lower()
    if low in _DEMONYMS:
        found = [_DEMONYMS[low]]
    else:  # "Syrian" is Syria, not the "Syrian Arab Republic" it opens
        found = [c for c in COUNTRY_NAMES if c[:1] == low[:1] and _demonym_of(low, c)]
        found = [c for c in found if not c.startswith(low + " ")] or found
    if len(found) != 1 or not _country_adjective(low):
        return None
    name = _VARIANTS.get(found[0])
    return name or " ".join(w if w in ("and", "of", "the") else w[:1].upper() + w[1:]
                            for w in found[0].split())


def _voice_noun(word: str) -> bool:
    """Whether a state noun is for people who act or speak for the state ("officials",
    "minister", "spokesman"), not the state itself ("government", "army")."""
    low = word.lower()
    people = TITLE_WORDS | _AGENT_NOUNS | _ROLE_NOUNS | (_STATE_VOICES - {"government", "authority"})
    return any(w in people for w in (low, low.removesuffix("s")))


def _dateline_regions(clusters: list[EntityCluster], by_key: dict[str, EntityCluster], text: str) -> None:
    """A dateline's region ("KARSA, Armenia —") is a mention of the place or country of that
    name when the text's body names it too ("the Armenian government"); its place in capitals
    is where the piece was filed, no mention (``_bylines``)."""
    for _place, region in _datelines(text):
        if region is None:
            continue
        written = _clean(text[region[0]:region[1]])
        cluster = by_key.get(_key(_VARIANTS.get(written.lower()) or written))
        if cluster is not None and cluster.type == "place":
            _mention(cluster, text, region[0], region[1], "GPE")


def _dateline_places(clusters: list[EntityCluster], text: str) -> None:
    """A name the recogniser called a body that is the place of a dateline ("EASTFIELD — The city
    council voted ... bankrupt Eastfield") is that place; not the letters of a body the text
    names in full, which open a headline as its lead-in ("FBI: Teen ...")."""
    places = {_key(text[s:e]) for (s, e), _region in _datelines(text)}
    for cluster in clusters:
        names = (cluster.name, *cluster.aliases)
        if cluster.type == "organization" and set(cluster.labels) <= {"ORG", "GPE"} \
                and any(_key(name) in places for name in names) \
                and not any(len(_words(name)) > 1 and _acronym(name) in names for name in names):
            cluster.type = "place"  # not "FBI: Teen trained for jihad" of the Federal Bureau of Investigation


_KIND_ORDER = ("PERSON", "ORG", "GPE", "NORP")


def _common_word(cluster: EntityCluster, text: str) -> bool:
    """Whether a "person" is a common word written with a capital ("Schools", "Aliens",
    "Order" opening a sentence or a headline): one word each time, neither a given name nor a
    surname, that the text also writes in lower case."""
    word = _lone_word(cluster)
    return bool(word) and re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text) is not None


#: Endings of a people's name in the plural ("Ammonites", "Palestinians").
_PEOPLE_ENDINGS = ("ites", "ians")


def _peoples_called_persons(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A "person" named by one plural word, neither a given name nor a surname, is a people or a
    movement: it joins the actor the text names by its singular, a body or a group ("the Houthi
    movement ... the Houthis"), or else is a group where its ending says so ("Ammonites",
    "Moabites", "Palestinians")."""
    singular = {_key(c.name): c for c in clusters if c.type in ("organization", "group")
                and len(_words(c.name)) == 1}
    gone: set[int] = set()
    for cluster in clusters:
        word = _lone_word(cluster)
        if not word.endswith("s") or len(word) < 5:
            continue
        owner = singular.get(word[:-1])
        if owner is not None:
            _fold(owner, cluster, None, gone)
        elif word.endswith(_PEOPLE_ENDINGS):
            cluster.type = "group"
    return [c for c in clusters if id(c) not in gone]


def _lone_word(cluster: EntityCluster) -> str:
    """The word of a "person" named by one word each time, neither a given name nor a surname, in
    lower case; "" for any other actor."""
    if cluster.type != "person" or any(len(_words(alias)) != 1 for alias in cluster.aliases):
        return ""
    word = _words(cluster.name)[0] if _words(cluster.name) else ""
    return "" if not word.isalpha() or is_given_name(word) or is_surname(word) else word


def _body_by_pronoun(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a "person" named by one word no dictionary holds, neither a given name nor a
    surname (``_lone_word``), is called "it" by the text where it is a subject: "Pfizer said it
    would cut prices", "Ukrenergo said its engineers ...": a body."""
    word = _lone_word(cluster)
    if not word or _in_dictionary(word) or not sdoc.has_annotation("DEP"):
        return False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ == "nsubj" and "which" not in (
                t.lower_ for t in sdoc[span.end:span.end + 2]) and _pronoun_after(sdoc, span) == "ORG":
            return True  # by "it" or "its": not "the extreme Russiaphobia, which ..."
    return False


def _firm_by_its(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a "person" named by two or three words, no given name first and never called "he"
    or "she", is taken up by "its" after a mention that is a subject, with no noun, name or
    personal pronoun between ("Baillie Gifford said it had sold its stake"): a firm."""
    words = _words(cluster.name)
    if cluster.type != "person" or not 2 <= len(words) <= 3 or is_given_name(words[0]) \
            or not sdoc.has_annotation("DEP") or _called_he(sdoc, cluster):
        return False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ != "nsubj":
            continue
        for token in sdoc[span.end:span.root.sent.end]:
            if token.lower_ in _IT:
                return True
            if token.pos_ in ("NOUN", "PROPN") or token.lower_ in _HE_SHE or token.lower_ in ("her", "their"):
                break
    return False


def _person_called_body(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether an "organisation" named by one word each time, which no dictionary holds and no
    name of a club, a company, a party or an outlet, nor letters, is a person: the subject of a
    verb of saying or thinking whose "his" or "her" owns what a person leads (``_leads``:
    "Guardiola said his side had played well"), or that "he" or "she" takes up where a mention
    was tagged a person once ("Guyger claims that she ..."), of a verb only a person does (``_HUMAN_VERBS``:
    "Zubimendi smiled"), or of "scored" for a side ("Oyarzabal scored twice for Spain"); never
    taken up by "its" or "which", nor the subject of a verb in the plural ("Juventus have said")."""
    if cluster.type != "organization" or "ORG" not in cluster.labels \
            or not set(cluster.labels) <= {"ORG", "PERSON"} or not sdoc.has_annotation("DEP") \
            or any(len(_words(alias)) != 1 for alias in (cluster.name, *cluster.aliases)):
        return False
    word = cluster.name
    if not word.isalpha() or not word[:1].isupper() or not word[1:].islower() \
            or _in_dictionary(word.lower()) \
            or _club_name(word) or word.lower() in COMPANY_WORDS | _CLUB_WORDS or _key(word) in _OUTLETS \
            or _key(word) in PARTY_NAMES or is_country(word) or _key(word) in US_STATES:
        return False
    person = False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        called = _pronoun_after(sdoc, span)
        root = span.root
        if called == "ORG" or _plural_verb(sdoc, start, end) or (root.dep_ == "nsubj" and any(
                t.tag_ == "VBP" for t in (root.head, *root.head.children) if t.i > root.i)):
            return False  # "Juventus have said his contract ...": a club, in the plural
        verb = root.head.lemma_.lower()
        if root.dep_ != "nsubj":
            continue
        tagged = "PERSON" in cluster.labels
        if (verb in _PERSON_VERBS and called == "PERSON" and (tagged or _leads(sdoc, span))) \
                or verb in _HUMAN_VERBS - {"score", "net"}:
            person = True  # "Zubimendi smiled at the crowd"
        elif verb in ("score", "net") and any(
                c.dep_ == "prep" and c.lower_ == "for"
                and any(g.ent_type_ in ("GPE", "ORG") for g in c.children)
                for c in root.head.children):
            person = True
    return person


#: What a person leads, which a club or a firm does not own: "his side", "her government".
_LED = frozenset({"side", "team", "players", "squad", "men", "party", "government", "administration",
                  "cabinet"})


def _leads(sdoc: Any, span: Any) -> bool:
    """Whether the first pronoun after a name is "his" or "her" before what a person leads
    ("Guardiola said his side had played well"; not "Chelsea said his injury was serious", a
    club speaking of a player)."""
    if _pronoun_after(sdoc, span) != "PERSON":
        return False
    end = span.root.sent.end
    owner = next((t for t in sdoc[span.end:end] if t.lower_ in _HE_SHE), None)
    return owner is not None and owner.lower_ in ("his", "her") and owner.dep_ == "poss" \
        and owner.head.lower_ in _LED


def _shares_beside(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether a "person" named by one word no dictionary holds, neither a given name nor a
    surname (``_lone_word``), speaks or acts as a company does (``_FIRM_VERBS``) in a sentence
    that tells of shares or stock owned by no name ("Shares rose after Pfizer declined to
    comment"), or by a noun for a company ("Shares in the drugmaker"), and names no other: the
    shares are its. Not "Shares rose after Okafor resigned", a person."""
    word = _lone_word(cluster)
    if not word or _in_dictionary(word) or not sdoc.has_annotation("DEP"):
        return False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ != "nsubj" \
                or span.root.head.lemma_.lower() not in _FIRM_VERBS:
            continue
        sentence = span.root.sent
        if any(e.label_ in _MENTION_LABELS and not (e.start_char <= start < e.end_char)
               for e in sentence.ents):
            continue  # another name the shares may be of
        if any(t.lemma_.lower() in ("share", "stock") and t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass")
               and _unowned(t) for t in sentence):
            return True
    return False


#: Verbs by which a company speaks or acts in a story of its shares ("Pfizer declined to comment",
#: "Korvane cut its forecast").
_FIRM_VERBS = frozenset({"say", "decline", "refuse", "announce", "confirm", "warn", "deny", "state", "report",
                         "post", "beat", "miss", "cut", "raise", "lift", "forecast", "recall", "launch",
                         "unveil", "reject", "agree", "sell", "buy"})


def _unowned(token: Any) -> bool:
    """Whether shares are owned by no name ("Shares rose") or only by a noun for a company
    ("Shares in the drugmaker", "the company's shares")."""
    for child in token.children:
        if child.dep_ in ("poss", "compound"):
            owners = [child]
        elif child.dep_ == "prep" and child.lower_ in ("in", "of"):
            owners = [g for g in child.children if g.dep_ == "pobj"]
        else:
            continue
        if any(o.pos_ != "NOUN" or (o.lower_ not in _BODY_NOUNS and o.lower_ not in _FIRM_NOUNS)
               for o in owners):
            return False
    return True


def _capitalised_word(sdoc: Any, cluster: EntityCluster, headlines: Sequence[tuple[int, int]]) -> str | None:
    """For a "person" named by one word of the dictionary (``_in_dictionary``), neither a given
    name nor a surname, written only where any word takes a capital (``_capital_anyway``:
    "Turnout fell sharply", a headline's "Terrible Turnout Numbers"): what the pronouns after it
    make it ("PERSON" for "he", "ORG" for "its": "Patriot handed over its mines"), else "" (a
    common word, no actor). None for any other actor."""
    word = _lone_word(cluster)
    if not word or not _in_dictionary(word) \
            or not all(_capital_anyway(sdoc, start, headlines) for start, _ in cluster.mentions) \
            or any(_acts_as_person(sdoc, start, end) for start, end in cluster.mentions):
        return None
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        called = _pronoun_after(sdoc, span) if span is not None and len(span) else None
        if called is not None:
            return called
    return ""


#: Nouns for a player by position ("Striker's late goal"), no name of one.
_PLAYER_NOUNS = frozenset({"striker", "forward", "midfielder", "defender", "goalkeeper", "winger",
                           "keeper", "captain", "manager", "coach", "batsman", "bowler", "pitcher",
                           "quarterback", "skipper", "substitute", "teenager", "veteran"})


def _common_noun_named(sdoc: Any, cluster: EntityCluster, headlines: Sequence[tuple[int, int]]) -> bool:
    """Whether an actor is only ever a noun for a kind of body or player (``_BODY_NOUNS``,
    ``_PLAYER_NOUNS``) written where any word takes a capital: no name of one."""
    words = {w.lower() for name in (cluster.name, *cluster.aliases) for w in _words(name)}
    return len(words) == 1 and bool(words & (_BODY_NOUNS | _PLAYER_NOUNS)) \
        and all(_capital_anyway(sdoc, start, headlines) for start, _ in cluster.mentions)


#: Verbs of saying and thinking, whose subject is a person's name ("Shakespeare mentions malaria").
_PERSON_VERBS = frozenset({
    "say", "tell", "mention", "write", "claim", "argue", "insist", "warn", "add", "announce", "deny",
    "admit", "believe", "think", "want", "ask", "declare", "vow", "promise", "brag", "boast", "accuse",
})


def _acts_as_person(sdoc: Any, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` owns something ("Putin's unwillingness") or says or
    thinks something ("Shakespeare mentions malaria"), as the dictionary's famous names do and its
    common words do not ("Turnout fell")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    after = sdoc[span.end] if span.end < len(sdoc) else None
    if after is not None and (after.tag_ == "POS" or after.text in ("'s", "’s")):
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _PERSON_VERBS


def _in_dictionary(word: str) -> bool:
    """Whether a lower-case word, or its singular, is a word of the dictionary ("turnout", "schools")."""
    words = _dictionary_words()
    return word in words or (word.endswith("s") and word[:-1] in words)


@lru_cache(maxsize=8)
def _dictionary_words(part: str | None = None) -> frozenset[str]:
    """The nouns, verbs, adjectives and adverbs of spaCy's English lemmatizer (its index, from
    WordNet: the common words and a few famous names), in lower case; none without its tables."""
    from unspin.components.parse import load_spacy

    try:
        pipe = load_spacy().get_pipe("lemmatizer")
    except (KeyError, ModelError):  # pragma: no cover - another pipeline
        return frozenset()
    lookups = getattr(getattr(pipe, "lemmatizer", pipe), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()  # pragma: no cover - a lemmatizer without its index
    table = lookups.get_table("lemma_index")
    if part is not None:  # one part of speech ("noun", "verb", "adj", "adv")
        return frozenset(table.get(part, ()))
    return frozenset(word for words in table.values() for word in words)


def _capital_anyway(sdoc: Any, start: int, headlines: Sequence[tuple[int, int]]) -> bool:
    """Whether the word at ``start`` stands where any word takes a capital: opening a sentence or
    a line, or in a headline (``headlines``). Not opening a quotation: the famous names the
    dictionary holds are quoted there as often ("These are 'Putin strikes'", "“Kiev is ...")."""
    if _within(start, headlines):
        return True
    span = sdoc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.i == 0 or token.is_sent_start:
        return True
    before = sdoc[token.i - 1]
    return before.is_space or "\n" in before.whitespace_


#: Prepositions after which a lone name is where something is ("in nearby Bluefield", "run out
#: of Kirkuk"); not "from" or "to", after which a person is as often ("a letter from Hunwicke").
_WHERE_PREPS = frozenset({"in", "near", "outside", "inside", "across", "throughout", "of"})
#: Verbs of going somewhere, whose "to" names a place ("flew to Porto Alegre").
_GOING_VERBS = frozenset({"fly", "travel", "head", "return", "drive", "sail", "walk", "go", "move",
                          "relocate", "flee", "evacuate", "rush", "commute", "emigrate", "migrate", "deport",
                          "divert"})


def _places_called_persons(sdoc: Any, clusters: list[EntityCluster], text: str | None = None
                           ) -> list[EntityCluster]:
    """Places the recogniser called a person or a body by a one-word name: a country's name
    ("honeymoon paradises like Mauritius", "the Maldives") is the country; a word that ends the
    name of one place of the text joins it ("Las Vegas ... the Vegas attack"); a word that is no
    given name or surname and stands where something is ("in nearby Bluefield", "run out of
    Kirkuk", "the Kirkuk region") is a place, as is one the recogniser also called a place that
    never acts (``_stands_as_actor``). A body's name is a place only by firmer signs, and where it
    never acts ("Ashby town council", "priced out of Ashby"; not "in the Senate", "Shares in
    Norsam"). Not a word of a person's name in the text, nor a people's adjective."""
    text = doc_text(sdoc) if text is None else text
    named = {w for c in clusters if c.type == "person" for name in (c.name, *c.aliases)
             if len(_words(name)) > 1 for w in _words(name)}
    places = [c for c in clusters if c.type in ("place", "country") and len(_words(c.name)) > 1]
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if cluster.type == "place" and len(words) == 1 and any(
                label == "ORG" and _firm_noun(text[:s].split()[-1].lower() if text[:s].split() else "")
                for label, (s, _) in zip(cluster.labels, cluster.mentions, strict=True)):
            cluster.type = "organization"  # "Chipmaker Veltrix ... Veltrix fell 4 percent", read as a place
            continue
        if cluster.type == "place" and len(words) == 1 and not is_country(cluster.name) \
                and any(_traded(sdoc, s, e) for s, e in cluster.mentions):
            cluster.type = "organization"  # "Shares of Veltrix rose", read as a place
            continue
        if cluster.type == "person" and len(words) > 1 and _named_where_only(sdoc, cluster, text):
            cluster.type = "place"  # "killed in Khan Younis", "arrived in Santa Rosa"
            continue
        if cluster.type == "organization" and set(cluster.labels) == {"ORG"} and _particled(cluster.name) \
                and person_shaped(cluster.name):
            # "reached Santiago de Compostela", which the recogniser calls a body; else a person's
            # name ("a pass from Frenkie de Jong")
            cluster.type = "place" if _place_by_particle(sdoc, cluster, text) else "person"
            continue
        if cluster.type not in ("person", "organization") or len(words) != 1 or words[0] in named \
                or is_given_name(cluster.name) or any(len(_words(a)) != 1 for a in cluster.aliases) \
                or not set(cluster.labels) <= {"PERSON", "ORG", "GPE"} or cluster.name.isupper() \
                or words[0] in _NAME_TITLES or words[0] + "." in _NAME_TITLES \
                or re.search(rf"(?<![\w'’-]){re.escape(words[0])}(?![\w'’-])", text):
            # "published in the AAS": letters name a journal or a body as often; a word the
            # text writes in lower case too is a common one ("Mercer County Schools ... schools");
            # a title cut from its name is none ("Msgr.\nLefebvre")
            continue
        if is_country(cluster.name) and not is_surname(cluster.name):
            cluster.type = "country"
            continue
        if any(_demonym_of(words[0], c) for c in COUNTRY_NAMES if c[:1] == words[0][:1]):
            continue  # "a Guatemalan citizen": a people's adjective, no place
        ends = [p for p in places if _words(p.name)[-1] == words[0]]
        if len(ends) == 1 and words[0] not in _PLACE_WORDS:
            _fold(ends[0], cluster, "GPE", gone)
            continue
        acts = any(_stands_as_actor(sdoc, s, e) for s, e in cluster.mentions)
        # "of Harrow Road, Dunmore ... Dunmore Police": the town of the police
        where = any(_stands_where(sdoc, s, e) for s, e in cluster.mentions) or any(
            _words(c.name)[0] == words[0] and set(_words(c.name)[1:]) <= _LOCAL_BODIES
            for c in clusters if c.type == "organization" and len(_words(c.name)) > 1)
        firm = not acts and any(_stands_where(sdoc, s, e, plain_in=False) for s, e in cluster.mentions)
        if cluster.type == "person" and (firm or (not is_surname(cluster.name) and (
                where or ("GPE" in cluster.labels and not acts)))):
            # "the incursion in Rafah ... Rafah is the last stronghold"; not "Biden", named a place
            # once, which acts ("because Biden is your comparison")
            cluster.type = "place"
        elif cluster.type == "organization" and firm:
            # "Ashby town council", "in nearby Ashby", "arrested in Bristol": not "in the Senate"
            cluster.type = "place"
    return [c for c in clusters if id(c) not in gone]


#: Nouns of a place's people, officers and parts, whose "of" names the place ("the mayor of
#: Santiago de Compostela", "the streets of ...").
_OF_A_PLACE = frozenset({"mayor", "city", "town", "streets", "centre", "center", "people", "residents",
                         "outskirts", "citizens", "cathedral", "port", "province", "region", "suburbs"})
#: Verbs whose object is a place one comes to or leaves ("the pilgrims reached ...").
_REACHING_VERBS = frozenset({"reach", "visit", "leave", "enter", "tour"})


def _particled(name: str) -> bool:
    """Whether a name of three words or more holds a place's particle inside ("Santiago de
    Compostela", "Frenkie de Jong")."""
    words = name.split()
    return len(words) >= 3 and any(w in _PLACE_PARTICLES for w in words[1:-1])


def _place_by_particle(sdoc: Any, cluster: EntityCluster, text: str) -> bool:
    """Whether a name of three words or more with a place's particle inside it ("Santiago de
    Compostela", "Santiago del Estero"), which the recogniser never tagged a person (only its
    shape made it one: a given name first), is a place: where something is or whither one goes
    once at least ("the mayor of ...", "reached ...", "... is a city in Galicia"), never after a
    title, never taken up by "he" or "she", never owning or saying anything."""
    if "PERSON" in cluster.labels or _called_he(sdoc, cluster):
        return False
    placed = False
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or _after_title(text, start) or _acts_as_person(sdoc, start, end):
            return False
        root = span.root
        head = root.head
        placed = placed or _stands_where(sdoc, start, end) \
            or (root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _OF_A_PLACE) \
            or (root.dep_ == "dobj" and head.lemma_.lower() in _REACHING_VERBS) \
            or (root.dep_ == "nsubj" and any(c.dep_ == "attr" and c.lemma_.lower() in _PLACE_KINDS
                                             for c in head.children))
    return placed


def _named_where_only(sdoc: Any, cluster: EntityCluster, text: str) -> bool:
    """Whether a longer name the recogniser called a person is only ever written where something
    happened ("were killed in Khan Younis", "arrived in Santa Rosa"), never acting nor after a
    title: a place's. A person's name is written so now and then, and never each time. ``text``:
    the doc's text, which spaCy rebuilds on each read."""
    return all(not _after_title(text, s) and not _stands_as_actor(sdoc, s, e)
               and _stands_where(sdoc, s, e, plain_in=False) for s, e in cluster.mentions)


#: The words after a town's name that make the name of its police or council ("Dunmore Police").
_LOCAL_BODIES = frozenset({"police", "council", "city", "county", "borough", "district", "department",
                           "constabulary", "fire", "service", "rescue", "and", "&"})
#: Nouns and verbs after which "in" names a body one holds a part of, not a place ("shares in
#: Norsam", "invested in Tesla", "a seat in Congress").
_HELD_IN = frozenset({"share", "stake", "interest", "investment", "invest", "holding", "position", "job",
                      "role", "career", "member", "membership", "seat", "confidence", "trust", "faith",
                      "trading", "deal", "merger"})


#: What a listed company's investors hold of it ("shares of Veltrix", "Veltrix stock").
_SECURITIES = frozenset({"share", "stock", "shareholder", "stockholder", "bond", "bondholder"})


def _traded(sdoc: Any, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is a company whose shares are traded: "of" their
    owner ("Shares of Veltrix rose"), or a word no dictionary holds before them ("Veltrix shares
    fell"). Not after "in", nor a city the dictionary knows before them: a city names its market
    so ("London shares fell", "Shares in Tokyo rose")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "compound" and root.head.i == root.i + 1:
        return root.head.lemma_.lower() in _SECURITIES and not _in_dictionary(root.lower_)
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _SECURITIES


def _stands_as_actor(sdoc: Any, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` does something or owns something ("Norsam said",
    "Norsam's founder"): a body's or a person's more often than a place's."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in ("nsubj", "agent") or any(t.tag_ == "POS" for t in sdoc[span.end:span.end + 1])


def _stands_where(sdoc: Any, start: int, end: int, plain_in: bool = True) -> bool:
    """Whether the name at ``start``-``end`` says where something is: after a preposition of place
    ("in Bluefield", "out of Kirkuk"; "of" only after "out"; "to" only after a verb of going:
    "flew to Porto Alegre") or before a noun for a place or its council ("the Kirkuk region",
    "Ashby town council"). Without ``plain_in`` a bare "in" is not enough ("in the Senate", "in
    Congress": a body one is in), "in nearby Ashby" is."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _PLACE_KINDS | {"area", "council"}:
        return True
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ == "to":  # "flew to Porto Alegre"; not "wrote to Ann Cole"
        return prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in _GOING_VERBS
    if root.dep_ != "pobj" or prep.lower_ not in _WHERE_PREPS:
        return False
    if prep.lower_ == "of":
        return prep.i > 0 and sdoc[prep.i - 1].lower_ == "out"
    if prep.head.lemma_.lower() in _HELD_IN:
        return False  # "Shares in Norsam"
    if prep.lower_ in ("across", "throughout"):
        return True  # "flooding across Valencia": over a place, never a person
    return plain_in or any(c.lower_ == "nearby" for c in root.children) or (
        _happens_in(prep) and not any(c.dep_ == "det" for c in root.children))  # "confirmed in the Senate"


#: Verbs of what happens or lives somewhere ("died in Leeds", "a firm based in Reno"), and nouns
#: for a place's people or services ("police in Glasgow", "residents in Bristol"): "in" after
#: them names a place, not a body one is in.
_LOCATED_VERBS = frozenset({"live", "die", "arrive", "land", "gather", "march", "rally", "protest",
                            "base", "bear", "reside", "shelter", "flee"})
_LOCAL_NOUNS = frozenset({"police", "officer", "resident", "people", "family", "protester",
                          "demonstrator", "hospital", "school", "shop", "home", "street", "neighbourhood",
                          "neighborhood", "crowd", "rally", "protest", "march", "funeral", "court"})


def _happens_in(prep: Any) -> bool:
    """Whether a plain "in" says where something happened, not what body one is in: it follows a
    verb in the passive ("was arrested in Bristol", "were killed in Rafah") or of living, dying
    or coming somewhere, or a noun for a place's people or services ("police in Glasgow")."""
    if prep.lower_ != "in":
        return False
    head = prep.head
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB":
        return lemma in _LOCATED_VERBS or any(c.dep_ == "auxpass" for c in head.children)
    return head.pos_ == "NOUN" and lemma in _LOCAL_NOUNS


def _full_name(cluster: EntityCluster, text: str) -> str | None:
    """The full name the text uses most for a person (the longer one on a tie): "Keith
    Ellison", not the "Keith Ellison-Muhammad" written once beside it."""
    counts = Counter(_clean(text[s:e]) for label, (s, e) in zip(cluster.labels, cluster.mentions, strict=True)
                     if label == "PERSON")
    words = {name: _words(name) for name in counts}
    # not the end of a longer name: "Ibn Wahhaj" is Siraj Ibn Wahhaj's surname
    full = [name for name, w in words.items() if len(w) > 1 and not any(
        len(other) > len(w) and other[-len(w):] == w for other in words.values())]
    return max(full, key=lambda name: (counts[name], len(words[name]))) if full else None


#: Titles written before a name that only a person has ("President Trump", "Mr. Hale").
_PERSON_TITLES = frozenset({
    "president", "senator", "sen.", "governor", "gov.", "mayor", "judge", "rep.", "representative",
    "congressman", "congresswoman", "minister", "secretary", "ambassador", "sheriff", "chancellor",
    "pope", "king", "queen", "prince", "princess", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms",
})


def _after_title(text: str, start: int) -> bool:
    """Whether the name starting at ``start`` follows a personal title ("President Trump")."""
    before = text[max(0, start - 20):start].split()
    return bool(before) and before[-1].lower() in _PERSON_TITLES and start > 0 and text[start - 1] == " "


def _kind(cluster: EntityCluster, text: str) -> str:
    """The label most of an actor's mentions got; a person if one of them is a full personal name.

    spaCy's small model calls a lone surname a place now and then ("Kasich", "Morelli"), so the
    full name ("John Kasich") decides.
    """
    if any(label == "PERSON" and (len(_words(text[s:e])) > 1 or _after_title(text, s))
           for label, (s, e) in zip(cluster.labels, cluster.mentions, strict=True)):
        return "PERSON"
    return max(_KIND_ORDER, key=lambda label: (cluster.labels.count(label), -_KIND_ORDER.index(label)))


def _mention(cluster: EntityCluster, text: str, start: int, end: int, label: str) -> None:
    written = _clean(text[start:end])
    at = text.find(written, start, end)
    if at >= 0:  # the mention without "the" or a possessive
        start, end = at, at + len(written)
    if written not in cluster.aliases:
        cluster.aliases.append(written)
    cluster.mentions.append((start, end))
    cluster.labels.append(label)


_LINK = re.compile(r"https?://|www\.|pic\.twitter\.com|\b[\w-]+\.(?:com|org|net|gov|co|ly|be|me)/")


def _join_handles(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """Social-media handles joined to the one person whose surname they hold ("@realDonaldTrump"
    and "@Acosta" with Donald Trump and Jim Acosta); other handles stay actors of their own."""
    people = [c for c in clusters if "PERSON" in c.labels and len(_words(c.name)) > 1]
    out = []
    for cluster in clusters:
        if cluster.name.startswith("@"):
            handle = cluster.name[1:].lower()
            owners = [p for p in people if len(_words(p.name)[-1]) >= 4 and _words(p.name)[-1] in handle]
            if len(owners) == 1:
                owners[0].mentions.extend(cluster.mentions)
                owners[0].labels.extend(cluster.labels)
                owners[0].aliases.append(cluster.name)
                continue
        out.append(cluster)
    return out


def _join_persons_called_bodies(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A name spaCy called an organisation each time it was written, that is one person's surname
    after a title or a first name, joins that person: "Sheriff Hogrefe" and "AG Barr" join Jerry
    Hogrefe and Bill Barr; "Bharath Ganesh" joins "Ganesh", with the "Bharath" named alone. Only
    when one person alone has that surname, and the words before it are titles, that person's
    own names, or a first name the text names as a person on its own."""
    persons = [c for c in clusters if "PERSON" in c.labels]
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if set(cluster.labels) != {"ORG"} or not 2 <= len(words) <= 3:
            continue
        # a person already joined to another is no owner: its mentions went with it
        owners = [p for p in persons if id(p) not in gone and _words(p.name)[-1] == words[-1]]
        if len(owners) != 1:
            continue
        owner, before = owners[0], words[:-1]
        named = _words(owner.name)
        alone = [p for p in persons if p is not owner and _words(p.name) == before]
        # "Novak Djokovic" (the recogniser's body) and "Djokovic" (its person): one given name
        # before the surname a person has alone
        given = len(before) == 1 and len(named) == 1 and cluster.name.split()[0][:1].isupper() \
            and before[0].isalpha() and before[0] not in COMPANY_WORDS \
            and words[-1] not in _INSTITUTION_WORDS \
            and (is_given_name(cluster.name.split()[0]) or not _in_dictionary(before[0]))  # not "Port Vale"
        if not (all(w.rstrip(".") in TITLE_WORDS or w.rstrip(".") in _TITLE_FORMS or w == "ag" or w in named
                    for w in before) or (len(named) == 1 and len(alone) == 1) or given):
            continue
        for joined in (cluster, *(alone if len(named) == 1 else ())):
            _fold(owner, joined, "PERSON", gone)
    return [c for c in clusters if id(c) not in gone]


def _fold(owner: EntityCluster, cluster: EntityCluster, label: str | None, gone: set[int]) -> None:
    """Fold one cluster into another: its mentions (labelled ``label``, or keeping their own
    labels where None) and aliases go to ``owner``, and the cluster is marked gone."""
    owner.mentions.extend(cluster.mentions)
    owner.labels.extend(cluster.labels if label is None else [label] * len(cluster.mentions))
    owner.aliases.extend(a for a in cluster.aliases if a not in owner.aliases)
    gone.add(id(cluster))


def _join_surnames_written_first(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A lone surname written before the full name ("Guyger should ..." and only later "Amber
    Guyger") joins the one person whose full name ends with it, as it does when written after;
    only a name spaCy called a person or an organisation, and only when no other actor has it."""
    full = [c for c in clusters if "PERSON" in c.labels and len(_words(c.name)) > 1]
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if len(words) != 1 or not set(cluster.labels) <= {"PERSON", "ORG"} or cluster in full:
            continue
        owners = [p for p in full if id(p) not in gone and _words(p.name)[-1] == words[0]]
        if len(owners) != 1 or any(words[0] in _words(c.name) for c in clusters
                                   if c is not cluster and c is not owners[0]):
            continue
        _fold(owners[0], cluster, "PERSON", gone)
    return [c for c in clusters if id(c) not in gone]


def _own_name(name: str) -> bool:
    """Whether a name is a company's or a club's own first word and words that say which it is
    ("Halvorsen Foods", "Norsam Technologies", "Stockwell United")."""
    words = _words(name)
    return all(w in COMPANY_WORDS for w in words[1:]) or (len(words) == 2 and _club_name(name))


def _join_companies_called_persons(clusters: list[EntityCluster], headlines: Sequence[tuple[int, int]] = ()
                                   ) -> list[EntityCluster]:
    """A lone word spaCy called a person or a body that is a company's or a club's own name,
    which the text gave in full before, a headline aside ("Halvorsen Foods reported ...
    Halvorsen competes with ...", "Veltrix and Norsam agree merger ... Norsam Technologies ...
    Shares in Norsam", "Stockwell United ... against Stockwell"), joins it: only a word that is
    no given name, opens one organisation's name followed by company words alone
    (``COMPANY_WORDS``) or a club's word (``_own_name``), and is in no other actor's name ("Erik
    Halvorsen, its founder")."""
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if len(words) != 1 or not set(cluster.labels) <= {"PERSON", "ORG"} \
                or is_given_name(cluster.name) or any(len(_words(alias)) != 1 for alias in cluster.aliases):
            continue
        owners = [c for c in clusters if "ORG" in c.labels and len(_words(c.name)) > 1
                  and _words(c.name)[0] == words[0] and _own_name(c.name)]
        body = [s for s, _ in cluster.mentions if not _within(s, headlines)]
        if len(owners) != 1 or not body or min(owners[0].mentions)[0] > min(body) or any(
                words[0] in _words(name) for c in clusters if c is not cluster and c is not owners[0]
                for name in (c.name, *c.aliases)):
            continue
        _fold(owners[0], cluster, "ORG", gone)
    return [c for c in clusters if id(c) not in gone]


def _join_last_words(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A lone word the recogniser called an organisation or a person that ends the name of one organisation
    of two or three words, none a particle ("Aston Villa ... Villa had led 2-0"; not "Nation of
    Islam"), joins it: only a word that is no given name nor a word that ends bodies' names in
    general ("Bank", "Council": ``COMPANY_WORDS``, ``_INSTITUTION_WORDS``), in no other actor's name."""
    gone: set[int] = set()
    named = [_words(c.name) for c in clusters]
    ends: dict[str, list[EntityCluster]] = {}  # bodies of two or three words, by their last word
    for c, words in zip(clusters, named, strict=True):
        if 2 <= len(words) <= 3 and "ORG" in c.labels and c.type == "organization" \
                and not any(w in ("of", "for", "and", "&", "the") for w in words):
            ends.setdefault(words[-1], []).append(c)
    if not ends:
        return clusters
    for cluster, words in zip(clusters, named, strict=True):
        owners = ends.get(words[0], []) if len(words) == 1 else []
        if len(owners) != 1 or not set(cluster.labels) <= {"ORG", "PERSON"} or is_given_name(cluster.name) \
                or words[0] in COMPANY_WORDS | _INSTITUTION_WORDS | _STATE_BODY_WORDS \
                or any(len(_words(alias)) != 1 for alias in cluster.aliases):
            continue
        if any(words[0] in _words(name) for c in clusters if c is not cluster
               and c is not owners[0] for name in (c.name, *c.aliases)):
            continue
        _fold(owners[0], cluster, "ORG", gone)
    return [c for c in clusters if id(c) not in gone]


#: What may follow a company's short name in its full one, besides ``COMPANY_WORDS`` ("Northwind Air").
_FIRM_TAILS = frozenset({"air", "airline", "rail", "bancorp", "financial", "motor", "pharmaceutical"})


#: What may follow a club's town in its name besides ``_CLUB_WORDS`` ("Eastfield Town").
_CLUB_TOWN_WORDS = frozenset({"town", "city", "county"})


def _join_first_words(clusters: list[EntityCluster], sdoc: Any = None) -> list[EntityCluster]:
    """A lone word the recogniser called an organisation that opens the name of one company or
    club, the rest of whose name says only what kind of company or club it is ("Northwind Air
    ... Shares in Northwind fell", "Eastfield Town ... Eastfield boss Sean Doyle"), joins it; not
    a given name, nor a word in any other actor's name. So does one it called a place that is no
    country nor US state, named nowhere as where something is, which owns what follows it
    ("Ridgeline Capital ... Ridgeline's former chief financial officer"; not "Singapore Airlines
    ... flights to Singapore")."""
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if len(words) != 1 or is_given_name(cluster.name) \
                or any(len(_words(alias)) != 1 for alias in cluster.aliases):
            continue
        if set(cluster.labels) != {"ORG"} and not (
                sdoc is not None and set(cluster.labels) == {"GPE"} and not is_country(cluster.name)
                and words[0] not in US_STATES and all(_owns(sdoc, s, e) for s, e in cluster.mentions)):
            continue
        owners = [c for c in clusters if c is not cluster and c.type == "organization"
                  and 2 <= len(_words(c.name)) <= 3 and _words(c.name)[0] == words[0]
                  and all(w in COMPANY_WORDS or w in _FIRM_TAILS or w in _CLUB_WORDS or w in _CLUB_TOWN_WORDS
                          for w in _words(c.name)[1:])]
        if len(owners) != 1 or len(cluster.mentions) > len(owners[0].mentions) or any(
                words[0] in _words(name) for c in clusters if c is not cluster and c is not owners[0]
                for name in (c.name, *c.aliases)):
            continue  # a short name used more than the long one is another body ("CNN", "CNN Communications")
        _fold(owners[0], cluster, "ORG", gone)
    return [c for c in clusters if id(c) not in gone]


def _owns(sdoc: Any, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end`` is a possessive owner ("Ridgeline's former chief
    financial officer") and says nowhere where something is."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "poss" \
        and not _stands_where(sdoc, start, end)


def _folded(word: str) -> str:
    """A word in lower case without its accents ("Barça": "barca")."""
    return without_accents(word.lower())


def _short_form(short: str, long: str) -> bool:
    """Whether ``short`` cuts ``long`` short, two letters or more shorter and its first four
    letters the same, the rest its letters in order ("Juve" of "Juventus", "Barca" or "Barça"
    of "Barcelona", "Atleti" of "Atletico")."""
    short, long = _folded(short), _folded(long)
    if len(short) < 4 or len(long) < len(short) + 2 or short[:4] != long[:4]:
        return False
    rest = iter(long[4:])
    return all(c in rest for c in short[4:])


def _join_short_forms(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """A lone word the recogniser called a person or a body that cuts short the first word of one
    organisation named before it (``_short_form``: "Juventus beat Roma ... Juve are second") joins
    it: a word of four letters or more that is no given name, surname or dictionary word, in no
    other actor's name."""
    bodies = [(c, _words(c.name)[0]) for c in clusters if c.type == "organization"]
    if not bodies:
        return clusters
    gone: set[int] = set()
    for cluster in clusters:
        words = _words(cluster.name)
        if len(words) != 1 or len(words[0]) < 4 or not set(cluster.labels) <= {"PERSON", "ORG"} \
                or any(len(_words(alias)) != 1 for alias in cluster.aliases):
            continue
        owners = [c for c, first in bodies if c is not cluster and id(c) not in gone
                  and _short_form(words[0], first)]
        if len(owners) != 1 or min(owners[0].mentions)[0] > min(cluster.mentions)[0] \
                or is_given_name(cluster.name) or is_surname(cluster.name) or _in_dictionary(words[0]) \
                or any(words[0] in _words(name) for c in clusters if c is not cluster
                       for name in (c.name, *c.aliases)):
            continue
        _fold(owners[0], cluster, "ORG", gone)
    return [c for c in clusters if id(c) not in gone]


#: What a government department is called besides "department" ("Ministry of Defence").
_DEPARTMENT_NOUNS = frozenset({"department", "dept.", "ministry"})
#: A state's bodies that a name may give with or without its country ("the US Treasury" ...
#: "Treasury", "the U.S. Senate" ... "the Senate"), and the metonym of one ("the Pentagon").
_STATE_BODIES = {"treasury": "treasury", "pentagon": "defense", "senate": "senate", "congress": "congress",
                 "parliament": "parliament"}
#: The letters by which US news calls a federal department ("the DOJ", "the DHS").
_DEPARTMENT_LETTERS = {"doj": "justice", "dod": "defense", "dhs": "homeland security"}
#: Spellings of one portfolio ("Defence Ministry", "Defense Department").
_PORTFOLIO_SPELLINGS = {"defence": "defense", "labour": "labor", "transport": "transportation"}


def _department_key(name: str) -> tuple[str | None, str, bool] | None:
    """Which state's which department a body's name says: (its country, or None where it names
    none; its portfolio; whether the name is the portfolio's word alone). "The US Treasury",
    "Treasury Department", "Department of the Treasury": ("United States", "treasury"),
    (None, "treasury"), (None, "treasury"); "Justice": (None, "justice", True). None for a name
    that is no department's."""
    words = _words(name)
    if len(words) == 1 and words[0] in _DEPARTMENT_LETTERS:  # "the DOJ"
        return "United States", _DEPARTMENT_LETTERS[words[0]], False
    country = None
    for size in (3, 2, 1):  # "United States Department of Justice", "US Justice Department"
        prefix = " ".join(words[:size])
        if len(words) > size and (is_country(prefix) or prefix in _VARIANTS):
            country = _VARIANTS.get(prefix, prefix)
            words = words[size:]
            break
    if len(words) >= 3 and words[0] in _DEPARTMENT_NOUNS and words[1] == "of":
        words = words[3:] if words[2] == "the" else words[2:]
    elif len(words) >= 2 and words[-1] in _DEPARTMENT_NOUNS:
        words = words[:-1]
    elif len(words) == 1 and words[0] in _STATE_BODIES:
        return country, _STATE_BODIES[words[0]], False
    elif len(words) == 1 and words[0] in _DEPARTMENTS and country is None:
        return None, _PORTFOLIO_SPELLINGS.get(words[0], words[0]), True
    else:
        return None
    portfolio = " ".join(words)
    if portfolio not in _DEPARTMENTS:
        return None
    return country, _PORTFOLIO_SPELLINGS.get(portfolio, portfolio), False


def _join_departments(clusters: list[EntityCluster]) -> list[EntityCluster]:
    """The names of one government department join ("the US Treasury ... Treasury said ... the
    Treasury Department", "the Justice Department ... Justice officials", "the Pentagon ... the
    Defense Department"): those of one portfolio (``_department_key``) where the text names one
    country's at most; where it names two countries' ("the US Treasury ... Britain's Treasury
    ... HM Treasury"), only those that say the same country, and a name without one stays apart.
    The portfolio's word alone ("Justice") joins a department named in full, never makes one,
    and only where the recogniser called it an organisation. The actor is named as the first
    full name."""
    groups: dict[str, list[tuple[EntityCluster, str | None, bool]]] = {}
    for cluster in clusters:
        key = _department_key(cluster.name)
        if key is None or not set(cluster.labels) <= {"ORG"} \
                or any(_department_key(alias) is None for alias in cluster.aliases):
            continue
        groups.setdefault(key[1], []).append((cluster, key[0], key[2]))
    gone: set[int] = set()
    for members in groups.values():
        countries = {country for _, country, _ in members if country is not None}
        for country in countries or {None}:
            own = [(c, bare) for c, where, bare in members
                   if where == country or (where is None and len(countries) <= 1)]
            full = sorted((c for c, bare in own if not bare), key=lambda c: min(c.mentions))
            if not full or len(own) < 2:
                continue
            for cluster, _bare in own:
                if cluster is not full[0]:
                    _fold(full[0], cluster, "ORG", gone)
    return [c for c in clusters if id(c) not in gone]


#: A prefix that turns a people's or a party's name into a word of being against, without or
#: after it ("anti-American", "non-Democratic", "post-Soviet"), which names no actor.
_AGAINST = re.compile(r"(?i)(?:anti|non|pro|un|post|pre)[-\u2010\u2011](?=[A-Z])")


def _add(clusters: list[EntityCluster], by_key: dict[str, EntityCluster],
         persons: list[tuple[list[str], EntityCluster]], text: str, label: str, start: int, end: int,
         called: dict[str, str] | None = None) -> None:
    """File one entity mention under its actor, making the actor if it is new. ``called``: the
    label the pronouns after a name give it (``_called_by_pronoun``)."""
    link = _LINK.search(text, start, end)
    if link is not None:  # "@WestervillePD pic.twitter.com/OVGUvozPDZ": a link is no name
        end = link.start()
    raw = text[start:end]
    written = _clean(raw)
    if not written or not any(c.isalpha() for c in written) or _AGAINST.match(written):
        return  # "dismisses all truth as 'anti-American'", "in a non-Democratic way": no actor
    if label == "ORG" and person_shaped(written) and (called or {}).get(_key(written)) != "ORG" \
            and _words(written)[-1] not in _INSTITUTION_WORDS \
            and not (_particled(written) and (called or {}).get(_key(written)) != "PERSON"):
        # "Kent County Council": a rare surname; "Santiago de Compostela": a place's particle, for
        # ``_places_called_persons`` to read as a person's name or a place's
        # "Nikki Haley", "Keith Lamont Scott": spaCy's small model errs on names; not "Morgan
        # Stanley cut its forecast", a bank the text calls "it"
        label = "PERSON"
    elif label in ("PERSON", "GPE") and (_club_name(written) or _club_of(written, clusters) is not None):
        label = "ORG"  # "Ashford Rovers", "Kelston United": a club, which the small model takes for a person
    elif label in ("PERSON", "GPE", "NORP") and _key(written) in _OUTLETS:
        label = "ORG"  # "Twitter", "Infowars": a platform or an outlet, not a person
    elif label in ("PERSON", "GPE") and written.lower() not in _VARIANTS and (
            _key(written) in PARTY_NAMES or _party_of_nation(written)):
        label = "ORG"  # "Labour", "Scottish Labour": a party ("Democrats" is one of ``_VARIANTS``)
    key = _VARIANTS.get(written.lower()) or _VARIANTS.get(raw.lower().strip()) or _state_form(written, label)
    if key is None and written in _POSTAL:
        key, label = _POSTAL[written], "GPE"  # "TX", which spaCy may call an organisation
    cluster = by_key.get(_key(key or written))
    words = _words(written)
    honorific = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
    gender = _HONORIFICS[honorific.group(1).lower()] if honorific is not None else None
    if cluster is not None and gender is not None and given_name_gender(cluster.name) not in (None, gender):
        cluster = None  # "Mr Lee" filed the surname under David Lee; "Ms Lee" is not he
    if cluster is None and key is None and label == "ORG" and len(words) == 1:
        cluster = _club_of(written, clusters)  # "Rovers" after "Kelston Rovers"
    if cluster is None and key is None:
        cluster = _match_person(words, persons, label, clusters, gender)
    if cluster is None and key is None and (label == "ORG" or _ACRONYM.fullmatch(written)
                                            or _is_acronym(written)):
        cluster = _match_acronym(written, clusters)
        if cluster is not None:
            label = "ORG"  # "W.H.O.", which spaCy may call a person; "the NRA said", called a place
    if cluster is None and key is None and label == "NORP":  # "Muslims" after "Muslim"
        low = _key(written)
        other = by_key.get(low[:-1] if low.endswith("s") else low + "s")
        cluster = other if other is not None and set(other.labels) == {"NORP"} else None
    if cluster is None:
        cluster = EntityCluster(name=key or written, type=ENTITY_TYPES[label])
        clusters.append(cluster)
    by_key[_key(key or written)] = cluster
    if label == "PERSON":
        persons.append((words, cluster))
        if len(words) > len(_words(cluster.name)) and key is None:
            cluster.name = written
    _mention(cluster, text, start, end, label)


def _party_halves(first: Any, second: Any) -> bool:
    """Whether two entities side by side are one party's name: a nation's adjective and a party
    ("[Scottish] [Labour]"), or the two halves of a party's name ("a [Liberal] [Democrat]")."""
    if second.start != first.end:
        return False
    joined = _key(_clean(f"{first.text} {second.text}"))
    if joined in PARTY_NAMES or joined + "s" in PARTY_NAMES:
        return True
    return first.label_ == "NORP" and second.label_ in ("PERSON", "ORG", "GPE") \
        and _key(_clean(second.text)) in PARTY_NAMES


def _party_of_nation(written: str) -> bool:
    """Whether a name is a nation's branch of a party ("Scottish Labour", "Welsh Conservatives")."""
    words = written.split()
    return len(words) >= 2 and " ".join(words[1:]).lower() in PARTY_NAMES and words[0][:1].isupper() \
        and words[0].lower().endswith(("ish", "sh", "an", "ese"))


def _state_form(written: str, label: str) -> str | None:
    """The country a formal name names ("Republic of Vostrana": Vostrana; "Islamic Republic of
    Iran": Iran), or None; an organisation's label only for a kingdom's or republic's name."""
    found = _STATE_FORM.fullmatch(written)
    if found is None or label not in ("GPE", "ORG"):
        return None
    if label == "ORG" and found.group(1) not in _STATE_FORM_ORG:
        return None
    country = " ".join(found.group(2).split())
    if written.startswith("Republic") and country.lower() in _STATE_FORM_OTHER:
        return None  # the Republic of Korea is South Korea; of China, Taiwan
    return _VARIANTS.get(country.lower(), country)


def _match_person(words: list[str], persons: list[tuple[list[str], EntityCluster]], label: str,
                  clusters: list[EntityCluster], gender: str | None = None) -> EntityCluster | None:
    """The person these words name, filed before under a fuller or a shorter name.

    A surname or the end of a name ("Assad" after "Bashar Al-Assad"); a first name that one
    person alone has ("Keith" after "Keith Ellison"); or, for a full name, the shorter name filed
    before it ("Trump's pick ... Donald Trump"), even under the organisation label that spaCy's
    small model often gives a lone surname. A place of that name ("Washington") is left alone.
    A surname after "Mr" or "Ms" (``gender``) is not a person whose given name is the other
    gender's ("David Lee and Hannah Lee ... Ms Lee": Hannah Lee).
    """
    if label == "PERSON" and 1 < len(words) <= 4:
        # the same first name and surname, one of them with a middle name or initial: "Donald
        # J. Trump" and "Donald Trump", "Siraj Ibn Wahhaj" and "Siraj Wahhaj"; not two different
        # middle names ("George H. W. Bush", "George W. Bush")
        for other_words, cluster in reversed(persons):
            if (other_words[0] == words[0] and other_words[-1] == words[-1] and len(other_words) != len(words)
                    and min(len(other_words), len(words)) == 2):
                return cluster
    if not words or len(words) > 3:
        return None
    for other_words, cluster in reversed(persons):
        if len(other_words) > len(words) and other_words[-len(words):] == words:
            if gender is not None and given_name_gender(cluster.name) not in (None, gender):
                continue
            return cluster
    if label == "PERSON" and len(words) == 1 and words[0] not in _NAME_PARTICLES:
        # an inner word of one long name, by which news calls its bearer ("Luiz Inacio Lula da
        # Silva ... Lula said"); in a shorter name it is as often a middle name
        inner = {id(cluster): cluster for other_words, cluster in persons
                 if len(other_words) >= 4 and words[0] in other_words[1:-1]}
        if len(inner) == 1:
            return next(iter(inner.values()))
    # a first name the recogniser took for a place ("We love you, Marta!") too, when it is one
    first_name = label == "GPE" and len(words) == 1 and is_given_name(words[0]) and not is_country(words[0]) \
        and words[0] not in US_STATES
    if label in ("PERSON", "ORG") or first_name:
        first_named = {id(cluster): cluster for other_words, cluster in persons
                       if len(other_words) > len(words) and other_words[:len(words)] == words}
        if len(first_named) == 1:
            return next(iter(first_named.values()))
    if label == "PERSON" and len(words) > 1:
        for cluster in reversed(clusters):
            name = _words(cluster.name)
            if (len(name) < len(words) and name in (words[-len(name):], words[:len(name)])
                    and all(mention in ("PERSON", "ORG") for mention in cluster.labels)):
                return cluster
    return None


#: Entity labels whose mentions are actors' already.
_MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _untagged_surnames(sdoc: Any, clusters: list[EntityCluster]) -> None:
    """Add the surnames the entity recogniser left untagged or mistook for a product ("Cole
    rejected the criticism." after "Mayor Ann Cole"): a lone proper noun, written as the last word
    of one person's full name and of no other actor's name, after that person's first mention.
    After "Mr" or "Ms", of the one person of that surname whose given name is of that gender
    ("David Cole and Hannah Cole ... Mr Cole"). A given name one person alone has, and no other
    actor's name holds, is theirs too ("his son, Edmund Penwick ... Edmund disputes"), unless a
    name goes on after it. The word joins the person's aliases."""
    owners: dict[str, list[EntityCluster]] = {}
    for cluster in clusters:
        for name in {cluster.name, *cluster.aliases}:
            words = name.split()
            if words and not any(c is cluster for c in owners.get(words[-1], ())):
                owners.setdefault(words[-1], []).append(cluster)
    surnames = {word: found for word, found in owners.items()
                if all(c.type == "person" and len(c.name.split()) > 1 for c in found)
                and len(word) > 2 and word[0].isupper()}
    # a given name one person alone has, and no other actor's name holds ("Edmund disputes that
    # account" after "his son, Edmund Penwick")
    words_of = Counter(w for c in clusters for w in {w for n in {c.name, *c.aliases} for w in n.split()})
    firsts: set[str] = set()
    lowered = {t.text for t in sdoc if t.is_lower}  # words the text writes in lower case
    for cluster in clusters:
        first = cluster.name.split()[0] if cluster.type == "person" and len(cluster.name.split()) > 1 else ""
        if first and first not in surnames and words_of[first] == 1 and is_given_name(first):
            surnames[first] = [cluster]
            firsts.add(first)
    if not surnames:
        return
    for token in sdoc:
        found = surnames.get(token.text)
        if found is None or (token.pos_ != "PROPN" and not (
                # the tagger may call a first name opening a sentence an adjective ("Edmund disputes"),
                # and a surname before its verb an adverb ("Tully said"), if the text never writes
                # the word in lower case
                token.lower_ not in lowered and (
                    (token.text in firsts and token.pos_ in ("ADJ", "NOUN"))
                    or (token.pos_ in ("ADV", "ADJ", "NOUN") and token.i + 1 < len(sdoc)
                        and sdoc[token.i + 1].pos_ in ("VERB", "AUX"))))):
            continue
        before = sdoc[token.i - 1] if token.i else None
        gender = _HONORIFICS.get(before.lower_) if before is not None else None
        if len(found) > 1 and gender is not None:
            found = [c for c in found if given_name_gender(c.name) == gender]
        if len(found) != 1 or not found[0].mentions or token.idx < min(found[0].mentions)[0] \
                or any(s <= token.idx < e for s, e in found[0].mentions):
            continue  # nor the end of a mention read whole ("Erik ten [Hag]", "ten" read as a number)
        cluster = found[0]
        if token.ent_iob_ != "O" and (token.ent_type_ in _MENTION_LABELS or token.ent_iob_ == "I" or (
                token.i + 1 < len(sdoc) and sdoc[token.i + 1].ent_iob_ == "I")):
            continue  # part of a name or a longer entity; a lone "Cole" tagged a product is hers
        if before is not None and before.pos_ == "PROPN" and gender is None:
            continue  # "Nat Cole": another name ending in the same word
        if token.text in firsts and token.i + 1 < len(sdoc) and sdoc[token.i + 1].pos_ == "PROPN":
            continue  # "Edmund Hale": another name starting with the same word
        cluster.mentions.append((token.idx, token.idx + len(token.text)))
        cluster.labels.append("PERSON")
        if token.text not in cluster.aliases:
            cluster.aliases.append(token.text)


#: The words after a company's own name in its full name ("Norvale [Energy Inc.]"): the name
#: alone ("Norvale") is then the company, as the text writes it on later mentions.
COMPANY_WORDS = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited", "plc",
    "llc", "ag", "sa", "se", "nv", "gmbh", "group", "holdings", "energy", "foods", "bank", "airlines",
    "airways", "motors", "pharmaceuticals", "pharma", "technologies", "technology", "systems",
    "industries", "partners", "capital", "media", "mining", "resources", "logistics", "retail",
    "insurance", "securities", "investments", "labs", "software", "telecom", "communications", "oil",
    "gas", "steel", "chemicals", "entertainment", "brands", "international", "global", "&",
    "homes", "properties", "developments", "builders", "property", "management",
    # a drug or test maker ("Orvane Therapeutics ... Orvane said")
    "therapeutics", "biosciences", "bioscience", "biotech", "biotherapeutics", "biopharma", "biologics",
    "diagnostics", "genomics", "biomedical",
})
#: An abbreviation defined in brackets right after a name: "the Children's Fund (UNICEF)".
_BRACKET_ACRONYM = re.compile(r"[ \t\u00a0]*\(([A-Z][A-Za-z]{1,7})\)")


#: The last words of a sports club's name ("Ashford Rovers"); not "City" or "Town", which end
#: places as often ("Kansas City", "Cape Town").
_CLUB_WORDS = frozenset({"rovers", "united", "athletic", "wanderers", "albion", "rangers", "hotspur", "fc",
                         "afc", "f.c.", "celtic", "dynamo", "olympique", "sporting"})
#: The first words of a club's name before its town's ("Atletico Madrid", "Inter Milan", "AC Milan"),
#: as written.
_CLUB_OPENERS = frozenset({
    "Atletico", "Atlético", "Real", "Inter", "AC", "AS", "Sporting", "Dynamo", "Dinamo", "Olympique",
    "Borussia", "Bayern", "Athletic", "Deportivo", "Eintracht", "Werder", "Hertha", "Racing", "Rapid",
    "Partizan", "Lokomotiv", "Spartak", "Zenit"})
#: Words that end a club's name after its town's ("Eastfield Town", "Harlow City"), read as one
#: only where the name plays a match or has players (they end places' names as often).
_TOWN_CLUB_ENDS = frozenset({"Town", "City"})
#: The abbreviations that end a club's name, which make one also where the recogniser missed it.
_CLUB_INITIALS = frozenset({"FC", "AFC", "F.C.", "CF"})
#: A match's score written as one word ("2-1", "0–0").
_SCORE = re.compile(r"\d{1,2}[-–]\d{1,2}")
#: A score in a text, written as one word or three ("2-1", "2 - 1").
_ANY_SCORE = re.compile(r"\d ?[-–] ?\d")
_DASHES = frozenset({"-", "–"})


def _clubs_by_initials(sdoc: Any) -> list[tuple[int, int]]:
    """Clubs named by up to three capitalised words and "FC" or a club's last word, that no
    entity holds whole ("Riverside FC beat ...", "Harlow Athletic came from behind", which the
    recogniser may leave untagged or call a person), as (first token, end token)."""
    found: list[tuple[int, int]] = []
    for token in sdoc:
        if token.i == 0 or not (token.text in _CLUB_INITIALS or (
                token.lower_ in _CLUB_WORDS and token.text[:1].isupper() and not token.is_upper)):
            continue
        first = token.i
        while first > 0 and token.i - first < 3 and _name_word(sdoc[first - 1]):
            first -= 1
        if first == token.i:
            continue
        if any(e.start <= first and token.i + 1 <= e.end and e.label_ == "ORG" for e in sdoc.ents):
            continue  # the recogniser found it itself
        found.append((first, token.i + 1))
    return found


#: Nouns by which a story calls a company or a club again ("the company", "the drugmaker").
_BODY_NOUNS = frozenset({"company", "firm", "group", "business", "bank", "lender", "insurer", "retailer",
                         "airline", "carrier", "carmaker", "automaker", "drugmaker", "chipmaker",
                         "conglomerate", "club", "side", "team", "champions", "startup", "brand", "giant"})


def _opening_bodies(sdoc: Any) -> list[tuple[int, int]]:
    """Companies named by one word that opens a sentence, which the recogniser leaves untagged
    there ("Pfizer said on Monday it would cut prices"), as (first token, end token): a lone
    capitalised proper noun, the sentence's subject, no given name, surname, country or title,
    that the text tags an organisation elsewhere or that is the subject of a verb in the plural
    ("Arsenal have confirmed": ``_plural_verb``), or, a word no dictionary holds, that "its" or
    "the company" takes up after it (in its sentence or the next: ``_taken_up_as_body``); so a
    name of two or three such words, no person's ("Thames Water has been fined"). Clubs:
    ``_untagged_sides``."""
    found: list[tuple[int, int]] = []
    tagged: set[str] | None = None
    named: set[str] = set()
    for token in _untagged_names(sdoc, ("nsubj", "nsubjpass"), sentence_start=True):
        if not (token.is_alpha and len(token.text) > 2 and token.text[0].isupper() and not token.is_upper):
            continue
        if tagged is None:  # computed for the first candidate: most texts have none
            tagged = {e.text for e in sdoc.ents if e.label_ == "ORG" and len(e) == 1}
            # a word of a person's name ("Bourla said the company")
            named = {t.text for e in sdoc.ents if e.label_ == "PERSON" for t in e}
        after = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        if after is None or (after.pos_ == "PROPN" and after.text[:1].isupper()) or after.tag_ == "POS":
            continue  # the start of a longer name, or an owner ("Pfizer's"), left to the rest
        word = token.text
        if word in named or is_given_name(word) or is_surname(word) or is_country(word) \
                or _is_demonym(word.lower()) or token.lower_ in TITLE_WORDS or token.lower_ in _NAME_TITLES \
                or _key(word) in _NOT_ACTORS or token.lower_ in _BODY_NOUNS:  # "Chipmaker shares slide"
            continue
        if word in tagged:
            found.append((token.i, token.i + 1))
            continue
        if _plural_verb(sdoc, token.idx, token.idx + len(token.text)):
            found.append((token.i, token.i + 1))  # "Arsenal have confirmed": a team or a firm
            continue
        if _in_dictionary(token.lower_):
            continue
        if _taken_up_as_body(sdoc, sdoc[token.i:token.i + 1]):
            found.append((token.i, token.i + 1))
    for head in _untagged_names(sdoc, ("nsubj", "nsubjpass")):
        # "Thames Water has been fined ... The regulator said the company": a name of two or three
        # words, no person's, that opens its sentence
        first = head.i
        while first > 0 and head.i - first < 2 and not sdoc[first].is_sent_start \
                and sdoc[first - 1].dep_ == "compound" and sdoc[first - 1].head.i == head.i \
                and sdoc[first - 1].pos_ == "PROPN" and sdoc[first - 1].ent_iob_ == "O" \
                and _name_word(sdoc[first - 1]):
            first -= 1
        span = sdoc[first:head.i + 1]
        if first == head.i or not sdoc[first].is_sent_start or not all(_name_word(t) for t in span) \
                or is_given_name(span[0].text) or person_shaped(span.text) or is_country(span.text) \
                or span[0].lower_ in TITLE_WORDS or span[0].lower_ in _NAME_TITLES:
            continue
        if _taken_up_as_body(sdoc, span):
            found.append((first, head.i + 1))
    return found


#: Verbs whose subject a story quotes or reports acting as a body ("Pfizer declined to comment",
#: "Unite said", "Ofwat fined ..."): a capitalised name the recogniser left untagged there is one.
_BODY_VOICE_VERBS = frozenset({"say", "decline", "refuse", "announce", "confirm", "warn", "insist", "deny",
                               "fine", "order", "urge", "state"})


def _cued_bodies(sdoc: Any, persons: Collection[str]) -> list[tuple[int, int]]:
    """Organisations the recogniser leaves untagged, as (first token, end token), found by how
    the text treats them: a name of one to three capitalised words set beside a noun for a body
    ("Unite, the union,", "Lumen, the streaming service,"), or one capitalised proper noun that is
    the subject of a verb by which a body speaks or acts (``_BODY_VOICE_VERBS``: "Pfizer declined
    to comment", "Ofwat fined ..."; two words are as often a person's name the lists do not know,
    "Elon Musk warns"). None that is a country, a state, a people, a title or a person's word
    ("Prime Minister", "Holy Father"), a person's name (``persons``, a given name, a surname, a
    name "he" or "she" takes up), part of a longer name ("Human Rights Watch", "Say Supreme
    Overlords Of The WEF") or, for the verbs, a common noun or adjective of the dictionary ("Reform
    said", "the Attorney's Office said"; "Unite", only a verb there, is a name), unless "which"
    or "its" takes it up ("Unison, which represents ...")."""
    found: list[tuple[int, int]] = []
    named = {w for key in persons for w in key.split()}
    for token in _untagged_names(sdoc, ("nsubj", "nsubjpass", "appos", "conj", "dobj", "pobj", "ROOT")) \
            + _untagged_names(sdoc, ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT"), pos=NOUN):
        if not _name_word(token) or len(token.text) < 3:
            continue
        first = token.i
        while first > 0 and token.i - first < 2 and sdoc[first - 1].dep_ == "compound" \
                and sdoc[first - 1].head.i == token.i and sdoc[first - 1].pos_ == "PROPN" \
                and sdoc[first - 1].ent_iob_ == "O" and _name_word(sdoc[first - 1]):
            first -= 1
        apposed = any(c.dep_ == "appos" and c.i > token.i + 1 and sdoc[token.i + 1].text == ","
                      and c.lemma_.lower() in _BODY_APPOSITIVES and c.pos_ == "NOUN"
                      and any(d.dep_ == "det" for d in c.children) for c in token.children)
        if apposed and first > 0 and _nation_opens_name(sdoc[first - 1], token):
            first -= 1  # "Bavarian Nordic, the Danish company,": a nation's adjective opens the name
        span = sdoc[first:token.i + 1]
        written = span.text
        if is_given_name(span[0].text) or person_shaped(written) or is_country(written) \
                or written.lower() in US_STATES or _is_demonym(written.lower()) \
                or _key(written) in _NOT_ACTORS or span[0].lower_ in TITLE_WORDS \
                or span[0].lower_ in _NAME_TITLES \
                or token.lower_ in _BODY_NOUNS or (token.pos_ == "NOUN" and names_people(token)) \
                or token.lower_ in named or any(t.lower_ in _PERSON_WORDS for t in span) \
                or (len(span) == 1 and is_surname(token.text)):
            continue
        # (word beside the name, the space between them)
        beside = ([(sdoc[first - 1], sdoc[first - 1].whitespace_)] if first else []) + (
            [(sdoc[token.i + 1], token.whitespace_)] if token.i + 1 < len(sdoc) else [])
        if any(t.is_alpha and t.text[:1].isupper() and "\n" not in gap and gap for t, gap in beside):
            continue  # a word of a longer name ("Human [Rights Watch]", "[Supreme Overlords] Of The WEF")
        if not apposed and (token.pos_ != "PROPN" or token.dep_ not in ("nsubj", "nsubjpass") or len(span) > 1
                            or token.head.lemma_.lower() not in _BODY_VOICE_VERBS):
            continue
        if (token.i + 1 < len(sdoc) and sdoc[token.i + 1].tag_ == "POS") \
                or any(c.dep_ == "poss" for c in token.children) \
                or (first > 0 and (sdoc[first - 1].tag_ == "POS" or sdoc[first - 1].ent_iob_ != "O")):
            continue  # an owner ("Pfizer's shares"), or the end of a longer name, left to the rest
        called = _pronoun_after(sdoc, span)
        if called == "PERSON":
            continue  # "Okafor declined to comment, saying he": a person the recogniser missed
        if not apposed and len(span) == 1 and called != "ORG" and _noun_or_adjective(token.lower_):
            continue  # "Reform said", "the Attorney's Office said": a common noun; not "Unison,
            # which represents ..., said", a name the text takes up as a body's
        found.append((first, token.i + 1))
    return found


def _nation_named(sdoc: Any, named: list[tuple[int, int]]) -> dict[int, int]:
    """The other mentions of companies whose name opens with a nation's adjective, as first token
    -> end token: the adjective the recogniser tags a people, then the rest of a name of ``named``
    ((first token, end token) where the text set it beside a noun for a body: "Bavarian Ostholm,
    the German firm,"), whether the recogniser leaves the rest untagged or tags it apart."""
    if not named:
        return {}
    entity_ends: dict[int, int] = {}  # first token of an entity -> end token
    for ent in sdoc.ents:
        entity_ends[ent.start] = ent.end
    names = {tuple(t.text for t in sdoc[f:e]) for f, e in named}
    out: dict[int, int] = {}
    for ent in sdoc.ents:
        if ent.label_ != "NORP" or len(ent) != 1 or any(f == ent.start for f, _ in named):
            continue
        for words in names:
            end = ent.start + len(words)
            if words[0] == ent.text and end <= len(sdoc) \
                    and tuple(t.text for t in sdoc[ent.start:end]) == words \
                    and (end == len(sdoc) or sdoc[end].ent_iob_ != "I") \
                    and all(entity_ends.get(i, end) <= end for i in range(ent.end, end)):
                out[ent.start] = end
    return out


def _nation_opens_name(word: Any, head: Any) -> bool:
    """Whether ``word``, the recogniser's people of one word ("Bavarian", "Danish"), is an
    adjective written before the untagged proper noun ``head`` that opens a name with it, as in
    "Bavarian Nordic" or "Norwegian Air": then the name set beside a noun for a body is the whole."""
    return word.ent_type_ == "NORP" and word.ent_iob_ == "B" and word.head.i == head.i \
        and head.i - 3 < word.i < head.i and all(t.ent_iob_ != "I" for t in word.doc[word.i + 1:head.i + 1]) \
        and word.dep_ in ("amod", "compound") and word.text[:1].isupper() and word.is_alpha \
        and bool(word.whitespace_)


@lru_cache(maxsize=1)
def _nouns_and_adjectives() -> frozenset[str]:
    return _dictionary_words("noun") | _dictionary_words("adj")


#: Words of a title or a kin term, which make a capitalised phrase a person's ("Prime Minister",
#: "Foreign Secretary", "Holy Father").
_PERSON_WORDS = TITLE_WORDS | _PERSON_TITLES | frozenset({"father", "mother", "sister", "brother"})


def _noun_or_adjective(word: str) -> bool:
    """Whether a lower-case word is a noun or an adjective of the dictionary ("reform", "lumen";
    not "unite", only a verb), or, without the dictionary's parts of speech, any of its words."""
    nouns = _nouns_and_adjectives()
    if not nouns:  # pragma: no cover - a lemmatizer without its index
        return _in_dictionary(word)
    return word in nouns or (word.endswith("s") and word[:-1] in nouns) \
        or (word.endswith("ies") and word[:-3] + "y" in nouns)  # "tories"


def _taken_up_as_body(sdoc: Any, span: Any) -> bool:
    """Whether "its" or "the company" (a definite body noun) takes up the name ``span`` after it,
    in its sentence or the next."""
    sentence = span.sent
    end = sdoc[sentence.end].sent.end if sentence.end < len(sdoc) else sentence.end
    return _pronoun_after(sdoc, span) == "ORG" or any(
        t.lower_ in _BODY_NOUNS and t.pos_ == "NOUN" and any(c.lower_ == "the" for c in t.children)
        for t in sdoc[span.end:end])


#: Those who work at a body, before "at" and its name ("analysts at Jefferies").
_WORKERS = frozenset({"analyst", "economist", "strategist", "researcher", "scientist", "executive", "banker",
                      "trader", "lawyer", "partner", "professor", "employee", "worker", "staff", "engineer",
                      "director", "manager", "spokesperson", "spokesman", "spokeswoman", "investor"})


_AT = frozenset({"at"})


def _workplaces(sdoc: Any) -> list[tuple[int, int]]:
    """Bodies the recogniser leaves untagged after those who work there and "at" ("Analysts at
    Jefferies said"), as (first token, end token): one to three capitalised proper nouns, none
    tagged, no country, state or given name."""
    found: list[tuple[int, int]] = []
    for at in _written(sdoc, _AT):
        if at.head.pos_ != "NOUN" or at.head.lemma_.lower() not in _WORKERS:
            continue
        name = next((c for c in at.children if c.dep_ == "pobj"), None)
        if name is None or name.pos_ != "PROPN" or name.ent_iob_ != "O" or not _name_word(name):
            continue
        first = at.i + 1
        if name.i - first > 2 or not all(t.pos_ == "PROPN" and t.ent_iob_ == "O" and _name_word(t)
                                         for t in sdoc[first:name.i + 1]):
            continue
        written = sdoc[first:name.i + 1].text
        if is_country(written) or written.lower() in US_STATES or is_given_name(sdoc[first].text):
            continue
        found.append((first, name.i + 1))
    return found


def _token_table(sdoc: Any) -> Any:
    """The tokens' lower-case form, part of speech, entity position, relation and sentence start
    as one array (made once per doc, kept on its ``user_data``)."""
    table = sdoc.user_data.get("unspin_token_table")
    if table is None:
        table = sdoc.user_data["unspin_token_table"] = sdoc.to_array([LOWER, POS, ENT_IOB, DEP, SENT_START])
    return table


def _written(sdoc: Any, words: frozenset[str]) -> list[Any]:
    """The tokens written as one of ``words`` (lower case, any case in the text), found on the
    lower-case ids at once (a Python loop over every token, or a long regular expression over
    the text, costs more)."""
    lower = _token_table(sdoc)[:, 0]
    ids = np.fromiter((sdoc.vocab.strings[w] for w in words), dtype=np.uint64, count=len(words))
    return [sdoc[int(i)] for i in np.flatnonzero(np.isin(lower, ids))]


def _untagged_names(sdoc: Any, deps: Collection[str], sentence_start: bool = False,
                    pos: int = PROPN) -> list[Any]:
    """The proper nouns (or the words of another part of speech ``pos``) outside any entity whose
    relation to their head is one of ``deps`` (opening a sentence, with ``sentence_start``),
    found on the tokens' arrays at once."""
    if not len(sdoc):
        return []
    table = _token_table(sdoc)
    keep = (table[:, 1] == pos) & (table[:, 2] == 2)  # 2: outside any entity
    relation = np.zeros(len(table), dtype=bool)
    for dep in deps:  # a few: cheaper than np.isin
        relation |= table[:, 3] == sdoc.vocab.strings[dep]
    keep &= relation
    if sentence_start:
        keep &= table[:, 4].astype(np.int64) == 1
    return [sdoc[int(i)] for i in np.flatnonzero(keep)]


#: Countries of one word, in lower case ("uruguay", "niger").
_COUNTRY_WORDS = frozenset(name for name in COUNTRY_NAMES if name.isalpha() and len(name) > 3)
#: The recogniser's labels that no actor has, under which it may file a country ("Niger" as a date).
_NO_ACTOR_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def _untagged_countries(sdoc: Any) -> list[int]:
    """The tokens of countries named by one word that the recogniser leaves untagged or calls a
    date ("Uruguay wants to leave Mercosur", "intervene in Niger"): a proper noun written as a
    country of the list, no given name ("Chad", "Jordan"), no word of a longer name ("Niger
    Delta", "Michael Jordan")."""
    found: list[int] = []
    for token in _written(sdoc, _COUNTRY_WORDS):
        if not token.text[:1].isupper() or token.is_upper or token.pos_ != "PROPN" \
                or is_given_name(token.text) or token.ent_type_ not in _NO_ACTOR_LABELS | {""}:
            continue
        if any(0 <= j < len(sdoc) and sdoc[j].pos_ == "PROPN" and sdoc[j].text[:1].isupper()
               for j in (token.i - 1, token.i + 1)):
            continue
        found.append(token.i)
    return found


def _untagged_sides(sdoc: Any, text: str, persons: Collection[str]) -> list[tuple[str, int, int]]:
    """Sides of a match that the recogniser leaves untagged, as (label, first token, end token).

    A team in a match reported with its score (``_club_in_match``: "Arsenal won 2-0 at home",
    "came from behind to beat Aston Villa 3-2"): one to three capitalised proper nouns, none
    tagged, no country, no person's name (a given name and a surname, or a word of a name the
    text tags a person's); a lone word that may be a given name or a surname only where the side
    it plays is a body or a place ("Leeds beat Burnley 3-1"), and so for a capitalised word the
    tagger calls a common noun ("Leeds", which the dictionary holds as well). A player of a sport played
    one against one (``_player_side``: "Djokovic beat Alcaraz in the final") is a person's name,
    with or without a score. ``text``: the doc's text (which spaCy rebuilds on each access)."""
    found: list[tuple[str, int, int]] = []
    candidates = _untagged_names(sdoc, ("nsubj", "dobj", "pobj")) + [
        t for t in _untagged_names(sdoc, ("nsubj", "dobj", "pobj"), pos=NOUN) if t.text[:1].isupper()]
    scored = _ANY_SCORE.search(text) is not None
    named = {t.text for e in sdoc.ents if e.label_ == "PERSON" for t in e}
    for token in sorted(candidates, key=lambda t: t.i):
        if not _name_word(token) or _match_verb(sdoc, token.i, token.i + 1) is None:
            continue
        first = token.i
        while first > 0 and token.i - first < 2 and sdoc[first - 1].dep_ == "compound" \
                and sdoc[first - 1].pos_ == "PROPN" and sdoc[first - 1].ent_iob_ == "O" \
                and _name_word(sdoc[first - 1]):
            first -= 1
        if first > 0 and sdoc[first - 1].ent_iob_ != "O" and sdoc[first - 1].head.i == first:
            continue  # "[Novak] Djokovic": the name the recogniser cut short, read whole with it
        words = [t.text for t in sdoc[first:token.i + 1]]
        if is_country(" ".join(words)) or _key(words[-1]) in _NOT_ACTORS or words[0].lower() in TITLE_WORDS:
            continue
        if len(words) == 1 and _player_side(sdoc, first, token.i + 1, persons):
            found.append(("PERSON", first, token.i + 1))
            continue
        # a club's full name by its words ("Real Madrid beat Rayo Vallecano") needs no score
        if (not scored and not _club_name(" ".join(words))) or any(w in named for w in words) \
                or (len(words) > 1 and person_shaped(" ".join(words))):
            continue
        lone = len(words) == 1 and (is_given_name(words[0]) or is_surname(words[0]))
        if (token.pos_ == "NOUN" or lone) and not _plays_a_body(sdoc, first, token.i + 1):
            continue
        if _club_in_match(sdoc, first, token.i + 1) or _club_name(" ".join(words)):
            found.append(("ORG", first, token.i + 1))
    return found


#: Last words of an institution's name, none a person's ("Manchester Magistrates' Court").
_INSTITUTION_WORDS = frozenset({"court", "council", "police", "service", "committee", "agency", "commission",
                                "ministry", "department", "tribunal", "authority", "association", "society",
                                "foundation", "institute", "university", "college", "school", "hospital"})
#: Last words of a body's name that no person's name ends in ("Victoria Police", "Kano State
#: University"; a "Margaret Court" or a "Tom College" may be a person's).
_INSTITUTION_ENDS = frozenset({"police", "constabulary", "council", "ministry", "department", "agency",
                               "commission", "tribunal", "authority", "university", "hospital", "institute",
                               "foundation", "committee"})
#: Last words of the name of a place of care, learning or worship named after a saint or a
#: founder in the possessive ("St Thomas' Hospital", "King's College", "St Mary's Church").
_NAMED_FOR_ENDS = _INSTITUTION_WORDS | {"infirmary", "academy", "church", "cathedral", "chapel", "abbey",
                                        "clinic", "hospice", "seminary", "polytechnic"}


def _named_for(sdoc: Any, last: int) -> int | None:
    """The end token of an institution's name that a name in the possessive opens, where the
    entity ending before token ``last`` is that name ("[St Thomas'] Hospital", "[Guy's]
    Hospital"): the capitalised institution word (``_NAMED_FOR_ENDS``) right after the "'s" or
    "'", in no entity of its own; else None."""
    owned = last if last < len(sdoc) and sdoc[last].tag_ == "POS" else last - 1
    if sdoc[owned].tag_ != "POS" and sdoc[owned].text not in ("'s", "’s", "'", "’"):
        return None
    noun = owned + 1
    if noun >= len(sdoc) or sdoc[noun].lower_ not in _NAMED_FOR_ENDS or not sdoc[noun].text[:1].isupper() \
            or sdoc[noun].ent_iob_ == "B":
        return None
    return noun + 1


#: Words that name a natural feature before its name ("River Wend", "Lake Varna", "Mount Elbrus")
#: or after it ("Wend River", "Tana Lake"): a place, whatever the recogniser says.
_FEATURE_WORDS = frozenset({"river", "lake", "mount", "mt", "mt.", "mountain", "mountains", "sea", "ocean",
                            "bay", "gulf", "strait", "loch", "creek", "glacier", "canyon", "desert",
                            "peninsula", "reservoir", "estuary"})


def _natural_feature(sdoc: Any, first: int, last: int) -> bool:
    """Whether a name of two or three words is a river's, a lake's or a mountain's: a feature word
    written with a capital at one end ("River Wend", "Wend River"), no word of a body's or a
    building's name in it ("Lake Forest College", "Mount Sinai Hospital", "River Plate FC"), and
    not written after a noun of a body ("campaign group River Action")."""
    if first > 0 and sdoc[first - 1].is_lower and sdoc[first - 1].lower_ in _BODY_APPOSITIVES:
        return False
    words = [t for t in sdoc[first:last] if t.lower_ != "the"]
    if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words):
        return False
    if not (words[0].lower_ in _FEATURE_WORDS or words[-1].lower_ in _FEATURE_WORDS):
        return False
    return not any(t.lower_ in _PLACE_WORDS - _FEATURE_WORDS or t.lower_ in COMPANY_WORDS
                   or t.lower_ in _INSTITUTION_WORDS or t.lower_ in _CLUB_WORDS or t.lower_ in _CLUB_INITIALS
                   for t in words)


#: Last words of streets' names, and the prepositions that say one is where someone lives or works.
_STREET_ENDS = frozenset({"lane", "street", "road", "avenue", "drive", "boulevard", "crescent", "terrace",
                          "square", "highway", "parkway"})
_STREET_PREPS = frozenset({"on", "in", "at", "along", "off", "near", "down", "up"})
#: Nouns for those who live or trade on a street, or a stretch of it, before "of" ("Residents of
#: Mill Lane", "the corner of Harbour Road").
_STREET_OF = frozenset({"resident", "neighbour", "neighbor", "householder", "homeowner", "tenant",
                        "shopkeeper", "trader", "home", "house", "household", "shop", "business", "end",
                        "corner", "junction", "stretch", "length", "top", "bottom", "section", "part"})


def _after_street_prep(span: Any) -> bool:
    """Whether a name is the object of a preposition that says where one lives or works ("on"),
    or of "of" after those who live there or a stretch of it ("Residents of Mill Lane said")."""
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in _STREET_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in _STREET_OF)


#: Last words of towns' names, none a common surname's ("Hoffman Estates", "Colorado Springs").
_TOWN_ENDS = frozenset({"estates", "heights", "springs", "falls", "beach", "valley", "hills", "township",
                        "county", "city", "village"})
#: Nouns for what a firm does that business news writes before its name ("Retailer Tesco",
#: "Insurer Aviva"), besides the "-maker"s ("Chipmaker Veltrix"); not those that also open
#: firms' own names ("Bank Leumi", "Carrier Global", "Giant Eagle").
_FIRM_NOUNS = frozenset({
    "retailer", "lender", "insurer", "reinsurer", "broadcaster", "miner", "brewer", "regulator",
    "supermarket", "grocer", "housebuilder", "manufacturer", "conglomerate", "startup", "start-up",
    "supplier", "distributor", "publisher", "exporter", "refiner", "shipper", "shipbuilder", "outsourcer",
    "watchdog", "automaker", "carmaker", "chipmaker", "drugmaker", "planemaker", "steelmaker"})


def _firm_noun(word: str) -> bool:
    """Whether a word says what a firm does ("retailer", "chipmaker"), written before its name."""
    return word in _FIRM_NOUNS or (word.endswith("maker") and len(word) > 7)


#: Verbs a team does a match with ("Lyon won 2-1", "lost 1-0 to Bayern Munich").
_MATCH_VERBS = frozenset({"beat", "defeat", "draw", "lose", "win", "edge", "thrash", "hammer", "host", "face",
                          "play", "overcome", "stun", "rout", "down", "trounce", "hold"})
#: Verbs of a match to come, whose object is the other team ("play Napoli on Monday").
_FIXTURE_VERBS = frozenset({"play"})  # not "face" nor "host", which politics uses as often
#: A match's score in a text, no year's range ("2-1", "3 - 0"; not "2019-20").
_MATCH_SCORE = re.compile(r"(?<![\d/.-])\d{1,2} ?[-–] ?\d{1,2}(?![\d/.-])")
#: Prepositions before a team's opponent ("against Marseille", "lost to", "drew with").
_MATCH_PREPS = frozenset({"against", "to", "with", "over", "at"})


def _club_in_match(sdoc: Any, first: int, last: int, fixtures: bool = False, scoreless: bool = True) -> bool:
    """Whether the name ``sdoc[first:last]`` is a team in a match reported with its score: the
    subject or object of a verb of playing, or its opponent after a preposition, in a sentence
    with a score ("Lyon won 2-1 at home against Marseille", "lost 1-0 to Bayern Munich"). With
    ``fixtures`` (a text that reports a score), the object of a verb of a match to come needs
    none ("Inter Milan, who play Napoli on Monday"); with ``scoreless``, nor does a side of a
    result reported without it (``_away_result``: "Manchester City won at Brighton")."""
    verb = _match_verb(sdoc, first, last)
    if verb is None:
        return False
    if fixtures and verb.lemma_.lower() in _FIXTURE_VERBS and _side_root(sdoc[first:last]).dep_ == "dobj":
        return True
    words = [t.text for t in verb.sent]
    return any(_SCORE.fullmatch(w) for w in words) or any(
        a.isdigit() and len(a) <= 2 and b in _DASHES and c.isdigit() and len(c) <= 2
        for a, b, c in zip(words, words[1:], words[2:], strict=False)) or (scoreless and _away_result(verb))


#: Verbs of a result whose opponent follows a preposition ("won at Brighton", "lost to Everton",
#: "drew with Leeds"), and those prepositions: a match reported without its score.
_RESULT_VERBS = frozenset({"win", "lose", "draw"})
_RESULT_PREPS = frozenset({"at", "against", "to", "with"})


def _away_result(verb: Any) -> bool:
    """Whether a verb of a result reports a match without its score: its subject (or what a
    "who" stands for) and the opponent after a preposition are both capitalised names, no
    country's, US state's or person's (one the recogniser calls a person only against a side
    named as a club): "Manchester City won at Brighton", "Leeds drew with Burnley"; not "Harris
    lost to Trump", "won in Texas"."""
    if verb.lemma_.lower() not in _RESULT_VERBS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subject = verb.head  # "Athletic Bilbao, who lost to Getafe"
    opponent = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in _RESULT_PREPS
                     for g in c.children if g.dep_ == "pobj"), None)
    if subject is None or opponent is None:
        return False
    names = [_side_name(verb.doc, side) for side in (subject, opponent)]
    for side, written in zip((subject, opponent), names, strict=True):
        if side.pos_ != "PROPN" or not side.text[:1].isupper() or side.ent_type_ == "NORP" \
                or is_country(written) or written.lower() in US_STATES or person_shaped(written):
            return False
        # one the recogniser calls a person plays a side named as a club ("Athletic Bilbao, who
        # lost to Getafe"), not another name ("Harris lost to Trump")
        if side.ent_type_ == "PERSON" and not any(_club_name(n) for n in names if n != written):
            return False
    return True


def _side_root(span: Any) -> Any:
    """The word that stands for a name in its clause: its root, or the first of a list it ends."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def _match_verb(sdoc: Any, first: int, last: int) -> Any | None:
    """The verb of playing (``_MATCH_VERBS``) whose side the name ``sdoc[first:last]`` is: its
    subject or object ("Lyon won", "beat Everton 2-0", the club read as a modifier of the score),
    or the opponent after a preposition ("lost 1-0 to Bayern Munich", "a 2-1 defeat at West
    Ham"); None where it is none."""
    root = _side_root(sdoc[first:last])
    if root.dep_ == "nsubj" and root.head.lemma_.lower() not in _MATCH_VERBS:
        # "Barcelona came from behind to beat Getafe": the subject of the verb its "to" clause hangs on
        verb = next((c for c in root.head.children if c.dep_ in ("xcomp", "advcl")
                     and c.lemma_.lower() in _MATCH_VERBS and any(a.lower_ == "to" for a in c.children)
                     and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)), root.head)
    elif root.dep_ in ("nsubj", "dobj"):
        verb = root.head
    elif root.dep_ == "npadvmod" and last < len(sdoc) and (_SCORE.fullmatch(sdoc[last].text) or (
            last + 2 < len(sdoc) and sdoc[last].like_num and sdoc[last + 1].text in _DASHES)):
        verb = root.head  # "beat Everton 2-0", the score read as the object and the club as a modifier
    elif root.dep_ == "pobj" and root.head.lower_ in _MATCH_PREPS:
        verb = root.head.head
        for _ in range(2):  # "won 2-1 at home against Marseille": the verb above the phrase
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i or verb.lemma_.lower() in _MATCH_VERBS:
                break  # or the noun of the match's result ("a 2-1 defeat at West Ham")
            verb = verb.head
    else:
        return None
    return verb if verb.lemma_.lower() in _MATCH_VERBS else None


def _sides(verb: Any) -> list[Any]:
    """The words that stand for the sides of the match ``verb`` reports: its subjects, objects,
    the opponent after a preposition and a side read as a modifier of the score."""
    out: list[Any] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "dobj", "npadvmod") and child.pos_ in ("PROPN", "NOUN"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in _MATCH_PREPS:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out + [c for side in out for c in side.children if c.dep_ == "conj"]


#: Words of a sport played one against one ("won in straight sets", "the top seed").
_SINGLES_WORDS = frozenset({"set", "sets", "tie-break", "tiebreak", "tiebreaker", "seed", "singles", "frame",
                            "frames", "knockout", "bout"})
#: A set's score in tennis ("6-4", "7-5"): several in a sentence make a singles match.
_SET_SCORE = re.compile(r"(?<![\d/.-])[67] ?[-–] ?[0-7](?![\d/.-])")
#: How the surnames of players the census does not list often end ("Djokovic", "Alcaraz",
#: "Medvedev", "Sabalenka"); no club's lone name ends so.
_PLAYER_ENDINGS = ("vic", "vić", "ić", "ov", "ova", "ev", "eva", "ski", "ska", "sky", "enko", "enka", "ez",
                   "az")


def _player_side(sdoc: Any, first: int, last: int, persons: Collection[str]) -> bool:
    """Whether the lone name ``sdoc[first:last]`` is a player in a match played one against one:
    a side of a verb of playing (``_match_verb``) where no side is named as a club or a country,
    in a sentence that shows a singles sport (its sets, seeds, knockouts), or whose sides include
    a person the text names in full or a name shaped as a player's surname ("Djokovic beat
    Alcaraz in the final")."""
    verb = _match_verb(sdoc, first, last)
    if verb is None:
        return False
    sides = _sides(verb)
    texts = [_side_name(sdoc, side) for side in sides]
    if any(_club_name(t) or is_country(t) or t in US_STATES for t in texts) \
            or any(side.i + 1 < len(sdoc) and sdoc[side.i + 1].text in _TOWN_CLUB_ENDS for side in sides):
        return False
    sentence = verb.sent
    if any(t.lower_ in _SINGLES_WORDS and t.pos_ == "NOUN" for t in sentence) \
            or len(_SET_SCORE.findall(sentence.text)) > 1:
        return True
    return any(_key(t) in persons if " " in t else (t.lower().endswith(_PLAYER_ENDINGS) or any(
        k.endswith(" " + t.lower()) for k in persons)) for t in texts)


def _side_name(sdoc: Any, side: Any) -> str:
    """The name a side's word heads: the entity it is part of, without a score the recogniser
    read into it ("[Lazio 3-1]"), else the word with the proper nouns compounded before it
    ("Aston Villa")."""
    if side.ent_iob_ != "O":
        ent = next((e for e in sdoc.ents if e.start <= side.i < e.end), None)
        if ent is not None:
            opened = ent.start > 0 and sdoc[ent.start - 1].text in _CLUB_OPENERS \
                and sdoc[ent.start - 1].ent_iob_ == "O"  # "Athletic [Bilbao]"
            return _clean(sdoc[ent.start - opened:side.i + 1].text)
    first = side.i
    while first > 0 and sdoc[first - 1].dep_ == "compound" and sdoc[first - 1].pos_ == "PROPN":
        first -= 1
    return sdoc[first:side.i + 1].text


def _plays_a_body(sdoc: Any, first: int, last: int) -> bool:
    """Whether a side of a match plays a side the recogniser calls a body or a place, or one named
    as a club ("Leeds beat [Burnley] 3-1"): a club too, though its lone name may be a person's."""
    verb = _match_verb(sdoc, first, last)
    return verb is not None and any(
        (side.ent_type_ in ("ORG", "GPE", "LOC", "FAC", "PRODUCT") or _club_name(_side_name(sdoc, side)))
        and not first <= side.i < last for side in _sides(verb))


#: Last words of a ground's name ("Villa Park", "Elland Road", "Etihad Stadium").
_GROUND_WORDS = frozenset({"park", "stadium", "road", "lane", "arena", "ground", "field", "trafford",
                           "bridge", "anfield", "stadion", "estadio"})


def _ground(sdoc: Any, label: str, first: int, last: int, fixtures: bool, text: str) -> bool:
    """Whether the name ``sdoc[first:last]`` is a ground: after "at" in a match reported with its
    score ("lost 1-0 at Old Trafford", "won 3-0 at Anfield"; a name that is no ground's, "drew 0-0
    at Everton", only where the sentence names both sides besides), and written nowhere in the text but
    after "at", which a club's name is now and then too ("won 2-1 at Fulham ... Fulham had led");
    one the recogniser calls a place only where the sentence names both sides besides ("Brighton
    beat Leeds 2-1 at Elland Road"; not "a 2-1 defeat at West Ham", the club of a town). No club's
    full name ("at Manchester City"), country or person's full name."""
    span = sdoc[first:last]
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "at" \
            or not _club_in_match(sdoc, first, last, fixtures, scoreless=False):
        return False
    sides = [e for e in root.sent.ents
             if e.label_ in ("ORG", "GPE", "PERSON", "NORP") and not (first < e.end and e.start < last)]
    written = _clean(span.text)
    words = written.split()
    if len(sides) < 2 and (label == "GPE" or not words or words[-1].lower() not in _GROUND_WORDS):
        return False  # "Arsenal drew 0-0 at Everton": a club hosting the match, unless its name says ground
    if not words or _club_name(written) or words[-1] in _TOWN_CLUB_ENDS or is_country(written) \
            or person_shaped(written):
        return False
    return all(re.search(r"\bat[ \t]+(?:the[ \t]+)?$", text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
               for m in re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w-])", text))


#: A player's position or a team's staff, written between the club's name and the person's
#: ("Real Madrid forward Vinicius Junior", "Everton manager Sean Dyche").
_POSITIONS = frozenset({
    "forward", "striker", "midfielder", "defender", "goalkeeper", "keeper", "goalie", "winger",
    "full-back", "fullback", "centre-back", "center-back", "centre-half", "playmaker", "skipper",
    "captain", "coach", "manager", "quarterback", "linebacker", "pitcher", "shortstop", "batsman",
    "batter", "bowler", "wicketkeeper", "fly-half", "scrum-half", "lock", "prop", "hooker", "flanker",
})


def _before_player(sdoc: Any, first: int, last: int) -> bool:
    """Whether the name ``sdoc[first:last]`` is followed by a position in lower case and a
    capitalised name ("Barcelona [defender] Ronald Araujo"), or after "the" ("the Leicester City
    [manager]"): a team's name."""
    if last >= len(sdoc) or sdoc[last].lower_ not in _POSITIONS or not sdoc[last].is_lower:
        return False
    if first > 0 and sdoc[first - 1].lower_ == "the" and sdoc[last].pos_ == "NOUN":
        return True
    return last + 1 < len(sdoc) and _name_word(sdoc[last + 1]) and sdoc[last + 1].pos_ == "PROPN"  # the
    # tagger may call the position a verb ("Barcelona defender Ronald Araujo")


def _after_club_position(sdoc: Any, first: int) -> bool:
    """Whether the name at token ``first`` follows a team's name and a position in lower case
    ("Real Madrid forward [Vinicius Junior]"): a player's or a coach's."""
    return first > 1 and sdoc[first - 1].lower_ in _POSITIONS and sdoc[first - 1].is_lower \
        and sdoc[first - 2].text[:1].isupper() and sdoc[first - 2].is_alpha


#: Lower-case words of a person's work written right before their name ("Arsenal boss Mikel
#: Arteta", "competition commissioner Margrethe Vestager").
_WORK_BEFORE_NAMES = _POSITIONS | _PERSON_APPOSITIVES | {"boss"}


def _unlisted_names(sdoc: Any) -> list[tuple[int, int]]:
    """Personal names of two words that no list holds ("Margrethe Vestager", "Mikel Arteta": no
    census given name, no dictionary word) and the recogniser leaves untagged, as (first token,
    end token): a proper noun compounded to the next, both capitalised and alone in their run,
    where the text shows a person: the name says or thinks (``_speaks``), a person's work is set
    beside it ("Margrethe Vestager, the EU's competition commissioner,") or written right before
    it in lower case ("Arsenal boss Mikel Arteta")."""
    found: list[tuple[int, int]] = []
    for head in _untagged_names(sdoc, ("nsubj", "nsubjpass", "dobj", "pobj", "appos")):
        i = head.i - 1
        if i < 0 or sdoc[i].dep_ != "compound" or sdoc[i].head.i != head.i or sdoc[i].pos_ != "PROPN" \
                or sdoc[i].ent_iob_ != "O" or (i > 0 and sdoc[i - 1].pos_ == "PROPN") \
                or not all(_name_word(t) and not _in_dictionary(t.lower_) and not _body_word(t.text)
                           and t.lower_ not in TITLE_WORDS for t in (sdoc[i], head)):
            continue
        run = sdoc[i:head.i + 1]
        if _speaks(run) or _acts_as_human(run) \
                or (i > 0 and sdoc[i - 1].is_lower and sdoc[i - 1].lower_ in _WORK_BEFORE_NAMES) \
                or any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_APPOSITIVES for c in head.children):
            found.append((i, head.i + 1))
    for token in _untagged_names(sdoc, ("nsubj",)):
        # "Lula praised the deal": one name no list holds, the subject of what only a person does,
        # or of saying what "he" or "she" takes up
        before = sdoc[token.i - 1] if token.i else None
        after = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        if _name_word(token) and len(token.text) > 2 and not _in_dictionary(token.lower_) \
                and not _body_word(token.text) and not _is_demonym(token.lower_) \
                and token.lower_ not in TITLE_WORDS and token.lower_ not in _NAME_TITLES \
                and _key(token.text) not in _NOT_ACTORS and _key(token.text) not in US_STATES \
                and not (before is not None and (before.pos_ == "PROPN" or before.tag_ == "POS")) \
                and not (after is not None and (after.pos_ == "PROPN" or after.tag_ == "POS")) \
                and not any(t.tag_ == "VBP" for t in (token.head, *token.head.children) if t.i > token.i):
            # not "Juventus have said his contract ...", a club in the plural
            lemma = token.head.lemma_.lower()
            called = _pronoun_after(sdoc, sdoc[token.i:token.i + 1])
            if (lemma in _HUMAN_VERBS - {"score", "net"} and called != "ORG") \
                    or (lemma in _PERSON_VERBS and called == "PERSON"):  # "Pochettino said his players"
                found.append((token.i, token.i + 1))
    return found


#: Verbs only a person is the subject of ("Mikel Oyarzabal scored twice", "Lula praised the
#: deal"); a club scores too, so "score" and "net" count for a name of two words only.
_HUMAN_VERBS = frozenset({"score", "net", "praise", "hail", "smile", "laugh", "weep", "cry", "nod", "shrug",
                          "marry", "resign", "apologise", "apologize", "thank", "congratulate"})


def _acts_as_human(span: Any) -> bool:
    """Whether a name is the subject of a verb only a person does (``_HUMAN_VERBS``)."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _HUMAN_VERBS


_STAFF = _POSITIONS | {"boss"}
#: Positions only sport has, before which a lone name is a club in a story without a score.
_SPORT_STAFF = _STAFF - {"boss", "manager", "captain", "skipper", "lock", "prop", "hooker", "forward",
                         "keeper"}
_CLUB_OPENER_WORDS = frozenset(w.lower() for w in _CLUB_OPENERS)


def _untagged_clubs(sdoc: Any, text: str) -> list[tuple[int, int]]:
    """Clubs of a match report (one that gives a score) that the recogniser leaves untagged and
    the tagger may call an adjective ("Arsenal moved top ... Arsenal boss Mikel Arteta"), as
    (first token, end token): a lone capitalised word outside any entity written once at least
    before a player's position or a team's staff and a name (``_STAFF``), and each time the text
    writes it so elsewhere. ``text``: the doc's text. Without a score, only before a position no
    one but a player or a coach holds ("Villarreal coach Marcelino"; not "manager", "captain").
    Besides, in any story, a name that opens as a club's does, outside any entity, with no common
    word after ("Real Sociedad came from behind", which the tagger reads as an adjective and a
    noun; not "Real Time", "Real Clear Politics")."""
    staff = _STAFF if _MATCH_SCORE.search(text) is not None else _SPORT_STAFF
    clubs = {sdoc[t.i - 1].text for t in _written(sdoc, staff)
             if t.i > 0 and t.is_lower and t.i + 1 < len(sdoc) and _name_word(sdoc[t.i + 1])
             and sdoc[t.i + 1].pos_ == "PROPN" and _lone_untagged(sdoc, t.i - 1)}
    found = [(t.i, t.i + 1) for t in _written(sdoc, frozenset(c.lower() for c in clubs))
             if t.text in clubs and _lone_untagged(sdoc, t.i)]
    for opener in _written(sdoc, _CLUB_OPENER_WORDS):
        last = opener.i + 1
        while last < len(sdoc) and last - opener.i < 3 and _name_word(sdoc[last]) \
                and sdoc[last].ent_iob_ == "O" and sdoc[last].lower_ not in TITLE_WORDS | _STAFF:
            last += 1
        if opener.text in _CLUB_OPENERS and opener.ent_iob_ == "O" and last > opener.i + 1 \
                and (last == len(sdoc) or not _name_word(sdoc[last])) \
                and not any(_noun_or_adjective(t.lower_) for t in sdoc[opener.i + 1:last]) \
                and not any(f < last and opener.i < e for f, e in found):
            found.append((opener.i, last))
    return found


def _lone_untagged(sdoc: Any, i: int) -> bool:
    """Whether the token ``i`` is a capitalised word outside any entity, no title's and none of a
    run of capitalised words ("Arsenal"; not "Premier" of "Premier League")."""
    token = sdoc[i]
    if token.ent_iob_ != "O" or not _name_word(token) or token.pos_ not in ("PROPN", "ADJ", "NOUN") \
            or token.lower_ in TITLE_WORDS:
        return False
    before = i > 0 and not token.is_sent_start and sdoc[i - 1].is_alpha and sdoc[i - 1].text[:1].isupper()
    after = i + 1 < len(sdoc) and sdoc[i + 1].is_alpha and sdoc[i + 1].text[:1].isupper()
    return not before and not after


#: What a club has that its name owns in a sports story ("Tottenham's defence", "Liverpool's fans").
_TEAM_PARTS = _POSITIONS | frozenset({
    "defence", "defense", "attack", "midfield", "backline", "squad", "lineup", "line-up", "bench",
    "player", "fan", "supporter", "forward", "defender", "midfielder", "striker", "winger", "boss"})
#: Those no body but a team has, which make a story a sports one ("Liverpool's midfield").
_SPORT_PARTS = (_POSITIONS - {"manager", "coach", "captain", "skipper", "lock", "prop", "hooker"}) | {
    "midfield", "backline", "squad", "lineup", "line-up", "midfielder", "striker", "defender", "winger"}


def _club_sign(sdoc: Any, start: int, end: int) -> str:
    """How the name at ``start``-``end`` shows a club: "player" before a position and a player's
    name ("Liverpool manager Arne Slot"), "match" as a side of a match with its score ("beat
    Getafe 2-1"), "sport" owning what only a team has ("Liverpool's midfield"), "team" owning
    what a team has ("Tottenham's defence"), else ""."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    if _before_player(sdoc, span.start, span.end):
        return "player"
    if _club_in_match(sdoc, span.start, span.end) and _side_root(span).dep_ != "pobj":
        return "match"  # not "lost 1-0 at Old Trafford", the ground
    after = span.end + 1 if span.end < len(sdoc) and sdoc[span.end].tag_ == "POS" else None
    if after is None or after >= len(sdoc) or not sdoc[after].is_lower:
        return ""
    part = sdoc[after].lemma_.lower()
    return "sport" if part in _SPORT_PARTS or sdoc[after].lower_ in _SPORT_PARTS else (
        "team" if part in _TEAM_PARTS or sdoc[after].lower_ in _TEAM_PARTS else "")


def _places_that_vote(sdoc: Any, clusters: list[EntityCluster], text: str) -> None:
    """A "person" named by one word each time, a noun of the dictionary (which holds towns:
    "Brighton", "Leeds") and no given name, never after a title nor taken up by "he" or "she",
    nor the surname of a person the text names in full, that votes ("Brighton voted to keep the
    rule") is a town or a club: a place here (a club in a sports story: ``_clubs_called_places``)."""
    surnames = {_words(name)[-1] for c in clusters if c.type == "person"
                for name in (c.name, *c.aliases) if len(_words(name)) > 1}
    for cluster in clusters:
        if cluster.type != "person" or any(len(_words(a)) != 1 for a in (cluster.name, *cluster.aliases)):
            continue
        word = _words(cluster.name)[0] if _words(cluster.name) else ""
        if not word.isalpha() or word not in _dictionary_words("noun") or is_given_name(word) \
                or word in surnames or any(_after_title(text, s) for s, _ in cluster.mentions) \
                or _called_he(sdoc, cluster):
            continue
        for start, end in cluster.mentions:
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and span.root.dep_ == "nsubj" \
                    and span.root.head.lemma_.lower() == "vote":
                cluster.type = "place"
                break


def _clubs_called_places(sdoc: Any, clusters: list[EntityCluster], text: str) -> None:
    """Clubs named after their town that the recogniser calls places, in a sports story (one
    that gives a score, or names a club before a player's position and name, or owning what only
    a team has): a place, no country or US state, that the text shows once at least as a club
    (``_club_sign``: "Liverpool manager Arne Slot", "Tottenham's defence"), or that is named with
    "and" beside such a club ("between Liverpool and Tottenham"), is that club each time."""
    signs = {id(c): {_club_sign(sdoc, s, e) for s, e in c.mentions} - {""} for c in clusters
             if c.type in ("place", "organization", "person") and len(_words(c.name)) <= 3}
    if not (_MATCH_SCORE.search(text) or any(signs[k] & {"player", "sport"} for k in signs)):
        return  # no sports story: "Ukraine's defence", "London's fans of opera"
    clubs = {k for k, found in signs.items() if found}
    owner: dict[int, EntityCluster] = {}
    for cluster in clusters:
        if id(cluster) in signs:
            for start, end in cluster.mentions:
                span = sdoc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    owner[span.root.i] = cluster
    surnames = {_words(name)[-1] for c in clusters if c.type == "person"
                for name in (c.name, *c.aliases) if len(_words(name)) > 1}
    for cluster in clusters:
        if cluster.type == "person" and id(cluster) in clubs and len(_words(cluster.name)) == 1 \
                and all(len(_words(a)) == 1 for a in cluster.aliases) and cluster.name not in surnames \
                and not is_given_name(cluster.name) and not is_surname(cluster.name) \
                and not _called_he(sdoc, cluster):
            cluster.type = "organization"  # "Tottenham's defence", which the recogniser calls a person's
            continue
        if cluster.type != "place" or _key(cluster.name) in US_STATES or is_country(cluster.name):
            continue
        paired = False
        for start, end in cluster.mentions:
            span = sdoc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            partners = [root.head] if root.dep_ == "conj" else []
            partners += [c for c in root.children if c.dep_ == "conj"]
            paired = paired or any(p.i in owner and owner[p.i] is not cluster and id(owner[p.i]) in clubs
                                   and owner[p.i].type == "organization" for p in partners)
        if id(cluster) in clubs or paired:
            cluster.type = "organization"


def _plural_verb(sdoc: Any, start: int, end: int) -> bool:
    """Whether the name at ``start``-``end``, singular in form, is the subject of a verb in the
    plural, as British news writes a team or a firm ("Manchester City are interested", "Getafe
    have sacked their coach", "Rayo Vallecano were beaten"): alone, not one of a list, right
    before its verb ("are", "have", "were"), adverbs aside."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span[-1].tag_ != "NNP" or span[-1].lower_.endswith("s") or (
            span.start > 0 and sdoc[span.start - 1].lower_ in (",", "and", "or", "&")):
        return False
    root = span.root
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.i < root.i or any(
            c.dep_ in ("conj", "cc") or (c.dep_ == "compound" and c.i < span.start) for c in root.children):
        return False  # nor one a word before describes ("[Barcelona defender] Ronald Araujo were")
    finite = next((t for t in sdoc[span.end:verb.i + 1] if t.pos_ != "ADV"), None)
    if finite is None or not (finite.i == verb.i
                              or (finite.head.i == verb.i and finite.dep_ in ("aux", "auxpass"))):
        return False  # right after the name, adverbs aside: not "..., Subhannah Wahhaj age 35 were"
    if finite.lower_ == "were":  # not "if Botham Jean were a gun owner", a wish or a condition
        return not any(c.dep_ == "mark" for c in verb.children)
    return finite.tag_ == "VBP" and finite.lemma_.lower() in ("be", "have")  # not "watched her and X perform"


def _bodies_by_agreement(sdoc: Any, clusters: list[EntityCluster]) -> None:
    """A place or a person named by up to three words, no country, US state or name opening with
    a given name, that is once at least the subject of a verb in the plural (``_plural_verb``:
    "Manchester City are also interested") is a team or a firm: an organisation."""
    for cluster in clusters:
        if cluster.type not in ("place", "person") or len(_words(cluster.name)) > 3 \
                or _key(cluster.name) in US_STATES or is_country(cluster.name) \
                or (cluster.type == "person" and is_given_name(_words(cluster.name)[0])):
            continue
        if any(_plural_verb(sdoc, s, e) for s, e in cluster.mentions):
            cluster.type = "organization"


def _called_he(sdoc: Any, cluster: EntityCluster) -> bool:
    """Whether "he" or "she" refers back to a mention of ``cluster`` ("Djokovic's fans ... he")."""
    for start, end in cluster.mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and _pronoun_after(sdoc, span) == "PERSON":
            return True
    return False


def _player(sdoc: Any, label: str, first: int, last: int, persons: Collection[str]) -> bool:
    """Whether a name in a match is a player's: a person's full name, or the surname of one the
    text names in full ("Rafael Nadal ... Nadal beat Federer 6-4")."""
    surname = " " + sdoc[first].lower_
    return label == "PERSON" and (last - first > 1 or any(k.endswith(surname) for k in persons))


def _name_word(token: Any) -> bool:
    """Whether a token is written as a word of a name: capitalised, not in capitals, no article."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper \
        and token.lower_ not in ("the", "a", "an")


def _club_name(written: str) -> bool:
    """Whether ``written`` is a sports club's full name ("Ashford Rovers", "Kelston United",
    "Atletico Madrid")."""
    words = written.split()
    return len(words) > 1 and (words[-1].lower() in _CLUB_WORDS or words[0] in _CLUB_OPENERS)


def _club_of(written: str, clusters: list[EntityCluster]) -> EntityCluster | None:
    """The one club of the text whose name ends with the lone word ``written`` ("Rovers")."""
    if " " in written.strip() or written.lower() not in _CLUB_WORDS:
        return None
    clubs = [c for c in clusters if _club_name(c.name) and c.name.split()[-1] == written]
    return clubs[0] if len(clubs) == 1 else None


#: A transcript's labels that name a part, not a person ("HOST:", "MODERATOR:").
_ROLE_LABELS = frozenset({
    "HOST", "CO-HOST", "MODERATOR", "ANNOUNCER", "CROWD", "REPORTER", "QUESTION", "ANSWER", "NARRATOR",
    "VOICE", "VOICES", "PROTESTER", "PROTESTERS", "INTERVIEWER", "CALLER", "SPEAKER", "UNKNOWN", "BOTH",
    "ALL", "PANELIST", "PANEL", "AUDIENCE", "INTERPRETER", "TRANSLATOR", "OPERATOR", "PRESENTER",
})
#: A line that signs or credits the piece rather than telling it ("©2018 Los Angeles Times",
#: "Article posted with permission from ...").
_SIGNING = re.compile(r"©|\(c\)|copyright\b|posted with permission|republished|distributed by|"
                      r"appeared (?:first |originally )?(?:on|in)\b|originally (?:appeared|published)",
                      re.IGNORECASE)


def line_at(text: str, at: int) -> str:
    """The line of ``text`` that holds the character at ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : len(text) if end < 0 else end]


def _signing_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` signs or credits the piece: a line of a few words (the
    outlet under a byline) or one that says it (``_SIGNING``)."""
    line = line_at(text, at)
    return len(line.split()) <= 4 or _SIGNING.search(line) is not None


_BODY_ENDS = COMPANY_WORDS | _INSTITUTION_WORDS


def _untagged_bodies(sdoc: Any, clusters: list[EntityCluster], text: str | None = None) -> None:
    """Add the mentions of an organisation the entity recogniser left untagged: its name written
    again in full ("Graymoor Foods"), the abbreviation the text defines in brackets after it
    ("The United Nations Children's Fund (UNICEF) ... UNICEF spokeswoman"), and a company's own
    name without the words after it ("Norvale Energy Inc. ... Norvale now expects"), and the last
    word of its name that the recogniser tagged alone ("Aston Villa ... Villa had led ... Villa,
    who had won"; not a word that ends bodies' names in general, "Bank"). A form two
    actors could both have, a given name or a word of another actor's name, is no one's; only
    words written as names (proper nouns, or an abbreviation in capitals, which the tagger may call a
    noun), and only after the body's first mention."""
    text = doc_text(sdoc) if text is None else text
    forms: dict[tuple[str, ...], EntityCluster | None] = {}

    def offer(form: tuple[str, ...], cluster: EntityCluster) -> None:
        forms[form] = cluster if forms.get(form, cluster) is cluster else None

    for cluster in clusters:
        if cluster.type != "organization" or cluster.name.split()[-1].lower() in _LAWS:
            continue  # "the First Amendment", which the recogniser may call an organisation
        for _start, end in cluster.mentions:
            bracket = _BRACKET_ACRONYM.match(text, end)
            if bracket is not None and sum(c.isupper() for c in bracket.group(1)) >= 2:
                offer((bracket.group(1),), cluster)
        for alias in cluster.aliases:
            words = alias.split()
            if len(words) >= 2:
                offer(tuple(words), cluster)
            # "Norvale" of "Norvale Energy", "Activision" of "Activision Blizzard"
            if (len(words) >= 2 and words[0].isalpha() and words[0][:1].isupper() and len(words[0]) > 3
                    and not is_given_name(words[0]) and (_own_name(alias) or (len(words) == 2
                                                                     and not _in_dictionary(words[0].lower())
                                                                     and not is_surname(words[0])))):
                offer((words[0],), cluster)
            if len(words) == 1 and len(cluster.aliases) > 1 and words[0] == cluster.name.split()[-1] \
                    and words[0].isalpha() and words[0][:1].isupper() and len(words[0]) > 3 \
                    and not is_given_name(words[0]) and words[0].lower() not in _BODY_ENDS:
                offer((words[0],), cluster)  # "Aston Villa ... Villa had led ... Villa, who had won"
    for form, cluster in list(forms.items()):
        if cluster is None or (len(form) == 1 and sum(
                any(form[0] in name.split() for name in {c.name, *c.aliases}) for c in clusters) > 1):
            # "United" of "United Airlines" and "United Nations"; not "Stockwell" of the one
            # club named "Stockwell United" and "Stockwell"
            forms.pop(form)
    if not forms:
        return
    spans = sorted(m for c in clusters for m in c.mentions)
    lower_words = {t.text for t in sdoc if t.is_lower}
    longest = max(len(form) for form in forms)
    words = [t.text for t in sdoc]  # looked up before any span is made: most words start no form
    firsts = {form[0] for form in forms}
    i = 0
    while i < len(sdoc):
        if words[i] not in firsts:
            i += 1
            continue
        for size in range(min(longest, len(sdoc) - i), 0, -1):
            cluster = forms.get(tuple(words[i:i + size]))
            if cluster is None or not cluster.mentions:
                continue
            tokens = sdoc[i:i + size]
            if tokens[0].idx < min(cluster.mentions)[0]:
                continue
            if not all(t.text[:1].isupper() or not t.is_alpha for t in tokens) or (
                    size == 1 and tokens[0].pos_ != "PROPN" and not tokens[0].text.isupper()
                    and not (tokens[0].lower_ not in lower_words and (
                        _club_name(cluster.name) or not _in_dictionary(tokens[0].lower_)))):
                # a club's own word the tagger took for an adjective ("Harlow climb to sixth"), a
                # company's for a noun ("Activision chief executive Bobby Kotick")
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if any(s < end and start < e for s, e in spans) or _signing_line(text, start) \
                    or in_page_chrome(text, start):
                continue
            if i + size < len(sdoc) and sdoc[i + size].pos_ == "PROPN" and sdoc[i + size].text[:1].isupper():
                continue  # "Special Counsel Mueller": the start of a longer name
            if i + size + 1 < len(sdoc) and sdoc[i + size].lower_ in ("and", "of", "&") \
                    and sdoc[i + size + 1].text[:1].isupper():
                continue  # "U.S. Immigration [and Nationality Act]": the start of a longer name
            cluster.mentions.append((start, end))
            cluster.labels.append("ORG")
            if tokens.text not in cluster.aliases:
                cluster.aliases.append(tokens.text)
            i += size - 1
            break
        i += 1


def _untagged_short_forms(sdoc: Any, clusters: list[EntityCluster]) -> None:
    """Add the mentions of an organisation's short name that the recogniser leaves untagged
    ("Barcelona won 3-1 ... Barca lead the table by four points"): a capitalised proper noun
    outside any entity that cuts short the first word of one organisation (``_short_form``),
    after its first mention; no given name, surname, dictionary word or country, no word of any
    actor's name, nor the start of a longer name; and a word in capitals outside any entity that
    is the letters of one organisation named before ("the Rapid Support Forces ... The RSF")."""
    firsts: dict[str, list[EntityCluster]] = {}
    for cluster in clusters:
        words = _words(cluster.name)
        if cluster.type == "organization" and cluster.mentions and words and len(words[0]) >= 6:
            firsts.setdefault(_folded(words[0])[:4], []).append(cluster)
    if not len(sdoc) or not any(c.type == "organization" for c in clusters):
        return
    table = _token_table(sdoc)
    candidates = np.flatnonzero((table[:, 1] == PROPN) & (table[:, 2] == 2))  # 2: outside any entity
    named = {_folded(w) for c in clusters for name in (c.name, *c.aliases) for w in _words(name)}
    spans = [m for c in clusters for m in c.mentions]
    for i in candidates if firsts else ():
        token = sdoc[int(i)]
        word = token.text
        owners = firsts.get(_folded(word)[:4], [])
        if not owners or not _name_word(token) or _folded(word) in named:
            continue
        owners = [c for c in owners if _short_form(word, _words(c.name)[0])]
        if len(owners) != 1 or min(owners[0].mentions)[0] > token.idx or is_given_name(word) \
                or is_surname(word) or _in_dictionary(token.lower_) or is_country(word):
            continue
        if token.i + 1 < len(sdoc) and _name_word(sdoc[token.i + 1]) and sdoc[token.i + 1].pos_ == "PROPN":
            continue  # the start of a longer name
        _add_short_mention(owners[0], token, spans)
    # "the Rapid Support Forces ... The RSF denied it": its letters, which the parser may take for
    # a word ("the World Health Organization ... WHO officials urged calm": a pronoun); not in a
    # line in capitals, where "WHO" is the word
    shape = sdoc.to_array([IS_UPPER, IS_ALPHA])
    lettered = np.flatnonzero((table[:, 2] == 2) & (shape[:, 0] == 1) & (shape[:, 1] == 1))
    text = doc_text(sdoc)
    for i in lettered:
        token = sdoc[int(i)]
        if not (token.is_upper and token.is_alpha and 2 <= len(token.text) <= 6) \
                or (token.pos_ != "PROPN" and line_at(text, token.idx).isupper()):
            continue
        owner = _match_acronym(token.text, clusters)
        if owner is not None and min(owner.mentions)[0] < token.idx:
            _add_short_mention(owner, token, spans)


def _add_short_mention(owner: EntityCluster, token: Any, spans: Sequence[tuple[int, int]]) -> None:
    """File the word ``token`` as a mention of the organisation ``owner`` under its own spelling,
    unless it overlaps a mention (``spans``) already filed."""
    start, end = token.idx, token.idx + len(token.text)
    if any(s < end and start < e for s, e in spans):
        return
    owner.mentions.append((start, end))
    owner.labels.append("ORG")
    if token.text not in owner.aliases:
        owner.aliases.append(token.text)


def _match_acronym(written: str, clusters: list[EntityCluster]) -> EntityCluster | None:
    """The organisation an acronym stands for ("WHO", "W.H.O." for the World Health Organization),
    or the acronym an organisation's name makes."""
    bare = written.replace(".", "") if _ACRONYM.fullmatch(written) else written
    for cluster in clusters:
        if cluster.type != "organization" or "PERSON" in cluster.labels or person_shaped(cluster.name):
            continue  # "Rex Tillerson", first read as a body, is no "RT"
        if (bare.isupper() and len(bare) > 1 and _acronym(cluster.name) == bare) or (
                cluster.name.isupper() and _acronym(written) == cluster.name):
            return cluster
    return None


def _is_possessor(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` owns what follows ("Keller's", "the Democrats'")."""
    return text[end:end + 2] in ("'s", "’s") or text[end:end + 1] in ("'", "’")


def cluster_for_span(clusters: list[EntityCluster], start: int, end: int, text: str | None = None
                     ) -> EntityCluster | None:
    """The actor with a mention inside (or overlapping) ``[start, end)``.

    A person is preferred to the bodies named with them ("U.S. Secretary of State John Kerry" is
    John Kerry); else the first mention wins. Given the ``text``, a possessor comes after the
    others, a person or not: "Syria's president Assad" is Assad, "The White House and President
    Trump's lawyers" the White House.
    """
    best: tuple[bool, bool, int, EntityCluster] | None = None
    for cluster in clusters:
        for s, e in cluster.mentions:
            if s < end and start < e:
                owner = text is not None and e < end and _is_possessor(text, e)
                rank = (owner, cluster.type != "person", s)
                if best is None or rank < best[:3]:
                    best = (*rank, cluster)
    return None if best is None else best[3]


def _within(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``at`` lies in one of the sorted, non-overlapping ``spans``."""
    i = bisect_right(spans, (at, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def resolve_reference(sdoc: Any, head: Any, clusters: list[EntityCluster],
                      skip: Sequence[tuple[int, int]] = (),
                      earlier: Sequence[tuple[EntityCluster, int, int]] = ()) -> EntityCluster | None:
    """The actor a pronoun, a title ("he", "the senator") or "the defendant" most likely refers to.

    A pronoun: an actor mentioned before ``head`` within the three preceding sentences (the
    latest sentence first, in it a subject before other mentions, then the nearest), of a
    fitting kind: a person for he/she (not one the text shows to be of the other gender,
    ``_person_facts``), a body for its (unless its clause names the owner: ``_its_owner``), a
    body or a group for they. A title: the nearest person mentioned before it whom the text
    gives that title, however far back (``_titled``). A title with an indefinite article ("a
    spokesperson") names someone new and refers to no one, nor does one with a possessive
    pronoun ("his lawyer": the quotes stage says whom he speaks for). "The defendant", "the
    accused" and "the suspect": the one person the text names as such before (``accused_person``).
    Mentions inside the character ranges ``skip`` (sorted; the quotations, for a speaker: in
    “... the Trump campaign ...,” he said, "he" is not Trump) are passed over. ``earlier``: the
    pronouns before ``head`` already resolved (actor, start, end), which count for "he" and "she"
    as mentions of their actor: in "She played a part in the torture of detainee Abu Zubaydah.
    Later, she ...", the subject "She" of the sentence before is the one "she" refers to.
    """
    word = head.lower_
    if word in _ACCUSED_NOUNS:
        return accused_person(sdoc, head, clusters, skip) if is_accused_reference(head) else None
    if word in TITLE_WORDS and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
        return None  # "a spokesperson", "another official": someone not named before
    if word in TITLE_WORDS:
        if any(c.dep_ == "poss" and (c.pos_ == "PRON" or c.lower_ == "whose") for c in head.children):
            return None  # "his lawyer": whose lawyer is the question, not which lawyer was named
        if office_of_something(head):
            return None  # "the president of the local mosque": not the president the text named
        return _titled(sdoc, head, clusters, skip)
    kinds: Collection[str]
    if word in _PERSON_PRONOUNS:
        kinds = {"person"}  # and not one the text shows to be of the other gender (fits_pronoun)
        unnamed = _unnamed_reporter(head, clusters)
        if unnamed is not None:
            # "Her husband said he would ...": he is the husband, whom the text does not name
            titled = unnamed.lower_ in TITLE_WORDS or unnamed.lower_ in _ACCUSED_NOUNS
            holder = resolve_reference(sdoc, unnamed, clusters, skip) if titled else None
            return holder if holder is not None and fits_pronoun(sdoc, clusters, holder, word) else None
    elif word in _GROUP_PRONOUNS:
        # a body or a group: one named person is "he" or "she", and a city rarely "they"
        kinds = _THEY_KINDS
        if _they_by_clause(head):
            decided, owner = _its_owner(head, clusters, kinds)
            if decided:
                return owner
    elif word == "its":  # "its spokesman": a body, not a person
        kinds = _ITS_KINDS
        decided, owner = _its_owner(head, clusters, kinds)
        if decided:
            return owner
    else:
        return None
    starts = sentence_starts(sdoc)
    sent_starts = starts[: bisect_right(starts, head.idx)]
    window = sent_starts[-4] if len(sent_starts) >= 4 else 0
    # not one the text shows to be of the other gender (as fits_pronoun, looked up once)
    genders = _person_facts(sdoc, clusters)[1] if word in _PERSON_PRONOUNS else {}
    other = _other_gender(word)
    best: tuple[tuple[int, int, int], EntityCluster] | None = None
    also: dict[int, list[tuple[int, int]]] = {}
    called_other: set[int] = set()  # the actors an earlier "he" names are no "she", and so on
    text = doc_text(sdoc)  # sdoc.text joins every token again on each read
    for cluster, s, e in earlier if word in _PERSON_PRONOUNS else ():
        also.setdefault(id(cluster), []).append((s, e))
        said = text[s:e].lower()
        if said in _PERSON_PRONOUNS and _other_gender(said) != other:
            called_other.add(id(cluster))
    for cluster in clusters:
        if cluster.type not in kinds or (genders and genders.get(id(cluster)) == other) \
                or id(cluster) in called_other:
            continue
        for s, e in (*cluster.mentions, *also.get(id(cluster), ())):
            if window <= s < head.idx and not _within(s, skip):
                # the latest sentence first; in it, a subject before the rest ("he denied it, and
                # Monahan pressed her case about Ellison. She ...": Monahan), the subject of a
                # sentence before one of a clause it reports, in a sentence before ("Arkwright told
                # the court that Pellow had lied. 'It is clear,' she said": Arkwright), then the nearest
                back = len(sent_starts) - bisect_right(sent_starts, s)
                rank = (back, _subject_rank(sdoc, s, e, back > 0), -s)
                if best is None or rank < best[0]:
                    best = (rank, cluster)
    return None if best is None else best[1]


#: Nouns for the person a story names as charged or arrested ("the defendant told the court").
_ACCUSED_NOUNS = frozenset({"defendant", "accused", "suspect"})
#: Verbs whose passive subject or object is someone a story goes on to call "the defendant" or
#: "the suspect" ("Tom Reyes was charged with ...", "police arrested Ann Cole"). Not "accuse":
#: "critics accused the mayor of hypocrisy" makes no defendant.
_ACCUSING_VERBS = frozenset({
    "charge", "arrest", "indict", "detain", "convict", "sentence", "prosecute", "extradite", "jail",
    "imprison", "apprehend", "suspect", "arraign", "remand",
})
#: Relations in which "the defendant" is a noun phrase of its own, not a modifier ("the accused man").
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "dative"})


def is_accused_reference(token: Any) -> bool:
    """Whether ``token`` is "the defendant", "the accused" or "the suspect" as a noun phrase of
    its own (spaCy may tag "the accused" a verb); not "a suspect" or "the accused man"."""
    return (token.lower_ in _ACCUSED_NOUNS and token.dep_ in _NOMINAL_DEPS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children))


def _accusations(sdoc: Any, clusters: list[EntityCluster]) -> list[tuple[int, EntityCluster]]:
    """Where the text names a person as charged, arrested or suspected (character offset of the
    evidence, person), computed once per set of clusters: the passive subject or the object of
    an accusing verb (``_ACCUSING_VERBS``: "Reyes was charged", "police arrested Ann Cole", "Cole,
    who was later charged", "Reyes, charged with arson,"), the subject of "plead" ("Reyes pleaded
    not guilty") and a name that "suspect" or "defendant" describes ("suspect Maria Lind",
    "Maria Lind, the suspect,")."""
    cache = sdoc.user_data.setdefault("unspin_accusations", {})
    key = tuple(id(c) for c in clusters)
    if key in cache:
        return cache[key]
    by_id = {id(c): c for c in clusters}
    owner = _person_tokens(sdoc, clusters)
    found: list[tuple[int, EntityCluster]] = []

    def named(token: Any) -> int | None:
        if token.lower_ in ("who", "that") and token.head.dep_ == "relcl":
            token = token.head.head  # "Ann Cole, who was charged"
        return owner.get(token.i)

    for token in sdoc:
        lemma = token.lemma_.lower()
        person: int | None = None
        if token.pos_ in ("VERB", "AUX") and lemma in _ACCUSING_VERBS:
            passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            target = next((c for c in token.children if c.dep_ == "dobj"), None)
            if passive is not None:
                person = named(passive)
            elif target is not None:
                person = named(target)
            elif token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"):
                person = owner.get(token.head.i)  # "Tom Reyes, charged with arson,"
        elif token.pos_ == "VERB" and lemma == "plead":
            person = next((owner[c.i] for c in token.children if c.dep_ == "nsubj" and c.i in owner), None)
        elif token.lower_ in ("suspect", "defendant") and token.pos_ == "NOUN":
            if token.dep_ in ("compound", "appos") and token.head.i in owner:
                person = owner[token.head.i]  # "suspect Maria Lind", "Maria Lind, the suspect"
            else:
                person = next((owner[c.i] for c in token.children
                               if c.dep_ == "appos" and c.i in owner), None)
        if person is not None:
            found.append((token.idx, by_id[person]))
    cache[key] = found
    return found


def accused_person(sdoc: Any, head: Any, clusters: list[EntityCluster],
                   skip: Sequence[tuple[int, int]] = ()) -> EntityCluster | None:
    """The person "the defendant" (or "the accused", "the suspect") at ``head`` refers to: the one
    person the text has named as charged, arrested or suspected before it (``_accusations``),
    outside the ranges ``skip``, else, of several, the one so named in its sentence or the one
    before ("Police arrested Maria Lind on Friday. The suspect was released"); None where the
    text has named none, or several that close."""
    found = [(at, c) for at, c in _accusations(sdoc, clusters) if at < head.idx and not _within(at, skip)]
    people = {id(c): c for _, c in found}
    if len(people) > 1:
        starts = sentence_starts(sdoc)
        before = starts[: bisect_right(starts, head.idx)]
        window = before[-2] if len(before) >= 2 else 0
        people = {id(c): c for at, c in found if at >= window}
    return next(iter(people.values())) if len(people) == 1 else None


#: Nouns for a person the text may leave unnamed ("her husband", "a local man").
_PERSON_NOUNS = frozenset({
    "resident", "witness", "neighbour", "neighbor", "friend", "colleague", "victim", "suspect", "passenger",
    "driver", "worker", "student", "teacher", "nurse", "patient", "farmer", "owner", "customer", "voter",
    "fan", "player",
})


def _unnamed_reporter(head: Any, clusters: list[EntityCluster]) -> Any | None:
    """The subject of the verb an "he" or "she" reports for, when it is a person the text gives
    by a common noun ("Her husband said he would ...", "The mayor said she ..."), or None. That
    subject is whom the pronoun means, not the last person named. Only a pronoun that is the
    subject of its clause or owns its verb's subject or object ("the officer fired her weapon"):
    in "the officer admitted killing him" and "a report about his abuse" he is someone else."""
    if head.dep_ == "poss":
        if head.head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return None
    elif head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    token = head
    for _ in range(_ITS_REACH):
        if token.head.i == token.i:
            return None
        below, token = token, token.head
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != below.i),
                       None)
        if subject is None:
            continue
        noun = subject.lemma_.lower()
        person = is_accused_reference(subject) or (subject.pos_ == "NOUN" and (
            subject.lower_ in TITLE_WORDS or noun in _PERSON_NOUNS or noun in _KIN))
        if not person or cluster_for_span(clusters, subject.idx, subject.idx + len(subject.text)) is not None:
            return None
        return subject
    return None


#: The kinds of actor "they" may stand for: a body or a group, not a person or a city.
_THEY_KINDS = frozenset({"organization", "country", "group"})


def _they_by_clause(head: Any) -> bool:
    """Whether a "they" or "their" is placed so that its clause says whose it is: the subject of
    its clause ("The union said they would strike"), or the owner of that clause's subject
    ("Democrats argued their plan would ..."); not an object ("... ignored them"), which is
    someone else, as is the owner of an object ("police raided their compound")."""
    if head.lower_ == "their":  # not an object's owner: "police raided their compound"
        return head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass")
    return head.lower_ == "they" and head.dep_ in ("nsubj", "nsubjpass")


#: How far up the parse ``_its_owner`` looks for the clause or the noun that owns an "its".
_ITS_REACH = 6


def _its_owner(head: Any, clusters: list[EntityCluster], kinds: Collection[str]
               ) -> tuple[bool, EntityCluster | None]:
    """Whom the clause around an "its" gives it to, before any nearest-name guess.

    Going up the parse from the pronoun: a possessor on the way owns it ("Iran's promise to curb
    its programs": Iran); else the subject of the first verb that has one ("North Korea will
    halt its tests": North Korea; "Iran was forced to convert its assets": Iran, the subject of
    the verb the clause hangs on). Returns ``(True, actor)`` when that owner is an actor of a
    fitting kind, ``(True, None)`` when it is something the text does not name as one ("the
    monastery may not form its own novices", "the left reared its head"), and ``(False, None)``
    when the parse says nothing (no subject, or a pronoun as subject).
    """
    token = head.head if head.dep_ == "poss" else head
    for _ in range(_ITS_REACH):
        if token.head.i == token.i:
            break
        below, token = token, token.head
        if token.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in token.children if c.dep_ == "poss" and c.i != head.i), None)
            if owner is not None:
                return _owner_of(owner, clusters, kinds)
        if token.pos_ in ("VERB", "AUX"):
            # not the phrase "its" is in ("its repairs end"): that one's owner is the question
            subject = next((c for c in token.children
                            if c.dep_ in ("nsubj", "nsubjpass") and c.i != below.i), None)
            if subject is not None:
                return _owner_of(subject, clusters, kinds)
    return False, None


def _owner_of(token: Any, clusters: list[EntityCluster], kinds: Collection[str]
              ) -> tuple[bool, EntityCluster | None]:
    """``_its_owner``'s answer for the owner ``token``: the actor of a fitting kind whose mention
    holds it, nobody for another actor or a common noun ("the monastery"), undecided for a
    pronoun or anything else."""
    if token.pos_ == "PRON":
        return False, None
    named = cluster_for_span(clusters, token.idx, token.idx + len(token))
    if named is not None:
        return True, named if named.type in kinds else None
    if token.pos_ == "NOUN" and token.tag_ == "NN" and token.lower_ not in TITLE_WORDS:
        return True, None
    if token.tag_ in ("NNS", "NNPS") and kinds == _THEY_KINDS and token.lower_ not in TITLE_WORDS:
        return True, None  # "People can ... because they know": they are the people, no actor
    return False, None


def references(sdoc: Any, clusters: list[EntityCluster], skip: Sequence[tuple[int, int]] = ()
               ) -> list[tuple[EntityCluster, int, int]]:
    """The places the text refers to an actor without naming it: "he", "her", "his", "its" and a
    title with "the" ("the mayor", "the former senator"), each with the actor ``resolve_reference``
    gives it (the character span of the pronoun, or of the title's phrase). References that
    resolve to nobody are left out, and so are those inside ``skip`` (sorted character ranges:
    the direct quotations, where "he" is the speaker's to resolve). A title that is part of a
    name ("Mayor Diane Keller") is no reference.
    """
    named = mention_tokens(sdoc, [(c, s, e) for c in clusters for s, e in c.mentions])
    out: list[tuple[EntityCluster, int, int]] = []
    for token in sdoc:
        word = token.lower_
        if word in _PERSON_PRONOUNS or word == "its" or (word in _GROUP_PRONOUNS and _they_by_clause(token)):
            if token.pos_ != "PRON":
                continue
            start = token.idx
        elif word in _ACCUSED_NOUNS and is_accused_reference(token):
            start = token.left_edge.idx  # "the 41-year-old defendant"
        elif word in TITLE_WORDS and token.pos_ == "NOUN" and token.dep_ != "compound":
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
                continue
            if any(i in named for i in range(token.left_edge.i, token.i)):
                continue  # "the Trump campaign's chairman": whose office the phrase says itself
            start = token.left_edge.idx
        else:
            continue
        if token.i in named or _within(token.idx, skip):
            continue
        end = token.idx + len(token)
        named_beside = next((named[c.i] for c in token.children if c.dep_ == "appos" and c.i in named), None)
        if word == "its":  # only where the clause says whose: the nearest body is too often wrong
            cluster = _its_owner(token, clusters, _ITS_KINDS)[1]
        elif word in _GROUP_PRONOUNS:  # the same for "they" and "their"
            cluster = _its_owner(token, clusters, _THEY_KINDS)[1]
        elif named_beside is not None:
            cluster = named_beside  # "The jury president, Nguyen Minh Khai, said": the name beside it
        else:
            near = start - _CHAIN_REACH
            earlier = [ref for ref in out if ref[1] >= near] if word in _PERSON_PRONOUNS else ()
            cluster = resolve_reference(sdoc, token, clusters, skip, earlier)
        if cluster is not None:
            out.append((cluster, start, end))
    return out


#: How far back (in characters) the pronouns already resolved are read as mentions for "he" and
#: "she": the window of ``resolve_reference`` is three sentences.
_CHAIN_REACH = 2000


def mention_tokens(sdoc: Any, mentions: Sequence[tuple[EntityCluster, int, int]]
                   ) -> dict[int, EntityCluster]:
    """Token index -> the actor of the first of ``mentions`` (actor, start, end) that covers it."""
    owner: dict[int, EntityCluster] = {}
    for cluster, start, end in mentions:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        for token in span if span is not None else ():
            owner.setdefault(token.i, cluster)
    return owner


def sentence_starts(sdoc: Any) -> list[int]:
    """The first character of each sentence, in order (computed once per document)."""
    starts = sdoc.user_data.get("unspin_sentence_starts")
    if starts is None:
        starts = sdoc.user_data["unspin_sentence_starts"] = [s.start_char for s in sdoc.sents]
    return starts


def office_of_something(head: Any) -> bool:
    """Whether a title says whose office it is by a common noun after it ("the president of the
    local mosque", "the head of a charity"), so that it is nobody the text named with that title;
    "the president of the United States" names a state and may still be."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_ and g.lower_ not in _DEPARTMENTS
        for g in c.children) for c in head.children)


#: Prepositions by which a noun names who stands behind it ("a report by Amnesty", "a letter from
#: the council", "the head of the agency"); a name behind any other ("the guest next to Paddock",
#: "tapes on the night of the Las Vegas shooting", "a judge in Michigan") is not the speaker.
_OWNING_PREPS = frozenset({"by", "from", "of"})
#: ... and by which a body names where one works or writes ("scientists at NASA", "a report in
#: BuzzFeed News"), or whom an agent acts for ("a spokesman for Kiko", "aides to Mr. Trump").
_BODY_PREPS = frozenset({"at", "in", "within", "with"})
_AGENT_PREPS = frozenset({"for", "to"})
_AGENT_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "counsel",
                          "aide", "adviser", "advisor", "representative", "agent", "envoy", "assistant",
                          "staffer", "surrogate", "ally"})
#: Who speaks for a country they are "in" ("officials in Nigeria", "health authorities in Congo").
_STATE_VOICES = frozenset({"official", "authority", "leader", "lawmaker", "diplomat", "minister",
                           "regulator", "prosecutor", "politician", "government"})


#: Bodies a country or town has that speak for themselves, not for it ("Britain's largest union").
_OWN_BODIES = frozenset({
    "union", "company", "firm", "bank", "airline", "carrier", "newspaper", "paper", "broadcaster",
    "club", "team", "charity", "university", "hospital", "school", "church", "retailer", "insurer",
    "lender", "manufacturer", "carmaker", "producer", "association", "network"})


def _place_of_body(sdoc: Any, start: int, end: int) -> bool:
    """Whether the place mentioned at ``[start, end)`` only says where a body is ("the London
    club", "Ohio's largest hospital")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in ("compound", "poss", "amod", "nmod") and root.head.lemma_.lower() in _OWN_BODIES


#: Bodies a nationality adjective only describes ("the Italian civil protection department").
_DESCRIBED_BODIES = _OWN_BODIES | {"department", "ministry", "agency", "office", "service", "authority",
                                   "institute", "regulator", "watchdog", "body", "commission", "council",
                                   "court", "company", "group", "organisation", "organization"}


def _only_adjectives(sdoc: Any, head: Any, cluster: EntityCluster, start: int, end: int) -> bool:
    """Whether every mention of ``cluster`` inside the span is an adjective before ``head`` or
    before a noun compounded with it ("the [Italian] civil protection department")."""
    found = False
    for s, e in cluster.mentions:
        if not (s < end and start < e):
            continue
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        token = span[0]
        target = token.head
        while target.dep_ == "compound" and target.i != head.i and target.head.i != target.i:
            target = target.head
        if token.dep_ != "amod" or target.i != head.i or token.i > head.i:
            return False
        found = True
    return found


def in_modifier(sdoc: Any, head: Any, cluster: EntityCluster, start: int, end: int) -> bool:
    """Whether the actor's mentions in a common-noun speaker's span all lie in a phrase that only
    describes the speaker (a relative clause, a place or time, "the guest [next to Paddock]"),
    not in its name (an apposition: "the committee's chairman, Devin Nunes"), its owner or its
    author ("a report released by the police")."""
    if cluster.type == "group" and head.lower_ in _DESCRIBED_BODIES and _only_adjectives(
            sdoc, head, cluster, start, end):
        return True  # "the Italian civil protection department" (its noun tagged a name or not), "the
        # Swiss company": a nationality describes the body, whose people the group's name is not
    if head.pos_ != "NOUN" or (cluster.type == "person" and head.lower_ in TITLE_WORDS):
        return False  # a person in a title's phrase holds it: "U.S. ambassador to the UN Nikki Haley"
    if cluster.type in ("country", "place") and (head.lemma_.lower() in _OWN_BODIES or any(
            _place_of_body(sdoc, s, e) for s, e in cluster.mentions if s < end and start < e)):
        return True  # "Britain's largest rail union", "a spokesperson for the London club"
    near = set(_OWNING_PREPS)  # what a preposition hanging on the speaker's noun itself may own
    if cluster.type == "organization":
        near |= _BODY_PREPS
    if head.lemma_.lower() in _AGENT_NOUNS:
        near |= _AGENT_PREPS
    if cluster.type == "country" and head.lemma_.lower() in _STATE_VOICES:
        near.add("in")
    for s, e in cluster.mentions:
        if not (s < end and start < e):
            continue
        span = sdoc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token, inside = span.root, False
        while token.i != head.i and token.head.i != token.i:
            if token.dep_ == "agent":
                inside = False  # "... released by the LVMPD": whoever released it wrote it
                break
            owning = near if token.head.i == head.i else _OWNING_PREPS
            naming = token.dep_ == "acl" and token.lemma_.lower() in ("name", "call", "dub")
            if (token.dep_ in ("relcl", "acl", "advcl") and not naming) or (
                    token.dep_ == "prep" and token.lower_ not in owning):
                inside = True  # not "a woman named Amy Ruiz": that is her name
            token = token.head
        if token.i != head.i or not inside:  # not under the speaker's noun, or part of its name
            return False
    return True


#: Clauses a sentence reports or sets beside its own, whose subject is not the sentence's.
_REPORTED_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp"})


def _subject_rank(sdoc: Any, start: int, end: int, before: bool) -> int:
    """0 for the subject of its clause (with ``before``, only of its sentence's main clause), 1
    for the subject of a clause the sentence reports (with ``before``), 2 for any other mention."""
    if not _is_subject(sdoc, start, end):
        return 2
    if not before:
        return 0
    root = _mention_root(sdoc, start, end)
    verb = root.head if root is not None else None
    while verb is not None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "Cole arrived and said": as the first verb
    return int(verb is not None and verb.dep_ in _REPORTED_CLAUSES)


def _is_subject(sdoc: Any, start: int, end: int) -> bool:
    """Whether the mention at these characters is the subject of its clause (also a name that the
    parser hangs on the letters after it: "[Helen Arkwright] KC told the court")."""
    root = _mention_root(sdoc, start, end)
    return root is not None and root.dep_ in ("nsubj", "nsubjpass")


def _mention_root(sdoc: Any, start: int, end: int) -> Any | None:
    """The head token of the mention at these characters, or of the post-nominal letters right
    after it that the parser made its head ("Helen Arkwright KC"); None where there is none."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end and root.head.text in _POST_NOMINALS:
        return root.head
    return root


def fits_pronoun(sdoc: Any, clusters: list[EntityCluster], cluster: EntityCluster, pronoun: str) -> bool:
    """Whether "he" or "she" (him, his, her) may refer to this person: not one the text shows to
    be of the other gender (``_person_facts``: "Mr. Reyes", "Tom Reyes, a spokesman" is no "she")."""
    return (cluster.type == "person"
            and _person_facts(sdoc, clusters)[1].get(id(cluster)) != _other_gender(pronoun.lower()))


def _other_gender(pronoun: str) -> str:
    """The gender a person must not be shown to have to be "he" or "she" (lower case)."""
    return "m" if pronoun in ("she", "her") else "f"


#: Title words a later reference writes otherwise ("Sen. Ann Cole" ... "the senator").
_TITLE_FORMS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "congressman": "representative",
    "congresswoman": "representative", "dr": "doctor", "gen": "general", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "chairman": "chair", "chairwoman": "chair", "advisor": "adviser",
    "businesswoman": "businessman", "vice-president": "president", "attorney": "lawyer",
}
#: How a title word attaches to the name it gives a title to ("Sheriff Joe Lombardo", "Mayor of
#: Leeds Ann Cole" seen from "Mayor"), walking from the title word up to the name.
_TITLE_LINKS = frozenset({"compound", "amod", "nmod", "appos", "npadvmod", "poss", "prep", "pobj"})


#: Words that make a title another office: a deputy secretary is not the secretary.
_RANKS = frozenset({"deputy", "under", "assistant", "associate", "vice", "lieutenant", "lt."})


#: Nouns before a title that say where, not which office ("U.S. District Judge", "the state senator").
_NOT_PORTFOLIOS = frozenset({"district", "state", "county", "city", "town", "country", "region", "province"})
#: Adjectives that say which office a title is ("the prime minister", "the foreign secretary");
#: others say how or when ("the flustered former president", "the federal judge").
_PORTFOLIO_ADJECTIVES = frozenset({
    "prime", "foreign", "home", "interior", "environmental", "economic", "financial", "military", "legal",
    "medical", "commercial", "cultural", "digital", "industrial", "agricultural", "educational",
    "judicial", "parliamentary", "executive", "political", "public",
})


_PLACE_OR_PEOPLE = frozenset({"GPE", "NORP", "PERSON", "LOC"})


def _title_form(token: Any, portfolio: bool = True) -> str:
    """A title word as a later reference writes it, with the rank before it ("deputy secretary")
    and, unless ``portfolio`` is False, the word that says which office ("prime minister",
    "health minister", "foreign secretary"; not a place or a people: "the Texas senator")."""
    word = token.lower_.rstrip(".")
    form = _TITLE_FORMS.get(word, word)
    if portfolio:
        which = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.is_alpha
                 and (t.pos_ in ("NOUN", "PROPN") or t.lower_ in _PORTFOLIO_ADJECTIVES)
                 and t.ent_type_ not in _PLACE_OR_PEOPLE
                 and t.lower_ not in _RANKS | _NOT_PORTFOLIOS | TITLE_WORDS]
        if which:
            form = f"{which[-1].lower_} {form}"
    rank = next((t.lower_ for t in token.lefts if t.lower_ in _RANKS), None)
    if rank is None and token.i > 0 and token.doc[token.i - 1].lower_ in _RANKS:
        rank = token.doc[token.i - 1].lower_  # "Under Secretary Steve Goldstein": a compound of the name
    return form if rank is None else f"{rank} {form}"


#: Words that tell a person's gender when the text sets them beside the name or before it.
_FEMININE = frozenset({
    "mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "spokeswoman", "congresswoman",
    "chairwoman", "businesswoman", "actress", "wife", "mother", "daughter", "sister", "grandmother",
    "widow", "woman", "girl", "aunt", "niece", "mom",
})
_MASCULINE = frozenset({
    "mr", "sir", "lord", "king", "prince", "duke", "spokesman", "congressman", "businessman", "actor",
    "husband", "father", "son", "brother", "grandfather", "widower", "man", "boy", "uncle", "nephew",
    "dad",
})


#: Words of kinship, evidence only right before the name ("his wife Melania").
_KIN = frozenset({"wife", "mother", "daughter", "sister", "grandmother", "widow", "aunt", "niece", "mom",
                  "husband", "father", "son", "brother", "grandfather", "widower", "uncle", "nephew", "dad",
                  "woman", "girl", "man", "boy"})


def _person_tokens(sdoc: Any, clusters: list[EntityCluster]) -> dict[int, int]:
    """Token index -> ``id`` of the person cluster whose mention holds it."""
    owner: dict[int, int] = {}
    for cluster in clusters:
        if cluster.type == "person":
            for s, e in cluster.mentions:
                span = sdoc.char_span(s, e, alignment_mode="expand")
                for token in span if span is not None else ():
                    owner[token.i] = id(cluster)
    return owner


def _described(token: Any, owner: dict[int, int]) -> int | None:
    """The person a describing word is about: in the name's phrase ("Clark County Sheriff Joe
    Lombardo", "Trump's lawyer Rudy Giuliani"), set beside it ("Joe Lombardo, the sheriff,", "the
    sheriff, Joe Lombardo") or predicated of it ("Lombardo is the sheriff")."""
    found = owner.get(token.i)
    step, at = 0, token
    while found is None and step < 4 and at.dep_ in _TITLE_LINKS and at.head.i != at.i:
        at, step = at.head, step + 1
        found = owner.get(at.i)
    if found is None and token.is_title:  # "Secretary of State Hillary Clinton": the name below
        found = next((owner[t.i] for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for t in p.children if t.dep_ == "pobj" and t.i in owner), None)
    if found is None and token.is_title:  # "Deputy Secretary John Sullivan", however parsed
        at = token.i + 1
        while at < min(len(token.doc), token.i + 4) and at not in owner and token.doc[at].is_title:
            at += 1
        found = owner.get(at)
    if found is None:  # "the sheriff, Joe Lombardo": the name set beside the title
        found = next((owner[c.i] for c in token.children if c.dep_ == "appos" and c.i in owner), None)
    if found is None and token.dep_ == "attr":  # "Lombardo is the sheriff"
        found = next((owner[c.i] for c in token.head.children if c.dep_ == "nsubj" and c.i in owner), None)
    return found


def _person_facts(sdoc: Any, clusters: list[EntityCluster]) -> tuple[dict[int, set[str]], dict[int, str]]:
    """What the text says of each person (by ``id`` of its cluster), computed once per document:
    the titles it gives them (``_described``), and their gender where the text shows it one way
    only ("f" or "m") by an honorific or a word set right before or beside the name ("Ms. Cole",
    "his wife Melania", "Ann Cole, a spokeswoman for ..."). Pronouns are no evidence: in "Paul
    said she will be confirmed", she is someone else."""
    cache = sdoc.user_data.setdefault("unspin_person_facts", {})
    key = tuple(id(c) for c in clusters)
    if cache.get("key") == key:
        return cache["facts"]
    owner = _person_tokens(sdoc, clusters)
    titles: dict[int, set[str]] = {}
    votes: dict[int, Counter[str]] = {}
    for token in sdoc:
        word = token.lower_.rstrip(".")
        if token.lower_ in TITLE_WORDS or word in _TITLE_FORMS:
            found = _described(token, owner)
            if found is not None:
                # "the prime minister" is she; "the minister" may be either minister
                titles.setdefault(found, set()).update((_title_form(token), _title_form(token, False)))
        gender = "f" if word in _FEMININE else "m" if word in _MASCULINE else None
        if gender is None:
            continue
        if token.pos_ == "PRON":
            continue  # a pronoun may be anyone's: "Paul said she will be confirmed"
        if token.i in owner:
            found = owner[token.i]  # "Mrs. Cole" as the entity recogniser wrote the name
        elif token.i + 1 in owner:
            found = owner[token.i + 1]  # "Ms. Cole", "Sir Keir Starmer", "his wife Melania"
        elif word in _KIN:
            continue  # "Ellison and his ex-wife, Kim Ellison": set beside the wrong name too often
        elif token.dep_ == "appos" and token.head.i in owner:
            found = owner[token.head.i]  # "Ann Cole, a spokeswoman for ..."
        else:  # "the spokeswoman, Ann Cole"
            found = next((owner[c.i] for c in token.children if c.dep_ == "appos" and c.i in owner), None)
        if found is not None:
            votes.setdefault(found, Counter())[gender] += 1
    genders = {person: ("f" if count["f"] > count["m"] else "m") for person, count in votes.items()
               if count["f"] != count["m"]}
    for cluster in clusters:  # else the given name, where most who bear it are of one gender
        if cluster.type == "person" and id(cluster) not in genders:
            guess = given_name_gender(cluster.name)
            if guess is not None:
                genders[id(cluster)] = guess
    cache.update(key=key, facts=(titles, genders))
    return titles, genders


#: Offices a story may name its holder by without giving the title first ("Ann Cole spoke after
#: the vote. The mayor added: ..."); other titles ("the lawyer", "the official", "the judge")
#: are as often someone else than the person just named (the client, the suspect).
_OFFICES = frozenset({
    "president", "senator", "governor", "minister", "secretary", "representative", "mayor",
    "ambassador", "king", "queen", "prince", "premier", "chancellor", "pope", "candidate", "nominee",
    "ceo", "chair", "leader",
})


def office_holder(sdoc: Any, head: Any, clusters: list[EntityCluster], adjective: str | None = None
                  ) -> EntityCluster | None:
    """The one person the text gives the office ``head`` names ("the South Carolina senator"
    after "Sen. Lindsey Graham"), or None when it is no office (``_OFFICES``) or the text gives
    it to nobody or to several (then the place before the title may be what tells them apart).
    With an ``adjective`` ("the Brazilian president"), only a person the text introduced with it
    ("Brazilian President Luiz Lula") holds the office: "President Biden" is no Brazilian one."""
    form = _title_form(head)
    if _title_form(head, False) not in _OFFICES:
        return None
    titles, _ = _person_facts(sdoc, clusters)
    holders = [c for c in clusters if c.type == "person" and form in titles.get(id(c), set())]
    if len(holders) != 1:
        return None
    if adjective is not None and not any(
            adjective.lower() in doc_text(sdoc)[max(0, start - 60):start].lower().split()
            for start, _ in holders[0].mentions):
        return None
    return holders[0]


def _titled(sdoc: Any, head: Any, clusters: list[EntityCluster],
            skip: Sequence[tuple[int, int]]) -> EntityCluster | None:
    """The person a title ("the sheriff", "the Attorney General") refers to: the nearest one
    mentioned before it whom the text gives that title. When the text gives nobody that title,
    an office ("the mayor") is the person named last, as a subject in the sentence before
    (``_subject_before``), if the text gives them no other title; any other title refers to no
    one: the person just named is as likely the suspect as the sheriff."""
    form = _title_form(head)
    titles, _ = _person_facts(sdoc, clusters)
    best: tuple[int, EntityCluster] | None = None
    last: tuple[int, EntityCluster] | None = None
    sent_starts = [sent.start_char for sent in sdoc.sents if sent.start_char <= head.idx]
    window = sent_starts[-2] if len(sent_starts) >= 2 else 0
    for cluster in clusters:
        given = titles.get(id(cluster), set())
        for s, _ in cluster.mentions:
            if s >= head.idx or _within(s, skip):
                continue
            if form in given and (best is None or s > best[0]):
                best = (s, cluster)
            if cluster.type == "person" and s >= window and (last is None or s > last[0]):
                last = (s, cluster)
    if best is not None:
        return best[1]
    if _in_headline(sdoc, head):
        # a headline names the office before the story names its holder ("Mayor defends bike
        # lane plan" above "Mayor Helen Brandt defended ...")
        after = [(s, c) for c in clusters if form in titles.get(id(c), set())
                 for s, _ in c.mentions if s > head.idx]
        if after:
            return min(after, key=lambda found: found[0])[1]
    if (last is not None and _title_form(head, False) in _OFFICES and not titles.get(id(last[1]))
            and _subject_before(sdoc, last[0], head.idx) and not _unnamed_title_between(sdoc, last[0], head)):
        return last[1]
    return None


def _unnamed_title_between(sdoc: Any, at: int, head: Any) -> bool:
    """Whether the text names an office holder it leaves unnamed between the person met at
    ``at`` and the title ``head`` ("Rebecca Shaw has written to the business secretary ... The
    minister has not responded": the minister is the secretary, not Shaw)."""
    i = head.i - 1
    while i >= 0 and sdoc[i].idx > at:
        t = sdoc[i]
        if (t.pos_ == "NOUN" and t.lower_ in TITLE_WORDS and t.ent_type_ == ""
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)):
            return True
        i -= 1
    return False


def _in_headline(sdoc: Any, head: Any) -> bool:
    """Whether ``head`` lies in the text's first line and that line reads as a headline: short,
    without a full stop at its end (cached on the doc: spaCy rebuilds its text on each access)."""
    first = sdoc.user_data.get("unspin_first_line")
    if first is None:
        text = doc_text(sdoc)
        line = text.split("\n", 1)[0]
        first = len(line) if len(line.split()) <= 20 and not line.rstrip().endswith(".") else 0
        sdoc.user_data["unspin_first_line"] = first
    return head.idx < first


def _subject_before(sdoc: Any, at: int, title_at: int) -> bool:
    """Whether the person named at ``at`` is a clause's subject in the sentence before the title's
    ("... for Clinton to use it? The former secretary of state ..."), the only place from which the
    office reads as theirs; a person named in the title's own sentence or as an owner ("over
    Wilson's efforts, the president tweeted") is someone else."""
    name = sdoc.char_span(at, at + 1, alignment_mode="expand")
    title = sdoc.char_span(title_at, title_at + 1, alignment_mode="expand")
    if not name or not title or name[0].sent.end > title[0].sent.start:
        return False
    token = name[0]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head  # "Hillary" of "Hillary Clinton": the name's head word
    return token.dep_ in ("nsubj", "nsubjpass")
