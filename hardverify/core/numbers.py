"""Exact numbers from user input: reading, signs, balls (the expression core; used by both layers).

House convention for numbers: a Python or numpy float is read as the decimal it prints as
(``0.1`` becomes ``1/10``), so ``[0.6, 0.8]`` is exactly a unit vector; see :func:`exact_real`.
"""

from __future__ import annotations

import numbers

import numpy as np
import sympy as sp
from flint import arb, ctx

from ..errors import DomainError, HardverifyError
from .arbeval import enclose_constant
from .parse import parse_expression

__all__ = ["exact_real", "to_int_if_integral", "sign_of", "as_arb", "as_expr"]


def exact_real(value, what: str, *, positive: bool = False, nonnegative: bool = False):
    """``value`` as an exact real sympy number (Python int for integers), or DomainError.

    Parameters
    ----------
    value : int, float, numpy number, Fraction or sympy.Expr
        The number (a float is read as the decimal it prints; a string is refused).
    what : str
        Its name, for messages.
    positive, nonnegative : bool
        Require value > 0 (or ≥ 0), decided exactly.

    Returns
    -------
    int or sympy.Expr
        A Python int for integers, else an exact sympy number without Floats.

    Raises
    ------
    DomainError
        If ``value`` is not a finite real constant, is a string, bool or None, or fails a sign requirement
        (or its sign cannot be decided when one is required).

    Examples
    --------
    >>> import sympy as sp
    >>> exact_real(0.1, "x"), exact_real(sp.Integer(3), "x"), exact_real(sp.sqrt(2), "x", positive=True)
    (1/10, 3, sqrt(2))
    >>> exact_real(-1, "scale", positive=True)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: scale must be positive, got -1
    """
    if isinstance(value, bool) or value is None:
        raise DomainError(f"{what} must be a real number, got {value!r}")
    if isinstance(value, (np.floating, float)):
        f = float(value)
        if f != f or f in (float("inf"), float("-inf")):
            raise DomainError(f"{what} must be a finite real number, got {value!r}")
        v = sp.Rational(repr(f))
    elif isinstance(value, (numbers.Integral, np.integer)):
        v = int(value)
    elif isinstance(value, numbers.Rational):
        v = sp.Rational(int(value.numerator), int(value.denominator))
    elif isinstance(value, str):
        raise DomainError(f"{what} must be a number or a sympy expression, not the string {value!r}")
    else:
        try:
            v = sp.sympify(value, strict=True)
        except (sp.SympifyError, TypeError):
            raise DomainError(f"{what} must be a real number, got {value!r}") from None
        if not isinstance(v, sp.Expr) or v.free_symbols:
            raise DomainError(f"{what} must be a constant real number, got {value!r}")
        if v.atoms(sp.Float):
            v = v.xreplace({f: sp.Rational(str(f)) for f in v.atoms(sp.Float)})
        if v.is_real is False or v.is_finite is False or v.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise DomainError(f"{what} must be a finite real number, got {value!r}")
    v = to_int_if_integral(v)
    s = sign_of(v)
    if s is None and (positive or nonnegative):
        raise DomainError(f"cannot decide the sign of {what} = {value!r}")
    if positive and s != 1:
        raise DomainError(f"{what} must be positive, got {value!r}")
    if nonnegative and s == -1:
        raise DomainError(f"{what} must be non-negative, got {value!r}")
    return v


def to_int_if_integral(v):
    """Python int for sympy Integers (fast hashing and arithmetic); anything else unchanged.

    Parameters
    ----------
    v : object
        A number.

    Returns
    -------
    int or object
        ``int(v)`` for a sympy Integer, else ``v``.
    """
    if isinstance(v, sp.Integer):
        return int(v)
    return v


