"""Benchmarks of the Hermite layer against what a user would otherwise run (one process, same inputs).

Run from the repository root:

    python bench/bench_hermite.py            # prints a Markdown section (about 2 minutes)

Measured side by side:

1. ReLU, m = 0..40, exact: hardverify vs ``sympy.integrate`` of the defining integral;
2. sigmoid, m = 0..40, certified to 50 digits vs ``mpmath.quad`` at 50 digits (and whether every
   mpmath value, with its own error estimate, is consistent with the enclosure);
3. sigmoid and tanh, m = 0..200, certified to 30 digits (time) beside numpy Gauss–Hermite in
   float64 (time and error against the certified values);
4. single calls in a loop, ``[hv.hermite_coefficient("sigmoid", m, dps=50) for m in range(21)]``, against
   one batch call and against mpmath.quad (the router's growing tables make the loop cost about a batch).

Timings are wall-clock on this machine; the accuracy columns are against independent references.
"""

from __future__ import annotations

import math
import sys
import time

import mpmath
import numpy as np
import sympy as sp

import hardverify as hv


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def sigmoid_integrand(m):
    """y ↦ sigmoid(y) He_m(y) φ(y), the integrand a user would give mpmath.quad (He_m via mpmath's H_m)."""
    return lambda y: (1 / (1 + mpmath.exp(-y))) * mpmath.hermite(m, y / mpmath.sqrt(2)) \
        * mpmath.mpf(2) ** (-mpmath.mpf(m) / 2) * mpmath.npdf(y)


def bench_relu_exact(M=40):
    """Each side first computes m = 0, 1 once (library lazy imports), then all of m = 0..M is timed;
    hardverify's own caches are cleared before its timed call, so nothing is reused."""
    from hardverify.symbolic.hermite import exact_form
    x = sp.Symbol("x", real=True)

    def sympy_coefficient(m):
        he = sp.hermite_prob(m, x)
        val = sp.integrate(x * he * sp.exp(-x ** 2 / 2), (x, 0, sp.oo)) / sp.sqrt(2 * sp.pi)
        return val / sp.sqrt(sp.factorial(m))

    _, t_first = timed(lambda: hv.hermite_coefficients("relu", M))   # includes one-time lazy imports
    sympy_coefficient(0), sympy_coefficient(1)
    exact_form.cache_clear()
    hv.routes.clear_caches()
    ours, t_ours = timed(lambda: hv.hermite_coefficients(hv.activation(sp.Max(0, hv.t)), M))
    ref, t_sympy = timed(lambda: [sympy_coefficient(m) for m in range(M + 1)])
    agree = sum(1 for a, b in zip(ours, ref) if sp.simplify(a - b) == 0)
    return {"M": M, "ours": t_ours, "first": t_first, "sympy": t_sympy, "ratio": t_sympy / t_ours,
            "ratio_first": t_sympy / t_first, "agree": agree}


def bench_sigmoid_50(M=40, dps=50):
    hv.routes.clear_caches()
    ours, t_ours = timed(lambda: hv.hermite_coefficients("sigmoid", M, dps=dps))

    def by_mpmath():
        out = []
        with mpmath.workdps(dps):
            for m in range(M + 1):
                f = sigmoid_integrand(m)
                val, err = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf], error=True)
                s = mpmath.sqrt(mpmath.factorial(m))
                out.append((val / s, err / s))
        return out
    ref, t_mp = timed(by_mpmath)
    consistent, digits, flagged = 0, [], []
    for m, (c, (v, e)) in enumerate(zip(ours, ref)):
        with mpmath.workdps(80):
            if abs(v - c.mid) <= c.rad + e:
                consistent += 1
            else:
                flagged.append(m)
            if not c.is_exact_zero():
                rel = abs(v - c.mid) / abs(c.mid)
                digits.append(float(-mpmath.log10(rel)) if rel > 0 else float(dps))
    # the flagged ones: is mpmath's estimate optimistic, or the enclosure wrong?  Recompute at 80 digits.
    inside_at_80 = 0
    with mpmath.workdps(80):
        for m in flagged:
            f = sigmoid_integrand(m)
            v = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf]) / mpmath.sqrt(mpmath.factorial(m))
            inside_at_80 += bool(ours[m].contains(v) or abs(v - ours[m].mid) <= ours[m].rad + mpmath.mpf(10) ** -75)
    return {"M": M, "dps": dps, "ours": t_ours, "mpmath": t_mp, "ratio": t_mp / t_ours,
            "consistent": consistent, "flagged": len(flagged), "inside_at_80": inside_at_80,
            "min_rel_digits_ours": min(c.rel_accuracy_digits() for c in ours), "mp_digits_min": min(digits)}


def bench_high_degree(M=200, dps=30):
    rows = []
    for name, f in (("sigmoid", lambda y: 1 / (1 + np.exp(-y))), ("tanh", np.tanh)):
        ours, t_ours = timed(lambda: hv.hermite_coefficients(name, M, dps=dps))

        def gauss_hermite(nodes=300):
            xs, ws = np.polynomial.hermite_e.hermegauss(nodes)
            ws = ws / math.sqrt(2 * math.pi)
            fx = f(xs)
            he_prev, he = np.ones_like(xs), xs.copy()
            cs = [np.sum(ws * fx * he_prev), np.sum(ws * fx * he)]
            for k in range(1, M):
                he_prev, he = he, xs * he - k * he_prev
                cs.append(np.sum(ws * fx * he))
            return [c / math.exp(0.5 * math.lgamma(m + 1)) for m, c in enumerate(cs)]
        gh, t_gh = timed(gauss_hermite)
        errs = {}
        for m in (11, 41, 81, 121, 161, 199):
            true = float(ours[m])
            errs[m] = abs(gh[m] - true) / abs(true)
        rows.append({"name": name, "ours": t_ours, "gh": t_gh, "rel_err": errs,
                     "min_digits": min(c.rel_accuracy_digits() for c in ours)})
    return rows


