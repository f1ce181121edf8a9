"""Regenerate docs/report.png (the HTML report of examples/harbour-bridge.txt) and docs/terminal.png
(its terminal view, coloured) with headless Chromium.

Run from the repository root: ``.venv/bin/python docs/make_report_png.py`` (needs the test extra
and /usr/bin/chromium). A stage whose model is missing on this machine is left out and named.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path

import unspin
from unspin.components.base import create
from unspin.doc import Document
from unspin.errors import ModelError
from unspin.ingest import read_sources
from unspin.render.html import render_html
from unspin.render.text import render_text

__all__ = ["main"]

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def analyse_example() -> Document:
    example = os.path.relpath(REPO / "examples" / "harbour-bridge.txt")  # shown as the origin
    article = next(iter(read_sources([example])))
    pipeline = unspin.load()
    doc = pipeline.make_doc(article)
    for name, component in pipeline.components:
        try:
            doc = component(doc)
        except ModelError as exc:
            if name != "techniques":
                print(f"left out {name!r}: {exc}", file=sys.stderr)
                continue
            print(f"the lexicon stands in for {name!r}: {exc}", file=sys.stderr)
            doc = create("techniques_lexicon")(doc)
        doc.ran.append(name)
    return doc


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def terminal_html(doc: Document, width: int = 100) -> str:
    """The coloured terminal view as an HTML page (a dark terminal), through rich's recorder."""
    from rich.console import Console
    from rich.text import Text

    os.environ.setdefault("COLORTERM", "truecolor")
    ansi = _Terminal()
    render_text(doc, ansi, color=True, width=width)
    recorder = Console(record=True, width=width, file=io.StringIO(), force_terminal=True)
    recorder.print(Text.from_ansi(ansi.getvalue()))
    page = ('<!doctype html><html><body style="margin:0;background:#1e1f24;color:#e6e6e6">'
            '<pre style="margin:0;padding:14px 18px;font:14px/1.35 \'DejaVu Sans Mono\',monospace">'
            "{code}</pre></body></html>")
    return recorder.export_html(inline_styles=True, code_format=page)


def main(out: Path = REPO / "docs" / "report.png", width: int = 1280, height: int = 900) -> None:
    from playwright.sync_api import sync_playwright

    doc = analyse_example()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        page_file.write_text(render_html(doc), encoding="utf-8")
        terminal_file = Path(tmp) / "terminal.html"
        terminal_file.write_text(terminal_html(doc), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            shell = browser.new_page(viewport={"width": 960, "height": 980}, device_scale_factor=1)
            shell.goto(terminal_file.as_uri())
            shell.screenshot(path=str(out.with_name("terminal.png")))
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            # As tall as the article (the side panels scroll on their own); hover a highlight to
            # show its tooltip.
            bottom = page.evaluate("document.querySelector('.u-article').getBoundingClientRect().bottom")
            page.set_viewport_size({"width": width, "height": max(height, int(bottom) + 24)})
            marks = page.locator(".u-t.u-first")
            if marks.count():
                marks.nth(min(5, marks.count() - 1)).hover()
            page.screenshot(path=str(out))
            browser.close()
    print(f"wrote {out} ({len(doc.techniques)} techniques, {len(doc.claims)} claims, "
          f"{len(doc.quotes)} quotes, {len(doc.actors)} actors; pipeline {', '.join(doc.ran)})")


if __name__ == "__main__":
    main()
