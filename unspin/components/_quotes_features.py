"""Attribution cues: which verbs report speech or thought, and the source and content they govern.

Shared by the quotes stage and its trainer (``unspin.training.quotes``) so both read the spaCy
parse the same way. Works on ``spacy.tokens.Token`` objects; nothing here loads a model.
"""

from __future__ import annotations

import re
from typing import Any

from unspin.components._quotes_tagger import PROBE_KEY, probe_bin
from unspin.components.quantities import glued_full_stop

__all__ = [
    "CUE_NEGATIONS",
    "DETERMINERS",
    "NOUN_CUES",
    "QUOTE_CHARS",
    "RECKONINGS",
    "RELATIVES",
    "bucket",
    "candidate_cues",
    "clause_without",
    "content_span",
    "cue_features",
    "headline_nouns",
    "headline_subject",
    "opens_with_that",
    "other_voice",
    "quote_features",
    "reckoning",
    "relative_clause",
    "source_span",
    "span_of",
    "trimmed_span",
]

QUOTE_CHARS = frozenset("\"“”„«»‹›「」")
#: The words a negated cue's name starts with ("not comment", "never say"; ``QuoteFinder``).
CUE_NEGATIONS = ("not", "never")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSES = ("ccomp", "xcomp")
_NOT_CONTENT = frozenset({"punct", "cc", "conj", "advcl", "nsubj", "nsubjpass", "aux", "auxpass",
                          "neg", "advmod", "mark", "prt", "agent", "npadvmod"})
#: Words opening a clause of time or cause, which after a passive cue tells when or why the
#: thing was done, not what was said ("when" opens a question: "has not said when ...").
_TIME_MARKS = frozenset({"after", "before", "while", "since", "until", "because", "once",
                         "as", "although", "though"})
_CUT_DEPS = frozenset({"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"})
# Nouns that report what someone said, thought or wants: "her claim that ...", "his call for ..."
NOUN_CUES = frozenset({
    "accusation", "admission", "allegation", "announcement", "answer", "argument", "assertion",
    "belief", "call", "charge", "claim", "comment", "complaint", "concern", "criticism", "decision",
    "demand", "denial", "endorsement", "estimate", "fear", "hope", "insistence", "message",
    "opposition", "plan", "pledge", "praise", "promise", "proposal", "question", "remark", "report",
    "request", "response", "statement", "suggestion", "testimony", "threat", "view", "vow",
    "warning",
})
_NOUN_CONTENT_PREPS = frozenset({"of", "for", "about", "on", "against", "to"})


#: Nouns for a reckoning that "by" makes a source of ("by one estimate", "by the UN's count").
RECKONINGS = frozenset({"estimate", "count", "tally", "reckoning", "calculation", "measure"})


def candidate_cues(sent: Any) -> list[Any]:
    """Tokens of a sentence that may be attribution cues: verbs, ``according`` (to), reporting
    nouns, the "by" of a reckoning."""
    return [t for t in sent if t.pos_ == "VERB" or (t.lower_ == "according" and _to_child(t))
            or (t.pos_ == "NOUN" and t.lemma_.lower() in NOUN_CUES) or reckoning(t) is not None]


def reckoning(token: Any) -> Any | None:
    """The noun of "by one estimate", "by the UN's count", "by some measures" when ``token`` is
    its "by": a phrase that cites a source like "according to" does. Not "by all accounts"
    (hearsay) nor a passive's agent (the parser's "agent", not "prep")."""
    if token.lower_ != "by" or token.dep_ != "prep":
        return None
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in RECKONINGS or noun.pos_ != "NOUN":
        return None
    owner = any(c.dep_ == "poss" for c in noun.children)
    if not owner and (noun.lemma_.lower() == "measure"  # "by some measures": a hedge, no one's figure
                      or not any(c.dep_ in ("det", "nummod") and c.lower_ != "all" for c in noun.children)):
        return None  # "by popular reckoning", "by all accounts": hearsay
    return noun


def _to_child(token: Any) -> Any | None:
    for child in token.children:
        if child.lower_ == "to" and child.dep_ == "prep":
            return child
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt if nxt is not None and nxt.lower_ == "to" else None


#: Verbs whose object does what their infinitive says ("asked Cruz to respond", "urged the
#: minister to explain"): the object is the infinitive's subject, not the verb's own subject.
_OBJECT_CONTROL = frozenset({"ask", "urge", "invite", "encourage", "press", "persuade", "challenge",
                             "pressure", "implore", "beg", "dare", "prompt", "lead"})


def _object_control(token: Any) -> Any | None:
    """The object of a verb of asking or urging whose infinitive ``token`` is ("FOX 26 asked Cruz
    [to respond]"): who is asked to speak is the one who would speak. None otherwise."""
    if token.dep_ != "xcomp" or token.head.i == token.i or token.head.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    obj = next((c for c in token.head.children if c.dep_ in ("dobj", "dative") and c.i < token.i), None)
    return obj if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") else None


