"""Exact spherical-harmonic dimensions and normalised Legendre polynomials of dimension n (SPEC §0.2, F1, F2).

Conventions (SPEC §0.2):

* N(n, k) = dim H_k^n, the dimension of the degree-k spherical harmonics on S^{n-1} ⊂ R^n (F1):
  N(n, 0) = 1, N(n, k) = C(n+k-1, k) - C(n+k-3, k-2) = ((2k+n-2)/k) C(k+n-3, k-1).
* P_k^{(n)}(t) = C_k^{(λ)}(t)/C_k^{(λ)}(1), λ = (n-2)/2, the **normalised Legendre polynomial of
  dimension n**, so P_k^{(n)}(1) = 1 (n = 3: Legendre P_k; n = 2: Chebyshev T_k; n = 4: U_k/(k+1)).
  Explicitly (from the classical sum for C_k^{(λ)}, valid for every n ≥ 2 including λ = 0)::

      P_k^{(n)}(t) = k!/(2 (n-1)_{k-1}) Σ_{j ≤ k/2} (-1)^j (n/2)_{k-j-1} (2t)^{k-2j} / (j! (k-2j)!)   (k ≥ 1)

  with (x)_m the rising factorial.
* ν_n(t) = c_n (1-t²)^{(n-3)/2} on [-1, 1], c_n = Γ(n/2)/(√π Γ((n-1)/2)): the law of ⟨x, e⟩ for x ~ U_n.

``n`` is a Python int ≥ 2 (results are exact rationals, Python ints for N) or a positive-integer sympy
Symbol (results are expressions in n, valid for n ≥ 2).

>>> harmonic_dimension(100, 6)                      # SPEC F1 table / V9
1604922825
>>> import sympy as sp
>>> from hardverify import t
>>> legendre_polynomial(3, 4) == sp.expand(sp.legendre(4, t))   # n = 3 is Legendre's P_k
True
>>> n = sp.Symbol("n", integer=True, positive=True)
>>> sp.factor(legendre_polynomial(n, 2))
(n*t**2 - 1)/(n - 1)
"""

from __future__ import annotations

import functools

import sympy as sp
from flint import fmpq, fmpz

from ..core import counting
from ..core.activations import t as _t
from ..core.closed_forms import GammaRatio, SphereArea
from ..errors import DomainError, ResourceLimit
from ..validate import as_dimension, as_nonneg_int

__all__ = [
    "harmonic_dimension", "harmonic_dimension_sum", "legendre_polynomial", "legendre_coefficients",
    "legendre_recurrence", "legendre_rodrigues", "legendre_values", "legendre_at_zero", "legendre_moment",
    "gegenbauer_c", "marginal_constant", "marginal_density", "sphere_area", "half_gamma_ratio",
    "MAX_EXACT_DEGREE", "COMPACT_DIMENSION", "COMPACT_DEGREE", "MAX_RATIONAL_DIMENSION", "use_compact",
]

#: the largest degree the exact sphere layer accepts for polynomials and eigenvalues.
MAX_EXACT_DEGREE = 20_000
#: the rule for Γ-valued exact results at integer n: plain rationals (times 1/π, π^{n/2}) for n ≤ this,
#: compact unevaluated Γ forms (:mod:`hardverify.core.closed_forms`) above.  A_n's rational has ~0.6 n digits.
COMPACT_DIMENSION = 1000
#: ... and for degrees k > this (the rational parts of a Funk–Hecke eigenvalue have ~k log₂ n bits).
COMPACT_DEGREE = 200
#: the largest n whose A_n is built as a plain rational on request (``compact=False``): ~6·10⁶ digits.
MAX_RATIONAL_DIMENSION = 10 ** 7


