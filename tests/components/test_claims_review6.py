"""Claims on short news texts written for a sixth review (the economy, public finances, a vote in
parliament, a court case): closing reports whose verb the parser read as a noun or left without a
subject, and a clause the parser hung on "a statement"."""

from __future__ import annotations

import pytest
from _sources import rules_source as _rules_source


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "expected"), [
    ("The economy is expected to shrink by 0.5% next year, the International Monetary Fund forecast on "
     "Tuesday.", ("the International Monetary Fund", "the International Monetary Fund forecast")),
    ("The policy will cost £3bn a year, the Treasury estimates.", ("the Treasury", "the Treasury estimates")),
    ("The bill was passed by 312 votes to 253, parliament's records show.",
     ("parliament's records", "parliament's records show")),
])
def test_a_closing_report_read_as_a_noun_cites_its_subject(text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Peter Grant, 44, is accused of acting as a buyer for the gunman, 29-year-old Leon Marsh, who is a "
     "convicted felon and not allowed to own a gun, the Justice Department for the Eastern District of "
     "Virginia said.", ("the Justice Department for the Eastern District of Virginia",
                        "the Justice Department for the Eastern District of Virginia said")),
    ("Anna Kerr, 52, is accused of acting as a courier for the leader of the gang, 38-year-old Tom Bell, who "
     "is a convicted fraudster, the Crown Prosecution Service said.",
     ("the Crown Prosecution Service", "the Crown Prosecution Service said")),
])
def test_a_closing_report_left_without_a_subject_cites_the_phrase_before_it(
        text: str, expected: tuple[str, str]) -> None:
    assert _rules_source(text) == expected


def test_a_clause_hung_on_a_statement_is_what_the_speaker_said() -> None:
    text = ("The prosecutor and the detective in charge of the case, said in a statement that the home "
            "served as a training camp for 11 children.")
    assert _rules_source(text) == ("The prosecutor",
                                   "The prosecutor and the detective in charge of the case, said")


@pytest.mark.parametrize("text", [
    "The Home Office admitted the preacher, despite the fact that he has said the punishment is death.",
])
def test_a_clause_stating_what_a_fact_is_governs_no_verb(text: str) -> None:
    assert _rules_source(text) is None or _rules_source(text)[0] != "The Home Office"
