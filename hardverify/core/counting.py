"""Exact counts at any size: binomials and spherical-harmonic dimensions for integer n (SPEC F1).

Python big integers computed with python-flint (FFT multiplication), never a float: float versions in other
packages go wrong above 2^53.  Two limits are checked *before* anything is computed, from the size
log₂ C(a, b) ≤ m log₂(e a/m), m = min(b, a - b), which is known in advance:

* size: a count of more than :data:`MAX_RESULT_BITS` bits is refused with
  :class:`~hardverify.errors.ResourceLimit`;
* time: C(a, m) is (a-m+1)_m / m!, a rising factorial by binary splitting and one exact division, whose
  cost grows like the size of the result; a count whose estimated time exceeds :data:`MAX_COUNT_SECONDS`
  (at the conservative rate :data:`BITS_PER_SECOND`) is refused too.  N(10⁹, 10⁶), 1.1·10⁷ bits,
  takes about a second.

(flint's own ``fmpz.bin_uiui`` is quadratic for large m: 120 s for C(10⁹ + 10⁶, 10⁶); it is used only for
small m.)

>>> binomial(10**6, 2), harmonic_dimension(100, 6), harmonic_dimension_sum(5, 6)
(499999500000, 1604922825, 336)
>>> harmonic_dimension(10**30, 3) == binomial(10**30 + 2, 3) - binomial(10**30, 1)      # F1, n = 10³⁰
True
"""

from __future__ import annotations

import math

from flint import fmpz

from ..errors import ResourceLimit
from ..validate import as_int_at_least, as_nonneg_int

__all__ = ["binomial", "binomial_bits", "harmonic_dimension", "harmonic_dimension_sum", "MAX_RESULT_BITS",
           "MAX_COUNT_SECONDS", "BITS_PER_SECOND"]

#: the largest exact integer (in bits) a count may produce: 2^26 bits, an 8 MB integer.
MAX_RESULT_BITS = 1 << 26
#: the time budget of one exact count, in seconds (estimated before computing).
MAX_COUNT_SECONDS = 10.0
#: a conservative rate of the rising-factorial binomial, in result bits per second (measured: 1.1·10⁷ bits
#: in 1.7 s and 3.9·10⁷ bits in 7.3 s on a shared 2-core machine).
BITS_PER_SECOND = 5.0e6
#: below this many factors flint's bin_uiui is faster than the rising factorial
_SMALL_M = 2000


def binomial_bits(a: int, b: int) -> float:
    """An upper bound on log₂ C(a, b): m log₂(e a/m) with m = min(b, a - b) (0 when C(a, b) ≤ 1).

    From C(a, m) ≤ a^m/m! ≤ (e a/m)^m.  It is known before anything is computed, so the size and time limits
    of this module are checked with it up front (by Stirling it over-estimates log₂ C(a, b) by at most
    log₂(e√m) + m log₂(a/(a - m + 1)) bits).

    Parameters
    ----------
    a, b : int
        Integers (not validated: internal callers pass ints); any b outside ``0 <= b <= a`` gives 0.

    Returns
    -------
    float
        The bound in bits, a float (used only to refuse work up front, never as a result).

    Examples
    --------
    >>> binomial(100, 50).bit_length() <= binomial_bits(100, 50)              # C(100, 50) ≈ 1.0·10²⁹: 97 bits
    True
    >>> binomial_bits(7, 0), binomial_bits(7, 7), binomial_bits(7, 9)
    (0.0, 0.0, 0.0)
    """
    if b < 0 or b > a:
        return 0.0
    m = min(b, a - b)
    return m * math.log2(math.e * a / m) if m > 0 else 0.0


def _check_cost(a: int, b: int) -> None:
    bits = binomial_bits(a, b)
    if bits > MAX_RESULT_BITS:
        raise ResourceLimit(f"C({a}, {b}) has about {bits:.3g} bits; exact counts are "
                            f"limited to {MAX_RESULT_BITS} bits (lower n or k)")
    seconds = bits / BITS_PER_SECOND
    if seconds > MAX_COUNT_SECONDS:
        raise ResourceLimit(f"C({a}, {b}) has about {bits:.3g} bits and would take about {seconds:.0f} s; exact "
                            f"counts are limited to MAX_COUNT_SECONDS = {MAX_COUNT_SECONDS:g} s (lower n or k, or "
                            "work with log C via lgamma on arb balls)")


