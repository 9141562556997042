import json
import shutil
import subprocess
from pathlib import Path

import pytest

from claims_api.consistency import run_checks
from claims_api.consistency.render import render_html, render_json, render_table

from .gold import seed_articles

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def report():
    return run_checks(seed_articles())


def test_json_round_trips(report):
    doc = json.loads(json.dumps(render_json(report)))
    assert len(doc["findings"]) == len(report)


def test_table_lists_every_finding(report):
    out = render_table(report)
    assert out.count("\n    ") >= len(report)
    assert "conflicting_figures" in out and "inconsistent" in out
    assert render_table([]) == "No findings.\n"


def test_html_marks_and_escapes(report):
    page = render_html(report, article_url=lambda a: f"https://example.org/a/{a}?x=1&y=2", title="R <1>")
    assert "<title>R &lt;1&gt;</title>" in page
    assert "<mark>US$33 billion</mark>" in page
    assert 'href="https://example.org/a/000_492ecf04c8029d0c?x=1&amp;y=2"' in page
    assert "<script" not in page and "http://" not in page.replace("https://example.org", "")
    assert page.index("High:") < page.index("Medium:") < page.index("Checked and consistent")


def test_html_escapes_hostile_text(report):
    from claims_api.model import Article

    from .gold import make_article

    a: Article = make_article(
        "<script>alert(1)</script> Chinese investment in Peru is US$33 billion.",
        [{"text": "US$33 billion", "kind": "money", "unit": "USD", "value": 33e9}],
        id="x<y>",
    )
    b = make_article(
        "China has US$30 billion invested in Peru.",
        [{"text": "US$30 billion", "kind": "money", "unit": "USD", "value": 30e9}],
        id="b",
    )
    page = render_html(run_checks([a, b]))
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no headless chromium installed")
def test_html_in_a_real_browser(report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "Consistency report" in dom
    assert dom.count("<mark>") >= sum(len(f.claims) for f in report) - 2
    assert "<mark>US$33 billion</mark>" in dom
    for f in report:
        assert f.rule in dom
    assert "3.790 PEN per USD" in dom
    shot = tmp_path / "shot.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1280,2000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000
