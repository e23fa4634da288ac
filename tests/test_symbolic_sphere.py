"""Exact sphere layer: N(n,k), P_k^(n), exact Funk–Hecke eigenvalues, harmonics, the H6 bridge (SPEC F1–F5, H6).

Independent references: the SPEC §2 tables (F1, F4) and §8 (V9–V11, V20); sympy's own orthogonal
polynomials (``sympy.legendre``, ``chebyshevt``, ``chebyshevu``, ``gegenbauer``), which share no code with
hardverify; brute-force ``sympy.integrate`` of σ P_k against the density ν_n; and math.comb.
Exact results are compared with ``==``.
"""

import math

import mpmath
import pytest
import sympy as sp
from helpers import assert_certified

import hardverify as hv
from hardverify import errors, sphere
from hardverify.numeric import funk_hecke as nfh
from hardverify.symbolic import bridge
from hardverify.symbolic import gegenbauer as G
from hardverify.symbolic import harmonics as H

t = hv.t
n = sp.Symbol("n", integer=True, positive=True)


# ------------------------------------------------------------------------------ F1
F1_TABLE = {5: [1, 5, 14, 30, 55, 91, 140], 10: [1, 10, 54, 210, 660, 1782, 4290],
            100: [1, 100, 5049, 171600, 4416225, 91790820, 1604922825]}          # SPEC F1 table


@pytest.mark.parametrize("dim", sorted(F1_TABLE))
def test_harmonic_dimension_table(dim):
    assert [sphere.harmonic_dimension(dim, k) for k in range(7)] == F1_TABLE[dim]


def test_harmonic_dimension_v9_and_special_cases():
    assert (sphere.harmonic_dimension(3, 4), sphere.harmonic_dimension(4, 3), sphere.harmonic_dimension(10, 3),
            sphere.harmonic_dimension(100, 6)) == (9, 16, 210, 1604922825)               # SPEC V9
    for k in range(1, 30):
        assert sphere.harmonic_dimension(2, k) == 2
        assert sphere.harmonic_dimension(3, k) == 2 * k + 1
        assert sphere.harmonic_dimension(4, k) == (k + 1) ** 2


def test_harmonic_dimension_is_exact_python_int_at_large_n():
    N = sphere.harmonic_dimension(10 ** 6, 100)
    assert type(N) is int
    # math.comb is exact (integer) arithmetic: the F1 difference formula
    assert N == math.comb(10 ** 6 + 99, 100) - math.comb(10 ** 6 + 97, 98)
    N30 = sphere.harmonic_dimension(10 ** 6, 30)
    assert N30 == (2 * 30 + 10 ** 6 - 2) * math.comb(30 + 10 ** 6 - 3, 29) // 30
    assert N30 != int(float(math.comb(10 ** 6 + 29, 30)) - float(math.comb(10 ** 6 + 27, 28)))   # floats are wrong


def test_harmonic_dimension_symbolic():
    N3 = sphere.harmonic_dimension(n, 3)
    assert sp.factor(N3) == n * (n - 1) * (n + 4) / 6
    for dim in (2, 3, 7, 50):
        assert N3.subs(n, dim) == sphere.harmonic_dimension(dim, 3)
    assert sp.expand(sphere.harmonic_dimension(n, 1)) == n


def test_harmonic_dimension_sum_and_generating_function():
    x = sp.Symbol("x")
    for dim in (2, 3, 5, 12):
        ser = sp.series((1 + x) / (1 - x) ** (dim - 1), x, 0, 12).removeO()
        assert [ser.coeff(x, k) for k in range(12)] == [sphere.harmonic_dimension(dim, k) for k in range(12)]
        assert G.harmonic_dimension_sum(dim, 11) == sum(sphere.harmonic_dimension(dim, k) for k in range(12))
    assert sp.expand(G.harmonic_dimension_sum(n, 4) - sum(sphere.harmonic_dimension(n, k) for k in range(5))) == 0


