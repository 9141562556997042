"""The consistency report as JSON, a terminal table or a self-contained HTML page (pure functions)."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

from claims_api.model import ClaimRef, Finding, Severity, Status

__all__ = ["render_json", "render_table", "render_html"]

_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
_HEADINGS = {
    Severity.HIGH: "High: our articles contradict each other or a rate is implausible",
    Severity.MEDIUM: "Medium: a figure fails the arithmetic of its own article",
    Severity.LOW: "Low",
    Severity.INFO: "Checked and consistent",
}


def render_json(findings: Iterable[Finding]) -> dict[str, object]:
    """``{"findings": [Finding.to_dict(), ...]}``."""
    return {"findings": [f.to_dict() for f in findings]}


def _claims_line(f: Finding) -> str:
    return "; ".join(f"{r.article_id} '{r.text}'" for r in f.claims)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Greedy word wrap at spaces (``textwrap`` without hyphen or long-word breaks, whose
    regexes cost ten times more: a report wraps every finding's explanation)."""
    lines: list[str] = []
    words: list[str] = []
    n = len(indent)
    for word in text.split():
        if words and n + 1 + len(word) > width:
            lines.append(indent + " ".join(words))
            words, n = [], len(indent)
        n += len(word) + (1 if words else 0)
        words.append(word)
    if words:
        lines.append(indent + " ".join(words))
    return lines


def render_table(findings: Sequence[Finding], *, width: int = 110) -> str:
    """Plain text for a terminal: one block per finding, worst first."""
    if not findings:
        return "No findings.\n"
    counts = {s: sum(1 for f in findings if f.severity is s) for s in _ORDER}
    bad = sum(1 for f in findings if f.status is Status.INCONSISTENT)
    lines = [
        f"{len(findings)} findings, {bad} inconsistent ("
        + ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        + ")",
        "",
        f"{'SEVERITY':<8}  {'STATUS':<12}  {'RULE':<19}  CLAIMS",
    ]
    for f in findings:
        head = f"{f.severity.value:<8}  {f.status.value:<12}  {f.rule:<19}  "
        claims = _claims_line(f)
        room = max(width - len(head), 20)
        lines.append(head + (claims if len(claims) <= room else claims[: room - 3] + "..."))
        lines.extend(_wrap(f.explanation, width, " " * 4))
    return "\n".join(lines) + "\n"


def _marked(sentence: str, refs: Sequence[ClaimRef]) -> str:
    """The sentence, escaped, with each claim's text in <mark> (first free occurrence)."""
    spans: list[tuple[int, int]] = []
    for ref in sorted(refs, key=lambda r: r.start):
        at = -1
        pos = 0
        while True:
            at = sentence.find(ref.text, pos)
            if at < 0 or all(at >= e or at + len(ref.text) <= s for s, e in spans):
                break
            pos = at + 1
        if at >= 0:
            spans.append((at, at + len(ref.text)))
    spans.sort()
    out, last = [], 0
    for s, e in spans:
        out.append(html.escape(sentence[last:s]))
        out.append(f"<mark>{html.escape(sentence[s:e])}</mark>")
        last = e
    out.append(html.escape(sentence[last:]))
    return "".join(out)


def _quotes(f: Finding, article_url: Callable[[str], str]) -> str:
    groups: dict[tuple[str, str], list[ClaimRef]] = {}
    for ref in f.claims:
        groups.setdefault((ref.article_id, ref.sentence), []).append(ref)
    items = []
    for (article_id, sentence), refs in groups.items():
        doc = refs[0].doc or article_id
        link = html.escape(article_url(article_id), quote=True)
        items.append(
            f'<blockquote><p>{_marked(sentence.strip(), refs)}</p><cite><a href="{link}">'
            f"{html.escape(doc)}</a>, characters {refs[0].start}&ndash;{refs[-1].end}</cite></blockquote>"
        )
    return "\n".join(items)


