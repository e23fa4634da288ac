"""Certified Gaussian-lattice sums: the tail bounds and the precision loop shared by C1–C6.

Every sum here is a finite sum in python-flint ``arb`` arithmetic plus an explicit bound on the
omitted tail, added to the ball's radius.  python-flint's balls have an unbounded exponent range, so
e^{-4π²γ²} (which underflows to 0 in float64 once γ > 4.24, SPEC §9.7) is an ordinary small ball.

Tail bounds (all for c > 0):

* **Gaussian tail** Σ_{j > J} e^{-c j²} ≤ e^{-c (J+1)²} / (1 - e^{-c (2J+3)}): successive terms have
  ratio e^{-c(2j+1)} ≤ e^{-c(2J+3)} for j ≥ J + 1, so the tail is below a geometric series;
* **weighted tail** Σ_{j > J} j^p e^{-c j²} ≤ (J+1)^p e^{-c(J+1)²} / (1 - r), r = ((J+2)/(J+1))^p
  e^{-c(2J+3)}, valid when r < 1 (the ratio of successive terms decreases in j);
* **centred tail** Σ_{|k - k_c| > K} e^{-c (k - x)²} ≤ 2 e^{-c (K+½)²} / (1 - e^{-2c(K+1)}) for
  k_c = round(x) (then |k - x| ≥ |k - k_c| - ½).

>>> from flint import arb, ctx
>>> with ctx.workprec(100):
...     c = arb("0.01")
...     partial = sum((-c * j * j).exp() for j in range(11, 600))      # the tail beyond j = 599 is < e^{-3600}
...     bound = gaussian_tail(c, 10)
...     bool(bound >= partial), bool(bound < 1.2 * partial)
(True, True)
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from flint import arb, ctx, fmpq

from ...errors import NotCertified, ResourceLimit
from ...numeric.enclosure import Enclosure, bits_for_dps, enclose

__all__ = ["gaussian_tail", "weighted_tail", "centred_tail", "terms_needed", "to_arb", "certify", "pm",
           "MAX_TERMS", "MAX_BITS"]

#: the largest number of terms a single truncated sum may use (refused before summing)
MAX_TERMS = 200_000
#: the largest working precision (bits) the precision loop may reach
MAX_BITS = 1 << 17


def pm(r: arb) -> arb:
    """The ball [0 ± |r|] (an error term of size at most |r|).

    Parameters
    ----------
    r : arb
        A bound (its upper absolute value is used).

    Returns
    -------
    arb
        ``arb(0)`` when r is exactly 0.

    Examples
    --------
    >>> from flint import arb
    >>> pm(arb("0.5")).contains(arb("-0.5")), pm(arb(0)) == 0
    (True, True)
    """
    return arb(0, 1) * abs(r).upper() if r != 0 else arb(0)


def gaussian_tail(c: arb, J: int) -> arb:
    """An upper bound on Σ_{j > J} e^{-c j²}, c > 0 (see the module docstring).

    Parameters
    ----------
    c : arb
        The decay rate, c > 0 (not checked: the caller's).
    J : int
        The last term kept.

    Returns
    -------
    arb
        e^{-c(J+1)²}/(1 - e^{-c(2J+3)}), in the current precision.
    """
    return (-c * (J + 1) ** 2).exp() / (1 - (-c * (2 * J + 3)).exp())


def weighted_tail(c: arb, J: int, p: int) -> arb:
    """An upper bound on Σ_{j > J} j^p e^{-c j²}, c > 0 (see the module docstring).

    Parameters
    ----------
    c : arb
        The decay rate, c > 0.
    J : int
        The last term kept.
    p : int
        The power of the weight j^p.

    Returns
    -------
    arb
        (J+1)^p e^{-c(J+1)²}/(1 - r).

    Raises
    ------
    NotCertified
        If the ratio r = ((J+2)/(J+1))^p e^{-c(2J+3)} is not certainly < 1 (keep more terms).

    Examples
    --------
    >>> from flint import arb
    >>> tail = sum(j * j * (-arb(1) * j * j).exp() for j in range(6, 40))
    >>> bool(weighted_tail(arb(1), 5, 2) >= tail)
    True
    """
    r = (arb(J + 2) / arb(J + 1)) ** p * (-c * (2 * J + 3)).exp()
    if not r < 1:
        raise NotCertified(f"the weighted tail bound needs more terms than J = {J} (ratio {r} not < 1)")
    return arb(J + 1) ** p * (-c * (J + 1) ** 2).exp() / (1 - r)


def centred_tail(c: arb, K: int) -> arb:
    """An upper bound on Σ_{|k - round(x)| > K} e^{-c (k - x)²} for every real x, c > 0.

    Parameters
    ----------
    c : arb
        The decay rate, c > 0.
    K : int
        The half-width kept around round(x).

    Returns
    -------
    arb
        2 e^{-c(K+½)²}/(1 - e^{-2c(K+1)}).
    """
    return 2 * (-c * (arb(K) + arb(1) / 2) ** 2).exp() / (1 - (-2 * c * (K + 1)).exp())


def terms_needed(c: arb, log_tol: float, *, extra: int = 2) -> int:
    """The J with e^{-c J²} ≈ e^{log_tol} (a starting guess; the tail bound itself is what certifies).

    Parameters
    ----------
    c : arb
        The decay rate (its midpoint is used).
    log_tol : float
        The natural log of the wanted tail size (negative).
    extra : int
        Terms added to the estimate.

    Returns
    -------
    int
        ⌈√(max(-log_tol, 1)/c)⌉ + extra.

    Raises
    ------
    NotCertified
        If c ≤ 0.
    ResourceLimit
        If more than :data:`MAX_TERMS` terms would be needed.

    Examples
    --------
    >>> from flint import arb
    >>> terms_needed(arb("0.01"), -50)               # √(50/0.01) = 70.7 → 71, + 2
    73
    """
    cf = float(c.mid())
    if cf <= 0:
        raise NotCertified("a Gaussian sum needs a positive decay rate")
    J = int(math.ceil(math.sqrt(max(-log_tol, 1.0) / cf))) + extra
    if J > MAX_TERMS:
        raise ResourceLimit(f"this sum needs about {J} terms (more than {MAX_TERMS}); the decay rate {cf:.3g} is "
                            "too small for the requested dps (raise β or lower dps)")
    return J


def to_arb(x, prec: int) -> arb:
    """A ball around the exact number x (a Fraction exactly; a sympy constant enclosed) at ``prec`` bits.

    Parameters
    ----------
    x : Fraction, int or sympy expression
        The exact number.
    prec : int
        The working precision in bits (a sympy constant gets about prec/3.33 + 5 digits).

    Returns
    -------
    arb
        Exact for rationals, else a certified enclosure.

    Examples
    --------
    >>> import sympy as sp
    >>> from fractions import Fraction
    >>> from flint import arb
    >>> to_arb(Fraction(1, 4), 53) == 0.25, (to_arb(sp.pi, 100) - arb.pi()).contains(0)
    (True, True)
    """
    if isinstance(x, Fraction):
        return arb(fmpq(x.numerator, x.denominator))
    if isinstance(x, int):
        return arb(x)
    return enclose(sp.sympify(x), max(20, int(prec / 3.33) + 5)).ball


def certify(compute, dps: int, *, guard: int = 32, absolute_ok: bool = True) -> Enclosure:
    """Run ``compute(prec) -> arb`` at rising precision until the ball has ``dps`` significant digits.

    A ball that contains 0 is accepted once its radius is ≤ 10^{-dps} (an absolute bound near 0) when
    ``absolute_ok``; a ball away from 0 must meet ``dps`` *relative* digits, however small its value.
    Raises NotCertified past :data:`MAX_BITS`.

    Parameters
    ----------
    compute : callable
        ``compute(prec) -> arb``, a certified ball computed at ``prec`` bits (called inside
        ``ctx.workprec(prec)``).
    dps : int
        Decimal digits required.
    guard : int
        Extra bits at the first attempt.
    absolute_ok : bool
        Whether a ball around 0 may be accepted on an absolute radius.

    Returns
    -------
    Enclosure
        Certified, labelled with ``dps``.

    Raises
    ------
    NotCertified
        If ``dps`` digits are not reached below :data:`MAX_BITS` bits.

    Examples
    --------
    >>> from flint import arb
    >>> e = certify(lambda prec: arb.pi(), 40)
    >>> e.matches("3.141592653589793238462643383279502884197"), e.rel_accuracy_digits() >= 40
    (True, True)
    """
    prec = bits_for_dps(dps) + guard
    while prec <= MAX_BITS:
        with ctx.workprec(prec):
            b = compute(prec)
            tol = arb(10) ** (-dps)
            if b.is_finite():
                # a factor 2 of margin, so that any 64-bit re-check of the label agrees
                if b.rad() == 0 or (not b.contains(0) and 2 * b.rad() <= tol * b.abs_lower()):
                    return Enclosure(b, dps)
                if absolute_ok and b.contains(0) and 2 * b.rad() <= tol:
                    return Enclosure(b, dps)
        prec *= 2
    raise NotCertified(f"could not certify {dps} digits below {MAX_BITS} bits; lower dps")
