"""Property tests (hypothesis) for the Hermite layer: identities that must hold for every input."""

import sympy as sp
from flint import arb, ctx, fmpq
from helpers import assert_certified
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import degrees, piecewise_linear, polynomials, small_rationals

import hardverify as hv
from hardverify.symbolic.gaussian import he_values

t = hv.t


@given(piecewise_linear(), st.integers(min_value=4, max_value=16))
def test_parseval_partial_sums_are_bounded_by_the_norm(act, M):
    # Bessel/Parseval: Σ_{m≤M} c_m² ≤ E[σ(g)²], exactly (E[σ²] from the exact layer on σ²)
    cs = hv.hermite_coefficients(act, M)
    norm2 = hv.gaussian_expectation(hv.Activation(act.expr ** 2))
    gap = hv.enclose(norm2 - sum(c ** 2 for c in cs), 30)
    assert not gap.is_negative()


@given(piecewise_linear(max_kinks=2), piecewise_linear(max_kinks=2), small_rationals, degrees)
def test_linearity(a1, a2, lam, m):
    combo = hv.activation(a1.expr + lam * a2.expr)
    lhs = hv.hermite_coefficient(combo, m)
    rhs = hv.hermite_coefficient(a1, m) + lam * hv.hermite_coefficient(a2, m)
    assert sp.simplify(lhs - rhs) == 0


@given(piecewise_linear(), st.integers(min_value=1, max_value=20))
def test_stein_identity_exact(act, m):
    # For continuous σ: E[σ He_m] = E[σ' He_{m-1}], i.e. √(m!) c_m(σ) = √((m-1)!) c_{m-1}(σ')
    deriv = hv.activation(sp.diff(act.expr, t))
    lhs = hv.hermite_coefficient(act, m) * sp.sqrt(sp.factorial(m))
    rhs = hv.hermite_coefficient(deriv, m - 1) * sp.sqrt(sp.factorial(m - 1))
    assert sp.simplify(lhs - rhs) == 0


@given(polynomials())
def test_polynomials_have_finite_expansions_that_reconstruct_them(act):
    deg = sp.Poly(act.expr, t).degree() if act.expr.has(t) else 0
    cs = hv.hermite_coefficients(act, deg + 2, normalization="probabilists")
    assert cs[deg + 1] == 0 and cs[deg + 2] == 0
    x = sp.Symbol("x")
    from hardverify.symbolic.gaussian import hermite_he
    rebuilt = sum(c * hermite_he(m, x) for m, c in enumerate(cs))
    assert sp.expand(rebuilt - act.expr.subs(t, x)) == 0


@given(st.integers(min_value=0, max_value=60), small_rationals)
def test_hermite_recurrence_values(n, x):
    # He_{k+1} = x He_k - k He_{k-1} (SPEC §0.1), computed in fmpq and in sympy: same numbers
    q = fmpq(int(x.p), int(x.q))
    a, b = he_values(q, n), he_values(x, n)
    assert [sp.Rational(int(v.p), int(v.q)) for v in a] == b
    for k in range(1, n):
        assert b[k + 1] == x * b[k] - k * b[k - 1]


@given(piecewise_linear(max_kinks=2), st.integers(min_value=0, max_value=12))
def test_parity_prediction_is_never_wrong(act, m):
    if act.parity.vanishes(m):
        assert hv.hermite_coefficient(act, m) == 0


@settings(max_examples=15)
@given(st.sampled_from(["relu", "sign", "erf", "abs", "step"]), st.sampled_from(["relu", "sign", "erf", "abs"]))
def test_dual_kernel_symmetry_and_value_at_one(s, tau):
    rho = sp.Symbol("rho")
    k1 = hv.dual_kernel(s, tau, rho=rho)
    k2 = hv.dual_kernel(tau, s, rho=rho)
    assert sp.simplify(k1 - k2) == 0
    # K(1) = E[σ(g) τ(g)], the product integrated independently by certified quadrature
    prod = hv.activation(hv.activation(s).expr * hv.activation(tau).expr)
    assert_certified(hv.gaussian_expectation(prod, dps=20, algorithm="quadrature"), k1.subs(rho, 1), 20)


@given(st.fractions(min_value=-10, max_value=10, max_denominator=1000),
       st.fractions(min_value=-10, max_value=10, max_denominator=1000))
def test_enclosure_arithmetic_contains_exact_results(a, b):
    with ctx.workprec(60):
        ea = hv.Enclosure(arb(fmpq(a.numerator, a.denominator)), 15)
        eb = hv.Enclosure(arb(fmpq(b.numerator, b.denominator)), 15)
    assert (ea + eb).contains(a + b) and (ea - eb).contains(a - b) and (ea * eb).contains(a * b)
    if b != 0:
        assert (ea / eb).contains(a / b)
