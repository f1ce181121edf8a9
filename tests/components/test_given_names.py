"""Given names and the gender most of their bearers have (US census lists of the ``names`` package)."""

from __future__ import annotations

import pytest

from unspin.components._given_names import given_name_gender


@pytest.mark.parametrize(("name", "gender"), [
    ("Ann Cole", "f"), ("Tom Reyes", "m"), ("Karen Monahan", "f"), ("Keith Lamont Scott", "m"),
    ("Jordan Lee", None),  # both genders bear it
    ("Kim Jong Un", None),
    ("Cole", None),  # a lone surname guesses nothing
    ("Zyxwv Cole", None),  # a name the lists do not hold
    ("mary smith", None),  # not written as a name
])
def test_given_name_gender(name: str, gender: str | None) -> None:
    assert given_name_gender(name) == gender