# ------------------------------------------------------------------------------ F2
@pytest.mark.parametrize("k", range(10))
def test_legendre_special_dimensions_against_sympy(k):
    assert sphere.legendre_polynomial(3, k) == sp.expand(sp.legendre(k, t))
    assert sphere.legendre_polynomial(2, k) == sp.expand(sp.chebyshevt(k, t))
    assert sphere.legendre_polynomial(4, k) == sp.expand(sp.chebyshevu(k, t) / (k + 1))


@pytest.mark.parametrize("dim", [5, 7, 12, 101])
def test_legendre_against_sympy_gegenbauer(dim):
    lam = sp.Rational(dim - 2, 2)
    for k in range(9):
        ref = sp.gegenbauer(k, lam, t)
        assert sphere.legendre_polynomial(dim, k) == sp.expand(ref / ref.subs(t, 1))
        assert sp.expand(G.gegenbauer_c(k, lam) - ref) == 0


def test_legendre_recurrence_rodrigues_zero_symbolic():
    for k in range(6):
        P = sphere.legendre_polynomial(n, k)
        assert sp.cancel(P - G.legendre_recurrence(n, k)[k]) == 0
        assert sp.cancel(P - G.legendre_rodrigues(n, k)) == 0 if k <= 4 else True
        assert sp.cancel(P.subs(t, 0) - G.legendre_at_zero(n, k)) == 0
        assert sp.cancel(P.subs(t, 1) - 1) == 0
    assert G.legendre_at_zero(n, 2) == -1 / (n - 1)                                    # SPEC F2.5


def test_legendre_moments_v11_and_orthogonality():
    assert G.legendre_moment(3, 4, 4) == sp.Rational(8, 315)                           # SPEC V11
    for dim in (3, 5, 9):                                  # odd n: polynomial weight, fast sympy integrals
        w = G.marginal_density(dim, t)
        for k in range(5):
            for j in range(7):
                direct = sp.integrate(sp.expand(t ** j * sphere.legendre_polynomial(dim, k)) * w, (t, -1, 1))
                assert sp.simplify(direct - G.legendre_moment(dim, k, j)) == 0
    Ps = [sp.Poly(sphere.legendre_polynomial(7, k), t) for k in range(6)]
    moms = [hv.symbolic.moments.sphere_moment(7, (j,)) for j in range(11)]
    for a in range(6):
        for b in range(6):
            val = sum(c * moms[i] for i, c in enumerate((Ps[a] * Ps[b]).all_coeffs()[::-1]))
            assert val == (sp.Rational(1, sphere.harmonic_dimension(7, a)) if a == b else 0)


def test_surface_constant_f3():
    # SPEC F3: the surface-measure eigenvalue is |S^{n-2}| ∫ F P_k (1-t²)^{(n-3)/2} dt, i.e. |S^{n-1}| c_n = |S^{n-2}|
    for dim in range(3, 12):
        assert sp.simplify(G.sphere_area(dim) * G.marginal_constant(dim) - G.sphere_area(dim - 1)) == 0
    lower = 2 * sp.pi ** ((n - 1) / 2) / sp.gamma((n - 1) / 2)                      # |S^{n-2}|
    assert sp.simplify(sp.gammasimp(G.sphere_area(n) * G.marginal_constant(n) / lower) - 1) == 0


def test_exact_results_have_no_floats():
    vals = [sphere.legendre_polynomial(5, 6), sphere.funk_hecke("relu", 4, 6), sphere.funk_hecke("relu", n, 4),
            sphere.harmonic_dimension(n, 5), G.legendre_moment(n, 2, 4)]
    assert not any(sp.sympify(v).has(sp.Float) for v in vals)


# ------------------------------------------------------------------------------ F4
F4_TABLE = {   # SPEC §2 F4 value table (normalised measure)
    (3, "relu"): ["1/4", "1/6", "1/16", "0", "-1/96", "0", "1/256", "0", "-1/512"],
    (3, "step"): ["1/2", "1/4", "0", "-1/16", "0", "1/32", "0", "-5/256", "0"],
    (4, "relu"): ["2/(3*pi)", "1/8", "2/(15*pi)", "0", "-2/(105*pi)", "0", "2/(315*pi)", "0", "-2/(693*pi)"],
    (4, "step"): ["1/2", "2/(3*pi)", "0", "-2/(15*pi)", "0", "2/(35*pi)", "0", "-2/(63*pi)", "0"],
}