def bench_single_calls(M=20, dps=50):
    """The loop a user writes vs one batch call vs mpmath.quad; the router's caches are cleared first."""
    from hardverify import routes

    def fresh():
        routes.clear_caches()
    fresh()
    loop, t_loop = timed(lambda: [hv.hermite_coefficient("sigmoid", m, dps=dps) for m in range(M + 1)])
    fresh()
    batch, t_batch = timed(lambda: hv.hermite_coefficients("sigmoid", M, dps=dps))

    def by_mpmath():
        out = []
        with mpmath.workdps(dps):
            for m in range(M + 1):
                f = sigmoid_integrand(m)
                out.append(mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf]) / mpmath.sqrt(mpmath.factorial(m)))
        return out
    ref, t_mp = timed(by_mpmath)
    same = all(a.ball.overlaps(b.ball) for a, b in zip(loop, batch))
    with mpmath.workdps(dps + 20):
        agree = min(float(-mpmath.log10(abs(v - c.mid) / abs(c.mid))) if v != c.mid else dps
                    for v, c in zip(ref, loop) if not c.is_exact_zero())
    return {"M": M, "dps": dps, "loop": t_loop, "batch": t_batch, "mpmath": t_mp, "same": same,
            "agree": agree, "min_digits": min(c.rel_accuracy_digits() for c in loop)}


def main():
    print("### Hermite layer (`python bench/bench_hermite.py`)\n")
    print(f"Python {sys.version.split()[0]}, sympy {sp.__version__}, mpmath {mpmath.__version__}, "
          f"numpy {np.__version__}; 2-core machine; wall-clock seconds.\n")
    r = bench_relu_exact()
    print("**ReLU, m = 0..40, exact.** "
          f"hardverify {r['ours'] * 1000:.1f} ms; sympy.integrate of the defining integral {r['sympy']:.1f} s; "
          f"**ratio {r['ratio']:.0f}×** (each side warmed up on m = 0, 1 for lazy imports; counting "
          f"hardverify's very first call in a fresh interpreter, {r['first'] * 1000:.0f} ms, the ratio is "
          f"{r['ratio_first']:.0f}×); exact agreement on {r['agree']}/{r['M'] + 1} coefficients "
          "(sympy.simplify of the difference is 0).\n")
    s = bench_sigmoid_50()
    print("**sigmoid, m = 0..40, certified to 50 digits.** "
          f"hardverify {s['ours']:.2f} s (every enclosure has ≥ {s['min_rel_digits_ours']:.1f} certified digits); "
          f"mpmath.quad at 50 digits {s['mpmath']:.1f} s; **ratio {s['ratio']:.0f}×**. Every mpmath value "
          f"agrees with the enclosure midpoint to ≥ {s['mp_digits_min']:.1f} significant digits (mpmath's "
          f"working precision); {s['consistent']}/{s['M'] + 1} are inside the enclosure widened by mpmath's own "
          f"error estimate, and for the other {s['flagged']} that estimate is optimistic: recomputed by mpmath "
          f"at 80 digits, {s['inside_at_80']}/{s['flagged']} fall inside the enclosures.\n")
    u = bench_single_calls()
    print(f"**single calls in a loop**, `[hv.hermite_coefficient(\"sigmoid\", m, dps={u['dps']}) for m in "
          f"range({u['M'] + 1})]`: {u['loop']:.2f} s; one batch call `hv.hermite_coefficients(\"sigmoid\", {u['M']}, "
          f"dps={u['dps']})` {u['batch']:.2f} s; **loop / batch = {u['loop'] / u['batch']:.2f}**; mpmath.quad at "
          f"{u['dps']} digits {u['mpmath']:.1f} s (**{u['mpmath'] / u['loop']:.0f}× the loop**). Loop and batch "
          f"enclosures overlap: {u['same']}; every enclosure has ≥ {u['min_digits']:.1f} certified digits and "
          f"mpmath agrees with the midpoints to ≥ {u['agree']:.1f} digits.\n")
    rows = bench_high_degree()
    print("**sigmoid and tanh, m = 0..200, certified to 30 digits**, beside numpy Gauss–Hermite "
          "(300 nodes, float64) and its relative error against the certified values:\n")
    print("| activation | hardverify (certified) | numpy G–H | G–H rel. error at m = 11 / 41 / 81 / 121 / 161 / 199 |")
    print("|---|---|---|---|")
    for row in rows:
        errs = " / ".join(f"{row['rel_err'][m]:.1e}" for m in sorted(row["rel_err"]))
        print(f"| {row['name']} | {row['ours']:.2f} s (≥ {row['min_digits']:.1f} digits) | {row['gh'] * 1000:.1f} ms | {errs} |")
    print()


if __name__ == "__main__":
    main()
