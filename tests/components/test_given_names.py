"""Given names and the gender most of their bearers have (US census lists of the ``names`` package)."""

from __future__ import annotations

import pytest

from unspin.components._given_names import given_name_gender, person_shaped


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


@pytest.mark.parametrize(("name", "shaped"), [
    ("Nikki Haley", True), ("Keith Lamont Scott", True), ("James O'Neill", True),
    ("Dallas Police", False), ("Clinton Foundation", False), ("Christian News Service", False),
    ("Goldman Sachs", False), ("Haley", False), ("Nikki Haley Fan Club Members", False),
    ("nikki haley", False),
])
def test_a_name_shaped_like_a_person_s(name: str, shaped: bool) -> None:
    assert person_shaped(name) is shaped


def test_a_person_s_name_called_an_organisation_is_a_person() -> None:
    from spacy.tokens import Span

    from unspin.components._actors_entities import entity_clusters
    from unspin.components.parse import make_parser
    from unspin.doc import Article, Document

    text = "Nikki Haley spoke at the Clinton Foundation on Monday."
    sdoc = make_parser()(Document(Article(id="t", text=text))).cache["spacy"]
    sdoc.ents = [Span(sdoc, 0, 2, label="ORG"), Span(sdoc, 5, 7, label="ORG")]
    kinds = {c.name: c.type for c in entity_clusters(sdoc)}
    assert kinds == {"Nikki Haley": "person", "Clinton Foundation": "organization"}