@pytest.mark.parametrize("key", list(F4_TABLE))
def test_funk_hecke_f4_table(key):
    dim, act = key
    assert sphere.funk_hecke_eigenvalues(act, dim, 8) == [sp.sympify(v) for v in F4_TABLE[key]]


def test_funk_hecke_v10_references():
    assert sphere.funk_hecke("relu", 3, 2) == sp.Rational(1, 16)                       # V10
    assert sphere.funk_hecke("relu", 3, 4) == sp.Rational(-1, 96)
    assert sphere.funk_hecke("relu", 4, 2) == 2 / (15 * sp.pi)                         # V10b
    assert sphere.funk_hecke("step", 3, 3) == sp.Rational(-1, 16)                      # V10c
    assert sphere.funk_hecke("relu", 7, 6) == sp.Rational(1, 2048)                     # V10d
    # Ramamoorthi–Hanrahan: 4π × the n = 3 ReLU values (surface measure)
    assert [sphere.funk_hecke("relu", 3, k, measure="surface") for k in (0, 1, 2, 4)] == \
        [sp.pi, 2 * sp.pi / 3, sp.pi / 4, -sp.pi / 24]


def f4_relu(dim, l):
    dim = sp.sympify(dim)
    if l == 0:
        return sp.gamma(dim / 2) / (2 * sp.sqrt(sp.pi) * sp.gamma((dim + 1) / 2))
    if l == 1:
        return 1 / (2 * dim)
    if l % 2:
        return sp.Integer(0)
    q = (l - 2) // 2
    return (-1) ** q * sp.factorial(2 * q) * sp.gamma(dim / 2) / (
        sp.sqrt(sp.pi) * 2 ** (2 * q + 2) * sp.factorial(q) * sp.gamma(q + (dim + 3) / 2))


@pytest.mark.parametrize("dim", [2, 3, 4, 5, 8, 33, 1000])
def test_funk_hecke_relu_closed_form_each_n(dim):
    mus = sphere.funk_hecke_eigenvalues("relu", dim, 24)
    assert all(sp.simplify(m - f4_relu(dim, l)) == 0 for l, m in enumerate(mus))
    assert all(mus[l] == 0 for l in range(3, 25, 2))                # exactly 0, not just simplify-equal


def test_funk_hecke_relu_symbolic_n():
    mus = sphere.funk_hecke_eigenvalues("relu", n, 12)
    for l, m in enumerate(mus):
        assert sp.cancel(sp.expand_func(m - f4_relu(n, l))) == 0
    assert sphere.funk_hecke("relu", n, 1) == 1 / (2 * n)


def brute(expr, dim, k):
    """μ_k by sympy integration of σ P_k against c_n (1-t²)^{(n-3)/2} (an independent route)."""
    w = G.marginal_density(dim, t)
    return sp.integrate(sp.piecewise_fold(expr * sphere.legendre_polynomial(dim, k) * w), (t, -1, 1))


@pytest.mark.parametrize("expr", [sp.Max(0, t - sp.Rational(1, 2)),
                                  sp.Piecewise((t ** 2, t < sp.Rational(-1, 3)), (1 - t, True)),
                                  sp.Abs(t + sp.Rational(1, 4)) * t])
@pytest.mark.parametrize("dim", [3, 5, pytest.param(4, marks=pytest.mark.slow)])
def test_funk_hecke_kinks_anywhere_against_integration(expr, dim):
    mus = sphere.funk_hecke_eigenvalues(hv.activation(expr), dim, 4)
    for k, m in enumerate(mus):
        assert sp.simplify(m - brute(expr, dim, k)) == 0


