"""Certified sphere layer: containment AND narrowness against independent references (SPEC F2–F5, H6).

Independent references: SPEC §2/§8 (F4 table, V10–V10d, the H6 and F4-scaling figures, each computed
two ways by the SPEC authors); mpmath.quad (tanh-sinh, no code shared with python-flint) at 50 digits,
on [-1, kinks..., 1] with breakpoints at ±8/√n for large n (SPEC §9.3), and for n = 2 in the angle
θ (μ_k = (1/π)∫_0^π σ(cos θ) cos kθ dθ, no endpoint singularity); P_k from the classical Gegenbauer
recurrence DLMF 18.9.1 in mpmath (a different normalisation and formula from hardverify's F2.1).
"""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from flint import arb, ctx, fmpq
from helpers import assert_certified, assert_narrow
from references import mp_funk_hecke, mp_legendre, mp_point

import hardverify as hv
from hardverify import errors, sphere
from hardverify.numeric import funk_hecke as nfh
from hardverify.numeric.funk_hecke_series import central_piece, series_eigenvalues

t = hv.t

FUNCS = {  # mpmath versions of the activations (independent of hardverify's compiled expressions)
    "sigmoid": lambda x: 1 / (1 + mpmath.exp(-x)),
    "tanh": mpmath.tanh,
    "erf": mpmath.erf,
    "gelu": lambda x: x * (1 + mpmath.erf(x / mpmath.sqrt(2))) / 2,
    "relu": lambda x: max(x, 0),
    "shifted": lambda x: max(x - mpmath.mpf(1) / 3, 0) ** 2,
}
KINKS = {"relu": [0], "shifted": [mpmath.mpf(1) / 3]}
ACTS = {"shifted": hv.activation(sp.Max(0, t - sp.Rational(1, 3)) ** 2)}


def act_of(name):
    return ACTS.get(name) or hv.activation(name)


def mp_eigenvalue(name, n, k, dps=50):
    """μ_k(σ; n) by mpmath.quad (independent reference)."""
    f = FUNCS[name]
    with mpmath.workdps(dps):
        if n == 2:
            pts = [0] + sorted(mpmath.acos(a) for a in KINKS.get(name, [])) + [mpmath.pi]
            return mpmath.quad(lambda th: f(mpmath.cos(th)) * mpmath.cos(k * th), pts) / mpmath.pi
        cn = mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))
        pts = sorted({-1, 1, *KINKS.get(name, []), *([-8 / mpmath.sqrt(n), 8 / mpmath.sqrt(n)] if n > 64 else [])})
        val = mpmath.quad(lambda x: f(x) * mp_legendre(n, k, x) * (1 - x * x) ** (mpmath.mpf(n - 3) / 2), pts)
        return +(cn * val)


CASES = [(name, n) for name in ("sigmoid", "tanh", "gelu", "relu", "shifted") for n in (2, 3, 4, 5, 10, 200)]


@pytest.mark.parametrize("name,n", CASES)
def test_quadrature_against_mpmath(name, n):
    mu = sphere.funk_hecke_eigenvalues(act_of(name), n, 6, dps=30, algorithm="quadrature")
    for k, m in enumerate(mu):
        ref = mp_eigenvalue(name, n, k)
        if m.is_exact_zero():                                      # proved by parity
            assert abs(ref) < mpmath.mpf(10) ** -40
            continue
        # (containing the 45-digit decimal implies matching its correctly rounded 40-digit string)
        # dps digits, or (an accidental zero such as μ_5 of ReLU(t - 1/3)² at n = 3, P_2^(9)(1/3) = 0)
        # a certified bound |μ_k| ≤ 10^-30
        accidental_zero = abs(ref) < mpmath.mpf(10) ** -45
        assert_certified(m, mpmath.nstr(ref, 40), 30, bound_scale=1 if accidental_zero else None, what=(name, n, k))


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "erf", "gelu"])
@pytest.mark.parametrize("n", [2, 3, 10, 1000])
def test_series_route_against_mpmath(name, n):
    mu = series_eigenvalues(act_of(name), n, 5, dps=30)
    for k, m in enumerate(mu):
        ref = mp_eigenvalue(name, n, k)
        if m.is_exact_zero():
            assert abs(ref) < mpmath.mpf(10) ** -40
            continue
        assert_certified(m, mpmath.nstr(ref, 40), 30, what=(name, n, k))