def use_compact(n, compact=None, k: int = 0) -> bool:
    """The size rule: compact Γ forms when ``compact`` is True, or when it is None and n > COMPACT_DIMENSION or
    the degree k > COMPACT_DEGREE (so the plain numbers stay below ~1500 digits).

    ``compact=False`` asks for the plain rational; above :data:`MAX_RATIONAL_DIMENSION` that is refused with
    :class:`~hardverify.errors.ResourceLimit` (it would have millions of digits).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension; for a Symbol the answer is always False (the Γ functions stay symbolic).
    compact : bool or None
        None: the rule; True/False: force the compact or the plain form.
    k : int
        The degree the result belongs to (default 0: the rule on n alone).

    Returns
    -------
    bool
        True for the compact Γ form, False for the plain number.

    Raises
    ------
    DomainError
        If ``compact`` is not True, False or None (checked for integer n).
    ResourceLimit
        If ``compact=False`` at integer n > :data:`MAX_RATIONAL_DIMENSION`.

    Examples
    --------
    >>> use_compact(1000), use_compact(1001), use_compact(10, compact=True), use_compact(10, k=201)
    (False, True, True, True)
    """
    if not isinstance(n, int):
        return False                              # a Symbol n: the Γ functions stay symbolic anyway
    if compact is None:
        return n > COMPACT_DIMENSION or k > COMPACT_DEGREE
    if not isinstance(compact, bool):
        raise DomainError(f"compact must be True, False or None (the size rule), got {compact!r}")
    if not compact and n > MAX_RATIONAL_DIMENSION:
        raise ResourceLimit(f"the plain rational form at n = {n} has about {0.6 * n:.3g} digits; it is built for n <= "
                            f"MAX_RATIONAL_DIMENSION = {MAX_RATIONAL_DIMENSION}: keep the compact Γ form "
                            "(compact=None) or use dps= for a certified value")
    return compact


def _dim(n):
    return as_dimension(n, minimum=2)


def _deg(k, what="degree k"):
    return as_nonneg_int(k, what, maximum=MAX_EXACT_DEGREE)


def _rising(x, m: int):
    """(x)_m = x (x+1) ... (x+m-1) as a product (sympy or fmpq)."""
    out = sp.Integer(1) if isinstance(x, sp.Basic) else fmpq(1)
    for i in range(m):
        out = out * (x + i)
    return out


# ------------------------------------------------------------------------------ F1: dimensions
def harmonic_dimension(n, k):
    """N(n, k) = dim H_k^n, the number of linearly independent degree-k spherical harmonics on S^{n-1}.

    Exact at any size: a Python int for integer n (flint binomials, never a float), a sympy
    expression (a polynomial in n) for a positive-integer Symbol n.  SPEC F1; [1]_.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    int or sympy.Expr
        A Python int for an integer ``n``; an expression in ``n`` (valid for n ≥ 2) for a Symbol.

    Raises
    ------
    DomainError
        If ``n < 2``, ``n`` is a Symbol not declared a positive integer, or ``k`` is not a non-negative integer.
    ResourceLimit
        If the integer result would exceed 2^26 bits or take more than 10 s (both estimated before computing,
        :mod:`hardverify.core.counting`), or ``k > 20000`` for a symbolic ``n``.

    References
    ----------
    .. [1] Atkinson, K. and Han, W., *Spherical Harmonics and Approximations on the Unit Sphere: An Introduction*,
       Lecture Notes in Mathematics 2044, Springer, 2012, ch. 2.

    Examples
    --------
    >>> [harmonic_dimension(10, k) for k in range(7)]            # SPEC F1 table
    [1, 10, 54, 210, 660, 1782, 4290]
    >>> harmonic_dimension(2, 9), harmonic_dimension(3, 4), harmonic_dimension(4, 3)
    (2, 9, 16)
    >>> import sympy as sp, hardverify as hv
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> sp.factor(hv.harmonic_dimension(n, 2))                 # n(n+1)/2 - 1
    (n - 1)*(n + 2)/2
    >>> hv.harmonic_dimension(n, 4).subs(n, 10) == hv.harmonic_dimension(10, 4)
    True
    """
    n, k = _dim(n), as_nonneg_int(k, "degree k")
    if isinstance(n, int):
        if k == 0:
            return 1
        if k == 1:
            return n
        return counting.harmonic_dimension(n, k)
    k = _deg(k, "degree k (symbolic n)")     # (n)_k has k factors
    if k == 0:
        return sp.Integer(1)
    return (2 * k + n - 2) * _rising(n - 1, k - 1) / sp.factorial(k)


