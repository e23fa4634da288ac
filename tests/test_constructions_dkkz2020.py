"""DKKZ 2020 (SPEC §6): the planar network F_k (D1) and the correlation-decay lemma (D2)."""

import mpmath
import pytest
import sympy as sp
from helpers import assert_certified

import hardverify as hv
from hardverify.constructions import dkkz2020 as D
from hardverify.constructions.goel2020 import GGJKK
from hardverify.distributions import Gaussian
from hardverify.errors import DomainError
from hardverify.networks import inner_product, monte_carlo_inner


@pytest.mark.parametrize("k", [3, 5, 7])
def test_odd_k_vanishes_identically(k):
    F = D.planar_network(k)
    assert F.is_identically_zero()
    x = [sp.Rational(3, 7), sp.Rational(-5, 4)]                  # soundness at a point (numerically exact to 1e-30)
    assert abs(sp.N(F(x), 40)) < 1e-30


def test_even_k_first_hermite_degree_is_k():
    prof = D.hermite_degree_profile(4, 4)
    assert all(c == 0 for ell in range(4) for c in prof[ell])
    assert any(c != 0 for c in prof[4])


@pytest.mark.parametrize("k", [2, 4, 6])
def test_monomial_correlation_formula(k):
    # SPEC D1: E[F_k Re(x1 + i x2)^k] = (2k(-1)^{k/2+1}/(π(k²-1))) 2^{(k+1)/2} Γ((k+3)/2); = 2√(2/π) at k = 2
    assert sp.simplify(D.monomial_correlation(k) - D.monomial_correlation_formula(k)) == 0
    if k == 2:
        assert sp.simplify(D.monomial_correlation(2) - 2 * sp.sqrt(2 / sp.pi)) == 0


def test_norms_f2_and_f4():
    assert D.norm2(2) == 2 - 4 / sp.pi
    assert sp.simplify(D.norm2(4) - D.F4_NORM2) == 0
    # reference: hand derivation from the arc-cosine kernel (see the module docstring); value by mpmath
    assert_certified(hv.enclose(D.F4_NORM2, 20), "0.116786700095710996", 20)
    F = D.planar_network(4)
    mc = monte_carlo_inner(F, F, Gaussian(2), samples=200_000, seed=3)    # evidence
    assert mc.consistent_with(float(sp.N(D.F4_NORM2, 20)))


def test_f2_is_the_rotated_ggjkk_network():
    M = sp.Matrix([[1, 1], [1, -1]]) / sp.sqrt(2)
    assert (GGJKK(2, "relu").template - D.planar_network(2).precompose(M, 2)).is_identically_zero()


@pytest.mark.parametrize("A, mc", [(sp.diag(sp.Rational(3, 5), sp.Rational(3, 10)), 0.00261),
                                   (sp.diag(sp.Rational(4, 5), sp.Rational(4, 5)), 0.03145)])
def test_decay_lemma_at_the_spec_points(A, mc):
    # SPEC D2 Monte Carlo values (3-4 digits) as an independent reference
    val = D.decay_correlation(4, A, dps=20)
    bound = hv.enclose(D.decay_bound(4, A), 20)
    assert abs(float(val) - mc) < 5e-5
    assert val.ball.abs_upper() < bound.ball


def test_decay_lemma_with_a_too_large_exponent_fails():
    A = sp.diag(sp.Rational(3, 10), sp.Rational(3, 10))
    val = D.decay_correlation(4, A, dps=20)
    assert val.ball > hv.enclose(D.decay_bound(4, A, m=5), 20).ball


def test_embedding_gives_orthonormal_columns():
    A = sp.Matrix([[sp.Rational(1, 2), sp.Rational(1, 5)], [sp.Rational(-1, 3), sp.Rational(2, 5)]])
    U, V = D.embedding(A)
    assert sp.simplify(V.T * V - sp.eye(2)) == sp.zeros(2) and U.T * V == A


def test_decay_correlation_against_monte_carlo():
    A = sp.Matrix([[sp.Rational(1, 2), sp.Rational(1, 5)], [sp.Rational(-1, 3), sp.Rational(2, 5)]])
    U, V = D.embedding(A)
    F = D.planar_network(2)
    f, g = F.precompose(U.T, 4), F.precompose(V.T, 4)
    exact = inner_product(f, g, Gaussian(4))
    mc = monte_carlo_inner(f, g, Gaussian(4), samples=200_000, seed=9)
    assert mc.consistent_with(float(sp.N(exact, 20)))


@pytest.mark.parametrize("make, message", [
    (lambda: D.embedding(sp.diag(2, 0)), "operator norm"),
    (lambda: D.embedding(sp.eye(3)), "2 × 2"),
    (lambda: D.monomial_correlation_formula(3), "even k"),
    (lambda: D.planar_network(0), "integer >= 1"),
])
def test_bad_input(make, message):
    with pytest.raises(DomainError, match=message):
        make()


# -- (moved from test_review_networks.py)
def test_dkkz_norm_and_d2_values_against_arccos_sums():
    # F_4 = Σ_{i<4} (-1)^i |⟨u_i, x⟩|, so E[F_4(U^T x) F_4(V^T x)] = Σ_{ij} (-1)^{i+j} κ(u_i^T A u_j) with
    # κ(ρ) = (2/π)(√(1-ρ²) + ρ asin ρ) (E|U||V|); summed in mpmath.  The SPEC D2 Monte Carlo figures
    # 0.00261 and 0.03145 are within their sampling error of the values 0.0025950..., 0.0314263....
    with mpmath.workdps(30):
        u = [mpmath.matrix([mpmath.cos(mpmath.pi * i / 4), mpmath.sin(mpmath.pi * i / 4)]) for i in range(4)]
        kap = lambda r: 2 / mpmath.pi * (mpmath.sqrt(1 - r * r) + r * mpmath.asin(r))                 # noqa: E731

        def corr(a, b):
            A = mpmath.matrix([[a, 0], [0, b]])
            return mpmath.fsum((-1) ** (i + j) * kap(mpmath.re((u[i].T * A * u[j])[0])) for i in range(4) for j in range(4))
        assert abs(sp.N(D.F4_NORM2, 30) - sp.Float(mpmath.nstr(mpmath.re(corr(1, 1)), 28), 30)) < 1e-25
        assert abs(mpmath.re(corr(1, 1)) - mpmath.mpf("0.1167867")) < 1e-7           # the docstring value
        for a, b, digits in [("0.6", "0.3", "0.0025950443522290026393"), ("0.8", "0.8", "0.031426394640481285326")]:
            ref = corr(mpmath.mpf(a), mpmath.mpf(b))
            assert abs(mpmath.re(ref) - mpmath.mpf(digits)) < mpmath.mpf("1e-21")
            A = ((sp.Rational(a), 0), (0, sp.Rational(b)))
            assert_certified(D.decay_correlation(4, A, dps=20), digits, 20)