def test_spec_references():
    # SPEC V10, V10b, V10c, V10d by the quadrature route (which never looks at the closed forms)
    refs = [("relu", 3, 4, "-0.0104166666666666666666666666667"), ("relu", 4, 2, "0.0424413181578387562050356702327"),
            ("step", 4, 3, "-0.0424413181578387562050356702327"), ("relu", 7, 6, "0.00048828125")]
    for act, n, k, v in refs:
        m = sphere.funk_hecke(act, n, k, dps=35, algorithm="quadrature")
        assert_certified(m, v, 35, what=(act, n, k))
    # SPEC F4 scaling: sigmoid μ_3 / (σ'''(0) Γ(n/2)/(2³ Γ(n/2+3))) = 0.99517 (n=200), 0.99950 (n=2000)
    for n, ratio in ((200, "0.99517"), (2000, "0.99950")):
        pred = hv.enclose(sp.Rational(-1, 8) * sp.gamma(sp.Rational(n, 2)) / (8 * sp.gamma(sp.Rational(n, 2) + 3)), 30)
        for alg in ("series", "quadrature"):
            assert (sphere.funk_hecke("sigmoid", n, 3, dps=30, algorithm=alg) / pred).matches(ratio)
    # SPEC H6: √(nN) μ_4(ReLU) at n = 10⁷ is -0.08143374588
    s = sphere.gaussian_scaled_eigenvalue("relu", 10 ** 7, 4, dps=20, algorithm="quadrature")
    assert_certified(s, "-0.08143374588", 20)


@pytest.mark.parametrize("n", [10 ** 4, 10 ** 6])
def test_large_n_quadrature_against_exact(n):
    from flint import ctx

    from hardverify.symbolic.funk_hecke import eigen_forms
    mu = sphere.funk_hecke_eigenvalues("relu", n, 60, dps=30, algorithm="quadrature")
    with ctx.workprec(300):
        for m, f in zip(mu, eigen_forms(hv.activation("relu"), n, 60)):
            assert m.is_exact_zero() == f.is_zero()
            if not f.is_zero():
                assert_certified(m, f.to_arb(), 30)


def test_kernel_with_singular_ends_f5():
    # κ_ReLU has √(1-ρ²): not analytic at ±1; its eigenvalues are μ_k(ReLU)² (SPEC F5, 1/256 at n=3, k=2)
    for n in (3, 4, 7):
        kappa = hv.activation(sphere.random_feature_kernel("relu", n, t))
        lam = sphere.funk_hecke_eigenvalues(kappa, n, 6, dps=20, algorithm="quadrature")
        for k, m in enumerate(lam):
            assert_certified(m, sphere.random_feature_eigenvalue("relu", n, k), 20, what=(n, k))   # a proved 0 is exact


def test_surface_measure_certified():
    lam = sphere.funk_hecke("relu", 3, 2, dps=30, measure="surface", algorithm="quadrature")
    assert_certified(lam, sp.pi / 4, 30)
    lam = sphere.funk_hecke("sigmoid", 6, 1, dps=30, measure="surface")
    mu = sphere.funk_hecke("sigmoid", 6, 1, dps=30)
    with mpmath.workdps(40):
        assert (lam / mu).matches(mpmath.nstr(mpmath.pi ** 3, 30))                 # |S^5| = 2π³/Γ(3) = π³


@pytest.mark.parametrize("n,k,x", [(3, 7, "0.3"), (4, 12, "-0.91"), (10 ** 6, 1000, "0.001"), (2, 50, "0.5")])
def test_legendre_values_against_mpmath(n, k, x):
    e = sphere.legendre_polynomial(n, k, x, dps=30)
    with mpmath.workdps(60):
        if n == 2:
            ref = mpmath.chebyt(k, mpmath.mpf(x))
        else:
            ref = mp_legendre(n, k, mpmath.mpf(x))
        assert_certified(e, mpmath.nstr(ref, 45), 30)


def test_laplace_bounds_dominate_legendre():
    from flint import fmpq

    from hardverify.numeric.gegenbauer import laplace_bounds
    for n in (3, 4, 7, 1000):
        for x in (fmpq(0), fmpq(1, 10), fmpq(3, 4)):
            b = laplace_bounds(n, x, 20)
            with mpmath.workdps(30):
                for k in range(21):
                    for s in (-1, -0.5, 0, 0.3, 1):
                        tt = mpmath.mpf(float(x)) * s
                        val = abs(mp_legendre(n, k, tt))
                        assert val <= float(b[k]) * (1 + 1e-12) + 1e-300


def test_parity_zeros_are_exact():
    mu = sphere.funk_hecke_eigenvalues("sigmoid", 7, 10, dps=20, algorithm="quadrature")
    assert all(m.is_exact_zero() for m in mu[2::2])
    mu = sphere.funk_hecke_eigenvalues("relu", 7, 10, dps=20, algorithm="quadrature")
    assert all(m.is_exact_zero() for m in mu[3::2]) and not mu[2].contains_zero()


