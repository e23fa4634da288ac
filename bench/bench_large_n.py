"""Benchmark: exact and certified Funk–Hecke eigenvalues at huge n (issue 10, item 5), against mpmath.

Run from the repository root:

    python bench/bench_large_n.py           # prints a Markdown section (~1 min)

Measured side by side, one process, same inputs, ReLU, ℓ ∈ {2, 20}, n ∈ {10³, 10⁵, 10⁷, 10⁹, 10³⁰}:

* hardverify exact: ``hv.funk_hecke("relu", n, ℓ)`` (the compact Γ form above n = 1000), then ``evalf(50)``;
* hardverify certified: ``hv.funk_hecke("relu", n, ℓ, dps=50)`` (lgamma on arb balls);
* mpmath: SPEC F4's closed form with ``mpmath.loggamma`` at 50 digits (what a user would write by hand).

Accuracy of each against the same closed form with mpmath at 50 + (digits of n) + 30 digits.  Also the
exact count N(n, k) against Python's ``math.comb`` (two binomials, SPEC F1).
"""

from __future__ import annotations

import math
import statistics
import sys
import time

import mpmath
import sympy as sp

import hardverify as hv
from hardverify import routes

NS = [10 ** 3, 10 ** 5, 10 ** 7, 10 ** 9, 10 ** 30]
ELLS = [2, 20]


def timed(fn, repeat=3):
    out, times = None, []
    for _ in range(repeat):
        routes.clear_caches()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, statistics.median(times)


def f4_mpmath(n, ell, dps):
    """SPEC F4, ReLU, ℓ = 2q + 2, with mpmath loggamma at dps digits."""
    with mpmath.workdps(dps):
        q, h = (ell - 2) // 2, mpmath.mpf(n) / 2
        log = mpmath.loggamma(2 * q + 1) - mpmath.loggamma(q + 1) + mpmath.loggamma(h) - mpmath.loggamma(q + h + 1.5)
        return (-1) ** q * mpmath.exp(log) / (mpmath.sqrt(mpmath.pi) * mpmath.mpf(2) ** (2 * q + 2))


def rel(x, ref):
    with mpmath.workdps(200):
        return float(abs(mpmath.mpf(x) / ref - 1))


def fmt(s):
    return f"{s * 1e3:.1f} ms" if s < 1 else f"{s:.2f} s"


def main() -> int:
    print("### Large n (`python bench/bench_large_n.py`)\n")
    print(f"Python {sys.version.split()[0]}, sympy {sp.__version__}, mpmath {mpmath.__version__}; wall-clock, "
          "median of 3 runs with the router's caches cleared.\n")
    print("| n | ℓ | exact form, build + evalf(50) | characters printed | certified dps=50 | mpmath loggamma 50 dps | "
          "ratio (certified / mpmath) | rel. error exact | certified | mpmath |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in NS:
        for ell in ELLS:
            ref = f4_mpmath(n, ell, 80 + len(str(n)))
            (mu, val), t_exact = timed(lambda: (lambda m: (m, m.evalf(50)))(hv.funk_hecke("relu", n, ell)))
            e, t_cert = timed(lambda: hv.funk_hecke("relu", n, ell, dps=50))
            m, t_mp = timed(lambda: f4_mpmath(n, ell, 50))
            with mpmath.workdps(80):
                mid = mpmath.mpf(e.mid)
            length = len(sp.sstr(mu)) if n > 1000 else "~0.6 n"
            print(f"| {n:.0e} | {ell} | {fmt(t_exact)} | {length} | {fmt(t_cert)} | {fmt(t_mp)} | "
                  f"{t_cert / t_mp:.2f} | {rel(val, ref):.1e} | {rel(mid, ref):.1e} | {rel(m, ref):.1e} |")
    print("\n| N(n, k) | hardverify | math.comb (two binomials) | ratio |")
    print("|---|---|---|---|")
    for n, k in [(10 ** 6, 10 ** 4), (10 ** 7, 10 ** 5), (10 ** 9, 3 * 10 ** 5)]:
        a, t_hv = timed(lambda: hv.harmonic_dimension(n, k), repeat=1)
        b, t_py = timed(lambda: math.comb(n + k - 1, k) - math.comb(n + k - 3, k - 2), repeat=1)
        assert a == b
        print(f"| ({n:.0e}, {k:.0e}) | {fmt(t_hv)} | {fmt(t_py)} | {t_py / t_hv:.1f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