def test_funk_hecke_irrational_kink_and_symbolic_n_with_kink():
    a = hv.activation(sp.Max(0, t - sp.sqrt(2) / 2))
    assert sp.simplify(sphere.funk_hecke(a, 3, 3) - brute(a.expr, 3, 3)) == 0
    b = hv.activation(sp.Max(0, t - sp.Rational(1, 2)))
    sym = sphere.funk_hecke_eigenvalues(b, n, 3)
    for dim in (3, 4, 6):
        ints = sphere.funk_hecke_eigenvalues(b, dim, 3)
        for s, e in zip(sym, ints):
            assert abs(sp.N(s.subs(n, dim), 30) - sp.N(e, 30)) < 1e-28


def test_funk_hecke_kink_at_or_beyond_the_ends():
    assert sphere.funk_hecke(hv.activation("relu").affine(1, -1), 5, 2) == 0          # ReLU(t-1) = 0 on [-1,1]
    assert sphere.funk_hecke(hv.activation("relu").affine(1, 3), 5, 1) == sphere.funk_hecke("identity", 5, 1)


def test_large_exact_n():
    from flint import arb, ctx
    mu = sphere.funk_hecke("relu", 10 ** 6, 6)                     # an exact rational/π with ~10⁶ bits
    assert mu.is_Mul and mu.has(sp.pi)
    # the F4 closed form, evaluated independently with flint's log-gamma: 3!·... q = 2
    with ctx.workprec(300):
        x = arb(10 ** 6)
        f4 = arb(24) * ((x / 2).lgamma() - (x / 2 + arb(7) / 2).lgamma()).exp() / (arb.pi().sqrt() * 64 * 2)
    e = hv.enclose(mu, 80)
    assert_certified(e, f4, 80)


# ------------------------------------------------------------------------------ harmonics (F1, F3)
def test_harmonic_projection_reconstructs_on_the_sphere():
    xs = sp.symbols("x1:4")
    f = xs[0] ** 3 + 2 * xs[0] * xs[1] - xs[2] + 1
    parts = [H.harmonic_projection(f, k, xs) for k in range(4)]
    assert all(H.laplacian(p, xs) == 0 for p in parts)
    diff = f - sum(parts)
    assert H.sphere_expectation(sp.expand(diff ** 2), xs) == 0                       # f = Σ_k Y_k on S²


def test_addition_theorem_and_rank():
    for dim, k in [(3, 3), (4, 2)]:
        xs, basis, _ = H.harmonic_basis(dim, k)
        assert len(basis) == sphere.harmonic_dimension(dim, k)
        a, b = sp.symbols(f"a1:{dim + 1}"), sp.symbols(f"b1:{dim + 1}")
        K = H.addition_kernel(dim, k, a, b)
        Z = H.zonal_harmonic(dim, k, [1] + [0] * (dim - 1), a)
        assert sp.expand(K.subs({bb: (1 if i == 0 else 0) for i, bb in enumerate(b)}) - Z) == 0


def test_funk_hecke_slice_identity_any_n():
    xs = sp.symbols("x1:4")
    Y = H.harmonic_projection(xs[0] ** 2 * xs[2] - xs[1] ** 3, 3, xs)
    y1 = Y.subs({xs[0]: 1, xs[1]: 0, xs[2]: 0})
    for dim in (3, 5, 1000):
        assert H.slice_average(Y, xs, dim, t) == sp.expand(y1 * sphere.legendre_polynomial(dim, 3))


def test_v20_sphere_moment():
    assert hv.symbolic.moments.sphere_moment(6, (2, 2, 2)) == sp.Rational(1, 480)     # SPEC V20


# ------------------------------------------------------------------------------ H6, F5
@pytest.mark.parametrize("act", ["relu", "step", "abs"])
def test_gaussian_limit_is_hermite_coefficient(act):
    for k in range(7):
        assert sp.simplify(sphere.gaussian_limit(act, k) - hv.hermite_coefficient(act, k)) == 0


def test_legendre_gaussian_limit():
    x = sp.Symbol("x")
    for k in range(7):
        assert bridge.legendre_gaussian_limit(k, x) == sp.expand(sp.hermite_prob(k, x) / sp.sqrt(sp.factorial(k)))


