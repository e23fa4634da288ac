"""Benchmarks for the GGJKK family (issue 4); prints a Markdown section for bench/RESULTS.md.

1. Certify the whole family {f_S : |S| = 8} (orthogonality + norm, ReLU, under N(0, I_n)) at
   n = 10, 10³, 10⁶ — one symmetry certificate on the template and one O(k) norm, so the time must
   be flat in n — beside the brute force: the exact inner product of every pair (S, T) (pair
   expansion with grouped closed-form kernels) at the largest n where it finishes.
2. E[f_S²] for sigmoid, k = 1..9, certified to 30 digits (cold start: Hermite coefficient tables
   included), against what a user would otherwise run in the same wall time: numpy Monte Carlo of
   the k-dimensional expectation and mpmath.quad of the same dual-kernel sum (nested 1-D quadrature,
   uncertified), each compared with the certified value.

Run from the repository root:  python bench/bench_goel2020.py  [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import math
import platform
import statistics
import sys
import time
from pathlib import Path

import mpmath
import numpy as np
import sympy as sp

import hardverify as hv
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import Gaussian
from hardverify.networks import certificates, inner_product


def timed(fn, repeat=1):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


# ------------------------------------------------------------------------------------------ part 1
def certify_family(k, n):
    """A fresh GGJKK object (no cached template certificate) certified at dimension n."""
    certificates.clear_caches()
    hv.routes.clear_caches()
    return hv.checks.certify_family(GGJKK(k, "relu"), n)


def brute_force(k, n):
    """Exact E[f_S f_T] for every pair S ≤ T of k-subsets of {1..n}: (pairs, seconds, all zero off-diagonal)."""
    g = GGJKK(k, "relu")
    members = [g.network(S, n) for S in itertools.combinations(range(1, n + 1), k)]
    D = Gaussian(n)
    t0 = time.perf_counter()
    pairs, ok = 0, True
    norm = g.norm2()
    for i, f in enumerate(members):
        for h in members[i:]:
            v = inner_product(f, h, D)
            pairs += 1
            ok &= (v == 0) if h is not f else sp.simplify(v - norm) == 0
    return pairs, time.perf_counter() - t0, ok


def part1(quick):
    k = 8
    rows = []
    for n in (10, 10 ** 3, 10 ** 6):
        sec, v = timed(lambda: certify_family(k, n), repeat=3)
        rows.append((n, math.comb(n, k), sec, v.status.name))
    brute_n = [9] if quick else [9, 10, 11]
    brute = [(n, *brute_force(k, n)) for n in brute_n]
    return k, rows, brute


# ------------------------------------------------------------------------------------------ part 2
def sigmoid_numpy(x):
    return 1.0 / (1.0 + np.exp(-x))


def f_s_numpy(k, X):
    ws = np.array(list(itertools.product((1, -1), repeat=k)), dtype=float)
    chi = ws.prod(axis=1)
    return sigmoid_numpy(X @ ws.T / math.sqrt(k)) @ chi


def monte_carlo(k, budget, seed=0):
    """numpy Monte Carlo of E[f_S²] within ``budget`` seconds: (mean, stderr, samples)."""
    rng = np.random.default_rng(seed)
    s1 = s2 = 0.0
    m = 0
    t0 = time.perf_counter()
    batch = max(1000, 2 ** 18 // 2 ** k)
    while time.perf_counter() - t0 < budget or m == 0:
        v = f_s_numpy(k, rng.standard_normal((batch, k))) ** 2
        s1 += v.sum()
        s2 += (v * v).sum()
        m += batch
    mean = s1 / m
    return mean, math.sqrt(max(0.0, s2 / m - mean * mean) / m), m


def mpmath_dual_sum(k, dps):
    """The G3 dual-kernel sum with each K(ρ) by nested mpmath.quad (uncertified)."""
    with mpmath.workdps(dps):
        sig = lambda t: 1 / (1 + mpmath.exp(-t))                                 # noqa: E731
        phi = lambda t: mpmath.exp(-t * t / 2) / mpmath.sqrt(2 * mpmath.pi)      # noqa: E731
        total = mpmath.mpf(0)
        for j in range(k + 1):
            rho = mpmath.mpf(k - 2 * j) / k
            if abs(rho) == 1:
                K = mpmath.quad(lambda u: sig(u) * sig(rho * u) * phi(u), [-mpmath.inf, 0, mpmath.inf])
            else:
                c = mpmath.sqrt(1 - rho * rho)
                K = mpmath.quad(lambda u: sig(u) * phi(u) * mpmath.quad(
                    lambda v: sig(rho * u + c * v) * phi(v), [-mpmath.inf, 0, mpmath.inf]), [-mpmath.inf, 0, mpmath.inf])
            total += (-1) ** j * math.comb(k, j) * K
        return 2 ** k * total


def _relative_error(value, enclosure) -> float:
    """|value - exact| / exact, measured against the certified enclosure (50 digits)."""
    with mpmath.workdps(60):
        mid = mpmath.mpf(enclosure.ball.mid().str(55, radius=False))
        return float(abs(mpmath.mpf(value) - mid) / mid)


def part2(quick):
    ks = range(1, 6) if quick else range(1, 10)
    t0 = time.perf_counter()
    certified = {}
    per_k = {}
    for k in ks:
        s = time.perf_counter()
        certified[k] = GGJKK(k, "sigmoid").norm2(dps=30)
        per_k[k] = time.perf_counter() - s
    total = time.perf_counter() - t0
    odd = [k for k in ks if k % 2]
    rows = []
    for k in odd:
        budget = total / len(odd)
        mean, se, m = monte_carlo(k, budget)
        ref = float(certified[k])
        mp_digits, mp_time, mp_err = None, None, None
        for dps in (10, 15, 20, 30):
            s = time.perf_counter()
            val = mpmath_dual_sum(k, dps)
            el = time.perf_counter() - s
            mp_digits, mp_time, mp_err = dps, el, _relative_error(val, certified[k])
            if el > budget:
                break
        rows.append((k, certified[k], per_k[k], budget, mean, se, m, abs(mean - ref) / ref, mp_digits, mp_time, mp_err))
    return total, per_k, rows


def report(p1, p2, quick) -> str:
    k, rows, brute = p1
    total, per_k, rows2 = p2
    lines = ["# Benchmarks: GGJKK family (issue 4)", "",
             f"Command: `python bench/bench_goel2020.py{' --quick' if quick else ''}` "
             f"(Python {platform.python_version()}, {platform.machine()}, one process).", "",
             f"## 1. Certify {{f_S : |S| = {k}}} (orthogonality + norm, ReLU, N(0, I_n))", "",
             "| n | family size C(n, k) | time (median of 3, fresh template) | verdict |", "|---|---|---|---|"]
    for n, size, sec, st in rows:
        lines.append(f"| {n:,} | {size:,} | {sec * 1000:.1f} ms | {st} |")
    lines += ["", "Brute force: the exact inner product of every pair (S, T), S ≤ T (pair expansion with grouped "
              "closed-form kernels; every off-diagonal value must be exactly 0 and every diagonal one G3):", "",
              "| n | pairs | time | per pair | all values as predicted | ratio to the family certificate at this n |",
              "|---|---|---|---|---|---|"]
    cert_at = {n: sec for n, _, sec, _ in rows}
    for n, pairs, sec, ok in brute:
        ref = cert_at.get(n, rows[0][2])
        lines.append(f"| {n} | {pairs:,} | {sec:.1f} s | {sec / pairs * 1000:.1f} ms | {ok} | {sec / ref:,.0f}× |")
    big = rows[-1]
    per_pair = brute[-1][2] / brute[-1][1]
    est = math.comb(big[1], 2) * per_pair
    lines += ["", f"At n = 10⁶ the brute force would need C(C(10⁶, {k}), 2) ≈ {math.comb(big[1], 2):.2e} pairs, "
              f"≈ {est / 3.15e7:.1e} years at the measured cost per pair; the certificate takes {big[2] * 1000:.0f} ms.", "",
              "## 2. E[f_S²] for sigmoid, certified to 30 digits", "",
              f"hardverify (dual-kernel sum, certified Mehler series, cold start including the Hermite tables): "
              f"**{total:.1f} s** for k = {min(per_k)}..{max(per_k)} "
              f"({', '.join(f'k={k}: {s:.2f} s' for k, s in per_k.items())}). Even k: f_S ≡ 0 and the enclosure is "
              "a ball around 0 of radius < 1e-30.", "",
              "The same total wall time spent on the alternatives (split evenly over the odd k):", "",
              "| k | certified value (30 digits) | budget | numpy MC: samples in the budget | MC relative error | "
              "MC relative std. error | mpmath.quad dual sum (uncertified): last mp.dps tried | its time | its relative error |",
              "|---|---|---|---|---|---|---|---|---|"]
    for (k, val, _, budget, _mean, se, m, rel, mpd, mpt, mperr) in rows2:
        over = " (over budget)" if mpt > budget else ""
        lines.append(f"| {k} | {val.ball.str(30, radius=False)} | {budget:.1f} s | {m:,} | {rel:.1e} | {se / float(val):.1e} | "
                     f"{mpd} | {mpt:.1f} s{over} | {mperr:.1e} |")
    lines += ["", "mpmath.quad is tried at mp.dps = 10, 15, 20, 30 until one attempt exceeds the budget; the "
              "relative errors of both alternatives are measured against the certified value. Monte Carlo is "
              "evidence only; nested mpmath quadrature carries no error bound; the certified route returns 30 "
              "proven digits.", ""]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a smoke test)")
    ap.add_argument("--out", default=None, help="also write the section to this file")
    args = ap.parse_args(argv)
    p1 = part1(args.quick)
    p2 = part2(args.quick)
    text = report(p1, p2, args.quick)
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
