"""Given names and surnames: the gender most bearers of a given name have, for telling "he"
from "she", and whether a name the entity recogniser called an organisation is shaped like a
person's ("Nikki Haley", "Keith Lamont Scott").

The lists are the US 1990 census's first names and surnames (public domain), as the ``names``
package ships them (MIT; ``dist.male.first``, ``dist.female.first``, ``dist.all.last``: a name,
then its share of the men, the women or all people, in percent). A given name counts as one
gender's when that gender's share is at least ``DOMINANCE`` times the other's ("Ann" f, "Tom"
m); names both genders bear ("Jordan", "Taylor") count as neither. Without the ``names``
package the tables are empty and nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = [
    "DOMINANCE", "PARTICLES", "given_name_gender", "is_given_name", "is_surname", "person_shaped",
    "without_accents",
]

#: How many times more common in one gender a name must be to count as that gender's.
DOMINANCE = 9.0


def _shares(path: Path) -> dict[str, float]:
    shares: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[parts[0].lower()] = float(parts[1])
    return shares


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, float], dict[str, float]]:
    """The male and the female first names with their shares (empty without the package)."""
    try:
        import names
    except ImportError:  # pragma: no cover - a core dependency; guess nothing without it
        return {}, {}
    folder = Path(names.__file__).parent
    try:
        return _shares(folder / "dist.male.first"), _shares(folder / "dist.female.first")
    except OSError:  # pragma: no cover - a broken install
        return {}, {}


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    male, female = _lists()
    out: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= DOMINANCE * f:
            out[name] = "m"
        elif f >= DOMINANCE * m:
            out[name] = "f"
    return out


def given_name_gender(name: str) -> str | None:
    """``"f"``, ``"m"`` or None for a person's name as written ("Ann Cole" -> "f"); only a name of
    two words or more is read, so a lone surname ("Cole") guesses nothing."""
    words = name.replace(".", " ").split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return _genders().get(words[0].lower())


def is_given_name(word: str, least_share: float = 0.01) -> bool:
    """Whether ``word`` is a given name at least ``least_share`` percent of men or of women bear
    (0.01: about one in ten thousand; "Keith", "Nikki")."""
    male, female = _lists()
    key = word.lower()
    if key not in male and key not in female:  # "Rubén", "José": the lists write them unaccented
        key = without_accents(key)
    return max(male.get(key, 0.0), female.get(key, 0.0)) >= least_share


@lru_cache(maxsize=1)
def _surnames() -> dict[str, float]:
    try:
        import names
    except ImportError:  # pragma: no cover - a core dependency
        return {}
    try:
        return _shares(Path(names.__file__).parent / "dist.all.last")
    except OSError:  # pragma: no cover - a broken install
        return {}


def is_surname(word: str, least_share: float = 0.0005) -> bool:
    """Whether ``word`` is a surname at least ``least_share`` percent of people in the US census
    bear (0.0005: about one in 200,000; "Haley", "Strzok" is not, "Page" is)."""
    return _surnames().get(re.sub("['’]", "", word.lower()), 0.0) >= least_share


#: A word of a name as news text writes it: "Scott", "Lawrence-Hardy", "O'Neill".
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?")
#: The small words inside a surname ("del Campo", "von der Leyen", "da Silva", "bin Salman").
PARTICLES = frozenset({"de", "del", "della", "da", "di", "do", "dos", "das", "van", "von", "der", "den",
                        "la", "le", "bin", "ibn", "al", "el"})


def without_accents(word: str) -> str:
    """A word without its accents ("Núñez": "Nunez")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def person_shaped(name: str, least_surname_share: float = 0.002) -> bool:
    """Whether ``name`` reads as a person's: two or three capitalised words, the first a given
    name (``is_given_name``) and the last a surname at least ``least_surname_share`` percent of
    people bear ("Nikki Haley", "Keith Lamont Scott"; not "Dallas Police", "Clinton Foundation",
    "Christian News Service", whose last words are no common surnames)."""
    words = name.split()
    if 3 <= len(words) <= 4 and all(w in PARTICLES for w in words[1:-1]) and is_given_name(words[0]) \
            and _NAME_WORD.fullmatch(without_accents(words[-1])):
        return True  # "Rubén del Campo", "Ursula von der Leyen": a given name, particles, a surname
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    surname = re.sub("['’]", "", words[-1].lower())  # the census writes O'Neill as ONEILL
    return is_given_name(words[0]) and _surnames().get(surname, 0.0) >= least_surname_share
