"""Property tests (hypothesis) for the sphere layer: identities that must hold for every n, k, σ (SPEC F1–F5).

Each property is an identity with an independent derivation: the branching rule for N(n,k), the
recurrence F2.1 against the explicit sum, parity of P_k, Bessel's inequality for eigenvalues, the
reflection μ_k(σ(-t)) = (-1)^k μ_k(σ), linearity, and exact vs certified layers on random piecewise-linear
activations (tests/strategies.py).
"""

import sympy as sp
from flint import arb, ctx, fmpq
from helpers import assert_certified, assert_encloses
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import piecewise_linear, small_rationals
from strategies_sphere import degrees, dimensions, quad_dimensions

import hardverify as hv
from hardverify import sphere
from hardverify.numeric.gegenbauer import laplace_bounds
from hardverify.symbolic import gegenbauer as G
from hardverify.symbolic.funk_hecke import eigen_forms

t = hv.t


@given(dimensions.filter(lambda n: n >= 3), degrees)
def test_branching_rule(n, k):
    # H_k^n restricted to S^{n-2} splits into H_j^{n-1}, j ≤ k:  N(n,k) = Σ_{j≤k} N(n-1,j) = Σ_{ℓ≤k} N(n-1, ℓ)
    assert sphere.harmonic_dimension(n, k) == G.harmonic_dimension_sum(n - 1, k)


@given(dimensions, degrees)
def test_partial_sums(n, k):
    assert G.harmonic_dimension_sum(n, k) == sum(sphere.harmonic_dimension(n, j) for j in range(k + 1))


@given(st.integers(min_value=2, max_value=400), degrees)
def test_explicit_equals_recurrence_and_parity(n, k):
    P = sphere.legendre_polynomial(n, k)
    assert P == G.legendre_recurrence(n, k)[k]
    assert P.subs(t, 1) == 1
    assert sp.expand(P.subs(t, -t) - (-1) ** k * P) == 0


@given(st.integers(min_value=2, max_value=60), st.integers(min_value=0, max_value=8),
       st.integers(min_value=0, max_value=8))
def test_orthogonality_from_moments(n, a, b):
    mom = [hv.symbolic.moments.sphere_moment(n, (j,)) for j in range(a + b + 1)]
    prod = sp.Poly(sphere.legendre_polynomial(n, a) * sphere.legendre_polynomial(n, b), t)
    val = sum(c * mom[i] for (i,), c in prod.terms())
    assert val == (sp.Rational(1, sphere.harmonic_dimension(n, a)) if a == b else 0)


@given(st.integers(min_value=3, max_value=10 ** 5), st.fractions(min_value=0, max_value=1, max_denominator=64),
       st.integers(min_value=0, max_value=30))
def test_laplace_bound_dominates(n, x, k):
    b = laplace_bounds(n, fmpq(x.numerator, x.denominator), k)[k]
    for s in (x, -x, x / 2):
        v = abs(G.legendre_values(n, k, sp.Rational(s.numerator, s.denominator))[k])
        with ctx.workprec(200):
            assert b >= arb(fmpq(int(v.p), int(v.q)))


@settings(max_examples=25)
@given(piecewise_linear(), st.sampled_from([2, 3, 4, 7, 50]))
def test_bessel_inequality(act, n):
    # Σ_{ℓ≤L} μ_ℓ² N(n,ℓ) ≤ E_ν[σ²] = μ_0(σ²) (orthogonality F2.3; Parseval gives equality as L → ∞)
    mus = sphere.funk_hecke_eigenvalues(act, n, 8)
    total = sphere.funk_hecke(hv.activation(act.expr ** 2), n, 0)
    partial = sum(m ** 2 * sphere.harmonic_dimension(n, l) for l, m in enumerate(mus))
    assert hv.enclose(total - partial, 20).ball >= 0


@settings(max_examples=25)
@given(piecewise_linear(), st.sampled_from([2, 3, 6, 11]), st.integers(min_value=0, max_value=6))
def test_reflection(act, n, k):
    # P_k(-t) = (-1)^k P_k(t) and ν_n is even: μ_k(σ(-·)) = (-1)^k μ_k(σ)
    mirrored = hv.activation(act.expr.subs(t, -t))
    assert sp.simplify(sphere.funk_hecke(mirrored, n, k) - (-1) ** k * sphere.funk_hecke(act, n, k)) == 0


@settings(max_examples=20)
@given(piecewise_linear(max_kinks=2), piecewise_linear(max_kinks=2), small_rationals, st.sampled_from([3, 4, 9]))
def test_linearity(a, b, c, n):
    lhs = sphere.funk_hecke_eigenvalues(hv.activation(a.expr + c * b.expr), n, 5)
    rhs = [x + c * y for x, y in zip(sphere.funk_hecke_eigenvalues(a, n, 5), sphere.funk_hecke_eigenvalues(b, n, 5))]
    assert all(sp.simplify(x - y) == 0 for x, y in zip(lhs, rhs))


@settings(max_examples=20)
@given(piecewise_linear(max_kinks=2), quad_dimensions)
def test_exact_inside_certified(act, n):
    quad = sphere.funk_hecke_eigenvalues(act, n, 5, dps=20, algorithm="quadrature")
    with ctx.workprec(300):
        for q, f in zip(quad, eigen_forms(act, n, 5)):
            if f.is_zero():
                assert_encloses(q, f.to_arb())
            else:                               # 20 digits, or the certified bound |μ_k| ≤ 10^-20
                assert_certified(q, f.to_arb(), 20, bound_scale=1)
