"""The HTML report and the web UI in a real browser (Playwright driving Debian's Chromium)."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from accord.report.html import write_report
from accord.store import Store

SCREENSHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="no Chromium: install Debian's chromium package "
                                 "(make test does it where apt is available)")]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SECTIONS = ["overview", "timeline", "network", "positions", "quotes", "events", "prospects", "contradictions",
            "forecast", "article"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(demo_store_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    with Store(demo_store_path, read_only=True) as store:
        write_report(store, out)
    return out


def _watch(page) -> list[str]:
    """Collect console errors, page errors and dialogs (a dialog means injected script ran)."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def on_dialog(d):
        problems.append(f"dialog: {d.message}")
        d.dismiss()
    page.on("dialog", on_dialog)
    return problems


def test_report_renders_every_section_offline(browser, report_file):
    ctx = browser.new_context()
    requests: list[str] = []

    def block(route):
        requests.append(route.request.url)
        route.abort()
    ctx.route(lambda url: not url.startswith("file:"), block)
    page = ctx.new_page()
    problems = _watch(page)
    page.goto(report_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_timeout(500)
    for section in SECTIONS:
        assert page.locator(f"#{section}").is_visible(), section
    assert page.locator("#quotes tbody tr").count() > 5
    assert page.locator("#events tbody tr").count() > 5
    assert page.locator("#network svg circle").count() >= 3
    assert page.locator("#chart-timeline svg").count() == 1
    assert page.locator("#positions td .cell").count() >= 1
    assert page.locator("#forecast tbody tr").count() >= 4          # outcomes per model and issue
    assert page.locator("#chart-forecast svg").count() == 1
    assert page.locator("#contradictions blockquote").count() >= 2
    assert page.locator("#prospects tbody tr").count() >= 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "report.png"), full_page=True)
    assert requests == []
    assert problems == []
    ctx.close()


def test_quote_filter_and_highlighted_evidence_is_the_quote_span(browser, report_file, demo_store_path):
    page = browser.new_page()
    problems = _watch(page)
    page.goto(report_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    all_rows = page.locator("#quotes tbody tr").count()
    outlet = page.locator("#f-outlet option").nth(1).get_attribute("value")
    page.select_option("#f-outlet", outlet)
    filtered = page.locator("#quotes tbody tr")
    assert 0 < filtered.count() < all_rows
    for i in range(filtered.count()):
        assert filtered.nth(i).locator("td").nth(2).inner_text() == outlet
    # show the first filtered quote: the focused mark is exactly its content span
    content = filtered.first.locator("td").nth(4).inner_text()
    filtered.first.locator("a.ev").click()
    focus = page.locator("mark.focus")
    assert focus.count() >= 1
    shown = "".join(focus.nth(i).inner_text() for i in range(focus.count()))
    with Store(demo_store_path, read_only=True) as store:
        quotes = [q for q in store.records("quotes", "outlet = ?", [outlet])]
    assert any(shown == q["text"] for q in quotes)
    assert " ".join(shown.split()).startswith(content.rstrip("…")[:40])
    page.screenshot(path=str(SCREENSHOTS / "report-quote-evidence.png"))
    assert problems == []
    page.close()


def test_hostile_article_runs_no_script_and_shows_text_literally(browser, report_file):
    page = browser.new_page()
    problems = _watch(page)
    page.goto(report_file.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    hostile = page.locator("#f-article option", has_text="script").first
    if hostile.count() == 0:
        hostile = page.locator("#f-article option").last
    page.select_option("#f-article", hostile.get_attribute("value"))
    text = page.locator("#article-text").inner_text()
    assert "<script>" in text or "onerror" in text     # shown as text, not parsed
    assert page.locator("img").count() == 0
    assert page.locator("#article-text script").count() == 0
    page.wait_for_timeout(300)
    assert problems == []
    page.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_store_path):
    import uvicorn

    from accord.web.app import create_app
    port = _free_port()
    config = uvicorn.Config(create_app(str(demo_store_path)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_web_ui_renders_searches_and_filters(browser, server):
    page = browser.new_page()
    problems = _watch(page)
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']")
    for section in SECTIONS + ["search"]:
        assert page.locator(f"#{section}").is_visible(), section
    page.fill("#f-search", "ceasefire")
    page.wait_for_selector("#search tbody tr")
    assert page.locator("#search tbody tr").count() >= 1
    before = page.locator("#events tbody tr").count()
    first_type = page.locator("#f-type option").nth(1).get_attribute("value")
    page.select_option("#f-type", first_type)
    rows = page.locator("#events tbody tr")
    assert 0 < rows.count() <= before
    assert all(rows.nth(i).locator("td").nth(1).inner_text() == first_type for i in range(rows.count()))
    page.screenshot(path=str(SCREENSHOTS / "web-ui.png"), full_page=True)
    assert problems == []
    page.close()