def test_random_feature_kernel_relu():
    rho = sp.Symbol("rho", real=True)
    k = sphere.random_feature_kernel("relu", n, rho)
    ref = (sp.sqrt(1 - rho ** 2) + (sp.pi - sp.acos(rho)) * rho) / (2 * sp.pi * n)      # SPEC F5
    assert sp.simplify((k - ref).rewrite(sp.asin)) == 0
    assert sphere.random_feature_eigenvalue("relu", 3, 2) == sp.Rational(1, 256)


def test_homogeneity_degree():
    assert [hv.activation(a).homogeneity for a in ("relu", "step", "sign", "abs", "identity")] == [1, 0, 0, 1, 1]
    assert hv.activation(sp.Max(0, t) ** 3).homogeneity == 3
    assert hv.activation("sigmoid").homogeneity is None
    assert hv.activation(t + t ** 2).homogeneity is None


# ------------------------------------------------------------------------------ bad input
@pytest.mark.parametrize("bad", [1, 0, -3, 2.0, True, "3", sp.Symbol("m"), sp.Symbol("m", real=True)])
def test_bad_dimension(bad):
    with pytest.raises(errors.DomainError, match="dimension|symbolic"):
        sphere.funk_hecke("relu", bad, 2)
    with pytest.raises(errors.DomainError):
        sphere.harmonic_dimension(bad, 2)


@pytest.mark.parametrize("bad", [-1, 1.5, None, "2"])
def test_bad_degree(bad):
    with pytest.raises(errors.DomainError, match="degree"):
        sphere.funk_hecke("relu", 3, bad)
    with pytest.raises(errors.DomainError, match="degree"):
        sphere.legendre_polynomial(3, bad)


def test_no_closed_form_points_to_dps():
    with pytest.raises(errors.NoClosedForm, match="dps="):
        sphere.funk_hecke("sigmoid", 5, 1)
    with pytest.raises(errors.NoClosedForm, match="dps="):
        sphere.funk_hecke("erf", 5, 1)


def test_bad_options():
    with pytest.raises(errors.DomainError, match="measure"):
        sphere.funk_hecke("relu", 3, 1, measure="uniform")
    with pytest.raises(errors.DomainError, match="algorithm"):
        sphere.funk_hecke("relu", 3, 1, algorithm="magic")
    with pytest.raises(errors.DomainError, match="dps="):
        sphere.funk_hecke("relu", 3, 1, algorithm="quadrature")
    with pytest.raises(errors.DomainError, match="Symbol"):
        sphere.funk_hecke("relu", n, 1, dps=10)
    with pytest.raises(errors.DomainError, match="homogeneous"):
        sphere.gaussian_limit("sigmoid", 2)
    with pytest.raises(errors.DomainError, match="unknown activation"):
        sphere.funk_hecke("swish", 3, 1)


# -- (moved from test_review_sphere.py)
def test_legendre_point_is_read_as_printed_and_never_evaluated():
    # regression: the exact path ran sympy.nsimplify on the user's float or string, which (a) guessed a
    # closed form, 0.7071067811865476 -> √2/2, returning P_2(√2/2) = 1/4 exactly although
    # P_2(0.7071067811865476) = (3·0.7071067811865476² - 1)/2 ≠ 1/4, and (b) evaluated strings as Python.
    x = sp.Rational("0.7071067811865476")
    exact = sphere.legendre_polynomial(3, 2, 0.7071067811865476)
    assert exact == (3 * x ** 2 - 1) / 2 and exact != sp.Rational(1, 4)
    assert sphere.legendre_polynomial(3, 2, "0.7071067811865476") == exact
    with pytest.raises(errors.DomainError):
        sphere.legendre_polynomial(3, 2, "__import__('os').getcwd() and 0")
    # the exact and certified paths read a float the same way (the decimal it prints, as everywhere)
    for v in (0.1, "0.1", "1/3", -0.71):
        e = sphere.legendre_polynomial(7, 5, v)
        assert_certified(sphere.legendre_polynomial(7, 5, v, dps=30), e, 30, what=v)
    assert sphere.legendre_polynomial(3, 2, sp.sqrt(2) / 2) == sp.Rational(1, 4)     # exact sympy input kept


