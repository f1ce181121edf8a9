"""The HTML report in a real browser (Debian's headless Chromium driven by Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from unspin.doc import Actor, Article, Attribution, Claim, Document, Mention, Quote, TechniqueSpan
from unspin.errors import ModelError
from unspin.render.html import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"needs headless Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (the test extra)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Opened:
    """A loaded report page and what it did: console errors, page errors, requests, dialogs."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [r for r in self.requests if r != self.url and not r.startswith(("data:", "about:"))]


@pytest.fixture
def open_report(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    pages: list[Any] = []

    def open_(doc: Document, width: int = 1200, height: int = 800) -> Opened:
        path = tmp_path / f"report-{len(pages)}.html"
        path.write_text(render_html(doc), encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": height})
        pages.append(page)
        opened = Opened(page, path.as_uri())
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(opened.url)
        page.wait_for_selector(".u-text")
        return opened

    yield open_
    for page in pages:
        page.close()


def in_viewport(page: Any, selector: str) -> bool:
    return page.eval_on_selector(selector, """e => { const r = e.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight; }""")


def test_page_loads_without_console_errors_or_requests(open_report: Callable[..., Opened],
                                                       document: Document) -> None:
    opened = open_report(document)
    assert opened.errors == []
    assert opened.foreign_requests() == []
    assert opened.page.title() == "The Dam Question · unspin"


def test_highlights_cover_exactly_their_fragments(open_report: Callable[..., Opened],
                                                  document: Document) -> None:
    page = open_report(document).page
    assert page.text_content(".u-text") == document.text
    assert page.locator(".u-t.u-first").count() == len(document.techniques)
    for i, span in enumerate(document.techniques):
        shown = page.eval_on_selector_all(f'.u-t[data-t="{i}"]',
                                          "els => els.map(e => e.textContent).join('')")
        assert shown == document.span_text(span)
    codes = page.eval_on_selector_all(".u-t.u-first", "els => els.map(e => e.dataset.code)")
    assert sorted(codes) == ["EX", "LL", "LL", "NC", "SL"]


def test_overlapping_spans_stay_visible(open_report: Callable[..., Opened], document: Document) -> None:
    page = open_report(document).page
    # "reckless" (span 1) lies inside "reckless gambler" (span 0): both marks wrap it, each with
    # its own underline at a different depth.
    inner = page.locator('.u-t[data-t="1"]').first
    assert inner.evaluate("e => !!e.closest('.u-t[data-t=\"0\"]') || !!e.querySelector('.u-t[data-t=\"0\"]')")
    pads = page.evaluate("""() => [0, 1].map(i => getComputedStyle(
        document.querySelector(`.u-t[data-t="${i}"]`)).paddingBottom)""")
    assert pads[0] != pads[1]
    styles = page.evaluate("""() => [0, 1].map(i => getComputedStyle(
        document.querySelector(`.u-t[data-t="${i}"]`)).borderBottomStyle)""")
    assert styles[0] != styles[1]  # a cue besides colour: the underline style differs


def test_panels_show_claims_quotes_actors_and_chart(open_report: Callable[..., Opened],
                                                    document: Document) -> None:
    page = open_report(document).page
    assert page.locator("[data-goto-c]").count() == 1
    assert page.locator("[data-goto-q]").count() == 2
    assert page.locator("[data-goto-a]").count() == 3
    claim = page.text_content("[data-goto-c]")
    assert "40 percent" in claim and "Water Board" in claim
    chips = page.eval_on_selector_all("[data-goto-c] .u-chip", "els => els.map(e => e.textContent)")
    assert chips == ["40%", "2025"], "the numbers as the claims stage read them"
    assert page.text_content(".u-quotes").count("Ada Stone") >= 1
    assert "direct · said · score 0.72" in page.text_content(".u-quotes"), "a quote shows its cue and score"
    actor = page.text_content('[data-goto-a="0"]')
    assert "Ada Stone" in actor and "antagonist 0.70 · deceiver?" in actor and "Name calling" in actor
    assert "Also written: Mayor Ada Stone, her" in actor, "the other ways the text names an actor"
    title = page.get_attribute('[data-goto-a="0"] .u-role', "title") or ""
    assert "antagonist (score 0.70)" in title and "likeliest fine role: deceiver" in title
    assert page.locator(".u-chart svg g.u-bar").count() == 4
    legend = page.eval_on_selector_all(".u-legend li", "els => els.map(e => e.textContent)")
    assert any("Loaded language" in row and row.endswith("2") for row in legend)


def test_a_quote_names_who_spoke_for_its_actor(open_report: Callable[..., Opened],
                                               document: Document) -> None:
    quote = document.quotes[1]
    quote.speaker = Attribution("Her aide", quote.speaker.start, quote.speaker.end, actor="Ada Stone")
    page = open_report(document).page
    heads = page.eval_on_selector_all(".u-quotes h3.u-speaker", "els => els.map(e => e.textContent)")
    assert heads == ["Ada Stone (1)", "Her aide, for Ada Stone (1)"], "her aide's words are not hers"
    assert "direct · said · score 0.72" in page.text_content(".u-quotes")
    document.quotes[1].speaker = Attribution("Mayor Stone", quote.speaker.start, quote.speaker.end,
                                             actor="Ada Stone")
    page = open_report(document).page
    heads = page.eval_on_selector_all(".u-quotes h3", "els => els.map(e => e.textContent)")
    assert heads == ["Ada Stone (2)"], "her title and surname are still her"


def test_an_actor_s_references_are_marked_and_counted(open_report: Callable[..., Opened],
                                                      document: Document) -> None:
    ada = document.actors[0]
    ada.references.append(ada.mentions.pop())  # "her": a reference to her, not her name
    page = open_report(document).page
    marked = page.eval_on_selector_all('.u-mention[data-a^="0:"]', "els => els.map(e => e.textContent)")
    assert "her" in marked and "Ada Stone" in marked
    assert "1 mention · 1 reference" in page.text_content('[data-goto-a="0"]')


def test_click_on_a_claim_scrolls_to_it(open_report: Callable[..., Opened],
                                        make_document: Callable[..., Document]) -> None:
    filler = "A paragraph that only fills space so that the claim starts far below. " * 6 + "\n\n"
    doc = make_document(text=filler * 30 + make_document().text)
    page = open_report(doc, height=600).page
    assert not in_viewport(page, ".u-claim.u-first")
    page.click("[data-goto-c='0']")
    page.wait_for_function("""() => { const r = document.querySelector('.u-claim.u-first')
        .getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }""", timeout=5000)
    assert page.locator(".u-claim.u-flash").count() >= 1
    page.click("[data-goto-a='0']")
    page.wait_for_selector(".u-mention.u-flash")


def test_filters_hide_the_spans_they_should(open_report: Callable[..., Opened], document: Document) -> None:
    page = open_report(document).page
    hidden = ("() => [...document.querySelectorAll('.u-t.u-first')]"
              ".filter(e => e.classList.contains('u-off')).map(e => +e.dataset.t).sort()")
    page.uncheck('input[data-filter="Loaded_Language"]')
    assert page.evaluate(hidden) == [1, 2]
    off = page.locator('.u-t[data-t="2"]').first
    assert off.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert off.evaluate("e => getComputedStyle(e, '::before').content") == "none"
    assert page.locator('.u-t[data-t="0"]').first.evaluate("e => getComputedStyle(e).backgroundColor") \
        != "rgba(0, 0, 0, 0)"
    page.check('input[data-filter="Loaded_Language"]')
    assert page.evaluate(hidden) == []
    page.fill("input.u-min-score", "0.75")
    assert page.evaluate(hidden) == [2, 3]  # scores 0.3 and 0.7
    assert "3 of 5" in page.text_content(".u-shown")


def test_keyboard_focus_shows_technique_score_and_explanation(open_report: Callable[..., Opened],
                                                              document: Document) -> None:
    page = open_report(document).page
    page.focus('.u-t.u-first[data-t="4"]')
    tip = page.locator(".u-tip")
    assert tip.is_visible()
    text = tip.text_content()
    assert "Slogans" in text and "0.95" in text and "brief, striking phrase" in text
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_phone_width_has_one_column_and_no_sideways_scroll(open_report: Callable[..., Opened],
                                                           document: Document) -> None:
    page = open_report(document, width=390, height=800).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    article = page.locator(".u-article").bounding_box()
    aside = page.locator(".u-aside").bounding_box()
    assert aside["y"] >= article["y"] + article["height"]


def test_print_hides_the_controls(open_report: Callable[..., Opened], document: Document) -> None:
    page = open_report(document).page
    page.emulate_media(media="print")
    assert not page.locator(".u-controls").is_visible()
    assert page.locator(".u-chart svg").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.u-aside')).position") == "static"


def test_offsets_count_code_points_like_python(open_report: Callable[..., Opened]) -> None:
    text = "Hi 👋🏽 friends, 𝐛𝐨𝐥𝐝 claims: a shameful plan."
    start = text.index("shameful")
    doc = Document(article=Article(id="emoji", text=text))
    doc.techniques = [TechniqueSpan(start, start + 8, technique="Loaded_Language", score=0.9)]
    page = open_report(doc).page
    assert page.text_content('.u-t[data-t="0"]') == "shameful"


HOSTILE_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = (
    "Breaking: <script>window.__pwned=3</script> as <img src=x onerror=\"window.__pwned=4\"> "
    "they said. <a href=\"javascript:window.__pwned=5\">Read more</a> and "
    "<svg onload=\"window.__pwned=6\"></svg> <iframe src=\"javascript:window.__pwned=7\"></iframe>\n\n"
    "Broken </div></pre></noscript></textarea><h1 class=\"u-text\">tags <b onmouseover=\"window.__pwned=8\">"
    "<!-- comment --> </script><script>window.__pwned=9</script> <style>body{display:none}</style> "
    "<div style=\"position:fixed;inset:0;background:red\">cover</div> <form action=\"https://example.com\">"
    "<input autofocus onfocus=\"window.__pwned=10\"> ]]> \u2028 These traitors must go."
)


def hostile_document() -> Document:
    text = HOSTILE_TEXT
    doc = Document(article=Article(id="<x onload=alert(1)>", text=text, title=HOSTILE_TITLE,
                                   source={"origin": "javascript:window.__pwned=11"}))

    def at(fragment: str) -> tuple[int, int]:
        start = text.index(fragment)
        return start, start + len(fragment)

    a = at('<a href="javascript:window.__pwned=5">Read more</a>')
    s = at("<script>window.__pwned=3</script>")
    t = at("traitors")
    doc.techniques = [
        TechniqueSpan(*a, technique="Loaded_Language", score=0.9, explanation="<b onclick=alert(1)>x</b>"),
        TechniqueSpan(*s, technique="Doubt", score=0.8, explanation="<script>window.__pwned=12</script>",
                      target="<img src=x onerror=alert(1)>"),
        TechniqueSpan(*t, technique="Name_Calling,Labeling", score=0.7),
    ]
    doc.claims = [Claim(*s, source=Attribution("<img src=x onerror=\"window.__pwned=13\">", *a))]
    doc.quotes = [Quote(*a, speaker=Attribution("<script>window.__pwned=14</script>", *s))]
    doc.actors = [Actor("<svg onload=\"window.__pwned=15\">", "<b>person</b>", role="<i>x</i>",
                        mentions=[Mention(*t)], techniques=[2])]
    doc.warnings = ["<img src=x onerror=\"window.__pwned=16\">"]
    doc.summary = {"technique_share": 0.1}
    return doc


def test_markup_in_the_article_never_runs_or_changes_the_page(open_report: Callable[..., Opened]) -> None:
    doc = hostile_document()
    opened = open_report(doc)
    page = opened.page
    for selector in (".u-t.u-first", ".u-item", ".u-bar"):
        for element in page.locator(selector).all():
            element.hover()
            element.click()
    page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == [] and opened.errors == [] and opened.foreign_requests() == []
    assert page.title() == f"{HOSTILE_TITLE} · unspin"
    assert page.text_content(".u-head h1") == HOSTILE_TITLE
    assert page.text_content(".u-text") == doc.text
    assert page.locator(".u-text").count() == 1
    assert page.locator("script").count() == 1  # the report script; the data block was consumed
    assert page.eval_on_selector_all(".u-text *", "els => [...new Set(els.map(e => e.tagName))]") == ["SPAN"]
    for tag in ("img", "iframe", "a", "form", "input:not([type])", "style", "textarea", "noscript", "h1 b"):
        assert page.locator(f".unspin-report {tag}").count() == 0, tag
    assert page.locator("svg").count() == page.locator(".u-chart svg").count() == 1
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
        [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))""")
    assert handlers == []
    assert page.evaluate("getComputedStyle(document.body).display") != "none"


def example_document() -> Document:
    """The bundled example through the current pipeline; a stage whose model is missing here is
    left out (the lexicon stands in for the technique model), so that the renderer is tested."""
    import unspin
    from unspin.components.base import create
    from unspin.ingest import read_sources

    article = next(iter(read_sources([str(REPO / "examples" / "harbour-bridge.txt")])))
    pipeline = unspin.load()
    doc = pipeline.make_doc(article)
    for name, component in pipeline.components:
        try:
            doc = component(doc)
        except ModelError:
            if name != "techniques":
                continue
            doc = create("techniques_lexicon")(doc)
        doc.ran.append(name)
    return doc


def test_bundled_example_report(open_report: Callable[..., Opened]) -> None:
    doc = example_document()
    assert doc.techniques, "the example should show some techniques"
    opened = open_report(doc)
    page = opened.page
    assert opened.errors == [] and opened.foreign_requests() == []
    assert page.text_content(".u-text") == doc.text
    assert page.locator(".u-t.u-first").count() == len(doc.techniques)
    first = doc.techniques[0].technique
    page.uncheck(f'input[data-filter="{first}"]')
    hidden = sum(1 for s in doc.techniques if s.technique == first)
    assert page.locator(".u-t.u-first.u-off").count() == hidden
    if doc.claims:
        page.click("[data-goto-c='0']")
        page.wait_for_selector(".u-claim.u-flash")


def test_several_reports_on_one_page_work_apart(browser: Any, tmp_path: Path,
                                                make_document: Callable[..., Document]) -> None:
    import io
    from contextlib import redirect_stdout

    from unspin.render.html import write_html

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        write_html([make_document(), make_document(title="Second")], None, several=True)
    path = tmp_path / "all.html"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector(".u-text")
    assert page.locator(".u-text").count() == 2 and errors == []
    assert page.eval_on_selector_all(".u-head h1", "els => els.map(e => e.textContent)") == \
        ["The Dam Question", "Second"]
    page.locator('input[data-filter="Slogans"]').first.uncheck()
    off = page.eval_on_selector_all('.u-t.u-first[data-t="4"]',
                                    "els => els.map(e => e.classList.contains('u-off'))")
    assert off == [True, False]
    page.close()


def test_share_is_computed_when_there_is_no_summary(open_report: Callable[..., Opened]) -> None:
    text = "one two three four five six seven eight nine ten!!"
    doc = Document(article=Article(id="s", text=text))
    doc.techniques = [TechniqueSpan(0, 10, technique="Doubt"), TechniqueSpan(5, 20, technique="Slogans")]
    page = open_report(doc).page
    assert len(text) == 50 and "40%" in page.text_content(".u-stats")  # 20 of 50 characters


def test_long_lists_show_five_then_all(open_report: Callable[..., Opened], document: Document) -> None:
    document.claims = [document.claims[0]] * 8
    page = open_report(document).page
    items = page.locator(".u-claims .u-item")
    assert items.count() == 8
    assert sum(item.is_visible() for item in items.all()) == 5
    page.click(".u-claims .u-more")
    assert all(item.is_visible() for item in items.all())
    page.click(".u-claims .u-more")
    page.emulate_media(media="print")
    assert all(item.is_visible() for item in items.all())
    assert not page.locator(".u-claims .u-more").is_visible()


def test_the_header_shows_the_sourcing_figures(open_report: Callable[..., Opened],
                                               document: Document) -> None:
    document.summary.update({
        "techniques_per_1000_words": 83.33,
        "top_speakers": [{"name": "Ada Stone", "quotes": 1}, {"name": "Ben Ruiz", "quotes": 2}],
        "most_targeted_actors": [{"name": "Ada Stone", "techniques": 1}]})
    head = " ".join(open_report(document).page.text_content(".u-head").split())
    assert "1 of 1 claim cites a source" in head and "2 of 2 quotes name a speaker" in head
    assert "83.3 techniques per 1,000 words" in head
    assert "Most quoted: Ada Stone (1 quote), Ben Ruiz (2 quotes)" in head
    assert "Most targeted by techniques: Ada Stone (1 technique)" in head


def test_a_stage_that_did_not_run_says_so(open_report: Callable[..., Opened], document: Document) -> None:
    document.claims, document.techniques = [], []
    document.ran = ["parse", "quotes", "actors", "summary"]
    page = open_report(document).page
    head = " ".join(page.text_content(".u-head").split())
    assert "techniques: not run" in head and "claims: not run" in head and "2 quotes" in head
    assert "0 claims" not in head and "of the text" not in head
    claims = page.text_content(".u-claims")
    assert "Not run" in claims and "No check-worthy" not in claims
    assert "Not run" in page.text_content(".u-techniques")
    assert page.locator("[data-goto-q]").count() == 2


def test_claim_numbers_are_shown_normalised(open_report: Callable[..., Opened], document: Document) -> None:
    percent, year = document.claims[0].quantities
    percent.kind, percent.value, percent.qualifier = "money", 2_000_000, "under"
    percent.unit = "EUR per tonne"
    year.kind, year.value = "count", 180
    page = open_report(document).page
    chips = page.eval_on_selector_all("[data-goto-c] .u-chip", "els => els.map(e => e.textContent)")
    assert chips == ["under EUR 2,000,000 per tonne", "count 180"]
    assert page.get_attribute("[data-goto-c] .u-chip", "title") == "40 percent"


def test_a_date_without_its_year_is_shown_in_words(open_report: Callable[..., Opened],
                                                   document: Document) -> None:
    month, day = document.claims[0].quantities
    month.kind, month.value, month.qualifier, month.unit = "date", "--10", None, None
    day.kind, day.value = "date", "--06-18"
    page = open_report(document).page
    chips = page.eval_on_selector_all("[data-goto-c] .u-chip", "els => els.map(e => e.textContent)")
    assert chips == ["October", "18 June"]


def test_header_counts_agree_with_their_nouns(open_report: Callable[..., Opened], document: Document) -> None:
    document.techniques = document.techniques[:1]
    document.quotes = document.quotes[:1]
    document.actors[0].techniques = [0]
    items = open_report(document).page.eval_on_selector_all(
        ".u-stats li", "els => els.map(e => e.textContent.trim())")
    assert {"1 technique fragment", "1 claim", "1 quote", "3 actors"} <= set(items), items


def test_actors_quoted_or_aimed_at_come_before_the_rest(open_report: Callable[..., Opened],
                                                         document: Document) -> None:
    mention = document.actors[2].mentions[0]
    bystanders = [Actor(f"Bystander {n}", "person", mentions=[Mention(mention.start, mention.end)] * (9 - n))
                  for n in range(6)]
    document.actors = bystanders + document.actors
    document.actors[7].quotes = [1]  # Ben Ruiz
    page = open_report(document).page
    visible = [item.text_content() for item in page.locator(".u-actors .u-item").all() if item.is_visible()]
    assert len(visible) == 5
    assert visible[0].startswith("Ada Stone") and visible[1].startswith("Ben Ruiz")
    assert "antagonist 0.70" in visible[0], "the role's score is shown, not only in a tooltip"
