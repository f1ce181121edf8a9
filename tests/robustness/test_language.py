"""The language check: non-English text is flagged in the output, English text is not."""

from __future__ import annotations

import pytest

from unspin import to_dict
from unspin.components.language import detect_language, make_language_check
from unspin.doc import Article, Document
from unspin.pipeline import DEFAULT_PIPELINE

# Short texts written for these tests (a made-up news item, in several languages).
ENGLISH = ("The city council said on Tuesday that it would not raise the harbour fees this year, "
           "despite pressure from the shipping companies and several of its own members.")
FOREIGN = {
    "de": "Der Stadtrat hat am Dienstag erklärt, dass er die Hafengebühren in diesem Jahr nicht "
          "erhöhen wird, trotz des Drucks der Reedereien und einiger seiner eigenen Mitglieder.",
    "fr": "Le conseil municipal a déclaré mardi qu'il n'augmenterait pas les taxes du port cette "
          "année, malgré la pression des armateurs et de plusieurs de ses propres membres.",
    "es": "El ayuntamiento dijo el martes que no subiría las tasas del puerto este año, a pesar "
          "de la presión de las navieras y de varios de sus propios miembros.",
    "it": "Il consiglio comunale ha detto martedì che non aumenterà le tasse del porto quest'anno, "
          "nonostante la pressione degli armatori e di alcuni dei suoi membri.",
    "nl": "De gemeenteraad zei dinsdag dat hij de havengelden dit jaar niet zal verhogen, ondanks "
          "de druk van de rederijen en van een aantal van zijn eigen leden.",
    "ru": "Городской совет заявил во вторник, что не будет повышать портовые сборы в этом году, "
          "несмотря на давление судоходных компаний и некоторых своих членов.",
    "zh": "市议会周二表示，尽管航运公司和部分议员施加压力，今年不会提高港口费用。",
    "ja": "市議会は火曜日、海運会社や一部の議員からの圧力にもかかわらず、"
          "今年は港湾料金を引き上げないと述べた。",
    "ar": "قال مجلس المدينة يوم الثلاثاء إنه لن يرفع رسوم الميناء هذا العام رغم ضغوط شركات الشحن.",
    "el": "Το δημοτικό συμβούλιο δήλωσε την Τρίτη ότι δεν θα αυξήσει τα λιμενικά τέλη φέτος.",
}


def test_english_is_english() -> None:
    guess = detect_language(ENGLISH)
    assert guess.code == "en" and guess.english


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_foreign_language_is_named(code: str) -> None:
    guess = detect_language(FOREIGN[code])
    assert guess.code == code
    assert not guess.english


def test_english_quoting_a_foreign_phrase_stays_english() -> None:
    text = ENGLISH + ' The mayor called it "une décision historique" before leaving.'
    assert detect_language(text).english


def test_gibberish_is_not_english() -> None:
    guess = detect_language("zorp blag quin tef " * 12)
    assert guess.code == "und" and not guess.english


def test_short_text_is_not_judged() -> None:
    guess = detect_language("Mayor slams port fees")
    assert guess.english and "too short" in guess.reason


def test_no_letters_at_all() -> None:
    guess = detect_language("1234 !!! ??? 5678")
    assert guess.code == "und" and guess.english


def test_long_text_is_sampled_not_scanned_whole() -> None:
    # A long German text with an English opening is judged on start, middle and end together.
    text = ENGLISH + " " + FOREIGN["de"] * 2000
    assert detect_language(text).code == "de"


def test_component_adds_warning_and_language() -> None:
    check = make_language_check()
    doc = check(Document(Article(id="a", text=FOREIGN["de"])))
    assert doc.article.source["language"] == "de"
    assert len(doc.warnings) == 1
    assert "looks like German, not English" in doc.warnings[0]
    assert "unreliable" in doc.warnings[0]
    out = to_dict(doc)
    assert out["article"]["source"]["language"] == "de"
    assert out["warnings"] == doc.warnings


def test_component_is_silent_on_english() -> None:
    doc = make_language_check()(Document(Article(id="a", text=ENGLISH)))
    assert doc.article.source["language"] == "en"
    assert doc.warnings == []


def test_language_check_runs_first_by_default() -> None:
    assert DEFAULT_PIPELINE[0] == "language"