def _subject(token: Any) -> Any | None:
    subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
    if subjects:
        # two subjects are the parser's slip ("Sentencing Mark Dunn ..., Judge Hale told him"):
        # the one next to the verb is its subject, the other an opening phrase misread
        # (a comma between them; "Obama the realist knows" is one subject read as two)
        first, last = subjects[0], max((c for c in subjects if c.i < token.i), default=subjects[0],
                                       key=lambda c: c.i)
        doc = token.doc
        apart = any(t.text == "," for t in doc[first.right_edge.i + 1:last.left_edge.i])
        return last if apart else first
    if _second_speech_verb(token):  # "Cole said ferries had stopped and warned ...": Cole warned
        return _subject(token.head.head)
    shown = pictured(token)
    if shown is not None:  # "The ad uses footage of Cole asking, “...”": Cole asks, not the ad
        return shown
    # "voters saying they ...": the noun the participle describes
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return token.head
    controller = _object_control(token)
    if controller is not None:  # "FOX 26 asked Cruz to respond": Cruz responds, not FOX 26
        return controller
    # "..., saying that ...", "joined X in calling for ...": the subject of the verb above
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep") or current.head.i == current.i:
            break
        current = current.head
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
    return None


#: Records that show someone at the moment of speaking ("footage of Cole saying").
_RECORDINGS = frozenset({"footage", "video", "clip", "recording", "tape", "audio", "film", "image",
                         "picture", "photo", "photograph", "snippet", "excerpt"})


def pictured(token: Any) -> Any | None:
    """The person a recording shows speaking when ``token`` is the participle after the name
    ("footage of Cole asking", "a video of the senator telling"), which the parser hangs on the
    verb above ("uses") rather than on the name."""
    if token.tag_ != "VBG" or token.i == 0:
        return None
    name = token.doc[token.i - 1]
    if name.pos_ not in ("PROPN", "NOUN"):
        return None
    if name.dep_ == "pobj" and name.head.lower_ == "of":
        of = name.head  # "footage of [Cole] asking": the participle hung on the verb or the record
    elif name.head.i == token.i and name.dep_ in ("compound", "nsubj") and token.dep_ == "pcomp" \
            and token.head.lower_ == "of":
        of = token.head  # "a video of [the governor telling]": the name inside the participle's phrase
    else:
        return None
    return name if of.head.lemma_.lower() in _RECORDINGS and of.head.i < name.i else None


def cue_features(token: Any, quote_mask: list[bool]) -> list[str]:
    """Sparse binary features of a candidate cue token (names only; weights come from training)."""
    lemma = token.lemma_.lower()
    feats = [f"l={lemma}", f"w={token.lower_}", f"tag={token.tag_}", f"dep={token.dep_}",
             f"l|dep={lemma}|{token.dep_}", f"h={token.head.lemma_.lower()}", "bias"]
    deps = {c.dep_ for c in token.children}
    for dep in deps:
        feats.append(f"c={dep}")
        if dep in ("ccomp", "xcomp", "dobj", "prep", "parataxis", "agent", "dative", "npadvmod"):
            feats.append(f"l|c={lemma}|{dep}")
    if token.dep_ == "parataxis" or (token.dep_ in ("ccomp",) and token.i > token.head.i):
        feats.append(f"l|inverted={lemma}")
    subject = _subject(token)
    if subject is not None:
        kind = subject.ent_type_ or ("PRON" if subject.pos_ == "PRON" else subject.pos_)
        feats += [f"subj={kind}", f"l|subj={lemma}|{kind}"]
    else:
        feats.append("nosubj")
    i = token.i
    inside = quote_mask[i]
    feats.append(f"inq={inside}")
    sent = token.sent
    near = any(quote_mask[j] and not inside for j in range(max(sent.start, i - 4), min(sent.end, i + 5)))
    in_sent = any(quote_mask[j] for j in range(sent.start, sent.end))
    feats += [f"qnear={near}", f"qsent={in_sent}", f"l|qnear={lemma}|{near}"]
    for child in token.children:
        if child.dep_ == "prep":
            feats.append(f"l|prep={lemma}|{child.lower_}")
        if child.dep_ == "neg":
            feats.append("neg")
        if child.dep_ == "prt":
            feats.append(f"l|prt={lemma}|{child.lower_}")
        if child.dep_ == "mark" and child.lower_ == "that":
            feats.append("that")
    for child in token.children:
        if child.dep_ == "ccomp":
            feats += [f"l|ccomp_that={lemma}|{any(g.lower_ == 'that' for g in child.children)}"]
    prev = token.doc[i - 1] if i > 0 else None
    feats.append(f"prev={prev.lower_ if prev is not None else '<s>'}")
    probs = token.doc.user_data.get(PROBE_KEY)
    if probs is not None:  # the attribution tagger's belief that the word is a cue
        tagged = probe_bin(float(probs[i, 1]))
        feats += [f"tag_cue={tagged}", f"tag_cue|inq={tagged}|{inside}"]
    return feats


