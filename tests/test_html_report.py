"""The HTML report, read by a real browser: Debian's chromium driven by Playwright.

The browser test is skipped only when chromium (or playwright) is absent; CI installs both.
It never downloads a browser: it launches /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from crossfact import cli
from crossfact.report import html as html_report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
HOSTILE = ('date 2025-03-09\n\nHalvard Okonkow won in Dunmere <script>window.pwned = 1</script> yesterday.\n'
           'Okonkow said "<img src=x onerror="window.pwned=2"> it was hard" after 2:09:14 of running.\n'
           '" onmouseover="window.pwned=3" Okonkow <b>bold</b>\n')


def report(folder: Path, out: Path) -> str:
    assert cli.main(["check", str(folder), "--claims", "/nonexistent", "--format", "html", "--output", str(out),
                     "--fail-on", "never"]) == 0
    return out.read_text("utf-8")


def test_escaped_and_self_contained(corpus: Path, tmp_path: Path) -> None:
    (corpus / "d.txt").write_text(HOSTILE, encoding="utf-8")
    page = report(corpus, tmp_path / "r.html")
    assert "<script>window.pwned" not in page and "&lt;script&gt;window.pwned" in page
    assert "<img" not in page and "<b>bold" not in page
    assert page.count("<script>") == 1 and "Content-Security-Policy" in page
    assert "http://" not in page and "https://" not in page and "src=" not in page.replace("src=x", "")


def _browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    return playwright.sync_playwright()


def test_in_chromium(corpus: Path, tmp_path: Path) -> None:
    (corpus / "d.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "r.html"
    report(corpus, out)
    with _browser() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        findings = page.locator(".finding")
        assert findings.count() >= 1
        assert page.locator(".finding", has_text="Okonkow").count() >= 1
        assert page.evaluate("window.pwned") is None  # no script from a report ran
        assert page.locator("#s3").inner_text().count("<script>window.pwned = 1</script>") == 1
        visible = page.locator(".finding:visible").count()
        assert visible == findings.count()
        for box in page.locator("#filters input").all():
            box.uncheck()
        assert page.locator(".finding:visible").count() == 0
        assert page.locator("#shown").inner_text() == "0"
        page.locator("#filters input[value=warning]").check()
        warnings = page.locator('.finding[data-severity="warning"]').count()
        assert page.locator(".finding:visible").count() == warnings >= 1
        for box in page.locator("#filters input").all():
            box.check()
        rule = page.locator(".finding").first.get_attribute("data-rule")
        page.select_option("#rule", rule)
        shown = page.locator(".finding:visible")
        assert shown.count() >= 1 and all(f.get_attribute("data-rule") == rule for f in shown.all())
        browser.close()


def test_seeds_screenshot(shared: Path, tmp_path: Path) -> None:
    """The seeds' report, photographed for people to look at. The committed docs/report-seeds.png is
    refreshed only with CROSSFACT_UPDATE_SCREENSHOT=1, so a test run leaves the work tree clean."""
    out = tmp_path / "seeds.html"
    report(shared / "seeds", out)
    with _browser() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1500})
        page.goto(out.as_uri())
        assert page.locator(".finding").count() >= 5
        assert page.locator(".src .flag").count() >= 5  # flagged spans highlighted in the sources
        assert page.locator("table tr").count() > 3
        refresh = os.environ.get("CROSSFACT_UPDATE_SCREENSHOT")
        shot = ROOT / "docs" / "report-seeds.png" if refresh else tmp_path / "s.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        browser.close()


def test_csp_hash_matches_script() -> None:
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(html_report.SCRIPT.encode()).digest()).decode()
    assert digest in html_report._csp()
