"""Checks on values: exact equality, agreement of layers, references, signs, ranges.

Each function returns a :class:`~hardverify.verdict.Verdict` and, like
python-flint, says yes only when it is sure:

* :func:`exact_equal` — PROVED when sympy shows ``a - b == 0``; REFUTED when a
  certified evaluation shows ``a ≠ b``; otherwise UNDECIDED (never REFUTED just
  because ``simplify`` gave up).
* :func:`agrees` — CERTIFIED when an enclosure contains an exact value; REFUTED
  when it certainly excludes it.
* :func:`matches` — CERTIFIED when an enclosure agrees with a printed (rounded)
  reference and is narrow enough to resolve it; REFUTED when it certainly
  disagrees.
* :func:`in_range`, :func:`has_sign`, :func:`less` — interval arguments
  (CERTIFIED) or certified violations (REFUTED).

>>> import sympy as sp
>>> exact_equal(sp.sqrt(8), 2 * sp.sqrt(2)).status.name
'PROVED'
>>> exact_equal(sp.pi, sp.Rational(355, 113)).status.name
'REFUTED'
"""

from __future__ import annotations

import numbers
from fractions import Fraction

import sympy as sp
from flint import arb, ctx

from ..core.arbeval import enclose_constant
from ..core.numbers import as_expr
from ..errors import DomainError, HardverifyError
from ..numeric.enclosure import Enclosure, bits_for_dps, exact_fraction
from ..verdict import Status, Verdict

__all__ = ["exact_equal", "exact_zero", "agrees", "consistent", "matches", "in_range", "has_sign", "less", "narrow"]


def _short(x, n: int = 60) -> str:
    if isinstance(x, sp.Basic):
        big = max((max(int(abs(r.p)).bit_length(), int(r.q).bit_length()) for r in x.atoms(sp.Rational)), default=0)
        if big > 4000:      # printing an exact value with ~10⁶ digits (n = 10⁶) is slow or fails
            return f"<exact {type(x).__name__} with a {int(big * 0.30103)}-digit rational>"
    try:
        s = str(x)
    except ValueError:      # an integer beyond Python's str() digit limit
        s = f"<{type(x).__name__} too large to print>"
    return s if len(s) <= n else s[: n - 3] + "..."


def _certified_difference(a, b, prec: int = 256):
    """A ball around a - b (None if either side cannot be evaluated)."""
    try:
        with ctx.workprec(prec):
            return enclose_constant(sp.sympify(a) - sp.sympify(b))
    except HardverifyError:
        return None


def exact_equal(actual, expected, *, simplify: bool = True) -> Verdict:
    """Verdict on the exact identity ``actual == expected`` (sympy expressions or numbers).

    PROVED when the expressions are identical or sympy reduces ``actual - expected`` to 0;
    REFUTED when both are constants and a certified evaluation of the difference (at 128, then
    1024 bits) excludes 0; otherwise UNDECIDED — never REFUTED only because ``simplify`` gave up.

    Parameters
    ----------
    actual, expected : sympy.Expr or number
        The two sides (free symbols allowed; then only PROVED or UNDECIDED is possible).
    simplify : bool
        Try ``sympy.simplify`` when ``expand`` does not give 0 (slower, stronger).

    Returns
    -------
    Verdict
        PROVED, REFUTED (certified counterexample) or UNDECIDED.

    Raises
    ------
    DomainError
        If a side is not a number or sympy expression.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> exact_equal(sp.sin(x)**2 + sp.cos(x)**2, 1).status.name
    'PROVED'
    >>> exact_equal(sp.Rational(22, 7), sp.pi).status.name       # 22/7 - π ≈ 0.00126, certified ≠ 0
    'REFUTED'
    """
    a, b = as_expr(actual, "actual", allow_symbols=True), as_expr(expected, "expected", allow_symbols=True)
    if a == b:
        return Verdict(Status.PROVED, method="exact: identical sympy expressions",
                       evidence=f"{_short(a)} == {_short(b)}")
    diff = sp.expand(a - b)
    if diff == 0 or (simplify and sp.simplify(diff) == 0):
        return Verdict(Status.PROVED, method="exact: sympy simplify(a - b) = 0",
                       evidence=f"{_short(a)} == {_short(b)}")
    if a.free_symbols or b.free_symbols:
        return Verdict(Status.UNDECIDED, method="exact: sympy simplify",
                       evidence=f"could not show {_short(a)} == {_short(b)}")
    for prec in (128, 1024):
        d = _certified_difference(a, b, prec)
        if d is not None and d.is_finite() and not d.contains(0):
            return Verdict(Status.REFUTED, method="certified evaluation of a - b",
                           evidence=f"{_short(a)} - {_short(b)} = {d.str(10, radius=True)} ≠ 0")
    return Verdict(Status.UNDECIDED, method="exact: sympy simplify; certified evaluation",
                   evidence=f"could not decide {_short(a)} == {_short(b)}")


