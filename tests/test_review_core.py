"""Adversarial review of the Hermite / Gaussian core and the shared numeric engine.

Every reference value here is computed independently of hardverify: mpmath.quad (tanh-sinh) at
high precision with breakpoints at the kinks, sympy.integrate, or a textbook closed form whose
provenance is stated beside it.  The first group are regression tests for bugs found in the review.
"""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import acb, arb, ctx, fmpq
from references import mp_hermite_he

import hardverify as hv
from hardverify import checks
from hardverify.core.arbeval import compile_expr
from hardverify.core.growth import growth_bound
from hardverify.errors import DomainError, NotCertified
from hardverify.numeric.dual import HermiteTable, mehler_ball
from hardverify.numeric.enclosure import Enclosure, exact_fraction
from hardverify.numeric.quadrature import _ellipse_sup, integrate_family
from hardverify.symbolic.hermite import _erf_derivative_mean
from hardverify.verdict import Status

t = hv.t


# ------------------------------------------------------------------ references (mpmath only)
def _mp(expr):
    return sp.lambdify(t, expr, modules="mpmath")


def _points(kinks):
    return [-mpmath.inf, *sorted({mpmath.mpf(sp.N(k, 60)) for k in kinks} | {mpmath.mpf(-4), mpmath.mpf(4)}), mpmath.inf]


def mp_c(expr, m, kinks=(), dps=40):
    """c_m = E[σ(g) He_m(g)]/√(m!) by mpmath.quad split at the kinks (SPEC §0.1 definition)."""
    f = _mp(expr)
    with mpmath.workdps(dps):
        v = mpmath.quad(lambda x: f(x) * mp_hermite_he(m, x) * mpmath.npdf(x), _points(kinks))
        return +(v / mpmath.sqrt(mpmath.factorial(m)))


# ======================================================================================
# Regression tests for the bugs fixed in this review
# ======================================================================================
def test_exact_fraction_keeps_the_sign_of_an_mpmath_number():
    # mpmath's mpf.man_exp returns the *unsigned* mantissa: -0.75 was read as +3/4, so
    # Enclosure(0.75).contains(mpf(-0.75)) said True and less(-1, 0) said REFUTED.
    assert exact_fraction(mpmath.mpf("-0.75")) == Fraction(-3, 4)
    assert exact_fraction(mpmath.mpf(-3)) == -3
    e = Enclosure(arb("0.75"))
    assert not e.contains(mpmath.mpf("-0.75")) and e.excludes(mpmath.mpf("-0.75"))
    assert checks.less(mpmath.mpf(-1), 0).status is Status.PROVED
    neg = hv.enclose(-1 / sp.sqrt(3), 30)
    assert neg.contains(neg.lower) and neg.contains(neg.upper)          # its own exact endpoints
    assert checks.in_range(neg, neg.lower, neg.upper).status is Status.CERTIFIED


def test_mehler_ball_never_sums_past_its_tables():
    # Asking for M beyond the tables' degree used |ρ|^{M+1} as the tail factor while only the
    # table's terms were summed: the ball [0.6996 ± 5e-10] excluded (2/π) asin(0.9) = 0.71287.
    cs = hv.hermite_coefficients("sign", 10)
    with ctx.workprec(200):
        tab = HermiteTable([hv.enclose(c, 50).ball for c in cs], arb(1), 50)    # E[sign²] = 1
        ball = mehler_ball(tab, tab, arb("0.9"), 200)
    with mpmath.workdps(40):
        ref = 2 / mpmath.pi * mpmath.asin(mpmath.mpf("0.9"))     # Sheppard's formula (SPEC H4)
    assert Enclosure(ball).contains(ref)


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
    assert c.contains(mp_c(sp.atan(t ** 2), 4)) and c.rel_accuracy_digits() >= 25


def test_growth_bound_needs_a_real_argument():
    # With sympy's principal branches cos(√(t+40)) = cosh(√(-t-40)) for t < -40: a real, unbounded
    # function.  The rule "cos is bounded by 1" gave Growth(1, 0, 0), and a certified enclosure
    # was produced under that false hypothesis.
    sigma = sp.cos(sp.sqrt(t + 40))
    assert sigma.subs(t, -200).evalf() > 10 ** 5                       # the "bound 1" is false
    with pytest.raises(DomainError, match="real"):
        growth_bound(sigma, t)
    with pytest.raises(DomainError):
        growth_bound(1 / sp.cosh(sp.sqrt(t)), t)                        # 1/cos(√|t|) has poles on t < 0
    # still accepted where the argument is real (on its piece) or sympy proves it real
    assert hv.activation(sp.Piecewise((0, t < 0), (sp.cos(sp.sqrt(t)), True))).growth.A == 1
    assert growth_bound(sp.sin(sp.exp(t ** 2)), t).A == 1
    assert growth_bound(1 / (1 + sp.exp(-t)), t).A == 1


