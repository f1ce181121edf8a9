"""Hostile HTML: scripts, styles and hidden text never reach the analysed text."""

from __future__ import annotations

import pytest

from unspin.errors import EmptyInputError, UnspinError
from unspin.ingest import article_from_bytes, article_from_html

PARA = ("<p>The harbour board met on Tuesday and agreed to review the mooring fees for the "
        "coming year, its chair told the members present.</p>")
PARA2 = ("<p>Fishing crews had asked for the review after two poor seasons in a row, and the "
         "board promised to publish its figures before the end of the month.</p>")

# Each snippet hides a marker word that must not appear in the extracted text.
HIDDEN = {
    "script": "<script>var SECRETSCRIPT = 'alert(1)';</script>",
    "script_json": '<script type="application/ld+json">{"SECRETLDJSON": 1}</script>',
    "style": "<style>p:before { content: 'SECRETSTYLE'; }</style>",
    "noscript": "<noscript><p>SECRETNOSCRIPT enable javascript to read this page.</p></noscript>",
    "display_none": '<div style="display:none"><p>SECRETDISPLAY words nobody sees.</p></div>',
    "display_none_spaced": '<p STYLE="Display : None">SECRETSPACED words nobody sees here.</p>',
    "visibility_hidden": '<p style="visibility: hidden">SECRETVISIBILITY words nobody sees.</p>',
    "hidden_attribute": "<p hidden>SECRETHIDDENATTR words nobody sees on the page.</p>",
    "aria_hidden": '<p aria-hidden="true">SECRETARIA words nobody sees on the page.</p>',
    "template": "<template><p>SECRETTEMPLATE words the browser never renders.</p></template>",
    "hidden_class": '<p class="note hidden">SECRETCLASS words hidden by a utility class.</p>',
    "sr_only_class": '<span class="sr-only">SECRETSRONLY</span>',
    "comment": "<!-- SECRETCOMMENT an html comment -->",
    "iframe": '<iframe srcdoc="<p>SECRETIFRAME</p>"></iframe>',
    "svg": "<svg><text>SECRETSVG</text></svg>",
    "input_hidden": '<input type="hidden" value="SECRETINPUT">',
    "inline_hidden_span": "<p>Visible words <span hidden>SECRETINLINE</span>and the tail stays.</p>",
    "stylesheet_class": '<style>.promo-x { display: none !important }</style>'
                        '<p class="promo-x">SECRETSHEETCLASS words a style sheet hides.</p>',
    "stylesheet_id_descendant": "<style>/* hide */ #box p, .other { visibility:hidden }</style>"
                                '<div id="box"><p>SECRETSHEETID words a style sheet hides.</p></div>',
    "stylesheet_attribute": '<style>[data-cloak]{display:NONE}</style>'
                            "<p data-cloak>SECRETSHEETATTR words a style sheet hides.</p>",
}


def _page(snippet: str) -> str:
    return (f"<!doctype html><html><head><title>Harbour fees</title></head><body><article>"
            f"<h1>Harbour fees</h1>{PARA}{snippet}{PARA2}</article></body></html>")


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_hidden_content_never_reaches_the_text(kind: str) -> None:
    snippet = HIDDEN[kind]
    marker = next(w for w in snippet.replace("'", " ").replace('"', " ").replace(">", " ")
                  .replace("<", " ").split() if w.startswith("SECRET"))
    article = article_from_html(_page(snippet), id="h")
    assert marker.strip(";:=.") not in article.text
    assert "harbour board met on Tuesday" in article.text


@pytest.mark.parametrize("css", [
    "@media (max-width: 600px) { .wide { display: none } }",  # depends on the screen
    "p.wide:hover { display: none }",  # a state, not a rule that always applies
    "p.wide::after { display: none }",  # a pseudo-element cssselect cannot evaluate
    "body { display: none } article { display: none }",  # shown by a script once loaded
    ".wide { display: block }",
    ".wide { display: }  p[ { display: none }",  # broken CSS
])
def test_style_sheet_rules_that_do_not_hide_text_keep_it(css: str) -> None:
    page = (f"<!doctype html><html><head><style>{css}</style></head><body><article>"
            f'<h1>Harbour fees</h1>{PARA}<p class="wide">Visible rule words stay in the text.</p>'
            f"{PARA2}</article></body></html>")
    article = article_from_html(page, id="s")
    assert "Visible rule words stay" in article.text
    assert "harbour board met on Tuesday" in article.text


def test_a_huge_style_sheet_is_bounded() -> None:
    css = "".join(f".c{i} {{ display: none }}" for i in range(20_000))
    article = article_from_html(_page(f"<style>{css}</style>"), id="big")
    assert "harbour board met on Tuesday" in article.text


def test_text_after_a_hidden_inline_element_is_kept() -> None:
    article = article_from_html(_page(HIDDEN["inline_hidden_span"]), id="h")
    assert "and the tail stays" in article.text


@pytest.mark.parametrize("html", [
    "<html><body><script>" + "x" * 10000 + "</script></body></html>",
    "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>",
    "<html><body><p>" + "&amp;" * 20000 + "</p></body></html>",
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;'
    '&lol;&lol;&lol;&lol;&lol;&lol;">]><html><body><p>&lol2;&lol2;</p></body></html>',
    "<html><body>\x00\x01\x02<p>\ud7ff\ufffe</p></body></html>",
    "<html><head><meta charset='utf-7'></head><body><p>+ADw-script+AD4-</p></body></html>",
    "<html" * 3000,
])
def test_malformed_or_hostile_pages_give_text_or_a_clear_error(html: str) -> None:
    try:
        article = article_from_html(html, id="m")
    except EmptyInputError:
        return
    assert "<script" not in article.text.lower()
    assert "lollollol" not in article.text  # entities are not expanded (no billion laughs)


def test_script_only_page_is_refused_as_empty() -> None:
    html = b"<html><head><script>document.write('words')</script></head><body></body></html>"
    with pytest.raises(UnspinError, match="no article text"):
        article_from_bytes(html, id="s", source="s.html", kind="html")
