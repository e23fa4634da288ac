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
    """C(a, b) exactly (0 outside 0 ≤ b ≤ a), refused up front when it would exceed MAX_RESULT_BITS."""
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
    """N(n, k) = C(n+k-1, k) - C(n+k-3, k-2) for an integer n ≥ 2 (N(n, 0) = 1, N(n, 1) = n)."""
    n, k = as_int_at_least(n, 2, "dimension n"), as_nonneg_int(k, "degree k")
    if k <= 1:
        return 1 if k == 0 else n
    return binomial(n + k - 1, k) - binomial(n + k - 3, k - 2)


def harmonic_dimension_sum(n: int, k: int) -> int:
    """Σ_{ℓ ≤ k} N(n, ℓ) = C(n+k-1, k) + C(n+k-2, k-1) for an integer n ≥ 2."""
    n, k = as_int_at_least(n, 2, "dimension n"), as_nonneg_int(k, "degree k")
    if k == 0:
        return 1
    return binomial(n + k - 1, k) + binomial(n + k - 2, k - 1)
