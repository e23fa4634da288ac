"""Independent reference computations for the tests (mpmath, with sympy only to read expressions and exact
breakpoints: no code shared with python-flint or with hardverify)."""

import mpmath
import sympy as sp


def mp_hermite_he(m: int, x):
    """He_m(x) by the three-term recurrence in mpmath arithmetic (SPEC §0.1)."""
    a, b = mpmath.mpf(1), x
    if m == 0:
        return a
    for k in range(1, m):
        a, b = b, x * b - k * a
    return b


def mp_gegenbauer_c(k: int, lam, x):
    """C_k^(λ)(x) by DLMF 18.9.1, k C_k = 2x(k+λ-1) C_{k-1} - (k+2λ-2) C_{k-2} (classical normalisation)."""
    a, b = mpmath.mpf(1), 2 * lam * x
    if k == 0:
        return a
    for j in range(2, k + 1):
        a, b = b, (2 * x * (j + lam - 1) * b - (j + 2 * lam - 2) * a) / j
    return b


def mp_legendre(n: int, k: int, x):
    """P_k^(n)(x) = C_k^(λ)(x)/C_k^(λ)(1), C_k^(λ)(1) = (2λ)_k/k!, λ = (n-2)/2 (n ≥ 3)."""
    lam = mpmath.mpf(n - 2) / 2
    return mp_gegenbauer_c(k, lam, x) / (mpmath.rf(2 * lam, k) / mpmath.factorial(k))


def mp_coefficient(f, m, *, dps=60, points=(0,)):
    """c_m = E[f(g) He_m(g)]/√(m!) by mpmath.quad (tanh-sinh) on (-∞, kinks..., ∞)."""
    with mpmath.workdps(dps):
        pts = [-mpmath.inf, *map(mpmath.mpf, points), mpmath.inf]
        val = mpmath.quad(lambda x: f(x) * mp_hermite_he(m, x) * mpmath.npdf(x), pts)
        return +(val / mpmath.sqrt(mpmath.factorial(m)))


# -------------------------------------------------------------- references for expressions in t (sympy -> mpmath)
def mp_function(expr):
    """The sympy expression ``expr`` in t (the real symbol t, hardverify's variable) as an mpmath function."""
    return sp.lambdify(sp.Symbol("t", real=True), expr, modules="mpmath")


def _kink_points(kinks):
    return [-mpmath.inf, *sorted({mpmath.mpf(sp.N(k, 60)) for k in kinks} | {mpmath.mpf(-4), mpmath.mpf(4)}), mpmath.inf]


def mp_c(expr, m, kinks=(), dps=40):
    """c_m = E[σ(g) He_m(g)]/√(m!) by mpmath.quad split at the kinks and at ±4 (SPEC §0.1 definition)."""
    f = mp_function(expr)
    with mpmath.workdps(dps):
        v = mpmath.quad(lambda x: f(x) * mp_hermite_he(m, x) * mpmath.npdf(x), _kink_points(kinks))
        return +(v / mpmath.sqrt(mpmath.factorial(m)))


# -------------------------------------------------------------- GGJKK pairs under shifted Gaussians
def mp_relu2_shifted_pair(mu_shifted, mu_common, dps=30):
    """E[f_S f_T] for GGJKK ReLU k = 2, S = {a, c}, T = {b, c}, under independent x_a, x_b ~ N(μ_s, 1),
    x_c ~ N(μ_c, 1).  Derivation (independent of the author's A-function route): for k = 2,
    f_S(x_a, x_c) = (|x_a + x_c| - |x_a - x_c|)/√2 = √2 · clamp(x_a, -|x_c|, |x_c|) · sign(x_c), so
    E[f_S f_T] = 2 E_{x_c}[C(|x_c|)²] with C(a) = E[clamp(X, -a, a)], X ~ N(μ_s, 1), in closed form
    C(a) = μ(Φ(a-μ) - Φ(-a-μ)) + φ(a+μ) - φ(a-μ) + a(1 - Φ(a-μ) - Φ(-a-μ))."""
    with mpmath.workdps(dps):
        mu, mc = mpmath.mpf(mu_shifted), mpmath.mpf(mu_common)

        def C(a):
            return (mu * (mpmath.ncdf(a - mu) - mpmath.ncdf(-a - mu)) + mpmath.npdf(a + mu) - mpmath.npdf(a - mu)
                    + a * (1 - mpmath.ncdf(a - mu) - mpmath.ncdf(-a - mu)))
        return 2 * mpmath.quad(lambda y: C(abs(y)) ** 2 * mpmath.npdf(y - mc), [-mpmath.inf, 0, mpmath.inf])


def mp_radial_moment(density, s, lo, hi):
    """∫_lo^hi r^s density(r) dr by mpmath.quad (at the caller's precision)."""
    return mpmath.quad(lambda r: r ** s * density(r), [lo, hi])


# -------------------------------------------------------------- Funk–Hecke eigenvalues
def mp_point(p):
    """An exact breakpoint (sympy Rational or str) as an mpf at the *current* precision."""
    q = sp.Rational(p)
    return mpmath.mpf(int(q.p)) / int(q.q)


def mp_funk_hecke(f, n, k, points=(), dps=50):
    """μ_k(σ; n) by mpmath.quad; ``points`` are exact breakpoints in t (read at the working precision).

    On t ∈ [-1, 1] against the weight (1-t²)^{(n-3)/2} with P_k^(n) from the Gegenbauer recurrence; for
    n = 2 in the angle θ, μ_k = (1/π) ∫_0^π σ(cos θ) cos kθ dθ (no end singularity).
    """
    with mpmath.workdps(dps):
        pts = [mp_point(p) for p in points]
        if n == 2:
            ths = sorted({mpmath.mpf(0), +mpmath.pi, *[mpmath.acos(p) for p in pts]})
            return mpmath.quad(lambda th: f(mpmath.cos(th)) * mpmath.cos(k * th), ths) / mpmath.pi
        cn = mpmath.gamma(mpmath.mpf(n) / 2) / (mpmath.sqrt(mpmath.pi) * mpmath.gamma(mpmath.mpf(n - 1) / 2))
        extra = [-8 / mpmath.sqrt(n), 8 / mpmath.sqrt(n)] if n > 64 else []
        ps = sorted({mpmath.mpf(-1), mpmath.mpf(1), *pts, *extra})
        val = mpmath.quad(lambda x: f(x) * mp_legendre(n, k, x) * (1 - x * x) ** (mpmath.mpf(n - 3) / 2), ps)
        return +(cn * val)
