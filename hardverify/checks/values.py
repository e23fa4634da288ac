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

from fractions import Fraction

import sympy as sp
from flint import arb, ctx

from ..core.arbeval import enclose_constant
from ..core.numbers import as_expr
from ..errors import HardverifyError
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
    """PROVED if ``actual == expected`` exactly (structurally, or after sympy simplification)."""
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
    """PROVED if ``value`` is exactly 0."""
    return exact_equal(value, 0)


def agrees(enclosure: Enclosure, exact) -> Verdict:
    """The certified layer agrees with the exact one: ``exact ∈ enclosure``."""
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
    """Two independent enclosures of the same quantity agree: they overlap and both resolve ``dps`` digits.

    CERTIFIED when they overlap and each has ``dps`` correct digits (so the value is
    certified to that many digits by either route); REFUTED when they are disjoint.
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
    """The enclosure agrees with a printed (rounded) reference value and resolves its digits."""
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
    """CERTIFIED if the enclosure has at least ``dps`` correct significant digits."""
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
    """CERTIFIED if lo ≤ value ≤ hi is certain; REFUTED if certainly outside."""
    prec = bits_for_dps((value.dps if isinstance(value, Enclosure) else None) or 30) + 64
    v, a, b = _ball(value, prec), _ball(lo, prec), _ball(hi, prec)
    text = f"{v.str(12, radius=True)} in [{_short(lo, 20)}, {_short(hi, 20)}]"
    if (v >= a) and (v <= b):
        return Verdict(Status.CERTIFIED, method="interval comparison", evidence=text)
    if (v < a) or (v > b):
        return Verdict(Status.REFUTED, method="interval comparison", evidence="not " + text)
    return Verdict(Status.UNDECIDED, method="interval comparison", evidence="cannot decide " + text)


def has_sign(value, sign: int) -> Verdict:
    """CERTIFIED if the value certainly has the given sign (+1, -1) or is an exact 0 (sign 0)."""
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
    """CERTIFIED if a < b (or a ≤ b) is certain; REFUTED if the opposite is certain.

    Two exact rationals are compared exactly (PROVED), so ``less(1/3, 1/3, strict=False)`` holds.
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