def test_exact_algorithm_never_falls_through_to_another_route(monkeypatch):
    # regression: algorithm="exact" with dps= silently ran the quadrature route when the closed form was
    # refused (a kink a ≠ 0 at n > 2000), so a user asking for the exact route got a different one
    def forbidden(*args, **kwargs):
        raise AssertionError("algorithm='exact' must not run the quadrature route")
    monkeypatch.setattr(nfh, "funk_hecke_eigenvalues", forbidden)
    act = hv.activation(sp.Max(0, t - sp.Rational(1, 3)))
    with pytest.raises(errors.NoClosedForm, match="n ≤ 2000"):
        sphere.funk_hecke_eigenvalues(act, 3000, 2, dps=20, algorithm="exact")
    with pytest.raises(errors.NoClosedForm, match="n ≤ 2000"):
        sphere.funk_hecke(act, 3000, 2, dps=20, algorithm="exact")
    with pytest.raises(errors.NoClosedForm, match="not a polynomial"):
        sphere.funk_hecke_eigenvalues("sigmoid", 30, 2, dps=20, algorithm="exact")
    assert_certified(sphere.funk_hecke(act, 50, 2, dps=20, algorithm="exact"), sphere.funk_hecke(act, 50, 2), 20)


PIECEWISE = [  # (n, pieces (lo, hi, polynomial) covering [-1, 1])
    (3, [(-1, sp.Rational(-1, 3), -3 * t ** 2 - t - 3), (sp.Rational(-1, 3), 0, sp.Integer(-3)), (0, 1, 1 - 3 * t)]),
    (5, [(-1, sp.Rational(7, 8), 2 * t), (sp.Rational(7, 8), 1, t ** 2 - 1)]),
    (2, [(-1, sp.Rational(1, 2), sp.Integer(0)), (sp.Rational(1, 2), 1, t ** 2)]),
]


@pytest.mark.parametrize("n,pieces", PIECEWISE)
def test_exact_route_against_sympy_integration(n, pieces):
    args = [(p, t < hi) for lo, hi, p in pieces[:-1]] + [(pieces[-1][2], True)]
    act = hv.activation(sp.Piecewise(*args))
    mus = sphere.funk_hecke_eigenvalues(act, n, 4)
    cn = sp.gamma(sp.Rational(n, 2)) / (sp.sqrt(sp.pi) * sp.gamma(sp.Rational(n - 1, 2)))
    for k in range(5):
        P = sp.gegenbauer(k, sp.Rational(n - 2, 2), t) if n > 2 else sp.chebyshevt(k, t)
        P = sp.expand(P / P.subs(t, 1))
        w = (1 - t ** 2) ** sp.Rational(n - 3, 2)
        ref = cn * sum(sp.integrate(sp.expand(p * P) * w, (t, lo, hi)) for lo, hi, p in pieces)
        assert sp.simplify(mus[k] - ref) == 0, (n, k, mus[k], ref)


def test_symbolic_n_with_a_kink_at_one_half():
    # the hypergeometric form (symbolic n) agrees with the integer-n derivation at n = 3, 4, 8
    n = sp.Symbol("n", integer=True, positive=True)
    act = hv.activation(sp.Piecewise((0, t < sp.Rational(1, 2)), ((t - sp.Rational(1, 2)) ** 2, True)))
    mus = sphere.funk_hecke_eigenvalues(act, n, 3)
    for k in range(4):
        for m in (3, 4, 8):
            with mpmath.workdps(60):
                d = sp.N(mus[k].subs(n, m) - sphere.funk_hecke(act, m, k), 50)
            assert abs(d) < 1e-45


@pytest.mark.parametrize("expr,k", [(sp.Max(0, t) ** 2, 5), (sp.Max(0, t) ** 3 - 2 * sp.Min(0, t) ** 3, 4)])
def test_gaussian_limit_higher_homogeneity(expr, k):
    # H6 with p = 2, 3 (not in the proof run): exact limit = exact Hermite coefficient
    act = hv.activation(expr)
    assert sp.simplify(sphere.gaussian_limit(act, k) - hv.hermite_coefficient(act, k)) == 0
