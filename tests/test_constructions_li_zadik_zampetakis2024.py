"""LZZ 2024 (SPEC §5): C1 damping, C2 pancake density, C3 χ², C4 pair correlation, C5 neurons, C6 capped networks.

Reference values: the SPEC §5/§8 test vectors (each computed two ways when SPEC was written) and
mpmath quadrature of the *defining* formulas (the pancake density ∝ e^{-πt²} Σ_k e^{-π(k-γt)²/β²},
not any of the forms hardverify sums), at 40 digits.
"""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from hardverify.constructions import li_zadik_zampetakis2024 as L
from hardverify.constructions.li_zadik_zampetakis2024 import neurons, pancakes
from hardverify.errors import DomainError, ResourceLimit
from hardverify.numeric.enclosure import enclose


def hv_enclose(x):
    return enclose(x, 30).ball if x != 0 else enclose(sp.Integer(0), 30).ball


def _pancake_reference(t, beta, gamma, dps=35):
    """p(t) from the definition e^{-πt²} Σ_k e^{-π(k-γt)²/β²}, normalised by mpmath.quad (independent of C2).

    The k-sum keeps |k - γx| ≤ 9 (the rest is < e^{-81π}/β² relative, far below 10^-35 for β ≤ 1).
    Returns (p(t) as a 30-digit string, f, Z) computed inside ``workdps(dps)``.
    """
    with mpmath.workdps(dps):
        b, g = mpmath.mpf(beta), mpmath.mpf(gamma)

        def f(x):
            c = int(mpmath.nint(g * x))
            return mpmath.exp(-mpmath.pi * x * x) * mpmath.fsum(
                mpmath.exp(-mpmath.pi * (k - g * x) ** 2 / b ** 2) for k in range(c - 9, c + 10))
        # |x| > 5: e^{-πx²} < 1e-34 relative to the mass, below the 30 digits compared
        pts = sorted(set([mpmath.mpf(-5)] + [mpmath.mpf(k) / g for k in range(int(-5 * g), int(5 * g) + 1)]
                         + [mpmath.mpf(5)]))
        Z = mpmath.quad(f, pts)
        return mpmath.nstr(f(mpmath.mpf(t)) / Z, 30), f, Z, pts


# ------------------------------------------------------------------------------------------------ C1
def test_c1_spec_vector_and_v21():
    # SPEC C1 / V21 (SPEC: both sides computed by quadrature and closed form)
    e = L.damped_cosine("0.123", "0.37", dps=30)
    assert e.matches("0.465684058382708887608609480116") and e.rel_accuracy_digits() >= 30
    assert L.damping_factor("0.37", dps=30).matches("0.650454431959027169244303024495")


def test_c1_exact_route_is_the_closed_form():
    b = sp.Symbol("beta", positive=True)
    assert sp.simplify(L.damping_exact(b, sp.Rational(1, 8)) - sp.exp(-sp.pi * b ** 2) * sp.cos(sp.pi / 4)) == 0
    assert L.damping_exact(sp.Rational(1, 2), 0) == sp.exp(-sp.pi / 4)


def test_c1_quadrature_route_contains_the_closed_form():
    q = L.damped_cosine_quadrature("0.3", "0.8", dps=20)
    assert q.contains(sp.exp(-sp.pi * sp.Rational(16, 25)) * sp.cos(sp.Rational(3, 5) * sp.pi))
    assert q.rel_accuracy_digits() >= 20


@settings(max_examples=20)
@given(st.fractions(0, 2, max_denominator=50), st.fractions(0, 2, max_denominator=50))
def test_c1_damping_is_multiplicative_in_the_variance(b1, b2):
    # independent noises add variances: E cos 2π(e1 + e2) = E cos 2πe1 · E cos 2πe2, i.e.
    # e^{-π b1²} e^{-π b2²} = e^{-π(b1² + b2²)} with β² = b1² + b2² (exact for the D_β convention)
    lhs = L.damping_factor(b1, dps=20).ball * L.damping_factor(b2, dps=20).ball
    rhs = L.damping_factor(sp.sqrt(sp.Rational(b1) ** 2 + sp.Rational(b2) ** 2), dps=20).ball
    assert lhs.overlaps(rhs)


def test_c1_errors():
    with pytest.raises(DomainError, match="beta"):
        L.damping_factor(-1)
    with pytest.raises(DomainError, match="beta > 0"):
        L.damped_cosine_quadrature("0.1", 0)
    with pytest.raises(DomainError, match="half_width"):
        L.damped_cosine_quadrature("0.1", "0.3", dps=30, half_width=3)