def exact_zero(value) -> Verdict:
    """Verdict on ``value == 0`` exactly: :func:`exact_equal` with 0.

    Parameters
    ----------
    value : sympy.Expr or number
        The value to test.

    Returns
    -------
    Verdict
        PROVED (exact zero), REFUTED (certified non-zero constant) or UNDECIDED.

    Raises
    ------
    DomainError
        If ``value`` is not a number or sympy expression.

    Examples
    --------
    >>> import sympy as sp
    >>> exact_zero(sp.sin(sp.pi)).status.name, exact_zero(sp.sqrt(2) - 1).status.name
    ('PROVED', 'REFUTED')
    """
    return exact_equal(value, 0)


def agrees(enclosure: Enclosure, exact) -> Verdict:
    """Verdict on the agreement of the certified layer with the exact one: ``exact ∈ enclosure``.

    Parameters
    ----------
    enclosure : Enclosure
        A certified ball.
    exact : sympy.Expr or number
        The exact value.

    Returns
    -------
    Verdict
        CERTIFIED if the ball contains ``exact``, REFUTED if it certainly excludes it, else
        UNDECIDED.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.numeric.enclosure import enclose
    >>> e = enclose(sp.pi, 30)
    >>> agrees(e, sp.pi).status.name, agrees(e, sp.Rational(355, 113)).status.name
    ('CERTIFIED', 'REFUTED')
    """
    dps = enclosure.dps
    if enclosure.contains(exact):
        return Verdict(Status.CERTIFIED, method="certified enclosure contains the exact value",
                       precision=dps, evidence=f"{_short(exact)} ∈ {enclosure}")
    if enclosure.excludes(exact):
        return Verdict(Status.REFUTED, method="certified enclosure excludes the exact value",
                       precision=dps, evidence=f"{_short(exact)} ∉ {enclosure}")
    return Verdict(Status.UNDECIDED, method="enclosure vs exact value", precision=dps,
                   evidence=f"cannot decide whether {_short(exact)} ∈ {enclosure}")


def consistent(a: Enclosure, b: Enclosure, dps: int) -> Verdict:
    """Verdict on two independent enclosures of one quantity: they overlap and both resolve ``dps`` digits.

    CERTIFIED when they overlap and each has ``dps`` correct digits (or is an exact 0), so the
    value is certified to that many digits by either route; REFUTED when they are disjoint
    (one route is wrong); otherwise UNDECIDED.

    Parameters
    ----------
    a, b : Enclosure
        Certified balls from two routes.
    dps : int
        The number of correct significant digits each must have.

    Returns
    -------
    Verdict
        CERTIFIED, REFUTED or UNDECIDED.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.numeric.enclosure import enclose
    >>> consistent(enclose(sp.pi, 30), enclose(sp.pi, 40), 30).status.name
    'CERTIFIED'
    >>> consistent(enclose(sp.pi, 30), enclose(sp.Rational(355, 113), 30), 30).status.name
    'REFUTED'
    """
    label = max(a.dps or 0, b.dps or 0) or None
    if not a.ball.overlaps(b.ball):
        return Verdict(Status.REFUTED, method="two certified routes", precision=label,
                       evidence=f"{a} and {b} are disjoint")
    for e in (a, b):
        if not (e.is_exact_zero() or e.rel_accuracy_digits() >= dps):
            return Verdict(Status.UNDECIDED, method="two certified routes", precision=label,
                           evidence=f"{e} has fewer than {dps} correct digits")
    return Verdict(Status.CERTIFIED, method="two certified routes agree", precision=label,
                   evidence=f"{a} ≈ {b}")


def _digits_of(decimal: str) -> int:
    mant = decimal.strip().lower().split("e")[0].lstrip("+-").replace(".", "").lstrip("0")
    return max(1, len(mant))


