"""Direct quotations found from quotation marks alone: straight, curly, single, guillemets, unbalanced.

A quotation opens at an opening mark and closes at the matching closing mark in the same
paragraph. A quotation left open at the end of a paragraph continues into the next paragraph
when that paragraph reopens it (the newspaper convention for quotes running over several
paragraphs); otherwise it ends with its paragraph.
"""

from __future__ import annotations

import re

__all__ = ["colon_label", "dash_speaker", "embedded_posts", "find_quotations", "headline_sources",
           "interview_answers", "transcript_turns"]

# opening mark -> the closing marks that end it
_PAIRS: dict[str, str] = {
    "“": "”\"",
    "„": "“”\"",
    "«": "»",
    "»": "«",  # reversed guillemets (German, Danish)
    "‹": "›",
    "「": "」",
    "\"": "\"”",
    "”": "”\"",  # a closing mark typed where an opening one belongs, at a paragraph's start
}
_OPEN_ONLY = "“„«‹「"
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[\"“„«‹‘'])")
_WORD = re.compile(r"\w+")


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight double quote opens when it is not glued to the end of a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/:;,":
        return not after.isspace()
    return False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotations in ``text[start:end]`` and where an unclosed one opens (or None)."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        opening = ch in _OPEN_ONLY or (ch == "\"" and _is_opening_straight(text, i))
        if ch == "»" and (i + 1 < end and text[i + 1].isspace()):
            opening = False  # a closing guillemet, not a reversed opening one
        if ch == "”" and not text[start:i].strip() and i + 1 < end and text[i + 1].isalnum():
            opening = True
        if not opening:
            i += 1
            continue
        closers = _PAIRS[ch]
        j = i + 1
        while j < end and text[j] not in closers:
            j += 1
        if j >= end:
            return found, i
        found.append((i, j + 1))
        i = j + 1
    return found, None


def find_quotations(text: str, min_words: int = 1) -> list[tuple[int, int]]:
    """Character spans (marks included) of the direct quotations in ``text``.

    Two apostrophes stand for a double quotation mark (''like this'', as some newswires type it).
    Single quotation marks (‘like this’, 'or this', as British papers quote) count outside
    double-quoted ones, within one paragraph (``_single_quotations``).
    """
    if "''" not in text:
        spans = _find(text, min_words)
    else:
        # same length, so offsets hold: the second apostrophe becomes the mark, the first a space
        spans = _find(text.replace("''", " \""), min_words)
        spans = [(s - 1 if text[s - 1:s + 1] == "''" else s, e) for s, e in spans]
    if "‘" in text or "'" in text:
        # a single-marked quotation left open runs to its paragraph's end, over a double-marked
        # one there may be ("'a\n'“a"): the double marks win, as spans never overlap
        singles = [(s, e) for s, e in _single_quotations(text, spans)
                   if len(_WORD.findall(text[s:e])) >= min_words
                   and not any(s < d_end and d_start < e for d_start, d_end in spans)]
        spans = sorted(spans + singles)
    return _disjoint(spans)


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ``spans`` less any that overlaps one before it: a quotation run on over paragraphs
    may hold one its last paragraph opens (“「」¶‹a””), and a quote lies in one quotation only."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


_SINGLE_OPEN = "‘'"
_MAX_SINGLE = 2000  # characters: a quotation in single marks closes sooner, or it was an apostrophe
_SINGLE_CLOSE = "’'"
# words an apostrophe opens that are not quotations: 'em, 'til, rock 'n' roll, the '90s
_ELIDED = re.compile(r"(?:em|til|cause|tis|twas|n|s|d|ll|re|ve|\d\d?s?)\b", re.IGNORECASE)


