"""Independent reference computations for the tests (mpmath only: no code shared with python-flint)."""

import mpmath


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