def matches(enclosure: Enclosure, reference: str, *, source: str = "") -> Verdict:
    """Verdict on a certified value against a printed (rounded) reference, e.g. a table of a paper.

    CERTIFIED only when every point of the enclosure rounds to ``reference`` (both endpoints
    lie within half a unit of its last digit); REFUTED when the enclosure is certainly
    incompatible with it; UNDECIDED when the ball is too wide to resolve its digits.

    Parameters
    ----------
    enclosure : Enclosure
        The certified value.
    reference : str
        The printed decimal, e.g. ``"0.2820948"`` (its digits set the required accuracy).
    source : str
        Where the reference comes from, quoted in the evidence.

    Returns
    -------
    Verdict
        CERTIFIED, REFUTED or UNDECIDED.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.numeric.enclosure import enclose
    >>> e = enclose(sp.pi, 30)
    >>> matches(e, "3.14159").status.name, matches(e, "3.14160").status.name   # π to 6 digits
    ('CERTIFIED', 'REFUTED')
    >>> matches(enclose(sp.pi, 5), "3.14159265358979").status.name            # too wide to tell
    'UNDECIDED'
    """
    digits = _digits_of(reference)
    ok = enclosure.matches(reference)
    # certified only if every point of the enclosure rounds to the reference: both endpoints lie in
    # reference ± ½ ulp (an enclosure that merely meets that interval may straddle a rounding boundary)
    lo, hi = enclosure.endpoint_balls()
    narrow_enough = Enclosure(lo).matches(reference) and Enclosure(hi).matches(reference)
    origin = f" ({source})" if source else ""
    if ok and narrow_enough:
        return Verdict(Status.CERTIFIED, method="certified enclosure vs rounded reference",
                       precision=enclosure.dps, evidence=f"{enclosure} ≈ {reference}{origin}")
    if not ok:
        return Verdict(Status.REFUTED, method="certified enclosure vs rounded reference",
                       precision=enclosure.dps, evidence=f"{enclosure} disagrees with {reference}{origin}")
    return Verdict(Status.UNDECIDED, method="certified enclosure vs rounded reference", precision=enclosure.dps,
                   evidence=f"{enclosure} is too wide to resolve {digits} digits of {reference}")


def narrow(enclosure: Enclosure, dps: int) -> Verdict:
    """Verdict on the width of a ball: at least ``dps`` correct significant digits.

    Parameters
    ----------
    enclosure : Enclosure
        The certified value.
    dps : int
        The required number of correct significant digits.

    Returns
    -------
    Verdict
        CERTIFIED if ``enclosure.rel_accuracy_digits() >= dps`` (or it is an exact 0), else
        UNDECIDED (never REFUTED: width says nothing about correctness).

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify.numeric.enclosure import enclose
    >>> narrow(enclose(sp.pi, 30), 30).status.name, narrow(enclose(sp.pi, 10), 30).status.name
    ('CERTIFIED', 'UNDECIDED')
    """
    got = enclosure.rel_accuracy_digits()
    st = Status.CERTIFIED if got >= dps or enclosure.is_exact_zero() else Status.UNDECIDED
    return Verdict(st, method="enclosure width", precision=enclosure.dps,
                   evidence=f"{enclosure}: {got:.1f} correct digits (wanted {dps})")


def _as_fraction_or_ball(x, prec):
    try:
        return exact_fraction(x)
    except HardverifyError:
        with ctx.workprec(prec):
            return enclose_constant(x)


def _ball(x, prec: int) -> arb:
    if isinstance(x, Enclosure):
        return x.ball
    v = _as_fraction_or_ball(x, prec)
    if isinstance(v, Fraction):
        from flint import fmpq
        with ctx.workprec(prec):
            return arb(fmpq(v.numerator, v.denominator))
    return v


def in_range(value, lo, hi) -> Verdict:
    """Verdict on lo ≤ value ≤ hi, by interval comparison.

    Parameters
    ----------
    value : Enclosure, sympy.Expr or number
        The value (exact constants are enclosed at the precision of ``value.dps`` or 30 digits,
        plus guard bits).
    lo, hi : Enclosure, sympy.Expr or number
        The bounds.

    Returns
    -------
    Verdict
        CERTIFIED if the inequalities certainly hold, REFUTED if the value is certainly outside,
        else UNDECIDED.

    Raises
    ------
    HardverifyError
        If an exact value cannot be enclosed (e.g. it has free symbols).

    Examples
    --------
    >>> import sympy as sp
    >>> in_range(sp.pi, 3, 4).status.name, in_range(sp.sqrt(2), sp.Rational(3, 2), 2).status.name
    ('CERTIFIED', 'REFUTED')
    """
    prec = bits_for_dps((value.dps if isinstance(value, Enclosure) else None) or 30) + 64
    v, a, b = _ball(value, prec), _ball(lo, prec), _ball(hi, prec)
    text = f"{v.str(12, radius=True)} in [{_short(lo, 20)}, {_short(hi, 20)}]"
    if (v >= a) and (v <= b):
        return Verdict(Status.CERTIFIED, method="interval comparison", evidence=text)
    if (v < a) or (v > b):
        return Verdict(Status.REFUTED, method="interval comparison", evidence="not " + text)
    return Verdict(Status.UNDECIDED, method="interval comparison", evidence="cannot decide " + text)