def bucket(value: float, edges: tuple[float, ...]) -> str:
    """The first of the ascending ``edges`` that ``value`` does not pass, as text ('>last' past them all)."""
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def quote_features(quoted: Any, text: str, kind: str, cue: Any | None, cue_score: float | None,
                   open_ended: bool, source: Any | None, content: tuple[int, int] | None) -> list[str]:
    """Sparse binary features of a found quote, for the model that judges whether it is speech at all.

    ``quoted`` is the quote's span of tokens, ``kind`` "direct" or "reported"; ``cue`` the cue
    token (or None) with its model score, whether its content is just the rest of the sentence,
    its source head (or None) and its own content span (character offsets, or None). Titles in
    quotation marks ("Face the Nation"), scare quotes and a verb's plain object ("offered no
    proof") look unlike speech here, where the cue model sees the cue alone.
    """
    start, end = quoted.start_char, quoted.end_char
    words = [t for t in quoted if not (t.is_punct or t.is_space)]
    n_words = bucket(len(text[start:end].split()), (1, 2, 3, 4, 5, 7, 10, 15, 25, 40))
    feats = [f"kind={kind}", f"n={n_words}|{kind}"]
    if words:
        caps = sum(t.text[:1].isupper() for t in words) / len(words)
        feats += [f"caps={round(caps * 4)}|{kind}", f"first_upper={words[0].text[:1].isupper()}|{kind}",
                  f"verb={any(t.pos_ in ('VERB', 'AUX') for t in words)}|{kind}",
                  f"ents={round(sum(1 for t in words if t.ent_type_) / len(words) * 4)}"]
        roots = [t for t in quoted if not quoted.start <= t.head.i < quoted.end or t.head.i == t.i]
        root = roots[0] if roots else words[0]
        first = words[0]
        opening = first.lower_ if first.pos_ in ("SCONJ", "ADP", "DET", "PRON", "PART") else first.pos_
        feats += [f"root={root.dep_}|{root.pos_}|{kind}", f"first={opening}|{kind}"]
    body = text[start:end].rstrip()
    last = body[-2:-1] if body[-1:] in QUOTE_CHARS or body[-1:] == "'" else body[-1:]
    feats += [f"ends={last if not last.isalnum() else 'a'}|{kind}",
              f"before={text[max(0, start - 2):start].strip()[-1:]}"]
    if cue is None:
        return [*feats, f"cue=none|{kind}"]
    lemma = cue.lemma_.lower()
    score = bucket(cue_score or 0.0, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))
    feats += [f"cue={lemma}|{kind}", f"cue_score={score}|{kind}",
              f"cue_dep={cue.dep_}|{kind}", f"cue_tag={cue.tag_}", f"open={open_ended}|{kind}",
              f"source={'none' if source is None else source.pos_}|{kind}",
              f"neg={any(c.dep_ == 'neg' for c in cue.children)}",
              f"cue_inside={start <= cue.idx < end}|{kind}"]
    if kind == "direct":
        distance = min(abs(cue.idx - start), abs(cue.idx - end))
        feats += [f"dist={bucket(distance, (2, 5, 10, 20, 40, 80))}", f"cue_after={cue.idx >= end}"]
    if content is not None:
        feats.append(f"content_is_quote={content[0] < end and start < content[1]}|{kind}")
    return feats


#: Punctuation a span keeps at its end: a question or exclamation, a percent sign, a bracket
#: it opened ("68%", "(mostly)"); the sentence's full stop, a comma or a dash it leaves.
_KEPT_AT_END = frozenset({"!", "?", "%", ")", "]", "‰"})


def span_of(tokens: list[Any]) -> tuple[int, int] | None:
    """The character span of ``tokens`` without punctuation or a conjunction left at either end."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct and tokens[0].text not in QUOTE_CHARS):
        tokens = tokens[1:]
    # "... would save about $300 million a year but [warned ...]": a conjunction left at the end
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in QUOTE_CHARS
                       and tokens[-1].text not in _KEPT_AT_END)
                      or (tokens[-1].dep_ == "cc" and len(tokens) > 1)):
        tokens = tokens[:-1]
    if not tokens:
        return None
    last = tokens[-1]
    if _unclosed([t.text for t in last.doc[tokens[0].i:last.i + 1]]):
        # 'Foreign "experts" had claimed', 'had been “scrutinised.”': the span keeps its closing mark
        after = [t for t in last.doc[last.i + 1:last.i + 3]]
        if after and after[0].text in _CLOSING and not last.whitespace_:
            last = after[0]
        elif len(after) == 2 and after[0].text in ".,!?" and after[1].text in _CLOSING \
                and not last.whitespace_ and not after[0].whitespace_:
            last = after[1]
    end = last.idx + len(last.text)
    if glued_full_stop(last):
        end -= 1  # "to limit warming to 1.5C.", "bids of €90m.": the tokeniser glued the full stop on
    return tokens[0].idx, end


_CLOSING = ('"', "”")


_EXAMPLE_PREPS = frozenset({"including", "like", "such", "among", "especially", "notably", "from"})


def _unclosed(words: list[str]) -> bool:
    """Whether the words open a quotation mark ('"', '“') that they do not close."""
    return words.count("“") > words.count("”") or words.count('"') % 2 == 1


def _trimmed_subtree(token: Any) -> list[Any]:
    """The subtree of a noun phrase, without relative clauses and what follows a comma."""
    keep = []
    for t in token.subtree:
        keep.append(t)
    cut = {t.i for c in token.children if c.dep_ in _CUT_DEPS and c.i > token.i and not _named_after(c)
           for t in c.subtree}
    # "A source close to the talks, who asked not to be named, said": a relative clause set off
    # by a comma deeper in the phrase is cut too
    cut.update(t.i for d in keep if d.dep_ == "relcl" and d.i > token.i
               and d.left_edge.i > 0 and d.doc[d.left_edge.i - 1].text == "," for t in d.subtree)
    # "Councillor Reyes, to his credit, has asked": an aside set off by commas is not the name
    # (examples are: "Critics, including Senator Grassley,")
    cut.update(t.i for c in token.children if c.dep_ == "prep" and c.i > token.i
               and c.doc[c.i - 1].text == "," and c.lower_ not in _EXAMPLE_PREPS for t in c.subtree)
    kept = [t for t in keep if t.i not in cut]
    # "Economists at Capital Economics estimate ...", where the parser hung the name on the cue:
    # the preposition left without its object takes back the name right after it, else goes
    while len(kept) > 1 and kept[-1].dep_ == "prep" and kept[-1].i > token.i and not any(kept[-1].children):
        prep = kept.pop()
        doc = prep.doc
        if prep.i + 1 < len(doc) and doc[prep.i + 1].ent_iob_ == "B":
            name = [doc[prep.i + 1]]
            while name[-1].i + 1 < len(doc) and doc[name[-1].i + 1].ent_iob_ == "I":
                name.append(doc[name[-1].i + 1])
            if all(t.dep_ in ("compound", "nmod") for t in name):
                kept += [prep, *name]
                break
    return kept


def _named_after(child: Any) -> bool:
    """Whether a noun's apposition is the name written right after it, with no comma between
    ("the economist John Kay", "police Chief Chuck Jordan"): the name belongs to the phrase."""
    return child.dep_ == "appos" and child.left_edge.i == child.head.i + 1 \
        and all(t.ent_type_ == "PERSON" for t in child.subtree)


def trimmed_span(token: Any) -> tuple[int, int] | None:
    """The character span of a noun phrase headed by ``token``, without clauses, appositions and 's."""
    tokens = _trimmed_subtree(token)
    while len(tokens) > 1 and tokens[-1].dep_ == "case":
        tokens = tokens[:-1]
    return span_of(tokens)