def test_matches_check_does_not_certify_a_straddling_enclosure():
    # [0.2950 ± 1e-6] meets 0.30 ± 0.005 but the value may be 0.294999..., which rounds to 0.29
    straddle = Enclosure(arb("0.2950 +/- 1e-6"))
    assert checks.matches(straddle, "0.30").status is Status.UNDECIDED
    assert checks.matches(Enclosure(arb("0.2990 +/- 1e-6")), "0.30").status is Status.CERTIFIED
    assert checks.matches(Enclosure(arb("0.2940 +/- 1e-6")), "0.30").status is Status.REFUTED
    # a high-precision enclosure of a 30-digit reference is still certified (SPEC V1)
    assert checks.matches(hv.enclose(1 / (2 * sp.sqrt(sp.pi)), 40),
                          "0.282094791773878143474039725780").status is Status.CERTIFIED


def test_degrees_beyond_the_largest_rule_fail_fast():
    # a 512-point rule integrates degree ≤ 1023 exactly: beyond it no bisection can help, and the
    # planner used to bisect to depth 200 (about a minute) before a misleading "not analytic" error
    with pytest.raises(NotCertified, match="degree 1030"):
        hv.hermite_coefficients("sigmoid", 1030, dps=5)


# ======================================================================================
# The certified quadrature engine on integrands chosen to stress it
# ======================================================================================
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
                f = _mp(expr)
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


# ======================================================================================
# Certified Hermite coefficients (quadrature route) against mpmath
# ======================================================================================
_NUMERIC_CASES = {
    "relu(t - sqrt2)": (sp.Max(0, t - sp.sqrt(2)), (sp.sqrt(2),)),        # irrational kink
    "sigmoid(2t - 1)": (1 / (1 + sp.exp(-2 * t + 1)), ()),                 # poles at t = 1/2 ± iπ/2
    "sqrt relu": (sp.Piecewise((0, t < 0), (sp.sqrt(t), True)), (0,)),    # √ singularity at the kink
}
_SLOW_NUMERIC_CASES = {
    "erf(-3t/2 + 1/3)": (sp.erf(-sp.Rational(3, 2) * t + sp.Rational(1, 3)), ()),
    "1/(1+t^2)": (1 / (1 + t ** 2), ()),                                   # even; poles at ±i
    "tanh(3t + 1/2)": (sp.tanh(3 * t + sp.Rational(1, 2)), ()),
    "cbrt relu": (sp.Piecewise((0, t < 0), (t ** sp.Rational(1, 3), True)), (0,)),
    "softplus": (sp.log(1 + sp.exp(t)), ()),
    "sech^2": (sp.sech(t) ** 2, ()),
    "gelu(t - 1/2)": ((t - sp.Rational(1, 2)) * (1 + sp.erf((t - sp.Rational(1, 2)) / sp.sqrt(2))) / 2, ()),
    "sign(t^2 - 2) exp(-t)": (sp.sign(t ** 2 - 2) * sp.exp(-t), (-sp.sqrt(2), sp.sqrt(2))),
}


def _check_numeric(expr, kinks, M=5, dps=20):
    a = hv.activation(expr)
    cs = hv.hermite_coefficients(a, M, dps=dps, algorithm="quadrature")
    for m, c in enumerate(cs):
        ref = mp_c(expr, m, kinks)
        if c.is_exact_zero():                       # a parity zero: the reference must vanish too
            assert abs(ref) < mpmath.mpf("1e-40") and a.parity.vanishes(m), (m, ref)
            continue
        assert c.contains(ref), (m, c, ref)
        assert c.rel_accuracy_digits() >= dps or (c.contains_zero() and c.rad <= mpmath.mpf(10) ** -dps), (m, c)


@pytest.mark.parametrize("name", list(_NUMERIC_CASES))
def test_certified_coefficients_against_mpmath(name):
    _check_numeric(*_NUMERIC_CASES[name])


@pytest.mark.slow
@pytest.mark.parametrize("name", list(_SLOW_NUMERIC_CASES))
def test_certified_coefficients_against_mpmath_slow(name):
    _check_numeric(*_SLOW_NUMERIC_CASES[name])


