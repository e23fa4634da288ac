"""Benchmarks for the LZZ 2024 module (issue 12); prints a Markdown section for bench/RESULTS.md.

1. χ²(pancake ‖ D_1) and the pair correlation χ(ρ) certified to 30 digits on a (β, γ, ρ) grid: time per
   value, beside what a user would otherwise run on the same inputs —
   * mpmath.quad of the same integral (χ²: the 1-D integral ∫ p²/D_1 - 1 of the defining density at
     mp.dps = 30; χ(ρ): the 2-D integral E_{D_1}[R_w R_w'] - 1 at mp.dps = 15, 30 digits being too slow),
   * float64 numpy: the same cosh double series (SPEC C4) and a 2-D Gauss–Hermite rule (100 × 100 nodes),
   each compared with the certified value (relative error; "0.0" where float64 underflows).
2. The LLL attack on noiseless CLWE (C8): time and success rate against d, and at β = 1/d.

Run from the repository root:  python bench/bench_li_zadik_zampetakis2024.py  [--quick]
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import sys
import time

import mpmath
import numpy as np

from hardverify.constructions import li_zadik_zampetakis2024 as L


def timed(fn, repeat=3):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def rel(x, ref):
    if ref == 0:
        return float("nan")
    return abs(x - ref) / abs(ref)


def fmt_t(s):
    return f"{s * 1e3:.2f} ms" if s < 1 else f"{s:.2f} s"


# --------------------------------------------------------------------------------- float64 and mpmath routes
def chi_float64(beta, gamma, rho):
    """The SPEC C4 cosh double series in float64, exponents combined before exp (no cosh overflow),
    J = ⌈√(36/(πβ²))⌉ + 2 terms (tail below e^{-36} relative)."""
    J = int(math.ceil(math.sqrt(36 / (math.pi * beta ** 2)))) + 2
    j = np.arange(1, J + 1, dtype=float)
    Jm, Lm = np.meshgrid(j, j)
    base = -math.pi * (beta ** 2 + gamma ** 2) * (Jm ** 2 + Lm ** 2)
    x = 2 * math.pi * gamma ** 2 * Jm * Lm * rho
    A = 0.5 * (np.exp(base + x) + np.exp(base - x)) - np.exp(base)
    Z = 1 + 2 * np.sum(np.exp(-math.pi * (beta ** 2 + gamma ** 2) * j ** 2))
    return 4 * A.sum() / Z ** 2


def chi_gauss_hermite(beta, gamma, rho, nodes=100):
    """E_{D_1}[R(u) R(v)] - 1 by a 2-D Gauss–Hermite rule in float64 (R = p/D_1, theta form, J = 40)."""
    x, w = np.polynomial.hermite_e.hermegauss(nodes)
    w = w / w.sum()
    g1 = x / math.sqrt(2 * math.pi)
    U, V = np.meshgrid(g1, g1)
    u, v = U, rho * U + math.sqrt(1 - rho * rho) * V
    j = np.arange(1, 41, dtype=float)
    Z = 1 + 2 * np.sum(np.exp(-math.pi * (beta ** 2 + gamma ** 2) * j ** 2))
    Rf = lambda t: (1 + 2 * np.tensordot(np.cos(2 * math.pi * gamma * np.multiply.outer(t, j)),
                                           np.exp(-math.pi * beta ** 2 * j ** 2), axes=1)) / Z
    return float(np.sum(np.outer(w, w).T * Rf(u) * Rf(v))) - 1


def chi2_mpmath(beta, gamma, dps=30):
    """∫ p²/D_1 dt - 1 by mpmath.quad of the defining density (uncertified)."""
    with mpmath.workdps(dps):
        b, g = mpmath.mpf(beta), mpmath.mpf(gamma)

        def f(x):
            c = int(mpmath.nint(g * x))
            return mpmath.exp(-mpmath.pi * x * x) * mpmath.fsum(
                mpmath.exp(-mpmath.pi * (k - g * x) ** 2 / b ** 2) for k in range(c - 9, c + 10))
        pts = sorted(set([mpmath.mpf(-6)] + [mpmath.mpf(k) / g for k in range(int(-6 * g), int(6 * g) + 1)]
                         + [mpmath.mpf(6)]))
        Z = mpmath.quad(f, pts)
        return mpmath.quad(lambda x: (f(x) / Z) ** 2 / mpmath.exp(-mpmath.pi * x * x), pts) - 1


def chi_mpmath_2d(beta, gamma, rho, dps=15):
    """E_{D_1}[R_w R_w'] - 1 by 2-D mpmath.quad (theta form of R; uncertified)."""
    with mpmath.workdps(dps):
        b, g, r = mpmath.mpf(beta), mpmath.mpf(gamma), mpmath.mpf(rho)
        Z = mpmath.jtheta(3, 0, mpmath.exp(-mpmath.pi * (b * b + g * g)))
        q = mpmath.exp(-mpmath.pi * b * b)
        R = lambda t: mpmath.jtheta(3, mpmath.pi * g * t, q) / Z
        s = mpmath.sqrt(1 - r * r)
        phi = lambda x: mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)
        c = 1 / mpmath.sqrt(2 * mpmath.pi)
        f = lambda x, y: phi(x) * phi(y) * R(c * x) * R(c * (r * x + s * y))
        return mpmath.quad(f, [-8, 0, 8], [-8, 0, 8], maxdegree=4) - 1      # capped: ~15 s per value


