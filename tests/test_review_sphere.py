"""Independent review of the sphere layer: adversarial cases against independent references.

References (none shares code with hardverify's certified routes):

* mpmath.quad (tanh-sinh) at 50 digits, with exact breakpoints at kinks and at the steep points of the
  integrand, on t ∈ [-1, 1] against the weight (1-t²)^{(n-3)/2}; for n = 2 in the angle θ,
  μ_k = (1/π) ∫_0^π σ(cos θ) cos kθ dθ (no end singularity);
* P_k^{(n)} from the classical Gegenbauer recurrence DLMF 18.9.1 in mpmath (a different normalisation
  and formula from hardverify's F2.1);
* exact sympy integration of polynomial pieces against sympy's own ``gegenbauer``/``chebyshevt`` for
  small n (sympy.integrate, not hardverify's kink-jet/Rodrigues derivation);
* Laplace's bound: the defining sum E[(u + (1-u)X)^q] = Σ_j C(q,j) u^{q-j}(1-u)^j (1/2)_j/((n-1)/2)_j,
  X ~ Beta(1/2, (n-2)/2), in exact rationals (not the contiguous recurrence the code runs).

Regression tests for the bugs found in the review are marked "regression".
"""

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx, fmpq
from references import mp_legendre

import hardverify as hv
from hardverify import errors, sphere
from hardverify.numeric import funk_hecke as nfh
from hardverify.numeric.funk_hecke_series import central_piece, series_eigenvalues

t = hv.t


# ------------------------------------------------------------------------------ independent references
def _mp_point(p):
    """An exact breakpoint (sympy Rational or str) as an mpf at the *current* precision."""
    q = sp.Rational(p)
    return mpmath.mpf(int(q.p)) / int(q.q)


def mu_ref(f, n, k, points=(), dps=50):
    """μ_k(σ; n) by mpmath.quad; ``points`` are exact breakpoints in t (read at the working precision)."""
    with mpmath.workdps(dps):
        pts = [_mp_point(p) for p in points]
        if n == 2:
            ths = sorted({mpmath.mpf(0), +mpmath.pi, *[mpmath.acos(p) for p in pts]})
            return mpmath.quad(lambda th: f(mpmath.cos(th)) * mpmath.cos(k * th), ths) / mpmath.pi
        cn = mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))
        extra = [-8 / mpmath.sqrt(n), 8 / mpmath.sqrt(n)] if n > 64 else []
        ps = sorted({mpmath.mpf(-1), mpmath.mpf(1), *pts, *extra})
        val = mpmath.quad(lambda x: f(x) * mp_legendre(n, k, x) * (1 - x * x) ** (mpmath.mpf(n - 3) / 2), ps)
        return +(cn * val)


def _check_against(mus, f, n, points=(), refs=None):
    """Each certified μ_k contains the reference (or is a proved 0 where the reference is ~0)."""
    for k, m in enumerate(mus):
        ref = mu_ref(f, n, k, points) if refs is None else refs[k]
        if m.is_exact_zero():
            assert abs(ref) < mpmath.mpf(10) ** -40, (k, ref)
            continue
        assert m.matches(mpmath.nstr(ref, 40)), (n, k, m, ref)


# ------------------------------------------------------------------------------ regressions
def test_series_route_respects_a_kink_just_below_one():
    # regression: central_piece rounded the distance to the kink to a float, so a kink at 1 - 10^-20
    # counted as "the piece covers [-1, 1]" and the series route ignored the last piece: it certified
    # μ_0 = 0 ± 0 for a step at 1 - 10^-20 (true value (1/2)·10^-20, SPEC §0.2 with c_3 = 1/2).
    a = 1 - sp.Rational(1, 10 ** 20)
    step = hv.activation(sp.Piecewise((0, t < a), (1, True)))
    expr, span = central_piece(step)
    assert span == a                                             # exact, not 1.0
    with pytest.raises(errors.NotCertified):
        series_eigenvalues(step, 3, 0, dps=30)
    assert sphere.funk_hecke(step, 3, 0) == sp.Rational(1, 2 * 10 ** 20)


def test_auto_route_never_certifies_a_wrong_value_near_a_kink_at_one():
    # regression: "auto" sent this (analytic at 0, not a polynomial) to the series route, which returned
    # [0.5 +/- 3e-35] although μ_0 = 0.5 + 2.13e-20.  Now the value is either enclosed or not certified.
    a = 1 - sp.Rational(1, 10 ** 20)
    act = hv.activation(sp.Piecewise((1 / (1 + sp.exp(-t)), t < a), (5, True)))
    with mpmath.workdps(60):
        A = _mp_point(a)
        ref = (mpmath.quad(lambda x: 1 / (1 + mpmath.exp(-x)), [-1, 0, A]) + 5 * (1 - A)) / 2   # c_3 = 1/2
        text = mpmath.nstr(ref, 50)
    try:
        m = sphere.funk_hecke(act, 3, 0, dps=30)
    except errors.NotCertified:
        return
    assert m.contains(text)


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
        assert sphere.legendre_polynomial(7, 5, v, dps=30).contains(e)
    assert sphere.legendre_polynomial(3, 2, sp.sqrt(2) / 2) == sp.Rational(1, 4)     # exact sympy input kept


