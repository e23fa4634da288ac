"""Checks for the sphere layer (SPEC F3–F5, H6): agreement of certified routes and of exact A_n-forms.

* :func:`routes_agree` — two certified Funk–Hecke enclosures of the same eigenvalue agree under the
  certified contract (dps digits, or a bound |μ_k| ≤ ε_k for values far below their natural size).
* :func:`forms_equal` — exact equality of r_0 + r_1 A_n and s_0 + s_1 A_n with rational parts, where
  A_n = Γ(n/2)/(√π Γ((n+1)/2)) (rational for odd n, rational/π for even n).

>>> from flint import arb
>>> from hardverify.numeric.enclosure import Enclosure
>>> a = Enclosure(arb("0.0625 +/- 1e-40"))
>>> routes_agree(a, Enclosure(arb("0.0625 +/- 1e-35")), 30).status.name
'CERTIFIED'
>>> routes_agree(a, Enclosure(arb("0.0626 +/- 1e-35")), 30).status.name
'REFUTED'
"""

from __future__ import annotations

import sympy as sp

from ..errors import DomainError
from ..numeric.enclosure import Enclosure, exact_fraction
from ..symbolic.gegenbauer import half_gamma_ratio
from ..validate import as_int_at_least
from ..verdict import Status, Verdict

__all__ = ["routes_agree", "forms_equal"]


def routes_agree(ref: Enclosure, other: Enclosure, dps: int) -> Verdict:
    """Verdict on two certified Funk–Hecke routes of the same eigenvalue (SPEC F3–F5).

    PROVED when both are exact zeros (proved parity); REFUTED if the balls are disjoint;
    CERTIFIED if ``ref`` has ``dps`` correct digits and ``other`` has them too or is a bound
    |μ_k| ≤ ε_k that contains ``ref`` (values far below their natural size); else UNDECIDED.

    Parameters
    ----------
    ref : Enclosure
        The reference route's value.
    other : Enclosure
        The other route's value (a narrow ball or a bound).
    dps : int
        The required number of correct significant digits.

    Returns
    -------
    Verdict
        PROVED, CERTIFIED, REFUTED or UNDECIDED.

    Examples
    --------
    A bound that contains the reference counts as agreement:

    >>> from flint import arb
    >>> from hardverify.numeric.enclosure import Enclosure
    >>> ref = Enclosure(arb("1e-30 +/- 1e-46"))                # 16 correct digits
    >>> routes_agree(ref, Enclosure(arb("0 +/- 1e-20")), 15).status.name
    'CERTIFIED'
    >>> routes_agree(ref, Enclosure(arb("2e-30 +/- 1e-46")), 15).status.name
    'REFUTED'
    """
    if ref.is_exact_zero() and other.is_exact_zero():
        return Verdict(Status.PROVED, method="parity: both routes give an exact 0")
    if not ref.ball.overlaps(other.ball):
        return Verdict(Status.REFUTED, method="two certified routes", precision=dps,
                       evidence=f"{ref} and {other} are disjoint")
    if ref.rel_accuracy_digits() >= dps and (other.rel_accuracy_digits() >= dps or other.contains(ref)):
        return Verdict(Status.CERTIFIED, method="two certified routes agree", precision=dps,
                       evidence=f"{ref} ≈ {other}")
    return Verdict(Status.UNDECIDED, method="two certified routes", precision=dps,
                   evidence=f"{ref} vs {other}: too wide to decide")


def _form_parts(parts, name: str) -> list:
    """The parts (r_0, r_1) of a form as exact sympy Rationals, or DomainError."""
    msg = (f"{name} must be a pair of rationals (r0, r1): ints, Fractions, sympy Rationals or strings "
           f"such as '1/2' (no floats), got {parts!r}")
    if not isinstance(parts, (tuple, list)) or len(parts) != 2:
        raise DomainError(msg)
    out = []
    for v in parts:
        if isinstance(v, float):
            raise DomainError(msg)
        try:
            q = exact_fraction(v)
        except DomainError:
            raise DomainError(msg) from None
        out.append(sp.Rational(q.numerator, q.denominator))
    return out


def forms_equal(n: int, a, b) -> Verdict:
    """Verdict on the exact equality a[0] + a[1] A_n = b[0] + b[1] A_n, A_n = Γ(n/2)/(√π Γ((n+1)/2)).

    For odd n, A_n is rational and the values are compared; for even n, A_n = q/π with q rational and
    π irrational, so the two are equal iff both parts agree.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 1``.
    a, b : pair of rationals
        The parts (r_0, r_1) of each form (ints, Fractions, sympy Rationals or rational strings).

    Returns
    -------
    Verdict
        PROVED (equal) or REFUTED (different), by exact rational arithmetic.

    Raises
    ------
    DomainError
        If n is not an integer >= 1, or a part is not exact (floats are refused: pass ``"1/2"``).

    Examples
    --------
    A_3 = 1/2 (rational) but A_4 = 4/(3π):

    >>> forms_equal(3, (0, 1), ("1/2", 0)).status.name, forms_equal(4, (0, 1), (1, 0)).status.name
    ('PROVED', 'REFUTED')
    """
    n = as_int_at_least(n, 1, "dimension n")
    a, b = _form_parts(a, "a"), _form_parts(b, "b")
    if n % 2:
        ok = (a[0] - b[0]) + (a[1] - b[1]) * half_gamma_ratio(n, compact=False) == 0     # the rational A_n
    else:
        ok = a[0] == b[0] and a[1] == b[1]
    return Verdict(Status.PROVED if ok else Status.REFUTED, method="exact rational arithmetic in the form r0 + r1 A_n",
                   evidence=f"n = {n}: parts {'agree' if ok else 'differ'}")