def harmonic_dimension_sum(n, k):
    """Σ_{ℓ ≤ k} N(n, ℓ) = C(n+k-1, k) + C(n+k-2, k-1): the dimension of polynomials of degree ≤ k on S^{n-1}.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    int or sympy.Expr
        A Python int for an integer ``n``; an expression in ``n`` for a Symbol.

    Raises
    ------
    DomainError
        If ``n < 2``, ``n`` is a Symbol not declared a positive integer, or ``k`` is not a non-negative integer.
    ResourceLimit
        If the integer result would exceed 2^26 bits or take more than 10 s (both estimated before computing,
        :mod:`hardverify.core.counting`), or ``k > 20000`` for a symbolic ``n``.

    Examples
    --------
    >>> harmonic_dimension_sum(5, 6) == sum(harmonic_dimension(5, l) for l in range(7))
    True
    >>> import sympy as sp, hardverify as hv
    >>> hv.harmonic_dimension_sum(3, 4)                        # (k + 1)² on S^2
    25
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> sp.expand(hv.harmonic_dimension_sum(n, 2) - sum(hv.harmonic_dimension(n, l) for l in range(3)))
    0
    """
    n, k = _dim(n), as_nonneg_int(k, "degree k")
    if isinstance(n, int):
        if k == 0:
            return 1
        return counting.harmonic_dimension_sum(n, k)
    k = _deg(k, "degree k (symbolic n)")     # (n)_k has k factors
    if k == 0:
        return sp.Integer(1)
    return _rising(n, k) / sp.factorial(k) + _rising(n, k - 1) / sp.factorial(k - 1)


# ------------------------------------------------------------------------------ F2: polynomials
@functools.lru_cache(maxsize=512)
def _coefficients_int(n: int, k: int) -> tuple:
    """Monomial coefficients (low -> high) of P_k^{(n)} for integer n, as fmpq (explicit sum)."""
    out = [fmpq(0)] * (k + 1)
    if k == 0:
        out[0] = fmpq(1)
        return tuple(out)
    half = fmpq(n, 2)
    # leading coefficient 2^{k-1} (n/2)_{k-1} / (n-1)_{k-1}
    c = fmpq(2) ** (k - 1) * _rising(half, k - 1) / _rising(fmpq(n - 1), k - 1)
    j = 0
    while k - 2 * j >= 0:
        out[k - 2 * j] = c
        if k - 2 * j < 2:
            break
        # c_{j+1}/c_j = -(k-2j)(k-2j-1) / (4 (j+1) (n/2 + k - j - 2))
        c = -c * (k - 2 * j) * (k - 2 * j - 1) / (4 * (j + 1) * (half + k - j - 2))
        j += 1
    return tuple(out)


def _coefficients_symbolic(n, k: int) -> list:
    out = [sp.Integer(0)] * (k + 1)
    if k == 0:
        return [sp.Integer(1)]
    c = 2 ** (k - 1) * _rising(n / 2, k - 1) / _rising(n - 1, k - 1)
    j = 0
    while k - 2 * j >= 0:
        out[k - 2 * j] = sp.factor(c)
        if k - 2 * j < 2:
            break
        c = -c * (k - 2 * j) * (k - 2 * j - 1) / (4 * (j + 1) * (n / 2 + k - j - 2))
        j += 1
    return out


def legendre_coefficients(n, k) -> list:
    """Exact monomial coefficients [a_0, ..., a_k] of P_k^{(n)}(t) = Σ a_i t^i (explicit sum; SPEC F2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    list of sympy.Expr
        ``k + 1`` exact rationals (integer ``n``) or rational functions of ``n`` (Symbol), lowest degree first.

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> legendre_coefficients(3, 2)                        # (3t² - 1)/2
    [-1/2, 0, 3/2]
    """
    n, k = _dim(n), _deg(k)
    if isinstance(n, int):
        return [sp.Rational(int(c.p), int(c.q)) for c in _coefficients_int(n, k)]
    return _coefficients_symbolic(n, k)