def test_tiny_values_satisfy_the_contract():
    # sigmoid at n = 10⁶, k = 60: |μ| ~ 1e-300 is far below 10^{-dps} sup|σ|/√N; quadrature may return
    # the bound, the series route always resolves it; both are consistent
    q = sphere.funk_hecke("sigmoid", 10 ** 6, 61, dps=20, algorithm="quadrature")
    s = sphere.funk_hecke("sigmoid", 10 ** 6, 61, dps=20, algorithm="series")
    assert_certified(s, q.ball, 20)
    scale = 1 / float(sphere.harmonic_dimension(10 ** 6, 61)) ** 0.5
    assert_narrow(q, 20, bound_scale=scale)                     # 20 digits, or |μ| ≤ 10^-20/√N


def test_bad_input_numeric():
    with pytest.raises(errors.DomainError, match="not bounded"):
        sphere.funk_hecke(hv.activation(1 / t), 5, 1, dps=10)
    with pytest.raises(errors.DomainError, match="not bounded"):
        sphere.funk_hecke(hv.activation(1 / (1 - t ** 2)), 5, 1, dps=10)
    with pytest.raises(errors.DomainError, match="k ≤ 800"):
        nfh.funk_hecke_eigenvalues(hv.activation("sigmoid"), 5, 900, dps=10)
    with pytest.raises(errors.NotCertified, match="kink at 0"):
        sphere.funk_hecke("relu", 5, 1, dps=10, algorithm="series")
    with pytest.raises(errors.DomainError, match="dps"):
        sphere.funk_hecke("relu", 5, 1, dps=0)
    with pytest.raises(errors.DomainError, match="Symbol"):
        sphere.legendre_polynomial(sp.Symbol("n", integer=True, positive=True), 3, "0.5", dps=10)
    with pytest.raises(errors.DomainError, match=r"\|x\| <= 1"):
        sphere.legendre_polynomial(5, 3, "1.5", dps=10)


@pytest.mark.slow
def test_quadrature_high_degree_large_n():
    from flint import ctx

    from hardverify.symbolic.funk_hecke import eigen_forms
    mu = sphere.funk_hecke_eigenvalues("relu", 10 ** 6, 400, dps=30, algorithm="quadrature")
    with ctx.workprec(2000):
        for m, f in zip(mu, eigen_forms(hv.activation("relu"), 10 ** 6, 400)):
            assert m.is_exact_zero() == f.is_zero()
            if not f.is_zero():
                assert_certified(m, f.to_arb(), 30)


@pytest.mark.slow
def test_series_all_degrees_to_1000_at_large_n():
    mu = sphere.funk_hecke_eigenvalues("tanh", 10 ** 6, 1000, dps=50, algorithm="series")
    for m in mu:
        assert_narrow(m, 50)                                    # a proved 0 is exact: infinitely many digits
    q = sphere.funk_hecke_eigenvalues("tanh", 10 ** 6, 120, dps=50, algorithm="quadrature")
    assert all(a.ball.overlaps(b.ball) for a, b in zip(mu, q))


# -- (moved from test_review_sphere.py)
def _check_against(mus, f, n, points=(), refs=None, *, dps):
    """Each certified μ_k contains the reference and has dps digits (or is a proved 0 where the reference is ~0)."""
    for k, m in enumerate(mus):
        ref = mp_funk_hecke(f, n, k, points) if refs is None else refs[k]
        if m.is_exact_zero():
            assert abs(ref) < mpmath.mpf(10) ** -40, (k, ref)
            continue
        assert_certified(m, mpmath.nstr(ref, 40), dps, what=(n, k))


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
        A = mp_point(a)
        ref = (mpmath.quad(lambda x: 1 / (1 + mpmath.exp(-x)), [-1, 0, A]) + 5 * (1 - A)) / 2   # c_3 = 1/2
        text = mpmath.nstr(ref, 50)
    try:
        m = sphere.funk_hecke(act, 3, 0, dps=30)
    except errors.NotCertified:
        return
    assert_certified(m, Fraction(text), 30)                    # the 50-digit decimal itself, exactly


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


def test_quadrature_degree_limit_at_the_ends_is_stated():
    # regression: at even n the end regions integrate P_k(±(1-u²)) (degree 2k in u), so k > 511 cannot
    # work although the route advertises k ≤ 800; the error used to speak of "degree 1040" and "m_max"
    with pytest.raises(errors.NotCertified, match=r"k ≤ 511 at n = 4"):
        sphere.funk_hecke_eigenvalues("sigmoid", 4, 520, dps=10, algorithm="quadrature")


RUNGE = (1 / (1 + 25 * t ** 2), lambda x: 1 / (1 + 25 * x * x), ("-1/5", "1/5"))


