"""Print how long the HTML report takes to build (Python) and to draw (headless Chromium) as the
article grows: a synthetic text with a technique span every ~60 characters, a claim, a quote
and an actor mention every few sentences.

Run: ``.venv/bin/python bench/bench_report.py`` (needs the test extra and /usr/bin/chromium).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from unspin.doc import Actor, Article, Claim, Document, Mention, Quote, TechniqueSpan
from unspin.render.html import render_html
from unspin.taxonomy import TECHNIQUE_IDS

__all__ = ["main", "synthetic"]

SENTENCE = "The reckless council wasted 12 million on a plan that nobody wanted, said Mr Gray. "
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic(sentences: int) -> Document:
    text = SENTENCE * sentences
    doc = Document(article=Article(id=f"bench-{sentences}", text=text, title="Benchmark"))
    n = len(SENTENCE)
    gray = Actor("Mr Gray", "person", role="protagonist")
    for i in range(sentences):
        base = i * n
        doc.techniques.append(TechniqueSpan(base + 4, base + 12, technique=TECHNIQUE_IDS[i % 14],
                                            score=(i % 10) / 10, explanation="why"))
        doc.techniques.append(TechniqueSpan(base, base + 20, technique=TECHNIQUE_IDS[(i + 3) % 14],
                                            score=0.5))
        if i % 3 == 0:
            doc.claims.append(Claim(base + 21, base + 43))
        if i % 4 == 0:
            doc.quotes.append(Quote(base, base + 70))
        gray.mentions.append(Mention(base + 75, base + 82))
    doc.actors = [gray]
    return doc


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        print("chars    spans  html_kB  python_ms  browser_load_ms  filter_ms")
        for sentences in (10, 100, 1000, 3000):
            doc = synthetic(sentences)
            t0 = time.perf_counter()
            page_html = render_html(doc)
            python_ms = (time.perf_counter() - t0) * 1000
            path = Path(tmp) / f"{sentences}.html"
            path.write_text(page_html, encoding="utf-8")
            page = browser.new_page()
            t0 = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector(".u-text")
            load_ms = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            page.fill("input.u-min-score", "0.5")
            page.evaluate("document.querySelector('.u-shown').textContent")
            filter_ms = (time.perf_counter() - t0) * 1000
            page.close()
            print(f"{len(doc.text):>7}  {len(doc.techniques):>5}  {len(page_html) / 1024:>7.0f}  "
                  f"{python_ms:>9.1f}  {load_ms:>15.0f}  {filter_ms:>9.0f}")
        browser.close()


if __name__ == "__main__":
    main()
