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
    """Return ``value`` as a Python int >= ``lo`` or raise :class:`DomainError`."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, sp.Integer)):
        raise DomainError(f"{what} must be an integer >= {lo}, got {value!r}")
    v = int(value)
    if v < lo:
        raise DomainError(f"{what} must be an integer >= {lo}, got {v}")
    if maximum is not None and v > maximum:
        raise ResourceLimit(f"{what} must be at most {maximum}, got {v}")
    return v


def as_dps(dps) -> int:
    """Validate a ``dps=`` keyword (decimal digits of a certified result)."""
    if isinstance(dps, bool) or not isinstance(dps, (numbers.Integral, sp.Integer)):
        raise DomainError(f"dps must be a positive integer (1..{MAX_DPS}), got {dps!r}")
    v = int(dps)
    if v > MAX_DPS:
        raise ResourceLimit(f"dps must be a positive integer (1..{MAX_DPS}), got {v}")
    if v < 1:
        raise DomainError(f"dps must be a positive integer (1..{MAX_DPS}), got {v}")
    return v


def as_choice(value, allowed, what: str) -> str:
    """Validate a string option against the allowed values (the message lists them)."""
    if not isinstance(value, str) or value not in allowed:
        raise DomainError(f"{what} must be one of {', '.join(map(repr, allowed))}; got {value!r}")
    return value


def as_dimension(n, *, minimum: int = 1):
    """Validate a dimension: a Python int ≥ minimum or a positive-integer sympy Symbol/expression."""
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
