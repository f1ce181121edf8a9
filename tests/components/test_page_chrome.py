"""A web page's furniture in pasted text: no claim, quote or actor is read from it."""

from __future__ import annotations

import itertools

import pytest

from unspin.components._page_chrome import in_page_chrome, page_chrome
from unspin.doc import Article
from unspin.pipeline import load

# Written for these tests: an article with the furniture a scraped page carries.
PAGE = ("Mayor Ann Cole said on Monday that the harbour bridge cost 48 million dollars.\n"
        "Completing this poll grants you access to Harbour News updates free of charge.\n"
        "You may opt out at anytime.\n"
        "You also agree to this site's Privacy Policy and Terms of Use.\n"
        "Email *\n"
        "take our poll - story continues below Should Ann Cole resign?\n"
        "557 SHARES Facebook Twitter\n"
        "Advertisement\n"
        "©2024 Harbour News, Distributed by Coast Content Agency, LLC.\n"
        "Tom Reyes said the council had spent 12 million dollars on consultants in 2023.")


@pytest.mark.parametrize(("line", "chrome"), [
    ("Email *", True),
    ("Comments This field is for validation purposes and should be left unchanged.", True),
    ("You may opt out at anytime.", True),
    ("Read more from Yahoo News:", True),
    ("1.2k SHARES Facebook Twitter", True),
    ("The families requested privacy to mourn.", False),
    ("Subscribe to the newsletters of websites you enjoy.", False),
    ("Voters told the poll that they trust the mayor.", False),
    ("Email was his preferred way to lie.", False),
    ("Read more: Harbour bridge costs soar again", True),
    ("READ MORE HARBOUR STORIES", True),
    ("Related Content:", True),
    ("Subscribe to our mailing list and get updates to your email inbox.", True),
    ("Subscribe to Harbour.News Telegram channel!", True),
    ("Sign up to get unfiltered news delivered straight to your inbox.", True),
    ("Read more about the plan in the council's report.", False),
    ("Tags: harbour, bridge, council", True),
    ("Posted by admin on May 2, 2024 at 10:23 AM | Permalink", True),
    ("The council posted by mail a notice to every household.", False),
    ("Subscribe now for just $2 a month for the first year.", True),
    ("Additional reporting by Ann Lee in Bergen and Ole Dahl in Tromso.", True),
    ("Reporting by Ann Lee; Editing by Ole Dahl", True),
    ("Harbour News Agency contributed to this report.", True),
    ("Click here to get the Harbour News app, rated 4.7 stars by 8,000 users.", True),
    ("Our journalism relies on readers like you: 1,200 supporters gave in May.", True),
    ("Last modified on Wed 8 May 2024 09.12 BST", True),
    ("Published June 2, 2024 | Updated 3 hours ago", True),
    ("Story continues below advertisement", True),
    ("Listen to this article · 4 min", True),
    ("WATCH: Cole says the bridge will open within 2 years (1:45)", True),
    ("Gallery: 9 photos", True),
    ("3/9 Workers finish the bridge deck on Friday. Credit: Harbour Pictures", True),
    ("Workers finish the bridge deck on Friday. (Photo: Ann Lee/Harbour News)", True),
    ("Ann Cole opens the bridge on Monday. Photo: Ole Dahl", True),
    ("Correction: An earlier version of this article said the bridge cost 50 million dollars.", True),
    ("Editor's note: the mayor, who called the bridge a gift, has never paid for it.", False),
    ("Police said 40 people were arrested.", False),
    ("Click, the software firm, said revenue rose.", False),
    ("Subscribers said the price rose.", False),
    ("Updated figures show 40 people died in 2023.", False),
    ("Published in 2019, the report found that 40 people were arrested.", False),
    ("Reporting by the local paper showed the errors.", False),
    ("24/7 coverage was promised by the broadcaster.", False),
    ("The image by the artist sold for 2 million dollars.", False),
    ("Credit Suisse said profits fell 20 percent", False),
    ("The correction came too late, she said.", False),
    ("Last year 40 people were arrested.", False),
])
def test_which_lines_are_furniture(line: str, chrome: bool) -> None:
    assert bool(page_chrome(line)) is chrome


def test_in_page_chrome_finds_the_line_of_a_position() -> None:
    text = "A sentence.\nEmail *\nAnother sentence."
    assert [in_page_chrome(text, at) for at in (0, 12, 18, 20)] == [False, True, True, False]


def test_no_claim_quote_or_actor_comes_from_the_furniture() -> None:
    doc = load(components=["parse", "claims", "quotes", "actors"])(Article(id="p", text=PAGE))
    furniture = page_chrome(PAGE)
    spans = ([(c.start, c.end) for c in doc.claims] + [(q.start, q.end) for q in doc.quotes]
             + [(m.start, m.end) for a in doc.actors for m in a.mentions])
    assert spans, "the article's own sentences are still read"
    assert not any(s < fe and fs < e for s, e in spans for fs, fe in furniture)
    assert {a.name for a in doc.actors} >= {"Ann Cole", "Tom Reyes"}
    assert any("48 million" in PAGE[c.start:c.end] for c in doc.claims)


def test_a_bracketed_link_by_its_title_is_furniture_and_a_bracketed_sentence_is_not() -> None:
    text = ("The council approved the bridge on Monday. (RELATED: Harbour Town Mayor Faces Recall "
            "Vote Over Bridge Costs) Work starts in May. (Related: Last year, the council spent "
            "12 million dollars on consultants.)")
    link = text.index("(RELATED")
    assert page_chrome(text) == ((link, text.index(")") + 1),)
    assert not in_page_chrome(text, text.index("(Related"))
    doc = load(components=["parse", "actors"])(Article(id="p", text=text))
    assert not any(a.name.startswith("Harbour Town") for a in doc.actors)


def test_a_shop_box_is_cut_from_the_sentence_after_it() -> None:
    text = ("The Harbour Files: A ... Ann Cole Best Price: $5.99 Buy New $12.50 (as of 09:30 EDT - "
            "Details) From then on, the council spent 48 million dollars on the bridge.")
    ranges = page_chrome(text)
    assert len(ranges) == 1 and text[ranges[0][1]:].startswith(" From then on")
    doc = load(components=["parse", "claims", "actors"])(Article(id="t", text=text))
    assert [text[c.start:c.end] for c in doc.claims] == [
        "From then on, the council spent 48 million dollars on the bridge."]
    assert not any(a.name == "Ann Cole" for a in doc.actors)


def test_a_line_that_repeats_the_end_of_a_furniture_line_is_furniture() -> None:
    # a poll's question after its pitch, then alone twice: the page's, not the story's
    question = "Who should replace Ann Cole as mayor of Port Alder next year?"
    text = ("The council met on Monday and approved a budget of 48 million dollars.\n"
            f"take our poll - story continues below {question}\n"
            f"{question}\n"
            f"{question}\n"
            "Councillor Tom Reyes said the vote would be held in May.\n")
    echo = text.index(question, text.index("\n", text.index("take our poll")))
    assert in_page_chrome(text, echo) and in_page_chrome(text, text.rindex(question))
    assert not in_page_chrome(text, text.index("Councillor")) and not in_page_chrome(text, 0)
    ranges = page_chrome(text)
    assert list(ranges) == sorted(ranges)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(ranges))


def test_a_short_repeated_line_is_no_echo() -> None:
    text = ("Advertisement\nThe council met on Monday.\nread more: Budget\nBudget\n"
            "The vote on the 48 million dollar budget is due in May, officials said.\n")
    assert not in_page_chrome(text, text.index("\nBudget\n") + 1)  # under 20 characters: no echo
