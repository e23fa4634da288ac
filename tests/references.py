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


def mp_coefficient(f, m, *, dps=60, points=(0,)):
    """c_m = E[f(g) He_m(g)]/√(m!) by mpmath.quad (tanh-sinh) on (-∞, kinks..., ∞)."""
    with mpmath.workdps(dps):
        pts = [-mpmath.inf, *map(mpmath.mpf, points), mpmath.inf]
        val = mpmath.quad(lambda x: f(x) * mp_hermite_he(m, x) * mpmath.npdf(x), pts)
        return +(val / mpmath.sqrt(mpmath.factorial(m)))
