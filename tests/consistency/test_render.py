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
    headings = [page.find(h) for h in ("High:", "Medium:", "Low:", "Checked and consistent")]
    present = [i for i in headings if i >= 0]
    assert headings[0] >= 0 and headings[-1] >= 0 and present == sorted(present)


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


def _finding(rule, status, n, article="a1"):
    from claims_api.model import ClaimRef, Finding, Severity, Status

    bad = status == "inconsistent"
    ref = ClaimRef(article, "doc-" + article, 10 * n, 10 * n + 4, f"£{n}m", f"It cost £{n}m ($2m) in all.")
    return Finding(
        rule=rule,
        status=Status(status),
        severity=Severity.HIGH if bad else Severity.INFO,
        claims=(ref,),
        numbers={},
        explanation=f"{rule} finding number {n} ({status})",
        key=f"{rule}:{n}",
    )


AUDIT = [
    _finding("implied_fx_rate", "consistent", 1),
    _finding("percent_change", "consistent", 2),
    _finding("implied_fx_rate", "inconsistent", 3),
    _finding("implied_fx_rate", "consistent", 4),
    _finding("some_new_rule", "consistent", 5),
    _finding("implied_fx_rate", "consistent", 6),
    _finding("conflicting_figures", "inconsistent", 7),
]


def _details(page):
    """Each <details> block of the page, as its text."""
    out, at = [], 0
    while (i := page.find("<details>", at)) >= 0:
        j = page.index("</details>", i)
        out.append(page[i:j])
        at = j
    return out


def test_inconsistent_findings_come_first():
    page = render_html(AUDIT)
    bad = [f for f in AUDIT if f.status.value == "inconsistent"]
    good = [f for f in AUDIT if f.status.value == "consistent"]
    last_bad = max(page.index(f.explanation) for f in bad)
    assert all(page.index(f.explanation) > last_bad for f in good)
    assert "7 findings over 1 articles: 2 inconsistent, 5 checked and consistent." in page


def test_consistent_findings_are_a_collapsed_audit_trail_by_kind_of_check():
    page = render_html(AUDIT)
    groups = _details(page)
    summaries = [g[g.index("<summary>") + 9 : g.index("</summary>")] for g in groups]
    assert [s.split(" <span")[0] for s in summaries] == [
        "3 conversions checked",  # the largest group first
        "1 change checked",
        "1 some new rule check checked",
    ]
    for f in AUDIT:
        inside = [g for g in groups if f.explanation in g]
        assert len(inside) == (1 if f.status.value == "consistent" else 0)
    assert "<details open" not in page and "<script" not in page.lower()


def test_all_consistent_and_nothing_at_all():
    only_good = [f for f in AUDIT if f.status.value == "consistent"]
    page = render_html(only_good)
    assert "No inconsistent figures." in page and len(_details(page)) == 3
    empty = render_html([])
    assert "No findings." in empty and "<details" not in empty


def test_check_noun():
    from claims_api.consistency.render import check_noun

    assert check_noun("implied_fx_rate", 14) == "14 conversions"
    assert check_noun("implied_fx_rate", 1) == "1 conversion"
    assert check_noun("parts_exceed_total", 2) == "2 parts and totals"
    assert check_noun("brand_new", 3) == "3 brand new checks"


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
    # the audit trail is collapsed <details> (no script): none open, each with its summary
    assert dom.count("<details>") == len(_details(render_html(report))) > 0
    assert "<details open" not in dom and "<script" not in dom
    consistent = [f for f in report if f.status.value == "consistent"]
    assert f"Checked and consistent ({len(consistent)})" in dom
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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "a " * 200,
        "Two articles give the deficit (Peru, 2024) as 3.2bn and 4.1bn: 28.1% apart, well beyond rounding.",
        "averylongwordthatdoesnotfitonelineatallbecauseitgoesonandonandonandon" * 2 + " and on",
        "two  spaces\tand a tab and a cross-border hyphenated-word-list " * 5,
    ],
)
def test_wrap_is_textwrap_without_hyphen_breaks(text: str) -> None:
    import textwrap

    from claims_api.consistency.render import _wrap

    indent = "    "
    ref = textwrap.TextWrapper(
        width=40,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
        break_long_words=False,
    )
    assert _wrap(text, 40, "    ") == ref.wrap(" ".join(text.split()))
    assert all(len(line) <= 40 or " " not in line.strip() for line in _wrap(text, 40, "    "))
