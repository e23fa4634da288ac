"""The one precision module of the certified layer: when is a ball good enough, and how to get there.

Every certified routine of hardverify decides "done" with :func:`meets` and nothing else, so a bug that
would cost a false CERTIFIED can only live in one place.

* :func:`meets` — the contract of a certified result with ``dps`` digits: the ball is exact, or it excludes
  0 with relative radius ≤ 10^{-dps} (``dps`` correct significant digits), or it contains 0 with radius
  ≤ 10^{-dps}·scale (the absolute rule at zeros: a value whose sign is not resolved is certified to be
  negligible at its natural size ``scale``).  A ball that excludes 0 needs its relative digits, except
  under ``bound=True`` — the contract of the quadratures for values far below their natural size, where
  |x| ≤ 10^{-dps}·scale is the certified answer;
* :func:`until_met` — evaluate at rising precision until :func:`meets` holds, else
  :class:`~hardverify.errors.NotCertified`;
* :func:`guarded_sum` — a sum whose terms cancel (alternating binomial sums, pair expansions): evaluate the
  terms with guard digits, and raise the guard by the digits the cancellation cost until the sum meets
  ``dps``;
* :func:`refine_tolerances` — the adaptive loop of quadrature routines: start from an absolute tolerance,
  then ask 10^{-dps} relative accuracy of every value certified non-zero.

>>> from flint import arb
>>> meets(arb("0.25 +/- 1e-32"), 30), meets(arb("0.25 +/- 1e-20"), 30), meets(arb("0 +/- 1e-31"), 30)
(True, False, True)
>>> meets(arb("1e-40 +/- 1e-45"), 30)             # excludes 0: needs its relative digits, |x| < 10^-30 is not enough
False
>>> b = until_met(lambda: arb.pi() / 7, 40)
>>> meets(b, 40) and b.overlaps(arb("0.4487989505128276054946633404685212104"))
True
"""

from __future__ import annotations

import math
from typing import Callable

from flint import arb, ctx

from ..errors import NotCertified

__all__ = ["bits_for_dps", "tolerance", "meets", "digits_met", "until_met", "guarded_sum", "refine_tolerances"]


def bits_for_dps(dps: int) -> int:
    """Binary precision that represents ``dps`` decimal digits (rounded up).

    Parameters
    ----------
    dps : int
        Decimal digits.

    Returns
    -------
    int
        ⌊dps·log2(10)⌋ + 1 bits.

    Examples
    --------
    >>> bits_for_dps(30), bits_for_dps(1)
    (100, 4)
    """
    return int(dps * 3.3219280948873623) + 1