# ------------------------------------------------------------------------------------------------ C2
@pytest.mark.parametrize("t,beta,gamma", [("0.123", "0.3", 2), ("0.5", "0.5", 1),
                                          pytest.param("0.25", "1", "3.5", marks=pytest.mark.slow)])
def test_c2_forms_match_the_definition_by_quadrature(t, beta, gamma):
    ref = _pancake_reference(t, beta, gamma)[0]
    for form in pancakes.DENSITY_FORMS:
        e = L.density(t, beta, gamma, dps=25, form=form)
        assert e.matches(ref) and e.rel_accuracy_digits() >= 25


def test_c2_tiny_density_keeps_relative_digits():
    # β = 0.05, γt = ½ (a gap between pancakes): p ≈ e^{-π/(4β²)} relative to the peaks, ~1e-137
    e = L.density(Fraction(1, 2), "0.05", 1, dps=20, form="theta")
    m = L.density(Fraction(1, 2), "0.05", 1, dps=20, form="modular")
    assert e.is_positive() and e.rel_accuracy_digits() >= 20 and e.ball.overlaps(m.ball)
    assert float(e) < 1e-130


def test_c2_integral_is_one_and_normaliser_routes_agree():
    assert L.density_integral("0.5", 2, dps=12).contains(1)
    a, b = L.normaliser("0.3", 1, dps=30), L.normaliser("0.3", 1, dps=30, algorithm="modular")
    assert a.ball.overlaps(b.ball) and min(a.rel_accuracy_digits(), b.rel_accuracy_digits()) >= 30


@settings(max_examples=12)
@given(st.fractions(Fraction(1, 10), 2, max_denominator=20), st.fractions(Fraction(1, 2), 6, max_denominator=10),
       st.fractions(-2, 2, max_denominator=30))
def test_c2_three_forms_agree(beta, gamma, t):
    a = L.density(t, beta, gamma, dps=15)
    assert a.ball.overlaps(L.density(t, beta, gamma, dps=15, form="mixture").ball)
    assert a.ball.overlaps(L.density(t, beta, gamma, dps=15, form="modular").ball)


def test_c2_errors():
    with pytest.raises(DomainError, match="beta must be > 0"):
        L.density(0, 0, 1)
    with pytest.raises(DomainError, match="gamma must be > 0"):
        L.density(0, "0.1", 0)
    with pytest.raises(DomainError, match="form"):
        L.density(0, "0.1", 1, form="fourier")
    with pytest.raises(DomainError, match="beta ≥ 1/5"):
        L.density_integral("0.1", 1)
    with pytest.raises(DomainError, match="real number"):
        L.density("x", "0.1", 1)


# ------------------------------------------------------------------------------------------------ C3
def test_c3_spec_value_and_limit():
    # SPEC C3: β = 0.1, γ = 5 gives 6.071067811865475244 (= 1/(0.1√2) - 1 up to e^{-50π})
    for alg in ("series", "theta"):
        e = L.chi_square("0.1", 5, dps=25, algorithm=alg)
        assert e.matches("6.071067811865475244") and e.rel_accuracy_digits() >= 25
    assert L.chi_square_limit("0.1", dps=30).matches("6.07106781186547524400844362105")


def test_c3_against_quadrature_of_the_definition():
    _, f, Z, pts = _pancake_reference(0, "0.4", "1.5")
    with mpmath.workdps(35):
        ref = mpmath.nstr(mpmath.quad(lambda x: (f(x) / Z) ** 2 / mpmath.exp(-mpmath.pi * x * x), pts) - 1, 30)
    e = L.chi_square("0.4", "1.5", dps=30)
    assert e.matches(ref) and e.rel_accuracy_digits() >= 30


# ------------------------------------------------------------------------------------------------ C4
@pytest.mark.parametrize("gamma,ref", [(1, "1.22e-3"), (2, "2.38e-10"), (3, "1.47e-22")])
def test_c4_spec_decay(gamma, ref):
    for form in ("cosh", "difference", "theta"):
        assert L.pair_correlation("0.1", "0.1", gamma, dps=20, form=form).matches(ref)


def test_c4_at_rho_one_is_chi_square_and_zero_at_zero():
    assert L.pair_correlation(1, "0.3", 1, dps=30).ball.overlaps(L.chi_square("0.3", 1, dps=30).ball)
    assert L.pair_correlation(0, "0.3", 1, dps=30).is_exact_zero()
    assert L.pair_correlation(0, "0.3", 1, dps=30, form="theta").contains(0)


