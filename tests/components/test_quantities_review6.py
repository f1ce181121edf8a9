"""Quantities on short news texts written for a sixth review (forecasts, sales, turnout): an amount
a verb of surpassing comes right before ("could exceed €3bn", "topped 2 million", "surpassing 40%"),
or that a verb passes as a mark ("passed the $5m milestone"), is qualified "more than", as one that
"more than" is written before; the amount keeps its span, and a "top" that is no verb ("the top
10"), a date or an amount qualified already are left as they are. A change "up" or "down" a share,
and a qualifier before a share of a change ("up almost a fifth"), are read as percentages; "short
of" an amount qualifies it as written, as "just shy of" does."""

from __future__ import annotations

import pytest
from _quantities import found as _found

from unspin.components.parse import make_parser


@pytest.fixture(scope="module")
def parser():
    return make_parser()


# Texts written for these tests (not taken from any corpus).
@pytest.mark.parametrize(("text", "phrase", "kind", "value"), [
    ("Repair costs for the bridge could exceed £40m, engineers warned.", "£40m", "money", 40_000_000),
    ("Ticket sales for the tour topped 1.5 million within a week.", "1.5 million", "count", 1_500_000),
    ("Youth unemployment in the region is forecast to surpass 30% next year.", "30%", "percent", 30),
    ("Orders exceeded 12,000 units in the first month of trading.", "12,000", "count", 12_000),
    ("The charity's reserves, which now exceed $2bn, were built up over a decade.", "$2bn", "money",
     2_000_000_000),
])
def test_an_amount_a_verb_of_surpassing_comes_before_is_more_than_it(parser, text: str, phrase: str,
                                                                      kind: str, value: int) -> None:
    assert _found(parser, text)[phrase][:2] == (kind, value)
    assert _found(parser, text)[phrase][3] == "more than"


@pytest.mark.parametrize(("text", "phrase"), [
    ("The top 20 earners in the league took home £300m last season.", "20"),
    ("Exports of wheat rose to 4 million tonnes after the harvest.", "4 million tonnes"),
])
def test_an_amount_with_no_verb_of_surpassing_before_it_has_no_qualifier(parser, text: str,
                                                                           phrase: str) -> None:
    assert _found(parser, text)[phrase][3] is None


def test_a_date_after_a_verb_of_surpassing_is_no_amount_it_bounds(parser) -> None:
    found = _found(parser, "Hotel bookings exceeded 2019 levels by 8% over the summer.")
    assert found["2019"] == ("date", "2019", None, None)
    assert found["8%"][3] is None


@pytest.mark.parametrize(("text", "phrase"), [
    ("Online orders surpassed the £2bn mark for the first time in March.", "£2bn"),
    ("The share index broke the 9,000 barrier on Thursday.", "9,000"),
    ("Pledges to the appeal have passed the $3m milestone, the organisers said.", "$3m"),
])
def test_an_amount_a_verb_passes_as_a_mark_is_more_than_it(parser, text: str, phrase: str) -> None:
    assert _found(parser, text)[phrase][3] == "more than"


def test_an_amount_passed_with_no_mark_after_it_has_no_qualifier(parser) -> None:
    found = _found(parser, "The amendment passed 61-39 in the upper house.")
    assert found["61"][3] is None and found["39"][3] is None


def test_an_amount_qualified_as_written_keeps_its_own_qualifier(parser) -> None:
    found = _found(parser, "Claims against the insurer topped nearly £900m by the end of the year.")
    assert found["nearly £900m"] == ("money", 900_000_000, "GBP", "nearly")


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Food prices are up almost a fifth since the start of 2022, the survey found.", "almost a fifth", 20,
     "almost"),
    ("Bus journeys in the county are down nearly a quarter on pre-pandemic levels.", "nearly a quarter", 25,
     "nearly"),
    ("The council's road budget was cut by about a tenth in the spring.", "about a tenth", 10, "about"),
    ("Membership of the club is down a third since 2019.", "a third", 33.3, None),
])
def test_a_change_up_or_down_a_share_is_a_percentage_with_its_qualifier(parser, text: str, phrase: str,
                                                                         value: float,
                                                                         qualifier: str | None) -> None:
    assert _found(parser, text)[phrase] == ("percent", value, None, qualifier)


def test_up_before_a_fraction_that_is_no_change_is_no_share_by_it(parser) -> None:
    assert "a third" not in _found(parser, "The firm set up a third company in Dublin last year.")
    # a share "of" something is read as one, with no change before it
    found = _found(parser, "Away fans took up a quarter of the seats in the stadium.")
    assert found["a quarter"] == ("percent", 25, None, None)


@pytest.mark.parametrize(("text", "phrase", "value", "qualifier"), [
    ("Voter turnout fell short of 45% in the northern wards.", "short of 45%", 45, "short of"),
    ("The crowd was just short of 52,000 for the derby.", "just short of 52,000", 52_000, "just short of"),
])
def test_an_amount_short_of_which_something_falls_is_qualified_as_written(parser, text: str, phrase: str,
                                                                           value: int,
                                                                           qualifier: str) -> None:
    assert _found(parser, text)[phrase][1:] == (value, None, qualifier)