def _binomial_fmpz(a: int, b: int) -> fmpz:
    if b < 0 or b > a:
        return fmpz(0)
    m = min(b, a - b)
    _check_cost(a, m)
    if m < _SMALL_M and a < 1 << 63:
        return fmpz.bin_uiui(a, m)
    return fmpz(a - m + 1).rising(m) // fmpz.fac_ui(m)


def binomial(a: int, b: int) -> int:
    """The binomial coefficient C(a, b) exactly (0 outside 0 ≤ b ≤ a), refused up front beyond the limits.

    C(a, b) = C(a, m), m = min(b, a - b), is computed as flint's ``bin_uiui`` for m < 2000 and a < 2^63, else as
    the rising factorial (a-m+1)_m (binary splitting) divided exactly by m!; never a float.

    Parameters
    ----------
    a, b : int
        Integers (not validated: internal callers pass validated ints).

    Returns
    -------
    int
        C(a, b) as a Python int (exact at any size).

    Raises
    ------
    ResourceLimit
        If the result would have more than :data:`MAX_RESULT_BITS` bits, or its estimated time (bits /
        :data:`BITS_PER_SECOND`) exceeds :data:`MAX_COUNT_SECONDS`; both from :func:`binomial_bits`, before
        computing.

    Examples
    --------
    >>> binomial(2**70, 2) == 2**70 * (2**70 - 1) // 2       # exact beyond 2^53 (a float comb is not)
    True
    >>> binomial(3000, 2500) == binomial(3000, 500)          # the rising-factorial path, C(a, b) = C(a, a - b)
    True
    >>> binomial(5, 7), binomial(5, -1)
    (0, 0)
    >>> binomial(10**12, 10**7)                              # ~1.8·10⁸ bits: refused before computing
    Traceback (most recent call last):
    ...
    hardverify.errors.ResourceLimit: C(1000000000000, 10000000) has about 1.81e+08 bits; exact counts are limited ...
    """
    return int(_binomial_fmpz(a, b))


def harmonic_dimension(n: int, k: int) -> int:
    """N(n, k) = dim H_k^n = ((2k+n-2)/k) C(k+n-3, k-1) for an integer n ≥ 2 (N(n, 0) = 1, N(n, 1) = n).

    The number of linearly independent degree-k spherical harmonics on S^{n-1} (SPEC F1), equal to
    C(n+k-1, k) - C(n+k-3, k-2); the form used needs one binomial where the difference needs two of about
    the same size.  The integer kernel of :func:`hardverify.harmonic_dimension` (which also takes a
    symbolic n).  Exact: a Python int, never a float.

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
        If N(n, k) ~ C(n+k-1, k) would exceed :data:`MAX_RESULT_BITS` bits, or its estimated time exceeds
        :data:`MAX_COUNT_SECONDS` (checked before computing).

    Examples
    --------
    >>> [harmonic_dimension(3, k) for k in range(5)]          # 2k + 1 on S^2
    [1, 3, 5, 7, 9]
    >>> harmonic_dimension(10**6, 3) == binomial(10**6 + 2, 3) - binomial(10**6, 1)      # the two-binomial form
    True
    >>> harmonic_dimension(1, 2)
    Traceback (most recent call last):
    ...
    hardverify.errors.DomainError: dimension n must be an integer >= 2, got 1
    """
    n, k = as_int_at_least(n, 2, "dimension n"), as_nonneg_int(k, "degree k")
    if k <= 1:
        return 1 if k == 0 else n
    _check_cost(n + k - 1, k)                     # the limit is stated for the size of N(n, k) ~ C(n+k-1, k)
    return int((2 * k + n - 2) * _binomial_fmpz(k + n - 3, k - 1) // k)


def harmonic_dimension_sum(n: int, k: int) -> int:
    """Σ_{ℓ ≤ k} N(n, ℓ) = C(n+k-1, k) + C(n+k-2, k-1) = ((n+2k-1)/k) C(n+k-2, k-1) for an integer n ≥ 2.

    The dimension of the restrictions to S^{n-1} of the polynomials of degree ≤ k in n variables; computed
    from the last form (one binomial).  Exact: a Python int.

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
        If the sum ~ C(n+k-1, k) would exceed :data:`MAX_RESULT_BITS` bits, or its estimated time exceeds
        :data:`MAX_COUNT_SECONDS` (checked before computing).

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
    _check_cost(n + k - 1, k)
    return int((n + 2 * k - 1) * _binomial_fmpz(n + k - 2, k - 1) // k)
