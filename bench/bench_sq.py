"""Benchmarks for the SQ engine (issue 14); prints a Markdown section for bench/RESULTS.md.

1. The GGJKK SQ table (ReLU, τ = 10⁻³, G7) for n ∈ {10, 10², …, 10⁶} and k = 2..16: the whole table cold
   (first use of every GGJKK(k): reflection certificate of the 2^k-unit template and the exact norm) and
   warm (constructions cached per (k, σ): the norm does not depend on n), the time per row at each n and
   the ratio n = 10⁶ / n = 10 — it must not grow with n beyond big-integer arithmetic.
2. Brute-force Gram path (every exact ⟨f_S, f_T⟩ by hv.inner_product, then the bound) against the orbit
   path (the construction's profile, counted by |S ∩ T|, then the bound) for k = 2 at growing n, up to
   the largest n whose brute force finishes within a minute; both bounds must be equal, exactly.

Run from the repository root:  python bench/bench_sq.py  [--quick]
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import sys
import time

import sympy as sp

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.sq import OrbitStructure, gram_from_members, table
from hardverify.sq.bounds import bessel

NS = [10, 10 ** 2, 10 ** 3, 10 ** 4, 10 ** 5, 10 ** 6]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="k ≤ 12 and brute force up to one pass over 20 s")
    a = ap.parse_args(argv)
    kmax = 12 if a.quick else 16
    ks = list(range(2, kmax + 1))
    out = [f"### SQ engine (issue 14) — `python bench/bench_sq.py{' --quick' if a.quick else ''}`", "",
           f"Python {platform.python_version()}, {platform.machine()}; one process.", ""]

    t0 = time.perf_counter()
    cold = table("goel2020", ns=NS, ks=ks, tau="1e-3")
    t_cold = time.perf_counter() - t0
    warm_runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        warm = table("goel2020", ns=NS, ks=ks, tau="1e-3")
        warm_runs.append(time.perf_counter() - t0)
    assert [r["queries"] for r in cold] == [r["queries"] for r in warm]
    per_n = {n: statistics.mean(r["seconds"] for r in warm if r["n"] == n) for n in NS}
    # like for like: the k that exist at n = 10 (k ≤ 10), computed rows only (even k: odd k are refused)
    same = {n: statistics.mean(r["seconds"] for r in warm if r["n"] == n and r["k"] <= 10 and r["k"] % 2 == 0)
            for n in NS}
    out += [f"#### 1. GGJKK table, n ∈ {{10, …, 10⁶}}, k = 2..{kmax} (ReLU, τ = 10⁻³, {len(cold)} rows)", "",
            f"* whole table, cold (first use of each GGJKK(k): template certificate + exact norm): **{t_cold:.2f} s**",
            f"* whole table, warm (constructions cached per (k, σ)): **{min(warm_runs):.3f} s** "
            f"(best of 3; runs {', '.join(f'{x:.3f}' for x in warm_runs)} s)", "",
            "| n | mean time per row (warm, all k) | mean per row, even k ≤ 10 | largest bound (k = %d) | log10 q |"
            % (kmax if kmax % 2 == 0 else kmax - 1), "|---|---|---|---|---|"]
    for n in NS:
        r = [x for x in warm if x["n"] == n and x["k"] == (kmax if kmax % 2 == 0 else kmax - 1)][0]
        out.append(f"| {n:,} | {per_n[n] * 1e3:.2f} ms | {same[n] * 1e3:.2f} ms | {r['queries']} | {r['log10_queries']} |")
    out += ["", f"Ratio of the mean row time n = 10⁶ / n = 10 over the same rows (even k ≤ 10): "
            f"**{same[10 ** 6] / same[10]:.2f}** (all rows: {per_n[10 ** 6] / per_n[10]:.2f}, but at n = 10 the rows "
            "k > 10 are refused at once; odd k are refused at once too: ReLU f_S ≡ 0)", ""]

    # 2. brute force vs orbit
    out += ["#### 2. Brute-force Gram path vs orbit path (GGJKK k = 2, ReLU, G7 at τ = 1/2)", "",
            "| n | members | exact inner products | brute force | orbit path | ratio | bounds equal |", "|---|---|---|---|---|---|---|"]
    limit = 20 if a.quick else 60
    for n in range(4, 40, 2):
        N = math.comb(n, 2)
        if N > 256:
            break
        t0 = time.perf_counter()
        G = gram_from_members(GGJKK(2).family(n), hv.Gaussian(n))
        bg = bessel(G, sp.Rational(1, 2))
        tb = time.perf_counter() - t0
        t0 = time.perf_counter()
        for _ in range(20):
            bo = bessel(OrbitStructure(GGJKK(2).correlation_profile(n)), sp.Rational(1, 2))
        to = (time.perf_counter() - t0) / 20
        eq = sp.simplify(bg.value - bo.value) == 0
        out.append(f"| {n} | {N} | {N * (N + 1) // 2:,} | {tb:.2f} s | {to * 1e3:.2f} ms | {tb / to:,.0f}× | {eq} |")
        if tb > limit / 4:          # the next n (pairs grow ~ n⁴) would exceed the limit
            break
    out += ["", "The orbit path is warm (GGJKK(2) cached, as in the table); the brute force builds every member "
            "network and computes every exact inner product."]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