@pytest.mark.parametrize("n", [2, 3, 4, 1000])
def test_poles_near_the_real_axis(n):
    # 1/(1+25t²): poles at ±i/5, so the Bernstein ellipses must shrink near 0; auto = series for large n
    expr, f, pts = RUNGE
    act = hv.activation(expr)
    refs = [mp_funk_hecke(f, n, k, pts) for k in range(5)]
    for alg in ("quadrature", "auto"):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 4, dps=25, algorithm=alg), f, n, pts, refs, dps=25)


def test_pole_just_beyond_the_end():
    # 1/(1 + 10^-7 - t): analytic on [-1, 1] but a pole 10^-7 beyond t = 1 (odd n: no end substitution)
    act = hv.activation(1 / (1 + sp.Rational(1, 10 ** 7) - t))
    f = lambda x: 1 / (1 + mpmath.mpf(1) / 10 ** 7 - x)                    # noqa: E731
    pts = ("0", "9/10", "99/100", "999/1000", "9999/10000", "99999/100000", "999999/1000000")
    for n in (3, 4):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 3, dps=25), f, n, pts, dps=25)


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
    _check_against(sphere.funk_hecke_eigenvalues(hv.activation(expr), n, 6, dps=25, algorithm="quadrature"), f, n,
                   dps=25)


def test_sqrt_abs_kink_singular_inside():
    # √|t|: not analytic at the interior point 0 (crude cells next to it), even: odd k are proved zeros
    act = hv.activation(sp.sqrt(sp.Abs(t)))
    for n in (3,):
        mus = sphere.funk_hecke_eigenvalues(act, n, 4, dps=20, algorithm="quadrature")
        _check_against(mus, lambda x: mpmath.sqrt(abs(x)), n, ("0",), dps=20)
        assert all(m.is_exact_zero() for m in mus[1::2])


def test_kink_just_right_of_zero():
    # (t - 10^-12)_+: exact route (general kink) vs certified quadrature vs mpmath
    a = sp.Rational(1, 10 ** 12)
    act = hv.activation(sp.Max(0, t - a))
    for n in (3, 4):
        exact = sphere.funk_hecke_eigenvalues(act, n, 5)
        quad = sphere.funk_hecke_eigenvalues(act, n, 5, dps=30, algorithm="quadrature")
        for q, e in zip(quad, exact):
            assert_certified(q, e, 30)
        _check_against(quad, lambda x: max(x - mp_point(a), 0), n, (a,), dps=30)
    quad = sphere.funk_hecke_eigenvalues(act, 1000, 5, dps=25, algorithm="quadrature")
    _check_against(quad, lambda x: max(x - mp_point(a), 0), 1000, (a,), dps=25)


@pytest.mark.slow
def test_steep_activation_needs_exact_breakpoints():
    # atan(100(t² - 0.49)) switches within 0.01 of ±0.7 (branch points at t² = 0.49 ± i/100)
    act = hv.activation(sp.atan(100 * (t ** 2 - sp.Rational(49, 100))))
    f = lambda x: mpmath.atan(100 * (x * x - mpmath.mpf(49) / 100))        # noqa: E731
    for n in (2, 4):
        _check_against(sphere.funk_hecke_eigenvalues(act, n, 3, dps=25, algorithm="quadrature"), f, n,
                       ("-7/10", "0", "7/10"), dps=25)


def test_zero_eigenvalues_without_parity_and_the_contract():
    # σ = P_3^(5): μ_k = δ_{k3}/N(5,3) = δ_{k3}/30 (F2.3); the zeros at k = 1 are not parity zeros
    P3 = sphere.legendre_polynomial(5, 3)
    mus = sphere.funk_hecke_eigenvalues(hv.activation(P3), 5, 6, dps=30, algorithm="quadrature")
    assert_certified(mus[3], sp.Rational(1, 30), 30)
    G = 1                                                           # sup |P_3| on [-1, 1] is 1
    for k, m in enumerate(mus):
        if k != 3:
            # the contract: |μ_k| ≤ 10^-30 · 2G/√N(5, k) (a value far below its natural size)
            assert m.contains(0)
            assert_certified(m, 0, 30, bound_scale=2 * G / sphere.harmonic_dimension(5, k) ** 0.5)


def test_tiny_eigenvalues_two_routes_large_n():
    # sigmoid at n = 10^5, k ≤ 24: |μ_k| ~ n^-k down to ~1e-120; both certified routes must overlap
    s = sphere.funk_hecke_eigenvalues("sigmoid", 10 ** 5, 24, dps=25, algorithm="series")
    q = sphere.funk_hecke_eigenvalues("sigmoid", 10 ** 5, 24, dps=25, algorithm="quadrature")
    for k, (a, b) in enumerate(zip(s, q)):
        assert_certified(a, b.ball, 25, what=k)                 # overlap; the series route has all 25 digits
        assert a.is_exact_zero() == b.is_exact_zero()
    assert float(abs(s[23])) < 1e-90


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
