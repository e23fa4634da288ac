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
    """True for an exact number (int, Fraction, sympy number), False for an Enclosure."""
    return not isinstance(x, Enclosure)


def is_zero(x) -> bool:
    """True for an exact 0 (or an Enclosure that is the single point 0)."""
    if isinstance(x, Enclosure):
        return x.is_exact_zero()
    q = rational_or_none(x)
    return q == 0 if q is not None else False


def rational_or_none(x):
    """x as a Fraction when it is an exact rational, else None."""
    if isinstance(x, Enclosure):
        return None
    if isinstance(x, sp.Basic) and not x.is_Rational:
        return None
    try:
        return exact_fraction(x)
    except DomainError:
        return None


def to_sympy(x):
    """An exact number as a sympy number (Enclosures are returned unchanged)."""
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
    """A ball that certainly contains x (exact for rationals) at about ``dps`` digits."""
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
    """Decide ``a op b`` for op in ``<``, ``<=``, ``>``, ``>=`` (see the module docstring)."""
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
    """⌈x⌉: exact for rationals, certified for irrationals.  ``side="safe_low"``/``"safe_high"`` returns a
    certified lower/upper bound on ⌈x⌉ when the enclosure of an Enclosure input contains an integer."""
    return _floor_ceil(x, "ceil", side)


def floor_of(x, side: str = "exact") -> int:
    """⌊x⌋ (see :func:`ceil_of`)."""
    return _floor_ceil(x, "floor", side)


def log_enclosure(x, base: int, dps: int = 15) -> Enclosure:
    """log_base(x) for x > 0 as an Enclosure (exact x is enclosed first; works for 10⁶-digit integers)."""
    with ctx.workprec(bits_for_dps(dps + _digits_needed(x) // 1000 + 10) + 32):
        b = ball(x, dps + 10 + _digits_needed(x) // 1000)
        if not b > 0:
            raise DomainError(f"log of a value not certainly positive: {show(x)}")
        return Enclosure(b.log() / arb(base).log(), dps)


def show(x, digits: int = 12) -> str:
    """A short text for a number of any size (huge integers by their leading digits and length)."""
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
