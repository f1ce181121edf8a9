"""HTML pages: what a reader takes as not the article's own (embeds, pull quotes, link lists) and
line breaks inside sentences."""

from __future__ import annotations

from unspin.ingest.html import article_from_html

LEAD = ("<p>The harbour board met on Thursday morning to review the ferry timetable for the coming "
        "winter season, which covers all routes to the outer islands.</p>")
TAIL = ("<p>A revised timetable is due in October after a round of public meetings in each of the "
        "island villages served by the ferries.</p>")


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry timetable review</title>"
            f"{head}</head><body><article><h1>Ferry timetable review</h1>{LEAD}{body}{TAIL}"
            f"</article></body></html>")


def text_of(html: str) -> str:
    return article_from_html(html, id="t").text


def test_a_break_inside_a_sentence_is_a_space() -> None:
    text = text_of(page("<p>Captain Ola Berg said the new boat would carry 400<br>passengers from "
                        "March.<br>Islanders said that was not enough.</p><p>Berg added that fares "
                        "would rise by<br/>5 percent in the spring.</p>"))
    assert "would carry 400 passengers from March.\nIslanders said that was not enough." in text
    assert "would rise by 5 percent" in text


def test_the_breaks_of_an_address_stay() -> None:
    text = text_of(page("<p>Write to the board at:<br>Harbour Office<br>2 Quay Road<br>Lerwick</p>"))
    assert "Write to the board at:\nHarbour Office\n2 Quay Road\nLerwick" in text


def test_embedded_social_posts_are_not_the_article() -> None:
    tweet = ("<blockquote class='twitter-tweet'><p lang='en'>Ferry fares have tripled since the board "
             "took over. Disgraceful! pic.twitter.com/abc123</p>&mdash; Ann Voss (@annvoss) "
             "<a href='#'>February 2, 2021</a></blockquote>")
    insta = ("<blockquote class='instagram-media'><p>Sunset on the 6pm sailing, 40 minutes late "
             "again</p></blockquote>")
    article = article_from_html(page("<p>Islander Ann Voss posted online.</p>" + tweet + insta), id="t")
    assert "Ann Voss posted online." in article.text
    assert "tripled" not in article.text and "pic.twitter.com" not in article.text
    assert "@annvoss" not in article.text and "Sunset" not in article.text
    assert article.source.get("date") != "2021-02-02"


def test_pull_quotes_that_repeat_the_body_are_dropped() -> None:
    said = "<p>\u201cThe winter timetable is a disgrace,\u201d said councillor Ian Moar.</p>"
    for quote in ("<blockquote class='pullquote'>\u201cThe winter timetable is a disgrace\u201d</blockquote>",
                  "<div class='pull-quote'><p>\u201cThe winter timetable is a disgrace\u201d</p>"
                  "<span>\u2014 Ian Moar</span></div>"):
        text = text_of(page(said + quote))
        assert text.count("winter timetable is a disgrace") == 1
        assert "\u2014 Ian Moar" not in text


def test_lists_of_links_to_other_stories_are_dropped_but_lists_of_text_stay() -> None:
    links = ("<p><strong>More on this story</strong></p><ul><li><a href='/1'>Ferry operator fined "
             "after engine fire</a></li><li><a href='/2'>Islanders protest over fare rises</a></li></ul>")
    facts = ("<ul><li>Two new boats from 2026</li><li>Night sailings on <a href='/f'>Fridays</a> "
             "only</li></ul>")
    text = text_of(page(links + facts))
    assert "More on this story" not in text
    assert "engine fire" not in text and "fare rises" not in text
    assert "Two new boats from 2026" in text and "Night sailings on Fridays only" in text


def test_a_standfirst_in_the_header_is_kept_after_the_headline() -> None:
    for dek in ("<header><h1>Ferry timetable review</h1><p class='standfirst'>The board says winter "
                "sailings will halve; islanders say that will empty the villages.</p></header>",
                "<h1>Ferry timetable review</h1><div class='article-summary'>The board says winter "
                "sailings will halve; islanders say that will empty the villages.</div>"):
        html = (f"<html><head><title>Ferry timetable review</title></head><body><article>{dek}{LEAD}"
                f"{TAIL}</article></body></html>")
        text = text_of(html)
        assert text.startswith("Ferry timetable review\nThe board says winter sailings will halve; "
                               "islanders say that will empty the villages.\nThe harbour board met")


def test_a_table_of_data_is_kept_one_row_a_line() -> None:
    table = ("<p>The timetable changes as follows:</p><table><tr><th>Route</th><th>Sailings</th></tr>"
             "<tr><td>Yell</td><td>12 a day</td></tr><tr><td>Unst</td><td>8 a day</td></tr></table>")
    text = text_of(page(table))
    assert "The timetable changes as follows:\nRoute | Sailings\nYell | 12 a day\nUnst | 8 a day\n" in text


def test_a_date_guessed_from_a_bare_year_and_job_titles_in_authors_are_dropped() -> None:
    def meta(head: str, body: str = "") -> dict[str, object]:
        html = (f"<html><head><title>Ferry timetable review</title>{head}</head><body><article><h1>Ferry "
                f"timetable review</h1><h2>Fares have risen since 2020</h2>{body}{LEAD}{TAIL}</article>"
                f"<footer>\u00a9 2024 Harbour News</footer></body></html>")
        return article_from_html(html, id="t").source

    source = meta("<meta name='author' content='Daniel Okafor; Transport Correspondent'>")
    assert "date" not in source
    assert source["author"] == "Daniel Okafor"
    assert meta("<meta property='article:published_time' content='2023-01-01T09:00:00Z'>")["date"] == (
        "2023-01-01")
    assert meta("", "<p><time datetime='2024-03-05'>5 March 2024</time></p>")["date"] == "2024-03-05"