def test_certified_physicists_coefficients_against_mpmath():
    # d_m with σ = Σ d_m H_m in L²(e^{-x²}): d_m = ∫ σ H_m e^{-x²} dx / (√π 2^m m!)  (mpmath.hermite is H_m)
    expr = sp.Max(0, t - sp.Rational(1, 3))
    ds = hv.hermite_coefficients(hv.activation(expr), 5, dps=20, normalization="physicists", algorithm="quadrature")
    exact = hv.hermite_coefficients(hv.activation(expr), 5, normalization="physicists")
    with mpmath.workdps(40):
        for m, d in enumerate(ds):
            v = mpmath.quad(lambda x: (x - mpmath.mpf(1) / 3) * mpmath.hermite(m, x) * mpmath.exp(-x * x),
                            [mpmath.mpf(1) / 3, 4, mpmath.inf])
            ref = v / (mpmath.sqrt(mpmath.pi) * 2 ** m * mpmath.factorial(m))
            assert d.contains(ref) and d.contains(exact[m]), m


# ======================================================================================
# Exact layer against independent references
# ======================================================================================
@pytest.mark.parametrize("alpha, beta", [
    (sp.Integer(-2), sp.Integer(0)), (-sp.sqrt(2), sp.Rational(1, 5)),
    pytest.param(sp.Rational(1, 3), sp.Integer(-1), marks=pytest.mark.slow),
    pytest.param(sp.Rational(5, 2), sp.Rational(3, 4), marks=pytest.mark.slow),
])
def test_erf_stein_means_against_quadrature(alpha, beta):
    # D_i = E[d^i/dt^i erf(αt+β)](g) = E[erf(αg+β) He_i(g)] (Stein), integrated numerically
    for i in range(0, 7):
        D = _erf_derivative_mean(alpha, beta, i)
        assert not D.has(sp.Float)
        with mpmath.workdps(40):      # sympy Floats become mpf at the *current* mpmath precision
            fa, fb = mpmath.mpf(sp.N(alpha, 60)), mpmath.mpf(sp.N(beta, 60))
            ref = mpmath.quad(lambda x: mpmath.erf(fa * x + fb) * mp_hermite_he(i, x) * mpmath.npdf(x), [-mpmath.inf, 0, mpmath.inf])
            assert abs(mpmath.mpf(sp.N(D, 50)) - ref) < mpmath.mpf("1e-34"), (i, D, ref)


_EXACT_CASES = [
    ((t - 1) * sp.erf(t / 2 - 1), ()),
    (sp.Piecewise((t ** 2, t < -sp.sqrt(3)), (1 - t, t < sp.pi / 4), (t ** 3, True)), (-sp.sqrt(3), sp.pi / 4)),
    pytest.param(sp.erf(2 * t + 1), (), marks=pytest.mark.slow),
    pytest.param(t ** 2 * sp.erf(-t - 2) + sp.Max(0, t), (0,), marks=pytest.mark.slow),
    pytest.param(sp.Heaviside(t - sp.Rational(1, 3)) * t ** 2, (sp.Rational(1, 3),), marks=pytest.mark.slow),
    pytest.param(sp.sign(2 - t ** 2), (-sp.sqrt(2), sp.sqrt(2)), marks=pytest.mark.slow),
    pytest.param(sp.Abs(sp.Abs(t) - 1), (-1, 0, 1), marks=pytest.mark.slow),
]


@pytest.mark.parametrize("expr, kinks", _EXACT_CASES)
def test_exact_coefficients_against_mpmath(expr, kinks):
    cs = hv.hermite_coefficients(hv.activation(expr), 6)
    for m, c in enumerate(cs):
        assert not c.has(sp.Float)
        with mpmath.workdps(50):
            assert abs(mpmath.mpf(sp.N(c, 50)) - mp_c(expr, m, kinks)) < mpmath.mpf("1e-35"), (m, c)


@pytest.mark.slow
def test_exact_coefficient_against_sympy_integrate():
    # c_3(ReLU(t - 1)) = ∫_1^∞ (t - 1) He_3(t) φ(t) dt / √6, by sympy.integrate
    phi = sp.exp(-t ** 2 / 2) / sp.sqrt(2 * sp.pi)
    direct = sp.integrate((t - 1) * (t ** 3 - 3 * t) * phi, (t, 1, sp.oo)) / sp.sqrt(6)
    got = hv.hermite_coefficient(hv.activation(sp.Max(0, t - 1)), 3)
    assert checks.exact_equal(got, direct).status is Status.PROVED


