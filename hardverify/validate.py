"""Validation of arguments at the public boundary: the base layer, shared by every other layer.

Integers (degrees, dimensions, counts), the ``dps=`` keyword and string options.  Each check raises
:class:`~hardverify.errors.DomainError` (or :class:`~hardverify.errors.ResourceLimit` past a stated size)
with a message naming the allowed values.

>>> as_dps(30)
30
>>> as_choice("exact", ("auto", "exact"), "algorithm")
'exact'
"""

from __future__ import annotations

import numbers

import sympy as sp

from .errors import DomainError, ResourceLimit

__all__ = ["MAX_DPS", "as_nonneg_int", "as_int_at_least", "as_dps", "as_choice", "as_dimension"]

#: the largest ``dps`` accepted anywhere; beyond it requests are refused up front.
MAX_DPS = 5000


def as_nonneg_int(value, what: str, *, maximum: int | None = None) -> int:
    """Return ``value`` as a Python int >= 0, or raise :class:`DomainError`.

    Accepts Python ints, numpy integers, and sympy Integers; rejects bools,
    floats (even integral ones) and anything else.

    Parameters
    ----------
    value : int, numpy.integer or sympy.Integer
        The value to check.
    what : str
        What the value is, for the message (``"degree m"``).
    maximum : int, optional
        The largest accepted value; beyond it :class:`ResourceLimit` (a stated size limit).

    Returns
    -------
    int
        ``int(value)``.

    Raises
    ------
    DomainError
        If ``value`` is not an integer (bools and integral floats included) or is negative.
    ResourceLimit
        If ``value > maximum``.

    Examples
    --------
    >>> as_nonneg_int(3, "degree k")
    3
    >>> as_nonneg_int(3.0, "degree k")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: degree k must be a non-negative integer, got 3.0
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sp.Integer)):
        raise DomainError(f"{what} must be a non-negative integer, got {value!r}")
    v = int(value)
    if v < 0:
        raise DomainError(f"{what} must be a non-negative integer, got {v}")
    if maximum is not None and v > maximum:
        raise ResourceLimit(f"{what} must be at most {maximum}, got {v}")
    return v


def as_int_at_least(value, lo: int, what: str, *, maximum: int | None = None) -> int:
    """Return ``value`` as a Python int >= ``lo`` or raise :class:`DomainError`.

    Parameters
    ----------
    value : int, numpy.integer or sympy.Integer
        The value to check (bools and floats are refused).
    lo : int
        The smallest accepted value.
    what : str
        What the value is, for the message (``"dimension n"``).
    maximum : int, optional
        The largest accepted value; beyond it :class:`ResourceLimit`.

    Returns
    -------
    int
        ``int(value)``.

    Raises
    ------
    DomainError
        If ``value`` is not an integer or is below ``lo``.
    ResourceLimit
        If ``value > maximum``.

    Examples
    --------
    >>> as_int_at_least(2, 2, "dimension n")
    2
    >>> as_int_at_least(1, 2, "dimension n")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: dimension n must be an integer >= 2, got 1
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sp.Integer)):
        raise DomainError(f"{what} must be an integer >= {lo}, got {value!r}")
    v = int(value)
    if v < lo:
        raise DomainError(f"{what} must be an integer >= {lo}, got {v}")
    if maximum is not None and v > maximum:
        raise ResourceLimit(f"{what} must be at most {maximum}, got {v}")
    return v


def as_dps(dps) -> int:
    """Validate a ``dps=`` keyword (decimal digits of a certified result).

    Parameters
    ----------
    dps : int, numpy.integer or sympy.Integer
        The requested decimal digits, ``1 <= dps <= MAX_DPS`` (5000).

    Returns
    -------
    int
        ``int(dps)``.

    Raises
    ------
    DomainError
        If ``dps`` is not an integer or is below 1.
    ResourceLimit
        If ``dps > MAX_DPS`` (refused before any computation).

    Examples
    --------
    >>> as_dps(50)
    50
    >>> as_dps(0)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: dps must be a positive integer (1..5000), got 0
    """
    if isinstance(dps, bool) or not isinstance(dps, (numbers.Integral, sp.Integer)):
        raise DomainError(f"dps must be a positive integer (1..{MAX_DPS}), got {dps!r}")
    v = int(dps)
    if v > MAX_DPS:
        raise ResourceLimit(f"dps must be a positive integer (1..{MAX_DPS}), got {v}")
    if v < 1:
        raise DomainError(f"dps must be a positive integer (1..{MAX_DPS}), got {v}")
    return v


def as_choice(value, allowed, what: str) -> str:
    """Validate a string option against the allowed values (the message lists them).

    Parameters
    ----------
    value : str
        The option given.
    allowed : iterable of str
        The accepted names (listed in the message).
    what : str
        The option's name, for the message (``"algorithm"``).

    Returns
    -------
    str
        ``value``.

    Raises
    ------
    DomainError
        If ``value`` is not one of ``allowed`` (non-strings included).

    Examples
    --------
    >>> as_choice("auto", ("auto", "exact"), "algorithm")
    'auto'
    >>> as_choice("fast", ("auto", "exact"), "algorithm")
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: algorithm must be one of 'auto', 'exact'; got 'fast'
    """
    if not isinstance(value, str) or value not in allowed:
        raise DomainError(f"{what} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value


def as_dimension(n, *, minimum: int = 1):
    """Validate a dimension: a Python int ≥ minimum or a positive-integer sympy Symbol/expression.

    Parameters
    ----------
    n : int, sympy.Integer or sympy.Expr
        An integer, or a sympy expression with free symbols that sympy knows is a positive integer
        (e.g. ``Symbol("n", integer=True, positive=True)`` or ``n + 1`` of it).
    minimum : int
        The smallest accepted integer dimension (default 1).

    Returns
    -------
    int or sympy.Expr
        ``int(n)`` for an integer, the expression itself otherwise.

    Raises
    ------
    DomainError
        If ``n`` is a bool, an integer below ``minimum``, a symbolic expression not declared a positive
        integer, or anything else.

    Examples
    --------
    >>> import sympy as sp
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> as_dimension(5, minimum=2), as_dimension(n + 1)
    (5, n + 1)
    >>> as_dimension(sp.Symbol("n"))
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: a symbolic dimension must be declared integer and positive, ...
    """
    if isinstance(n, bool):
        raise DomainError(f"dimension n must be an integer >= {minimum}, got {n!r}")
    if isinstance(n, (numbers.Integral, sp.Integer)):
        v = int(n)
        if v < minimum:
            raise DomainError(f"dimension n must be an integer >= {minimum}, got {v}")
        return v
    if isinstance(n, sp.Expr):
        if n.free_symbols and n.is_integer and n.is_positive:
            return n
        raise DomainError(
            f"a symbolic dimension must be declared integer and positive, e.g. "
            f"sympy.Symbol('n', integer=True, positive=True); got {n!r}"
        )
    raise DomainError(f"dimension n must be an integer >= {minimum} or a positive-integer Symbol, got {n!r}")
