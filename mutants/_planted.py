"""Helpers shared by the planted-error scripts (not a proof script: the leading underscore keeps
:func:`hardverify.proofs.load` from collecting it).

Every mutant in ``mutants/*.py`` is a negative control (``control=True``): a deliberately wrong
statement that hardverify must REFUTE with a certified counterexample.  Each mutant function takes
``planted=True``; called with ``planted=False`` it checks the *correct* statement with the very same
code path, which must come out PROVED or CERTIFIED (``tests/test_planted_errors.py`` runs both), so
a refutation is caused by the planted error and not by a broken check.

References are computed here independently of hardverify (mpmath at high precision, or closed
forms stated in SPEC), and every random choice is seeded.
"""

from __future__ import annotations

import decimal
from fractions import Fraction

import mpmath
from flint import arb, ctx, fmpq

from hardverify.numeric.enclosure import Enclosure
from hardverify.proofs import claim

__all__ = ["KINDS", "mutant", "rounded", "off_by_one_ulp", "shrink", "float_enclosure"]

#: the kinds of planted error (the first word of every mutant's title, in brackets).
KINDS = {
    "ulp": "a value off by one unit in the last place at 50 digits",
    "normalisation": "a wrong normalisation constant",
    "sign": "a sign flip",
    "weight": "a perturbed network weight",
    "symmetry": "a distribution that breaks the symmetry the claim needs",
    "off by one": "a dimension, degree or index off by one",
    "radius": "an enclosure whose radius is smaller than its error",
    "convention": "a convention mix-up (physicists' vs probabilists' Hermite, surface vs normalised measure, ...)",
    "truncation": "a series truncated without its tail",
    "transcription": "a misprinted reference value",
    "other": "another plausible mistake",
}


def mutant(id: str, kind: str, title: str, **kw):
    """``@claim(id, "[kind] title", control=True)``: a planted error, which must come out REFUTED."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    return claim(id, f"[{kind}] {title}", source="planted error (issue 5)", control=True, **kw)


def rounded(value: mpmath.mpf, digits: int = 50) -> str:
    """``value`` correctly rounded to ``digits`` significant decimal digits (value computed with
    at least 20 guard digits by the caller)."""
    return mpmath.nstr(value, digits, strip_zeros=False, min_fixed=-mpmath.inf, max_fixed=mpmath.inf)


def off_by_one_ulp(value: mpmath.mpf, digits: int = 50) -> tuple[str, str]:
    """(correct, wrong): ``value`` rounded to ``digits`` significant digits, and the same decimal
    with its last digit moved by one unit *away* from ``value`` (so the wrong decimal is at least
    half an ulp from the truth whatever the rounding was)."""
    good = rounded(value, digits)
    q = Fraction(good)
    frac = good.lstrip("-").split(".")[1] if "." in good else ""
    ulp = Fraction(1, 10 ** len(frac))
    step = -ulp if Fraction(mpmath.nstr(value, digits + 15, min_fixed=-mpmath.inf,
                                         max_fixed=mpmath.inf)) > q else ulp
    with decimal.localcontext() as c:
        c.prec = digits + 20
        wrong = decimal.Decimal(good) + decimal.Decimal(step.numerator) / decimal.Decimal(step.denominator)
    return good, format(wrong, "f")


def shrink(e: Enclosure, factor_bits: int = 200) -> Enclosure:
    """The planted 'enclosure radius shrunk below the truth': the midpoint stored as a double (53 bits)
    and the radius divided by 2^factor_bits, so the ball claims far more digits than its midpoint has.
    (Shrinking the radius alone is not necessarily wrong: a certified midpoint is often much more
    accurate than its radius says.)"""
    with ctx.workprec(53):
        mid = (+e.ball.mid()).mid()               # rounded to 53 bits (an exact double)
    with ctx.workprec(128):
        return Enclosure(arb(mid, e.ball.rad() * arb(2) ** -factor_bits))      # dps=None: printed in full


def float_enclosure(value: mpmath.mpf, rel_bits: int) -> Enclosure:
    """A ball around an mpmath value with radius 2^-rel_bits |value| (exact midpoint)."""
    sign, man, exp, _ = value._mpf_               # mpf.man_exp drops the sign
    with ctx.workprec(256):
        mid = (-1) ** sign * arb(fmpq(int(man))) * arb(2) ** int(exp)
        return Enclosure(arb(mid, abs(mid) * arb(2) ** -rel_bits))
