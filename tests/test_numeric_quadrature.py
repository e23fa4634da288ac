"""The certified quadrature engine (numeric/quadrature.py) on integrands chosen to stress it: branch cuts,
poles near the interval, end singularities, undeclared kinks, unbounded integrands.  References:
sympy.integrate, closed-form antiderivatives derived in the comments, and mpmath.quad at 40 digits."""

import mpmath
import pytest
import sympy as sp
from flint import acb, arb, ctx, fmpq
from helpers import assert_certified
from references import mp_c, mp_function

import hardverify as hv
from hardverify.core.arbeval import compile_expr
from hardverify.errors import NotCertified
from hardverify.numeric.enclosure import Enclosure
from hardverify.numeric.quadrature import _ellipse_sup, integrate_family

t = hv.t


# -- (moved from test_review_core.py)
def test_atan_branch_cut_is_not_reported_analytic():
    # atan(z²) near z = 2 + 2i: z² ≈ 8i lies on atan's cut i[1, ∞).  acb.atan returns a finite (but
    # discontinuous) enclosure there, so the box was accepted as holomorphic and the Bernstein
    # bound B was taken from the principal branch, not from the analytic continuation.
    f = compile_expr(sp.atan(t ** 2), t)
    with ctx.workprec(64):
        across = acb(arb(2, "0.3"), arb(2, "0.3"))
        assert not f(across, True).is_finite()
        assert f(across, False).is_finite()                          # plain evaluation is unaffected
        off = acb(arb(2, "0.1"), arb("0.3", "0.1"))                   # z² has Re > 0: off the cut
        assert f(off, True).is_finite()
        F = lambda x, an: f(x, an) * (-(x * x) / 2).exp()  # noqa: E731
        # cell [9, 11], ρ = 16: the ellipse (≈ disc of radius 8 about 10) crosses the cut ray
        # arg z = π/4 without containing the branch point e^{iπ/4}
        assert _ellipse_sup(F, arb(10), arb(1), fmpq(16)) is None
        assert _ellipse_sup(F, arb(10), arb(1), fmpq(5, 4)) is not None
    c = hv.hermite_coefficient(hv.activation(sp.atan(t ** 2)), 4, dps=25, algorithm="quadrature")
    assert_certified(c, mp_c(sp.atan(t ** 2), 4), 25)


class _Monomials:
    """p_m(t) = t^m as a quadrature family (sup |t^m| on [lo, hi] = max(|lo|, |hi|)^m)."""

    def sup_bounds(self, lo, hi, M):
        x = abs(lo).max(abs(hi)).upper()
        return [(x ** m).upper() for m in range(M + 1)]

    def accumulate(self, xs, vs, M):
        acc = [arb(0)] * (M + 1)
        for x, v in zip(xs, vs):
            p = v
            for m in range(M + 1):
                acc[m] += p
                p = p * x
        return acc


_HALF_SQRT2 = sp.sqrt(2) / 2


@pytest.mark.parametrize("expr, a, b, split", [
    (1 / (1 + 100 * t ** 2), -1, 1, None),                 # poles at ±i/10, close to the interval
    (sp.sqrt(t), 0, 1, None),                               # branch point at an end: crude end cells
    (sp.Abs(t - _HALF_SQRT2) * sp.exp(t), 0, 1, _HALF_SQRT2),  # undeclared kink at an irrational point
    (sp.log(1 + sp.exp(-3 * t)), sp.Rational(-1, 3), 2, "mpmath"),  # softplus: poles at t = ±iπ/3
])
def test_integrate_family_against_independent_integrals(expr, a, b, split):
    M = 6
    g = compile_expr(expr, t)
    with ctx.workprec(64):
        tols = [arb(10) ** -25] * (M + 1)
    out, _ = integrate_family(lambda x, an: g(x, an), a, b, _Monomials(), M, tols)
    for m in range(M + 1):
        e = Enclosure(out[m])
        assert e.rad < mpmath.mpf("1e-24"), (m, e)
        if split == "mpmath":                      # no elementary antiderivative: mpmath at 40 digits
            with mpmath.workdps(40):
                f = mp_function(expr)
                ref = mpmath.quad(lambda x: f(x) * x ** m, [mpmath.mpf(sp.N(a, 50)), mpmath.mpf(sp.N(b, 50))])
            assert e.contains(ref), (m, ref, e)
            continue
        if split is None:
            exact = sp.integrate(expr * t ** m, (t, a, b))          # sympy.integrate, exact
        else:   # |t - k| e^t split at the kink, with ∫ t^j e^t = e^t Σ_i (-1)^i j!/(j-i)! t^{j-i}
            def P(j, x):
                return sp.exp(x) * sum((-1) ** i * sp.factorial(j) / sp.factorial(j - i) * x ** (j - i)
                                       for i in range(j + 1))
            exact = (split * (P(m, split) - P(m, a)) - (P(m + 1, split) - P(m + 1, a))
                     + (P(m + 1, b) - P(m + 1, split)) - split * (P(m, b) - P(m, split)))
        assert not exact.has(sp.Integral)
        assert e.contains(exact), (m, exact, e)


@pytest.mark.parametrize("expr, a, b", [
    (1 / sp.sqrt(t), 0, 1),     # integrable but unbounded: outside the engine's contract
    (sp.tan(t), 1, 2),          # a non-integrable pole at π/2 inside the interval
])
def test_integrate_family_refuses_unbounded_integrands(expr, a, b):
    g = compile_expr(expr, t)
    with ctx.workprec(64):
        tols = [arb(10) ** -20] * 3
    with pytest.raises(NotCertified):
        integrate_family(lambda x, an: g(x, an), a, b, _Monomials(), 2, tols)