# ======================================================================================
# Dual kernels against one-dimensional reductions with textbook inner expectations
# ======================================================================================
# With V = ρU + sW (s = √(1-ρ²), W independent), E[σ(U)τ(V)] = E_U[σ(U) E_W τ(ρU + sW)] and
#   E sign(a + sW) = erf(a/(s√2))                        (P(W > -a/s) - P(W < -a/s))
#   E |a + sW| = a erf(a/(s√2)) + s√(2/π) e^{-a²/(2s²)}   (mean of the folded normal)
#   E erf(α(a + sW)) = erf(αa/√(1 + 2α²s²))               (E Φ(μ + σZ) = Φ(μ/√(1+σ²)))
#   E (a + sW)^k = Σ_i C(k,i) a^{k-i} s^i E W^i
def _inner(kind, a, s):
    if kind == "sign":
        return mpmath.erf(a / (s * mpmath.sqrt(2)))
    if kind == "abs":
        return a * mpmath.erf(a / (s * mpmath.sqrt(2))) + s * mpmath.sqrt(2 / mpmath.pi) * mpmath.exp(-a * a / (2 * s * s))
    if kind[0] == "erf":
        return mpmath.erf(kind[1] * a / mpmath.sqrt(1 + 2 * kind[1] ** 2 * s * s))
    return sum(c * mpmath.binomial(k, i) * a ** (k - i) * s ** i * (0 if i % 2 else mpmath.fac2(i - 1))
               for k, c in enumerate(kind[1]) for i in range(k + 1))


def _kernel_ref(sigma, tau_parts, tau, rho):
    f = _mp(sigma)
    with mpmath.workdps(32):
        r = mpmath.mpf(sp.N(rho, 50))
        if abs(r) == 1:                                  # K(±1) = E[σ(g) τ(±g)]
            g = _mp(tau)
            return mpmath.quad(lambda u: f(u) * g(r * u) * mpmath.npdf(u), [-mpmath.inf, 0, mpmath.inf])
        s = mpmath.sqrt(1 - r * r)
        return mpmath.quad(lambda u: f(u) * sum(c * _inner(k, r * u, s) for c, k in tau_parts) * mpmath.npdf(u),
                           [-mpmath.inf, -2, 0, 2, mpmath.inf])


_KERNEL_CASES = [
    (sp.Max(0, t), [(1, ("poly", [0, sp.Rational(1, 2)])), (sp.Rational(1, 2), "abs")], sp.Max(0, t)),
    (sp.sign(t), [(1, ("erf", mpmath.mpf(-2)))], sp.erf(-2 * t)),
    (sp.erf(3 * t), [(1, ("erf", mpmath.mpf(-0.5)))], sp.erf(-t / 2)),
    (sp.Piecewise((t / 10, t < 0), (t, True)), [(1, "abs")], sp.Abs(t)),
    (t ** 2 + sp.sign(t), [(3, ("erf", mpmath.mpf(1))), (-1, ("poly", [0, 1]))], 3 * sp.erf(t) - t),
    (2 * sp.Abs(t) - 1, [(1, ("poly", [0, 0, 0, 1])), (1, "sign")], t ** 3 + sp.sign(t)),
]


@pytest.mark.parametrize("case", [1, 2, 3] + [pytest.param(c, marks=pytest.mark.slow) for c in (0, 4, 5)])
def test_closed_form_dual_kernels_against_reductions(case):
    sigma, parts, tau = _KERNEL_CASES[case]
    K = hv.dual_kernel(hv.activation(sigma), hv.activation(tau))
    rho = [s for s in K.free_symbols][0] if K.free_symbols else None
    for r in (sp.Integer(-1), sp.Rational(-9, 10), sp.Rational(45, 100), sp.Rational(97, 100), sp.Integer(1)):
        value = K.subs(rho, r) if rho is not None else K
        with mpmath.workdps(40):
            assert abs(mpmath.mpf(sp.N(value, 40)) - _kernel_ref(sigma, parts, tau, r)) < mpmath.mpf("1e-28"), r


def test_certified_mehler_kernel_without_closed_form():
    # sigmoid × ReLU at ρ = 0.6: E max(0, a + sW) = aΦ(a/s) + sφ(a/s) (mean of a rectified normal)
    K = hv.dual_kernel("sigmoid", "relu", rho="0.6", dps=15)
    with mpmath.workdps(30):
        r = mpmath.mpf("0.6")
        s = mpmath.sqrt(1 - r * r)
        ref = mpmath.quad(lambda u: (1 / (1 + mpmath.exp(-u))) * (r * u * mpmath.ncdf(r * u / s) + s * mpmath.npdf(r * u / s))
                          * mpmath.npdf(u), [-mpmath.inf, 0, mpmath.inf])
    assert K.contains(ref) and K.rel_accuracy_digits() >= 15