def legendre_polynomial(n, k, var=None) -> sp.Expr:
    """The normalised Legendre polynomial of dimension n, P_k^{(n)}(var) with P_k^{(n)}(1) = 1 (SPEC §0.2, F2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``0 <= k <= 20000``.
    var : sympy expression, optional
        The variable (default :data:`hardverify.t`); any expression may be substituted.

    Returns
    -------
    sympy.Expr
        The exact polynomial (rational coefficients, or rational functions of a symbolic ``n``).

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify import t
    >>> legendre_polynomial(2, 5) == sp.expand(sp.chebyshevt(5, t))            # n = 2: Chebyshev T
    True
    >>> legendre_polynomial(4, 5) == sp.expand(sp.chebyshevu(5, t) / 6)        # n = 4: U_k/(k+1)
    True
    """
    var = _t if var is None else sp.sympify(var)
    cs = legendre_coefficients(n, k)
    return sp.Add(*[c * var ** i for i, c in enumerate(cs) if c != 0])


def legendre_recurrence(n, k, var=None) -> list:
    """[P_0, ..., P_k] from the three-term recurrence (SPEC F2.1), an independent route to the polynomials.

    P_0 = 1, P_1 = t, P_{ℓ+1} = [(2ℓ+n-2) t P_ℓ - ℓ P_{ℓ-1}] / (ℓ+n-2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.
    var : sympy.Expr, optional
        The variable (default :data:`hardverify.t`).

    Returns
    -------
    list of sympy.Expr
        [P_0^{(n)}, ..., P_k^{(n)}] in ``var``, expanded.

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> legendre_recurrence(5, 3)[3] == legendre_polynomial(5, 3)
    True
    """
    n, k = _dim(n), _deg(k)
    var = _t if var is None else sp.sympify(var)
    out = [sp.Integer(1), var]
    for ell in range(1, k):
        nxt = ((2 * ell + n - 2) * var * out[ell] - ell * out[ell - 1]) / (ell + n - 2)
        out.append(sp.expand(nxt) if isinstance(n, int) else sp.expand(sp.cancel(nxt)))
    return out[: k + 1]


def legendre_rodrigues(n, k, var=None) -> sp.Expr:
    """P_k^{(n)} from Rodrigues' formula (SPEC F2.2), by symbolic differentiation (for checking; small k).

    P_k^{(n)}(t) = (-1)^k R_k (1-t²)^{(3-n)/2} (d/dt)^k (1-t²)^{k+(n-3)/2},
    R_k = Γ((n-1)/2) / (2^k Γ(k + (n-1)/2)).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.
    var : sympy.Expr, optional
        The variable (default :data:`hardverify.t`).

    Returns
    -------
    sympy.Expr
        P_k^{(n)}(var), expanded; equal to :func:`legendre_polynomial` (the point of the check).

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000`` (in practice keep k small: symbolic differentiation).

    Examples
    --------
    >>> legendre_rodrigues(7, 3) == legendre_polynomial(7, 3)
    True
    """
    n, k = _dim(n), _deg(k)
    x = sp.Symbol("x", real=True)
    s = sp.Rational(n - 3, 2) if isinstance(n, int) else (n - 3) / 2
    R = 1 / (2 ** k * _rising((sp.sympify(n) - 1) / 2, k))
    u = sp.Symbol("u", positive=True)          # u = 1 - x², positive on (-1, 1)
    expr = sp.diff((1 - x ** 2) ** (k + s), x, k)
    expr = expr.subs(1 - x ** 2, u)
    expr = sp.expand(sp.powsimp(sp.expand((-1) ** k * R * u ** (-s) * expr), force=True))
    expr = sp.expand(expr.subs(u, 1 - x ** 2))
    if not isinstance(n, int):
        expr = sp.expand(sp.cancel(sp.together(expr)))
    return expr.subs(x, _t if var is None else sp.sympify(var))


