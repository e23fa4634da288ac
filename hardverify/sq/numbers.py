"""Exact-or-certified arithmetic for the SQ engine: comparisons, ceilings and logarithms of bounds.

A quantity of the engine is either **exact** (a Python int, ``Fraction`` or sympy number, possibly
irrational such as 2 - 4/π) or **certified** (an :class:`~hardverify.numeric.enclosure.Enclosure`).
Comparisons answer with a :class:`~hardverify.verdict.Status`: PROVED when both sides are rational
and compared exactly, CERTIFIED when an interval argument decides, REFUTED for a certified
counterexample, UNDECIDED when the balls overlap at every precision tried.

>>> import sympy as sp
>>> compare(sp.Rational(1, 4), "<", sp.Rational(1, 3)).name
'PROVED'
>>> compare(2 - 4 / sp.pi, ">", sp.Rational(7, 10)).name        # 2 - 4/π = 0.7267...
'CERTIFIED'
>>> ceil_of(1 / (2 - 4 / sp.pi))                                  # 1/0.7267... = 1.3759...
2
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import sympy as sp
from flint import arb, ctx, fmpq

from ..errors import DomainError, NotCertified
from ..numeric.enclosure import Enclosure, bits_for_dps, enclose, exact_fraction
from ..verdict import Status

__all__ = ["is_exact", "is_zero", "rational_or_none", "ball", "compare", "ceil_of", "floor_of", "log_enclosure",
           "to_sympy", "show"]

_DPS_LADDER = (30, 60, 120, 240)


def is_exact(x) -> bool:
    """Whether x is an exact quantity of the engine (anything but an Enclosure).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        A quantity.

    Returns
    -------
    bool
        False exactly for an :class:`~hardverify.numeric.enclosure.Enclosure`.
    """
    return not isinstance(x, Enclosure)


def is_zero(x) -> bool:
    """Whether x is certainly 0: an exact rational 0, or an Enclosure that is the single point 0.

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        A quantity.

    Returns
    -------
    bool
        False for irrational exact numbers (never 0) and for balls that merely contain 0.

    Examples
    --------
    >>> import sympy as sp
    >>> is_zero(sp.Integer(0)), is_zero(sp.sqrt(2) - sp.sqrt(2)), is_zero(sp.pi)
    (True, True, False)
    """
    if isinstance(x, Enclosure):
        return x.is_exact_zero()
    q = rational_or_none(x)
    return q == 0 if q is not None else False


def rational_or_none(x):
    """x as a Fraction when it is an exact rational, else None.

    Parameters
    ----------
    x : int, Fraction, float, sympy number or Enclosure
        A quantity (a float is read as the rational it prints as).

    Returns
    -------
    fractions.Fraction or None
        None for Enclosures, irrational sympy numbers and anything not a number.

    Examples
    --------
    >>> import sympy as sp
    >>> rational_or_none(sp.Rational(3, 4)), rational_or_none(sp.sqrt(2))
    (Fraction(3, 4), None)
    """
    if isinstance(x, Enclosure):
        return None
    if isinstance(x, sp.Basic) and not x.is_Rational:
        return None
    try:
        return exact_fraction(x)
    except DomainError:
        return None


def to_sympy(x):
    """An exact number as a sympy number (Enclosures are returned unchanged).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        A quantity.

    Returns
    -------
    sympy.Expr or Enclosure
        ``sympy.Rational`` for a Fraction, ``sympify(x)`` otherwise.
    """
    if isinstance(x, Enclosure):
        return x
    if isinstance(x, Fraction):
        return sp.Rational(x.numerator, x.denominator)
    return sp.sympify(x)


def _digits_needed(x) -> int:
    """Enough decimal digits to resolve integers near |x| (huge bounds need their full length)."""
    try:
        q = rational_or_none(x)
        if q is not None and q != 0:
            return max(0, int(math.log10(abs(q.numerator) + 1) - math.log10(q.denominator))) + 10
    except (OverflowError, ValueError):      # pragma: no cover - defensive
        pass
    return 10


def ball(x, dps: int) -> arb:
    """A ball that certainly contains x (exact for rationals) at about ``dps`` digits.

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        A quantity; an Enclosure's own ball is returned as is.
    dps : int
        Decimal digits for irrational exact numbers (enclosed once and cached).

    Returns
    -------
    flint.arb
        A certified ball containing x.

    Raises
    ------
    HardverifyError
        If an exact irrational number cannot be enclosed (e.g. it has free symbols).

    Examples
    --------
    >>> import sympy as sp
    >>> b = ball(sp.pi, 30)
    >>> bool(b.contains(ball(sp.Rational(314159265358979, 10**14), 30)))
    False
    >>> bool(b > 3) and bool(b < sp.Rational(22, 7))
    True
    """
    if isinstance(x, Enclosure):
        return x.ball
    q = rational_or_none(x)
    with ctx.workprec(bits_for_dps(dps) + 32):
        if q is not None:
            return arb(fmpq(q.numerator, q.denominator))
        return _enclosed(to_sympy(x), dps)


@functools.lru_cache(maxsize=512)
def _enclosed(expr, dps: int) -> arb:
    """Cached enclosure of an irrational sympy constant (a family's norm is enclosed once per (k, σ))."""
    with ctx.workprec(bits_for_dps(dps) + 32):
        return enclose(expr, dps).ball


def compare(a, op: str, b) -> Status:
    """Decide ``a op b`` for op in ``<``, ``<=``, ``>``, ``>=``, exactly or by intervals.

    Two rationals are compared exactly (PROVED/REFUTED).  Otherwise the difference is enclosed at
    30, 60, 120, 240 digits plus the length of the numbers (only 30 when a side is an
    Enclosure): CERTIFIED or REFUTED as soon as its sign is certain.  Two exact sides that sympy
    proves equal give PROVED for ``<=`` and REFUTED for ``<``.

    Parameters
    ----------
    a, b : int, Fraction, sympy number or Enclosure
        The two sides.
    op : {"<", "<=", ">", ">="}
        The relation.

    Returns
    -------
    Status
        PROVED, CERTIFIED, REFUTED or UNDECIDED (the balls overlap at every precision tried).

    Raises
    ------
    DomainError
        If ``op`` is not one of the four relations.

    Examples
    --------
    >>> import sympy as sp
    >>> compare(sp.sqrt(2), "<=", sp.sqrt(2)).name, compare(sp.sqrt(2), "<", sp.sqrt(2)).name
    ('PROVED', 'REFUTED')
    >>> compare(sp.pi, ">", sp.Rational(22, 7)).name        # π < 22/7
    'REFUTED'
    """
    if op not in ("<", "<=", ">", ">="):
        raise DomainError(f"op must be one of <, <=, >, >=, got {op!r}")
    qa, qb = rational_or_none(a), rational_or_none(b)
    if qa is not None and qb is not None:
        holds = {"<": qa < qb, "<=": qa <= qb, ">": qa > qb, ">=": qa >= qb}[op]
        return Status.PROVED if holds else Status.REFUTED
    if op in (">", ">="):
        a, b, op = b, a, {">": "<", ">=": "<="}[op]
    exact_pair = is_exact(a) and is_exact(b)
    if exact_pair and to_sympy(a) == to_sympy(b):
        return Status.PROVED if op == "<=" else Status.REFUTED
    for dps in (_DPS_LADDER if exact_pair else _DPS_LADDER[:1]):
        dps = dps + max(_digits_needed(a), _digits_needed(b))
        with ctx.workprec(bits_for_dps(dps) + 32):
            d = ball(b, dps) - ball(a, dps)          # b - a
            if d > 0 or (op == "<=" and d >= 0):     # a ≤ b holds on the whole ball (e.g. b = a's upper end)
                return Status.CERTIFIED
            if d < 0:
                return Status.REFUTED
            if d.is_zero() and exact_pair and op == "<=":
                return Status.CERTIFIED
    if exact_pair and _provably_equal(a, b):
        return Status.PROVED if op == "<=" else Status.REFUTED
    return Status.UNDECIDED


def _provably_equal(a, b) -> bool:
    """True when sympy proves a = b (structurally, or simplify(a - b) == 0 on small expressions)."""
    sa, sb = to_sympy(a), to_sympy(b)
    if sa == sb:
        return True
    d = sa - sb
    return sp.count_ops(d) < 400 and sp.simplify(d) == 0


def _floor_ceil(x, which: str, side: str) -> int:
    q = rational_or_none(x)
    if q is None and isinstance(x, Enclosure) and x.ball.is_exact():
        q = exact_fraction(x.ball)                   # a zero-radius ball is its (dyadic) midpoint exactly
    if q is not None:
        return math.floor(q) if which == "floor" else math.ceil(q)
    exact = is_exact(x)
    for dps in (_DPS_LADDER if exact else _DPS_LADDER[:1]):
        dps = dps + _digits_needed(x if not exact else sp.Integer(int(float(abs(ball(x, 20).upper())) + 1)))
        with ctx.workprec(bits_for_dps(dps) + 32):
            b = ball(x, dps)
            lo, hi = b.lower(), b.upper()
            flo, fhi = int(lo.floor().unique_fmpz()), int(hi.floor().unique_fmpz())
            if flo == fhi and not (hi.floor() == hi):     # no integer in (lo, hi]
                return flo if which == "floor" else flo + 1
    if side == "safe_low":
        return flo if which == "floor" else flo + (0 if lo.floor() == lo else 1)
    if side == "safe_high":
        return fhi + (0 if which == "floor" else 1)
    raise NotCertified(f"cannot decide ⌈·⌉/⌊·⌋ of {show(x)}: its enclosure contains an integer; raise dps")


def ceil_of(x, side: str = "exact") -> int:
    """⌈x⌉: exact for rationals, certified for irrationals (the smallest integer ≥ x).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        The value (huge exact values are enclosed with enough digits to resolve their length).
    side : {"exact", "safe_low", "safe_high"}
        What to do when the enclosure contains an integer: ``"exact"`` raises; ``"safe_low"`` /
        ``"safe_high"`` return a certified lower / upper bound on ⌈x⌉.

    Returns
    -------
    int
        ⌈x⌉ (or the requested bound on it).

    Raises
    ------
    NotCertified
        With ``side="exact"``, if no precision tried separates x from an integer (e.g. an
        Enclosure of non-zero radius that contains one; an exact ball such as ``arb(2)`` is decided).

    Examples
    --------
    >>> import sympy as sp
    >>> ceil_of(sp.Rational(7, 2)), ceil_of(sp.pi), ceil_of(sp.Integer(10)**40 + sp.sqrt(2))
    (4, 4, 10000000000000000000000000000000000000002)
    """
    return _floor_ceil(x, "ceil", side)


def floor_of(x, side: str = "exact") -> int:
    """⌊x⌋: exact for rationals, certified for irrationals (the largest integer ≤ x).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        The value.
    side : {"exact", "safe_low", "safe_high"}
        As for :func:`ceil_of`: raise, or return a certified lower / upper bound on ⌊x⌋.

    Returns
    -------
    int
        ⌊x⌋ (or the requested bound on it).

    Raises
    ------
    NotCertified
        With ``side="exact"``, if no precision tried separates x from an integer.

    Examples
    --------
    >>> import sympy as sp
    >>> floor_of(sp.pi), floor_of(-sp.pi), floor_of(sp.Rational(-7, 2))
    (3, -4, -4)
    """
    return _floor_ceil(x, "floor", side)


def log_enclosure(x, base: int, dps: int = 15) -> Enclosure:
    """log_base(x) for x > 0 as a certified Enclosure (works for exact integers of 10⁶ digits).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        A value that is certainly positive (exact x is enclosed first).
    base : int
        The base of the logarithm (e.g. 2, 10).
    dps : int
        Digits of the result (default 15).

    Returns
    -------
    Enclosure
        A certified ball around log(x)/log(base).

    Raises
    ------
    DomainError
        If x is not certainly positive.

    Examples
    --------
    >>> e = log_enclosure(2**1000, 2)
    >>> e.contains(1000), e.rel_accuracy_digits() >= 15
    (True, True)
    """
    with ctx.workprec(bits_for_dps(dps + _digits_needed(x) // 1000 + 10) + 32):
        b = ball(x, dps + 10 + _digits_needed(x) // 1000)
        if not b > 0:
            raise DomainError(f"log of a value not certainly positive: {show(x)}")
        return Enclosure(b.log() / arb(base).log(), dps)


def show(x, digits: int = 12) -> str:
    """A short text for a number of any size (huge integers by their leading digits and length).

    Parameters
    ----------
    x : int, Fraction, sympy number or Enclosure
        The value.
    digits : int
        Significant digits shown for huge or long values.

    Returns
    -------
    str
        The value itself when short; a decimal marked ``(exact integer)``, ``(exact rational)`` or
        ``(exact)`` when it would be long.

    Examples
    --------
    >>> show(3**1000)                                  # 3^1000 has 478 digits
    '1.32207081948e477 (exact integer)'
    """
    if isinstance(x, Enclosure):
        return str(x)
    q = rational_or_none(x)
    if q is not None and q.denominator == 1 and abs(q.numerator) >= 10 ** 30:
        e = log_enclosure(abs(q.numerator), 10, 20)
        lg = float(e)
        return f"{'-' if q < 0 else ''}{10 ** (lg - math.floor(lg)):.{digits - 1}f}e{math.floor(lg)} (exact integer)"
    if q is not None and q.denominator != 1 and (abs(q.numerator) >= 10 ** 30 or q.denominator >= 10 ** 30):
        return f"{Enclosure(ball(x, digits + 5), digits)} (exact rational)"
    return _show_expr(to_sympy(x), digits)


@functools.lru_cache(maxsize=1024)
def _show_expr(x, digits: int) -> str:
    """Printing a 2^k-term norm expression costs milliseconds: printed once per expression."""
    s = str(x)
    return s if len(s) <= 60 else f"{Enclosure(ball(x, digits + 5), digits)} (exact)"
