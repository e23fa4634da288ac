"""Explicit bounds for truncated Gaussian tails (every inequality is stated where it is used).

For an activation with growth ``|σ(t)| ≤ A(1+|t|)^p e^{a|t|}`` (see
:mod:`hardverify.core.growth`) and the Hermite bound

    |He_m(t)| = |E[(t + iZ)^m]| ≤ E[(t² + Z²)^{m/2}] ≤ c_m (|t|^m + E|Z|^m),
    c_m = max(1, 2^{m/2 - 1})                      (convexity of x ↦ x^{m/2}),

the tail beyond L ≥ max(1, 2a + 1) is bounded, using (1+t)^p ≤ (2t)^p for t ≥ 1
and at ≤ (a/L) t² for t ≥ L, by

    ∫_L^∞ |σ He_m| φ ≤ (A 2^p c_m / √(2π)) [T(p + m) + E|Z|^m T(p)],
    T(k) = ∫_L^∞ t^k e^{-κ t²} dt = ½ κ^{-(k+1)/2} Γ((k+1)/2, κL²),  κ = ½ - a/L.

The same holds on (-∞, -L] because the growth bound is symmetric.

>>> from flint import arb, ctx
>>> with ctx.workprec(64):
...     b = hermite_tail_bound(A=arb(1), p=arb(0), a=arb(0), m=0, L=arb(5))
>>> b.contains(arb("5.733031437583878e-7"))   # = 2 P(g > 5): for m = 0 the bound uses |He_0| ≤ 1 + E|Z|^0
True
"""

from __future__ import annotations

from flint import arb

from ..errors import DomainError

__all__ = ["hermite_tail_bound", "abs_moment", "gaussian_power_tail"]


def abs_moment(m: int) -> arb:
    """E|Z|^m = 2^{m/2} Γ((m+1)/2) / √π.

    Parameters
    ----------
    m : int
        The power, ``m >= 0``.

    Returns
    -------
    flint.arb
        A ball containing E|Z|^m, Z ~ N(0, 1), at the ambient precision.

    Examples
    --------
    >>> from flint import arb, ctx
    >>> with ctx.workprec(64):
    ...     print(abs_moment(2).contains(1), abs_moment(4).contains(3), abs_moment(1).overlaps((2 / arb.pi()).sqrt()))
    True True True
    """
    return arb(2) ** (arb(m) / 2) * (arb(m + 1) / 2).gamma() / arb.pi().sqrt()


def gaussian_power_tail(k: arb, kappa: arb, L: arb) -> arb:
    """∫_L^∞ t^k e^{-κt²} dt = ½ κ^{-(k+1)/2} Γ((k+1)/2, κL²) for k ≥ 0, κ > 0.

    Parameters
    ----------
    k : flint.arb
        The power, ``k >= 0``.
    kappa : flint.arb
        The Gaussian rate, ``kappa > 0``.
    L : flint.arb
        The lower limit.

    Returns
    -------
    flint.arb
        A ball containing the integral (arb's upper incomplete Gamma function).

    Examples
    --------
    >>> from flint import arb, ctx
    >>> with ctx.workprec(64):                             # k = 1: ∫_L^∞ t e^{-κt²} = e^{-κL²}/(2κ)
    ...     print(gaussian_power_tail(arb(1), arb(1) / 2, arb(2)).overlaps((-arb(2)).exp()))
    True
    """
    s = (k + 1) / 2
    return kappa ** (-s) * (kappa * L * L).gamma_upper(s) / 2   # arb: z.gamma_upper(s) = Γ(s, z)


def hermite_tail_bound(A: arb, p: arb, a: arb, m: int, L: arb) -> arb:
    """Upper bound of ∫_L^∞ |σ(t) He_m(t)| φ(t) dt (one side); needs L ≥ max(1, 2a + 1).

    Parameters
    ----------
    A, p, a : flint.arb
        The growth bound |σ(t)| ≤ A(1+|t|)^p e^{a|t|} (:class:`hardverify.core.growth.Growth`).
    m : int
        The Hermite degree.
    L : flint.arb
        The truncation point, ``L >= max(1, 2a + 1)``.

    Returns
    -------
    flint.arb
        A ball whose upper end bounds the one-sided tail (see the module docstring).

    Raises
    ------
    DomainError
        If ``L >= max(1, 2a + 1)`` is not certain (an internal precondition; callers choose L).
    """
    if not (L >= 1 and L >= 2 * a + 1):
        raise DomainError(f"hermite_tail_bound needs L >= max(1, 2a + 1), got L = {L.str(10)} and a = {a.str(10)}")
    kappa = arb(1) / 2 - a / L
    cm = arb(1) if m <= 2 else arb(2) ** (arb(m) / 2 - 1)
    pre = A * arb(2) ** p * cm / (2 * arb.pi()).sqrt()
    return pre * (gaussian_power_tail(p + m, kappa, L) + abs_moment(m) * gaussian_power_tail(p, kappa, L))