def source_span(token: Any) -> tuple[tuple[int, int], Any] | None:
    """The source a cue governs: its subject, or the object of ``according to`` / ``by``."""
    noun = reckoning(token)
    if noun is not None:  # "by the UN's count": the UN; "by one estimate": the estimate
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        span = trimmed_span(owner) if owner is not None else span_of(_trimmed_subtree(noun))
        return (span, owner if owner is not None else noun) if span else None
    if token.lower_ == "according":
        to = _to_child(token)
        if to is not None:
            for child in to.children:
                if child.dep_ == "pobj":
                    span = span_of(_trimmed_subtree(child))
                    return (span, child) if span else None
        return None
    if token.pos_ == "NOUN":
        return _noun_source(token)
    subject = _subject(token)
    participle = token.tag_ == "VBN" and token.dep_ == "advcl" and not any(c.dep_ == "aux"
                                                                           for c in token.children)
    if (subject is not None and subject.dep_ == "nsubjpass") or token.dep_ == "acl" or participle:
        # "X was endorsed by Y", "a plan, endorsed by Y, ...", "Asked by reporters whether ...": the agent
        for child in token.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        span = span_of(_trimmed_subtree(pobj))
                        return (span, pobj) if span else None
    if subject is None or subject.dep_ == "csubj" or subject.lower_ in ("it", "there"):
        return None
    span = span_of(_trimmed_subtree(subject))
    return (span, subject) if span else None


def _noun_source(token: Any) -> tuple[tuple[int, int], Any] | None:
    """Whose claim: the possessor ("Smith's claim") or the object of "by" / "from"."""
    for child in token.children:
        if child.dep_ == "poss":
            span = trimmed_span(child)
            return (span, child) if span else None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    span = span_of(_trimmed_subtree(pobj))
                    return (span, pobj) if span else None
    # "a BBC report that ...", "a New York Times report": the name written before the noun
    named = [c for c in token.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "PERSON")]
    if named:
        name = [t for t in named[-1].subtree if t.ent_type_ == named[-1].ent_type_]
        span = span_of(name)
        return (span, named[-1]) if span else None
    return None


#: Verbs that give something a name: their content is the name ("called it “a betrayal”").
_NAMING = frozenset({"call", "label", "dub", "brand", "term", "describe", "deem"})