def _numbers(f: Finding) -> str:
    keep = []
    for k in ("implied", "unit", "reference", "deviation", "gap", "sum_low", "sum_high", "from", "to"):
        if k in f.numbers and f.numbers[k] is not None:
            v = f.numbers[k]
            if k in ("deviation", "gap") and isinstance(v, float):
                v = f"{v:.1%}"
            keep.append(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>")
    return f"<dl>{''.join(keep)}</dl>" if keep else ""


_CSS = """
body{font:16px/1.5 Georgia,serif;margin:0;background:#f6f5f1;color:#222}
header{background:#1d2b3a;color:#fff;padding:1.2em 2em}
header h1{margin:0;font:600 1.6em system-ui,sans-serif}
header p{margin:.3em 0 0;opacity:.85;font-family:system-ui,sans-serif}
main{max-width:60em;margin:0 auto;padding:1em 2em 3em}
h2{font:600 1.15em system-ui,sans-serif;border-bottom:2px solid #ccc;padding-bottom:.3em;margin-top:2em}
h2.high{color:#a4161a;border-color:#a4161a} h2.medium{color:#b35c00;border-color:#b35c00}
h2.info{color:#2d6a4f;border-color:#2d6a4f}
article{background:#fff;border-left:6px solid #999;border-radius:4px;padding:.8em 1.2em;margin:1em 0;
 box-shadow:0 1px 3px rgba(0,0,0,.08)}
article.high{border-color:#a4161a} article.medium{border-color:#e08a00} article.info{border-color:#52b788}
.tags{font:600 .8em system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em}
.tag{display:inline-block;padding:.1em .5em;border-radius:3px;margin-right:.4em;background:#eee}
.tag.inconsistent{background:#ffe1e1;color:#a4161a} .tag.consistent{background:#dff3e6;color:#2d6a4f}
.explanation{font-family:system-ui,sans-serif;margin:.5em 0}
blockquote{margin:.6em 0;padding:.3em 1em;border-left:3px solid #ddd;color:#333}
blockquote p{margin:.2em 0} cite{font:.8em system-ui,sans-serif;color:#666}
mark{background:#ffe066;padding:0 .15em;border-radius:2px;font-weight:bold}
dl{font:.85em system-ui,sans-serif;color:#555;display:flex;flex-wrap:wrap;gap:.2em 1em;margin:.4em 0}
dt{font-weight:600} dt::after{content:":"} dd{margin:0}
a{color:#1d4e89}
.note{font:.95em system-ui,sans-serif;color:#555}
details{background:#fff;border-left:6px solid #52b788;border-radius:4px;margin:.6em 0;
 box-shadow:0 1px 3px rgba(0,0,0,.08)}
summary{cursor:pointer;padding:.6em 1.2em;font:600 1em system-ui,sans-serif;color:#2d6a4f}
summary .rules{font-weight:400;font-size:.8em;color:#777;margin-left:.6em}
details[open] summary{border-bottom:1px solid #e5e5e5}
details article{box-shadow:none;border-left-width:3px;margin:.6em 1em}
"""


#: What one finding of a rule checked, singular and plural, for the audit trail's summaries
#: ("14 conversions checked"). Rules that check the same kind of relation share a noun and so one
#: group; a rule not listed here is named after itself ("1 foo bar check").
CHECK_NOUNS: dict[str, tuple[str, str]] = {
    "implied_fx_rate": ("conversion", "conversions"),
    "conversion": ("conversion", "conversions"),
    "conversions": ("conversion", "conversions"),
    "unit_conversion": ("unit conversion", "unit conversions"),
    "percent_change": ("change", "changes"),
    "change": ("change", "changes"),
    "changes": ("change", "changes"),
    "change_direction": ("change direction", "change directions"),
    "parts_exceed_total": ("part and total", "parts and totals"),
    "part_of": ("part and total", "parts and totals"),
    "parts_total": ("part and total", "parts and totals"),
    "shares_sum": ("set of shares", "sets of shares"),
    "shares": ("set of shares", "sets of shares"),
    "rate_vs_total": ("rate against its total", "rates against their totals"),
    "rate_total": ("rate against its total", "rates against their totals"),
    "conflicting_figures": ("restatement", "restatements"),
    "restatement": ("restatement", "restatements"),
    "restatements": ("restatement", "restatements"),
}


def check_noun(rule: str, n: int) -> str:
    """``"14 conversions"``: how many findings of ``rule``'s kind, in words."""
    one, many = CHECK_NOUNS.get(rule) or (
        f"{rule.replace('_', ' ')} check",
        f"{rule.replace('_', ' ')} checks",
    )
    return f"{n} {one if n == 1 else many}"


def _finding_html(f: Finding, article_url: Callable[[str], str], css: str) -> str:
    status = html.escape(f.status.value)
    return (
        f'<article class="{css}"><div class="tags"><span class="tag {status}">{status}</span>'
        f'<span class="tag">{html.escape(f.rule)}</span></div>'
        f'<p class="explanation">{html.escape(f.explanation)}</p>'
        f"{_quotes(f, article_url)}{_numbers(f)}</article>"
    )


def _audit_trail(consistent: Sequence[Finding], article_url: Callable[[str], str]) -> list[str]:
    """The consistent findings, collapsed: one <details> per kind of check, largest group first."""
    groups: dict[str, list[Finding]] = {}
    for f in consistent:
        groups.setdefault(CHECK_NOUNS.get(f.rule, (f.rule, f.rule))[1], []).append(f)
    heading = f"{_HEADINGS[Severity.INFO]} ({len(consistent)})"
    parts = [
        f'<section class="audit"><h2 class="info">{html.escape(heading)}</h2>',
        '<p class="note">Every relation checked whose figures agree, with the arithmetic; '
        "open a group to read them.</p>",
    ]
    for _, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rules = ", ".join(sorted({f.rule for f in group}))
        parts.append(
            f"<details><summary>{html.escape(check_noun(group[0].rule, len(group)))} checked"
            f' <span class="rules">{html.escape(rules)}</span></summary>'
        )
        parts.extend(_finding_html(f, article_url, "info") for f in group)
        parts.append("</details>")
    parts.append("</section>")
    return parts


def render_html(
    findings: Sequence[Finding],
    *,
    article_url: Callable[[str], str] = lambda article_id: f"/v1/articles/{article_id}",
    title: str = "Consistency report",
) -> str:
    """A self-contained page (inline CSS, no script, no external assets): the inconsistent findings
    first, by severity, then the consistent ones as a collapsed audit trail grouped by kind of
    check ("14 conversions checked" in a <details>)."""
    bad = [f for f in findings if f.status is Status.INCONSISTENT]
    good = [f for f in findings if f.status is not Status.INCONSISTENT]
    articles = len({r.article_id for f in findings for r in f.claims})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{html.escape(title)}</h1><p>{len(findings)} findings over {articles} articles: "
        f"{len(bad)} inconsistent, {len(good)} checked and consistent.</p></header><main>",
    ]
    if not findings:
        parts.append("<p>No findings.</p>")
    elif not bad:
        parts.append('<p class="note">No inconsistent figures.</p>')
    for severity in _ORDER:
        group = [f for f in bad if f.severity is severity]
        if not group:
            continue
        sev = html.escape(severity.value)
        heading = _HEADINGS[severity] if severity is not Severity.INFO else "Info"
        parts.append(f'<section><h2 class="{sev}">{html.escape(heading)} ({len(group)})</h2>')
        parts.extend(_finding_html(f, article_url, sev) for f in group)
        parts.append("</section>")
    if good:
        parts.extend(_audit_trail(good, article_url))
    parts.append("</main></body></html>")
    return "\n".join(parts) + "\n"