def test_singular_end_bound_is_a_ball_and_large_n_safe():
    # regression: the constant max(1, 2^{(n-3)/2}) of the end bound was a float (not an upper bound by
    # construction; OverflowError for n > 2051).  The left-out piece must be ≥ 2 G 2^{(n-3)/2} ε^{n-1}/(n-1).
    act = hv.activation((1 - t) ** sp.Rational(1, 3))             # singular at t = 1 even in u (u^{2/3})
    pieces = nfh.clipped_pieces(act)
    G = nfh.sup_abs(pieces)
    for n, tol in ((4, arb(10) ** -30), (3001, arb(10) ** -700)):
        with ctx.workprec(64):
            tasks, left = nfh._tasks(pieces, n, None, G, tol)
        (ua,) = [a for _, a, _, _, s, v in tasks if v == "u" and s == 1]
        eps = fmpq(int(sp.Rational(ua).p), int(sp.Rational(ua).q))
        with ctx.workprec(2 * n + 200):
            need = 2 * G * (arb(2) ** (arb(n - 3) / 2)) * arb(eps) ** (n - 1) / (n - 1)
            assert left.is_finite() and left.upper() >= need.upper()     # it is used through .upper()


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
    assert sphere.funk_hecke(act, 50, 2, dps=20, algorithm="exact").contains(sphere.funk_hecke(act, 50, 2))


def test_quadrature_degree_limit_at_the_ends_is_stated():
    # regression: at even n the end regions integrate P_k(±(1-u²)) (degree 2k in u), so k > 511 cannot
    # work although the route advertises k ≤ 800; the error used to speak of "degree 1040" and "m_max"
    with pytest.raises(errors.NotCertified, match=r"k ≤ 511 at n = 4"):
        sphere.funk_hecke_eigenvalues("sigmoid", 4, 520, dps=10, algorithm="quadrature")


# ------------------------------------------------------------------------------ adversarial activations
RUNGE = (1 / (1 + 25 * t ** 2), lambda x: 1 / (1 + 25 * x * x), ("-1/5", "1/5"))


@pytest.mark.parametrize("n", [2, 3, 4, 1000])
def test_poles_near_the_real_axis(n):
    # 1/(1+25t²): poles at ±i/5, so the Bernstein ellipses must shrink near 0; auto = series for large n
    expr, f, pts = RUNGE
    act = hv.activation(expr)
    refs = [mu_ref(f, n, k, pts) for k in range(5)]
    for alg in ("quadrature", "auto"):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 4, dps=25, algorithm=alg), f, n, pts, refs)


def test_pole_just_beyond_the_end():
    # 1/(1 + 10^-7 - t): analytic on [-1, 1] but a pole 10^-7 beyond t = 1 (odd n: no end substitution)
    act = hv.activation(1 / (1 + sp.Rational(1, 10 ** 7) - t))
    f = lambda x: 1 / (1 + mpmath.mpf(1) / 10 ** 7 - x)                    # noqa: E731
    pts = ("0", "9/10", "99/100", "999/1000", "9999/10000", "99999/100000", "999999/1000000")
    for n in (3, 4):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 3, dps=25), f, n, pts)


SINGULAR = {
    "cbrt(1-t)": ((1 - t) ** sp.Rational(1, 3), lambda x: mpmath.cbrt(1 - x)),
    "sqrt(1-t^2)": (sp.sqrt(1 - t ** 2), lambda x: mpmath.sqrt(1 - x * x)),
    "asin": (sp.asin(t), mpmath.asin),
    "acos^2": (sp.acos(t) ** 2, lambda x: mpmath.acos(x) ** 2),
}


@pytest.mark.parametrize("name", sorted(SINGULAR))
@pytest.mark.parametrize("n", [2, 3, 4, 7])
def test_activations_singular_at_the_ends(name, n):
    expr, f = SINGULAR[name]
    _check_against(sphere.funk_hecke_eigenvalues(hv.activation(expr), n, 6, dps=25, algorithm="quadrature"), f, n)


def test_sqrt_abs_kink_singular_inside():
    # √|t|: not analytic at the interior point 0 (crude cells next to it), even: odd k are proved zeros
    act = hv.activation(sp.sqrt(sp.Abs(t)))
    for n in (3,):
        mus = sphere.funk_hecke_eigenvalues(act, n, 4, dps=20, algorithm="quadrature")
        _check_against(mus, lambda x: mpmath.sqrt(abs(x)), n, ("0",))
        assert all(m.is_exact_zero() for m in mus[1::2])