def content_span(token: Any, bounds: tuple[int, int] | None = None) -> tuple[tuple[int, int] | None, bool]:
    """What the cue reports: its clausal complement, the clause it interrupts, or what follows it.

    ``bounds`` (character offsets, usually the cue's paragraph) keeps the content inside them:
    the parser sometimes runs a sentence over a paragraph break. The flag says the content is
    only "the rest of the sentence" (no clause to delimit it).
    """
    lo, hi = bounds if bounds is not None else (0, 1 << 62)

    def inside(tokens: Any) -> list[Any]:
        return [t for t in tokens if lo <= t.idx < hi]

    sent = token.sent
    if token.lower_ == "according" or reckoning(token) is not None:
        phrase = {t.i for t in token.subtree}
        rest = [t for t in inside(sent) if t.i not in phrase]
        if token.lower_ == "by" and token.head.pos_ in ("VERB", "AUX"):
            # "Trump, who clinched the nomination by the AP's count": what the AP counted
            rest = [t for t in rest if token.head.left_edge.i <= t.i <= token.head.right_edge.i]
        # "Incomes fell 23%, according to the union, and 400 farms closed": what the union
        # reports is the clause the phrase hangs on, even when a longer one follows it
        # "... blamed record rainfall: 112mm fell, according to the Met Office": a colon or
        # semicolon before the phrase ends what the writer says and begins what the source does
        stop = max((t.i for t in rest if t.i < token.i and t.text in (":", ";")), default=-1)
        if any(stop < t.i < token.i and not t.is_punct for t in rest):
            rest = [t for t in rest if t.i > stop]
        return _longest_run(rest, around=token.head), False
    if token.pos_ == "NOUN":
        return _noun_content(token, inside), False
    naming = next((c for c in token.children if c.dep_ == "oprd"), None)
    if naming is not None and token.lemma_.lower() in _NAMING:
        # "..., a decision islanders called “a betrayal”": what they called it, not the clause before
        named = [t for c in token.children if c.dep_ in ("dobj", "oprd") and c.i > token.i for t in c.subtree]
        span = span_of(inside(sorted(named, key=lambda t: t.i)))  # "called [the plan a waste]"
        if span is not None:
            return span, False
    # a clause after the cue first: one before it may be another sentence the parser ran into this one
    for child in sorted(token.children, key=lambda c: c.i < token.i):
        if child.dep_ in _CLAUSES and not _nominal(child) and not _set_apart(child, token):
            words = _without_time_of_saying(_without_according(child), token)
            words = _without_summing(_without_fronted_relative(words, token), token, _SUMMED_IN_CLAUSE)
            span = span_of(inside(_without_second_verbs([*_lost_subject(token, child), *words], child)))
            if span is not None:
                # "Lopez has told donors [she will decide by spring], one of them said": the parser
                # hung the second clause on the cue too; the two together are what was said
                following = _following_clause(child)
                if following is not None and following.i < token.i:
                    end = span_of(inside(_without_according(following)))
                    span = span if end is None else (span[0], max(span[1], end[1]))
                return span, False
    if token.dep_ in ("parataxis", "ccomp") and token.head.i < token.i:
        cue_part = {t.i for t in token.subtree}
        rest = [t for t in inside(token.head.subtree) if t.i not in cue_part]
        return _longest_run(rest), False
    deps = {child.dep_: child for child in token.children}
    if "nsubjpass" in deps and "agent" in deps:
        # "the plan was endorsed by X": what was endorsed is the passive subject
        return span_of(inside(_trimmed_subtree(deps["nsubjpass"]))), False
    if token.dep_ == "acl" and "agent" in deps and token.head.pos_ in ("NOUN", "PROPN"):
        # "a penalty imposed by X": what was imposed is the noun the participle describes
        return span_of(inside(_trimmed_subtree(token.head))), False
    # "accused X of ...", "called for ...", "told reporters that ...": what follows the cue
    # a verb joined to the cue ("promised lower taxes and then raised them") is not reported
    joined = {t.i for child in token.children if child.dep_ in ("conj", "cc") and child.i > token.i
              for t in child.subtree}
    # "endorsed Mrs. Clinton, [saying that ...]": a participle of speech after the cue reports for
    # itself, and what the cue reports ends before it
    joined.update(t.i for child in token.children if child.dep_ == "advcl" and child.i > token.i
                  and child.tag_ == "VBG" and child.lemma_.lower() in _SPEECH_VERBS for t in child.subtree)
    after = [t for t in inside(sent) if t.i > token.i]
    if token.dep_ in ("acl", "relcl") or _opens_clause_before_main(token) or _participle_before_main(token):
        # "the savings, estimated at £1.2 billion, would ...": the phrase it modifies ends it;
        # "While the donor didn't disclose his backing, he did say ...": so does a clause of time,
        # cause or condition before the main one
        after = [t for t in after if t.i < token.right_edge.i + 1]
    clause = next((a for a in token.ancestors if a.dep_ in ("relcl", "acl")), None)
    if clause is not None and clause.head.head.lemma_.lower() in _SPEECH_VERBS \
            and clause.head.head.i > clause.right_edge.i:
        # "officials, who were not authorised [to discuss the plans], said ...": a cue inside a
        # clause that describes the speaker of a later verb of speech reports nothing past it
        after = [t for t in after if t.i <= clause.right_edge.i]
    reported = _reported_by_later_cue(token)
    if reported is not None:
        # "... has been charged [with fraud], prosecutors said": so does the clause a later verb
        # reports, with the clause the parser hung on that verb right after it ("has told donors
        # [she will decide by spring], one of them said")
        following = _following_clause(reported)
        last = (following if following is not None else reported).right_edge.i
        after = [t for t in after if t.i <= last]
    # "spoken out [about ...]", "referred again [to ...]": the particle and the adverb are the cue's
    # and so is its agent ("Asked [by host Chuck Todd] whether he would run, ...")
    particles = {child.i for child in token.children if child.dep_ == "prt"
                 or (child.dep_ == "advmod" and child.pos_ == "ADV")}
    particles.update(t.i for child in token.children if child.dep_ == "agent" for t in child.subtree)
    while after and after[0].i in particles:
        after = after[1:]
    if joined:
        after = after[:next((n for n, t in enumerate(after) if t.i in joined), len(after))]
    # "is considering a run for governor, [according to three people ...]": another source's
    # phrase (but "blamed the storm: 90 crossings were lost, according to the harbour master"
    # reports the harbour master's words after the colon, and the quotes stage tells the two apart)
    according = next((n for n, t in enumerate(after) if t.lower_ == "according" and n > 0
                      and t.dep_ == "prep"), None)
    if according is not None and not any(t.text in (":", ";") for t in after[:according]):
        after = after[:according]
    # "accused X of Y, [a charge the ministry denied]": the summing noun answers what was said
    after = _without_summing(after, token, _SUMMED_AFTER)
    if after and any(c.dep_ == "auxpass" for c in token.children) and any(
            after[0].i == child.left_edge.i and child.left_edge.lower_ in _TIME_MARKS
            for child in token.children if child.dep_ == "advcl"):
        return None, True  # "The strike was called [after talks broke down]": when, not what
    return (span_of(after) if len(after) > 1 else None), True