# ======================================================================================
# Parity, growth, checks
# ======================================================================================
@pytest.mark.parametrize("expr", [
    sp.Max(0, t) ** 2, sp.sign(t) * t ** 2, sp.log(1 + sp.exp(t)), t * sp.erf(t) + t ** 3,
    sp.exp(-t ** 2) + t, 1 / (1 + sp.exp(-t)) + t ** 2, sp.Heaviside(t), sp.Abs(t - 1) + sp.Abs(t + 1),
])
def test_declared_parity_zeros_are_true_zeros(expr):
    a = hv.activation(expr)
    kinks = a.kinks
    for m in range(9):
        if a.parity.vanishes(m):
            assert abs(mp_c(expr, m, kinks, dps=40)) < mpmath.mpf("1e-32"), (expr, m)


def test_parity_is_not_claimed_for_an_almost_odd_function():
    # σ(t) + σ(-t) = 1 + 2·10^{-30}·cosh-ish term: not a polynomial, so no coefficient may be declared 0
    a = hv.activation(1 / (1 + sp.exp(-t)) + sp.Rational(1, 10 ** 30) * sp.exp(t))
    assert a.parity.odd_up_to is None and a.parity.even_up_to is None
    assert not any(a.parity.vanishes(m) for m in range(10))


_GROWTH_EXPRS = [
    sp.Max(0, t), sp.Piecewise((t / 100, t < 0), (t, True)), t * (1 + sp.erf(t / sp.sqrt(2))) / 2,
    sp.log(1 + sp.exp(t)), t / (1 + sp.exp(-t)), t ** 5, sp.exp(-t), sp.exp(t / 3) * sp.sin(t), sp.log(1 + t ** 2),
    sp.sqrt(1 + t ** 2), sp.Piecewise((sp.exp(t), t < 0), (1 + t, True)), sp.Piecewise((0, t < 1), (sp.log(t), True)),
    sp.cosh(t / 2), sp.sinh(-2 * t + 1), sp.exp(-t ** 2 + 3 * t), (1 + sp.exp(-t)) ** -2, sp.Max(t ** 2, 1 - t),
    sp.Min(sp.exp(t), 3), sp.Abs(t - 3) ** sp.Rational(3, 2), sp.exp(t * sp.sin(t)), sp.exp(sp.sqrt(t ** 2 + 1)),
    sp.log(1 + sp.exp(-3 * t + 2)), sp.erfc(t) * t ** 2, sp.sech(t) * sp.exp(t / 2), sp.exp(sp.Abs(t) - t ** 2 / 4),
    sp.Piecewise((t ** 2, t < -1), (sp.exp(-t), t < 2), (t, True)), sp.Heaviside(t) * sp.exp(-t) * t ** 3,
]


def test_growth_bounds_hold_far_out():
    # |σ(t)| ≤ A(1+|t|)^p e^{a|t|} checked in mpmath at |t| up to 10^4 on both sides
    pts = [mpmath.mpf(k) / 4 for k in range(-2000, 2001, 37)] + [s * mpmath.mpf(10) ** k for k in (2, 3, 4) for s in (-1, 1)]
    with mpmath.workdps(30):
        for expr in _GROWTH_EXPRS:
            G = hv.activation(expr).growth
            A, p, al = (mpmath.mpf(sp.N(v, 40)) for v in (G.A, G.p, G.a))
            f = _mp(expr)
            for x in pts:
                assert abs(f(x)) <= A * (1 + abs(x)) ** p * mpmath.exp(al * abs(x)), (expr, G, x)


def test_exact_equal_never_refutes_a_true_identity_it_cannot_simplify():
    # atan(1/2) + atan(1/3) = π/4 (Machin-type); whatever simplify does, REFUTED would be wrong
    v = checks.exact_equal(sp.atan(sp.Rational(1, 2)) + sp.atan(sp.Rational(1, 3)), sp.pi / 4)
    assert v.status in (Status.PROVED, Status.UNDECIDED)
    v = checks.exact_equal(sp.sqrt(2 + sp.sqrt(3)), (sp.sqrt(6) + sp.sqrt(2)) / 2)
    assert v.status in (Status.PROVED, Status.UNDECIDED)
