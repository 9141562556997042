"""Extraction throughput and memory over the seeds repeated to at least 1 MB.

Prints characters per second with and without normalization (the ratio is what to compare on a
shared, noisy machine), the per-call overhead as one-sentence texts per second (everything a call
does besides scanning: language detection, normalization setup), peak memory of one extraction,
and import plus first-call time measured in a fresh interpreter. Figures only: nothing is asserted.

    python bench/extract.py [--mb 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims_api import extract  # noqa: E402

FIRST_CALL = """
import time
t = time.perf_counter()
import claims_api
claims_api.extract(open({path!r}, encoding="utf-8").read())
print(time.perf_counter() - t)
"""


def corpus(megabytes: float) -> list[str]:
    """The seed articles repeated until they hold ``megabytes`` million characters."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    size = sum(map(len, seeds))
    times = max(1, int(megabytes * 1_000_000 / size) + 1)
    return seeds * times


def best_rate(texts: list[str], repeat: int, **kwargs: object) -> tuple[float, float, int]:
    """Characters per second of the best of ``repeat`` runs over every article, in wall-clock and
    in CPU time (what to compare on a machine other processes load), and the claims found."""
    best = best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        n = sum(len(extract(text, **kwargs)) for text in texts)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    size = sum(map(len, texts))
    return size / best, size / max(best_cpu, 1e-9), n


# One sentence of figures, as an API client or a headline feed sends it.
SENTENCE = "Costs rose to roughly 12.97 billion soles ($3.422 billion) in 2024, up 8% on the year."


def sentence_rate(calls: int, repeat: int) -> tuple[float, float]:
    """One-sentence texts extracted (with normalization, language check included) per second, best
    of ``repeat`` runs, in wall-clock and in CPU time."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for _ in range(calls):
            extract(SENTENCE, published="2025-01-15")
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    return calls / best, calls / max(best_cpu, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per setting; the best is kept")
    ap.add_argument("--calls", type=int, default=2000, help="one-sentence calls per run (default 2000)")
    args = ap.parse_args()
    texts = corpus(args.mb)
    for text in texts[:5]:
        extract(text)  # warm the caches (lexicons, pint, rate tables)
    raw, raw_cpu, n_raw = best_rate(texts, args.repeat, normalize=False)
    full, full_cpu, n_full = best_rate(texts, args.repeat, normalize=True, published="2025-01-15")
    per_sentence, per_sentence_cpu = sentence_rate(args.calls, args.repeat)
    # One article of 1 MB: the same rate shows the scan is linear in the text's length.
    big = "\n\n".join(texts)
    big_rate, big_cpu, _ = best_rate([big], 1, normalize=False)
    tracemalloc.start()
    extract(big, published="2025-01-15")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    cold = subprocess.run(
        [sys.executable, "-c", FIRST_CALL.format(path=str(seed))], capture_output=True, text=True, cwd=ROOT
    )
    print(f"corpus                      {len(texts):,} articles, {sum(map(len, texts)):,} characters")
    print("                            wall clock; CPU time in brackets (compare those on a loaded machine)")
    print(f"one 1 MB string             {big_rate:,.0f} chars/s [{big_cpu:,.0f}] (linear: compare below)")
    print(f"extract, no normalization   {raw:,.0f} chars/s [{raw_cpu:,.0f}] ({n_raw:,} claims)")
    print(f"extract with normalization  {full:,.0f} chars/s [{full_cpu:,.0f}] ({n_full:,} claims)")
    print(f"normalization overhead      {raw_cpu / full_cpu - 1:+.1%} in CPU time (target: within 20%)")
    print(
        f"one-sentence calls          {per_sentence:,.0f} sentences/s [{per_sentence_cpu:,.0f}] "
        f"({1e6 / per_sentence_cpu:,.0f} µs CPU a call, {len(SENTENCE)} characters, language check included)"
    )
    print(f"peak memory, one 1 MB call  {peak / 1e6:.1f} MB (tracemalloc)")
    print(f"import + first call (fresh) {cold.stdout.strip() or cold.stderr.strip()[-200:]} s")


if __name__ == "__main__":
    main()
