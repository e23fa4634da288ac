"""Every truncation and tail bound of the numeric Hermite layer, pushed to its limits.

Each bound is compared with the quantity it bounds, computed independently (exact rational
arithmetic, closed forms, or mpmath at high precision).
"""

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx, fmpq
from helpers import assert_certified
from references import mp_hermite_he

import hardverify as hv
from hardverify import errors
from hardverify.numeric.hermite import _HERMITE, _moment_bounds
from hardverify.numeric.quadrature import integrate_family
from hardverify.numeric.tails import abs_moment, hermite_tail_bound
from hardverify.symbolic.gaussian import he_values

t = hv.t


@pytest.mark.parametrize("m", [0, 1, 2, 7, 40, 151, 300])
def test_hermite_sup_bound_dominates_the_polynomial(m):
    # |He_m(x)| ≤ E[(x² + Z²)^{m/2}] (the bound used on every cell): check at many exact points,
    # including the oscillatory region |x| < 2√m and far outside it.
    for x in [fmpq(k, 8) for k in range(0, 8 * (2 * int(m ** 0.5) + 6), 3)]:
        exact = abs(he_values(x, m)[m])
        bound = _moment_bounds(x, m)[m]
        with ctx.workprec(64):
            assert arb(exact) <= bound, (m, x)


def test_hermite_sup_bound_is_exact_at_zero_for_even_degree():
    # E[Z^{2q}] = (2q-1)!! = |He_{2q}(0)|: the bound is attained, so it cannot be improved there
    for q in range(0, 60):
        exact = arb(abs(he_values(fmpq(0), 2 * q)[2 * q]))
        bound = _moment_bounds(fmpq(0), 2 * q)[2 * q]
        with ctx.workprec(64):
            assert exact <= bound <= exact * (1 + arb(2) ** -45)


@pytest.mark.parametrize("case", [
    # (A, p, a, m, L): bounded σ, linear growth, exponential growth at the smallest allowed L
    (1, 0, 0, 0, 1), (1, 0, 0, 60, 6), (1, 1, 0, 5, 3), (1, 3, 0, 120, 12), (2, 0, 1, 4, 3), (1, 1, 2, 10, 5),
])
def test_tail_bound_dominates_the_true_tail(case):
    A, p, a, m, L = case
    with ctx.workprec(64):
        bound = hermite_tail_bound(arb(A), arb(p), arb(a), m, arb(L))
    # the worst σ allowed by the growth class: σ(t) = A(1+t)^p e^{at}
    with mpmath.workdps(40):
        true = mpmath.quad(lambda x: A * (1 + x) ** p * mpmath.exp(a * x) * abs(mp_hermite_he(m, x)) * mpmath.npdf(x),
                           mpmath.linspace(L, L + 60, 30) + [mpmath.inf])
    assert true <= mpmath.mpf(bound.upper().str(30, radius=False)), (case, true, bound)


def test_tail_bound_refuses_too_small_L():
    with ctx.workprec(64), pytest.raises(ValueError):
        hermite_tail_bound(arb(1), arb(0), arb(2), 3, arb(4))       # needs L ≥ 2a + 1 = 5


def test_abs_moments():
    with ctx.workprec(80):
        for m in range(12):
            assert abs_moment(m).contains(arb(str(sp.N(2 ** sp.Rational(m, 2) * sp.gamma(sp.Rational(m + 1, 2)) / sp.sqrt(sp.pi), 30))).mid()) or \
                abs(abs_moment(m) - arb(str(sp.N(2 ** sp.Rational(m, 2) * sp.gamma(sp.Rational(m + 1, 2)) / sp.sqrt(sp.pi), 30)))) < 1e-25


@pytest.mark.parametrize("L,M", [(4, 30), (9, 80), (25, 150)])
def test_quadrature_against_a_closed_form(L, M):
    # ∫_{-L}^{L} He_m φ = [-He_{m-1} φ]_{-L}^{L} (m ≥ 1) and Φ(L) - Φ(-L) (m = 0): exact references.
    def F(x, analytic):
        return (-(x * x) / 2).exp() / (2 * arb.pi()).sqrt()
    with ctx.workprec(64):
        tols = [arb(10) ** -40 * arb.fac_ui(m).sqrt() for m in range(M + 1)]
    vals, rep = integrate_family(F, -L, L, _HERMITE, M, tols)
    Ls = sp.Integer(L)
    phi = sp.exp(-Ls ** 2 / 2) / sp.sqrt(2 * sp.pi)
    for m in range(M + 1):
        if m == 0:
            exact = sp.erf(Ls / sp.sqrt(2))
        else:
            h = he_values(Ls, m - 1)[m - 1]
            exact = -phi * (h - (-1) ** (m - 1) * h)
        e = hv.Enclosure(vals[m])                            # an absolute tolerance: no significant-digit label
        assert e.contains(exact), (m, e)
        with ctx.workprec(64):
            assert vals[m].rad() <= 2 * tols[m]          # and it is as narrow as requested


def test_exponential_growth_activation_against_its_closed_form():
    # σ = e^{t/2}: E[e^{g/2} He_m(g)] = (1/2)^m e^{1/8}, so c_m = e^{1/8} 2^{-m}/√(m!)  (generating function)
    act = hv.activation(sp.exp(t / 2))
    assert act.growth.a == sp.Rational(1, 2)
    cs = hv.hermite_coefficients(act, 12, dps=30)
    for m, c in enumerate(cs):
        assert_certified(c, sp.exp(sp.Rational(1, 8)) / (2 ** m * sp.sqrt(sp.factorial(m))), 30, what=m)


def test_crude_end_cells_with_a_square_root_singularity():
    # ∫_0^∞ √t φ(t) dt = 2^{1/4} Γ(3/4) / (2 √π)   (Gaussian half-moment of order 1/2)
    act = hv.activation(sp.Piecewise((0, t < 0), (sp.sqrt(t), True)))
    c0 = hv.hermite_coefficient(act, 0, dps=25)
    ref = 2 ** sp.Rational(1, 4) * sp.gamma(sp.Rational(3, 4)) / (2 * sp.sqrt(sp.pi))
    assert_certified(c0, ref, 25)


def test_mehler_tail_near_rho_one_and_its_limit():
    exact = hv.dual_kernel("relu", rho=sp.Rational(95, 100))
    k = hv.dual_kernel("relu", rho="0.95", dps=8, algorithm="series")
    assert_certified(k, exact, 8)
    from hardverify.numeric.dual import dual_kernel as numeric_dual
    with pytest.raises(errors.NotCertified, match="max_degree"):
        numeric_dual("relu", None, "0.999", dps=30, max_degree=64)


def test_parity_zero_is_not_assumed_without_proof():
    # σ(t) = t³ + sin(t)·0 + (tanh(t) - t)·0 + ... : a function sympy proves odd. Then a near-odd one:
    # tanh(t) + 10^-20·t² is NOT odd; its even coefficient c_2 = 10^-20·√2 must not be reported as 0.
    act = hv.activation(sp.tanh(t) + sp.Rational(1, 10 ** 20) * t ** 2)
    assert not act.parity.vanishes(2)
    c2 = hv.hermite_coefficient(act, 2, dps=10)
    # c_2 is far below its natural size: the quadrature's contract is the bound rule |c_2| ≤ 10^-10
    # (it returns [1.4142136e-20 +/- 6e-28], 7.8 significant digits), not 10 significant digits
    assert_certified(c2, sp.sqrt(2) / 10 ** 20, 10, bound_scale=1)
    assert not c2.is_exact_zero()