def test_kink_just_right_of_zero():
    # (t - 10^-12)_+: exact route (general kink) vs certified quadrature vs mpmath
    a = sp.Rational(1, 10 ** 12)
    act = hv.activation(sp.Max(0, t - a))
    for n in (3, 4):
        exact = sphere.funk_hecke_eigenvalues(act, n, 5)
        quad = sphere.funk_hecke_eigenvalues(act, n, 5, dps=30, algorithm="quadrature")
        assert all(q.contains(e) for q, e in zip(quad, exact))
        _check_against(quad, lambda x: max(x - _mp_point(a), 0), n, (a,))
    quad = sphere.funk_hecke_eigenvalues(act, 1000, 5, dps=25, algorithm="quadrature")
    _check_against(quad, lambda x: max(x - _mp_point(a), 0), 1000, (a,))


@pytest.mark.slow
def test_steep_activation_needs_exact_breakpoints():
    # atan(100(t² - 0.49)) switches within 0.01 of ±0.7 (branch points at t² = 0.49 ± i/100)
    act = hv.activation(sp.atan(100 * (t ** 2 - sp.Rational(49, 100))))
    f = lambda x: mpmath.atan(100 * (x * x - mpmath.mpf(49) / 100))        # noqa: E731
    for n in (2, 4):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 3, dps=25, algorithm="quadrature"), f, n,
                       ("-7/10", "0", "7/10"))


def test_arcsine_law_n2_step_all_routes():
    # n = 2 (Chebyshev, arcsine marginal): μ_k(step) = sin(kπ/2)/(kπ), μ_0 = 1/2 (direct integration in θ)
    ref = [sp.Rational(1, 2)] + [sp.sin(k * sp.pi / 2) / (k * sp.pi) for k in range(1, 9)]
    assert sphere.funk_hecke_eigenvalues("step", 2, 8) == ref
    for alg in ("exact", "quadrature"):
        mus = sphere.funk_hecke_eigenvalues("step", 2, 8, dps=30, algorithm=alg)
        assert all(m.contains(r) if r != 0 else m.is_exact_zero() for m, r in zip(mus, ref))


def test_zero_eigenvalues_without_parity_and_the_contract():
    # σ = P_3^(5): μ_k = δ_{k3}/N(5,3) = δ_{k3}/30 (F2.3); the zeros at k = 1 are not parity zeros
    P3 = sphere.legendre_polynomial(5, 3)
    mus = sphere.funk_hecke_eigenvalues(hv.activation(P3), 5, 6, dps=30, algorithm="quadrature")
    assert mus[3].contains(sp.Rational(1, 30)) and mus[3].rel_accuracy_digits() >= 30
    G = 1                                                           # sup |P_3| on [-1, 1] is 1
    for k, m in enumerate(mus):
        if k != 3:
            assert m.contains(0)
            assert float(m.abs_upper()) <= 10.0 ** -30 * 2 * G / sphere.harmonic_dimension(5, k) ** 0.5


def test_tiny_eigenvalues_two_routes_large_n():
    # sigmoid at n = 10^5, k ≤ 24: |μ_k| ~ n^-k down to ~1e-120; both certified routes must overlap
    s = sphere.funk_hecke_eigenvalues("sigmoid", 10 ** 5, 24, dps=25, algorithm="series")
    q = sphere.funk_hecke_eigenvalues("sigmoid", 10 ** 5, 24, dps=25, algorithm="quadrature")
    for a, b in zip(s, q):
        assert a.ball.overlaps(b.ball)
        assert a.is_exact_zero() == b.is_exact_zero()
    assert s[23].rel_accuracy_digits() >= 25 and float(abs(s[23])) < 1e-90


# ------------------------------------------------------------------------------ exact routes
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


# ------------------------------------------------------------------------------ sup bounds
@pytest.mark.parametrize("n", [3, 4, 6, 101])
def test_laplace_bounds_are_the_defining_sum_and_dominate(n):
    from hardverify.numeric.gegenbauer import laplace_bounds
    x = fmpq(2, 3)
    u, c = sp.Rational(4, 9), sp.Rational(n - 1, 2)
    f = [sum(sp.binomial(q, j) * u ** (q - j) * (1 - u) ** j * sp.rf(sp.Rational(1, 2), j) / sp.rf(c, j)
             for j in range(q + 1)) for q in range(12)]
    with ctx.workprec(200):
        b = laplace_bounds(n, x, 22)
        for m in range(23):
            q = m // 2
            exact = f[q] if m % 2 == 0 else sp.sqrt(f[q] * f[q + 1])
            bound = min(exact, 1)
            ball = b[m]
            ref = hv.enclose(bound, 50).ball
            assert ball.overlaps(ref) or ball >= ref                 # the same value (or larger)
            with mpmath.workdps(40):                                 # it dominates |P_m| on [-2/3, 2/3]
                sup = max(abs(mp_legendre(n, m, mpmath.mpf(2) / 3 * s / 50)) for s in range(-50, 51))
                assert sup <= mpmath.mpf(bound.evalf(45)) * (1 + mpmath.mpf(10) ** -30)
