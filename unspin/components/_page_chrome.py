"""The lines of a web page's furniture that pasted or scraped text carries into an article.

A sign-up form ("Email *", "This field is for validation purposes ..."), a poll's or a
newsletter's pitch ("Completing this poll grants you access to ... updates free of charge",
"You may opt out at anytime", "take our poll - story continues below"), the consent line
("You also agree to this site's Privacy Policy and Terms of Use"), share counters ("557 SHARES
Facebook Twitter"), "Advertisement", links to other stories ("Read more from ...", "Read more:
...", "Related: ..."), a site's own pitch ("Subscribe to our mailing list ...", "Sign up to get
... news delivered straight to your inbox"), a copyright line. None of it is the
article's: no claim, quote or actor is read from these lines. The patterns are kept narrow, each
one a whole line of furniture, so that a sentence of the article about privacy or polls stays.
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
    | ^\s*(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})""",
    re.IGNORECASE | re.VERBOSE,
)


@lru_cache(maxsize=16)
def page_chrome(text: str) -> tuple[tuple[int, int], ...]:
    """The character ranges of the lines of ``text`` that are a web page's furniture."""
    ranges = []
    at = 0
    for line in text.split("\n"):
        if _CHROME.search(line):
            ranges.append((at, at + len(line)))
        at += len(line) + 1
    return tuple(ranges)


def in_page_chrome(text: str, position: int) -> bool:
    """Whether the character at ``position`` lies on a line of page furniture."""
    ranges = page_chrome(text)
    i = bisect_right(ranges, (position, len(text) + 1)) - 1
    return i >= 0 and ranges[i][0] <= position < ranges[i][1]
