"""Exact Hermite coefficients (SPEC §0.1, H1, H2): compared with == against independent closed forms."""

import pytest
import sympy as sp

import hardverify as hv
from hardverify.symbolic.gaussian import gaussian_moment, he_values, hermite_he, truncated_moments
from hardverify.symbolic.hermite import exact_form

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