# ------------------------------------------------------------------------------------------------ part 1
def part1(quick):
    print("#### 1. χ² and χ(ρ) certified to 30 digits\n")
    grid2 = [("0.1", 1), ("0.1", 5), ("0.5", 2), ("1", 3)] if not quick else [("0.1", 1), ("0.5", 2)]
    print("| β | γ | certified χ² (30 digits) | series | theta form | mpmath.quad 1-D, dps 30 (time, rel. error) |")
    print("|---|---|---|---|---|---|")
    for b, g in grid2:
        ts, e = timed(lambda: L.chi_square(b, g, dps=30))
        tt, _ = timed(lambda: L.chi_square(b, g, dps=30, algorithm="theta"))
        tm, m = timed(lambda: chi2_mpmath(b, g), repeat=1)
        with mpmath.workdps(40):
            ref = e.mid
            err = abs(m - ref) / ref
        print(f"| {b} | {g} | {e.ball.str(30)} | {fmt_t(ts)} | {fmt_t(tt)} | {fmt_t(tm)}, {float(err):.1e} |")
    print()
    grid = [("0.1", 1, "0.1"), ("0.5", 1, "0.5"), ("0.5", 2, "0.5"), ("0.5", 2, "0.001"), ("0.1", 3, "0.1"),
            ("0.1", 5, "0.01"), ("0.1", 10, "0.5"), ("0.1", 20, "0.5"), ("0.5", 30, "0.001")]
    if quick:
        grid = grid[:3]
    print("| β | γ | ρ | certified χ(ρ) (30 digits; 12 shown) | cosh series | theta form | float64 cosh series (rel. error) "
          "| float64 Gauss–Hermite 100² (rel. error) | mpmath.quad 2-D, dps 15, maxdegree 4 (time, rel. error) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for b, g, r in grid:
        tc, e = timed(lambda: L.pair_correlation(r, b, g, dps=30))
        tt, _ = timed(lambda: L.pair_correlation(r, b, g, dps=30, form="theta"))
        ref = e.mid
        f64 = chi_float64(float(b), float(g), float(r))
        gh = chi_gauss_hermite(float(b), float(g), float(r))
        with mpmath.workdps(40):
            e64 = "underflow to 0.0" if f64 == 0 else f"{float(abs(mpmath.mpf(f64) - ref) / ref):.1e}"
            rgh = abs(mpmath.mpf(gh) - ref) / ref
            egh = (f"{float(rgh):.1e}" if rgh < 1e300 else "> 1e300") + (" (all digits lost)" if rgh > 1 else "")
        if float(g) <= 2 and not quick:
            tm, m = timed(lambda: chi_mpmath_2d(b, g, r), repeat=1)
            with mpmath.workdps(40):
                mq = f"{fmt_t(tm)}, {float(abs(m - ref) / ref):.1e}"
        else:
            mq = "not run" + ("" if quick else " (γ > 2: minutes per value)")
        print(f"| {b} | {g} | {r} | {e.ball.str(12)} | {fmt_t(tc)} | {fmt_t(tt)} | {e64} | {egh} | {mq} |")
    print()


# ------------------------------------------------------------------------------------------------ part 2
def part2(quick):
    print("#### 2. The LLL attack on noiseless CLWE (γ = 2√d, d + 1 samples)\n")
    ds = [4, 8, 12, 16, 20, 24, 30, 35, 40] if not quick else [4, 8, 12, 16]
    trials = 5 if not quick else 2
    print("| d | sample bits P | time per attack (median) | β = 0: CLWE detected | null rejected | secret recovered exactly "
          "| β = 2^{-(P+8)}: CLWE detected | β = 1/d: CLWE detected |")
    print("|---|---|---|---|---|---|---|---|")
    for d in ds:
        gamma = 2 * math.sqrt(d)
        bits = L.attack_bits(d, gamma)
        times, hit, rej, exact, noisy, tiny = [], 0, 0, 0, 0, 0
        from hardverify.distributions.clwe import CLWE, CLWENull
        for t in range(trials):
            law = CLWE(d, 0, gamma=gamma, seed=100 * d + t)
            s, v = law.sample_exact(d + 1, seed=100 * d + t + 50, bits=bits)
            t0 = time.perf_counter()
            r = L.attack(s, gamma=gamma)
            times.append(time.perf_counter() - t0)
            hit += r.decision == "clwe"
            exact += r.exact_relation and r.secret_numerators == v
            nul, _ = CLWENull(d, 0, gamma=gamma, seed=t).sample_exact(d + 1, seed=100 * d + t + 70, bits=bits)
            rej += L.attack(nul, gamma=gamma).decision == "null"
            nz = CLWE(d, 1 / d, gamma=gamma, seed=100 * d + t)
            s2, _ = nz.sample_exact(d + 1, seed=100 * d + t + 90, bits=bits)
            noisy += L.attack(s2, gamma=gamma).decision == "clwe"
            tz = CLWE(d, 2.0 ** -(bits + 8), gamma=gamma, seed=100 * d + t)       # exponentially small noise
            s3, _ = tz.sample_exact(d + 1, seed=100 * d + t + 90, bits=bits)
            tiny += L.attack(s3, gamma=gamma).decision == "clwe"
        print(f"| {d} | {bits} | {fmt_t(statistics.median(times))} | {hit}/{trials} | {rej}/{trials} | {exact}/{trials} "
              f"| {tiny}/{trials} | {noisy}/{trials} |")
    print()


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    print(f"### LZZ 2024 (`python bench/bench_li_zadik_zampetakis2024.py{' --quick' if args.quick else ''}`)\n")
    print(f"Python {platform.python_version()}, {platform.machine()}; one process, inputs shared by every route.\n")
    part1(args.quick)
    part2(args.quick)


if __name__ == "__main__":
    sys.exit(main())