def legendre_values(n, k_max: int, x) -> list:
    """[P_0^{(n)}(x), ..., P_{k_max}^{(n)}(x)] at an exact point x (recurrence F2.1; fmpq when x is rational).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k_max : int
        The largest degree, ``k_max >= 0``.
    x : number or sympy.Expr
        The point (any exact sympy value; rational points with integer ``n`` use flint's fmpq).

    Returns
    -------
    list of sympy.Expr
        The ``k_max + 1`` exact values (the list always starts [1, x] up to its length).

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k_max`` is not a non-negative integer.
    ResourceLimit
        If ``k_max > 20000``.

    Examples
    --------
    >>> legendre_values(3, 3, sp.Rational(1, 2))
    [1, 1/2, -1/8, -7/16]
    """
    n, K = _dim(n), _deg(k_max, "degree k_max")
    x = sp.sympify(x)
    if isinstance(n, int) and x.is_Rational:
        return [sp.Rational(int(v.p), int(v.q)) for v in _values_fmpq(n, K, fmpq(int(x.p), int(x.q)))]
    out = [sp.Integer(1), x]
    for ell in range(1, K):
        v = ((2 * ell + n - 2) * x * out[ell] - ell * out[ell - 1]) / (ell + n - 2)
        out.append(sp.expand(v) if isinstance(n, int) else sp.factor(v))
    return out[: K + 1]


def _values_fmpq(n: int, K: int, x: fmpq) -> list:
    out = [fmpq(1), x]
    for ell in range(1, K):
        out.append(((2 * ell + n - 2) * x * out[ell] - ell * out[ell - 1]) / (ell + n - 2))
    return out[: K + 1]


def legendre_at_zero(n, k) -> sp.Expr:
    """P_k^{(n)}(0) (SPEC F2.5): (-1)^m (2m-1)!! / Π_{i<m} (n-1+2i) for k = 2m, and 0 for odd k.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.

    Returns
    -------
    sympy.Expr
        The exact value (0 for odd k).

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> import sympy as sp
    >>> n = sp.Symbol("n", integer=True, positive=True)
    >>> legendre_at_zero(n, 2)
    -1/(n - 1)
    >>> legendre_at_zero(3, 4) == legendre_polynomial(3, 4, 0) == sp.Rational(3, 8)        # P_4(0) = 3/8
    True
    """
    n, k = _dim(n), _deg(k)
    if k % 2:
        return sp.Integer(0)
    m = k // 2
    if isinstance(n, int):
        v = fmpq(1)
        for i in range(m):
            v = -v * (2 * i + 1) / (n - 1 + 2 * i)
        return sp.Rational(int(v.p), int(v.q))
    return (-1) ** m * sp.factorial2(2 * m - 1) / sp.Mul(*[n - 1 + 2 * i for i in range(m)])