def sign_of(v):
    """-1, 0 or +1 for an exact real number; None if it cannot be decided.

    Decided exactly for ints and Rationals, by sympy's assumptions, by ball evaluation at 128 and 512 bits,
    and finally by ``simplify`` and the minimal polynomial for zeros.

    Parameters
    ----------
    v : int or sympy.Expr
        An exact real constant.

    Returns
    -------
    int or None
        The sign, or None when undecided (never guessed).

    Examples
    --------
    >>> import sympy as sp
    >>> sign_of(sp.sqrt(2) - sp.Rational(141, 100)), sign_of(sp.sqrt(2) + sp.sqrt(3) - sp.sqrt(5 + 2 * sp.sqrt(6)))
    (1, 0)
    """
    if isinstance(v, int):
        return (v > 0) - (v < 0)
    if isinstance(v, sp.Rational):
        return 0 if v == 0 else (1 if v.p > 0 else -1)
    if v.is_zero:
        return 0
    if v.is_positive:
        return 1
    if v.is_negative:
        return -1
    for prec in (128, 512):
        try:
            with ctx.workprec(prec):
                b = enclose_constant(v)
        except HardverifyError:
            return None
        if b > 0:
            return 1
        if b < 0:
            return -1
    if sp.simplify(v) == 0:
        return 0
    try:                        # algebraic numbers: v = 0 iff its minimal polynomial is x
        x = sp.Dummy("x")
        if sp.minimal_polynomial(v, x) == x:
            return 0
    except (NotImplementedError, sp.polys.polyerrors.NotAlgebraic, ValueError):
        pass
    return None


def as_arb(v, prec: int) -> arb:
    """A ball containing the exact number v at ``prec`` bits.

    Parameters
    ----------
    v : int or sympy.Expr
        An exact number.
    prec : int
        The precision in bits.

    Returns
    -------
    flint.arb
        A ball containing v.

    Raises
    ------
    DomainError
        As in :func:`hardverify.core.arbeval.enclose_constant`.
    """
    with ctx.workprec(prec):
        if isinstance(v, int):
            return arb(v)
        return enclose_constant(sp.sympify(v))


def as_expr(value, what: str, *, allow_symbols: bool = False):
    """A user value as a sympy expression without ever evaluating text as code.

    Strings go through the safe parser (:func:`hardverify.core.parse.parse_expression`: numbers such as
    ``"1/2"`` or ``"0.25"``, arithmetic and known functions only); other values through
    ``sympify(strict=True)``, which refuses strings and arbitrary objects.  Unless
    ``allow_symbols``, the result must be a constant.

    Parameters
    ----------
    value : str, number or sympy.Expr
        The user's value.
    what : str
        Its name, for messages.
    allow_symbols : bool
        Accept expressions with free symbols.

    Returns
    -------
    sympy.Expr
        The expression, with Floats replaced by the rationals of their decimals.

    Raises
    ------
    DomainError
        If the text is refused by the parser, the value is not a sympy-readable number or expression, or it
        has free symbols while ``allow_symbols`` is False.

    Examples
    --------
    >>> as_expr("1/3", "value"), as_expr(0.25, "value")
    (1/3, 1/4)
    """
    if isinstance(value, str):
        v = parse_expression(value)
    else:
        try:
            v = sp.sympify(value, strict=True)
        except (sp.SympifyError, TypeError, ValueError):
            raise DomainError(f"{what} must be a number or a sympy expression, got {value!r}") from None
    if not isinstance(v, sp.Basic):
        raise DomainError(f"{what} must be a number or a sympy expression, got {value!r}")
    if not allow_symbols and getattr(v, "free_symbols", None):
        raise DomainError(f"{what} must be a constant, got {v} with free symbols {sorted(map(str, v.free_symbols))}")
    if v.atoms(sp.Float):
        v = v.xreplace({f: sp.Rational(str(f)) for f in v.atoms(sp.Float)})
    return v


def canonical_exact(x):
    """An exact sympy number in a canonical form, without numerical guessing.

    Rationals are returned unchanged; anything else is expanded and its radicals rationalised
    (``sympy.radsimp``).  Never ``sympy.nsimplify``: it guesses from floating-point values and in sympy 1.14
    turns some exact Rationals into other numbers (``nsimplify(Rational(1615, 2))`` is an algebraic number
    that differs from 1615/2 by 7.6e-15).

    Parameters
    ----------
    x : sympy.Expr
        An exact expression.

    Returns
    -------
    sympy.Expr
        The same number.

    Examples
    --------
    >>> import sympy as sp
    >>> canonical_exact(sp.Rational(1615, 2)) == sp.Rational(1615, 2)
    True
    >>> canonical_exact((1 + sp.sqrt(2)) ** 2)
    2*sqrt(2) + 3
    """
    x = sp.sympify(x)
    if x.is_Rational:
        return x
    return sp.radsimp(sp.expand(x))