def tolerance(dps: int) -> arb:
    """10^{-dps} as a ball (at 64 bits: comparisons against it are certain away from rounding ties).

    Parameters
    ----------
    dps : int
        Decimal digits.

    Returns
    -------
    flint.arb
        A ball containing 10^{-dps}.

    Examples
    --------
    >>> from flint import fmpq
    >>> b = tolerance(30)
    >>> with ctx.workprec(300):                    # read 10^-30 finer than the ball before comparing
    ...     print(b.contains(fmpq(1, 10**30)))
    True
    """
    with ctx.workprec(64 + bits_for_dps(dps) // 8):
        return arb(10) ** (-dps)


def meets(ball: arb, dps: int, *, scale=1, bound: bool = False) -> bool:
    """True if ``ball`` is a certified result with ``dps`` digits (see the module docstring).

    ``scale`` is the natural size of the quantity for the absolute rule at zeros (default 1): a ball that
    contains 0 with radius ≤ 10^{-dps}·scale certifies that the value is negligible at that size; with
    ``bound=True`` so does any ball with |x| ≤ 10^{-dps}·scale.

    Parameters
    ----------
    ball : flint.arb
        The candidate result.
    dps : int
        The digits it must have.
    scale : number or flint.arb
        The natural size of the quantity (default 1).
    bound : bool
        Also accept |x| ≤ 10^{-dps}·scale for a ball that excludes 0.

    Returns
    -------
    bool
        True if the ball is exact, or has relative radius ≤ 10^{-dps} (excluding 0), or contains 0 with
        radius ≤ 10^{-dps}·scale; False for a non-finite ball.

    Examples
    --------
    >>> meets(arb("1e-40 +/- 1e-45"), 30, bound=True)       # the quadratures' contract: |x| ≤ 10^-30 suffices
    True
    """
    if not ball.is_finite():
        return False
    if ball.rad() == 0:
        return True
    tol = tolerance(dps)
    with ctx.workprec(64):
        if bound and ball.abs_upper() <= tol * arb(scale):
            return True
        if not ball.contains(0):
            return bool(ball.rad() <= tol * ball.abs_lower())
        return bool(ball.rad() <= tol * arb(scale))


def digits_met(ball: arb) -> float:
    """The correct significant digits of a ball: -log10(rad/|x|) (inf if exact, 0 if it may be 0).

    Parameters
    ----------
    ball : flint.arb
        A ball.

    Returns
    -------
    float
        The digits (``inf`` for an exact ball, 0.0 when it contains 0).

    Examples
    --------
    >>> round(digits_met(arb(1, 1e-10)), 6), digits_met(arb(0, 1))
    (10.0, 0.0)
    """
    if ball.rad() == 0:
        return math.inf
    if ball.contains(0):
        return 0.0
    with ctx.workprec(64):
        return max(0.0, float(-((ball.rad() / ball.abs_lower()).log() / arb(10).log())))


def until_met(compute: Callable[[], arb], dps: int, *, scale=1, start_bits: int | None = None,
              attempts: int = 10, what: str = "the value") -> arb:
    """``compute()`` evaluated at precisions start_bits, 2·start_bits, ... until :func:`meets` holds.

    ``compute`` runs inside ``flint.ctx.workprec(prec)`` and returns a ball.  Raises NotCertified after
    ``attempts`` doublings, or at once when the ball is not finite (the value is undefined or overflows).

    Parameters
    ----------
    compute : callable
        ``compute()`` returns an arb at the ambient precision.
    dps : int
        The digits required (:func:`meets`).
    scale : number or flint.arb
        The natural size for the absolute rule at zeros.
    start_bits : int, optional
        The first precision (default ``bits_for_dps(dps) + 32``).
    attempts : int
        The number of precisions tried (each doubling the last).
    what : str
        The quantity, for the message.

    Returns
    -------
    flint.arb
        The first ball that meets ``dps``.

    Raises
    ------
    NotCertified
        If no attempt meets ``dps``, or a ball is not finite.

    Examples
    --------
    >>> b = until_met(lambda: arb(1).exp() - arb(10) ** -60 - arb(1).exp(), 20)    # cancellation: needs > 60 digits
    >>> meets(b, 20) and b.overlaps(-arb(10) ** -60)
    True
    """
    prec = start_bits or bits_for_dps(dps) + 32
    for _ in range(attempts):
        with ctx.workprec(prec):
            b = compute()
        if not b.is_finite():
            raise NotCertified(f"{what} is not a finite real number in ball arithmetic ({b})")
        if meets(b, dps, scale=scale):
            return b
        prec *= 2
    raise NotCertified(f"could not certify {what} to {dps} digits (working precision {prec // 2} bits); "
                       "lower dps")


def guarded_sum(evaluate: Callable[[int], tuple], dps: int, *, guard: int = 5, attempts: int = 4,
                zero_scale: Callable[[arb], arb] | None = None, what: str = "the sum") -> arb:
    """A cancelling sum to ``dps`` digits: ``evaluate(inner_dps) -> (total, scale)``.

    ``evaluate`` computes the sum from terms certified to ``inner_dps = dps + guard`` digits and returns its
    ball and an upper bound of Σ|terms| (``scale``).  When the sum does not meet ``dps``, the guard is raised
    by the digits the cancellation lost, log10(scale/|sum|) + 5 (10 when the sum may be 0).  A sum that may
    be 0 is accepted when |sum| ≤ 10^{-dps}·zero_scale(scale) (default zero_scale: 1).

    Parameters
    ----------
    evaluate : callable
        ``evaluate(inner_dps) -> (total, scale)``, run at ``bits_for_dps(inner_dps) + 64`` bits.
    dps : int
        The digits required of the sum.
    guard : int
        The first guard digits.
    attempts : int
        The number of evaluations tried.
    zero_scale : callable, optional
        ``zero_scale(scale) -> arb``: the natural size for a sum that may be 0 (default 1).
    what : str
        The quantity, for the message.

    Returns
    -------
    flint.arb
        A ball of the sum that meets ``dps``.

    Raises
    ------
    NotCertified
        If the cancellation is not overcome within ``attempts``.

    Examples
    --------
    >>> def evaluate(d):                                    # (1 + 10^-30) - 1, whose terms cancel 30 digits
    ...     one, tiny = arb(1), arb(10) ** -30
    ...     return (one + tiny) - one, one + tiny + one
    >>> guarded_sum(evaluate, 20).overlaps(arb(10) ** -30)
    True
    """
    for _ in range(attempts):
        inner = dps + guard
        with ctx.workprec(bits_for_dps(inner) + 64):
            total, scale = evaluate(inner)
            zs = arb(1) if zero_scale is None else zero_scale(scale)
        if meets(total, dps, scale=zs if total.contains(0) else 1):
            return total
        if total.contains(0):
            lost = 10
        else:
            with ctx.workprec(64):
                lost = int(math.ceil(float((scale / total.abs_lower()).log() / arb(10).log())))
        guard += max(5, lost + 5)
    raise NotCertified(f"{what} did not reach {dps} digits (its terms cancel); lower dps")


def refine_tolerances(balls: dict, tols: dict, dps: int, floors: dict, *, factor: int = 8) -> list:
    """One step of the adaptive tolerance loop of a certified quadrature; returns the indices still pending.

    ``balls[m]`` is the current enclosure of value m, ``tols[m]`` the absolute error the next pass asks of
    it (updated in place), ``floors[m]`` the absolute rule at zeros for it (10^{-dps} times its natural
    size).  A value is done when it has ``dps`` digits, or contains 0 with radius ≤ floors[m], or lies in
    [-floors[m], floors[m]] (:func:`meets` with ``bound=True``: the quadratures' contract for values far
    below their natural size).  Otherwise the tolerance
    drops to a 1/factor share of the accuracy still needed (10^{-dps}|value| relative, or the floor when
    the value may be 0), or by 2^-32 when the last pass already met the tolerance it was asked for (then
    rounding, not the rule, limits the result).

    Parameters
    ----------
    balls : dict
        ``{index: arb}``, the current enclosures.
    tols : dict
        ``{index: arb}``, the absolute tolerances of the next pass; updated in place.
    dps : int
        The digits required.
    floors : dict
        ``{index: arb}``, the absolute rule at zeros for each value.
    factor : int
        The share of the remaining accuracy the next pass must reach.

    Returns
    -------
    list
        The indices not yet certified.
    """
    pending = []
    tol = tolerance(dps)
    with ctx.workprec(64):
        for m, b in balls.items():
            if b.contains(0):
                done = b.rad() <= floors[m]                 # the absolute rule at zeros
            else:
                done = b.abs_upper() <= floors[m] or b.rad() <= tol * b.abs_lower()
            if done:
                continue
            pending.append(m)
            if b.contains(0):
                tols[m] = (tols[m] / 2 ** 32).upper() if b.rad() <= 4 * tols[m] else (floors[m] / factor).upper()
            else:
                target = (tol * b.abs_lower() / factor).upper()
                tols[m] = target if target < tols[m] else (tols[m] / 2 ** 32).upper()
    return pending