def legendre_moment(n, k, j) -> sp.Expr:
    """E_{t~ν_n}[t^j P_k^{(n)}(t)] in closed form (SPEC F2.4, extended to all j).

    Zero for j < k or j ≢ k (mod 2); otherwise (Rodrigues and k integrations by parts)::

        E[t^j P_k] = Γ(n/2)/(√π 2^k) · j!/(j-k)! · Γ((j-k+1)/2)/Γ((j+k+n)/2)
                   = j!/(j-k)! · (j-k-1)!! / (2^{(j-k)/2 + k} (n/2)_{(j+k)/2}).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    k : int
        The degree, ``k >= 0``.
    j : int
        The power, ``j >= 0``.

    Returns
    -------
    sympy.Expr
        The exact moment (a rational for integer ``n``, an expression in ``n`` for a Symbol).

    Raises
    ------
    DomainError
        If ``n < 2`` or ``k``, ``j`` are not non-negative integers.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> legendre_moment(3, 4, 4)                          # SPEC V11: 8/315
    8/315
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> w = marginal_density(5, x)                              # E_{ν_5}[t⁴ P_2] by direct integration
    >>> legendre_moment(5, 2, 4) == sp.integrate(x**4 * legendre_polynomial(5, 2, x) * w, (x, -1, 1))
    True
    """
    n, k, j = _dim(n), _deg(k), as_nonneg_int(j, "power j")
    if j < k or (j - k) % 2:
        return sp.Integer(0)
    r = (j - k) // 2
    num = sp.factorial(j) / sp.factorial(j - k) * sp.factorial2(2 * r - 1)
    if isinstance(n, int):
        den = _rising(fmpq(n, 2), (j + k) // 2)
        return sp.Rational(num) / (2 ** (r + k) * sp.Rational(int(den.p), int(den.q)))
    return num / (2 ** (r + k) * _rising(n / 2, (j + k) // 2))


def gegenbauer_c(k, lam, var=None) -> sp.Expr:
    """The classical Gegenbauer polynomial C_k^{(λ)}(var) (DLMF 18.5.10), for converting conventions.

    C_k^{(λ)}(t) = Σ_{j ≤ k/2} (-1)^j (λ)_{k-j} (2t)^{k-2j} / (j! (k-2j)!);  P_k^{(n)} = C_k^{(λ)}/C_k^{(λ)}(1)
    with λ = (n-2)/2 > 0 and C_k^{(λ)}(1) = (2λ)_k/k!.

    Parameters
    ----------
    k : int
        The degree, ``0 <= k <= 20000``.
    lam : number or sympy.Expr
        The parameter λ (any exact value; λ = (n-2)/2 relates it to the dimension).
    var : sympy.Expr, optional
        The variable (default :data:`hardverify.t`).

    Returns
    -------
    sympy.Expr
        C_k^{(λ)}(var), expanded.

    Raises
    ------
    DomainError
        If ``k`` is not a non-negative integer.
    ResourceLimit
        If ``k > 20000``.

    Examples
    --------
    >>> import sympy as sp
    >>> from hardverify import t
    >>> lam = sp.Rational(3, 2)                                   # n = 5
    >>> sp.expand(gegenbauer_c(4, lam) / gegenbauer_c(4, lam, 1)) == legendre_polynomial(5, 4)
    True
    """
    k = _deg(k)
    lam = sp.sympify(lam)
    var = _t if var is None else sp.sympify(var)
    out = sp.Integer(0)
    for j in range(k // 2 + 1):
        out += (-1) ** j * _rising(lam, k - j) * (2 * var) ** (k - 2 * j) / (sp.factorial(j) * sp.factorial(k - 2 * j))
    return sp.expand(out)


# ------------------------------------------------------------------------------ the marginal law
def half_gamma_ratio(n, *, compact=None):
    """A_n = Γ(n/2) / (√π Γ((n+1)/2)) = E_{ν_n}|t|, exactly (the one transcendental atom of the sphere layer).

    For n = 2m + 1 it is the rational C(2m, m)/4^m; for n = 2m it is 4^m/(m C(2m, m) π).  Every
    Funk–Hecke eigenvalue of a piecewise polynomial with kinks at 0 is a + b·A_n with a, b rational.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    compact : bool or None
        The size rule of :func:`use_compact`: for integer n > :data:`COMPACT_DIMENSION` (or ``compact=True``)
        the result is the unevaluated :class:`~hardverify.core.closed_forms.GammaRatio` form
        ``GammaRatio(n/2, (n+1)/2)/sqrt(pi)``, the same number, which prints in one line and evaluates at any n.

    Returns
    -------
    sympy.Expr
        Exact: a rational (odd n), a rational over π (even n), the compact Γ form, or the Γ expression for a
        symbolic n.

    Raises
    ------
    DomainError
        If ``n < 2``, a Symbol is not declared a positive integer, or ``compact`` is not True, False or None.
    ResourceLimit
        If ``compact=False`` at n > :data:`MAX_RATIONAL_DIMENSION`.

    Examples
    --------
    >>> half_gamma_ratio(3), half_gamma_ratio(4)
    (1/2, 4/(3*pi))
    >>> half_gamma_ratio(4, compact=True).doit() == half_gamma_ratio(4)
    True
    >>> half_gamma_ratio(10**30)
    (gamma(500000000000000000000000000000)/gamma(1000000000000000000000000000001/2))/sqrt(pi)
    """
    n = _dim(n)
    if isinstance(n, int):
        if use_compact(n, compact):
            return GammaRatio(sp.Rational(n, 2), sp.Rational(n + 1, 2)) / sp.sqrt(sp.pi)
        return _half_gamma_ratio_int(n)
    return sp.gamma(n / 2) / (sp.sqrt(sp.pi) * sp.gamma((n + 1) / 2))


@functools.lru_cache(maxsize=64)
def _half_gamma_ratio_int(n: int) -> sp.Expr:
    q = _half_gamma_ratio_q(n)
    r = sp.Rational(int(q.p), int(q.q))
    return r if n % 2 else r / sp.pi


@functools.lru_cache(maxsize=64)
def _half_gamma_ratio_q(n: int) -> fmpq:
    """The rational part of A_n (A_n itself for odd n, π A_n for even n)."""
    use_compact(n, False)                         # ResourceLimit above MAX_RATIONAL_DIMENSION
    m = n // 2
    if n % 2:
        return fmpq(fmpz.bin_uiui(2 * m, m), fmpz(4) ** m)
    return fmpq(fmpz(4) ** m, m * fmpz.bin_uiui(2 * m, m))


def marginal_constant(n) -> sp.Expr:
    """c_n = Γ(n/2)/(√π Γ((n-1)/2)), the normalising constant of ν_n (SPEC §0.2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.

    Returns
    -------
    sympy.Expr
        c_n exactly (c_2 = 1/π, the arcsine law; c_3 = 1/2, the uniform law on [-1, 1]).

    Raises
    ------
    DomainError
        If ``n < 2`` or a Symbol is not declared a positive integer.

    Examples
    --------
    >>> marginal_constant(3), marginal_constant(2)
    (1/2, 1/pi)
    """
    n = _dim(n)
    if isinstance(n, int):
        return sp.Rational(n - 1, 2) * half_gamma_ratio(n) if n > 2 else 1 / sp.pi
    return sp.gamma(n / 2) / (sp.sqrt(sp.pi) * sp.gamma((n - 1) / 2))


def marginal_density(n, var=None) -> sp.Expr:
    """ν_n(t) = c_n (1-t²)^{(n-3)/2}, the density of ⟨x, e⟩ for x ~ U_n on [-1, 1] (SPEC §0.2).

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    var : sympy.Expr, optional
        The variable (default :data:`hardverify.t`).

    Returns
    -------
    sympy.Expr
        The density in ``var``; it integrates to 1 over [-1, 1].

    Raises
    ------
    DomainError
        If ``n < 2`` or a Symbol is not declared a positive integer.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> [sp.integrate(marginal_density(n, x), (x, -1, 1)) for n in (3, 4, 5)]    # a probability density
    [1, 1, 1]
    """
    n = _dim(n)
    var = _t if var is None else sp.sympify(var)
    return marginal_constant(n) * (1 - var ** 2) ** ((sp.sympify(n) - 3) / 2)


def sphere_area(n, *, compact=None) -> sp.Expr:
    """|S^{n-1}| = 2 π^{n/2} / Γ(n/2), the surface area of the unit sphere in R^n.

    For integer n > :data:`COMPACT_DIMENSION` (or ``compact=True``; the rule of :func:`use_compact`) it is the
    unevaluated :class:`~hardverify.core.closed_forms.SphereArea` (exact; evaluates at any n).  With
    ``measure="surface"`` the Funk–Hecke eigenvalues are multiplied by it.

    Parameters
    ----------
    n : int or sympy.Expr
        The dimension, ``n >= 2``, or a positive-integer Symbol.
    compact : bool or None
        The size rule of :func:`use_compact` (integer n only).

    Returns
    -------
    sympy.Expr
        The exact area 2π^{n/2}/Γ(n/2) (|S^1| = 2π, |S^2| = 4π), or a SphereArea of the same value.

    Raises
    ------
    DomainError
        If ``n < 2``, a Symbol is not declared a positive integer, or ``compact`` is not True, False or None.
    ResourceLimit
        If ``compact=False`` at n > :data:`MAX_RATIONAL_DIMENSION`.

    Examples
    --------
    >>> sphere_area(3), sphere_area(2)
    (4*pi, 2*pi)
    >>> sphere_area(7, compact=True).doit() == sphere_area(7)                 # 16π³/15, either form
    True
    >>> sphere_area(10**6)
    (2*pi**(500000)/gamma(500000))
    """
    n = _dim(n)
    if isinstance(n, int) and use_compact(n, compact):
        return SphereArea(n)
    return 2 * sp.pi ** (sp.sympify(n) / 2) / sp.gamma(sp.sympify(n) / 2)
