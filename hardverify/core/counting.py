"""Exact counts at any size: binomials and spherical-harmonic dimensions for integer n (SPEC F1).

Python big integers (python-flint's binomials below 2^63), never a float: float versions in other
packages go wrong above 2^53.  A count whose size would exceed :data:`MAX_RESULT_BITS` is refused up
front with :class:`~hardverify.errors.ResourceLimit` (log₂ C(a, b) ≤ m log₂(e a/m), m = min(b, a - b), is
known before computing).  Both the exact and the certified layer use these counts.

>>> binomial(10**6, 2), harmonic_dimension(100, 6), harmonic_dimension_sum(5, 6)
(499999500000, 1604922825, 336)
"""

from __future__ import annotations

import math

from flint import fmpz

from ..errors import ResourceLimit
from ..validate import as_int_at_least, as_nonneg_int

__all__ = ["binomial", "harmonic_dimension", "harmonic_dimension_sum", "MAX_RESULT_BITS"]

#: the largest exact integer (in bits) a count may produce: 2^26 bits, an 8 MB integer.
MAX_RESULT_BITS = 1 << 26


def binomial(a: int, b: int) -> int:
    """The binomial coefficient C(a, b) exactly (0 outside 0 ≤ b ≤ a), refused up front when too large.

    Parameters
    ----------
    a, b : int
        Integers (no validation: internal callers pass validated ints).

    Returns
    -------
    int
        C(a, b) as a Python int (python-flint's ``bin_uiui`` below 2^63, ``math.comb`` beyond).

    Raises
    ------
    ResourceLimit
        If the result would have more than :data:`MAX_RESULT_BITS` bits (estimated before computing).

    Examples
    --------
    >>> binomial(2**70, 2) == 2**70 * (2**70 - 1) // 2       # exact beyond 2^53 (a float comb is not)
    True
    >>> binomial(5, 7), binomial(5, -1)
    (0, 0)
    """
    if b < 0 or b > a:
        return 0
    m = min(b, a - b)
    if m > 0 and m * math.log2(math.e * a / m) > MAX_RESULT_BITS:
        raise ResourceLimit(f"C({a}, {b}) has about {m * math.log2(math.e * a / m):.3g} bits; exact counts are "
                            f"limited to {MAX_RESULT_BITS} bits (lower n or k)")
    if a < 1 << 63:
        return int(fmpz.bin_uiui(a, m))
    return math.comb(a, m)


def harmonic_dimension(n: int, k: int) -> int:
    """N(n, k) = dim H_k^n = C(n+k-1, k) - C(n+k-3, k-2) for an integer n ≥ 2 (N(n, 0) = 1, N(n, 1) = n).

    The number of linearly independent degree-k spherical harmonics on S^{n-1} (SPEC F1); the integer
    kernel of :func:`hardverify.harmonic_dimension` (which also takes a symbolic n).

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    int
        N(n, k), exact at any size.

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k < 0`` (or either is not an integer).
    ResourceLimit
        If the binomials would exceed :data:`MAX_RESULT_BITS` bits.

    Examples
    --------
    >>> [harmonic_dimension(3, k) for k in range(5)]          # 2k + 1 on S^2
    [1, 3, 5, 7, 9]
    >>> harmonic_dimension(10**6, 3) == (2 * 3 + 10**6 - 2) * (10**6 - 1) * 10**6 // 6   # ((2k+n-2)/k) C(k+n-3, k-1)
    True
    """
    n, k = as_int_at_least(n, 2, "dimension n"), as_nonneg_int(k, "degree k")
    if k <= 1:
        return 1 if k == 0 else n
    return binomial(n + k - 1, k) - binomial(n + k - 3, k - 2)


def harmonic_dimension_sum(n: int, k: int) -> int:
    """Σ_{ℓ ≤ k} N(n, ℓ) = C(n+k-1, k) + C(n+k-2, k-1) for an integer n ≥ 2.

    The dimension of the restrictions to S^{n-1} of polynomials of degree ≤ k in n variables.

    Parameters
    ----------
    n : int
        The dimension, ``n >= 2``.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    int
        The exact sum.

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k < 0`` (or either is not an integer).
    ResourceLimit
        If the binomials would exceed :data:`MAX_RESULT_BITS` bits.

    Examples
    --------
    >>> harmonic_dimension_sum(7, 5) == sum(harmonic_dimension(7, l) for l in range(6))
    True
    >>> harmonic_dimension_sum(3, 4)                          # (k + 1)² on S^2
    25
    """
    n, k = as_int_at_least(n, 2, "dimension n"), as_nonneg_int(k, "degree k")
    if k == 0:
        return 1
    return binomial(n + k - 1, k) + binomial(n + k - 2, k - 1)
