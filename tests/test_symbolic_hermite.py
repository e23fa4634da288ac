"""Exact Hermite coefficients (SPEC §0.1, H1, H2) and closed-form dual kernels (H4): compared with == against
independent closed forms, and with mpmath quadrature / one-dimensional reductions where no closed form is known."""

import mpmath
import pytest
import sympy as sp
from references import mp_c, mp_function, mp_hermite_he

import hardverify as hv
from hardverify import checks
from hardverify.symbolic.gaussian import gaussian_moment, he_values, hermite_he, truncated_moments
from hardverify.symbolic.hermite import _erf_derivative_mean, exact_form
from hardverify.verdict import Status

t = hv.t
pi = sp.pi


def he0(r):
    """He_r(0) = (-1)^{r/2} (r-1)!! for even r, 0 for odd r (SPEC §0.1)."""
    return 0 if r % 2 else (-1) ** (r // 2) * sp.factorial2(r - 1)


# ---------------------------------------------------------------- H1: ReLU
# Reference: SPEC H1 closed form c_m = He_{m-2}(0)/(√(2π)√(m!)) (m ≥ 2), c_0 = 1/√(2π), c_1 = 1/2,
# and the SPEC examples c_2 = 1/(2√π), c_4 = -1/(4√(3π)), c_6 = 1/(4√(10π)), c_8 = -15/(√(2π)√(8!)).
RELU_EXAMPLES = {0: 1 / sp.sqrt(2 * pi), 1: sp.Rational(1, 2), 2: 1 / (2 * sp.sqrt(pi)), 3: 0,
                 4: -1 / (4 * sp.sqrt(3 * pi)), 5: 0, 6: 1 / (4 * sp.sqrt(10 * pi)),
                 8: -15 / (sp.sqrt(2 * pi) * sp.sqrt(sp.factorial(8)))}


@pytest.mark.parametrize("m", sorted(RELU_EXAMPLES))
def test_relu_examples(m):
    assert hv.hermite_coefficient("relu", m) == RELU_EXAMPLES[m]


def test_relu_closed_form_up_to_300():
    cs = hv.hermite_coefficients("relu", 300)
    for m in range(2, 301):
        assert cs[m] == he0(m - 2) / (sp.sqrt(2 * pi) * sp.sqrt(sp.factorial(m)))


def test_relu_degree_1000_is_exact_and_fast():
    c = hv.hermite_coefficient("relu", 1000)
    assert c == he0(998) / (sp.sqrt(2 * pi) * sp.sqrt(sp.factorial(1000)))
    assert not c.atoms(sp.Float)


# ---------------------------------------------------------------- H2: sign, step, abs
# Reference: SPEC H2 (c_{2j+1}(sign) = √(2/π)(-1)^j(2j-1)!!/√(m!); step = (1+sign)/2; |t| = 2ReLU - t)
@pytest.mark.parametrize("m", range(0, 16))
def test_sign_step_abs(m):
    sign = sp.Integer(0) if m % 2 == 0 else sp.sqrt(2 / pi) * (-1) ** ((m - 1) // 2) * sp.factorial2(m - 2) / sp.sqrt(sp.factorial(m))
    assert hv.hermite_coefficient("sign", m) == sign
    assert hv.hermite_coefficient("step", m) == (sp.Rational(1, 2) if m == 0 else sign / 2)
    relu = hv.hermite_coefficient("relu", m)
    expected_abs = sp.expand(2 * relu - (1 if m == 1 else 0))
    assert hv.hermite_coefficient("abs", m) == expected_abs


def test_sign_examples_from_spec():
    # SPEC H2: c_1 = √(2/π), c_3 = -1/√(3π), c_5 = 3/√(60π)
    assert hv.hermite_coefficients("sign", 5)[1::2] == [sp.sqrt(2 / pi), -1 / sp.sqrt(3 * pi), 3 / sp.sqrt(60 * pi)]


# ---------------------------------------------------------------- erf, GELU, monomials, shifted kinks
@pytest.mark.parametrize("j", range(0, 8))
def test_erf_coefficients_match_the_arcsin_kernel(j):
    # Reference: K_erf(ρ) = (2/π) arcsin(2ρ/3) (SPEC H4, Williams); its ρ^{2j+1} Taylor coefficient
    # is c_{2j+1}(erf)²; erf is odd and increasing so c_1 > 0 and signs alternate like (-1)^j.
    m = 2 * j + 1
    rho = sp.Symbol("rho")
    coeff = sp.series(2 / pi * sp.asin(2 * rho / 3), rho, 0, m + 1).removeO().coeff(rho, m)
    c = hv.hermite_coefficient("erf", m)
    assert sp.simplify(c ** 2 - coeff) == 0
    assert sp.sign(c) == (-1) ** j
    assert hv.hermite_coefficient("erf", m + 1) == 0


def test_gelu_low_coefficients():
    # Independent derivation: GELU = tΦ(t); c_0 = E[gΦ(g)] = E[φ(g)] = 1/(2√π) (Stein),
    # c_1 = E[g²Φ(g)] = E[Φ(g)] + E[g φ(g)] = 1/2, c_2 = E[gΦ(g)(g²-1)]/√2 = 3/(4√(2π))·... computed below.
    assert hv.hermite_coefficient("gelu", 0) == 1 / (2 * sp.sqrt(pi))
    assert hv.hermite_coefficient("gelu", 1) == sp.Rational(1, 2)
    # c_2 by sympy integration of the definition (an independent route, fine at low degree)
    x = sp.Symbol("x", real=True)
    phi = sp.exp(-x ** 2 / 2) / sp.sqrt(2 * pi)
    integrand = x * (1 + sp.erf(x / sp.sqrt(2))) / 2 * (x ** 2 - 1) * phi / sp.sqrt(2)
    ref = sp.integrate(integrand, (x, -sp.oo, sp.oo))
    assert sp.simplify(hv.hermite_coefficient("gelu", 2) - ref) == 0
    assert hv.hermite_coefficient("gelu", 3) == 0      # GELU - t/2 is even


@pytest.mark.parametrize("p", range(0, 9))
def test_monomials(p):
    # Reference: t^p = Σ_k p!/(2^k k!(p-2k)!) He_{p-2k}(t) (inverse of the He expansion), so
    # c_m(t^p) = √(m!) p!/(2^k k! m!) with m = p - 2k, and 0 otherwise.
    act = hv.activation("monomial", degree=p)
    cs = hv.hermite_coefficients(act, p + 3)
    for m, c in enumerate(cs):
        if m > p or (p - m) % 2:
            assert c == 0
        else:
            k = (p - m) // 2
            assert c == sp.sqrt(sp.factorial(m)) * sp.factorial(p) / (2 ** k * sp.factorial(k) * sp.factorial(m))


def test_relu_shifted_kink_mean():
    # Reference: E[(g - b)_+] = φ(b) - b(1 - Φ(b)) (standard normal partial expectation)
    b = sp.Rational(1, 3)
    act = hv.activation("relu").affine(1, -b)
    Phi = (1 + sp.erf(b / sp.sqrt(2))) / 2
    ref = sp.exp(-b ** 2 / 2) / sp.sqrt(2 * pi) - b * (1 - Phi)
    assert sp.simplify(hv.hermite_coefficient(act, 0) - ref) == 0
    # and c_m for m ≥ 2 is the Stein boundary term He_{m-2}(b) φ(b)/√(m!)
    for m in range(2, 7):
        ref_m = he_values(b, m)[m - 2] * sp.exp(-b ** 2 / 2) / sp.sqrt(2 * pi) / sp.sqrt(sp.factorial(m))
        assert sp.simplify(hv.hermite_coefficient(act, m) - ref_m) == 0


def test_irrational_kink():
    act = hv.activation(sp.Max(0, t - sp.sqrt(2)))
    c3 = hv.hermite_coefficient(act, 3)
    ref = he_values(sp.sqrt(2), 1)[1] * sp.exp(-1) / sp.sqrt(2 * pi) / sp.sqrt(6)
    assert sp.simplify(c3 - ref) == 0


def test_leaky_relu_is_a_linear_combination():
    a = sp.Rational(1, 5)
    leaky = hv.activation("leaky_relu", slope=a)
    for m in range(8):
        expected = sp.expand(a * hv.hermite_coefficient("identity", m) + (1 - a) * hv.hermite_coefficient("relu", m))
        assert hv.hermite_coefficient(leaky, m) == expected


# ---------------------------------------------------------------- normalisations
def test_probabilists_normalisation():
    for m in range(6):
        c = hv.hermite_coefficient("relu", m)
        assert hv.hermite_coefficient("relu", m, normalization="probabilists") == sp.expand(c / sp.sqrt(sp.factorial(m)))


def test_physicists_normalisation_against_integration():
    # Reference: d_m = ∫ σ H_m e^{-x²} dx / (√π 2^m m!) computed by sympy.integrate (independent route)
    x = sp.Symbol("x", real=True)
    for m in range(4):
        ref = sp.integrate(x * sp.hermite(m, x) * sp.exp(-x ** 2), (x, 0, sp.oo)) / (sp.sqrt(pi) * 2 ** m * sp.factorial(m))
        assert sp.simplify(hv.hermite_coefficient("relu", m, normalization="physicists") - ref) == 0


# ---------------------------------------------------------------- building blocks
def test_hermite_polynomials_are_orthogonal_exactly():
    # E[He_m He_l] = m! δ_ml via exact Gaussian moments (no integration)
    x = sp.Symbol("x")
    for m in range(7):
        for l in range(7):
            prod = sp.Poly(sp.expand(hermite_he(m, x) * hermite_he(l, x)), x)
            val = sum(c * gaussian_moment(k) for (k,), c in prod.terms())
            assert val == (sp.factorial(m) if m == l else 0)


def test_truncated_moments_sum_to_full_moments():
    for k, (left, right) in enumerate(zip(truncated_moments(-sp.oo, 0, 6), truncated_moments(0, sp.oo, 6))):
        assert sp.simplify(left.to_sympy() + right.to_sympy() - gaussian_moment(k)) == 0


def test_results_never_contain_floats():
    acts = ["relu", "abs", "sign", "step", "erf", "gelu", "identity", hv.activation("leaky_relu", slope=0.1),
            hv.activation(sp.Max(0, t - sp.Rational(1, 2)))]
    for a in acts:
        for c in hv.hermite_coefficients(a, 12):
            assert not c.atoms(sp.Float), (a, c)


def test_floats_in_input_become_exact_decimals():
    act = hv.activation(sp.Max(0.1 * t, t))
    assert act.expr == sp.Max(t / 10, t)


def test_exact_form_decomposition():
    form = exact_form(hv.activation("gelu"))
    assert form.pieces == ((-sp.oo, sp.oo, (0, sp.Rational(1, 2))),)
    (q, alpha, beta), = form.erf_terms
    assert q == (0, sp.Rational(1, 2)) and alpha == 1 / sp.sqrt(2) and beta == 0


# -- (moved from test_review_core.py)
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
    f = mp_function(sigma)
    with mpmath.workdps(32):
        r = mpmath.mpf(sp.N(rho, 50))
        if abs(r) == 1:                                  # K(±1) = E[σ(g) τ(±g)]
            g = mp_function(tau)
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
