"""The lines of a web page's furniture that pasted or scraped text carries into an article.

A sign-up form ("Email *", "This field is for validation purposes ..."), a poll's or a
newsletter's pitch ("Completing this poll grants you access to ... updates free of charge",
"You may opt out at anytime", "take our poll - story continues below"), the consent line
("You also agree to this site's Privacy Policy and Terms of Use"), share counters ("557 SHARES
Facebook Twitter"), "Advertisement", links to other stories ("Read more from ...", "Read more:
...", "Related: ..."), tags and a blog's "Posted by ... | Permalink" line, a shop's book box
at the start of a line ("... Best Price: $9.85 Buy New $9.95 (as of 03:35 EDT - Details)"), a
site's own pitch ("Subscribe to our mailing list ...", "Sign up to get ... news delivered
straight to your inbox", "Subscribe now for just $1 a week"), a copyright line, credits and
notes ("Additional reporting by ...", "... contributed to this report", "Correction: An earlier
version of this article said ...": the outlet's own note, not a quote of "an earlier version"),
the page's timestamps ("Last modified on ... BST"), prompts ("Click here to download ...", "Story
continues below advertisement", "Our journalism relies on readers like you ..."), a video's
"WATCH: ... (2:31)", a gallery's "1/12 ... Credit: ..." and a photo's caption ending in its credit
("... (Photo: Jane Doe/Reuters)"), and a line that repeats the end of such a line (a poll's
question, set after its pitch and then alone). None of it is the article's: no
claim, quote or actor is read from it. The line patterns are kept narrow, each one a whole line
of furniture, so that a sentence of the article about privacy or polls stays. Inside a
paragraph, only a link to another story in brackets and by its title counts ("(RELATED: Did RFK
Jr. Meet With Then-President Trump To Lead A Vaccine Safety Commission?)"); a bracketed sentence
("(Related: Last year, ...)") is the writer's own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

__all__ = ["in_page_chrome", "page_chrome"]

_CHROME = re.compile(
    r"""^\s*(?:e-?mail|name|phone|comments?|website)\s*\*?\s*$
    | this\ field\ is\ for\ validation\ purposes
    | \bopt\ out\ at\ any\ ?time\b
    | \bagree\ to\ (?:this|our|the)\ (?:site|website)['’]s\ (?:privacy\ policy|terms)
    | \bgrants\ you\ access\ to\b.*\bupdates\b
    | \btake\ our\ poll\b
    | ^\s*advertisements?\s*$
    | ^\s*(?:read\ more\ (?:from|at|on)\b|sign\ up\ (?:for\ (?:more\ )?newsletters?|thank\ you)\b)
    | ^\s*(?:read\ more|related(?:\ (?:content|stories|articles|posts|reading))?)\s*:
    | ^\s*read\ more\ \w+\ stories\s*$
    | ^\s*sign\ up\b.*\b(?:inbox|newsletters?)\b
    | ^\s*subscribe\ to\ (?:our\b|(?-i:[A-Z])[\w.]+\ (?:telegram|newsletter|channel)\b)
    | ^\s*help\ keep\ .{0,60}\bfree\b
    | ^\s*[\d.,]+k?\s+shares\b
    | ^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})
    | ^\s*tags\s*:\s
    | ^\s*posted\ by\b.{0,80}\|\s*permalink\s*$
    | ^\s*subscribe\ (?:now|today)\b
    | ^\s*(?:additional\ )?(?:reporting|writing|editing)\ by\ (?-i:[A-Z])
    | ^[\w.’' -]{2,60}\ contributed\ (?:to\ )?this\ (?:report|story|article)\.?\s*$
    | ^\s*this\ (?:article|story)\ (?:was\ )?(?:originally|first)\ (?:appeared|published)\b
    | ^\s*click\ here\b
    | ^\s*our\ (?:journalism|reporting|newsroom)\ (?:relies|depends)\ on\b
    | ^\s*(?:have|got)\ a\ (?:news\ )?tip\b
    | ^\s*(?:last\ (?:modified|updated)|updated|(?:first\ )?published)\b(?=[^\n]*\d)[^\n]{0,70}(?<![.!?])$
    | ^\s*story\ continues\ (?:below|after)\b
    | ^\s*listen\ to\ this\ (?:article|story)\b
    | ^\s*(?:watch|video|listen)\s*:[^\n]*\(\d{1,2}:\d{2}\)\s*$
    | ^\s*(?:gallery|slideshow)\s*:\s*\d+\ (?:photos|images|pictures)\s*$
    | ^\s*\d{1,3}\s*/\s*\d{1,3}\s.*\b(?:credit|photo(?:graph)?|picture|image)s?\s*(?:by\s|:)
    | (?:^|[.!?]\s+|\()(?:photo(?:graph)?|picture|image|credit)s?\s*(?:by\s+|:\s*)[^\n.:()]{1,60}\)?\s*$
    | ^\s*(?:correction|clarification)\s*:""",
    re.IGNORECASE | re.VERBOSE,
)


#: A shop's book box pasted at the start of a line ("The Kennedy Autopsy Jacob G Hornberger
#: Best Price: $9.85 Buy New $9.95 (as of 03:35 EDT - Details)"), the article going on after it.
_SHOP = re.compile(r"^[^\n]{0,120}?\bBest Price:\s*[$£€][\d.,]+(?:\s*Buy New\s*[$£€][\d.,]+)?"
                   r"(?:\s*\(as of [^()\n]{0,40}\))?")


#: A link to another story in brackets, anywhere in a paragraph: "(RELATED: ...)", "(Read more: ...)".
_LINK = re.compile(r"\((?:related|read\ more|see\ also|also\ read)\s*:([^()\n]{1,400})\)", re.IGNORECASE)


def _headline(words: str) -> bool:
    """Whether a link's words are a story's title in Title Case ("Trump-Appointed World Bank
    President Announces Resignation"); a sentence in brackets ("(Related: Last year, Letitia
    James launched ...)") is the writer's own and stays."""
    found = re.findall(r"[^\W\d_][\w’'-]*", words)
    capitals = sum(w[0].isupper() for w in found if len(w) > 3)
    return capitals >= 2 and capitals >= 0.8 * sum(len(w) > 3 for w in found)


@lru_cache(maxsize=16)
def page_chrome(text: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of ``text`` that are a web page's furniture: whole lines, and
    bracketed links to other stories inside the others (sorted, not overlapping)."""
    ranges = []
    at = 0
    for line in text.split("\n"):
        if _CHROME.search(line):
            ranges.append((at, at + len(line)))
        else:
            shop = _SHOP.match(line)
            if shop is not None:
                ranges.append((at, at + shop.end()))
            links = _LINK.finditer(line)
            ranges.extend((at + m.start(), at + m.end()) for m in links if _headline(m.group(1)))
        at += len(line) + 1
    return tuple(sorted(ranges + _echoes(text, ranges)))


def _echoes(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines that repeat, whole, the end of a line of furniture: a poll's question set after
    its pitch and then alone ("take our poll - story continues below Who should replace Nikki
    Haley as our ambassador to the U.N.?", then the question twice) is the page's, not the
    story's; on PTC dev it put Nikki Haley and the UN into 19 of the 75 articles."""
    ends = [text[s:e].rstrip() for s, e in ranges if e - s >= 20]
    out = []
    at = 0
    for line in text.split("\n") if ends else ():
        bare = line.strip()
        if len(bare) >= 20 and any(end.endswith(bare) and end != bare for end in ends) \
                and not any(s < at + len(line) and at < e for s, e in ranges):
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def in_page_chrome(text: str, position: int) -> bool:
    """Whether the character at ``position`` lies in page furniture (``page_chrome``)."""
    ranges = page_chrome(text)
    i = bisect_right(ranges, (position, len(text) + 1)) - 1
    return i >= 0 and ranges[i][0] <= position < ranges[i][1]
