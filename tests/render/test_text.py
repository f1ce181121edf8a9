"""The terminal view: colours on a terminal, plain marks when piped or with NO_COLOR, safe text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from unspin.doc import Article, Attribution, Claim, Document, Quantity, Quote, TechniqueSpan
from unspin.render.output import write_documents
from unspin.render.text import progress, render_text, sanitize

from .conftest import find

COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def view(doc: Document, stream: io.StringIO | None = None, **kwargs: object) -> str:
    stream = stream if stream is not None else io.StringIO()
    render_text(doc, stream, width=100, **kwargs)  # type: ignore[arg-type]
    return stream.getvalue()


def test_piped_output_is_plain_with_marks_and_tables(document: Document) -> None:
    out = view(document)
    assert "\x1b" not in out
    flat = " ".join(out.split())  # the text is wrapped to the width
    assert "««reckless»[2] gambler»[1]" in flat
    assert "«Stop the dam!»[5]" in flat
    for heading in ("Techniques", "Fragments", "Claims (1)", "Quotes (2)", "Actors (3)"):
        assert heading in out
    fragments = out.split("Fragments", 1)[1]
    assert re.search(r"5 \| SL Slogans\s+\| 0\.95\s+\| Stop the dam!", fragments)
    assert re.search(r"LL\s+\| Loaded language\s+\| 2 ", out)
    assert "Water Board" in out
    assert re.search(r"\| 0\.85\s+\| 40%\s+\|.*\n.*\| 2025\s", out), "a claim shows its score and numbers"
    assert re.search(r"Ben Ruiz\s+\|.*\| direct\s+\| 0\.72", out), "a quote shows its score"
    # the score belongs to the main role; the fine role below it is only the likeliest of its kind
    assert re.search(r"Ada Stone\s+\| person\s+\| antagonist \(0\.70\)\s+\| 2\s+\| 1\s+\| NC \[1\]\s*\n"
                     r"also Mayor Ada Stone,\s+\|\s+\|\s+deceiver\?.*\nher\s", out)


def test_a_speaker_for_an_actor_is_shown_with_it(document: Document) -> None:
    quote = document.quotes[1]  # Ben Ruiz's words, said here by an aide of Ada Stone's
    quote.speaker = Attribution("Her aide", quote.speaker.start, quote.speaker.end, actor="Ada Stone")
    assert re.search(r"Her aide, for Ada\s+\| said\s+\|.*\| direct\s+\| 0\.72\s*\n\s+\| Stone\s",
                     view(document))


def test_terminal_output_is_coloured(document: Document) -> None:
    out = view(document, Terminal(), color=True)
    assert COLOUR_CODE.search(out)
    assert "«" not in out
    assert "reckless" in out and "[5]" in out


def test_no_color_keeps_the_marks_and_drops_colour(document: Document,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = view(document, Terminal())
    assert not COLOUR_CODE.search(out)
    assert "«Stop the dam!»[5]" in " ".join(out.split())


def test_control_characters_in_the_text_cannot_drive_the_terminal() -> None:
    text = "Clear \x1b[2J\x1b]0;owned\x07 the screen \u202eesrever\u202c and a loaded lie."
    start = text.index("loaded")
    doc = Document(article=Article(id="esc", text=text, title="\x1b[31mred"))
    doc.techniques = [TechniqueSpan(start, start + 6, technique="Loaded_Language", score=0.5)]
    assert len(sanitize(text)) == len(text)
    for out in (view(doc), view(doc, Terminal(), color=True)):
        assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[31mred" not in out
        assert "\u202e" not in out and "\x07" not in out
    assert "«loaded»[1]" in " ".join(view(doc).split())


def test_a_document_with_nothing_found() -> None:
    doc = Document(article=Article(id="calm", text="The council met on Tuesday."))
    out = view(doc)
    assert "No technique fragments found." in out
    assert "No claims, quotes or actors found." in out
    assert "The council met on Tuesday." in out


def test_write_documents_text_format(document: Document, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert write_documents([document, document], "text", target) == 2
    out = target.read_text(encoding="utf-8")
    assert out.count("The Dam Question ==") == 2 and "\x1b" not in out


def test_progress_counts_documents_and_passes_them_through(document: Document) -> None:
    stream = Terminal()
    console = Console(file=stream, force_terminal=True, width=80)
    docs = [document, document, document]
    assert list(progress(iter(docs), console=console)) == docs
    assert "analysed" in stream.getvalue()


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(alphabet=st.sampled_from(list("ab cd\n")), min_size=1, max_size=60))
    doc = Document(article=Article(id="h", text=text))
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        doc.techniques.append(TechniqueSpan(start, end, technique="Doubt", score=0.5))
    return doc


@settings(max_examples=80, deadline=None)
@given(documents())
def test_plain_marks_wrap_exactly_the_text(doc: Document) -> None:
    out = io.StringIO()
    render_text(doc, out, width=1000)
    body = out.getvalue().split("\n\n", 1)[1]  # after the title rule and the meta line
    unmarked = [line.rstrip() for line in re.sub(r"»\[\d+\]|«", "", body).split("\n")]
    expected = [line.rstrip() for line in doc.text.split("\n")]
    assert unmarked[: len(expected)] == expected
    assert body.count("«") == len(doc.techniques)


def cell(out: str, table: str, row: str, column: int, key: int = 0) -> str:
    """The words of one cell of a plain table, however it wraps: the row is the one whose first
    cell starts with ``row``; a row starts where its ``key`` column, one that does not wrap, has words."""
    lines = out.split(f"\n{table}", 1)[1].split("\n\n", 1)[0].split("\n")[3:]
    words: list[str] = []
    inside = False
    for line in lines:
        cells = [c.strip() for c in line.split("|")]
        if len(cells) <= max(key, column):
            continue
        if cells[key]:
            inside = cells[0].startswith(row)
        if inside and cells[column]:
            words.append(cells[column])
    return " ".join(words)


def flat(out: str) -> str:
    """The view with table rules and wrapping removed: only the words, one space apart."""
    return " ".join(re.sub(r"[|+]|-{2,}", " ", out).split())


def test_claims_quotes_and_fragments_are_shown_whole_and_numbered() -> None:
    sentence = ("The regional transport authority said on Thursday that ticket prices on the coastal line "
                "would rise by 12 percent from the first of September.")
    huge = "Every word of this very long quoted sentence keeps going on and on. " * 8
    text = f"{sentence} \"{huge.strip()}\" said Ola Berg."
    doc = Document(article=Article(id="long", text=text))
    doc.claims = [Claim(0, len(sentence), score=0.9)]
    h0 = text.index('"')
    doc.quotes = [Quote(h0, text.rindex('"') + 1, kind="direct")]
    doc.techniques = [TechniqueSpan(0, len(sentence), technique="Doubt", score=0.5)]
    out = flat(view(doc))
    assert out.count(sentence) == 2, "the claim and the fragment are shown whole, however they wrap"
    assert "# (unattributed)" not in out and re.search(r"\b1 \(unattributed\) - \"Every word", out)
    wide = io.StringIO()
    render_text(doc, wide, width=1000)  # one line a row
    shown = re.split(r"\(unattributed\) \| -\s+\| ", wide.getvalue())[1].split(" | direct", 1)[0].rstrip()
    assert shown.endswith("…") and 390 <= len(shown) <= 400, "an extremely long span is cut, with an ellipsis"


def test_the_summary_s_sourcing_figures_are_shown(document: Document) -> None:
    document.claims[0].source = None
    document.summary.update({
        "techniques_per_1000_words": 83.33,
        "top_speakers": [{"name": "Ada Stone", "quotes": 1}, {"name": "Ben Ruiz", "quotes": 1}],
        "most_targeted_actors": [{"name": "Ada Stone", "techniques": 1}]})
    out = " ".join(view(document).split())
    assert "0 of 1 claim cites a source · 2 of 2 quotes name a speaker · 83.3 techniques per 1,000 words" \
        in out
    assert "most quoted: Ada Stone (1), Ben Ruiz (1) · most targeted by techniques: Ada Stone (1)" in out


def test_a_stage_that_did_not_run_is_not_shown_as_finding_nothing(document: Document) -> None:
    document.claims, document.quotes, document.techniques = [], [], []
    document.ran = ["parse", "quotes", "actors", "summary"]
    out = view(document)
    meta = " ".join(out.split("\n\n", 1)[0].split())
    assert "techniques: not run · claims: not run, 0 quotes, 3 actors" in meta
    assert "Techniques: not run." in out and "No technique fragments found." not in out
    assert "No quotes found." in out and "Claims: not run." in out
    assert "0 claims" not in out


def test_quotes_are_listed_in_article_order(document: Document) -> None:
    ada, ben = document.quotes
    ada.speaker = Attribution("zoe Marsh", ada.speaker.start, ada.speaker.end)  # lower case sorts last
    document.quotes = [ben, ada]
    out = view(document).split("Quotes (2)", 1)[1]
    assert re.search(r"1 \| zoe Marsh\s+\| said\s+\| \"a triumph", out)
    assert re.search(r"2 \| Ben Ruiz\s+\| said\s+\| \"We were never", out)


@pytest.mark.parametrize("table", ["Fragments", "Claims", "Quotes"])
def test_on_a_narrow_terminal_the_text_column_gets_most_of_the_room(table: str) -> None:
    said = ("The Valley District Council of Upper Marsh said the reservoir levels had fallen by 30 percent "
            "over the summer, the lowest in 40 years, and that rationing would follow in all villages.")
    doc = Document(article=Article(id="narrow", text=said))
    who = Attribution("The Valley District Council of Upper Marsh", 0, 42, actor="Valley District Council")
    doc.claims = [Claim(0, len(said), score=0.9, source=who)]
    doc.quotes = [Quote(53, len(said) - 1, kind="reported", speaker=who)]
    doc.techniques = [TechniqueSpan(53, len(said) - 1, technique="Causal_Oversimplification", score=0.5)]
    stream = io.StringIO()
    render_text(doc, stream, width=70)
    out = stream.getvalue()
    rule = next(line for line in out.split(table, 1)[1].split("\n") if line.startswith("--"))
    widths = sorted(len(cell) for cell in rule.split("+"))
    assert max(len(line) for line in out.split("\n")) <= 70
    assert widths[-1] >= 30 and widths[-1] > widths[-2] * 2, rule


def test_quotes_show_their_cue_and_actors_their_aliases_quotes_and_fragments(document: Document) -> None:
    document.actors[0].techniques = [2, 0, 1]  # indices into doc.techniques, shown as the [n] numbers
    out = view(document)
    assert re.search(r"1 \| Ada Stone\s+\| said\s+\| \"a triumph", out)
    assert cell(out, "Actors", "Ada Stone", 0, key=1) == "Ada Stone also Mayor Ada Stone, her"
    assert cell(out, "Actors", "Ada Stone", 4, key=1) == "1"
    assert cell(out, "Actors", "Ada Stone", 5, key=1) == "NC [1], LL [2, 3]"


@pytest.mark.parametrize(("name", "shown"), [
    ("A spokesman for Stone", "A spokesman for Stone, for Ada Stone"),
    ("Stone's press office", "Stone's press office, for Ada Stone"),
    ("Stone", "Ada Stone"),
    ("Mayor Stone", "Ada Stone"),
    ("her", "Ada Stone"),
    ("Mayor Ada Stone", "Ada Stone"),
])
def test_who_speaks_for_an_actor_is_told_from_the_actor(document: Document, name: str, shown: str) -> None:
    quote = document.quotes[1]
    quote.speaker = Attribution(name, quote.speaker.start, quote.speaker.end, actor="Ada Stone")
    assert cell(view(document), "Quotes", "2", 1) == shown


def test_claims_show_their_numbers_normalised(document: Document) -> None:
    text = document.text
    spans = [find(text, "40 percent"), find(text, "2025"), find(text, "Water"), find(text, "Board"),
             find(text, "costs")]
    document.claims[0].quantities = [
        Quantity(*spans[0], kind="percent", value=5, qualifier="under"),
        Quantity(*spans[1], kind="date", value="2025-06-18"),
        Quantity(*spans[2], kind="money", value=2_000_000.0, unit="EUR"),
        Quantity(*spans[3], kind="count", value=180, qualifier="about"),
        Quantity(*spans[4], kind="number", value=2.5, unit="days")]
    assert cell(view(document), "Claims", "1", 3) == \
        "under 5% 2025-06-18 EUR 2,000,000 count about 180 2.5 days"


@pytest.mark.parametrize(("value", "shown"), [
    ("--10", "October"), ("--06-18", "18 June"), ("--Q3", "Q3"), ("--H1", "H1"),
    ("2025-06-18", "2025-06-18"), ("2025-06", "2025-06"),
])
def test_a_date_without_its_year_is_shown_in_words(value: str, shown: str) -> None:
    from unspin.render.text import _normalised

    assert _normalised(Quantity(0, 3, kind="date", value=value)) == shown


def test_a_money_rate_shows_its_currency_before_the_amount_and_its_per_unit_after() -> None:
    from unspin.render.text import _normalised

    assert _normalised(Quantity(0, 3, kind="money", value=80.0, unit="USD per barrel")) == "USD 80 per barrel"
    assert _normalised(Quantity(0, 3, kind="money", value=3.0, unit="GBP")) == "GBP 3"
    assert _normalised(Quantity(0, 3, kind="money", value=3.0, unit="GBP each")) == "GBP 3 each"


def test_a_date_shows_the_part_of_its_period_before_it() -> None:
    from unspin.render.text import _normalised

    assert _normalised(Quantity(0, 10, kind="date", value="2023", part="early")) == "early 2023"
    ranged = Quantity(0, 10, kind="date", value="2023", qualifier="from", part="late")
    assert _normalised(ranged) == "from late 2023"


def test_a_date_counted_back_is_written_in_words() -> None:
    from unspin.render.text import _date

    assert [_date(v) for v in ("-P4Y", "-P1W", "-PT20M", "--06-18")] == [
        "4 years ago", "1 week ago", "20 minutes ago", "18 June"]
