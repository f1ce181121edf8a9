"""Actors read on short stories written for a twelfth review, of health and church reporting: a
drug maker whose name opens with a nation's adjective, an agency whose acronym follows the place
it serves, and a church body named with the place of its seat."""

from __future__ import annotations

import pytest
from _actors import actor as _actor
from _actors import names as _names

from unspin.doc import Article
from unspin.pipeline import load


@pytest.fixture(scope="module")
def nlp():
    return load(components=["parse", "quotes", "actors"])


@pytest.mark.parametrize("text, firm, adjective", [
    ("Bavarian Quellmark, the German company, said its vaccine was safe.", "Bavarian Quellmark", "Bavarian"),
    ("Bavarian Ostholm, the German firm, said its trial had ended early.", "Bavarian Ostholm", "Bavarian"),
])
def test_a_nations_adjective_opening_a_companys_name_is_part_of_it(nlp, text: str, firm: str,
                                                                   adjective: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, firm).type == "organization"
    assert adjective not in _names(doc)


@pytest.mark.parametrize("text, agency", [
    ("Flights to Ruvania were halted. Ruvania CDC reported four new cases.", "Ruvania CDC"),
    ("Officials from Asia CDC warned of a new strain of the Korvel virus.", "Asia CDC"),
    ("Africa CDC said the Korvel strain was spreading in three provinces.", "Africa CDC"),
])
def test_a_place_before_an_agencys_acronym_is_part_of_its_name(nlp, text: str, agency: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, agency).type == "organization"
    assert "CDC" not in _names(doc)


@pytest.mark.parametrize("text, body, place", [
    ("The Catholic Archdiocese of Velmora said it would cooperate with police.",
     "Catholic Archdiocese of Velmora", "Velmora"),
    ("A spokesman for the Catholic Archdiocese of Port Halden said the priest had been stood down.",
     "Catholic Archdiocese of Port Halden", "Port Halden"),
    ("The Greek Orthodox Archdiocese of Velmora declined to comment.",
     "Greek Orthodox Archdiocese of Velmora", "Velmora"),
])
def test_a_body_named_with_the_place_of_its_seat_keeps_the_place(nlp, text: str, body: str,
                                                                 place: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, body).type == "organization"
    assert place not in _names(doc)
    assert not any(name.endswith("Archdiocese") for name in _names(doc))


@pytest.mark.parametrize("text, body, faith", [
    ("The Anglican Diocese of Carrowby said it had paid the claims.", "Anglican Diocese of Carrowby",
     "Anglican"),
    ("The Catholic Diocese of Velmora said it would cooperate.", "Catholic Diocese of Velmora", "Catholic"),
])
def test_a_faiths_body_named_with_its_seat_is_one_body(nlp, text: str, body: str, faith: str) -> None:
    doc = nlp(Article(id="t", text=text))
    assert _actor(doc, body).type == "organization"
    assert faith not in _names(doc)


def test_the_company_opened_by_a_nations_adjective_is_named_so_each_time(nlp) -> None:
    text = ("Bavarian Quellmark, the German company, said its vaccine was safe. Shares in Bavarian "
            "Quellmark rose 4%. Bavarian Quellmark said it would expand.")
    doc = nlp(Article(id="t", text=text))
    firm = _actor(doc, "Bavarian Quellmark")
    assert [text[m.start:m.end] for m in firm.mentions].count("Bavarian Quellmark") == 3
    assert "Bavarian" not in _names(doc)


@pytest.mark.parametrize("text, street", [
    ("Police said a man was stabbed on Mercer Square late on Friday.", "Mercer Square"),
    ("Residents of Harbour Drive said the flooding lasted two days.", "Harbour Drive"),
])
def test_a_square_or_drive_where_something_happened_is_a_place(nlp, text: str, street: str) -> None:
    # one street rule for names the recogniser calls bodies or persons, with every street ending
    assert _actor(nlp(Article(id="t", text=text)), street).type == "place"