def _single_quotations(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations in single marks, outside the ``taken`` spans.

    A single mark opens after a space or opening punctuation, before a word that is not an
    elision ('em, '90s). It closes at the first mark after the quotation's last word that is
    followed by a space, punctuation or the paragraph's end, preferring one behind punctuation
    or not after an "s" (in "the sailors’ pay" the mark is an apostrophe). One left open at the
    end of its paragraph runs on when the next paragraph opens with a single mark (the British
    convention for a quotation over several paragraphs, as ``_find`` does for double marks);
    other unclosed ones are apostrophes, not quotations.
    """
    free = [True] * (len(text) + 1)
    for s, e in taken:
        free[s:e] = [False] * (e - s)
    paragraphs = _paragraphs(text)

    def reopened(k: int) -> int | None:
        """Where paragraph ``k`` opens with a single mark that reopens a running quotation."""
        if k >= len(paragraphs):
            return None
        p_start, p_end = paragraphs[k]
        first = p_start + (len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()))
        opens = first < p_end and free[first] and text[first] in _SINGLE_OPEN
        return first if opens and _opens_single(text, first, p_end) else None

    found: list[tuple[int, int]] = []
    running: int | None = None  # where a quotation left open by the paragraph before opened
    for k, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if running is not None:
            first = reopened(k)
            close = None if first is None else _single_close(text, first, p_end, free)
            if close is not None:
                found.append((running, close + 1))
                i, running = close + 1, None
            elif first is not None and reopened(k + 1) is not None and all(free[first:p_end]):
                continue  # reopened and left open again: the quotation keeps running
            else:
                found.append((running, _cut_at_cue(text, running, _trim_end(text, p_end))))
                running = None
                continue
        while i < p_end:
            if not free[i] or text[i] not in _SINGLE_OPEN or not _opens_single(text, i, p_end):
                i += 1
                continue
            close = _single_close(text, i, p_end, free)
            if close is None:
                if reopened(k + 1) is not None and all(free[i:p_end]) and not any(
                        text[j] in _SINGLE_OPEN and text[j - 1].isspace() and _opens_single(text, j, p_end)
                        for j in range(i + 1, p_end)):
                    running = i  # open to the paragraph's end, and the next one reopens it
                    break
                i += 1
                continue
            found.append((i, close + 1))
            i = close + 1
    return found


def _opens_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if not (before.isspace() or before in "([{—–-/:;,\"“"):
        return False
    return (after.isalnum() or after in "\"“") and not _ELIDED.match(text, i + 1)


def _single_close(text: str, i: int, end: int, free: list[bool]) -> int | None:
    fallback = None
    for j in range(i + 2, min(end, i + _MAX_SINGLE)):
        if not free[j]:
            return None  # a double-quoted quotation starts before this one closes
        ch = text[j]
        if ch in _SINGLE_OPEN and (ch not in _SINGLE_CLOSE or text[j - 1].isspace()) \
                and _opens_single(text, j, end):
            break  # another single quotation opens: this mark was never closed
        if ch not in _SINGLE_CLOSE or text[j - 1].isspace():
            continue
        after = text[j + 1] if j + 1 < end else " "
        if after.isalnum():
            continue  # an apostrophe inside a word: it's, O’Neill
        if text[j - 1] in ".,;:!?…" or after in ".,;:!?)—–-\"”" or text[j - 1].lower() != "s":
            return j
        fallback = j if fallback is None else fallback
    return fallback


def _find(text: str, min_words: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at: int | None = None  # start of a quotation left open by the previous paragraph
    open_end = 0  # end of that previous paragraph
    for p_start, p_end in _paragraphs(text):
        chunk = text[p_start:p_end]
        first = p_start + (len(chunk) - len(chunk.lstrip()))
        found, unclosed = _scan(text, p_start, p_end)
        if open_at is not None:
            if found and found[0][0] == first:
                # this paragraph reopens the running quotation and closes it
                out.append((open_at, found[0][1]))
                found = found[1:]
                open_at = None
            elif not found and unclosed == first:
                out.extend(found)
                open_end = _trim_end(text, p_end)
                continue  # reopened and left open again: the quotation keeps running
            else:
                out.append((open_at, _cut_at_cue(text, open_at, open_end)))
                open_at = None
        out.extend(found)
        if unclosed is not None:
            open_at, open_end = unclosed, _trim_end(text, p_end)
    if open_at is not None:
        out.append((open_at, _cut_at_cue(text, open_at, open_end)))
    out = [_closed_later(text, s, e) for s, e in out]
    return [(s, e) for s, e in out if len(_WORD.findall(text[s:e])) >= min_words]


#: How many paragraphs on a quotation left open may close without reopening on each.
_RUN_ON_PARAGRAPHS = 6


def _closed_later(text: str, start: int, end: int) -> tuple[int, int]:
    """A quotation left open at its paragraph's end that a later paragraph closes without any
    quotation mark in between (a statement quoted whole: “SkyLark Air apologises ... ¶ The delays
    were caused ... ¶ We are reviewing our procedures.”) runs to that closing mark."""
    if text[end - 1:end] in "”\"" or not (end == len(text) or text[end] == "\n"):
        return start, end
    at = end
    for _ in range(_RUN_ON_PARAGRAPHS):
        brk = _PARAGRAPH.search(text, at)
        if brk is None:
            return start, end
        p_start = brk.end()
        p_end = _PARAGRAPH.search(text, p_start)
        p_end = len(text) if p_end is None else p_end.start()
        marks = [i for i in range(p_start, p_end) if text[i] in "“”\"„«»"]
        if marks:
            first = marks[0]
            closes = text[first] == "”" or (text[first] == "\"" and not _is_opening_straight(text, first))
            return (start, first + 1) if closes and len(marks) == 1 else (start, end)
        at = p_end
    return start, end


# ", said one resident, ..." / ", Ruiz said" / ", she added": the attribution newspapers put
# after the opening words of a quotation, where the closing mark belongs
_INSIDE_CUE = re.compile(
    r"[,—–]+[ \t\u00a0]+(?:(?:said|says|added|adds|asked|asks|told|wrote|writes|insisted|warned|"
    r"explained|argued|replied|continued)\b|(?:[A-Z][\w.'’-]*[ \t\u00a0]+){1,3}(?:said|says|added|adds)\b"
    r"|(?:he|she|they|we|I)[ \t\u00a0]+(?:said|says|added|adds)\b)")


def _cut_at_cue(text: str, start: int, end: int) -> int:
    """Where a quotation left open ends: at its paragraph's end, or before an attribution
    inside it (“We will keep fighting, said one resident, Ana Ruiz.": the words up to the comma).
    Only after the quotation's first word, so that a quotation of its own words is kept."""
    m = _INSIDE_CUE.search(text, start + 1, end)
    if m is None or not _WORD.search(text, start, m.start()):
        return end
    return _trim_end(text, m.start()) + (text[m.start()] == ",")


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


# "“...” ― Jacklyn Ashley": a name after a dash right behind the quotation, on the same line
_DASH_NAME = re.compile(r"[ \t\u00a0]*[-—–―]{1,2}[ \t\u00a0]*"
                        r"([A-Z][\w.'’-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin)){0,4})")
# "WALLACE: Let's start ...": a speaker label in capitals opening a paragraph of a transcript
_TURN = re.compile(r"(?m)^[ \t\u00a0]*[\"“]?[ \t\u00a0]*"
                   r"([A-Z][A-Z.'’-]+(?:[ \t][A-Z][A-Z.'’-]+){0,2}):[ \t\u00a0]+(?=\S)")
_NOT_SPEAKERS = frozenset({"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ",
                           "READ MORE", "RELATED", "PHOTO", "PHOTOS", "VIDEO", "CLAIM", "VERDICT", "SOURCE",
                           "SOURCES", "CORRECTION", "BREAKING", "WARNING", "FACT", "FACT CHECK",
                           # a headline's genre or urgency, not who says it ("Exclusive: ...")
                           "IMPORTANT", "EXCLUSIVE", "OPINION", "ANALYSIS", "EDITORIAL", "COMMENTARY",
                           "EXPLAINER", "LIVE", "DEVELOPING", "JUST IN", "LISTEN", "MUST WATCH",
                           "MUST READ", "ALERT", "URGENT", "REVEALED", "UPDATES", "PODCAST",
                           "INTERVIEW", "PROFILE", "REVIEW", "OBITUARY", "FEATURE", "COMMENT",
                           "EYEWITNESS", "FIRST PERSON", "Q&A", "QUIZ", "FACTBOX", "TIMELINE",
                           "GALLERY", "IN PICTURES", "IN PHOTOS", "OP-ED", "LETTER", "LETTERS",
                           "SPECIAL REPORT", "INSIGHT", "PREVIEW",
                           # an interview's question and answer ("Q: Why did the union strike?")
                           "Q", "A", "Q.", "A."})


def dash_speaker(text: str, end: int) -> tuple[int, int] | None:
    """The span of a name set after a dash just behind a quotation ending at ``end``, or None."""
    match = _DASH_NAME.match(text, end)
    if match is None:
        return None
    start, stop = match.span(1)
    if text[stop:stop + 1].isalpha():
        return None
    last = text[start:stop].split()[-1]
    if last.endswith(".") and len(last) > 2 and last not in ("Jr.", "Sr."):
        stop -= 1  # the full stop ends the sentence, not an initial
    return start, stop


# the line Twitter's embed code closes a post with: " — Ann Cole (@anncole) May 3, 2024"
_POST_BYLINE = re.compile(
    r"[ \t\u00a0]+[—―–]{1,2}[ \t\u00a0]*(?P<name>[^\s()—―–<>@][^\n()—―–<>@]{0,78}?)[ \t\u00a0]*"
    r"\(@\w{1,30}\)[ \t\u00a0]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"[ \t\u00a0]+\d{1,2},[ \t\u00a0]+\d{4}")
# where an embedded post opens when a page keeps its markup ("<blockquote class=...>"), or
# where the post before it closes
_POST_OPENING = re.compile(r"</?(?:tweet|blockquote)\b[^>]*>", re.IGNORECASE)
# the links a post ends with ("... the law. pic.twitter.com/Oq2x", "https://t.co/Ab3") and a
# site's pitch that scraping glued to it ("SIGN UP FOR OUR NEWSLETTER"): not said
_POST_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\w+|https?://\S+|(?i:sign up for our newsletter)))+"
                         r"\s*$")


def embedded_posts(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``((name start, end), (post start, end))`` for each social-media post embedded as Twitter's
    embed code prints it: the post, then a dash, the author's name, handle and date ("No one
    should be above the law. pic.twitter.com/Oq2x — Ann Cole (@anncole) July 5, 2016").

    The post runs from the start of its line (or of its markup) to the dash, without the links
    it ends with; a post of one word is left out.
    """
    posts = []
    for match in _POST_BYLINE.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        for opening in _POST_OPENING.finditer(text, start, match.start()):
            start = opening.end()
        end = match.start()
        links = _POST_LINKS.search(text, start, end)
        if links is not None:
            end = links.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if len(text[start:end].split()) >= 2:
            posts.append((match.span("name"), (start, end)))
    return posts


# "Pollsters agree - Carl Bialik: “...”": a name (or two joined by "and") and a colon right before
# a quotation, opening its line or set after a dash
_COLON_NAME = re.compile(r"(?:^|[-—–―][ \t\u00a0]+)"
                         r"([A-Z][\w.'’-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'’-]*|and|de|van|von|al|bin)){0,6})"
                         r"[ \t\u00a0]*:[ \t\u00a0]*$", re.MULTILINE)


# what may follow such a quotation on its line: the digest's source ("[538]"), a full stop
_LINE_REST = re.compile(r"[ \t\u00a0]*(?:\[[^\]\n]{1,40}\])?[ \t\u00a0.]*(?:\n|$)")
# a headline's words in Title Case, which no name holds ("CNN President On Trump: ‘...’")
_TITLE_WORDS = frozenset({"On", "For", "To", "Of", "In", "At", "By", "With", "From", "About", "The", "A",
                          "An", "Is", "Are", "Was", "Says", "Say", "Said", "Tells", "After", "Over"})


def colon_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a name set with a colon right before the quotation ``[start, end)``, at the
    start of its line or after a dash, when the quotation ends the line ("ANALYSIS - Carl Bialik:
    “...” [538]", "Mayor Ann Cole: “...”"), or None; a heading's word ("UPDATE:", "Watch:") names
    no one, and a headline that goes on after its quotation ("Ryan: ‘Anti-Semitic Images’ Have
    ...") is read as a headline."""
    line = text.rfind("\n", 0, start) + 1
    match = _COLON_NAME.search(text, max(line, start - 120), start)
    if match is None or not _LINE_REST.match(text, end):
        return None
    name = match.group(1)
    words = name.split()
    if name.upper() in _NOT_SPEAKERS or words[-1] == "and" or (len(words) == 1 and words[0].isupper()) \
            or any(w in _TITLE_WORDS for w in words):
        return None  # one word in capitals is a heading or a transcript's label, read elsewhere
    return match.span(1)


def transcript_turns(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``((label start, end), (content start, end))`` for each "NAME: ..." turn of a transcript.

    Only labels in capitals count ("PENCE:", "SEN. COLE:"), and only when the text holds two
    turns or more, so a heading such as "UPDATE: ..." alone is not a speaker.
    """
    turns = []
    for match in _TURN.finditer(text):
        start, stop = match.span(1)
        if not _WORD.search(text[start:stop]) or text[start:stop] in _NOT_SPEAKERS:
            continue
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        content_end = _trim_end(text, line_end)
        while True:  # the closing marks and a stage direction after the words ("(APPLAUSE)")
            while content_end > match.end() and text[content_end - 1] in "\"”\u00a0 ":
                content_end -= 1
            direction = _STAGE_DIRECTION.search(text, match.end(), content_end)
            if direction is None or direction.start() == match.end():
                break
            content_end = direction.start()
        if content_end > match.end():
            turns.append(((start, stop), (match.end(), content_end)))
    return turns if len(turns) >= 2 else []


#: A transcript's note in capitals at the end of a turn: "(APPLAUSE)", "[CROSSTALK]", "(LAUGHTER)".
_STAGE_DIRECTION = re.compile(r"[ \t\u00a0]*[(\[][A-Z][A-Z ,'’-]{2,40}[)\]][ \t\u00a0.]*$")


_QUESTION_LINE = re.compile(r"(?m)^[ \t\u00a0]*Q[.:][ \t\u00a0]+\S")
_ANSWER_LINE = re.compile(r"(?m)^[ \t\u00a0]*A[.:][ \t\u00a0]+(?=\S)")


def interview_answers(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where an interview's first question starts and the ``(start, end)`` of each answer: the
    rest of a line opening "A:" in a text that also has a line opening "Q:" (the answer without
    its label). ``(-1, [])`` for a text that is no such interview."""
    question = _QUESTION_LINE.search(text)
    if question is None:
        return -1, []
    answers = []
    for match in _ANSWER_LINE.finditer(text):
        line_end = text.find("\n", match.end())
        end = _trim_end(text, len(text) if line_end < 0 else line_end)
        if end > match.end():
            answers.append((match.end(), end))
    return (question.start(), answers) if answers else (-1, [])


# "Poll: Clinton and Trump in dead heat", "Cruz: ...": a headline citing a source before a colon
_HEADLINE = re.compile(r"(?m)^[ \t\u00a0]*"
                       r"([A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|of|the|and|for|on)){0,4})"
                       r":[ \t\u00a0]+(?=[\"“‘'A-Z0-9])")
_HEADLINE_WORDS = 25
#: The labels of a fact box ("Cost: 12 million euros", "Opened: 1998"), which cite nobody.
_FACT_LABELS = frozenset({
    "cost", "costs", "price", "prices", "budget", "length", "height", "area", "size", "capacity",
    "population", "opened", "built", "founded", "born", "died", "age", "date", "dates", "time", "times",
    "when", "where", "who", "what", "why", "how", "venue", "tickets", "status", "location", "duration",
    "distance", "speed", "weight", "salary", "revenue", "profit", "staff", "employees", "members",
    "deadline", "key facts", "fact box", "at a glance", "in numbers", "background", "context",
})
_ARTICLES = frozenset({"The", "THE", "A", "An", "AN"})


def headline_sources(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``((source start, end), (claim start, end))`` for headline lines like "Poll: Clinton leads".

    Only short lines (a headline, not a paragraph) whose part before the colon is one to five
    capitalised words; labels such as "UPDATE" or "Photo", and ones opening with an article
    ("The Latest: ..."), are not sources.
    """
    found = []
    for match in _HEADLINE.finditer(text):
        start, stop = match.span(1)
        label = text[start:stop]
        if label.upper() in _NOT_SPEAKERS or label.lower() in _FACT_LABELS or label.endswith(("'s", "’s")) \
                or label.split()[0] in _ARTICLES:
            continue  # "The Latest: ...", "The Harbour Bridge Scandal: ..." name a topic, not a source
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        content_end = _trim_end(text, line_end)
        words = len(text[match.end():content_end].split())
        if 3 <= words <= _HEADLINE_WORDS:
            found.append(((start, stop), (match.end(), content_end)))
    return found
