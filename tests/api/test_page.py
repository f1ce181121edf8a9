"""The web page at ``GET /`` in headless Chromium: paste a text or a URL, see the report, copy JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest

from unspin.api import Settings
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

Live = Callable[[Settings, Pipeline], AbstractContextManager[str]]

TEXT = ("The council approved the ferry plan on Tuesday. Only traitors would vote against it, "
        "and everyone knows it. Build the ferries. We must build the ferries.")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (test extra)")
    if not shutil.which(CHROMIUM):
        pytest.skip("needs Chromium at /usr/bin/chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(live: Live, pipeline: Pipeline) -> Iterator[str]:
    with live(Settings(), pipeline) as base:
        yield base


def open_page(browser: Any, base: str) -> tuple[Any, list[str]]:
    """The page in a fresh context that may use the clipboard, and the script errors it raises."""
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/")
    return page, errors


def analyse_text(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.click("#analyze")
    page.wait_for_selector("#result:not([hidden])", timeout=30_000)


def test_paste_text_see_the_report_and_copy_the_json(browser: Any, server: str) -> None:
    page, errors = open_page(browser, server)
    assert page.title().startswith("unspin")
    analyse_text(page, TEXT)
    assert page.text_content("#status") == "Done."
    shown = json.loads(page.text_content("#json"))
    assert shown["article"]["length"] == len(TEXT)
    assert shown["techniques"], "the lexicon marks 'traitors' and 'everyone knows'"
    counts = page.text_content("#counts")
    assert f"{len(shown['techniques'])} technique fragment" in counts
    # The report is the HTML renderer's page, shown in the sandboxed frame.
    frame = page.frame_locator("#report")
    report_text = frame.locator("body").inner_text(timeout=10_000)
    assert "Only traitors would vote against it" in report_text.replace("\n", " ")
    # Every technique span is highlighted (the report's marks: ``.u-t``, first piece ``.u-first``).
    assert frame.locator(".u-t.u-first").count() == len(shown["techniques"])
    for i, span in enumerate(shown["techniques"]):
        marked = frame.locator(f'.u-t[data-t="{i}"]').all_text_contents()
        assert "".join(marked) == span["text"]
    assert page.get_attribute("#report", "sandbox") == "allow-scripts allow-popups"
    # Copy the JSON.
    page.click("#json-box summary")
    page.click("#copy-json")
    page.wait_for_function("document.getElementById('copy-status').textContent.length > 0")
    assert page.text_content("#copy-status") == "Copied."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert json.loads(copied) == shown
    assert page.get_attribute("#download-json", "href").startswith("blob:")
    assert errors == []
    page.context.close()


def test_empty_text_and_refused_url_show_clear_errors(browser: Any, server: str) -> None:
    page, errors = open_page(browser, server)
    page.click("#analyze")
    assert "Paste the article's text first" in page.text_content("#status")
    assert page.get_attribute("#status", "class") == "error"
    page.click("#tab-url")
    assert page.is_visible("#url") and not page.is_visible("#text")
    page.fill("#url", f"{server}/version")
    page.click("#analyze")
    page.wait_for_selector("#status.error:has-text('private')", timeout=30_000)
    assert "Could not analyse this" in page.text_content("#status")
    assert page.is_hidden("#result")
    assert errors == []
    page.context.close()


def test_url_mode_fetches_the_article(browser: Any, live: Live, pipeline: Pipeline, pages: str) -> None:
    with live(Settings(allow_private_urls=True), pipeline) as base:
        page, errors = open_page(browser, base)
        page.click("#tab-url")
        page.fill("#url", f"{pages}/article")
        page.click("#analyze")
        page.wait_for_selector("#result:not([hidden])", timeout=30_000)
        shown = json.loads(page.text_content("#json"))
        assert shown["article"]["title"] == "Ferry plan page"
        report_text = page.frame_locator("#report").locator("body").inner_text(timeout=10_000)
        assert "harbour committee met on Monday" in report_text
        assert errors == []
        page.context.close()


def test_the_page_sends_the_api_key(browser: Any, live: Live, pipeline: Pipeline) -> None:
    with live(Settings(api_keys=("page-key",)), pipeline) as base:
        page, errors = open_page(browser, base)
        assert page.is_visible("#api-key")
        page.fill("#text", TEXT)
        page.click("#analyze")
        page.wait_for_selector("#status.error", timeout=30_000)
        assert "API key" in page.text_content("#status")
        page.fill("#api-key", "page-key")
        page.click("#analyze")
        page.wait_for_selector("#result:not([hidden])", timeout=30_000)
        assert json.loads(page.text_content("#json"))["article"]["length"] == len(TEXT)
        assert errors == []
        page.context.close()


def test_api_docs_render_offline(browser: Any, server: str) -> None:
    context = browser.new_context()
    outside: list[str] = []

    def only_local(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.goto(f"{server}/docs")
    page.get_by_text("/v1/analyze/batch", exact=True).wait_for(timeout=30_000)
    assert page.get_by_text("/v1/techniques", exact=True).is_visible()
    assert outside == []
    context.close()