def test_c4_no_underflow_at_large_gamma():
    # γ = 20: χ ~ e^{-2πγ²(1-ρ)} ~ 1e-1091, zero in float64
    e = L.pair_correlation("0.001", "0.1", 20, dps=30)
    assert e.is_positive() and e.rel_accuracy_digits() >= 30 and float(e.ball.log().mid()) < -2500


@settings(max_examples=15)
@given(st.fractions(Fraction(1, 10), 1, max_denominator=10), st.fractions(Fraction(1, 2), 3, max_denominator=4),
       st.fractions(Fraction(1, 100), 1, max_denominator=100))
def test_c4_even_positive_and_forms_agree(beta, gamma, rho):
    a = L.pair_correlation(rho, beta, gamma, dps=15)
    assert a.is_positive()
    assert a.ball.overlaps(L.pair_correlation(-rho, beta, gamma, dps=15).ball)
    assert a.ball.overlaps(L.pair_correlation(rho, beta, gamma, dps=15, form="theta").ball)


def test_c4_large_rho_regime_needs_gamma2_one_minus_rho_large():
    # SPEC C4 says the j = l = 1 term dominates for |ρ| < 1 once 2πγ²|ρ| ≫ 1.  That also needs
    # πγ²(1 - |ρ|) ≫ 1: at β = 0.1, γ = 1, ρ = 0.99 (2πγ²ρ = 6.2, πγ²(1-ρ) = 0.03) the (j, l) ≠ (1, 1)
    # terms are not small and χ is 2.4 times the approximation.
    c = L.pair_correlation("0.99", "0.1", 1, dps=15)
    large = L.pair_correlation_approximations("0.99", "0.1", 1, dps=15)[1]
    assert (c.ball / large.ball) > 2.4 and (c.ball / large.ball) < 2.42
    c = L.pair_correlation("0.9", "0.1", 3, dps=15)                      # πγ²(1-ρ) = 2.8: within 1e-7
    large = L.pair_correlation_approximations("0.9", "0.1", 3, dps=15)[1]
    assert abs(float(c.ball / large.ball) - 1) < 1e-6


def test_c4_errors():
    with pytest.raises(DomainError, match=r"\|rho\| ≤ 1"):
        L.pair_correlation("1.5", "0.1", 1)
    with pytest.raises(DomainError, match="beta"):
        L.pair_correlation("0.5", "-0.1", 1)
    with pytest.raises(DomainError, match="form"):
        L.pair_correlation("0.5", "0.1", 1, form="sum")


# ------------------------------------------------------------------------------------------------ C5
def test_c5_cos_closed_form_spec():
    # SPEC C5: ½[e^{-2π²γ²(2-2ρ)} + e^{-2π²γ²(2+2ρ)}] at γ = 0.3, ρ = 0.5 (sympy closed form)
    g, r = sp.Rational(3, 10), sp.Rational(1, 2)
    exact = (sp.exp(-2 * sp.pi ** 2 * g ** 2 * (2 - 2 * r)) + sp.exp(-2 * sp.pi ** 2 * g ** 2 * (2 + 2 * r))) / 2
    e = L.neuron_correlation(r, "cos", g, dps=30)
    assert e.contains(exact) and e.rel_accuracy_digits() >= 30
    assert L.neuron_correlation(r, "cos", g, dps=25, algorithm="series").contains(exact)


def test_c5_triangle_fourier_coefficients_exact():
    # a_j = 2∫_0^1 dist(t, Z) cos 2πjt dt, by sympy on the two linear halves (independent of the SPEC formula)
    t = sp.Symbol("t")
    for j in range(1, 6):
        a = 2 * (sp.integrate(t * sp.cos(2 * sp.pi * j * t), (t, 0, sp.Rational(1, 2)))
                 + sp.integrate((1 - t) * sp.cos(2 * sp.pi * j * t), (t, sp.Rational(1, 2), 1)))
        expected = -2 / (sp.pi ** 2 * j ** 2) if j % 2 else 0
        assert sp.simplify(a - expected) == 0
        assert neurons.fourier_coefficient("triangle", j).overlaps(hv_enclose(expected))