def has_sign(value, sign: int) -> Verdict:
    """Verdict on the sign of a value: positive (``sign=1``), negative (``-1``) or exactly zero (``0``).

    Parameters
    ----------
    value : Enclosure, sympy.Expr or number
        The value.
    sign : int
        ``+1``, ``-1`` or ``0`` (an int or sympy Integer; nothing else).

    Returns
    -------
    Verdict
        For ±1: CERTIFIED if the sign is certain, REFUTED if the opposite (or 0) is certain.
        For 0: PROVED for an exact zero (CERTIFIED for an exact-zero enclosure), REFUTED if
        the ball excludes 0.  UNDECIDED otherwise.

    Raises
    ------
    DomainError
        If ``sign`` is not one of -1, 0, +1.
    HardverifyError
        If an exact value cannot be enclosed.

    Examples
    --------
    >>> import sympy as sp
    >>> has_sign(sp.pi - 3, 1).status.name, has_sign(3 - sp.pi, 1).status.name, has_sign(0, 0).status.name
    ('CERTIFIED', 'REFUTED', 'PROVED')
    """
    if isinstance(sign, bool) or not isinstance(sign, (numbers.Integral, sp.Integer)) or sign not in (-1, 0, 1):
        raise DomainError(f"sign must be one of -1, 0, +1 (negative, zero, positive), got {sign!r}")
    prec = 256
    v = _ball(value, prec)
    if sign == 0:
        if v.is_zero():
            return Verdict(Status.PROVED if not isinstance(value, Enclosure) else Status.CERTIFIED,
                           method="exact zero", evidence=f"{v.str(10, radius=True)} = 0")
        if not v.contains(0):
            return Verdict(Status.REFUTED, method="interval sign", evidence=f"{v.str(10, radius=True)} ≠ 0")
        return Verdict(Status.UNDECIDED, method="interval sign", evidence=f"{v.str(10, radius=True)} contains 0")
    good = (v > 0) if sign > 0 else (v < 0)
    bad = (v <= 0) if sign > 0 else (v >= 0)
    word = "positive" if sign > 0 else "negative"
    if good:
        return Verdict(Status.CERTIFIED, method="interval sign", evidence=f"{v.str(10, radius=True)} is {word}")
    if bad:
        return Verdict(Status.REFUTED, method="interval sign", evidence=f"{v.str(10, radius=True)} is not {word}")
    return Verdict(Status.UNDECIDED, method="interval sign", evidence=f"sign of {v.str(10, radius=True)} unknown")


def _exact_or_none(x):
    if isinstance(x, Enclosure):
        return None
    try:
        return exact_fraction(x)
    except HardverifyError:
        return None


def less(a, b, *, strict: bool = True) -> Verdict:
    """Verdict on a < b (or a ≤ b with ``strict=False``).

    Two exact rationals are compared exactly (PROVED or REFUTED), so
    ``less(Rational(1, 3), Rational(1, 3), strict=False)`` is PROVED.  Otherwise both are enclosed
    (256 bits) and compared as intervals: CERTIFIED, REFUTED, or UNDECIDED when the balls overlap.

    Parameters
    ----------
    a, b : Enclosure, sympy.Expr or number
        The two sides.
    strict : bool
        Test a < b (default) or a ≤ b.

    Returns
    -------
    Verdict
        PROVED/REFUTED (exact rationals), CERTIFIED/REFUTED (intervals) or UNDECIDED.

    Raises
    ------
    HardverifyError
        If an exact value cannot be enclosed.

    Examples
    --------
    >>> import sympy as sp
    >>> less(sp.pi, sp.Rational(22, 7)).status.name          # Archimedes: π < 22/7
    'CERTIFIED'
    >>> third = sp.Rational(1, 3)
    >>> less(third, third, strict=False).status.name, less(third, third).status.name
    ('PROVED', 'REFUTED')
    """
    qa, qb = _exact_or_none(a), _exact_or_none(b)
    if qa is not None and qb is not None:
        rel = "<" if strict else "≤"
        ok = qa < qb if strict else qa <= qb
        return Verdict(Status.PROVED if ok else Status.REFUTED, method="exact rational comparison",
                       evidence=f"{'' if ok else 'not '}{qa} {rel} {qb}")
    prec = 256
    x, y = _ball(a, prec), _ball(b, prec)
    rel = "<" if strict else "≤"
    text = f"{x.str(12, radius=True)} {rel} {y.str(12, radius=True)}"
    ok = (x < y) if strict else (x <= y)
    if ok:
        return Verdict(Status.CERTIFIED, method="interval comparison", evidence=text)
    no = (x >= y) if strict else (x > y)
    if no:
        return Verdict(Status.REFUTED, method="interval comparison", evidence="not " + text)
    return Verdict(Status.UNDECIDED, method="interval comparison", evidence="cannot decide " + text)
