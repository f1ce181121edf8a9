"""Given names and the gender most of their bearers have, for telling "he" from "she".

The lists are the US 1990 census's first names (public domain), as the ``names`` package ships
them (MIT; ``dist.male.first`` and ``dist.female.first``: a name, then its share of the men or of
the women, in percent). A name counts as one gender's when that gender's share is at least
``DOMINANCE`` times the other's ("Ann" f, "Tom" m); names both genders bear ("Jordan",
"Taylor") count as neither. Without the ``names`` package the table is empty and nothing is
guessed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["DOMINANCE", "given_name_gender"]

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
def _genders() -> dict[str, str]:
    try:
        import names
    except ImportError:  # pragma: no cover - a core dependency; guess nothing without it
        return {}
    folder = Path(names.__file__).parent
    try:
        male, female = _shares(folder / "dist.male.first"), _shares(folder / "dist.female.first")
    except OSError:  # pragma: no cover - a broken install
        return {}
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