def test_c5_triangle_mean_two_routes_and_variance():
    a, b = L.neuron_mean("triangle", "0.7", dps=20), neurons.triangle_mean_pieces("0.7", dps=20)
    assert a.ball.overlaps(b.ball) and b.rel_accuracy_digits() >= 20
    v1 = L.neuron_covariance(1, "triangle", "0.3", dps=20)
    # reference: mpmath.quad of dist(0.3u, Z)² φ(u) with breakpoints at the kinks u = k/0.6, minus the mean²
    with mpmath.workdps(30):
        g = mpmath.mpf("0.3")
        T = lambda u: abs(g * u - mpmath.nint(g * u))
        phi = lambda u: mpmath.exp(-u * u / 2) / mpmath.sqrt(2 * mpmath.pi)
        pts = [mpmath.mpf(k) / (2 * g) for k in range(-24, 25)]
        m2 = mpmath.quad(lambda u: T(u) ** 2 * phi(u), [-mpmath.inf] + pts + [mpmath.inf])
        m1 = mpmath.quad(lambda u: T(u) * phi(u), [-mpmath.inf] + pts + [mpmath.inf])
        ref = mpmath.nstr(m2 - m1 ** 2, 20)
    assert v1.is_positive() and v1.matches(ref)
    assert L.neuron_covariance(-1, "triangle", "0.3", dps=20).ball.overlaps(v1.ball)   # φ is even


def test_c5_errors():
    with pytest.raises(DomainError, match="phi"):
        L.neuron_mean("sin", 1)
    with pytest.raises(DomainError, match="gamma_std"):
        L.neuron_covariance("0.1", "cos", 0)
    with pytest.raises(DomainError, match="rho"):
        L.neuron_correlation(2, "cos", 1)


# ------------------------------------------------------------------------------------------------ C6
def test_c6_spec_numbers():
    lo, up, factor = L.sup_error(3, Fraction(1, 100))
    assert lo.matches("4.932e-4") and factor.contains(1)                 # SPEC: 4.932e-4 ≤ 4.935e-4
    assert up.ball.overlaps(L.capping_mse_bound(2, 1).ball) is False
    assert L.capping_mse(2, 1, dps=15).matches("0.003284")                # SPEC C6: s = 1, R = 2
    assert L.capping_mse_bound(2, 1, dps=15).matches("0.011375")


def test_c6_triangle_exact_and_width():
    for R in (1, Fraction(3, 2), 4):
        v = L.prove_triangle_exact(R)
        assert v.status.name == "PROVED" and v.data["width"] == 4 * R + 1
        g = L.capped_network("triangle", R, Fraction(1, 2))
        assert L.kink_count(g) == 4 * R + 1
        assert g(R + 3) == g(R) and g(-R - 3) == g(-R)                      # capped


def test_c6_network_is_a_real_network_equal_to_g():
    g = L.capped_network("cos", 1, Fraction(1, 4))
    assert g.width == 9
    for q in (Fraction(-7, 5), Fraction(1, 3), Fraction(9, 8)):
        assert sp.simplify(g.network({1: sp.Rational(q.numerator, q.denominator)}) + g.offset - g(q)) == 0
    net = L.embed(L.capped_network("triangle", 2, Fraction(1, 2)), {3: 1}, Fraction(1, 2), n=10 ** 6)
    assert net.width == 9 and net({3: sp.Rational(2, 5)}) == sp.Rational(1, 5)    # T(0.2) = 0.2


@settings(max_examples=15)
@given(st.integers(1, 6), st.sampled_from([Fraction(1, 2), Fraction(1, 4), Fraction(1, 3), Fraction(1, 10)]))
def test_c6_interpolant_proof_for_random_grids(R, h):
    assert L.prove_interpolant(R, h).status.name == "PROVED"


def test_c6_capping_mse_below_bound():
    for R, s in ((3, 1), (Fraction(5, 2), 2), (1, Fraction(1, 2))):
        assert L.capping_mse(R, s, dps=12).ball < L.capping_mse_bound(R, s, dps=12).ball


def test_c6_errors():
    with pytest.raises(DomainError, match="h must be > 0"):
        L.capped_network("triangle", 1, 0)
    with pytest.raises(DomainError, match="R must be > 0"):
        L.capped_network("triangle", -1, Fraction(1, 2))
    with pytest.raises(DomainError, match="integer"):
        L.capped_network("triangle", 1, Fraction(3, 7))
    with pytest.raises(ResourceLimit, match="pieces"):
        L.capped_network("triangle", 10 ** 6, Fraction(1, 2))
    with pytest.raises(DomainError, match="phi"):
        L.capped_network("sawtooth", 1, Fraction(1, 2))
    with pytest.raises(DomainError, match="multiple of 1/2"):
        L.prove_triangle_exact(Fraction(1, 3))
    with pytest.raises(DomainError, match="rational"):
        L.capped_network("triangle", sp.sqrt(2), Fraction(1, 2))