#: Words that open a relative clause when they fill a place in it (not "that" as a conjunction).
RELATIVES = frozenset({"that", "which", "who", "whom", "what"})


def relative_clause(clause: Any) -> bool:
    """Whether a relative word fills a place in a clause, which then describes the noun it hangs
    on rather than saying what that noun reports ("a statement [that the company released]")."""
    return any(c.lower_ in RELATIVES and c.dep_ != "mark" for c in clause.children)


def opens_with_that(clause: Any) -> bool:
    """Whether a clause is opened by the conjunction "that" ("a report [that the talks failed]")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _following_clause(clause: Any) -> Any | None:
    """A clause the parser made a second complement of the same verb, starting right after
    ``clause`` with no comma between, or None."""
    nxt = clause.right_edge.i + 1
    doc = clause.doc
    return next((c for c in clause.head.children if c.dep_ == "ccomp" and c is not clause
                 and c.left_edge.i == nxt and not _nominal(c) and doc[nxt].text != ","), None)


def _reported_by_later_cue(token: Any) -> Any | None:
    """The clause a verb after the cue reports, where the cue lies in it ("... broke down, with
    each side accusing the other of bad faith, mediators said": the clause up to "faith")."""
    for ancestor in (token, *token.ancestors):
        if (ancestor.dep_ == "ccomp" and ancestor.head.i > ancestor.right_edge.i
                and ancestor.head.lemma_.lower() in _SPEECH_VERBS):
            return ancestor
    return None


# what opens a clause of time, cause or condition ("After ...", "When ...", "If ..."); not "as",
# whose clause may report the main one ("as the mayor said, ...")
_SUBORDINATORS = frozenset({"after", "before", "when", "whenever", "while", "since", "until", "once",
                            "because", "although", "though", "if", "unless", "whereas"})


#: Verbs of speech that a speaker's second predicate may use ("... and warned that ...").
_SPEECH_VERBS = frozenset({
    "say", "add", "warn", "caution", "blame", "accuse", "urge", "insist", "deny", "claim", "argue",
    "tell", "note", "stress", "predict", "demand", "admit", "acknowledge", "announce", "pledge",
    "promise", "vow", "threaten", "criticize", "criticise", "praise", "suggest", "ask", "explain",
    "complain", "question", "dismiss", "reject", "defend", "condemn", "call", "describe",
})


def _second_speech_verb(token: Any) -> bool:
    """Whether a verb of speech the parser joined to a reported clause is the speaker's second
    predicate ("Cole said ferries had stopped [and warned that ...]"): in the simple past like
    the cue, with no subject of its own, joined to a clause verb of another form ("had
    stopped", "would close", "are rising") that the cue reports."""
    if token.dep_ != "conj" or token.tag_ != "VBD" or token.lemma_.lower() not in _SPEECH_VERBS:
        return False
    if any(child.dep_ in _SUBJECTS for child in token.children):
        return False
    clause = token.head
    return clause.dep_ == "ccomp" and clause.tag_ != "VBD" and clause.head.tag_ == "VBD" \
        and clause.head.i < clause.i


def _without_second_verbs(tokens: list[Any], clause: Any) -> list[Any]:
    """A reported clause's words less a speaker's second predicate joined to it, and the
    "and" before it ("said ferries had stopped [and warned ...]": the warning is a quote of its own),
    and less another source's word set against it (``other_voice``)."""
    cut = [child for child in clause.children if child.i > clause.i
           and (_second_speech_verb(child) or other_voice(child))]
    if not cut:
        return tokens
    first = min(t.left_edge.i for t in cut)
    kept = [t for t in tokens if t.i < first]
    while kept and (kept[-1].dep_ == "cc" or kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    return kept


#: Conjunctions that set a clause against the one before it ("..., though aid workers fear ...").
_CONCESSIVE = frozenset({"though", "although", "whereas", "while"})
#: Verbs by which another source's view is set against a report, besides ``_SPEECH_VERBS``.
_VIEW_VERBS = _SPEECH_VERBS | {"fear", "believe", "think", "report", "estimate", "expect", "suspect",
                               "put", "reckon", "show", "suggest"}


def other_voice(token: Any) -> bool:
    """Whether a clause hung on a reported one is another source's word set against it ("Officials
    say 4,000 people died, [though aid workers fear the toll is far higher]"): a verb of speech or
    belief in the active voice with a subject of its own, opened by "though", "although", "whereas"
    or "while"."""
    return token.dep_ == "advcl" and token.lemma_.lower() in _VIEW_VERBS \
        and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in token.children) \
        and any(c.dep_ == "nsubj" for c in token.children) \
        and not any(c.dep_ == "auxpass" for c in token.children)


def _opens_clause_before_main(token: Any) -> bool:
    """Whether a verb heads a clause of time, cause or condition set before the main clause
    ("After Brown criticized Clinton in a debate, Hillary shot back")."""
    return token.dep_ == "advcl" and token.head.i > token.i and any(
        child.dep_ in ("mark", "advmod") and child.lower_ in _SUBORDINATORS for child in token.children)


def _participle_before_main(token: Any) -> bool:
    """Whether a verb heads a participle phrase set off by commas before its main verb ("Obama,
    [dedicating the museum on Saturday], said it would ..."): what it says ends with it."""
    doc = token.doc
    end = token.right_edge.i + 1
    return (token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN") and token.head.i > token.i
            and end < len(doc) and doc[end].text == "," and token.i > 0 and doc[token.i - 1].text == ",")


def _set_apart(clause: Any, cue: Any) -> bool:
    """Whether a clause before the cue is cut off from it by a semicolon ("Some argued the strike
    would barely dent growth; others warned of shortages"): another sentence, not the cue's."""
    return clause.i < cue.i and any(t.text == ";" for t in cue.doc[clause.right_edge.i + 1:cue.i])


def _without_according(clause: Any) -> list[Any]:
    """A clause's words less an "according to X" at its end, which names another source ("The
    council said spending rose, according to the Treasury": what the council said ends at "rose")."""
    words = list(clause.subtree)
    according = next((t for t in clause.children if t.lower_ == "according" and t.dep_ == "prep"
                      and t.i > clause.i and t.right_edge.i == words[-1].i), None)
    if according is None:
        return words
    return [t for t in words if t.i < according.left_edge.i]


#: Fine tags of the relative and interrogative words a clause may front past its cue.
_WH_TAGS = frozenset({"WDT", "WP", "WP$"})


def _without_fronted_relative(words: list[Any], cue: Any) -> list[Any]:
    """A clause after the cue less the relative word it fronted before the cue ("the deal,
    [which] Reyes said would cost $4bn", "what the senators said was gerrymandering", "a rise
    [that] officials said was unavoidable"): the word stands for what the clause describes, and
    with it the content would run over the cue and its speaker ("a ruling [which] Beijing has
    vowed to ignore" is Beijing's vow)."""
    before = [t for t in words if t.i < cue.i]
    fronted = all(t.tag_ in _WH_TAGS or (t.lower_ == "that" and t.dep_ in ("nsubj", "nsubjpass", "dobj"))
                  for t in before)
    if not before or len(before) == len(words) or not fronted:
        return words
    return [t for t in words if t.i > cue.i]


def _without_time_of_saying(words: list[Any], cue: Any) -> list[Any]:
    """A clause's words less the time the parser hung on it from the cue before it ("said [on
    Monday] she would vote against the bill", "told reporters [on Friday] he would resign"): a
    phrase of dates alone that opens the clause right after the cue (or whom it told) and before
    the clause's subject is when it was said."""
    if not words or words[0].i <= cue.i:
        return words
    between = words[0].doc[cue.i + 1:words[0].i]
    if any(t.dep_ not in ("dobj", "dative", "det", "amod", "compound") for t in between):
        return words
    opening = next((t for t in words[0].ancestors if t.dep_ in ("prep", "npadvmod")
                    and t.left_edge.i == words[0].i), words[0])
    clause = opening.head if opening.dep_ in ("prep", "npadvmod") else None
    if clause is None or clause.head.i != cue.i or any(c.dep_ == "mark" for c in clause.children):
        return words
    phrase = list(opening.subtree)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.left_edge.i != phrase[-1].i + 1:
        return words
    if not all(t.ent_type_ in ("DATE", "TIME") or (t is opening and t.dep_ == "prep") for t in phrase):
        return words
    return [t for t in words if t.i > phrase[-1].i]


def _nominal(child: Any) -> bool:
    """Whether a clausal complement of the cue is a lone word the parser took for a clause
    ("told [MPs] the savings would ...": MPs, tagged a verb, is whom it was told, not what); a
    clause has words of its own ("to" at least)."""
    return child.dep_ == "xcomp" and child.n_lefts + child.n_rights == 0


def _lost_subject(cue: Any, clause: Any) -> list[Any]:
    """The subject the parser took for the cue's second object ("told MPs [the savings] ...
    would fund 2,000 nurses"): a clause without a subject of its own, after two objects of the
    cue, has the later one for subject. Empty when the clause has its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return []
    objects = [c for c in cue.children
               if (c.dep_ in ("dobj", "dative") or _nominal(c)) and cue.i < c.i < clause.i]
    return list(objects[-1].subtree) if len(objects) >= 2 else []


def _noun_content(token: Any, inside: Any = list) -> tuple[int, int] | None:
    """What a reporting noun reports: its clause ("the claim that ...") or object ("call for ...")."""
    for child in token.children:
        if child.dep_ in ("acl", "ccomp", "xcomp") and child.i > token.i and not relative_clause(child):
            return span_of(inside(child.subtree))
        if child.dep_ == "relcl" and child.i > token.i and opens_with_that(child):
            # "a report that Trump had a net loss", parsed as a relative clause: "that" is no
            # pronoun in it, it opens what the report says
            return span_of(inside(child.subtree))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS and child.i > token.i:
            objects = inside(t for c in child.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree)
            if objects:
                return span_of(objects)
    return None


#: Nouns that sum up the clause before them as something said ("..., a charge the ministry denied").
_SUMMING_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "assertion", "suggestion",
                            "decision", "ruling", "verdict", "move", "view", "figure", "estimate",
                            "assessment", "description", "characterisation", "characterization"})


#: How the parser hangs a summing noun on what precedes it: on the cue's object or the verb
#: (``_SUMMED_AFTER``, "fined X €200m, [a decision X is appealing]"), or inside a reported clause.
_SUMMED_AFTER = ("appos", "npadvmod")
_SUMMED_IN_CLAUSE = ("appos", "dobj", "npadvmod")


def _without_summing(tokens: list[Any], cue: Any, deps: tuple[str, ...]) -> list[Any]:
    """What the cue reports less a noun that sums it up after a comma, with another's view of it
    ("accused X of Y, [a charge the ministry denied]", "said the bill would raise taxes, [a claim
    Democrats dispute]"): a summing noun with a clause of its own, hung on the report as ``deps``."""
    summed = next((t.left_edge.i for t in tokens if t.lemma_.lower() in _SUMMING_NOUNS and t.dep_ in deps
                   and any(c.dep_ == "relcl" for c in t.children) and t.left_edge.i > cue.i + 1
                   and t.doc[t.left_edge.i - 1].text == ","), None)
    return tokens if summed is None else [t for t in tokens if t.i < summed - 1]


def _longest_run(tokens: list[Any], around: Any | None = None) -> tuple[int, int] | None:
    """The longest run of consecutive tokens (the clause around a parenthetical cue); with
    ``around``, the run that holds that token, where one does."""
    runs: list[list[Any]] = []
    for t in tokens:
        if not runs or t.i != runs[-1][-1].i + 1:
            runs.append([])
        runs[-1].append(t)
    held = [run for run in runs if around is not None and run[0].i <= around.i <= run[-1].i]
    best = held[0] if held else max(runs, key=len, default=[])
    # "According to X, however, output rose": the linking adverb is the writer's, not X's
    while best and best[0].is_punct and best[0].text not in QUOTE_CHARS:
        best = best[1:]
    while len(best) > 2 and best[0].pos_ in ("ADV", "CCONJ") and best[1].text == ",":
        best = best[2:]
    return span_of(best)


def clause_without(verb: Any, phrase: Any) -> tuple[int, int] | None:
    """The span of ``verb``'s clause in its sentence without ``phrase``'s words: the run of them
    that holds the verb ("[Clinton led Sanders 2-1] in an NBC News poll")."""
    cut = {t.i for t in phrase.subtree}
    return _longest_run([t for t in verb.subtree if t.i not in cut and t.sent.start == phrase.sent.start],
                        verb)


#: Verbs of change a headline puts after a plural noun ("Union claims rise", "Ceasefire talks
#: collapse", "Jobless claims fall 5%"), in the form a plural subject takes.
_HEADLINE_CHANGES = frozenset([
    "rise", "fall", "collapse", "soar", "surge", "jump", "drop", "slump", "climb", "plunge", "stall",
    "resume", "fail", "falter", "grow", "double", "triple", "halve", "ease", "slow", "mount", "rebound",
    "recover", "dip", "slip", "tumble", "sink", "spike", "continue", "end", "begin", "break",
    "open", "close", "top", "hit", "reach", "near", "edge", "shrink", "swell", "decline", "increase",
])
#: What a headline's verb of change may have after it: nothing, a mark, a number, or a preposition
#: or conjunction ("... rise to record", "... collapse as shelling resumes", "... fall 5%").
_AFTER_HEADLINE_CHANGE = re.compile(
    r"\s*(?:$|[.,;:!?—–-]|\d|(?:to|as|after|amid|in|on|over|for|by|again|despite|while|and|but|from)\b)",
    re.I)
DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                          "our", "my", "your", "some", "any", "no", "every", "each"])


