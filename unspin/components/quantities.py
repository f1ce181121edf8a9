"""Normalise the numbers, amounts, percentages and dates a sentence states.

``parse_quantity(text, label)`` turns one phrase (a spaCy MONEY, PERCENT, DATE, CARDINAL or
QUANTITY entity, or a regex match) into ``(kind, value, unit, qualifier)``:

* ``"more than 440,000"`` -> ``("count", 440000, None, "more than")``
* ``"37 percent"`` -> ``("percent", 37, None, None)``
* ``"$48m"`` / ``"48 million dollars"`` -> ``("money", 48000000, "USD", None)``
* ``"June 18"`` -> ``("date", "--06-18", None, None)``; ``"June 18, 2019"`` -> ``"2019-06-18"``
* ``"tens of thousands"`` -> ``("count", 10000, None, "tens of")``, a lower bound as written
* ``"could exceed €3bn"`` -> ``€3bn``: ``("money", 3000000000, "EUR", "more than")``, after a verb of
  surpassing ("exceed", "top", "surpass"), as if "more than" were written

* ``"CHF 5m"`` / ``"A$3bn"`` / ``"50p"`` -> ``("money", 5000000, "CHF", None)``, AUD, ``0.5`` GBP
* ``"-0.2%"`` -> ``("percent", -0.2, None, None)``; ``"25 basis points"`` -> ``0.25``, ``"percentage points"``
* ``"41C"`` -> ``("number", 41, "°C", None)``; ``"Q1 2024"`` -> ``("date", "2024-Q1", None, None)``,
  ``"Q3"`` / ``"the third quarter"`` -> ``"--Q3"`` (the year left out, as ``"--06"`` is a month),
  ``"the second half of 2025"`` / ``"H2 2025"`` -> ``"2025-H2"``, ``"the first half"`` -> ``"--H1"``
  (not a match's: "scored twice in the first half")

``find_quantities`` also gives both ends of a range (``"between 10 and 20"``, ``"3-4%"``,
``"$5-7 billion"``: qualifiers ``from``/``to``), but not of a change and its new level (``"fell
by 50,000 to 1.2 million"``: two amounts) nor of a tally (``"passed 52-48"``), and reads shares
written as a ratio or a fraction as percentages (``"2 in 5"`` -> 40, ``"a third of"`` -> 33.3,
``"fell by a fifth"`` -> 20), and a range of dates as one of amounts (``"from March 3 to March 9"``,
``"between 2019 and 2021"``), and a date a preposition bounds in time with it as its qualifier
(``"since 2018"``, ``"by 2026"``, ``"until June 1"``, ``"before"``, ``"after"``). It reads a length
of time spaCy calls a time as one (``"24 hours"``), a year with "mid", "early" or "late" as a date
(which part of it, ``date_part``, goes in the quantity's ``part``: "early 2023", "late March", "the
end of 2024" -> "late"), each age of a list (``"aged 19, 22 and 34"``) and the unit of measure
spaCy leaves outside a count (``"120 tonnes"``), a span of time "ago" as a date counted back from the
text's own (``"four years ago"`` -> ``("date", "-P4Y", None, None)``) and ``"15 years to life"`` as at
least 15 years.
A rate keeps what it is per in its unit (``"$80 per barrel"`` -> ``"USD per barrel"``, ``"£3 a
litre"``, ``"12 deaths per 100,000 people"`` -> number 12, ``"deaths per 100,000 people"``; ``"£3
each"`` -> ``"GBP each"``), and so does an amount it is compared with (``"26.4p per kilowatt hour,
up from 24.5p"``: both per kilowatt hour), and
the value of a ratio of risks is a number in its unit (``"a hazard ratio of 0.82"`` ->
``"hazard ratio"``), not a count.

``find_quantities(sent, text)`` finds them in a spaCy sentence (entities first, then a regex
pass for numbers the tagger missed) and returns ``Quantity`` records with article offsets.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from unspin.components.parse import doc_text
from unspin.doc import Quantity

__all__ = [
    "QUANTITY_LABELS", "date_part", "find_quantities", "glued_full_stop", "parse_number", "parse_quantity",
]

#: spaCy entity labels read as quantities, and the kind each maps to by default.
QUANTITY_LABELS: dict[str, str] = {
    "MONEY": "money",
    "PERCENT": "percent",
    "DATE": "date",
    "CARDINAL": "count",
    "QUANTITY": "number",
}

# Longest first, so "more than" wins over "more".
_QUALIFIERS = sorted(
    [
        "more than", "over", "at least", "nearly", "almost", "about", "around", "approximately",
        "up to", "less than", "fewer than", "roughly", "as many as", "as much as", "under",
        "below", "above", "in excess of", "close to", "some", "an estimated", "estimated",
        "upwards of", "just over", "just under", "well over", "no more than", "no fewer than",
        "at most", "exactly", "only", "just", "almost exactly", "approx.", "about",
        "nearly all", "more", "less", "fewer", "a few", "several", "a couple of", "tens of",
        "dozens of", "hundreds of", "thousands of", "millions of", "greater than", "higher than",
        "as few as", "a little over", "a little more than", "well under", "well below",
        "well above", "just shy of", "as long as", "as little as", "as high as", "as low as",
        # below an amount it comes near: "fell short of 50%", "just short of 40,000"
        "shy of", "short of", "just short of",
        "as early as", "as late as", "as recently as", "as soon as", "plus or minus", "±",
        # a mean, not a total: "an average of 40 rockets a day"
        "an average of", "averaging", "on average",
        # an upper bound in time or distance: "within three years", "within 10 miles"
        "within",
        # how often: "a child dies every 10 minutes", "every two years"
        "every",
    ],
    key=len,
    reverse=True,
)
_QUALIFIER_RE = re.compile(r"^(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\b\s*", re.I)
_QUALIFIER_BEFORE_RE = re.compile(r"(?:" + "|".join(re.escape(q) for q in _QUALIFIERS) + r")\s+$", re.I)

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12, "half": 0.5,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5,
}
_PLURAL_SCALES = {"hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
#: "tens of thousands" is at least 10 x 1,000.
_MULTIPLES = {"tens of": 10, "dozens of": 12, "hundreds of": 100}
_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "us$": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "shekel": "ILS", "shekels": "ILS",
    "cents": "USD", "cent": "USD", "francs": "CHF", "franc": "CHF", "won": "KRW", "lira": "TRY",
    "riyal": "SAR", "riyals": "SAR", "pesos": "MXN", "peso": "MXN", "rand": "ZAR", "pence": "GBP",
    # the currencies named in words of one country each ("500 billion rupiah", "2 million naira")
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "naira": "NGN", "hryvnia": "UAH", "hryvnias": "UAH",
    "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF", "koruna": "CZK", "korunas": "CZK",
    "dirham": "AED", "dirhams": "AED", "taka": "BDT", "kronor": "SEK", "cedi": "GHS", "cedis": "GHS",
    "reais": "BRL", "tenge": "KZT",
}
#: ISO 4217 codes as news writes them, in capitals ("CHF 5m", "SEK 210 billion"); "RMB" is the yuan.
_CURRENCY_CODES = (
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "AUD", "CAD", "HKD", "NZD", "SGD", "BRL",
    "ZAR", "RUB", "KRW", "MXN", "TRY", "SAR", "AED", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ILS",
)
_CURRENCY_CODE_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_CURRENCY_CODES) + r")(?![A-Za-z])")
#: Abbreviations written before an amount: "Rs 12,500 crore" (the rupee), "Rp 5 trillion",
#: "Tk 300", "KSh 2bn", "₦40bn", "₱3m".
_CURRENCY_ABBREVIATIONS = {"Rs": "INR", "Rs.": "INR", "Rp": "IDR", "Rp.": "IDR", "Tk": "BDT",
                           "Tk.": "BDT", "KSh": "KES", "Ksh": "KES", "₦": "NGN", "₱": "PHP"}
_CURRENCY_ABBREVIATION_RE = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(a) for a in sorted(_CURRENCY_ABBREVIATIONS, key=len, reverse=True))
    + r")\s?(?=\d)")
#: The dollars written with a country's prefix: "A$3bn", "HK$12bn", "C$500m"; "R$" is the real.
_DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD",
                    "S": "SGD", "R": "BRL"}
_DOLLAR_PREFIX_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(_DOLLAR_PREFIXES) + r")\$")
#: The currency written just before a number: a sign, a prefixed dollar or a code ("CHF 5m").
_CURRENCY_BEFORE_RE = re.compile(r"(?:(?<![A-Za-z])(?:" + "|".join(_DOLLAR_PREFIXES) + r")?\$|[€£¥₹₽₩₦₱]|"
                                 r"(?<![A-Za-z])(?:Rs\.?|Rp\.?|Tk\.?|KSh|Ksh)\s?|"
                                 r"(?<![A-Za-z])(?:" + "|".join(_CURRENCY_CODES) + r")\s?)$")
#: "50p", "20 pence": pence, a hundredth of a pound.
_PENCE_RE = re.compile(r"(\d+(?:\.\d+)?)\s?(?:p|pence)", re.I)
_PENCE_PER_RE = re.compile(r"(\d+(?:\.\d+)?\s?(?:p|pence))\s+per\s+.+", re.I)
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1,
    "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH_RE = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_NUM_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_WORD_TOKEN_RE = re.compile(r"[a-z]+|\d[\d,]*(?:\.\d+)?|[$€£¥₹₽₩%]", re.I)
#: "30-year-old", "15-years-old", "a six-year-old", "a six-month-old baby": an age, the unit it is
#: counted in ("years old", "months old") and the number, in figures or words.
_AGE_TAIL = r"[\s-]+(?P<unit>year|month|week|day)s?[\s-]+olds?\b"
_AGE_WORDS = rf"(?P<age>\d{{1,3}}|[a-z]+(?:-[a-z]+)?){_AGE_TAIL}"
#: What makes an age of a number the tagger cut it from: "twenty-one" "-year-old".
_AGE_TAIL_RE = re.compile(_AGE_TAIL, re.I)
#: The same, or "aged 35", "(at) the age of 11": an age in years.
_AGE_RE = re.compile(rf"(?:(?:the\s+)?(?:age|aged)\s+(?:of\s+)?(?P<aged>\d{{1,3}})|{_AGE_WORDS})", re.I)
#: A count of people of one age, tagged as one date: "two 12-year-old boys", "three 15-year-olds".
_COUNTED_AGES_RE = re.compile(rf"(?P<count>\d[\d,]*|[a-z]+)\s+(?P<each>{_AGE_WORDS})", re.I)
#: Nouns of people a bound and a number after them give the age of ("voters over 65", "children under five").
_PEOPLE_NOUNS = (r"voters|people|adults|those|men|women|children|kids|babies|infants|boys|girls|patients|"
                 r"residents|pupils|teenagers|workers")
#: An age a number stands for by the words around it: "voters over 65", "those 45 and older",
#: "as he turns 70", "people aged 45".
_AGE_BEFORE_RE = re.compile(rf"\b(?:turns?|turned|turning|aged?|died\s+at|{_PEOPLE_NOUNS}|"
                            r"(?:who|he|she|i|we|you|they)\s*(?:is|was|were|am|are|['’]re|['’]m))"
                            r"(?:\s+(?:over|under|above|below))?\s+$", re.I)
#: The cues that make an age of a number spaCy counts rather than dates: one person's ("she was
#: 22"), not several people's ("we were 12" is a count).
_AGE_ONLY_RE = re.compile(r"\b(?:turns?|turned|turning|aged?|died\s+at|"
                          r"(?:who|he|she|i)\s*(?:is|was|am|['’]m))\s+$", re.I)
_AGE_BOUND_BEFORE_RE = re.compile(r"\b(over|under|above|below)\s+$", re.I)
_BE_BOUND_RE = re.compile(r"\b(?:were|are|was|is)\s+(?:over|under|above|below)\s+$", re.I)
_AGE_AFTER_RE = re.compile(r"\s+(?:and|or)\s+(?:older|over|up|younger|under)\b", re.I)
#: "between the ages of 18 and 29": two ages, as a range.
_AGES_RE = re.compile(r"(?:between\s+)?(?:the\s+)?ages?\s+(?:of\s+)?(\d{1,3})\s+(?:and|to)\s+(\d{1,3})", re.I)
#: "aged between 40 and 79": the same, with the cue before the entity.
_AGED_RANGE_RE = re.compile(r"(?:(?:between|from)\s+)?(\d{1,3})\s*(?:\band\b|\bto\b|[-–])\s*(\d{1,3})", re.I)
_AGED_BEFORE_RE = re.compile(r"\b(?:aged|ages)\s+$", re.I)
_DURATION_RE = re.compile(
    r"(?:(?:the|this|his|her|their|its|our)\s+)?(?:(?:past|last|next|first|previous|coming)\s+)?"
    r"((?:\d[\d,.]*(?:-plus|\+)?|[a-z-]+?)(?:\s+(?:and\s+)?(?:a\s+)?half|\s+(?:thousand|million|billion))?)(?:\s+|-)"
    r"(years?|months?|weeks?|days?|decades?|centuries|century|hours?|minutes?|seconds?)(?:\s+(?:old|long|ago))?",
    re.I,
)
_CODE_RE = re.compile(r"0\d")  # "02": part of a code, a time or a date, not an amount
#: "the second quarter": a part of a year, a date also with no number.
_QUARTERS = ("first", "second", "third", "fourth")
_QUARTER = r"(?:" + "|".join(_QUARTERS) + r")\s+quarter"
#: "the first half", "first-half": a half of a year, with its year or without (as a quarter is).
_HALF = r"(?:first|second)[\s-]half"
#: A half with no year that is a match's: the sentence speaks of play ("scored twice in the first
#: half", "led 2-0 in the second half"), not of a year ("profits rose 12% in the first half").
_BARE_HALF_RE = re.compile(rf"(?:the\s+)?{_HALF}", re.I)
#: "the first half of his term", "of the season": a half of something else than a year.
_HALF_OF_RE = re.compile(r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|\d{4})\b)", re.I)
#: "the first three months of 2024", "the first six months of the year": a quarter and a half.
_FIRST_MONTHS = r"first\s+(?:three|six|3|6)\s+months"
_PLAY_RE = re.compile(
    r"\b(?:scor(?:e|es|ed|ing|er|ers)|goals?|match(?:es)?|games?|penalt(?:y|ies)|kick-?off|half-?time|whistle|"
    r"referee|striker|midfielder|(?:goal)?keeper|tries|touchdowns?|innings|equali[sz]\w*|header|"
    r"substitut\w*|\d+(?:st|nd|rd|th)\s+minute|quarterback|wickets?|"
    r"(?:led|trailed|leading|trailing)\s+\d+\s?[-–]\s?\d+)\b", re.I)
#: A year a news text writes, 1500-2199.
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d)"
_YEAR_RE = re.compile(rf"^({_YEAR})s?$")
#: A determiner right before a number ("a 2023 study", "its 2019 report"), which makes a year of it.
#: A number or two that is no year: "70", "10-12", "0.60-0.84".
_BARE_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})*|\d{1,3}\s?[-–]\s?\d{1,3}|\d+\.\d+(?:\s?[-–]\s?\d+\.\d+)?")
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:a|an|the|its|his|her|their|this|that)\s+$", re.I)


def parse_number(text: str) -> float | None:
    """The numeric value of a phrase such as ``"440,000"``, ``"1.5 million"``, ``"two dozen"``."""
    tokens = [t.lower() for t in _WORD_TOKEN_RE.findall(text.replace("-", " "))]
    if ":" in text:  # a clock time or a ratio, not an amount
        return None
    total = 0.0
    current: float | None = None
    seen = False
    last_digit = False
    gap = False  # a word that is no number since the last number word
    for i, tok in enumerate(tokens):
        is_digit = tok[0].isdigit()
        if is_digit and last_digit:  # "10 35", "10 and 20": two numbers, not one
            return None
        if tok != "and":
            last_digit = is_digit
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("a", "an") and following not in _SCALES and following != "dozen":
            continue  # "an extra $100": an article, not "one"
        number_word = is_digit or tok in _SMALL or tok in _SCALES or tok in ("and", "point")
        if (is_digit or tok in _SMALL) and seen and gap:
            return None  # "four to one": two numbers with a word between, not one amount
        gap = seen and not number_word
        if is_digit:
            value = float(tok.replace(",", ""))
            current = value if current is None else current + value
            seen = True
        elif tok in _SMALL and not (tok in ("a", "an") and seen):
            current = (current or 0.0) + _SMALL[tok] if tok != "dozen" else (current or 1.0) * 12
            seen = True
        elif tok in _SCALES and (seen or len(tok) > 3):  # a bare "thousand" counts as one thousand
            seen = True
            if tok in ("m", "b", "k", "bn", "mn", "tn", "mln") and current is None:
                continue
            scale = _SCALES[tok]
            if scale >= 1e3 and current is None and total and i and tokens[i - 1] in ("lakh", "thousand"):
                total *= scale  # "1.5 lakh crore", "10 thousand crore": a scale of the scale before it
            elif scale >= 1e3:
                total += (current if current is not None else 1.0) * scale
                current = None
            else:
                current = (current if current is not None else 1.0) * scale
        elif tok in ("and", "point"):
            continue
    if not seen:
        return None
    value = total + (current or 0.0)
    return value


def _tidy(value: float | None) -> float | int | None:
    """A whole value as an int, else rounded to 6 places ("4.1 million" is 4100000, not 4100000.0),
    and to 12 significant digits ("$16.9 billion" is 16900000000, not 16899999999.999998)."""
    if value is None:
        return None
    value = round(float(f"{value:.12g}"), 6)
    return int(value) if float(value).is_integer() else value


def _split_qualifier(text: str) -> tuple[str | None, str]:
    match = _QUALIFIER_RE.match(text)
    if match and match.end() < len(text):
        return match.group(0).strip().lower(), text[match.end():]
    return None, text


def _currency(text: str) -> str | None:
    """The ISO code of the currency ``text`` writes: a prefixed dollar ("HK$"), a code ("CHF"), a
    sign ("£"; "¥" is the yuan where the text says so, else the yen) or a word ("euros"), or None."""
    prefixed = _DOLLAR_PREFIX_RE.search(text)
    if prefixed:
        return _DOLLAR_PREFIXES[prefixed.group(1)]
    code = _CURRENCY_CODE_RE.search(text)
    if code:
        return "CNY" if code.group(1) == "RMB" else code.group(1)
    abbreviation = _CURRENCY_ABBREVIATION_RE.search(text)
    if abbreviation:
        return _CURRENCY_ABBREVIATIONS[abbreviation.group(1)]
    for symbol, iso in _CURRENCY_SYMBOLS.items():
        if symbol in text:
            return "CNY" if symbol == "¥" and re.search(r"yuan|renminbi", text, re.I) else iso
    for word in re.findall(r"[a-z$]+", text.lower()):
        if word in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[word]
    return None


def _money(text: str) -> tuple[float | int | None, str | None]:
    pence = _PENCE_RE.fullmatch(text.strip())
    if pence:  # "50p": half a pound
        return _tidy(float(pence.group(1)) / 100), "GBP"
    unit = _currency(text)
    lowered = text.lower()
    # "$48m": the scale letter is glued to the number
    glued = re.search(r"(\d[\d,]*(?:\.\d+)?)\s?(bn|mn|mln|tn|[mbk])\b", lowered)
    value = float(glued.group(1).replace(",", "")) * _SCALES[glued.group(2)] if glued else parse_number(text)
    if value is not None and re.search(r"\bcents?\b", lowered) and not re.search(r"[$€£]", text):
        value /= 100
    return _tidy(value), unit


#: Words around a date that do not change it: "Friday, March 22", "between Dec. 2017", "this past June",
#: "Sunday's Sept. 11 anniversary" (the day the date falls on, as a possessive).
_DATE_FILLER = re.compile(
    r"\b(?:the|of|on|in|a|an|between|from|since|until|till|by|before|after|this|past|last|next|"
    r"early|late|mid|year|end|start|beginning|middle|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:['’]s)?)(?!\w)")


def _date(text: str) -> str | None:
    s = text.strip().lower().replace(",", " ")
    s = re.sub(r"\b(mid|early|late)[-–]", r"\1 ", s)  # "mid-September": the month, whose middle is its part
    s = re.sub(_DATE_FILLER, " ", s)
    s = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", s)
    s = " ".join(s.split())
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if iso:
        return s
    m = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:\s+(\d{{4}}))?", s)
    if m:
        month, day, year = _MONTHS[m.group(1).rstrip(".")], int(m.group(2)), m.group(3)
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    m = re.fullmatch(rf"(\d{{1,2}})\s+({_MONTH_RE})(?:\s+(\d{{4}}))?", s)
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).rstrip(".")], m.group(3)
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    m = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{4}})", s)
    if m:
        return f"{m.group(2)}-{_MONTHS[m.group(1).rstrip('.')]:02d}"
    m = re.fullmatch(rf"({_MONTH_RE})", s)
    if m:
        return f"--{_MONTHS[m.group(1).rstrip('.')]:02d}"
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:  # US order, the commoner one in English news
        return f"{m.group(3)}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    m = re.fullmatch(rf"(?:q([1-4])|(first|second|third|fourth)\s+quarter)\s+({_YEAR})", s)
    if m:  # "Q1 2024", "the first quarter of 2024"
        quarter = m.group(1) or str(["first", "second", "third", "fourth"].index(m.group(2)) + 1)
        return f"{m.group(3)}-Q{quarter}"
    m = re.fullmatch(rf"q([1-4])|({_QUARTER})", s)
    if m:  # "in Q3", "the second quarter": a quarter of a year the text leaves out, as "--06" is a month
        return f"--Q{m.group(1) or _QUARTERS.index(m.group(2).split()[0]) + 1}"
    m = re.fullmatch(rf"(?:h([12])|({_HALF}))(?:\s+({_YEAR}))?", s)
    if m:  # "H2 2025", "the second half of 2025"; "the first half (of the year)", "H1": --H1
        half = m.group(1) or ("1" if m.group(2).startswith("first") else "2")
        return f"{m.group(3)}-H{half}" if m.group(3) else f"--H{half}"
    m = re.fullmatch(rf"first\s+(three|six|3|6)\s+months(?:\s+({_YEAR}))?", s)
    if m:  # "the first three months of 2024" -> 2024-Q1, "the first six months of the year" -> --H1
        part = "Q1" if m.group(1) in ("three", "3") else "H1"
        return f"{m.group(2)}-{part}" if m.group(2) else f"--{part}"
    m = re.search(r"(?:['’]|(?<![\w.]))([3-9])0s\b", s)
    if m and len(re.findall(r"\d+", s)) == 1:  # "the '80s", "since the 70s": the 1980s, the 1970s (a
        # decade of ages or temperatures is read before, ``_decade_numbers``; "the '20s": either century)
        return f"19{m.group(1)}0s"
    m = re.search(rf"\b({_YEAR})(s)?\b", s)
    if m and len(re.findall(r"\d+", s)) == 1:
        return m.group(1) + ("s" if m.group(2) else "")
    return None


#: The words that name a part of a period, and the part each stands for: "early 2023", "mid-2019",
#: "late March", "the start of 2024", "the middle of June", "by the end of the year".
_DATE_PARTS = {"early": "early", "start": "early", "beginning": "early", "mid": "mid", "middle": "mid",
               "late": "late", "end": "late"}
_DATE_PART_RE = re.compile(r"\b(" + "|".join(_DATE_PARTS) + r")\b", re.I)
_PART_BEFORE_RE = re.compile(r"\b(?:early|mid|late)[\s-]+$", re.I)


def date_part(phrase: str) -> str | None:
    """The part of the period a date phrase names, without its qualifier: ``"early"``, ``"mid"``
    or ``"late"`` ("early 2023", "mid-2019", "the end of March"), or None ("March 2023")."""
    m = _DATE_PART_RE.search(_split_qualifier(phrase.strip())[1])
    return _DATE_PARTS[m.group(1).lower()] if m else None


#: "41C", "40.3 °C", "98 degrees Fahrenheit": a temperature.
_TEMPERATURE_RE = re.compile(r"(\d+(?:\.\d+)?)\s?(?:°\s?|degrees?\s+)?(C|F|Celsius|Fahrenheit|centigrade)")
#: "magnitude 5.2", "a magnitude of 7.8": an earthquake's size.
_MAGNITUDE_RE = re.compile(r"magnitude(?:\s+of\s+|[\s-]+)(\d+(?:\.\d+)?)", re.I)
#: "the three months to March", "the year to May 2024", "the quarter ended October 27": a period named
#: by its end.
_PERIOD_TO_RE = re.compile(r"(?:the\s+)?(?:[\w-]+\s+)?(?:years?|months?|weeks?|quarters?|days?)\s+"
                           r"(?:to|until|ending|ended)\s+(.+)", re.I)
_THE_RE = re.compile(r"the\s", re.I)
_THE_AGE_OF_RE = re.compile(r"the\s+age\s+of\s", re.I)
#: The qualifiers that are comparisons or prepositions: before "the" they bound no amount.
_COMPARISONS = frozenset(["over", "under", "above", "below", "more than", "less than", "fewer than",
                          "greater than", "higher than", "in excess of", "well over", "well under",
                          "well below", "well above", "just over", "just under", "upwards of"])
#: An amount in "pc" at the start of an entity spaCy took for a date or a count ("5.6pc year").
_PC_AMOUNT_RE = re.compile(r"(?:[-−]\s?)?\d[\d,]*(?:\.\d+)?\s?pc\b")
#: "pc", the British newspapers' per cent, after a number ("rose 5.6pc"); not "PC" (a computer).
_PC_RE = re.compile(r"(?<=\d)\s?pc\b")
_BASIS_POINTS_RE = re.compile(r"\bbasis points?\b|(?<=\d)\s?bps\b", re.I)


def parse_quantity(text: str, label: str) -> tuple[str, Any, str | None, str | None]:
    """``(kind, value, unit, qualifier)`` for a phrase tagged ``label`` (a spaCy entity label).

    A minus sign before the number ("-0.2%", "−0.2%") makes the value negative. A comparison
    before "the" bounds no amount: it compares another with it or says when ("well below the 95
    percent needed", "over the first quarter"); "about the next 30 years" is still about 30."""
    qualifier, core = _split_qualifier(text.strip())
    if qualifier in _COMPARISONS and _THE_RE.match(core) and not _THE_AGE_OF_RE.match(core):
        qualifier = None  # but "under the age of 5" is an age below 5
    minus = re.match(r"(?:[-−]|minus\s)\s?(?=\d)", core, re.I)
    if minus:
        core = core[minus.end():]
    kind, value, unit, qualifier = _parse_core(core, label, qualifier)
    if minus and isinstance(value, int | float):
        value = -value
    return kind, value, unit, qualifier


#: A unit of time as an ISO 8601 duration's designator, and how many of it one of the unit is.
_AGO_UNITS = {"year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1), "decade": ("Y", 10),
              "centurie": ("Y", 100), "century": ("Y", 100), "hour": ("TH", 1), "minute": ("TM", 1),
              "second": ("TS", 1)}


def _ago(number: float | None, unit: str) -> str | None:
    """"four years ago" as the date that long before the text's own: "-P4Y" ("three hours ago":
    "-PT3H", "two decades ago": "-P20Y"); None without a number ("a few years ago")."""
    if number is None:
        return None
    designator, times = _AGO_UNITS[unit.removesuffix("s")]
    amount = _tidy(number * times)
    return f"-P{amount}{designator}" if len(designator) == 1 else f"-PT{amount}{designator[1]}"


def _age(phrase: str) -> tuple[int | float, str] | None:
    """The value and unit of the age ``phrase`` states ("30-year-old" -> 30, "years old"; "a
    six-month-old" -> 6, "months old"; "aged 35"), or None: not an age, or a number in words
    that is none ("a many-year-old")."""
    age = _AGE_RE.fullmatch(phrase)
    if age is None:
        return None
    if age.group("aged"):
        return int(age.group("aged")), "years old"
    value = _tidy(parse_number(age.group("age"))) if _number_words(age.group("age")) else None
    return None if value is None else (value, f"{age.group('unit').lower()}s old")


#: The points of a lead or a score however written: "a 20-point margin", "one point ahead", "20 pts"
#: are all counted in "points", as "leads by 20 points" is.
_POINTS_UNITS = {"point": "points", "pt": "points", "pts": "points"}


def _parse_core(core: str, label: str, qualifier: str | None) -> tuple[str, Any, str | None, str | None]:
    """``parse_quantity`` once the qualifier and any minus sign are taken off ``core``."""
    core = re.sub(r"\s?½", ".5", core)  # "5 ½ years"
    kind = QUANTITY_LABELS.get(label, "number")
    temperature = _TEMPERATURE_RE.fullmatch(core.strip())
    if temperature:
        return "number", _tidy(float(temperature.group(1))), f"°{temperature.group(2)[0].upper()}", qualifier
    if _PENCE_RE.fullmatch(core.strip()):  # "50p", which spaCy may call a date
        value, unit = _money(core)
        return "money", value, unit, qualifier
    magnitude = _MAGNITUDE_RE.fullmatch(core.strip())
    if magnitude:
        return "number", _tidy(float(magnitude.group(1))), "magnitude", qualifier
    age = _age(core.strip())
    if age is not None and kind in ("date", "count", "number"):  # "30-year-old", "aged 35"
        return "number", age[0], age[1], qualifier
    duration = _DURATION_RE.fullmatch(core.strip())
    if duration and re.match(r"(?:few|several|many|some)\b", duration.group(1), re.I):
        return "number", None, duration.group(2).lower(), qualifier  # "a few billion years": no number
    length = _length_number(duration.group(1), qualifier) if duration else None
    if duration and core.strip().lower().endswith(" ago"):
        # "four years ago": a date counted back from the text's own, as an ISO 8601 duration before it
        return "date", _ago(length, duration.group(2).lower()), None, qualifier
    if duration:  # "22 years" is a length of time, not a date ("over the last 28 days": during them)
        if re.search(r"(?:-plus|\+)$", duration.group(1), re.I):
            qualifier = qualifier or "at least"  # "for 15-plus years"
        return "number", _tidy(length), duration.group(2).lower(), qualifier
    if kind == "date":
        period = _PERIOD_TO_RE.fullmatch(core.strip())
        if period:  # "the three months to March": the period that ends then
            return "date", _date(period.group(1)), None, qualifier or "to"
        return "date", _date(core), None, qualifier
    if _BASIS_POINTS_RE.search(core):  # "25 basis points": a quarter of a percentage point
        value = parse_number(_BASIS_POINTS_RE.sub(" ", core))
        return "percent", _tidy(value / 100 if value is not None else None), "percentage points", qualifier
    if kind == "percent" or re.search(r"%|\bper ?cent\b|\bpercentage points?\b", core, re.I) \
            or _PC_RE.search(core):
        unit = "percentage points" if re.search(r"percentage points?", core, re.I) else None
        return "percent", _tidy(parse_number(core)), unit, qualifier
    if kind == "money" or _currency(core) is not None:
        value, unit = _money(core)
        return "money", value, unit, qualifier
    fraction = _BARE_FRACTION_RE.fullmatch(core.strip())
    if fraction:  # "one-fifth", "two thirds": a share, as "a third of" is
        share = 100 * (parse_number(fraction.group(1)) or 1.0) / _FRACTIONS[fraction.group(2).lower()]
        return "percent", _tidy(round(share, 1)), None, qualifier
    plural = _PLURAL_SCALES.get(core.strip().lower())
    if plural is not None:  # "thousands", "tens of thousands": a lower bound, as written
        times = _MULTIPLES.get(qualifier or "", 1)
        return "count", _tidy(plural * times), None, qualifier or "at least"
    metres = _METRES_RE.fullmatch(core.strip()) if kind == "number" else None
    if metres:  # "500m long": metres, which the number's rule would read as millions
        return "number", _tidy(parse_number(metres.group(1))), "m", qualifier
    value = _tidy(parse_number(core))
    if kind == "number":
        # the unit is what is left once the number words are taken out: "six-ounce" -> "ounce"
        words = re.findall(r"[a-z][a-z.²³/]*", core.replace("-", " "), re.I)
        unit = " ".join(w for w in words if w.lower() not in _SMALL and w.lower() not in _SCALES
                        and w.lower() != "and")
        return "number", value, _POINTS_UNITS.get(unit.lower(), unit) or None, qualifier
    if kind == "count" and isinstance(value, float):
        return "number", value, None, qualifier  # "the strongest measuring 5.4": a count is whole
    return kind, value, None, qualifier


#: A verb of motion whose particle "up" or "down" comes before "to": "edge up to 3%", "climbed up
#: to 33.1 million" say where it went, not that it is at most that.
_MOTION_BEFORE_RE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|go(?:es|ing|ne)?|went|(?:climb|edg|jump|mov|inch|"
    r"tick|creep|crept|push|drift|shoot|shot|soar|surg|ramp|step|bump|grow|grew|notch|nudg|head|trend|"
    r"crawl|spik|slid|slip|drop|dipp?|sink|sank|plung|tumbl|come|came|coming)\w*)\s+$", re.I)


_PLUS_OR_BEFORE_RE = re.compile(r"\bplus\s+or\s+$", re.I)


def _qualifier_start(text: str, start: int, floor: int) -> int:
    """Move ``start`` back over a qualifier ("more than") written just before an entity."""
    plus = _PLUS_OR_BEFORE_RE.search(text, max(floor, start - 10), start)
    if plus is not None and re.match(r"minus\b", text[start:start + 6], re.I):
        return plus.start()  # "plus or minus 2%": the tagger took "minus 2%" alone
    window = text[max(floor, start - 25):start]
    match = _QUALIFIER_BEFORE_RE.search(window)
    if match is None or (match.start() > 0 and window[match.start() - 1].isalnum()):
        return start
    at = start - (len(window) - match.start())
    if match.group(0).lower().startswith("up to") and _MOTION_BEFORE_RE.search(text, max(floor, at - 20), at):
        return start  # "edge up to 3%": a particle and "to", not a bound
    return at


#: What spaCy may leave outside an amount after it: a glued scale ("2.4m", read as million only
#: after a currency or a decimal, since "100m" may be metres), a glued "%" or pence, a temperature's
#: "C", a scale word or currency after a space ("1.2bn euros", "500 crore"), the points of a change.
_GLUED_SCALE_RE = re.compile(r"(?:bn|mn|mln|tn|[bk])\b|m\b", re.I)
#: What a count in millions counts, after "m" ("200m passengers"); not "200m hurdles" (metres).
_COUNTED_AFTER_M_RE = re.compile(r"\s(?!hurdles|heats|relays|finals|metres|meters)[a-z]+s\b")
_GLUED_AFTER_RE = re.compile(r"%|(?-i:pc)\b|p\b|(?:°\s?)?[CF]\b")
#: A unit of measure after a count spaCy tagged without it ("120 tonnes", "300 square miles", "120
#: light years"), and the points of a score or a poll's lead ("leads by 20 points").
_UNIT_AFTER_RE = re.compile(
    r"\s?(?:(?:square|sq\.?|cubic)\s+)?(?:(?:giga|mega|kilo)?(?:tonnes?|tons?)|km/h|kmh|kph|mph|kilo(?:metre|meter|gram|watt)s?|km|kg|miles?|metres?|"
    r"meters?|litres?|liters?|gallons?|barrels?|hectares?|acres?|feet|foot|ft|inches|cm|mm|"
    r"(?:mega|giga)watts?|MW|GW|kWh|MWh|GWh|mmHg|mg|milligrams?|micrograms?|mcg|ml|millilit(?:re|er)s?|"
    r"grams?|kcal|calories|ppm|ppb|light[\s-]years?|points?|pts|(?:kilo|mega|giga|tera|peta)bytes?|[KMGTP]B|"
    r"(?:giga|tera|peta|exa)?flops|millibars?|mbar|hPa|hectopascals?|knots)\b(?!-)", re.I)
#: A noun a hyphen joins to the number before it, the two describing the noun after them: "a
#: three-bedroom house", "a 10-storey tower", "a five-star hotel", "a 1,000-page report".
_MEASURE_NOUN_AFTER_RE = re.compile(r"-(?P<noun>[a-z]+)(?=\s+[A-Za-z])")
#: Words after a hyphen that keep the number a count ("a 5,000-strong force", "50-odd people",
#: "60-plus"), or that other rules read ("twenty-five", "two-thirds", "30-year-old").
_NOT_MEASURE_NOUNS = frozenset(["strong", "odd", "ish", "plus", "something", "per", "fold", "old", "olds",
                                "to", "and", "or", "a", "an", "the", "in", "for", "of"])

#: "m" glued to a number before a word of size or distance: metres, not millions ("500m long", "a
#: 30m-high wall" is read by the hyphen's rule).
_METRES_AFTER_RE = re.compile(
    r"m\b(?=\s+(?:long|high|wide|deep|tall|across|away|thick|underground|offshore|"
    r"in\s+(?:length|height|width|diameter|depth)))", re.I)
#: An amount in metres so written ("500m").
_METRES_RE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?m", re.I)


def _unit_end(text: str, end: int, sent: Any) -> int | None:
    """Where the unit of measure after the count ending at ``end`` ends, which the tagger left
    outside it ("120 tonnes of supplies"), or where the noun a hyphen joins to the count ends,
    the two describing the noun after them ("a three-bedroom house": three bedrooms, no count of
    houses; "a 10-storey tower"); None if neither follows."""
    unit = _UNIT_AFTER_RE.match(text, end, sent.end_char) or _METRES_AFTER_RE.match(text, end, sent.end_char)
    if unit is not None:
        return unit.end()
    noun = _MEASURE_NOUN_AFTER_RE.match(text, end, sent.end_char)
    word = noun.group("noun") if noun is not None else ""
    if not word or word in _NOT_MEASURE_NOUNS or word in _SMALL or word in _SCALES \
            or word.removesuffix("s") in _FRACTIONS:
        return None
    span = sent.doc.char_span(noun.start("noun"), noun.end("noun"))
    return noun.end() if span is not None and len(span) == 1 and span[0].pos_ == "NOUN" else None


#: What a margin is counted in after its number: "won by six runs", "a majority of 12 votes", "lost by
#: two goals", "by three wickets".
_MARGIN_UNIT_AFTER_RE = re.compile(
    r"\s(?:goals?|runs?|votes?|seats?|wickets?|strokes?|shots?|lengths?|tries|places?|games?|frames?|sets?)\b",
    re.I)
#: What makes the number after it a margin: "by", or a lead, majority or gap "of", with any qualifier
#: between ("won by more than 300 votes").
_MARGIN_BEFORE_RE = re.compile(
    r"\b(?:by|(?:majority|lead|margin|deficit|advantage|gap|cushion|swing)\s+of)\s+$", re.I)


def _margin_end(text: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """Where the unit of a margin ends after the count at ``text[start:end]`` ("won by [six runs]",
    "a majority of [12 votes]", "by more than [300 votes]"): it is a measure of the margin, not a
    count of things; None where no margin's unit follows or nothing before makes it a margin
    ("23 seats", "scored 27 goals")."""
    unit = _MARGIN_UNIT_AFTER_RE.match(text, end, hi)
    if unit is None:
        return None
    before = text[max(lo, start - 40):start]
    qualifier = _QUALIFIER_BEFORE_RE.search(before)
    if qualifier is not None:
        before = before[: qualifier.start()]
    return unit.end() if _MARGIN_BEFORE_RE.search(before) else None


#: "/h" after a distance the tagger cut off before it ("70 km" "/h"): a speed.
_PER_HOUR_AFTER_RE = re.compile(r"/\s?h(?:r|our)?\b", re.I)
_DISTANCE_END_RE = re.compile(r"(?:km|kilomet(?:re|er)s?|miles?|mi|m|metres?|meters?)$", re.I)
_SPACED_AFTER_RE = re.compile(
    r"\s(?:per ?cent|percent|(?-i:pc)|percentage points?|basis points?|bps|"
    r"(?:lakh|thousand)\s+crores?|crores?|lakhs?|"
    + "|".join(w for w in _CURRENCY_WORDS if w not in ("won", "cent", "cents", "pence")) + r")\b", re.I)




#: The scale of a temperature in degrees the tagger left outside it: "104" "degrees Fahrenheit",
#: "48.8 degrees" "Celsius".
_DEGREES_AFTER_RE = re.compile(r"\s?(?:°\s?|degrees?\s+)(?:Celsius|Fahrenheit|centigrade)\b", re.I)
_SCALE_OF_DEGREES_RE = re.compile(r"\s+(?:Celsius|Fahrenheit|centigrade|C|F)\b")
_DEGREES_END_RE = re.compile(r"\ddegrees?$|\sdegrees?$", re.I)


def _widen(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """``(start, end)`` of the amount at ``text[start:end]`` taken out to what the tagger left outside:
    the currency before it ("CHF 5m", "A$3bn"), a minus sign ("-0.2%", not "3-4"), "magnitude", and
    the scale, unit or currency after it (``_GLUED_SCALE_RE``, ``_GLUED_AFTER_RE``,
    ``_SPACED_AFTER_RE``); ``lo``/``hi`` bound the sentence."""
    prefixed = _DOLLAR_PREFIX_RE.search(text, max(lo, start - 2), start + 1)
    if text[start] == "$" and prefixed and prefixed.end() == start + 1:  # "HK$12bn"
        start = prefixed.start()
    elif text[start].isdigit():
        before = _CURRENCY_BEFORE_RE.search(text[max(lo, start - 4):start]) or re.search(
            r"\bmagnitude(?:\s+of\s|[\s-])$", text[max(lo, start - 14):start], re.I)
        if before:
            start -= len(before.group(0))
        elif start > lo and text[start - 1] in "-−" and (start - 1 == lo or text[start - 2] in " (\n\t"):
            start -= 1
    if text[end - 1].isdigit():
        glued = _GLUED_SCALE_RE.match(text, end, hi)
        counted = glued is not None and _COUNTED_AFTER_M_RE.match(text, glued.end(), hi) is not None
        metres = glued is not None and _currency(text[start:end]) is None and _METRES_AFTER_RE.match(
            text, glued.start(), hi) is not None
        if glued and not metres and (glued.group(0).lower() != "m" or _currency(text[start:end]) is not None
                                     or re.search(r"\d\.\d", text[start:end]) or counted):
            end = glued.end()
        else:
            glued = _GLUED_AFTER_RE.match(text, end, hi)
            end = glued.end() if glued else end
    degrees = _DEGREES_AFTER_RE.match(text, end, hi) if text[end - 1].isdigit() else \
        _SCALE_OF_DEGREES_RE.match(text, end, hi) if _DEGREES_END_RE.search(text, start, end) else None
    if degrees is not None:  # "48.8 degrees" "Celsius", "104" "degrees Fahrenheit": a temperature
        return start, degrees.end()
    spaced = _SPACED_AFTER_RE.match(text, end, hi)
    return start, spaced.end() if spaced else end
#: Words the tagger may take into an amount before it that are no part of it and no qualifier: "a
#: record £713 million", "an extra £2bn", "another 1,500".
_LEAD_WORDS_RE = re.compile(r"(?:an?|another)\s+(?:[a-z]+\s+)?(?=[$€£¥₹₽₩]|\d)", re.I)
_FALLBACK_RE = re.compile(
    # "4," in "6-4, 7-5" is a number and a comma: thousands are three digits after the comma
    r"(?:[$€£]\s?)?\d+(?:,\d{3})*(?:\.\d+)?"
    r"(?:\s?(?:%|(?:percent|per cent|million|billion|trillion|bn|m|k)\b)|(?-i:pc)\b|p\b)?",
    re.I,
)


_TIME_AFTER_RE = re.compile(
    r"\s(?:years?|months?|weeks?|days?|decades?|centuries|hours?|minutes?|seconds?)(?:\s+ago)?\b", re.I)
_CENTS_AFTER_RE = re.compile(r"\s(?:cents?|pence)\b", re.I)
_RANGE_SPLIT_RE = re.compile(r"\s+(?:and|to|until|through)\s+|\s*[–—-]\s*|(?<=\d{4})/(?=\d\d\b|\d{4}\b)",
                             re.I)
#: "2023/24", "2019/2020": a year written as two, as a financial year or a season is.
_SPLIT_YEAR_RE = re.compile(rf"{_YEAR}/(?:\d\d|{_YEAR})")


#: What a range of months may be named as after its ends: "the April-June quarter", "the June-August period".
_RANGE_TAIL_RE = re.compile(r"\s+(?:quarter|period|months|season)$", re.I)


def _date_range(text: str, start: int, end: int, qualifier: str | None = None) -> list[Quantity]:
    """Both ends of a date range written as one phrase, or [] when it is not one. An end written
    short borrows from the other: "2019-20" and "2023/24" (2019, 2020), "May 12-14" and "12-14 May" (both in
    May). The ends of a range are qualified "from" (or the ``qualifier`` written before it) and
    "to", as a range of amounts is; two dates joined by "and" are a range only after "between"
    ("talks in March and June": two dates; ``_joined_as_range``)."""
    tail = _RANGE_TAIL_RE.search(text, start, end)
    if tail is not None:  # "the April-June quarter": the months it runs between
        end = tail.start()
    phrase = text[start:end]
    split = _RANGE_SPLIT_RE.search(phrase)
    if split is None:
        return []
    lead = re.match(r"(?:between|from)\s+", phrase, re.I)
    a_start = start + (lead.end() if lead else 0)
    (a_s, a_e), (b_s, b_e) = (a_start, start + split.start()), (start + split.end(), end)
    first, second = text[a_s:a_e], text[b_s:b_e]
    a, b = _date(first) if a_e > a_s else None, _date(second) if b_e > b_s else None
    if a is not None and b is None and re.fullmatch(r"\d{4}", a) and re.match(r"\d\d(?!\d)", second):
        b = _date(a[:2] + second)  # "2019-20"
        b_e = b_s + 2  # not the "season" after it
    day_year = re.fullmatch(r"(\d{1,2})(?:,?\s+(\d{4}))?", second.strip())
    if a is not None and b is None and day_year and re.fullmatch(r"--\d\d-\d\d", a) \
            and 1 <= int(day_year[1]) <= 31:  # "May 12-14", "May 12-14, 2024"
        prefix = f"{day_year[2]}-{a[2:4]}" if day_year[2] else a[:4]
        a, b = f"{prefix}-{a[5:7]}", f"{prefix}-{int(day_year[1]):02d}"
    if a is None and b is not None and re.fullmatch(r"\d{1,2}", first.strip()) and re.fullmatch(
            r"(?:\d{4}|-)-\d\d-\d\d", b):
        a = f"{b[:-3]}-{int(first):02d}" if 1 <= int(first) <= 31 else None  # "12-14 May"
    if a is None or b is None:
        return []
    if a.startswith("--") and re.match(r"\d{4}-", b):
        a = b[:4] + a[1:]  # "June 3 to June 5, 2025": the year is the end's
    ranged = _joined_as_range(text, start, split.group(0))
    words = (qualifier or "from", "to") if ranged else (qualifier, None)
    return [Quantity(start=a_s, end=a_e, kind="date", value=a, qualifier=words[0], part=date_part(first)),
            Quantity(start=b_s, end=b_e, kind="date", value=b, qualifier=words[1], part=date_part(second))]


#: A number written as a word, which may end a range as a figure does ("between five and seven").
_NUMBER_WORD = "(?:" + "|".join(w for w in _SMALL if w not in ("a", "an", "half", "dozen", "zero")) + r")\b"
_NUMBER_RANGE_RE = re.compile(
    rf"^(?P<lead>(?:between|from)\s+)?(?P<a>[-−]?[$€£]?\s?(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD})"
    r"(?:\s?(?!(?:and|or|to)\b)[a-z%]+(?:\s+points?\b)?)?)"
    rf"\s*(?P<sep>[-–—]|\bto\b|\band\b|\bor\b)\s*(?P<b>[-−]?[$€£]?\s?(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD}).*)$",
    re.I)
_TAIL_RE = re.compile(rf"^[-−]?[$€£]?\s?(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD})(.*)$", re.I)


_PLAIN_RANGE_RE = re.compile(r"(?:between|from)\s+\d{1,3}(?:,\d{3})*\s+(?:and|to)\s+\d{1,3}(?:,\d{3})*"
                             r"(?:\s+(?:thousand|million|billion|trillion))?", re.I)
_YEAR_RANGE_RE = re.compile(rf"\b{_YEAR}\b")
#: "passed 52-48", "passed the bill 52-48", "beat Castleford Athletic 3-1", "led with 52.3% to 46.1%": a
#: tally; after it, the
#: word that makes one of it, past any further scores ("a 6-4, 7-5 victory").
_TALLY_BEFORE_RE = re.compile(
    r"\b(?i:passed|won|lost|voted|beat|defeated|approved|rejected|confirmed|ruled|trailed|led|leads|"
    r"leading|trailing|vote|tally|score|margin|drew|drawn|draw|tied)"
    r"(?:\s+(?i:by|of|with|a|an|the|its|their)(?:\s+[a-z]+)?|\s+[A-Z][\w'’.&-]*)*\s*$")
#: A verb of taking sides before two amounts, the larger first: a tally of those for and against
#: ("Voters backed the measure 61% to 39%", "Members supported the deal 512-48").
_SIDING_BEFORE_RE = re.compile(r"\b(?:backed|supported|opposed|endorsed|favou?red|rejected)\b"
                               r"(?:\s+[\w'’-]+){0,4}?(?:\s+by)?\s*$", re.I)
_TALLY_AFTER_RE = re.compile(r"(?:,?\s*\d+\s?[-–]\s?\d+)*\s*(?:-\s*)?(?:vote|votes|ruling|decision|majority|"
                             r"margin|win|victory|defeat|loss|split|score|scoreline)\b", re.I)
#: "from" or "between" just before the first amount: the two are the ends of a range.
_LEAD_RE = re.compile(r"^(?:between|from)\s+", re.I)
_LEAD_BEFORE_RE = re.compile(r"\b(?:between|from)\s+$", re.I)
_BETWEEN_BEFORE_RE = re.compile(r"\bbetween\s+$", re.I)
_BETWEEN_AT_RE = re.compile(r"between\s", re.I)


def _joined_as_range(text: str, start: int, join: str) -> bool:
    """Whether two dates or amounts, the first at ``start`` (or its "between"), joined by ``join``
    are the ends of a range: a dash, "to", "until" or "through" makes one, "and" only after
    "between" ("between May and June", "between $33bn and $34bn"); "talks in March and June" and
    "figures from 2019 and 2021" are two dates."""
    if join.strip().lower() != "and":
        return True
    between_before = _BETWEEN_BEFORE_RE.search(text, max(0, start - 9), start)
    return bool(_BETWEEN_AT_RE.match(text, start) or between_before)


#: A verb of change before two amounts joined by "to": "fell by 50,000 to 1.2 million", "rose 6.5%
#: to €512m" state how much it changed and the new level, not a range ("cut deaths by 20% to 30%",
#: "rose 3 to 4 percent" are ranges).
_CHANGE_VERB = (
    r"\b(?:rose|rises?|risen|rising|fell|falls?|fallen|falling|grew|grows?|grown|growing|up|down|"
    r"(?:climb|jump|gain|slipp?|slump|surg|soar|plung|tumbl|increas|decreas|drop|shrank|shrunk|shrink|"
    r"edg|leap|widen|narrow|sank|sunk|sink|dipp?|rais|cut|lower|hik|reduc|boost|slash)\w*)")
_CHANGE_BEFORE_RE = re.compile(_CHANGE_VERB + r"(?P<by>\s+by)?\s+$", re.I)
#: The same verb with what changed between it and "by": "raised the dividend by 4 cents to 12 cents".
_CHANGE_OBJECT_BY_BEFORE_RE = re.compile(_CHANGE_VERB + r"(?:\s+[\w'’-]+){1,4}\s+by\s+$", re.I)


def _far_apart_change(before: str, a: str, tail_a: str, values: tuple[Any, Any]) -> bool:
    """Whether two amounts joined by "to" after a verb of change are the change and the new
    level by their size: the second three times the first or more, the first written in full
    ("rose $15 to $250 a tonne", "raised the dividend by 4 cents to 12 cents"), where "rose 1 to 3
    percent" and "cut deaths by 20% to 30%" are ranges."""
    low, high = values
    if not (isinstance(low, int | float) and isinstance(high, int | float) and 0 < 3 * low <= high):
        return False
    full = bool(tail_a.strip()) or a.lstrip("-−")[:1] in _CURRENCY_SYMBOLS
    return full and bool(_CHANGE_BEFORE_RE.search(before) or _CHANGE_OBJECT_BY_BEFORE_RE.search(before))


#: Scores just before, after a tally's cue: the next pair is the next set's or the tie-break's ("beat
#: Medvedev 6-3, 7-6 (7-5), 6-3"), where a list of ranges ("aged 18-24, 25-34") has no such cue.
_SCORES_BEFORE_RE = re.compile(r"(?:\d+\s?[-–]\s?\d+\)?\s*[,(]\s*)+$")


def _range_kind(text: str, start: int, m: re.Match[str], tail_a: str) -> str:
    """How two amounts written "A to B", "A-B" or "between A and B" relate: ``"range"`` (both ends
    of one), ``"tally"`` ("passed 52-48", "beat Leeds 3-1") or ``"pair"`` (a change, then the new
    level: "fell by 50,000 to 1.2 million", "rose 6.5% to €512m")."""
    before = text[max(0, start - 60):start]
    if (m.group("lead") or "").lower().startswith("between") or _BETWEEN_BEFORE_RE.search(before):
        return "range"  # "between 20 and 30 votes were spoiled": a tally is never "between"
    scores = _SCORES_BEFORE_RE.search(before)
    if _TALLY_BEFORE_RE.search(before[-40:]) or _TALLY_AFTER_RE.match(text, start + len(m.group(0))) or (
            scores is not None and _TALLY_BEFORE_RE.search(before[: scores.start()][-40:])) \
            or re.fullmatch(r"\s*(?:votes?|seats?)", tail_a, re.I):
        return "tally"  # "carried by 52 votes to 47": those for and against
    lead = m.group("lead") or _LEAD_BEFORE_RE.search(before)
    if lead or m.group("sep")[0] in "-–—":
        return "range"
    change = _CHANGE_BEFORE_RE.search(before)
    if change and (change.group("by") or tail_a.strip()):
        return "pair"
    return "range"


def _number_range(text: str, start: int, end: int, label: str, qualifier: str | None
                  ) -> list[Quantity]:
    """Both ends of a range of amounts ("between 10 and 20", "3-4%", "$5-7 billion"), or two
    amounts that are no range (a tally, a change and its new level), or []."""
    phrase = text[start:end]
    _, core = _split_qualifier(phrase)
    offset = start + len(phrase) - len(core)
    m = _NUMBER_RANGE_RE.match(core)
    if m is None:
        return []
    a, b = m.group("a"), m.group("b")
    worded = not (a.lstrip("-−$€£ ")[:1].isdigit() and b.lstrip("-−$€£ ")[:1].isdigit())
    sep = m.group("sep").lower()
    if worded and (sep[0] in "-–—" or not (m.group("lead") or sep in ("to", "or"))):
        return []  # "twenty-five", "one and two-thirds": words make a range only as "between five and seven"
    tail_b = _TAIL_RE.match(b)
    tail_a = _TAIL_RE.match(a)
    if tail_b is None or tail_a is None:
        return []
    relation = _range_kind(text, offset, m, tail_a.group(1))
    a_full, b_full = a, b
    if relation != "pair":
        # what one end writes once serves both: "$5-7 billion" is $5 billion to $7 billion, but
        # "50,000 to 1.2 million" writes the first in full
        prefix = next((c for c in _CURRENCY_SYMBOLS if a.startswith(c) and not b.startswith(c)), "")
        if not tail_a.group(1).strip() and "," not in a:
            a_full = a + tail_b.group(1)
        b_full = prefix + b
    parsed = [parse_quantity(full, label) for full in (a_full, b_full)]
    if any(value is None or kind == "date" for kind, value, _, _ in parsed):
        return []
    if worded and not parsed[0][1] < parsed[1][1]:
        return []  # "a ratio of about four to one": odds, no range
    if relation == "range" and parsed[0][1] > parsed[1][1] and _SIDING_BEFORE_RE.search(
            text[max(0, offset - 40):offset]):
        relation = "tally"  # "backed the measure 61% to 39%": for and against (a range rises)
    if relation == "range" and parsed[0][:3:2] != parsed[1][:3:2]:
        relation = "pair"  # "3% to $5m", "0.1 percentage points to 4.2 percent": different kinds or units
    if relation == "range" and m.group("sep").lower() == "to" and not m.group("lead") and _far_apart_change(
            text[max(0, offset - 60):offset], a, tail_a.group(1), (parsed[0][1], parsed[1][1])):
        relation, parsed = "pair", [parse_quantity(part, label) for part in (a, b)]
    words = (qualifier or "from", "to") if relation == "range" else (qualifier, None)
    out = []
    for part, (kind, value, unit, _), word, group in zip((a, b), parsed, words, ("a", "b"), strict=True):
        at = offset + core.index(part, m.start(group))
        out.append(Quantity(start=at, end=at + len(part), kind=kind, value=value, unit=unit, qualifier=word))
    return out


_SMALL_WORDS = "|".join(w for w in _SMALL if w not in ("a", "an", "half", "dozen"))
_RATIO_RE = re.compile(
    rf"(?<![\d,.$€£])\b(\d+|{_SMALL_WORDS})\s+(?:in|out of|in every|of every)\s+"
    rf"(\d{{1,3}}(?:,\d{{3}})+|\d+|{_SMALL_WORDS})\b(?![,.]\d)"
    r"(?!\s*(?:%|per|years?|months?|weeks?|days?|hours?|minutes?|decades?)\b)", re.I)
_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_BARE_FRACTION_RE = re.compile(r"(one|two|three|four)[ -](third|quarter|fifth|tenth)s?", re.I)
_FRACTION_RE = re.compile(
    r"\b(?:(a|one|two|three|four)[ -])?(half|third|quarter|fifth|tenth)s?\s+(?:of|the)\b", re.I)


#: "fell by a fifth", "cut by two-thirds", "by half": a change by a share, where the clause goes
#: on with no noun after it ("bought by a third party", "by half past ten" are no shares); also
#: "up" or "down" a share ("prices are up almost a fifth"), and a qualifier before the share.
_BY_FRACTION_RE = re.compile(
    r"\b(?:by|(?P<dir>up|down))\s+(?:(?P<qual>almost|nearly|about|around|roughly|some|more\s+than|less\s+than|"
    r"just\s+over|just\s+under|over|under|close\s+to)\s+)?"
    r"((?:(a|one|two|three|four)[ -](half|third|quarter|fifth|tenth)s?|(half)))"
    r"(?=\s*[,.;:)—–]|\s*$|\s+(?:in|on|at|since|from|to|over|under|last|this|next|and|or|but|compared|after|"
    r"before|during|while|as|than|until|within|because|for|a|an|per|year|between)\b)", re.I)
#: A part of a point: "a quarter point", "half a percentage point", "a quarter-point cut", "three
#: quarters of a percentage point".
_FRACTION_POINT_RE = re.compile(
    r"\b(?:(a|one|two|three)[ -])?(half|quarter)s?(?:\s+(?:of\s+)?an?)?[\s-]+"
    r"(?P<pct>percentage[\s-]+)?points?\b", re.I)
_ORDINAL_BEFORE_RE = re.compile(r"\b(?:first|second|third|fourth|final|last|next|previous)\s+$", re.I)
_OF_A_SCALE_RE = re.compile(r"\s+(?:a|an|one)\s+(hundred|thousand|million|billion|trillion)\b", re.I)


def _shares(sent: Any, text: str) -> list[Quantity]:
    """Shares written as a ratio ("2 in 5", "one out of three") or a fraction ("a third of"), as percent,
    and parts of a point ("a quarter point", "half a percentage point"), which are no share."""
    out = []
    lo, hi = sent.start_char, sent.end_char
    for m in _RATIO_RE.finditer(text, lo, hi):
        part, whole = parse_number(m.group(1)), parse_number(m.group(2))
        if part is None or not whole or part > whole or _in_a_name(sent, m.start(1), m.end(1)):
            continue  # "Proposition 8 in 2008": a name, no share
        if _YEAR_RE.match(m.group(2)) and not (part == 1 and re.match(r"\s+[a-z]", text[m.end():hi])):
            continue  # "compared with 941 in 2022": a count in a year; "1 in 2000 births" is a share
        start = _qualifier_start(text, m.start(), lo)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        # three significant digits: "1 in 3" is 33.3, "1 in 2,000" 0.05 (not 0.1), "1 in 10,000" 0.01 (not 0)
        share = _tidy(float(f"{100 * part / whole:.3g}"))
        out.append(Quantity(start=start, end=m.end(), kind="percent", value=share, qualifier=qualifier))
    for m in _FRACTION_POINT_RE.finditer(text, lo, hi):
        # "cut rates by a quarter point", "half a percentage point": a part of a point, no share
        value = _tidy(round((parse_number(m.group(1) or "one") or 1.0) / _FRACTIONS[m.group(2).lower()], 3))
        start = _qualifier_start(text, m.start(), lo)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        kind, unit = ("percent", "percentage points") if m.group("pct") else ("number", "points")
        out.append(Quantity(start=start, end=m.end(), kind=kind, value=value, unit=unit, qualifier=qualifier))
    points = [(q.start, q.end) for q in out if q.unit in ("points", "percentage points")]
    for m in _FRACTION_RE.finditer(text, lo, hi):
        if _ORDINAL_BEFORE_RE.search(text, max(lo, m.start() - 12), m.start()):
            continue  # "the first quarter of 2024": a part of the year
        if any(s <= m.start() < e for s, e in points):
            continue
        count = parse_number(m.group(1) or "one") or 1.0
        of_a = _OF_A_SCALE_RE.match(text, m.end(), hi)
        if of_a:  # "a quarter of a million": a number, not a share
            start = _qualifier_start(text, m.start(), lo)
            qualifier, _ = _split_qualifier(text[start:of_a.end()])
            value = count / _FRACTIONS[m.group(2).lower()] * _SCALES[of_a.group(1).lower()]
            out.append(Quantity(start=start, end=of_a.end(), kind="count", value=_tidy(round(value, 1)),
                                qualifier=qualifier))
            continue
        loose = m.group(1) is None and not m.group(0).lower().startswith("half of")
        if m.group(2).lower() == "half" and loose:
            continue  # "half the time": too loose
        end = m.start() + len(m.group(0).rsplit(None, 1)[0])
        start = _qualifier_start(text, m.start(), lo)
        qualifier, _ = _split_qualifier(text[start:end])
        value = 100 * count / _FRACTIONS[m.group(2).lower()]
        out.append(Quantity(start=start, end=end, kind="percent", value=_tidy(round(value, 1)),
                            qualifier=qualifier))
    for m in _BY_FRACTION_RE.finditer(text, lo, hi):
        if any(s <= m.start(3) < e for s, e in points) or (m.group("dir") and m.group(6)):
            continue  # "up half": no share written as one
        count = parse_number(m.group(4) or "one") or 1.0
        value = 100 * count / _FRACTIONS[(m.group(5) or m.group(6)).lower()]
        qualifier = None if m.group("qual") is None else " ".join(m.group("qual").lower().split())
        out.append(Quantity(start=m.start("qual") if qualifier else m.start(3), end=m.end(3), kind="percent",
                            value=_tidy(round(value, 1)), qualifier=qualifier))
    return out


#: "fivefold", "a 3-fold rise", "two-fold": a multiple, as "five times" is.
_FOLD_RE = re.compile(rf"\b(\d+(?:\.\d+)?|{_SMALL_WORDS})[-\s]?fold\b", re.I)
#: "two to three times", "2-3 times": a range of multiples.
_TIMES_RANGE_RE = re.compile(
    rf"(?<![\d.,])\b(\d+(?:\.\d+)?|{_SMALL_WORDS})\s*(?:\bto\b|\bor\b|[-–])\s*(\d+(?:\.\d+)?|{_SMALL_WORDS})\s+times\b",
    re.I)
_TIMES_AFTER_RE = re.compile(r"\s+times\b", re.I)
#: "twice as many", "half as likely": a multiple written as a word before "as ... as".
_AS_MULTIPLE_RE = re.compile(r"\b(twice|thrice|half)(?=\s+as\s+[a-z]+\b)", re.I)
_AS_MULTIPLES = {"twice": 2, "thrice": 3, "half": 0.5}


def _number_words(phrase: str) -> bool:
    """Whether ``phrase`` is written in numbers and number words only ("12", "twenty-two", "1.5 million")."""
    tokens = _WORD_TOKEN_RE.findall(phrase.replace("-", " "))
    return bool(tokens) and all(t[0].isdigit() or t.lower() in (*_SMALL, *_SCALES, "and") for t in tokens)


#: Verbs that multiply what they say of by a number ("Prices have doubled", "halved the deficit"),
#: in the forms that are only verbs: not "a double room", "tennis doubles" nor "doubled down" (an idiom).
_MULTIPLIED = {"doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 0.5}
_MULTIPLIED_RE = re.compile(r"\b(doubl|tripl|quadrupl|halv)(?:ed|ing)\b(?!\s+down\b)", re.I)


def _folds(sent: Any, text: str) -> list[Quantity]:
    """The multiples written with "-fold" ("risen fivefold", "a 3-fold rise"), the ends of a range of
    them ("two to three times more likely"), a verb's ("Prices have doubled", ``_MULTIPLIED``) and a
    word's ("twice as many"), as numbers in "times"."""
    out = []
    for m in _FOLD_RE.finditer(text, sent.start_char, sent.end_char):
        value = parse_number(m.group(1))
        if value is None:
            continue
        start = _qualifier_start(text, m.start(), sent.start_char)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        out.append(Quantity(start=start, end=m.end(), kind="number", value=_tidy(value), unit="times",
                            qualifier=qualifier))
    for m in _TIMES_RANGE_RE.finditer(text, sent.start_char, sent.end_char):
        low, high = parse_number(m.group(1)), parse_number(m.group(2))
        if low is None or high is None or not low < high:
            continue
        # "two to three times more likely", "2-3 times": both ends of a range of multiples
        out.append(Quantity(start=m.start(1), end=m.end(1), kind="number", value=_tidy(low), unit="times",
                            qualifier="from"))
        out.append(Quantity(start=m.start(2), end=m.end(), kind="number", value=_tidy(high), unit="times",
                            qualifier="to"))
    for m in _MULTIPLIED_RE.finditer(text, sent.start_char, sent.end_char):
        # "Prices have doubled", "the deficit was halved": the verb says the multiple
        out.append(Quantity(start=m.start(), end=m.end(), kind="number",
                            value=_MULTIPLIED[m.group(1).lower()], unit="times"))
    for m in _AS_MULTIPLE_RE.finditer(text, sent.start_char, sent.end_char):
        # "Twice as many people died", "half as likely": a multiple, as "two times as many" is
        start = _qualifier_start(text, m.start(), sent.start_char)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        out.append(Quantity(start=start, end=m.end(), kind="number", value=_AS_MULTIPLES[m.group(1).lower()],
                            unit="times", qualifier=qualifier))
    return out


#: The units of time a part of one is written of: "half a century", "a quarter of an hour".
_PERIOD_UNIT = r"(century|centuries|decades?|years?|months?|weeks?|days?|hours?|minutes?)"
#: "half a century", "a quarter of a century", "three quarters of an hour": a part of one unit of time.
_PART_OF_PERIOD_RE = re.compile(
    rf"\b(?:(a|one|two|three)[ -])?(half|quarters?)(?:\s+of)?\s+an?\s+{_PERIOD_UNIT}\b", re.I)
#: "a year and a half", "two hours and a half"; "one and a half years", "2 and a half days".
_AND_A_HALF_RE = re.compile(
    rf"\b(?:(an?|\d+|{_SMALL_WORDS})\s+{_PERIOD_UNIT}\s+and\s+a\s+half"
    rf"|(\d+|{_SMALL_WORDS})(?:\s+and\s+a\s+|-and-a-)half\s+{_PERIOD_UNIT})\b", re.I)


def _period_parts(sent: Any, text: str) -> list[Quantity]:
    """Lengths of time written with a fraction of a unit: "half a century" (0.5 century), "a quarter
    of an hour" (0.25 hour), "a year and a half" and "one and a half years" (1.5 years). spaCy's
    small model tags them as dates with no number, or a share ("a quarter"), or not at all."""
    out = []
    for m in _PART_OF_PERIOD_RE.finditer(text, sent.start_char, sent.end_char):
        parts = parse_number(m.group(1) or "one") or 1.0
        value = parts / _FRACTIONS[m.group(2).lower().rstrip("s")]
        start = _qualifier_start(text, m.start(), sent.start_char)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        out.append(Quantity(start=start, end=m.end(), kind="number", value=_tidy(round(value, 3)),
                            unit=m.group(3).lower(), qualifier=qualifier))
    for m in _AND_A_HALF_RE.finditer(text, sent.start_char, sent.end_char):
        written = (m.group(1) or m.group(3)).lower()
        whole = 1.0 if written in ("a", "an") else parse_number(written)
        if whole is None:
            continue
        start = _qualifier_start(text, m.start(), sent.start_char)
        qualifier, _ = _split_qualifier(text[start:m.end()])
        unit = (m.group(2) or m.group(4)).lower()  # more than one: "an hour and a half" is 1.5 hours
        unit = unit if unit.endswith("s") else "centuries" if unit == "century" else unit + "s"
        out.append(Quantity(start=start, end=m.end(), kind="number", value=_tidy(whole + 0.5),
                            unit=unit, qualifier=qualifier))
    return out


#: "in his mid-30s", "temperatures in the low 20s", "in her early teens": a decade of numbers, not of
#: years, with the part of it named ("mid", "early", "late"; "low" and "high" as temperatures say it).
#: Not "the '80s" nor "the 1990s", which are years.
_DECADE_NUMBER_RE = re.compile(
    r"(?<!['’\w])(?:(?P<part>mid|early|late|low|lower|high|upper)[\s-]+)?(?P<decade>[1-9]0['’]?s|teens)\b",
    re.I)
#: Where in the decade each part lies: "early 40s" about 42, "mid-30s" about 35, "late 20s" about 28.
_DECADE_PARTS = {"early": 2, "low": 2, "lower": 2, "mid": 5, "late": 8, "high": 8, "upper": 8}
#: What makes a decade of numbers an age: a person's ("in his mid-30s", "women in their 20s", "aged
#: in their 40s").
_DECADE_AGE_BEFORE_RE = re.compile(r"\b(?:his|her|their|my|your|our)\s+$", re.I)
#: ... or a temperature: the sentence speaks of one ("Temperatures in the mid-30s", "highs in the low 20s").
_TEMPERATURE_WORDS_RE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|heat|thermometers?|"
                                   r"celsius|fahrenheit)\b|°", re.I)

#: A decade of years by the preposition of time before it: "since the 60s", "during the 70s".
_SINCE_THE_RE = re.compile(r"\b(?:since|during|until|till|throughout|before|after|from|of)\s+the\s+"
                           r"(?:(?:mid|early|late)[\s-]+)?$", re.I)

_LISTED_RE = re.compile(r"\s*(?:,|\band\b|\bor\b|\bto\b|[-–])\s*", re.I)


def _decade_numbers(sent: Any, text: str) -> list[Quantity]:
    """A decade of ages or temperatures read as about the number in it its part names ("a man in his
    mid-30s" -> about 35 years old, "temperatures in the low 30s" -> about 32 degrees, "in their 20s" ->
    about 25), not as a date with no value; a decade with neither beside it ("in the mid-60s") may
    be the 1960s and is left to the date rules."""
    out: list[Quantity] = []
    for m in _DECADE_NUMBER_RE.finditer(text, sent.start_char, sent.end_char):
        if out and _LISTED_RE.fullmatch(text, out[-1].end, m.start()):
            unit = out[-1].unit  # "in their 30s and 40s": the second is an age as the first is
        elif _DECADE_AGE_BEFORE_RE.search(text, max(sent.start_char, m.start() - 8), m.start()):
            unit = "years old"
        elif _TEMPERATURE_WORDS_RE.search(text, sent.start_char, sent.end_char) and not _SINCE_THE_RE.search(
                text, max(sent.start_char, m.start() - 20), m.start()):
            unit = "degrees"  # not "Temperatures have risen since the 60s": the decade of years
        else:
            continue
        part = (m.group("part") or "mid").lower()
        decade = 10 if m.group("decade").lower() == "teens" else int(m.group("decade")[:2])
        # the teens start at 13: "in her early teens" is about 13
        out.append(Quantity(start=m.start(), end=m.end(), kind="number", qualifier="about",
                            value=max(decade + _DECADE_PARTS[part], 13 if decade == 10 else 0), unit=unit))
    return out


#: A height in feet and inches: 6'3", 6′ 3″, 6ft 3in, 6 feet 11 inches, "the 6-foot-3 forward".
_HEIGHT_RE = re.compile(
    r"(?<![\w.])(?P<feet>[4-8])(?:\s?['′’]|[\s-]?(?:ft\.?|feet|foot)\b)[\s-]*"
    r"(?P<inches>(?:1[01]|\d)(?:\.5)?)\s?(?:\"|''|″|”|\s?(?:in\.?|inches|inch)\b|(?=[\s-][a-z]))",
)


def _heights(sent: Any, text: str) -> list[Quantity]:
    """Each height in feet and inches as one length in feet ("6'3\"", "6ft 3in" -> 6.25 ft), not two
    counts nor a length and a stray number."""
    out = []
    for m in _HEIGHT_RE.finditer(text, sent.start_char, sent.end_char):
        inches = float(m.group("inches"))
        out.append(Quantity(start=m.start(), end=m.end(), kind="number",
                            value=_tidy(round(int(m.group("feet")) + inches / 12, 2)), unit="ft"))
    return out


#: "aged 19, 22 and 34": a list of ages, one for each person.
_AGE_LIST_RE = re.compile(
    r"\bage[sd]\s+(\d{1,3}(?:\s*,\s*\d{1,3})*(?:,?\s+(?:and|or)\s+\d{1,3}))\b(?!\s*[-–%])", re.I)


#: A group of people named by the age they are over or under: "over-65s", "the under-18s".
_AGE_GROUP_RE = re.compile(r"\b(over|under)-(\d{1,3})s\b", re.I)


def _age_groups(sent: Any, text: str) -> list[Quantity]:
    """The age of each group named by it ("offered to over-65s": over 65 years old, not a count of 65)."""
    return [Quantity(start=m.start(), end=m.end(), kind="number", value=int(m.group(2)), unit="years old",
                     qualifier=m.group(1).lower())
            for m in _AGE_GROUP_RE.finditer(text, sent.start_char, sent.end_char)
            if 0 < int(m.group(2)) < 125]


def _age_lists(sent: Any, text: str) -> list[Quantity]:
    """Each age of a list after "aged" or "ages" ("three men, aged 19, 22 and 34")."""
    out = []
    for m in _AGE_LIST_RE.finditer(text, sent.start_char, sent.end_char):
        for number in re.finditer(r"\d+", m.group(1)):
            if 0 < int(number.group(0)) < 125:
                at = m.start(1) + number.start()
                out.append(Quantity(start=at, end=at + len(number.group(0)), kind="number",
                                    value=int(number.group(0)), unit="years old"))
    return out


#: Numbers that name or locate rather than count: "#10702", "AR-15", "F35", "3D", "5th", "2x",
#: "4:45", "9/11", a clock time ("5 p.m."), "six-figure", a street number ("1210 S. Lamar").
_NAMING_BEFORE_RE = re.compile(r"(?:#|\bNo\.\s?|[A-Z]-?|[a-z]|\d[:/])$")
#: A name in capitals a number goes with: "the FTSE 100", "the S&P 500", "MAX 10 jets", "AL 303";
#: not a currency code ("SEK 150"), a ratio of risks ("HR 0.77"), an interval ("CI 0.6") or a
#: country ("US 5,000").
_CAPS_NAME_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z]{2,}|[A-Z]&[A-Z])\s$")
_CAPS_NOT_NAMES = frozenset(["HR", "AHR", "OR", "AOR", "RR", "IRR", "CI", "US", "UK", "EU", "UN", "USA"])
_NAMING_AFTER_RE = re.compile(
    r"(?:(?:st|nd|rd|th)\b|[A-Za-rt-z](?![A-Za-z])|[:/]\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|E[DS]T\b|[CP][DS]T\b|BST\b|CET\b)"
    r"|\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+\.?\s+(?:St|Street|Ave|Avenue|Road|Rd|Blvd|"
    r"Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct)\b|\s+[NSEW]\.\s+[A-Z])")
#: A number joined by a hyphen to a word that makes a description of both, not a count: "six-figure
#: fees", "a two-pronged attack", "a three-legged stool".
_DESCRIPTION_AFTER_RE = re.compile(r"-(?:figure|digit|[a-z]+ed\b)")
#: "at half-staff", "half-price tickets", "half-brother": a half that is part of a word, no amount
#: (but "a half-hour show" is half an hour).
_HALF_RE = re.compile(r"(?:a\s+)?half", re.I)
_HALF_OF_A_THING_RE = re.compile(r"-(?!(?:year|month|week|day|hour|minute|second|decade|century)s?\b)[a-z]")
#: A noun a number names one of: "type 2 diabetes", "a phase 3 trial", "Category 5", "Article 50".
_NAMED_BY_NUMBER_RE = re.compile(
    r"\b(?:type|stage|phase|grade|category|class|tier|level|article|section|chapter|page|flight|route|"
    r"highway|interstate|gate|platform|channel|room|ward|precinct|zone)\s$", re.I)
#: "a 911 call", "dialled 999": an emergency number.
_EMERGENCY_RE = re.compile(r"(?:911|999|112)$")
_EMERGENCY_AFTER_RE = re.compile(
    r"\s*(?:hang-?ups?|calls?|callers?|dispatch\w*|operators?|emergency|line|system|cent(?:er|re)s?)\b", re.I)
_EMERGENCY_BEFORE_RE = re.compile(r"\b(?:dial(?:l?ed|l?ing)?|call(?:ed|ing)?)\s+$", re.I)
_SCALE_AFTER_RE = re.compile(r"(?:bn|mn|mln|tn|[mbk])\b", re.I)
#: A Boeing airliner's number written without the maker ("its 737 models", "the 747s", "a 737-800",
#: "the 777X", "737 Max jets"): a model, with what follows it telling it from a count of 737.
_AIRLINER_RE = re.compile(
    r"(?<![\d,.])7[0-8]7(?:s\b|X\b|-\d{1,4}\b|\s?(?:Max|MAX)\b|\s+(?:jets?|jetliners?|airliners?|planes?|aircraft|"
    r"freighters?|fleets?|models?|variants?|family|Dreamliners?|crash(?:es)?|groundings?|orders?|deliveries|"
    r"production|program(?:me)?s?)\b)")
#: The variant after an airliner's number: the "800" of "737-800".
_AIRLINER_VARIANT_BEFORE_RE = re.compile(r"(?<![\d,.])7[0-8]7-$")


#: Words that say a number glued to "C" or "F" is a temperature ("temperatures above 40C").
_TEMPERATURE_BEFORE_RE = re.compile(
    r"\b(?:temperatures?|temps|heat|heatwave|highs?|lows?|thermometers?|degrees|mercury)\b", re.I)
#: A sign or the word before a number below zero: "-12C", "minus 12C".
_MINUS_BEFORE_RE = re.compile(r"(?:[-−]|\bminus\s)$", re.I)
_MINUS_WORD_BEFORE_RE = re.compile(r"\bminus\s$", re.I)


def _minus_start(text: str, start: int, lo: int) -> int:
    """``start`` moved back over the word "minus" before a number ("minus 12C", "minus 0.3%")."""
    minus = _MINUS_WORD_BEFORE_RE.search(text, max(lo, start - 6), start)
    return minus.start() if minus is not None and text[start].isdigit() else start


def _names_not_counts(text: str, start: int, end: int, sent: Any = None) -> bool:
    """True when the number at ``text[start:end]`` names or locates something: a badge number,
    a model, an ordinal, a clock time, an event ("9/11"), an emergency number or an address.
    With the spaCy sentence ``sent``, a name in capitals before the number ("the FTSE 100") must
    go with it in one phrase (``_named_before``: not "told CNN 12 people")."""
    first = next((i for i in range(start, end) if text[i].isdigit() or text[i] == "#"), None)
    if first is None:  # "six-figure fees": a magnitude, not six of anything
        return bool(_DESCRIPTION_AFTER_RE.match(text, end) or (
            _HALF_RE.fullmatch(text, start, end) and _HALF_OF_A_THING_RE.match(text, end)))
    before, after = text[max(0, first - 8):first], text[end:end + 40]
    if re.match(r"\d{10}", text[first:end]):
        return True  # ten digits and more with no separator: an id, a timestamp, a phone number
    if re.match(r"°?\s?[CF]\b", after) and _MINUS_BEFORE_RE.search(text, max(0, first - 6), first):
        return False  # "-12C", "minus 12C": a temperature below zero, not a seat or a model
    if _NAMING_BEFORE_RE.search(before) or _NAMED_BY_NUMBER_RE.search(text, max(0, first - 12), first):
        return True
    if _AIRLINER_RE.match(text, first) or _AIRLINER_VARIANT_BEFORE_RE.search(before):
        return True  # "its 737 models", "the 747s", "a 737-800": an airliner, not 737 of anything
    caps = _CAPS_NAME_BEFORE_RE.search(before)
    if caps and caps.group(1) not in _CAPS_NOT_NAMES and not _CURRENCY_CODE_RE.fullmatch(caps.group(1)):
        token = sent.doc.char_span(first, first + 1, alignment_mode="expand") if sent is not None else None
        return token is None or _named_before(token[0], sent)
    if re.match(r"°?\s?[CF]\b", after) and _TEMPERATURE_BEFORE_RE.search(text, max(0, first - 40), first):
        return False  # "temperatures above 40C. More ...": a temperature the tagger missed, not a seat "4C"
    if (_NAMING_AFTER_RE.match(after) or _DESCRIPTION_AFTER_RE.match(after)) \
            and not _SCALE_AFTER_RE.match(after):
        return True
    return bool(_EMERGENCY_RE.search(text[start:end]) and (
        _EMERGENCY_AFTER_RE.match(after) or _EMERGENCY_BEFORE_RE.search(text[max(0, start - 12):start])))


#: Entity labels of the names a number may be part of: a model ("Model 3", the "737" of "Boeing
#: 737"), a law or ballot measure ("Proposition 8"), a work ("Rocky 2"), a place ("Terminal 5").
_NAME_LABELS = frozenset(["PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "ORG"])
#: What the name before a number is not, to make the number part of it: a person's (a score, an
#: age: "Biden 52"), a time's ("Friday 3"), a share of a vote ("Texas 52").
_NOT_NAMES_BEFORE = frozenset(["PERSON", "DATE", "TIME", "GPE", "NORP", "CARDINAL", "MONEY", "PERCENT"])


#: A number and the plural noun it counts, which spaCy may tag as a date ("13 seasons", "two terms").
_COUNTED_DATE_RE = re.compile(r"(\d[\d,]*|[a-z]+(?:[\s-][a-z]+)?)\s+([a-z]+s)", re.I)
#: What a number counts, never a product a model number names: times, seasons, games, goals.
_COUNTED_NOT_NAMED = frozenset(["times", "seasons", "years", "months", "weeks", "days", "hours", "minutes",
                                "decades", "games", "matches", "goals", "points", "races", "titles", "wins",
                                "laps", "innings", "caps", "appearances"])


def _in_a_name(sent: Any, start: int, end: int) -> bool:
    """True when the bare number at ``text[start:end]`` is part of a name by the parse: a model or
    version named after its maker or line ("Boeing 737", "iPhone 15", "Windows 11", "Apollo 11",
    "Model 3"), the number tagged inside a name, or standing before a singular name it is part of
    ("the 787 Dreamliner"); not a count after a name that is no part of its phrase ("told CNN 12
    people"), nor a year ("the 2016 Olympics" is dated), nor a number written with a thousands
    separator, which no name has ("Employed 127,117"), nor one with a unit glued on ("345p")."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or not re.fullmatch(r"\d+(?:\.\d+)?", span[0].text) \
            or _YEAR_RE.match(span[0].text):
        return False
    if _DEGREES_AFTER_RE.match(doc_text(doc), end, sent.end_char):
        return False  # "104 degrees Fahrenheit", the number tagged a product: a temperature
    tok = span[0]
    after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
    if after is not None and after.lower_ in _COUNTED_NOT_NAMED and tok.head.i == after.i and tok.text != "1":
        return False  # "won the Bundesliga 11 seasons in a row": a count, even where tagged inside a name
    if tok.ent_type_ in _NAME_LABELS:
        return True
    if after is not None and tok.head.i == after.i and after.tag_ == "NNP" and after.text[:1].isupper() \
            and tok.whitespace_ and after.ent_type_ not in _NOT_NAMES_BEFORE \
            and after.lower_.rstrip(".") not in _MONTHS and tok.text != "1":
        return True  # "the 787 Dreamliner": a number counts a plural, not one Dreamliner
    at = start - sent.start_char  # the sentence's text: the doc's would be built anew for each number
    if _TALLY_BEFORE_RE.search(sent.text, max(0, at - 40), at):
        return False  # "beat Rochdale Town 4-2": a score after the name of a side
    return _named_before(tok, sent) or _model_after_owner(tok, sent) or _model_before_noun(tok, sent)


def _name_particle(sent: Any, start: int, end: int) -> bool:
    """Whether the number word at ``text[start:end]`` is a lower-case particle inside a person's name,
    between two capitalised proper nouns ("Erik ten Hag"), which the tagger split off as a count."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or not span[0].is_lower or not span[0].is_alpha:
        return False
    tok = span[0]
    if tok.i == sent.start or tok.i + 1 >= sent.end:
        return False
    before, after = tok.nbor(-1), tok.nbor(1)
    return all(t.pos_ == "PROPN" and t.is_title for t in (before, after)) and bool(before.whitespace_) and (
        "PERSON" in (before.ent_type_, after.ent_type_) or before.ent_type_ == after.ent_type_ == "")


#: Nouns of products a model number stands before: "the airline's 737 fleet", "a new 4090 chip".
_MODEL_NOUNS = frozenset(["fleet", "jet", "jetliner", "airliner", "plane", "freighter", "dreamliner",
                          "superjumbo", "model", "variant", "version", "handset", "phone", "smartphone",
                          "console", "chip", "processor", "engine"])
#: What a singular noun after a number is when the number counts it after all: an amount's unit.
_AMOUNT_LABELS = frozenset(["PERCENT", "MONEY", "QUANTITY", "DATE", "TIME", "CARDINAL", "ORDINAL"])
_UNITS_AFTER = (_UNIT_AFTER_RE, _TIME_AFTER_RE, _SPACED_AFTER_RE)


def _model_before_noun(tok: Any, sent: Any) -> bool:
    """Whether the number ``tok`` names a model by the singular noun it stands before, which a
    count (other than one) would make plural: one of the products of ``_MODEL_NOUNS`` ("the
    airline's 737 fleet", "its 787 jet"), or any singular noun after "a" ("a 787 Dreamliner");
    not a number the noun makes a measure of something else ("a 24 hour strike", "a 40 plane
    fleet": "hour" and "plane" are modifiers, the number counts them), nor an amount's unit."""
    doc = tok.doc
    if tok.i + 1 >= sent.end or tok.text == "1" or not tok.whitespace_:
        return False
    noun = doc[tok.i + 1]
    if noun.tag_ != "NN" or tok.head.i != noun.i or not noun.is_alpha \
            or noun.dep_ in ("compound", "amod", "nmod") or noun.ent_type_ in _AMOUNT_LABELS \
            or any(unit.fullmatch(" " + noun.text) for unit in _UNITS_AFTER):
        return False
    if noun.lower_ in _MODEL_NOUNS:
        return True
    return tok.i > sent.start and doc[tok.i - 1].lower_ in ("a", "an")


def _model_after_owner(tok: Any, sent: Any) -> bool:
    """Whether the number ``tok`` names a model after its maker's possessive, with the rest of the
    model's name after it in the same phrase ("Boeing's 737 Max jets", "Apple's 15 Pro"), as
    "Boeing 737 Max" does without it; not a count ("Apple's 150 stores", "Britain's 650 MPs"), nor
    one before a name the tagger knows apart ("Tesco's 300 Express shops", a brand)."""
    doc = tok.doc
    if tok.i - 2 < sent.start or tok.i + 1 >= sent.end or doc[tok.i - 1].tag_ != "POS" or not tok.whitespace_:
        return False
    owner, after = doc[tok.i - 2], doc[tok.i + 1]
    return (owner.pos_ == "PROPN" and owner.ent_type_ not in _NOT_NAMES_BEFORE
            and after.tag_ == "NNP" and after.text[:1].isupper() and after.ent_type_ in ("", "PRODUCT")
            and after.lower_.rstrip(".") not in _MONTHS and tok.head.i in (after.i, after.head.i))


def _named_before(tok: Any, sent: Any) -> bool:
    """Whether the number ``tok`` goes with the proper noun just before it in one phrase, as its
    head or its modifier ("iPhone 15", "the FTSE 100", "Boeing 737 jets"), not as a word of its own
    that a count follows ("told CNN 12 people")."""
    before = tok.doc[tok.i - 1] if tok.i > sent.start else None
    if before is None or "," in tok.text or before.pos_ != "PROPN" or not before.whitespace_ \
            or not before.text[:1].isalpha() or before.ent_type_ in _NOT_NAMES_BEFORE \
            or before.lower_.rstrip(".") in _MONTHS:
        return False
    return (tok.head.i == before.i or before.head.i == tok.i
            or (before.head.i == tok.head.i and before.dep_ in ("compound", "nmod")))


def _ages(ent: Any, text: str) -> list[Quantity]:
    """The ages a DATE or CARDINAL entity states, or []: after a name ("Eric Joering, 39,"), by
    the words around it, after a count of people of that age ("two 12-year-old boys": a count
    and an age) ("voters over 65", "those 45 and older", "turns 70"), or a range of
    them ("between the ages of 18 and 29", "aged between 40 and 79")."""
    start, end = ent.start_char, ent.end_char
    counted = _COUNTED_AGES_RE.fullmatch(ent.text)
    count = counted.group("count") if counted is not None else ""
    age = _age(counted.group("each")) if count and _number_words(count) else None
    if age is not None:  # "two 12-year-old boys": two of them, each 12 years old
        return [Quantity(start=start, end=start + counted.end("count"), kind="count",
                         value=_tidy(parse_number(count))),
                Quantity(start=start + counted.start("each"), end=end, kind="number", value=age[0],
                         unit=age[1])]
    tail = _AGE_TAIL_RE.match(text, end)
    age = _age(ent.text + tail.group(0)) if tail is not None else None
    if age is not None:  # "a twenty-one-year-old", tagged "twenty-one"
        return [Quantity(start=start, end=tail.end(), kind="number", value=age[0], unit=age[1])]
    both = _AGES_RE.fullmatch(ent.text)
    if both is None and _AGED_BEFORE_RE.search(text, max(0, start - 8), start):
        both = _AGED_RANGE_RE.fullmatch(ent.text)
    if both:
        return [Quantity(start=start + both.start(g), end=start + both.end(g), kind="number",
                         value=int(both.group(g)), unit="years old", qualifier=word)
                for g, word in ((1, "from"), (2, "to"))]
    if _age_after_name(ent):
        return [Quantity(start=start, end=end, kind="number", value=int(ent.text), unit="years old")]
    bounded = re.fullmatch(r"(\d{1,3})" + _AGE_AFTER_RE.pattern, ent.text, re.I)
    if bounded is not None and 0 < int(bounded.group(1)) < 125:  # "aged 45 or older", tagged as one date
        younger = re.search(r"younger|under", ent.text, re.I)
        return [Quantity(start=start, end=end, kind="number", value=int(bounded.group(1)), unit="years old",
                         qualifier="at most" if younger else "at least")]
    of_age = _OF_AGE_RE.fullmatch(ent.text)
    if of_age is not None and 0 < int(of_age.group(2)) < 125:  # "men over 50 years of age": an age
        bound = None if of_age.group(1) else _AGE_BOUND_BEFORE_RE.search(text, max(0, start - 7), start)
        after = _AGE_AFTER_RE.match(text, start + of_age.end("core"))  # "18 years of age" "or older"
        tail = of_age.group(3) or (after and re.sub(r"^\W*(?:and|or)\s+", "", after.group(0).strip())) or ""
        end = start + of_age.end("core")
        qualifier = (of_age.group(1) or (bound and bound.group(1)) or "").lower() or (
            None if not tail else "at most" if tail.lower() in ("younger", "under") else "at least")
        return [Quantity(start=bound.start() if bound else start, end=end, kind="number",
                         value=int(of_age.group(2)), unit="years old", qualifier=qualifier)]
    bare = re.fullmatch(r"(?:(over|under|above|below)\s+)?(\d{1,3})", ent.text, re.I)
    bound = None  # "over" the tagger left outside the number ("adults over 60")
    if bare is not None and not bare.group(1):
        bound = _AGE_BOUND_BEFORE_RE.search(text, max(0, start - 7), start)
    after = _AGE_AFTER_RE.match(text, end)
    # "adults over 60": a bound after a noun of people makes an age of a count too
    cue = _AGE_BEFORE_RE if ent.label_ == "DATE" or (bare and bare.group(1)) or bound else _AGE_ONLY_RE
    # "Most of the dead were over 75": a bounded number the tagger calls a date after "were"
    dated = ent.label_ == "DATE" and _BE_BOUND_RE.search(text, max(0, start - 14), start) is not None
    if bare and 0 < int(bare.group(2)) < 125 and not _COUNTED_AFTER_RE.match(text, end) and (
            cue.search(text, max(0, start - 25), start) or after or dated):
        qualifier = (bare.group(1) or (bound and bound.group(1)) or "").lower() or None
        start = bound.start() if bound else start
        if after is not None and qualifier is None:  # "45 and older", "18 and under"
            qualifier = "at most" if re.search(r"younger|under", after.group(0), re.I) else "at least"
        return [Quantity(start=start, end=end, kind="number", value=int(bare.group(2)), unit="years old",
                         qualifier=qualifier)]
    return []


#: An age written with its words: "50 years of age", "under 16 years of age", "18 years of age or older".
_OF_AGE_RE = re.compile(r"(?:(over|under|above|below)\s+)?(\d{1,3})\s+years?\s+of\s+age(?P<core>)"
                        r"(?:\s+(?:or|and)(?:\s+(older|over|younger|under))?)?", re.I)


def _age_after_name(ent: Any) -> bool:
    """True for the bare number spaCy tags as a date or a count after a name or a noun of one
    person, set off by commas: "Eric Joering, 39, died", "a teacher, 41, was charged", "a woman,
    52, and her son, 19,"."""
    doc = ent.doc
    if len(ent) != 1 or not ent.text.isdecimal() or not 0 < int(ent.text) < 125 or ent.start < 2:
        return False
    comma, name = doc[ent.start - 1], doc[ent.start - 2]
    closing = doc[ent.end] if ent.end < len(doc) else None
    return (comma.text == "," and (name.pos_ == "PROPN" or name.tag_ == "NN")
            and (closing is None or closing.text in (",", ")", ".", ";")))


#: "8 to 15 years", "6-9 months", "between two and three years": a range of lengths of time.
_DURATION_RANGE_RE = re.compile(
    r"(?:between\s+)?(?P<a>\d[\d,.]*|[a-z]+)\s*(?:\bto\b|\band\b|\bor\b|[-–])\s*(?P<b>\d[\d,.]*|[a-z]+)"
    r"[\s-]+(?P<unit>years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?)", re.I)


def _duration_range(text: str, start: int, end: int) -> list[Quantity]:
    """Both ends of a range of lengths of time spaCy tags as one date ("8 to 15 years"), or []."""
    phrase = text[start:end]
    qualifier, core = _split_qualifier(phrase)
    offset = start + len(phrase) - len(core)
    m = _DURATION_RANGE_RE.fullmatch(core)
    if m is None:
        return []
    low, high = parse_number(m.group("a")), parse_number(m.group("b"))
    if low is None or high is None or not low < high:
        return []
    unit = m.group("unit").lower()
    return [Quantity(start=offset + m.start("a"), end=offset + m.end("a"), kind="number",
                     value=_tidy(low), unit=unit, qualifier=qualifier or "from"),
            Quantity(start=offset + m.start("b"), end=offset + m.end("unit"), kind="number",
                     value=_tidy(high), unit=unit, qualifier="to")]


def _length_number(number: str, qualifier: str | None) -> float | None:
    """How many units of time a length's ``number`` stands for: its value ("seven", "2.5"), or one
    for "a" or "an" after a qualifier that bounds it ("nearly a decade", "more than an hour"),
    where "a year" alone is as often "a year ago" or "per year"; else None."""
    value = parse_number(number)
    return 1.0 if value is None and qualifier and number.lower() in ("a", "an") else value


def _is_duration(phrase: str) -> bool:
    """True for a length of time written in words ("seven years", "the next two years", "nine-year",
    "nearly a decade"), not one with no number ("a year", "many years")."""
    qualifier, core = _split_qualifier(phrase.strip())
    duration = _DURATION_RE.fullmatch(core)
    return bool(duration and _length_number(duration.group(1), qualifier) is not None)


#: "plus" between two amounts spaCy tagged as one ("a fee of £85 million plus £10m in add-ons"); not
#: "plus or minus", a margin.
_PLUS_RE = re.compile(r"\s+plus\s+(?!or\b)", re.I)


#: One of the lengths of time spaCy tags as one: "two hours" and "30 minutes" of "two hours and 30
#: minutes", each of "2 hours 1 minute and 9 seconds".
_LENGTH_PIECE_RE = re.compile(
    r"(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+(?:year|month|week|day|hour|minute|second)s?\b", re.I)
_BETWEEN_LENGTHS_RE = re.compile(r",?\s+(?:and\s+)?", re.I)


def _lengths(phrase: str) -> list[tuple[int, int]]:
    """Where each length of time lies in ``phrase`` when it is two or more written one after the
    other ("two hours and 30 minutes", "2 hours 1 minute and 9 seconds"), else []."""
    pieces = list(_LENGTH_PIECE_RE.finditer(phrase))
    if len(pieces) < 2 or pieces[0].start() != 0 or pieces[-1].end() != len(phrase) or not all(
            _BETWEEN_LENGTHS_RE.fullmatch(phrase, a.end(), b.start()) for a, b in itertools.pairwise(pieces)):
        return []
    return [p.span() for p in pieces] if all(_is_duration(p.group(0)) for p in pieces) else []


def _split_sums(sent: Any, ents: Any) -> list[Any]:
    """The entities ``ents`` of the spaCy span ``sent``, with one that holds two amounts joined by
    "plus" cut into the two ("£85 million plus £10m": £85m and £10m, not one amount of £10m), as
    is one that holds lengths of time one after another ("two hours and 30 minutes", "2 hours 1
    minute and 9 seconds")."""
    out = []
    for ent in ents:
        plus = _PLUS_RE.search(ent.text)
        cuts = _lengths(ent.text) if ent.label_ in ("TIME", "DATE") else []
        if plus is not None and all(re.search(r"\d", side) for side in (ent.text[: plus.start()],
                                                                        ent.text[plus.end():])):
            cuts = [(0, plus.start()), (plus.end(), len(ent.text))]
        if cuts:
            pieces = [sent.doc.char_span(ent.start_char + a, ent.start_char + b, label=ent.label_,
                                         alignment_mode="contract") for a, b in cuts]
            if all(piece is not None and len(piece) for piece in pieces):
                out.extend(pieces)
                continue
        out.append(ent)
    return out


#: "per dollar", "to the euro": the currency an exchange rate is given against, after its number.
_PER_CURRENCY_RE = re.compile(r"\s+(?:per|to\s+the|against\s+the)\s+(?!cent\b)\S+$", re.I)
#: A preposition that makes a date a bound in time: "since 2018", "by 2026", "until March", "before
#: the end of 2024", "after June 3".
_DATE_BOUND_BEFORE_RE = re.compile(r"\b(since|by|until|till|before|after)\s+$", re.I)


#: A length of time written in two or three units: "nine years and six months", "two hours and 30
#: minutes", "2 hours 1 minute and 9 seconds"; how many of each smaller unit make the larger, and
#: (``_PART_LIMITS``) how many of it the next larger unit holds.
_LARGER_UNITS = {"year": {"month": 12}, "hour": {"minute": 60, "second": 3600}, "minute": {"second": 60}}
_PART_LIMITS = {"month": 12, "minute": 60, "second": 60}
_AND_RE = re.compile(r",?\s+and\s+|\s+", re.I)


def _compound_lengths(found: list[Quantity], text: str) -> list[Quantity]:
    """The lengths of time in ``found`` written in two units joined as one ("jailed for nine years
    and six months": 9.5 years, not nine years and another six months; "2 hours 1 minute and 9
    seconds": 2.019167 hours)."""
    out: list[Quantity] = []
    for q in found:
        last = out[-1] if out else None
        parts = _LARGER_UNITS.get((last.unit or "").removesuffix("s")) if last is not None \
            and last.kind == "number" else None
        smaller = (q.unit or "").removesuffix("s")
        times = parts.get(smaller) if parts is not None else None
        if last is not None and times is not None and q.kind == "number" and q.qualifier is None \
                and isinstance(q.value, int | float) and isinstance(last.value, int | float) \
                and 0 < q.value < _PART_LIMITS[smaller] and _AND_RE.fullmatch(text[last.end : q.start]):
            value = _tidy(round(last.value + q.value / times, 6))
            unit = last.unit if last.unit.endswith("s") else last.unit + "s"
            out[-1] = replace(last, end=q.end, value=value, unit=unit)
            continue
        out.append(q)
    return out


def _date_bounds(found: list[Quantity], text: str, sent: Any) -> list[Quantity]:
    """The dates of ``found`` with no qualifier (not the ends of a range, "from 2001 until 2009")
    that a preposition before them bounds in time, with it as their qualifier ("since 2018": since)."""
    out = []
    for q in found:
        bound = _DATE_BOUND_BEFORE_RE.search(text, max(sent.start_char, q.start - 7), q.start) \
            if q.kind == "date" and q.qualifier is None else None
        out.append(q if bound is None else replace(q, start=bound.start(), qualifier=bound.group(1).lower()))
    return out


def _measure_only(ent: Any, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of a measure spaCy tagged without the verb or the name before it or the adverbs
    after it that it ran on to ("[flew] 300 miles", "[FiveThirtyEight] 2.1 points", "40 targets
    [overnight]", "5 miles [away]"), which are no part of its unit."""
    tokens = [t for t in ent if start <= t.idx and t.idx + len(t) <= end]
    while len(tokens) > 1 and tokens[0].pos_ in ("VERB", "AUX", "PROPN") and not tokens[0].like_num:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].pos_ == "ADV" and not tokens[-2].is_punct:
        tokens.pop()
    return (tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else (start, end)


#: What makes "pounds" after a number a weight: "weighs 236 pounds", "a weight of 12 pounds".
_WEIGHED_BEFORE_RE = re.compile(r"\b(?:weigh(?:s|ed|ing)?|weight\s+of|tipped\s+the\s+scales\s+at)\s+"
                                r"(?:(?:about|around|nearly|almost|over|just|some|more\s+than|less\s+than)\s+)?$",
                                re.I)


def _weighed(text: str, start: int, end: int, lo: int) -> bool:
    """Whether the amount at ``text[start:end]`` is pounds of weight, not money: written in "pounds"
    without a sign, after a verb or noun of weighing ("weighs 236 pounds")."""
    return re.fullmatch(r"[^£$€]*\d[\d,.]*\s+pounds?", text[start:end], re.I) is not None and \
        _WEIGHED_BEFORE_RE.search(text, max(lo, start - 40), start) is not None


def _priced(text: str, start: int, sent: Any) -> bool:
    """Whether a currency sign stands right before the number at ``start`` that spaCy took into a
    date with what follows ("£" "9bn a year"): an amount of money, left outside its entity."""
    return text[start : start + 1].isdigit() and _CURRENCY_BEFORE_RE.search(
        text[max(sent.start_char, start - 4) : start]) is not None


#: The points of a poll's lead or a score after "one" ("one point ahead", "by one percentage point").
_ONE_POINT_AFTER_RE = re.compile(r"\s(?:percentage\s+)?points?\b(?!-)", re.I)
#: A scale word or "dozen" the tagger took without the "a" that makes it a number ("A dozen people").
_BARE_SCALE_RE = re.compile(r"(?:dozen|hundred|thousand|million|billion|trillion)", re.I)
_ARTICLE_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(\"“]))an?\s$", re.I)


#: "at one point she ran ...": a moment, not a measure, unless a lead or a change follows the point.
_AT_BEFORE_RE = re.compile(r"\bat\s+$", re.I)
_POINT_MEASURE_AFTER_RE = re.compile(
    r"\s+(?:ahead|behind|above|below|lead|higher|lower|up|down|clear)\b", re.I)


def _one_measured(text: str, ent: Any) -> bool:
    """Whether "one" is a measure of points ("Labour was one point ahead"), not a pronoun, an article
    or the idiom "at one point" (a moment: "at one point she ran a secret site")."""
    after = _ONE_POINT_AFTER_RE.match(text, ent.end_char) if ent.text.lower() == "one" else None
    if after is None:
        return False
    return _AT_BEFORE_RE.search(text, max(0, ent.start_char - 4), ent.start_char) is None \
        or _POINT_MEASURE_AFTER_RE.match(text, after.end()) is not None


def _article_before_scale(text: str, ent: Any, start: int) -> int:
    """Where an amount written as a bare scale word begins, taking in the "a" before it the tagger
    left out ("A dozen people died", "A million people marched"); ``start`` otherwise."""
    if not _BARE_SCALE_RE.fullmatch(ent.text):
        return start
    article = _ARTICLE_BEFORE_RE.search(text, max(0, start - 3), start)
    return article.start() if article is not None else start


#: "3-D", "2D" after a number: a kind of thing, not a count of it.
_DIMENSIONS_AFTER_RE = re.compile(r"-?D\b")


def _before_loose_comma(ent: Any) -> Any:
    """A date entity cut before a comma that runs on to words with no number or month: spaCy's
    "December, days" in "in December, days after she reported him missing" is "December"."""
    for tok in ent:
        if tok.text == "," and tok.i > ent.start:
            rest = ent.doc[tok.i + 1 : ent.end].text
            if not re.search(rf"\d|\b{_MONTH_RE}\b", rest, re.I):
                cut = ent.doc[ent.start : tok.i]
                cut.label_ = "DATE"
                return cut
            break
    return ent


def find_quantities(sent: Any, text: str, ents: Any = None) -> list[Quantity]:
    """The quantities in the spaCy span ``sent`` (article offsets, ``text`` the article).

    ``ents``: the span's entities when the caller has them (``sent.ents`` scans the whole doc).
    """
    found: list[Quantity] = _period_parts(sent, text)
    found += [q for q in _shares(sent, text) + _age_lists(sent, text) + _age_groups(sent, text)
              + _folds(sent, text) if not any(f.start < q.end and q.start < f.end for f in found)]
    found += [q for q in _decade_numbers(sent, text) + _heights(sent, text)
              if not any(f.start < q.end and q.start < f.end for f in found)]
    taken: list[tuple[int, int]] = [(q.start, q.end) for q in found]
    for ent in _split_sums(sent, sent.ents if ents is None else ents):
        if ent.label_ == "DATE" and len(ent) > 1 and ent[0].lower_ == "last" \
                and ent[0].pos_ in ("VERB", "AUX"):
            # "The trial is expected to last six to eight weeks": the verb is no part of the length
            # ("over the last six weeks" is)
            ent = ent.doc[ent.start + 1 : ent.end]
            ent.label_ = "DATE"
        if ent.label_ == "DATE":
            ent = _before_loose_comma(ent)
        # a length of time spaCy calls a time ("the following 24 hours") is read as a date is
        ent_label = "DATE" if ent.label_ == "TIME" and _is_duration(ent.text) else ent.label_
        if ent_label == "CARDINAL" and _SPLIT_YEAR_RE.fullmatch(ent.text):
            ent_label = "DATE"  # "in 2023/24": a financial year, not a count nor a name
        if ent_label not in QUANTITY_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        pc = None
        if ent_label in ("DATE", "CARDINAL", "QUANTITY"):  # after any qualifier: "nearly 20pc"
            pc = _PC_AMOUNT_RE.match(text, end - len(_split_qualifier(text[start:end])[1]), end)
        if pc is not None:  # "5.6pc year on year", tagged a date "5.6pc year": a percent, in "pc"
            ent_label, end = "PERCENT", pc.end()
        if ent_label == "DATE":
            ends = _duration_range(text, start, end)
            if ends:  # "sentences of 8 to 15 years": two lengths of time, not a date
                found.extend(ends)
                taken.append((start, end))
                continue
        # spaCy tags "Monday" or "this year" as DATE: keep only dates with a number or month
        if ent_label == "DATE" and not re.search(
                rf"\d|\b{_MONTH_RE}\b|\b{_QUARTER}\b|\b{_HALF}\b|\b{_FIRST_MONTHS}\b", ent.text, re.I) \
                and not _is_duration(ent.text) and _age(_split_qualifier(ent.text)[1]) is None:
            continue
        if ent_label == "DATE" and _BARE_HALF_RE.fullmatch(ent.text) and (
                _PLAY_RE.search(sent.text) or _HALF_OF_RE.match(text, end, sent.end_char)):
            continue  # "scored twice in the first half", "the first half of his term": no year's half
        if ent_label == "CARDINAL" and (ent.text.lower() in ("one", "a", "an") or _CODE_RE.match(ent.text)) \
                and not _one_measured(text, ent):
            continue
        if ent_label == "CARDINAL" and _DIMENSIONS_AFTER_RE.match(text, end):
            taken.append((start, end))  # "3-D guns", "2D art": dimensions of a kind of thing, not a count
            continue
        if ent_label in ("DATE", "CARDINAL"):
            ages = _ages(ent, text)
            if ages:  # "Eric Joering, 39,", "voters over 65", "between the ages of 18 and 29"
                found.extend(ages)
                taken.append((start, end))
                continue
        if ent_label == "DATE" and re.search(r"\d(?:st|nd|rd|th)\b", ent.text) and not re.search(
                rf"\b{_MONTH_RE}|{_YEAR}", ent.text, re.I):
            continue  # "the 25th anniversary", "the 20th Century", "the 22nd district": no date
        named = ent_label != "DATE" and (_names_not_counts(text, start, end, sent)
                                         or _in_a_name(sent, start, end) or _name_particle(sent, start, end))
        if named or re.fullmatch(r"\d{1,2}/\d{1,2}", ent.text):
            taken.append((start, end))  # and the fallback pass must not read it either
            continue
        if ent_label in ("QUANTITY", "CARDINAL"):
            start, end = _measure_only(ent, start, end)
            start = _article_before_scale(text, ent, start)
        priced = ent_label == "DATE" and _priced(text, start, sent)
        if priced:  # "£" "9bn a year": the amount, without the period spaCy took it for
            end = _FALLBACK_RE.match(text, start, end).end()
        # "$48m": spaCy may leave the currency sign or the glued scale outside the entity, also of
        # a bare number it calls a date ("Rs 45 crore", tagged "45")
        if ent_label in ("MONEY", "CARDINAL", "PERCENT", "QUANTITY") or priced or (
                ent_label == "DATE" and _BARE_NUMBER_RE.fullmatch(ent.text)):
            lead = _LEAD_WORDS_RE.match(text, start, end)
            if lead is not None and _split_qualifier(text[start:end])[0] is None:
                start = lead.end()  # "a record £713 million", "an extra £2bn": the amount, without the words
            start, end = _widen(text, start, end, sent.start_char, sent.end_char)
        start = _qualifier_start(text, _minus_start(text, start, sent.start_char), sent.start_char)
        # spaCy's trailing punctuation or apostrophes are not part of the amount, nor a "to"
        # or "and" it ran on to ("43 percent to 38 percent": two amounts)
        while end > start + 1 and text[end - 1] in ".,;:'\"’ $€£¥₹₽₩":  # and "50p to £" leaves "£"
            end -= 1
        # ... or a preposition of what follows ("€4.5bn over five years": over the years)
        joined = re.search(r"\s+(?:to|and|or|from|over|under|above|below)$", text[start:end], re.I)
        if joined is not None and joined.start() > 0:
            end = start + joined.start()
        length = _LENGTH_OF_A_PERIOD_RE.match(text, start, end) if ent_label in ("DATE", "TIME") else None
        if length is not None:  # "a four-day week": a length of four days, the week it makes is no date
            end = length.end(1)
        label = ent_label
        interval = _INTERVAL_LEAD_RE.match(text, start, end) if label == "DATE" else None
        if interval is not None and interval.end() < end:
            # "(95% CI 12%-28%)": the ends of a confidence interval spaCy took, with its name, for a date
            start, label = interval.end(), "PERCENT" if "%" in text[interval.end() : end] else "CARDINAL"
        core = _split_qualifier(text[start:end])[1]
        if label in ("DATE", "CARDINAL") and (_currency(core) or _PENCE_RE.fullmatch(core)):
            label = "MONEY"  # "another JPY 3bn", "a fee of 50p": spaCy's small model may call it a date
        pence_per = _PENCE_PER_RE.fullmatch(core) if label == "QUANTITY" else None
        if pence_per is not None:  # "7.1p per kilowatt hour" tagged a measure: pence, and the rate after
            end, core, label = end - len(core) + pence_per.end(1), pence_per.group(1), "MONEY"
        if label == "CARDINAL" and _YEAR_RE.match(text[start:end]) and _DETERMINER_BEFORE_RE.search(
                text, max(sent.start_char, start - 8), start):
            label = "DATE"  # "a 2023 study", "the 2016 election": a year, not a count
        if label == "CARDINAL" and re.fullmatch(rf"(?:mid|early|late)[\s-]+{_YEAR}s?", core, re.I):
            label = "DATE"  # "until at least mid-2025": a part of a year
        per = _PER_CURRENCY_RE.search(core) if label == "MONEY" else None
        if per is not None and _currency(core[: per.start()]) is None:
            end, core = start + len(text[start:end]) - len(core) + per.start(), core[: per.start()]
            label = "CARDINAL"  # "a low of 161.9 per dollar": an exchange rate, no amount of dollars
        if label == "MONEY" and _currency(core) is None and not _PENCE_RE.fullmatch(core) \
                and not re.search(r"\bcents?\b", core, re.I):
            label = "CARDINAL"  # "13.5 billion years ago": spaCy's small model may call it money
        time_after = _TIME_AFTER_RE.match(text, end, sent.end_char) if label == "CARDINAL" else None
        if time_after is not None:  # "13.5 billion" "years ago": a length of time spaCy cut in two
            end, label = time_after.end(), "DATE"
        unit_end = None if label != "CARDINAL" else (
            _unit_end(text, end, sent) or _margin_end(text, start, end, sent.start_char, sent.end_char))
        if unit_end is not None:  # "120 tonnes of supplies", "a three-bedroom house", "by six runs"
            end, label = unit_end, "QUANTITY"
        per_hour = _PER_HOUR_AFTER_RE.match(text, end, sent.end_char) if label == "QUANTITY" else None
        if per_hour is not None and _DISTANCE_END_RE.search(text, start, end):
            end = per_hour.end()  # "winds of up to 70 km/h": a speed, tagged "70 km"
        times = None if label != "CARDINAL" or not _number_words(core) else _TIMES_AFTER_RE.match(
            text, end, sent.end_char)
        if times is not None:  # "ten times higher", "stabbed 12 times": a multiple, no count of things
            end, label = times.end(), "QUANTITY"
        if label == "DATE" and _PLAIN_RANGE_RE.fullmatch(text[start:end]) and not _YEAR_RANGE_RE.search(
                text[start:end]):
            label = "CARDINAL"  # "between 10 and 20 (million) people": spaCy's small model calls it a date
        if label == "DATE" and _BARE_NUMBER_RE.fullmatch(_LEAD_RE.sub("", text[start:end])):
            label = "CARDINAL"  # "Sanders has 70", "CI 0.60-0.84": a bare number that is no year is no date
        kind, value, unit, qualifier = parse_quantity(text[start:end], label)
        if kind == "money" and _weighed(text, start, end, sent.start_char):
            kind, unit = "number", "pounds"  # "weighs 236 pounds": a weight, no money
        if qualifier == "up to" and _MOTION_BEFORE_RE.search(text, max(sent.start_char, start - 20), start):
            qualifier = None  # "edged up to 3%", tagged as one entity: a particle and "to", no bound
            start += len(text[start:end]) - len(re.sub(r"(?i)^up\s+to\s+", "", text[start:end]))
        if kind != "date":
            ends = _number_range(text, start, end, label, qualifier)
            if ends:  # "between 10 and 20", "3-4%": both ends
                found.extend(ends)
                taken.append((start, end))
                continue
        if value is None and kind == "date":
            # "March 2024 and June 18, 2025": spaCy tags a range as one date; give both ends
            ends = _date_range(text, start, end, qualifier) or _length_then_date(text, start, end)
            if ends:
                found.extend(ends)
                taken.append((start, end))
                continue
            counted = _COUNTED_DATE_RE.fullmatch(_split_qualifier(text[start:end])[1])
            if counted is not None and parse_number(counted.group(1)) is not None:
                # "in 13 seasons", "two terms": a number of something spaCy calls a date
                kind, value, unit = "number", _tidy(parse_number(counted.group(1))), counted.group(2).lower()
        if value is None and kind != "date":
            continue
        part = date_part(text[start:end]) if kind == "date" and value is not None else None
        found.append(Quantity(start=start, end=end, kind=kind, value=value, unit=unit, qualifier=qualifier,
                              part=part))
        taken.append((start, end))
    for match in _FALLBACK_RE.finditer(text, sent.start_char, sent.end_char):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        raw = match.group(0)
        if _CODE_RE.match(raw) or _names_not_counts(text, start, end, sent) or _in_a_name(sent, start, end):
            continue
        start, end = _widen(text, start, end, sent.start_char, sent.end_char)
        if any(s < end and start < e for s, e in taken):
            continue
        raw = text[start:end]
        older = _AGE_AFTER_RE.match(text, end, sent.end_char) if re.fullmatch(r"\d{1,3}", raw) else None
        if older is not None and 0 < int(raw) < 125:  # "those 65 and older", which the tagger missed
            younger = re.search(r"younger|under", older.group(0), re.I)
            found.append(Quantity(start=start, end=end, kind="number", value=int(raw), unit="years old",
                                  qualifier="at most" if younger else "at least"))
            continue
        if _YEAR_RE.match(raw):
            label = "DATE"
            part = _PART_BEFORE_RE.search(text, max(sent.start_char, start - 8), start)
            start = part.start() if part else start  # "mid-2019" the tagger missed
        elif "%" in raw or "cent" in raw.lower() or _PC_RE.search(raw):
            label = "PERCENT"
        elif _currency(raw) is not None or _PENCE_RE.fullmatch(raw):
            label = "MONEY"
        else:
            label = "CARDINAL"
            unit_end = _unit_end(text, end, sent) or _margin_end(text, start, end, sent.start_char,
                                                                 sent.end_char)
            cents = _CENTS_AFTER_RE.match(text, end, sent.end_char)
            if unit_end is not None:
                end, label = unit_end, "QUANTITY"
            elif cents is not None:  # "by 4 cents to 12 cents": spaCy tagged only the first
                end, label = cents.end(), "MONEY"
        start = _qualifier_start(text, _minus_start(text, start, sent.start_char), sent.start_char)
        kind, value, unit, qualifier = parse_quantity(text[start:end], label)
        if value is None:
            continue
        found.append(Quantity(start=start, end=end, kind=kind, value=value, unit=unit, qualifier=qualifier,
                              part=date_part(text[start:end]) if kind == "date" else None))
    found.sort(key=lambda q: q.start)
    found = _compared_amounts(_rates(_join_ranges(found, text), text, sent), text, sent)
    found = _spread_over(_risk_ratios(found, text, sent), text)
    found = _date_bounds(_lengths_per_period(_compound_lengths(found, text), text), text, sent)
    return _surpassed(_counted_amounts(_to_life(_bounded_ages(_led_ends(found, text), text), text), text),
                      text, sent)


def _led_ends(found: list[Quantity], text: str) -> list[Quantity]:
    """``found`` with the first end of a date range written without the "between" or "from" that
    leads it ("recruited between 2005 and 2006", tagged "between 2005 and" and "2006": 2005 from),
    as a range tagged whole gives it ("between 2019 and 2021")."""
    out = []
    for q in found:
        lead = _LEAD_RE.match(text[q.start : q.end]) if q.kind == "date" and q.qualifier == "from" else None
        if lead is not None and lead.end() < q.end - q.start:
            q = replace(q, start=q.start + lead.end())
        out.append(q)
    return out


#: A noun of people a bound and a number after it give the age of: "children under five",
#: "patients over 65", "adults under 30".
_PEOPLE_BEFORE_RE = re.compile(rf"\b(?:{_PEOPLE_NOUNS})\s+$", re.I)


#: What makes a bounded number after a noun of people a count of something: "under 30 homes",
#: "over 20 of them", "under 5%".
_COUNTED_AFTER_RE = re.compile(r"\s*(?:of\b|%|(?i:percent|per\s*cent|million|billion|thousand)\b|"
                               r"(?!(?:was|is|has|does|years|yrs)\b)[a-z]+s\b)")


def _bounded_ages(found: list[Quantity], text: str) -> list[Quantity]:
    """``found`` with each count bounded "over" or "under" right after a noun of people read as
    their age ("Children under five account for half of all cases": under 5 years old; "People over
    65": over 65), as "voters over 65" is; not a count of something else ("under 500 homes")."""
    out = []
    for q in found:
        if q.kind == "count" and q.unit is None and q.qualifier in ("over", "under", "above", "below") \
                and isinstance(q.value, int) and 0 < q.value < 125 \
                and _PEOPLE_BEFORE_RE.search(text, max(0, q.start - 12), q.start) \
                and not _COUNTED_AFTER_RE.match(text, q.end):
            q = replace(q, kind="number", unit="years old")
        out.append(q)
    return out


#: A verb that puts what it is said of above the amount after it: "losses could exceed €3bn",
#: "sales topped 2 million", "surpassing 40%".
_SURPASSING_BEFORE_RE = re.compile(
    r"\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped|ping)?|outstrip(?:s|ped|ping)?|"
    r"outnumber(?:s|ed|ing)?)\s+(?P<the>the\s+)?$|"
    # and verbs that pass a mark: "passed the $5m milestone", "broke the 8,000 barrier"
    r"\b(?:pass(?:es|ed|ing)?|cross(?:es|ed|ing)?|br(?:eak|eaks|eaking|oke|oken)|breach(?:es|ed|ing)?)"
    r"\s+(?P<mark>the\s+)$", re.I)
#: What an amount after "the" a verb of surpassing passes is: "surpassed the £1bn mark".
_MARK_AFTER_RE = re.compile(r"[\s-]+(?:mark|barrier|threshold|milestone|level)\b", re.I)


def _surpassed(found: list[Quantity], text: str, sent: Any) -> list[Quantity]:
    """``found`` with each amount a verb of surpassing comes right before qualified "more than", as
    one "more than" writes is ("Losses could exceed €3bn": more than 3bn), and one such a verb
    passes as a mark ("surpassed the £1bn mark", "passed the $5m milestone"); the amount keeps its
    span. Not a date ("exceeded 2019 levels"), one qualified already ("topped more than 40%"), nor
    a "top" that is no verb ("the top 10")."""
    out = []
    for q in found:
        verb = None if q.qualifier is not None or q.kind == "date" else _SURPASSING_BEFORE_RE.search(
            text, max(sent.start_char, q.start - 24), q.start)
        if verb is not None and (verb.group("the") or verb.group("mark")) \
                and not _MARK_AFTER_RE.match(text, q.end, sent.end_char):
            verb = None  # "topped the 40% of voters": "the" before anything but a mark
        word = None if verb is None else next((t for t in sent if t.idx == verb.start()), None)
        out.append(q if word is None or not word.tag_.startswith("VB") else replace(q, qualifier="more than"))
    return out


#: "15 years to life": a sentence with no upper end, after its length in years.
_TO_LIFE_RE = re.compile(r"\s+to\s+life\b", re.I)


#: "four-day week", "a 4-day week", "12-hour days": a length joined by a hyphen to the period it fills.
#: A length of time, then the date it ran to or from, spaCy tags as one date ("15 years in
#: March"), after words that say how it adds up ("a total of", "a further", "another").
_LENGTH_THEN_DATE_RE = re.compile(
    r"(?:(?:a\s+(?:total\s+of|further|combined)|another|an\s+extra)\s+)?"
    r"(?P<length>[\w.,-]+\s+(?:years?|months?|weeks?|days?|hours?|decades?))"
    r"(?:\s+(?:(?:in|on)\s+)?(?P<date>\S.*))?", re.I)


#: A plural scale of things each priced at an amount: "thousands of $12-an-hour workers".
_COUNT_OF_AMOUNTS_RE = re.compile(r"(?P<scale>hundreds|thousands|millions)\s+of\s+(?=[$€£¥])", re.I)


def _counted_amounts(found: list[Quantity], text: str) -> list[Quantity]:
    """``found`` with each amount that the tagger took with a plural scale before it ("thousands of
    $12-an-hour workers") read as two: a count of the things ("thousands", at least 1,000) and
    the amount each is priced at ("$12 per hour"), which the scale does not qualify."""
    out: list[Quantity] = []
    for q in found:
        m = _COUNT_OF_AMOUNTS_RE.match(text, q.start, q.end) if q.kind == "money" else None
        if m is None:
            out.append(q)
            continue
        scale = m.group("scale")
        out.append(Quantity(start=m.start("scale"), end=m.end("scale"), kind="count",
                            value=_tidy(_PLURAL_SCALES[scale.lower()]), qualifier="at least"))
        out.append(replace(q, start=m.end(), qualifier=None))
    return out


def _length_then_date(text: str, start: int, end: int) -> list[Quantity]:
    """A length of time and the date after it that spaCy tagged as one date ("jailed for 15 years
    in March", "for a further 15 years"), as their quantities, or [] for anything else."""
    match = _LENGTH_THEN_DATE_RE.fullmatch(text, start, end)
    if match is None:
        return []
    out = []
    for group in ("length", "date"):
        if match.group(group) is None:
            continue
        kind, value, unit, qualifier = parse_quantity(match.group(group), "DATE")
        if value is None or (group == "length") != (kind == "number"):
            return []
        out.append(Quantity(start=match.start(group), end=match.end(group), kind=kind, value=value,
                            unit=unit, qualifier=qualifier,
                            part=date_part(match.group(group)) if kind == "date" else None))
    return out


_LENGTH_OF_A_PERIOD_RE = re.compile(
    r"([\w.,]+-(?:year|month|week|day|hour|minute|decade))\s+(?:years?|months?|weeks?|days?|shifts?|nights?)$",
    re.I)


#: The period a length of time joined by a hyphen fills, after it ("70-hour weeks", "a four-day
#: week", "12-hour shifts"), and the units of time each is longer than.
_PERIOD_AFTER_RE = re.compile(r"\s+(?P<period>year|month|week|day|shift|night)s?\b", re.I)
_SHORTER_UNITS = {"year": ("month", "week", "day", "hour"), "month": ("week", "day", "hour"),
                  "week": ("day", "hour"), "day": ("hour", "minute"), "shift": ("hour", "minute"),
                  "night": ("hour", "minute")}
_HYPHENATED_UNIT_RE = re.compile(r"-(?:month|week|day|hour|minute)$", re.I)


def _lengths_per_period(found: list[Quantity], text: str) -> list[Quantity]:
    """The lengths of time in ``found`` joined by a hyphen to a longer period they fill, as a rate
    ("work 70-hour weeks", "a four-day week": 70 "hours per week", 4 "days per week"), covering the
    period; "a 24-hour strike" and "a two-year contract" stay lengths."""
    out = []
    for q in found:
        unit = (q.unit or "").lower()
        period = _PERIOD_AFTER_RE.match(text, q.end) if q.kind == "number" and q.qualifier not in (
            "from", "to") and _HYPHENATED_UNIT_RE.search(text, q.start, q.end) else None
        if period is not None and unit in _SHORTER_UNITS.get(period.group("period").lower(), ()):
            q = replace(q, end=period.end(), unit=f"{unit}s per {period.group('period').lower()}")
        out.append(q)
    return out


def _to_life(found: list[Quantity], text: str) -> list[Quantity]:
    """A length in years that "to life" follows ("sentenced to 15 years to life") is its least
    length, the phrase covering both: "15 years to life" -> at least 15 years."""
    out: list[Quantity] = []
    for q in found:
        life = _TO_LIFE_RE.match(text, q.end) if q.kind == "number" and q.unit in ("year", "years") else None
        if life is not None and q.qualifier is None:
            q = replace(q, end=life.end(), qualifier="at least")
        out.append(q)
    return out


#: "over" between an amount (and what it counts) and a length of time: the span it is spread over.
_SPREAD_OVER_RE = re.compile(r"\s+(?:[a-z]+\s+)?", re.I)
_OVER_RE = re.compile(r"over\s+", re.I)
_TIME_UNITS = frozenset(["year", "years", "month", "months", "week", "weeks", "day", "days", "decade",
                         "decades", "hour", "hours", "minute", "minutes", "second", "seconds", "century",
                         "centuries"])


def _spread_over(found: list[Quantity], text: str) -> list[Quantity]:
    """The lengths of time in ``found`` that an amount right before them is spread over, without the
    "over" the qualifier took for a bound: "spend €4.5bn over five years", "8 million jobs over two
    years" (five years, during them); "jailed for over five years" is still more than five."""
    out: list[Quantity] = []
    for q in found:
        over = _OVER_RE.match(text, q.start, q.end)
        if out and over and q.qualifier == "over" and q.kind == "number" and q.unit in _TIME_UNITS \
                and _SPREAD_OVER_RE.fullmatch(text, out[-1].end, q.start):
            q = replace(q, start=over.end(), qualifier=None)
        out.append(q)
    return out


#: What an amount may be counted per after "a"/"an" or a slash ("£3 a litre", "$80/barrel"):
#: measures, the lots and portions goods are sold in ("£3 a dozen", "$12 a pack", "£4 a pint"),
#: shares, people ("$500 a family") and spans of time. After "per" any noun will do ("per capita").
_RATE_UNIT = (r"(?:(?:square|sq\.?|cubic)\s+)?(?:tonnes?|tons?|barrels?|bbl|litres?|liters?|gallons?|"
              r"bushels?|pounds?|lbs?|kilos?|kilograms?|kg|ounces?|oz|shares?|head|person|units?|acres?|hectares?|"
              r"(?:kilo|mega)watt[- ]hours?|kWh|MWh|miles?|kilomet(?:re|er)s?|km|metres?|meters?|feet|foot|"
              r"dozen|pairs?|pack(?:et)?s?|box(?:es)?|bottles?|cans?|jars?|pints?|loaf|loaves|bags?|sacks?|"
              r"crates?|cartons?|tickets?|items?|pieces?|portions?|servings?|meals?|glass(?:es)?|cups?|"
              r"pills?|tablets?|copies|copy|seats?|rooms?|beds?|visits?|trips?|rides?|calls?|"
              r"pupils?|students?|patients?|households?|famil(?:y|ies)|child|adults?|employees?|workers?|"
              r"passengers?|customers?|residents?|voters?|members?|subscribers?|users?|vehicles?|cars?|"
              r"hours?|days?|weeks?|months?|years?|nights?|annum|games?|matches|match|seasons?|doses?)")
#: When a rate starts, after "from": "£11.44 an hour from April", "£3 a day from Monday" ("a year from
#: now", "a year from the listing" are dates).
_STARTS = ("(?:" + "|".join(m.capitalize() for m in _MONTHS)
           + r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b")
#: "$80 per barrel", "£3 a litre", "12 deaths per 100,000 people", "1.2 million barrels a day",
#: "3% a year", "$85/tonne", "£40 every month", "£3 each", "$25 apiece": a rate. ``noun`` is what a
#: count counts before it ("deaths"); not "per cent", "per se" nor "per the ministry" (according
#: to), nor "$1.10 a year ago" (a date); "€25m a year before tax" is one.
_RATE_STOP = (r"(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|cent|se|which|each|every|"
              r"in|of|on|at|for|to|from|with|by|and|or|as|than|is|was|were|are)\b)")
_RATE_WORD = (rf"(?:(?:square|sq|cubic|live|metric|troy|fluid)\s+)?{_RATE_STOP}"
              r"(?:[a-z]+(?:-[a-z]+)*|kWh|MWh|GWh)")
_RATE = (
    r"\s+per\s+(?P<per>(?:kilo|mega|giga)?watt[- ]hours?"
    r"|(?:\d{1,3}(?:,\d{3})+|\d+|hundred|thousand|million|billion)"
    rf"(?:\s+{_RATE_WORD})?|{_RATE_WORD})\b"
    rf"|(?:\s+(?:an?|each|every)\s+|-an?-)(?P<a>{_RATE_UNIT})\b"
    r"(?!-|\s+(?:ago|earlier|later|(?:before|after)(?!\s+tax(?:es)?\b)|prior|previously|back"
    rf"|from(?!\s+(?:[$€£¥]\s?)?\d|\s+(?:{_STARTS}|next\b)))\b"
    r"|\s+on(?=\s*[,.;:]|\s+from\b))"
    rf"|\s?/\s?(?P<slash>{_RATE_UNIT}|t)\b(?!/)"
    r"|\s+(?P<each>each|apiece)\b"
    r"|\s+(?:of\s+(?:(?:the|a|an|this|that|their|his|her|its)\s+)?[a-z]+(?:[\s-][a-z]+)?\s+)?"
    r"(?P<often>daily|weekly|monthly|annually|yearly|hourly|nightly)\b(?!-)"
    r"|\s+of\s+(?:(?:the|a|an|this|that|their|his|her|its)\s+)?[a-z]+(?:[\s-][a-z]+)?"
    r"\s+(?:an?|each|every|per)\s+(?P<of_a>day|week|month|year|hour|night)\b(?!-|\s+(?:ago|earlier|later)\b)")
#: How often an amount comes, written as an adverb after it ("40 mg daily"): what it is per.
_OFTEN = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
          "hourly": "hour", "nightly": "night"}
_RATE_AFTER_RE = re.compile(rf"(?:{_RATE})")
_COUNTED_RATE_AFTER_RE = re.compile(rf"\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)(?:{_RATE})")
#: "per capita income of $45,000", "earnings per share were $1.35": the rate named before the amount.
_RATE_BEFORE_RE = re.compile(
    r"\bper[ -](capita|head|person|share|tonne|ton|barrel|litre|liter|gallon|hour|day|week|month|year|"
    r"pupil|student|patient|household|family|child|resident|employee|worker|passenger|customer|"
    r"vehicle|visit|night|game|match|dose|(?:kilo|mega)watt[- ]hour|kWh|"
    rf"{_RATE_STOP}(?!annum\b|capita\b)[a-z]+(?<!s))"
    r"(?:\s+[a-z]+){0,3}\s+$", re.I)


#: "Burglaries per 1,000 homes fell to 5.2", "the rate per 100,000 people was 81": a rate per a
#: number of something named before its amount (with what it counts, a plural just before "per").
_PER_NUMBER_BEFORE_RE = re.compile(
    r"(?:\b(?!(?:this|was|has|is|its|his|as|us)\b)(?P<counted>[A-Za-z]+s)\s+)?\bper\s+(?P<per>(?:\d{1,3}(?:,\d{3})+|\d+)\s+[a-z]+)"
    r"(?:\s+(?:[A-Za-z]+|[-−]?\d+(?:\.\d+)?\s?%)){0,6}\s+$")
#: The "per " before a number that is what a rate is per.
_PER_BEFORE_RE = re.compile(r"\bper\s+$", re.I)
#: "a daily standing charge of 53.7p", "an annual salary of £50,000": how often an amount is paid.
_EVERY_BEFORE_RE = re.compile(r"\b(hourly|daily|weekly|monthly|annual|yearly)(?:\s+[a-z-]+){0,3}\s+of\s+$",
                              re.I)
_EVERY = {"hourly": "per hour", "daily": "per day", "weekly": "per week", "monthly": "per month",
          "annual": "per year", "yearly": "per year"}


#: "a hazard ratio of 0.82", "odds ratio 1.4", "(HR 0.71, 95% CI 0.60-0.84)": a ratio of risks, a plain
#: number in the unit it names, not a count of anything.
_RISK_RATIO_BEFORE_RE = re.compile(
    r"\b(?P<name>(?i:(?:adjusted\s+)?(?:hazard|odds|risk|rate|incidence\s+rate)\s+ratio|relative\s+risk))s?"
    r"(?:\s+(?i:for|of|in|among|with)(?:\s+[\w-]+){1,4}?(?=\s+(?i:was|is|were|of|at)\s+\S*$))?"
    r"(?:\s+(?i:was|is|were|of|at|stood\s+at|reached))?(?:\s*[=:,]\s*|\s+)$"
    r"|\((?P<abbr>a?HR|a?OR|RR|IRR)(?:\s*[=:,]\s*|\s+)$")
#: Its confidence interval after it: "(95% CI, 0.60 to 0.84)".
_INTERVAL_BEFORE_RE = re.compile(r"\b(?:9[059]%?\s*(?:CI|confidence\s+interval)|CI)\s*[=:,]?\s*$", re.I)
#: How far before its first end an interval's name can lie: "95% confidence interval 0.61 to 0.88".
_INTERVAL_REACH = 32
#: An interval's name an entity opens with: "CI 12%-28%".
_INTERVAL_LEAD_RE = re.compile(r"CI\s*[=:,]?\s*(?=\d)")
#: "(p=0.001)", "p<0.0001", "P = 0.03", "a p-value of 0.04", "p value 0.2": the probability of a result
#: as extreme by chance, a number in its unit, bounded as the sign says ("p<0.05": less than 0.05).
_P_VALUE_BEFORE_RE = re.compile(
    r"(?:(?<=[(\[;,])|(?<=[(\[;,]\s)|(?<=\bthe\s)|(?<=\ba\s)|(?<=^))\s*(?:p|P)(?:[\s-]?values?)?"
    r"(?:\s+(?:of|was|is|=)\s*|\s*(?P<sign>[=<>≤≥]|<=|>=)\s*)$")
_P_VALUE_SIGNS = {"<": "less than", ">": "more than", "≤": "at most", "<=": "at most", "≥": "at least",
                  ">=": "at least"}
_RISK_RATIO_ABBREVIATIONS = {"hr": "hazard ratio", "ahr": "hazard ratio", "or": "odds ratio",
                             "aor": "odds ratio", "rr": "relative risk", "irr": "incidence rate ratio"}


def _risk_ratio(text: str, start: int, lo: int) -> str | None:
    """The ratio of risks ("hazard ratio", "odds ratio") an amount at ``start`` is the value of, or None."""
    m = _RISK_RATIO_BEFORE_RE.search(text, max(lo, start - 70), start)
    if m is None:
        return None
    if m.group("abbr"):  # "(HR 0.71": in brackets, as a bill is not ("HR 1")
        return _RISK_RATIO_ABBREVIATIONS[m.group("abbr").lower()]
    name = re.sub(r"^adjusted\s+", "", " ".join(m.group("name").lower().split()))
    return name


def _risk_ratios(found: list[Quantity], text: str, sent: Any) -> list[Quantity]:
    """The counts in ``found`` that are the value of a ratio of risks, as numbers in its unit
    ("a hazard ratio of 0.82" -> 0.82 "hazard ratio"), with the ends of its confidence interval
    ("95% CI 0.60-0.84")."""
    out: list[Quantity] = []
    ratio: str | None = None
    for q in found:
        unit = None
        if q.kind in ("count", "number") and q.unit is None and isinstance(q.value, int | float):
            unit = _risk_ratio(text, q.start, sent.start_char)
            interval = _INTERVAL_BEFORE_RE.search(text, max(sent.start_char, q.start - _INTERVAL_REACH),
                                                  q.start)
            if unit is None and ratio and interval:
                unit = ratio
            if unit is None and ratio and q.qualifier == "to" and out and out[-1].unit == ratio \
                    and out[-1].qualifier == "from":
                unit = ratio
        p_value = None if unit is not None or q.kind not in ("count", "number") or q.unit is not None \
            else _P_VALUE_BEFORE_RE.search(text, max(sent.start_char, q.start - 16), q.start)
        if p_value is not None and isinstance(q.value, float) and 0 < q.value <= 1:
            # "(p<0.0001)": a p-value, below the bound its sign sets
            sign = p_value.group("sign")
            q = replace(q, kind="number", unit="p-value",
                        qualifier=_P_VALUE_SIGNS.get(sign or "", q.qualifier))
        if unit is not None:
            ratio = unit
            q = replace(q, kind="number", unit=unit)
        out.append(q)
    return out


#: "half an ounce": a part of one, not an amount per ounce.
_PART_OF_ONE_RE = re.compile(r"\b(?:half|quarter|third)$", re.I)


def _rate_unit(unit: str) -> str:
    """A rate's noun as "per X": "a litre" -> "per litre", "/bbl" -> "per barrel", "per annum" ->
    "per year"."""
    unit = " ".join(unit.split())
    return "per " + {"annum": "year", "bbl": "barrel", "t": "tonne"}.get(unit, unit)


#: What joins an amount to the one it is compared with: "26.4p per kWh, up from 24.5p", "(from 10)",
#: "compared with 24.5p".
_COMPARED_WITH_RE = re.compile(
    r"\s*[,(;]?\s*(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|against|versus|vs\.?)\s+", re.I)


def _carried_rate(before: Quantity, q: Quantity, text: str) -> Quantity | None:
    """``q`` with the rate of the amount ``before`` it that it is compared with ("rose to 26.4p per
    kilowatt hour, up from 24.5p": 24.5p per kilowatt hour too) or that it ends a range with
    ("Deaths per 100,000 people fell from 12.4 to 9.8": 9.8 deaths per 100,000 people too; "from $5
    a month to $7"), or
    None: ``before`` is a rate of the same kind and currency, and ``q`` has no rate of its own."""
    unit = before.unit or ""
    base, per, _ = unit.rpartition("per ") if unit.startswith("per ") or " per " in unit else ("", "", "")
    if not per or before.kind != ("number" if q.kind == "count" else q.kind):
        return None
    # "12 deaths per 100,000 people, up from 10": a bare number of what the rate counts
    counted = q.kind in ("count", "number") and q.unit is None
    compared = q.qualifier in (None, "from") and _COMPARED_WITH_RE.fullmatch(text, before.end, q.start)
    # "from 12.4 to 9.8", "from $5 a month to $7": the ends of a range or a change
    lead = before.qualifier == "from" or _LEAD_BEFORE_RE.search(text, max(0, before.start - 8), before.start)
    ranged = lead and q.qualifier in (None, "to") and _AMOUNT_RANGE_JOIN_RE.fullmatch(text, before.end,
                                                                                       q.start)
    if (q.unit != (base.strip() or None) and not counted) or not (compared or ranged):
        return None
    return replace(q, kind=before.kind, unit=unit)


#: What sets a bare number after an amount as the earlier level it is compared with: "62 days to
#: complete, up from 51", "41C, compared with 38".
_LEVEL_BEFORE_RE = re.compile(r"[^.;:]{0,40}?,\s*(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+", re.I)


def _carried_unit(before: Quantity, q: Quantity, text: str) -> Quantity | None:
    """The bare number ``q`` ("up from 51") with the kind and unit of the amount ``before`` it that
    it is the earlier level of ("took 62 days to complete, up from 51": 51 days), or None."""
    if q.kind not in ("count", "number") or q.unit is not None or q.qualifier is not None:
        return None
    if before.kind in ("count", "date") or not isinstance(before.value, int | float) \
            or (before.unit is None and before.kind == "number"):
        return None
    if _LEVEL_BEFORE_RE.fullmatch(text, before.end, q.start) is None:
        return None
    return replace(q, kind=before.kind, unit=before.unit)


#: What sets a bare number as what an amount before it is compared with: "... than those who
#: walked fewer than 4,000", "..., compared with fewer than 9,000", "versus 4,000".
_COMPARED_LINK = r"(?:than|compared\s+(?:with|to)|versus|vs\.?|(?:up|down)\s+from)"
_COMPARED_LINK_RE = re.compile(rf"\b{_COMPARED_LINK}\s", re.I)
#: The link right before the compared number (its qualifier, if any, is part of the number).
_COMPARED_LINK_END_RE = re.compile(rf"\b{_COMPARED_LINK}\s+$", re.I)


def _verb_of(sent: Any, start: int) -> tuple[str, int] | None:
    """The lemma and index of the verb the token at ``start`` hangs from (a few heads up at most)."""
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    tok = span[0]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower(), tok.i
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _compared_amounts(found: list[Quantity], text: str, sent: Any) -> list[Quantity]:
    """``found`` with a bare count that an amount with a unit before it is compared with given that
    amount's kind and unit: "walked 8,000 steps a day ... than those who walked fewer than 4,000" (fewer
    than 4,000 steps a day), "shipped 12,000 tonnes in March, compared with fewer than 9,000" (tonnes).
    The count must follow the link ("than", "compared with", "versus", "up from") or hang from
    another verb of the same lemma as the amount's, and count nothing of its own ("than the 12
    vessels"); dates and percents between them are passed over, a
    bare count between them stops it (what is compared may be that)."""
    out = list(found)
    for j, q in enumerate(out):
        if q.kind != "count" or q.unit is not None or not isinstance(q.value, int | float) \
                or q.qualifier in ("from", "to", "every"):
            continue
        before = next((p for p in reversed(out[:j]) if p.kind not in ("date", "percent")), None)
        if before is None or before.kind not in ("number", "money") or not before.unit \
                or not isinstance(before.value, int | float) or before.qualifier in ("from", "to"):
            continue
        between = text[before.end : q.start]
        if before.unit in ("votes", "seats") and q.qualifier is None and re.fullmatch(r"\s+to\s+", between):
            out[j] = replace(q, kind=before.kind, unit=before.unit)  # "passed by 320 votes to 206": a tally
            continue
        if not _COMPARED_LINK_RE.search(between) or re.search(r"[.;:]", between):
            continue
        number = sent.doc.char_span(q.end - 1, q.end, alignment_mode="expand")
        if number is None or (number[0].dep_ == "nummod" and number[0].head.pos_ in ("NOUN", "PROPN")):
            continue  # "more than the 12 vessels before it": a count of its own things
        digit = re.search(r"\d", text[before.start : before.end])
        other = _verb_of(sent, before.start + (digit.start() if digit else 0))
        verb = _verb_of(sent, q.end - 1)
        # "walked 8,000 steps ... than those who walked fewer than 4,000": two clauses of one verb
        if not _COMPARED_LINK_END_RE.search(between) and (
                verb is None or other is None or verb[0] != other[0] or verb[1] == other[1]):
            continue
        out[j] = replace(q, kind=before.kind, unit=before.unit)
    return out


def _how_often(m: re.Match, q: Quantity, text: str, sent: Any) -> bool:
    """Whether the adverb "daily", "weekly" (or the "a day" after "of" a thing) matched by ``m``
    after ``q`` says how often the amount comes ("took 40 mg daily", "40 mg of the drug a day"),
    not a word of a noun after it ("5 million daily users") nor after "twice" ("20 mg twice daily")."""
    if (m.group("of_a") or re.match(r"\s+of\b", text[m.start():])) \
            and (q.unit is None or q.kind not in ("number", "money")):
        return False  # "20 cups of coffee a day": a count, left to what it counts
    span = sent.doc.char_span(m.start("often"), m.end("often")) if m.group("often") else None
    return span is None or all(t.dep_ != "amod" for t in span)


def _rates(found: list[Quantity], text: str, sent: Any) -> list[Quantity]:
    """The amounts in ``found`` that are counted per something ("$80 per barrel", "£3 a litre",
    "12 deaths per 100,000 people") with the rate in their unit: money keeps its currency ("USD
    per barrel"), a count becomes a number ("deaths per 100,000 people"), a percent says how often
    ("3% a year": "per year"), an amount for each of several says so ("£3 each": "GBP each"). A
    number inside the rate ("100,000") is no amount of its own, and a range's first end takes the
    rate written after its last."""
    out: list[Quantity] = []
    rate_end = -1
    for q in found:
        if q.start < rate_end:
            continue  # "100,000" of "per 100,000 people"
        if q.kind == "date" or not isinstance(q.value, int | float):
            out.append(q)
            continue
        m = _RATE_AFTER_RE.match(text, q.end, sent.end_char)
        noun = None
        if m is not None and m.group("a") and _PART_OF_ONE_RE.search(text, q.start, q.end):
            m = None  # "half an ounce": a part of one, not a rate
        if m is not None and m.group("each") and q.kind not in ("money", "number"):
            m = None  # "drew 2 each": a bare count shared out is left as it is
        if m is not None and (m.group("often") or m.group("of_a")) and not _how_often(m, q, text, sent):
            m = None
        if m is None and q.kind in ("count", "number"):
            # a count may name what it counts before the rate ("12 deaths per", "20 cigarettes a day")
            m = _COUNTED_RATE_AFTER_RE.match(text, q.end, sent.end_char)
            span = m and sent.doc.char_span(m.start("noun"), m.end("noun"), alignment_mode="expand")
            if m is None or m.group("slash") or not span or not all(t.pos_ in ("NOUN", "ADJ") for t in span) \
                    or _currency(m.group("noun")) is not None:
                m = None
            else:
                noun = m.group("noun")
        if m is None and q.kind == "count" and q.qualifier is None and _PER_BEFORE_RE.search(
                text, max(sent.start_char, q.start - 5), q.start):
            continue  # "Burglaries per 1,000 homes fell to 5.2": what the rate is per, no count
        per_number = None if m is not None or q.kind not in ("money", "number", "count") else \
            _PER_NUMBER_BEFORE_RE.search(text, max(sent.start_char, q.start - 80), q.start)
        if per_number is not None:  # "Burglaries per 1,000 homes fell to 5.2": the rate named first
            counted, per = per_number.group("counted"), " ".join(per_number.group("per").split())
            rate = f"{counted.lower()} per {per}" if counted else f"per {per}"
            out.append(replace(q, kind="number" if q.kind == "count" else q.kind,
                               unit=f"{q.unit} {rate}" if q.unit else rate))
            continue
        if m is None and q.kind in ("money", "number", "count"):
            carried = (_carried_rate(out[-1], q, text) or _carried_unit(out[-1], q, text)) if out else None
            if carried is not None:  # "26.4p per kilowatt hour, up from 24.5p": the same rate
                out.append(carried)
                continue
        if m is None and q.kind in ("money", "number"):
            before = _RATE_BEFORE_RE.search(text, max(sent.start_char, q.start - 40), q.start)
            every = None if before else _EVERY_BEFORE_RE.search(text, max(sent.start_char, q.start - 40),
                                                                 q.start)
            if before or every:
                rate = _rate_unit(before.group(1).lower()) if before else _EVERY[every.group(1).lower()]
                q = replace(q, unit=f"{q.unit} {rate}" if q.unit else rate)
            out.append(q)
            continue
        if m is None:
            out.append(q)
            continue
        rate = "each" if m.group("each") else _rate_unit(
            m.group("per") or m.group("a") or m.group("slash") or m.group("of_a") or _OFTEN[m.group("often")])
        if noun:
            rate = f"{' '.join(noun.split())} {rate}"
        kind = "number" if q.kind == "count" else q.kind
        unit = f"{q.unit} {rate}" if q.unit else rate
        rated = replace(q, end=m.end(), kind=kind, unit=unit)
        if out and q.qualifier == "to" and out[-1].qualifier in ("from", "between") \
                and out[-1].kind == q.kind and out[-1].unit == q.unit:
            first = out[-1]  # "$5-7 per tonne": both ends are per tonne
            out[-1] = replace(first, kind=kind, unit=unit)
        out.append(rated)
        rate_end = rated.end
    return out


_LABEL_OF_KIND = {"money": "MONEY", "percent": "PERCENT", "count": "CARDINAL", "number": "QUANTITY"}


#: What joins the two ends of a range of amounts the tagger found apart ("$5" "7 billion").
_AMOUNT_RANGE_JOIN_RE = re.compile(r"\s*(?:[-–—]|to)\s*|\s+and\s+", re.I)
#: What joins the two ends of a range of dates the tagger found apart ("from 2001 until 2009").
_DATE_RANGE_JOIN_RE = re.compile(r"\s*(?:[-–—]|to|until|till|through)\s*|\s+and\s+", re.I)


def _join_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """Two amounts the tagger split at a dash, "to" or "and" after "between" ("$5" "7 billion",
    "between $33bn" "$34bn") read as one range, and
    two dates so joined ("from 2001 until 2009", "between May 2 and June 4") as its ends."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        join = None if nxt is None else _DATE_RANGE_JOIN_RE.fullmatch(text, q.end, nxt.start)
        between = join is not None and _joined_as_range(text, q.start, join.group(0))
        if between and q.kind == nxt.kind == "date" and isinstance(q.value, str) and isinstance(
                nxt.value, str) and nxt.qualifier is None and q.qualifier not in ("from", "to"):
            out += [replace(q, qualifier=q.qualifier or "from"), replace(nxt, qualifier="to")]
            i += 2
            continue
        # two ends read already ("aged 40 to 79": two ages) are not read again, as bare numbers
        joined = None if nxt is None else _AMOUNT_RANGE_JOIN_RE.fullmatch(text, q.end, nxt.start)
        if joined is not None and q.kind != "date" != nxt.kind and (q.qualifier, nxt.qualifier) != (
                "from", "to") and _joined_as_range(text, q.start, joined.group(0)):
            label = _LABEL_OF_KIND.get(nxt.kind, "CARDINAL")
            ends = _number_range(text, q.start, nxt.end, label, q.qualifier)
            if ends and ends[-1].qualifier == "to":  # else two amounts, as found
                out.extend(ends)
                i += 2
                continue
        out.append(q)
        i += 1
    return out


#: An amount with its unit or scale glued on and a full stop after it ("40C.", "€90m.", "2.5bn.").
_GLUED_AMOUNT_RE = re.compile(r"[$€£¥]?\d[\d,.]*[A-Za-z°%]{0,3}\.")
#: The unit or scale of such an amount where the tokeniser cut it from the number ("90" "m.").
_GLUED_UNIT_RE = re.compile(r"[A-Za-z]{1,3}\.")


def glued_full_stop(tok: Any) -> bool:
    """Whether the spaCy token ``tok`` ends in a sentence's full stop the tokeniser left glued to
    an amount ("to limit warming to 1.5C.", "$3bn.") or to the unit it cut from the number ("€",
    "90", "m."). The claims stage ends a sentence there, the quotes stage a content before it."""
    if _GLUED_AMOUNT_RE.fullmatch(tok.text):
        return True
    return bool(_GLUED_UNIT_RE.fullmatch(tok.text)) and tok.i > 0 and tok.nbor(-1).like_num \
        and not tok.nbor(-1).whitespace_