def headline_nouns(speaker: str, cue: str, rest: str) -> bool:
    """Whether a speaker and its cue are a headline's noun and plural noun that the parser read as
    a subject and a verb: "[Union] [claims] rise in membership", "[Ceasefire] [talks] collapse as
    ...": a bare noun of one or two words without a determiner, the cue an "-s" form right after
    it, and ``rest`` (the text after the cue) opening with a verb of change (``_HEADLINE_CHANGES``)
    that takes no object ("The union claims a rise", "Smith claims victory" are statements)."""
    words = speaker.split()
    if not 1 <= len(words) <= 2 or words[0].lower() in DETERMINERS or not cue.lower().endswith("s") \
            or " " in cue.strip():
        return False
    first = re.match(r"\s*([A-Za-z]+)", rest)
    return first is not None and first.group(1).lower() in _HEADLINE_CHANGES \
        and _AFTER_HEADLINE_CHANGE.match(rest, first.end()) is not None


def headline_subject(verb: Any, subj: Any) -> bool:
    """``headline_nouns`` on the parse: ``subj`` (a noun that names no person) and ``verb`` right after it."""
    doc = verb.doc
    if subj.ent_type_ == "PERSON" or subj.i + 1 != verb.i or verb.tag_ != "VBZ":
        return False
    end = doc[verb.i + 1 : verb.sent.end]
    rest = end.text if len(end) else ""
    return headline_nouns(doc[subj.left_edge.i : subj.i + 1].text, verb.text, rest)
